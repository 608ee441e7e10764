// How many of the nodes' AZs get interface endpoints, and what each AZ costs. Every AZ the nodes use is the
// resilient default; fewer AZs (endpointAzs) is a saving for non-production stacks, with a warning.
import type { SubnetAz } from "./services";
import { InputError } from "../shared/errors";
import { interfaceEndpointMonthlyUsd, prices, sumUsd } from "../aws/prices";

/** Throws InputError unless `value` is undefined or a whole number of AZs, 1 or more. */
export function checkEndpointAzs(value: unknown, arg = "endpointAzs"): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
        throw new InputError(arg, `expected a whole number of AZs, 1 or more (leave it out for every AZ of the subnets), got ${JSON.stringify(value)}`);
    }
    return value;
}

/** The first `count` AZs of one-subnet-per-AZ choices (sorted by AZ, so the choice does not depend on list order); all without `count`. */
export function limitAzs(chosen: SubnetAz[], count: number | undefined): SubnetAz[] {
    const sorted = [...chosen].sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone));
    return count === undefined ? sorted : sorted.slice(0, count);
}

/**
 * The warning for interface endpoints in fewer AZs than the nodes use, with the monthly saving, or undefined when
 * every node AZ has them. Nodes in an AZ without an endpoint reach one in another AZ, which is billed as cross-AZ
 * data transfer, and lose the endpoints when those AZs fail: an interface endpoint's network interface is zonal
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html, "Considerations": "you can select
 * one subnet per Availability Zone"; for high availability AWS recommends one in each AZ that has resources).
 */
export function endpointAzWarning(args: { nodeAzs: string[]; endpointAzs: string[]; interfaceCount: number; usdPerAzHour?: number }): string | undefined {
    const left = args.nodeAzs.filter((az) => !args.endpointAzs.includes(az));
    if (left.length === 0 || args.interfaceCount === 0) return undefined;
    const one = args.interfaceCount === 1;
    const saving = interfaceEndpointMonthlyUsd(left.length * args.interfaceCount, args.usdPerAzHour ?? prices.interfaceEndpointUsdPerAzHour);
    return (
        `endpointAzs ${args.endpointAzs.length}: the ${args.interfaceCount} interface ${one ? "endpoint is" : "endpoints are"} in ` +
        `${args.endpointAzs.join(", ")} only, not in ${left.join(", ")}: $${saving.toFixed(2)} a month less. Nodes in ${left.join(", ")} reach ` +
        `${one ? "it" : "them"} across AZs (cross-AZ data is billed), and if ${args.endpointAzs.length === 1 ? "that AZ fails" : "those AZs fail"} no node can pull ` +
        `images or get credentials. For non-production stacks; leave endpointAzs out in production.`
    );
}

/** Monthly USD per AZ: each interface endpoint's AZ-hours in that AZ (gateway endpoints have no AZs), sorted by AZ. */
export function costPerAzUsd(interfaceAzs: readonly string[][], usdPerAzHour: number = prices.interfaceEndpointUsdPerAzHour): Record<string, number> {
    const counts = new Map<string, number>();
    for (const azs of interfaceAzs) for (const az of azs) counts.set(az, (counts.get(az) ?? 0) + 1);
    return Object.fromEntries(
        [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([az, n]) => [az, sumUsd([interfaceEndpointMonthlyUsd(n, usdPerAzHour)])]),
    );
}
