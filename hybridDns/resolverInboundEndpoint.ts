// A Route 53 Resolver inbound endpoint in the cluster VPC: DNS servers outside the VPC (peered VPCs through an
// outbound endpoint, on-premises forwarders) send it queries for the cluster endpoint, and the VPC resolver
// behind it answers from the EKS-managed private hosted zone that is associated only with this VPC
// (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Configuring the inbound endpoint").
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkResolverName } from "./resolverNames";
import { checkType, requirePlain } from "../shared/validatedInput";
import { resolverEndpointMonthlyUsd } from "../aws/prices";
import { inComponent } from "../shared/errors";
import { checkAllowedCidrs, validatedEndpointSubnets } from "./resolverChecks";
import { checkUntrackedWithout, checkedSubnetIds, dnsPorts, resolverEndpoint, untracked } from "./resolverEndpoint";
import { keyedSources, securityGroupRules } from "../shared/securityGroupRuleResources";

export interface ResolverInboundEndpointArgs {
    /** The cluster's VPC: the one whose private hosted zone holds the endpoint's private IPs. */
    vpcId: pulumi.Input<string>;
    /**
     * Two or more subnets of `vpcId` in different Availability Zones; the endpoint gets one IP in each. Ids may be
     * Outputs (subnets made in the same program): they are checked and looked up once known.
     */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Networks whose DNS servers query this endpoint (peered VPCs, on-premises resolvers); DNS is allowed from these
     * only. Plain strings: each CIDR names its rule. Required unless `untrackedConnections` (then left out).
     */
    allowedCidrs?: string[];
    /**
     * AWS's recommended untracked rules instead of `allowedCidrs` (Route 53 "Resolver endpoint scaling"): DNS in from
     * 0.0.0.0/0 and all TCP/UDP ports out to 0.0.0.0/0, so no connection is tracked. Tracked connections can throttle
     * an endpoint to about 1,500 queries per second per IP; the trade-off is that the security group no longer limits
     * who may query, so routing and network ACLs must. Default false.
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
        const checked = inComponent("ResolverInboundEndpoint", name, () => {
            const subnets = validatedEndpointSubnets(args.subnetIds);
            checkType(args.endpointName, "endpointName", "string");
            checkResolverName(args.endpointName, "endpointName");
            checkType(args.untrackedConnections, "untrackedConnections", "boolean");
            requirePlain(args.untrackedConnections, "untrackedConnections", "it decides which security group rules exist: pass true or false");
            checkUntrackedWithout(args.allowedCidrs, "allowedCidrs", args.untrackedConnections);
            if (args.untrackedConnections === true) return { subnets, sources: untracked.anywhere };
            checkAllowedCidrs(args.allowedCidrs);
            return { subnets, sources: keyedSources({ cidrs: args.allowedCidrs }, { cidrs: "allowedCidrs", securityGroupIds: "", securityGroups: "" }) };
        });
        super("eks-private-access:index:ResolverInboundEndpoint", name, {}, opts);

        const site = { component: "ResolverInboundEndpoint", name, resource: this };
        const subnetIds = checkedSubnetIds(site, checked.subnets(site), args.vpcId, "subnetIds");
        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: args.vpcId,
                description: "Route 53 Resolver inbound endpoint: DNS from networks that forward the cluster endpoint name",
                tags: args.tags,
            },
            { parent: this },
        );
        // Security groups are stateful, so answers go back without an egress rule; only queries need letting in. The
        // untracked shape also allows every port out to 0.0.0.0/0, which is what keeps its connections untracked.
        securityGroupRules("ingress", name, securityGroup.id, checked.sources, dnsPorts, { parent: this });
        if (args.untrackedConnections === true) securityGroupRules("egress", name, securityGroup.id, untracked.anywhere, untracked.allPorts, { parent: this });
        const endpoint = resolverEndpoint(
            name,
            { direction: "INBOUND", subnetIds, securityGroupId: securityGroup.id, endpointName: args.endpointName, tags: args.tags },
            this,
        );

        this.endpointId = pulumi.all([endpoint.id, subnetIds]).apply(([id]) => id);
        this.ipAddresses = pulumi.all([endpoint.ipAddresses, subnetIds]).apply(([ips]) => ips.map((a) => (a.ip ?? a.ipv6)!));
        this.securityGroupId = securityGroup.id;
        this.monthlyCostUsd = subnetIds.apply((ids) => resolverEndpointMonthlyUsd(ids.length));
        this.registerOutputs({ endpointId: this.endpointId, ipAddresses: this.ipAddresses, securityGroupId: this.securityGroupId, monthlyCostUsd: this.monthlyCostUsd });
    }
}
