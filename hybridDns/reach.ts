// The hybrid DNS reach checks (hybridDns/checks.ts) on looked-up subnets and VPCs: each gates the subnet ids an
// endpoint is created with, so a combination whose queries would be dropped fails on the component, naming the
// argument as the caller wrote it, before the endpoint exists.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../shared/errors";
import { SubnetRange, inboundReachProblem, outboundAdmissionProblem } from "./checks";
import { InputSite, checkedAt } from "../shared/validatedInput";
import { lookup } from "../shared/lookups";

/** The subnets (those in `vpcId`; the endpoint reports the others) and the VPC's associated IPv4 CIDR blocks. */
function lookedUp(site: InputSite, ids: string[], vpcId: pulumi.Input<string>): pulumi.Output<{ subnets: SubnetRange[]; vpcCidrs: string[] }> {
    const subnets = pulumi.all(ids.map((id) => lookup(aws.ec2.getSubnetOutput, { id }, site.resource)));
    const vpc = lookup(aws.ec2.getVpcOutput, { id: vpcId }, site.resource);
    return pulumi.all([subnets, vpc]).apply(([list, v]) => ({
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
    return pulumi.output(subnetIds).apply((ids) =>
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
