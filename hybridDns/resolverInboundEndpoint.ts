// A Route 53 Resolver inbound endpoint in the cluster VPC: DNS servers outside the VPC (peered VPCs through an
// outbound endpoint, on-premises forwarders) send it queries for the cluster endpoint, and the VPC resolver
// behind it answers from the EKS-managed private hosted zone that is associated only with this VPC
// (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Configuring the inbound endpoint").
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resolverEndpointMonthlyUsd } from "../aws/prices";
import type { ResolverInboundEndpointArgs } from "./args";
import { inComponent } from "../shared/errors";
import { resolverEndpoint } from "./resolverEndpoint";
import { after, once } from "../shared/gates";
import { checkedSubnetIds } from "../shared/subnetChecks";
import { resolverSubnetRules } from "./resolverChecks";
import { dnsPorts, planResolverInbound, untracked } from "./plan";
import { securityGroupRules } from "../shared/securityGroupRuleResources";

export type { ResolverInboundEndpointArgs } from "./args";

/**
 * A Route 53 Resolver inbound endpoint in the cluster's VPC: the IPs that peered VPCs and on-premises DNS servers
 * forward the cluster endpoint's name to, so it resolves to the private endpoint (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/). Two or more
 * subnets in distinct AZs; DNS (UDP and TCP 53) allowed from `allowedCidrs` only.
 */
export class ResolverInboundEndpoint extends pulumi.ComponentResource {
    /** The endpoint's id (`rslvr-in-...`). */
    public readonly endpointId: pulumi.Output<string>;
    /** The resolver IPs: one per subnet, the addresses forwarders and resolver rules send queries to. */
    public readonly ipAddresses: pulumi.Output<string[]>;
    /** The security group allowing DNS (UDP and TCP 53) from `allowedCidrs`. */
    public readonly securityGroupId: pulumi.Output<string>;
    /** Estimated USD a month: one billed IP (network interface) per subnet; DNS queries are billed on top by volume. */
    public readonly monthlyCostUsd: pulumi.Output<number>;

    constructor(name: string, args: ResolverInboundEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = inComponent("ResolverInboundEndpoint", name, () => planResolverInbound(args));
        super("eks-private-access:index:ResolverInboundEndpoint", name, {}, opts);

        const site = { component: "ResolverInboundEndpoint", name, resource: this };
        const subnetIds = checkedSubnetIds(site, plan.subnetIds(site), args.vpcId, "subnetIds", resolverSubnetRules);
        // Nothing is registered before the subnet look-up passes: the security group, its rules and the endpoint wait for it.
        const gated = { parent: this, dependsOn: after(subnetIds) };
        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: args.vpcId,
                description: "Route 53 Resolver inbound endpoint: DNS from networks that forward the cluster endpoint name",
                tags: args.tags,
            },
            gated,
        );
        // Security groups are stateful, so answers go back without an egress rule; only queries need letting in. The
        // untracked shape also allows every port out to 0.0.0.0/0, which is what keeps its connections untracked.
        securityGroupRules("ingress", name, securityGroup.id, plan.peers, dnsPorts, gated);
        if (plan.untracked) securityGroupRules("egress", name, securityGroup.id, untracked.anywhere, untracked.allPorts, gated);
        const endpoint = resolverEndpoint(
            name,
            { direction: "INBOUND", subnetIds, securityGroupId: securityGroup.id, endpointName: args.endpointName, tags: args.tags },
            this,
        );

        this.endpointId = once(subnetIds, endpoint.id);
        this.ipAddresses = once(subnetIds, endpoint.ipAddresses.apply((ips) => ips.map((a) => (a.ip ?? a.ipv6))));
        this.securityGroupId = once(subnetIds, securityGroup.id);
        this.monthlyCostUsd = subnetIds.apply((ids) => resolverEndpointMonthlyUsd(ids.length));
        this.registerOutputs({ endpointId: this.endpointId, ipAddresses: this.ipAddresses, securityGroupId: this.securityGroupId, monthlyCostUsd: this.monthlyCostUsd });
    }
}
