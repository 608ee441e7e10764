// The hybrid DNS look-up checks (hybridDns/checks.ts on looked-up subnets and VPCs): each gates the subnet ids an
// endpoint is created with, and HybridDnsAccess (or PrivateCluster) makes every child wait for all of them, so a
// combination whose queries would be dropped fails on the component, naming the argument as the caller wrote it,
// before any of its resources exists.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../shared/errors";
import type { HybridDnsAccessPlan } from "./accessPlan";
import { SubnetRange, forwardingLoopProblem, inboundReachProblem, outboundAdmissionProblem } from "./checks";
import { checkedSubnetIds } from "../shared/subnetChecks";
import { resolverSubnetRules } from "./resolverChecks";
import { InputSite, checkedAt } from "../shared/validatedInput";
import { applyEach, outputOf } from "../shared/outputs";
import { lookup } from "../shared/lookups";

/** The subnets (those in `vpcId`; the endpoint reports the others) and the VPC's associated IPv4 CIDR blocks. */
function lookedUp(site: InputSite, ids: string[], vpcId: pulumi.Input<string>): pulumi.Output<{ subnets: SubnetRange[]; vpcCidrs: string[] }> {
    const vpc = lookup(aws.ec2.getVpcOutput, { id: vpcId }, site.resource);
    return applyEach([vpc, ...ids.map((id) => lookup(aws.ec2.getSubnetOutput, { id }, site.resource))], ([v, ...list]) => ({
        subnets: list.filter((s) => s.vpcId === v.id).map((s) => ({ id: s.id, vpcId: s.vpcId, cidrBlock: s.cidrBlock })),
        vpcCidrs: [v.cidrBlock, ...v.cidrBlockAssociations.filter((a) => a.state === "associated" && a.cidrBlock !== v.cidrBlock).map((a) => a.cidrBlock)],
    }));
}

/** The subnet ids, once `problemOf` finds nothing wrong with the looked-up subnets; otherwise fails naming `arg`. */
function gated(
    site: InputSite,
    subnetIds: pulumi.Input<string[]>,
    vpcId: pulumi.Input<string>,
    arg: string,
    problemOf: (subnets: SubnetRange[], vpcCidrs: string[]) => string | undefined,
): pulumi.Output<string[]> {
    return outputOf(subnetIds).apply((ids) =>
        lookedUp(site, ids, vpcId).apply(({ subnets, vpcCidrs }) =>
            checkedAt(site, () => {
                const problem = problemOf(subnets, vpcCidrs);
                if (problem) throw new InputError(arg, problem);
                return ids;
            }),
        ),
    );
}

/** The inbound subnet ids, once every one lies inside `targets`, the outbound endpoint's DNS egress. */
export function reachableInboundSubnets(
    site: InputSite,
    subnetIds: pulumi.Input<string[]>,
    vpcId: pulumi.Input<string>,
    targets: string[],
    names: { subnets: string; cidrs: string; fix: string },
): pulumi.Output<string[]> {
    return gated(site, subnetIds, vpcId, names.subnets, (subnets, vpcCidrs) => inboundReachProblem(subnets, targets, vpcCidrs, names));
}

/** The outbound subnet ids, once the inbound endpoint admits every one of them (`admitted`). */
export function admittedOutboundSubnets(
    site: InputSite,
    subnetIds: pulumi.Input<string[]>,
    vpcId: pulumi.Input<string>,
    admitted: string[],
    names: { subnets: string; admitted: string; fix: string },
): pulumi.Output<string[]> {
    return gated(site, subnetIds, vpcId, names.subnets, (subnets, vpcCidrs) => outboundAdmissionProblem(subnets, admitted, vpcCidrs, names));
}

/**
 * The VPC ids the forwarding rule is associated with, once none is the cluster VPC (computed ids compared when
 * known; plain ones were compared by the plan).
 */
function loopChecked(site: InputSite, clusterVpcId: pulumi.Input<string>, vpcs: { arg: string; vpcId: pulumi.Input<string> }[]): pulumi.Output<string[]> {
    return applyEach([clusterVpcId, ...vpcs.map((v) => v.vpcId)], ([cluster, ...ids]) =>
        checkedAt(site, () => {
            ids.forEach((vpcId, i) => {
                const problem = forwardingLoopProblem(vpcId, cluster);
                if (problem) throw new InputError(vpcs[i].arg, problem);
            });
            return ids;
        }),
    );
}

/** The hybrid DNS look-up checks' results: every child of HybridDnsAccess (or of a composite around it) waits for all. */
export interface HybridDnsChecks {
    /** The inbound subnets, once in the cluster VPC, in two AZs and (with an outbound endpoint) inside its DNS targets. */
    inboundSubnetIds: pulumi.Output<string[]>;
    /** The outbound subnets, once in the outbound VPC, in two AZs and admitted by the inbound endpoint. */
    outboundSubnetIds?: pulumi.Output<string[]>;
    /** The forwarding rule's VPCs, once none is the cluster VPC. */
    ruleVpcs?: pulumi.Output<string[]>;
}

/**
 * Runs the plan's look-up checks, failing on `site` with the plan's argument names. `inboundSubnetIds`: the ids to
 * look up (default the plan's; a composite passes subnets it has checked already, whose failure then stands alone).
 */
export function hybridDnsChecks(site: InputSite, plan: HybridDnsAccessPlan, clusterVpcId: pulumi.Input<string>, inboundSubnetIds?: pulumi.Input<string[]>): HybridDnsChecks {
    const names = plan.names;
    let inbound = checkedSubnetIds(site, inboundSubnetIds ?? plan.inbound.subnetIds(site), clusterVpcId, names.inboundSubnetIds, resolverSubnetRules);
    const out = plan.outbound;
    if (out === undefined) return { inboundSubnetIds: inbound };
    let outbound = checkedSubnetIds(site, out.endpoint.subnetIds(site), out.vpcId, names.outboundSubnetIds, resolverSubnetRules);
    // The untracked security groups admit and send DNS to 0.0.0.0/0, so the endpoints reach each other anyway.
    if (!plan.untracked) {
        inbound = reachableInboundSubnets(site, inbound, clusterVpcId, plan.vpcCidrs, { subnets: names.inboundSubnetIds, cidrs: names.clusterVpcCidrs, fix: names.clusterVpcCidrsFix });
        outbound = admittedOutboundSubnets(site, outbound, out.vpcId, plan.networks, { subnets: names.outboundSubnetIds, admitted: names.networks, fix: names.networksFix });
    }
    return { inboundSubnetIds: inbound, outboundSubnetIds: outbound, ruleVpcs: loopChecked(site, clusterVpcId, out.associations) };
}
