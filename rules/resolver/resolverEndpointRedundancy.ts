// resolver-endpoint-redundancy: a Route 53 Resolver endpoint keeps resolving when one Availability Zone fails: at
// least two IP addresses, in subnets of at least two AZs (Route 53 developer guide,
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-inbound-queries.html, "Configuring
// inbound forwarding"; AWS Compute blog, https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/,
// "Create an inbound endpoint in the worker node VPC": an IP in each of two AZs). The AZ check is hybridDns's own
// (resolverChecks.ts), so the component and the rule word it alike.
import { tooFewSubnets } from "../../hybridDns/resolverChecks";
import { subnetAzProblem } from "../../shared/subnetProblems";
import { resolverAzReason } from "../../aws/availabilityZones";
import { RESOLVER_ENDPOINT, StackIndex, SUBNET } from "../stackIndex";
import { StackResource, StackRule, Violation } from "../types";
import { itemOf, knownString, Maybe, peek, peekList, propsOf, UNKNOWN } from "../values";

function direction(endpoint: StackResource): string {
    const d = peek(() => endpoint.inputs.direction);
    return typeof d === "string" ? d.toLowerCase() : "";
}

/** The subnets of the endpoint's IPs: by id, or through the URNs `ipAddresses` depends on. */
function endpointSubnets(index: StackIndex, endpoint: StackResource, ids: Maybe<unknown>[]): StackResource[] | undefined {
    const refs = index.refs(endpoint, "ipAddresses", ids, SUBNET);
    if (refs.some((r) => r.resource === undefined) || refs.length === 0) return undefined;
    return refs.map((r) => r.resource!);
}

/** At least two IPs, in at least two AZs. */
export const resolverEndpointRedundancy: StackRule = {
    kind: "stack",
    name: "resolver-endpoint-redundancy",
    description: "A Route 53 Resolver endpoint has at least two IP addresses, in subnets of at least two Availability Zones.",
    severity: "medium",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation: "Give the endpoint an IP address in a subnet of a second Availability Zone (ipAddresses: one entry per subnet).",
    link: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-inbound-queries.html",
    source: "https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, \"Create an inbound endpoint in the worker node VPC\" (an IP in each of two AZs)",
    resourceTypes: [RESOLVER_ENDPOINT, SUBNET],
    check(resources) {
        const index = new StackIndex(resources);
        const out: Violation[] = [];
        for (const endpoint of index.ofType(RESOLVER_ENDPOINT)) {
            const dir = direction(endpoint);
            const what = `Route 53 Resolver ${dir ? `${dir} ` : ""}endpoint "${endpoint.name}"`;
            const ips = peekList(() => endpoint.inputs.ipAddresses);
            if (ips === UNKNOWN) continue;
            const ids = ips.map((_, i) => peek(() => propsOf(itemOf(endpoint.inputs.ipAddresses, i))?.subnetId));
            if (ips.length < 2) {
                out.push({ urn: endpoint.urn, message: `${what}: ${tooFewSubnets(ips.length, "ipAddresses").message}` });
                continue;
            }
            const subnets = endpointSubnets(index, endpoint, ids);
            if (subnets === undefined) continue;
            const azs = subnets.map((s) => ({ s, az: knownString(peek(() => s.inputs.availabilityZone ?? s.inputs.availabilityZoneId)) }));
            if (azs.some((a) => a.az === undefined)) continue;
            const problem = subnetAzProblem(
                azs.map((a) => ({ id: index.idOf(a.s) ?? a.s.name, availabilityZone: a.az! })),
                "ipAddresses",
                resolverAzReason,
            );
            if (problem) out.push({ urn: endpoint.urn, message: `${what}: ${problem}` });
        }
        return out;
    },
};
