// A Route 53 Resolver outbound endpoint in a peered or shared-services VPC: resolver rules associated with VPCs
// in the region send matching queries out through it, here to the inbound endpoint in the cluster VPC
// (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Connecting from a peered VPC").
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resolverEndpointMonthlyUsd } from "../aws/prices";
import type { ResolverOutboundEndpointArgs } from "./args";
import { inComponent } from "../shared/errors";
import { resolverEndpoint } from "./resolverEndpoint";
import { after, once } from "../shared/gates";
import { checkedSubnetIds } from "../shared/subnetChecks";
import { resolverSubnetRules } from "./resolverChecks";
import { dnsPorts, planResolverOutbound, untracked } from "./plan";
import { securityGroupRules } from "../shared/securityGroupRuleResources";

export type { ResolverOutboundEndpointArgs } from "./args";

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
        const plan = inComponent("ResolverOutboundEndpoint", name, () => planResolverOutbound(args));
        super("eks-private-access:index:ResolverOutboundEndpoint", name, {}, opts);

        const site = { component: "ResolverOutboundEndpoint", name, resource: this };
        const subnetIds = checkedSubnetIds(site, plan.subnetIds(site), args.vpcId, "subnetIds", resolverSubnetRules);
        // Nothing is registered before the subnet look-up passes: the security group, its rules and the endpoint wait for it.
        const gated = { parent: this, dependsOn: after(subnetIds) };
        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: args.vpcId,
                description: "Route 53 Resolver outbound endpoint: DNS to the resolvers its rules forward to",
                tags: args.tags,
            },
            gated,
        );
        // The endpoint starts every conversation, so it needs egress to the targets; answers come back through the
        // stateful security group without an ingress rule. aws.ec2.SecurityGroup removes the allow-all egress rule
        // AWS adds to a new group, so without these rules the endpoint could send nothing.
        securityGroupRules("egress", name, securityGroup.id, plan.peers, dnsPorts, gated);
        if (plan.untracked) securityGroupRules("ingress", name, securityGroup.id, untracked.anywhere, untracked.allPorts, gated);
        const endpoint = resolverEndpoint(
            name,
            { direction: "OUTBOUND", subnetIds, securityGroupId: securityGroup.id, endpointName: args.endpointName, tags: args.tags },
            this,
        );

        this.endpointId = once(subnetIds, endpoint.id);
        this.securityGroupId = once(subnetIds, securityGroup.id);
        this.monthlyCostUsd = subnetIds.apply((ids) => resolverEndpointMonthlyUsd(ids.length));
        this.registerOutputs({ endpointId: this.endpointId, securityGroupId: this.securityGroupId, monthlyCostUsd: this.monthlyCostUsd });
    }
}
