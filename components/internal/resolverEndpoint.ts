// What the inbound and outbound Route 53 Resolver endpoints share: the subnet look-up that proves the endpoint
// spans two Availability Zones, and the endpoint resource itself, created only once that check passes.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { subnetAzProblem } from "../../lib/resolverChecks";
import { lookup } from "./lookups";

/** The two DNS ports every resolver endpoint security group opens (DNS uses TCP for large answers and zone data). */
export const dnsPorts = [
    { protocol: "udp" as const, port: 53, purpose: "DNS" },
    { protocol: "tcp" as const, port: 53, purpose: "DNS" },
];

/**
 * Looks up every subnet id that is a plain string and resolves to the subnet ids once they span at least two
 * Availability Zones and all lie in `vpcId` (when that is a plain string); otherwise the Output rejects with a
 * message naming the component, `arg` and the fix. Ids known only at deployment are passed through unchecked.
 */
export function checkedSubnetIds(
    component: string,
    name: string,
    subnetIds: pulumi.Input<string>[],
    vpcId: pulumi.Input<string>,
    arg: string,
    parent: pulumi.Resource,
): pulumi.Output<string[]> {
    const plain = subnetIds.filter((id): id is string => typeof id === "string");
    if (plain.length < subnetIds.length || plain.length === 0) return pulumi.all(subnetIds);
    const lookups = plain.map((id) => lookup(aws.ec2.getSubnetOutput, { id }, parent));
    return pulumi.all(lookups).apply((subnets) => {
        if (typeof vpcId === "string") {
            const elsewhere = subnets.filter((s) => s.vpcId !== vpcId);
            if (elsewhere.length > 0) {
                throw new Error(
                    `${component} "${name}": ${arg}: ${elsewhere.map((s) => `${s.id} is in ${s.vpcId}`).join(", ")}, not in ` +
                        `vpcId ${vpcId}; an endpoint's IPs and its security group must be in one VPC. List subnets of ${vpcId}`,
                );
            }
        }
        const problem = subnetAzProblem(
            subnets.map((s) => ({ id: s.id, availabilityZone: s.availabilityZone })),
            arg,
        );
        if (problem) throw new Error(`${component} "${name}": ${problem}`);
        return plain;
    });
}

export interface EndpointSpec {
    direction: "INBOUND" | "OUTBOUND";
    subnetIds: pulumi.Output<string[]>;
    securityGroupId: pulumi.Input<string>;
    endpointName?: string;
    tags?: Record<string, string>;
}

/** The Route 53 Resolver endpoint, with one automatically chosen IP in each checked subnet, speaking plain DNS. */
export function resolverEndpoint(name: string, spec: EndpointSpec, parent: pulumi.Resource): aws.route53.ResolverEndpoint {
    return new aws.route53.ResolverEndpoint(
        `${name}-endpoint`,
        {
            name: spec.endpointName ?? name,
            direction: spec.direction,
            securityGroupIds: [spec.securityGroupId],
            ipAddresses: spec.subnetIds.apply((ids) => ids.map((subnetId) => ({ subnetId }))),
            protocols: ["Do53"],
            tags: spec.tags,
        },
        { parent },
    );
}
