// What the endpoint components output, and the pure functions that derive it from the placement and the
// endpoints' attributes (one Output per component, vpcEndpoints/build.ts).
import type * as pulumi from "@pulumi/pulumi";
import { EndpointType, Placement, endpointMonthlyCostUsd, monthlyCostUsd } from "./services";
import { costPerAzUsd } from "./azs";
import type { InputError } from "../shared/errors";

/** One DNS name of an endpoint (regional, zonal or private). */
export interface EndpointDnsEntry {
    /** The DNS name (`vpce-…-….ecr.api.us-east-1.vpce.amazonaws.com`, or the service's private DNS name). */
    dnsName: string;
    /** The Route 53 hosted zone that holds the name (for alias records). */
    hostedZoneId: string;
}

/** What was created for one service. */
export interface EndpointDescription {
    /** The endpoint id (`vpce-…`). */
    id: string;
    /** "Interface" or "Gateway". */
    type: EndpointType;
    /** The AWS service name the region's look-up returned (`com.amazonaws.us-east-1.ecr.api`, `cn.com.amazonaws.…`). */
    serviceName: string;
    /** DNS names of an interface endpoint (regional, zonal, and the private DNS name when on), with hosted zone ids. */
    dnsEntries: EndpointDnsEntry[];
    /** AZs an interface endpoint has a subnet in; empty for gateway endpoints. */
    availabilityZones: string[];
    /** The gateway endpoint's prefix list (for security group and NACL rules); empty for interface endpoints. */
    prefixListId: string;
    /** Estimated USD a month for this endpoint: its AZ-hours for an interface endpoint, 0 for a gateway. */
    monthlyCostUsd: number;
}

export interface BuiltEndpoints {
    endpoints: pulumi.Output<Record<string, EndpointDescription>>;
    endpointIds: pulumi.Output<Record<string, string>>;
    serviceNames: pulumi.Output<Record<string, string>>;
    /** Per service: AZs of an interface endpoint (from the placement, so placement errors show here first). */
    availabilityZones: pulumi.Output<Record<string, string[]>>;
    securityGroupId: pulumi.Output<string | undefined>;
    monthlyCostUsd: pulumi.Output<number>;
    /** Monthly USD per AZ of the interface endpoints, by AZ. */
    costPerAzUsd: pulumi.Output<Record<string, number>>;
}

/** Each endpoint's placement by key (interface endpoints), or the one-line reason it has none. */
export type Placements = Record<string, Placement | { error: InputError }>;

/** The AZs of each endpoint by key: its placement's for an interface endpoint, none for a gateway. Throws a placement's InputError. */
export function zonesByKey(endpoints: { key: string; type: EndpointType }[], placements: Placements): Record<string, string[]> {
    return Object.fromEntries(endpoints.map((e) => [e.key, e.type === EndpointType.Interface ? placed(placements, e.key).availabilityZones : []]));
}

/** The placement of `key`; throws its InputError when the service could not be placed. */
export function placed(placements: Placements, key: string): Placement {
    const p = placements[key];
    if ("error" in p) throw p.error;
    return p;
}

/** What the builder reads from each registered endpoint, in the order of `endpoints`. */
export interface EndpointAttributes {
    id: string;
    dnsEntries?: { dnsName: string; hostedZoneId: string }[];
    prefixListId?: string;
}

/** The components' `endpoints` output: each endpoint's description by key. */
export function describeEndpoints(
    endpoints: { key: string; type: EndpointType }[],
    names: Record<string, string>,
    zones: Record<string, string[]>,
    attributes: EndpointAttributes[],
    usdPerAzHour: number,
): Record<string, EndpointDescription> {
    return Object.fromEntries(
        endpoints.map(({ key, type }, i): [string, EndpointDescription] => {
            const { id, dnsEntries, prefixListId } = attributes[i];
            return [
                key,
                {
                    id,
                    type,
                    serviceName: names[key],
                    dnsEntries: (dnsEntries ?? []).map((d) => ({ dnsName: d.dnsName, hostedZoneId: d.hostedZoneId })),
                    availabilityZones: zones[key],
                    prefixListId: type === EndpointType.Gateway ? (prefixListId ?? "") : "",
                    monthlyCostUsd: endpointMonthlyCostUsd(type, zones[key].length, usdPerAzHour),
                },
            ];
        }),
    );
}

/** The components' cost outputs from the zones: the planned endpoints' total (an added S3 gateway is free) and per AZ. */
export function endpointCosts(
    planned: { service: string; type: EndpointType }[],
    zones: Record<string, string[]>,
    usdPerAzHour: number,
): { monthlyCostUsd: number; costPerAzUsd: Record<string, number> } {
    return {
        monthlyCostUsd: monthlyCostUsd(planned.map((e) => ({ type: e.type, azCount: zones[e.service].length })), usdPerAzHour),
        costPerAzUsd: costPerAzUsd(planned.filter((e) => e.type === EndpointType.Interface).map((e) => zones[e.service]), usdPerAzHour),
    };
}
