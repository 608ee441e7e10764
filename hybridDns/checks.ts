// What the Resolver endpoints of hybrid DNS can reach, decided from looked-up subnets and VPCs: the outbound
// endpoint's DNS egress must cover every inbound IP, the inbound endpoint must admit the outbound endpoint's IPs, and
// no VPC associated with the forwarding rule may hold the inbound endpoint.
import { cidrContains, cidrsCover } from "../shared/cidr";
import { InputError } from "../shared/errors";

/** A looked-up subnet: where an endpoint IP in it can be. */
export interface SubnetRange {
    id: string;
    vpcId: string;
    cidrBlock: string;
}

/**
 * Why the outbound endpoint cannot reach every inbound IP, or undefined when it can. Its security group sends DNS
 * only to `targets` (the CIDRs given for the cluster VPC), and each inbound IP is an address of its subnet's CIDR
 * block, so every inbound subnet must lie inside a target. `vpcCidrs` (the VPC's CIDR blocks, looked up) name the fix.
 */
export function inboundReachProblem(subnets: SubnetRange[], targets: string[], vpcCidrs: string[], names: { cidrs: string; fix: string }): string | undefined {
    const outside = subnets.filter((s) => !targets.some((t) => cidrContains(t, s.cidrBlock)));
    if (outside.length === 0) return undefined;
    return (
        `${outside.map((s) => `${s.id} (${s.cidrBlock})`).join(", ")} ${outside.length === 1 ? "is" : "are"} outside ${names.cidrs} ` +
        `(${targets.join(", ")}), the outbound endpoint's only DNS targets, so the queries it forwards to the inbound IP there are dropped. ` +
        `List every CIDR block of the cluster VPC in ${names.fix}: ${vpcCidrs.join(", ")}`
    );
}

/**
 * Why the inbound endpoint would drop the outbound endpoint's queries, or undefined when it admits them: the inbound
 * security group admits DNS from `admitted` only, and the outbound endpoint sends from its own IPs, in its subnets.
 * `vpcCidrs` (the outbound VPC's CIDR blocks, looked up) name the fix.
 */
export function outboundAdmissionProblem(subnets: SubnetRange[], admitted: string[], vpcCidrs: string[], names: { admitted: string; fix: string }): string | undefined {
    const outside = subnets.filter((s) => !cidrsCover(admitted, s.cidrBlock));
    if (outside.length === 0) return undefined;
    const blocks = [...new Set(outside.map((s) => vpcCidrs.find((v) => cidrContains(v, s.cidrBlock)) ?? s.cidrBlock))];
    return (
        `${outside.map((s) => `${s.id} (${s.cidrBlock})`).join(", ")} ${outside.length === 1 ? "is" : "are"} outside ${names.admitted}, ` +
        `and the inbound endpoint admits DNS from those networks only, so every query the outbound endpoint forwards is dropped. ` +
        `Add the outbound VPC's ${blocks.join(", ")} to ${names.fix}`
    );
}

/**
 * Why associating the forwarding rule with `vpcId` would loop, or undefined. Route 53 Developer Guide, "Avoid loop
 * configurations with Resolver endpoints" (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/best-practices-resolver-endpoints.html):
 * don't associate the same VPC to a Resolver rule and its inbound endpoint; the query is passed back and forth
 * between the inbound and outbound endpoints.
 */
export function forwardingLoopProblem(vpcId: string, clusterVpcId: string): string | undefined {
    if (vpcId !== clusterVpcId) return undefined;
    return (
        `${vpcId} is the cluster VPC, which holds the inbound endpoint: a rule associated with it sends the queries the inbound ` +
        `endpoint receives back out through the outbound endpoint, in a loop (AWS: don't associate the same VPC to a Resolver rule ` +
        `and its inbound endpoint). The cluster VPC resolves its endpoint itself: associate the rule with the other VPCs only`
    );
}

/** `forwardingLoopProblem` for the plain ids among the VPCs a rule is associated with, each named by its argument. */
export function checkForwardingLoops(clusterVpcId: unknown, associated: { arg: string; vpcId: unknown }[]): void {
    if (typeof clusterVpcId !== "string") return;
    for (const a of associated) {
        const problem = typeof a.vpcId === "string" ? forwardingLoopProblem(a.vpcId, clusterVpcId) : undefined;
        if (problem) throw new InputError(a.arg, problem);
    }
}
