// A Route 53 Resolver outbound endpoint in a peered or shared-services VPC: resolver rules associated with VPCs
// in the region send matching queries out through it, here to the inbound endpoint in the cluster VPC
// (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Connecting from a peered VPC").
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { cidrsNameRules } from "../shared/ruleSources";
import { checkResolverName } from "./resolverNames";
import { checkType, requirePlain } from "../shared/validatedInput";
import { resolverEndpointMonthlyUsd } from "../aws/prices";
import { inComponent, InputError } from "../shared/errors";
import { validatedEndpointSubnets } from "./resolverChecks";
import { checkUntrackedWithout, checkedSubnetIds, dnsPorts, resolverEndpoint, untracked } from "./resolverEndpoint";
import { keyedSources, securityGroupRules } from "../shared/securityGroupRuleResources";

export interface ResolverOutboundEndpointArgs {
    /** The VPC the endpoint sends queries from (a peered or shared-services VPC). */
    vpcId: pulumi.Input<string>;
    /**
     * Two or more subnets of `vpcId` in different Availability Zones; the endpoint gets one IP in each. Ids may be
     * Outputs (subnets made in the same program): they are checked and looked up once known.
     */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Where the DNS servers the rules forward to are (the cluster VPC's CIDRs); DNS egress is allowed to these only. Plain strings: each CIDR names its rule. Required unless `untrackedConnections` (then left out). */
    targetCidrs?: string[];
    /**
     * AWS's recommended untracked rules instead of `targetCidrs` (Route 53 "Resolver endpoint scaling"): DNS out to
     * 0.0.0.0/0 and all TCP/UDP ports in from 0.0.0.0/0, so no connection is tracked and the endpoint is not throttled
     * by connection tracking; the trade-off is that the security group no longer limits where queries go. Default false.
     */
    untrackedConnections?: boolean;
    /**
     * Name of the endpoint in Route 53 Resolver: at most 64 letters, digits, spaces, - and _ (checked). Default: the
     * resource name, with other characters as - and shortened to 64 when longer.
     */
    endpointName?: string;
    /** Tags for the endpoint and its security group. */
    tags?: Record<string, string>;
}

/**
 * A Route 53 Resolver outbound endpoint in a peered or shared-services VPC: where that VPC's forwarding rules send
 * queries from (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/). Two or more subnets in distinct AZs; DNS egress only to the target CIDRs.
 */
export class ResolverOutboundEndpoint extends pulumi.ComponentResource {
    /** The endpoint's id (`rslvr-out-...`), for resolver rules. */
    public readonly endpointId: pulumi.Output<string>;
    /** The security group allowing DNS (UDP and TCP 53) out to `targetCidrs`. */
    public readonly securityGroupId: pulumi.Output<string>;
    /** Estimated USD a month: one billed IP (network interface) per subnet; DNS queries are billed on top by volume. */
    public readonly monthlyCostUsd: pulumi.Output<number>;

    constructor(name: string, args: ResolverOutboundEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        const checked = inComponent("ResolverOutboundEndpoint", name, () => {
            const subnets = validatedEndpointSubnets(args.subnetIds);
            checkType(args.endpointName, "endpointName", "string");
            checkResolverName(args.endpointName, "endpointName");
            checkType(args.untrackedConnections, "untrackedConnections", "boolean");
            requirePlain(args.untrackedConnections, "untrackedConnections", "it decides which security group rules exist: pass true or false");
            checkUntrackedWithout(args.targetCidrs, "targetCidrs", args.untrackedConnections);
            if (args.untrackedConnections === true) return { subnets, targets: untracked.anywhere };
            requirePlain(args.targetCidrs, "targetCidrs", cidrsNameRules);
            if (!Array.isArray(args.targetCidrs) || args.targetCidrs.length === 0) {
                throw new InputError(
                    "targetCidrs",
                    "no targets given; list the CIDRs of the DNS servers the rules forward to (the cluster VPC's CIDR, " +
                        "where the inbound endpoint's IPs are), or the endpoint's queries have nowhere to go",
                );
            }
            return { subnets, targets: keyedSources({ cidrs: args.targetCidrs }, { cidrs: "targetCidrs", securityGroupIds: "", securityGroups: "" }) };
        });
        super("eks-private-access:index:ResolverOutboundEndpoint", name, {}, opts);

        const site = { component: "ResolverOutboundEndpoint", name, resource: this };
        const subnetIds = checkedSubnetIds(site, checked.subnets(site), args.vpcId, "subnetIds");
        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: args.vpcId,
                description: "Route 53 Resolver outbound endpoint: DNS to the resolvers its rules forward to",
                tags: args.tags,
            },
            { parent: this },
        );
        // The endpoint starts every conversation, so it needs egress to the targets; answers come back through the
        // stateful security group without an ingress rule. aws.ec2.SecurityGroup removes the allow-all egress rule
        // AWS adds to a new group, so without these rules the endpoint could send nothing.
        securityGroupRules("egress", name, securityGroup.id, checked.targets, dnsPorts, { parent: this });
        if (args.untrackedConnections === true) securityGroupRules("ingress", name, securityGroup.id, untracked.anywhere, untracked.allPorts, { parent: this });
        const endpoint = resolverEndpoint(
            name,
            { direction: "OUTBOUND", subnetIds, securityGroupId: securityGroup.id, endpointName: args.endpointName, tags: args.tags },
            this,
        );

        this.endpointId = pulumi.all([endpoint.id, subnetIds]).apply(([id]) => id);
        this.securityGroupId = securityGroup.id;
        this.monthlyCostUsd = subnetIds.apply((ids) => resolverEndpointMonthlyUsd(ids.length));
        this.registerOutputs({ endpointId: this.endpointId, securityGroupId: this.securityGroupId, monthlyCostUsd: this.monthlyCostUsd });
    }
}
