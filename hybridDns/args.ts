// The arguments of the hybrid DNS components, apart from the components (so the pure planners in plan.ts and
// accessPlan.ts read them without importing a component).
import type * as pulumi from "@pulumi/pulumi";
import type { ForwardingScope } from "./resolverChecks";
import type { EndpointAccessMode } from "../apiEndpoint/endpointAccess";
import type { ConnectedDns } from "./need";

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

export interface ClusterDnsForwardingArgs {
    /** The cluster endpoint, as a URL (`https://ABC.gr7.us-east-1.eks.amazonaws.com`) or host name. */
    clusterEndpoint: pulumi.Input<string>;
    /** `cluster` (default) forwards the endpoint's host name; `region` forwards the region's EKS domain for every cluster in it (IPv4 endpoints only: a dual-stack `<region>.api.aws` is refused, it is every service's parent). */
    scope?: ForwardingScope;
    /** The inbound endpoint's IPs in the cluster VPC (ResolverInboundEndpoint.ipAddresses); queries go to port 53 on each. */
    resolverIps: pulumi.Input<pulumi.Input<string>[]>;
    /** The outbound endpoint the rule sends queries through (ResolverOutboundEndpoint.endpointId). */
    outboundEndpointId: pulumi.Input<string>;
    /** VPCs that use the rule, by plain id; never the cluster VPC, which resolves the endpoint itself. */
    vpcIds?: string[];
    /** VPCs that use the rule whose ids are known only at deployment, keyed by a stable label (`{ peered: vpc.id }`). */
    vpcs?: Record<string, pulumi.Input<string>>;
    /** AWS RAM principals to share the rule with: account ids, organization ARNs or OU ARNs. */
    shareWith?: string[];
    /** Allow sharing with accounts outside your organization (AWS RAM `allowExternalPrincipals`); default false. */
    allowExternalPrincipals?: boolean;
    /**
     * Name of the rule in Route 53 Resolver: at most 64 letters, digits, spaces, - and _ (checked). Default: the
     * resource name, with other characters as - and shortened to 64 when longer.
     */
    ruleName?: string;
}

export interface HybridDnsAccessArgs {
    /** The cluster endpoint, as a URL (`https://ABC.gr7.us-east-1.eks.amazonaws.com`) or host name. */
    clusterEndpoint: pulumi.Input<string>;
    /** `cluster` (default) forwards the endpoint's host name; `region` forwards the region's EKS domain for every cluster in it (IPv4 endpoints only: a dual-stack `<region>.api.aws` is refused, it is every service's parent). */
    scope?: ForwardingScope;
    /** The cluster's control-plane security group (aws.eks.Cluster vpcConfig.clusterSecurityGroupId); gets the TCP 443 rules. */
    clusterSecurityGroupId: pulumi.Input<string>;
    /** The cluster's VPC, where the inbound endpoint goes. */
    clusterVpcId: pulumi.Input<string>;
    /** The cluster VPC's CIDR block, for a VPC with one; with secondary CIDR blocks give `clusterVpcCidrs` instead. A plain string: it names the outbound endpoint's rules. */
    clusterVpcCidr?: string;
    /**
     * Every IPv4 CIDR block of the cluster VPC, primary first: the inbound endpoint's IPs can be in any of them, so the
     * outbound endpoint may send DNS to each, and connected networks must lie outside all. With an outbound endpoint,
     * the inbound subnets are looked up and must lie inside these. Plain strings: each names the outbound endpoint's rules.
     */
    clusterVpcCidrs?: string[];
    /** Two or more cluster VPC subnets in different Availability Zones for the inbound endpoint; ids may be Outputs. */
    inboundSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Networks outside the cluster VPC that resolve and reach the endpoint (peered VPCs, transit gateway, VPN and
     * Direct Connect ranges), as PrivateCluster's connectedNetworks: allowed to query the inbound endpoint and to connect
     * on TCP 443. Plain strings: each names its rules.
     */
    connectedNetworks?: string[];
    /** Deprecated alias, kept for one release: list these in connectedNetworks. CIDRs of peered VPCs that reach the cluster. */
    peeredCidrs?: string[];
    /** Deprecated alias, kept for one release: list these in connectedNetworks. CIDRs of on-premises networks (Direct Connect or VPN). */
    onPremisesCidrs?: string[];
    /**
     * The peered VPC for the outbound endpoint; with `outboundSubnetIds`, creates the endpoint and the forwarding rule.
     * Its subnets are looked up: the inbound endpoint must admit them (list the VPC's CIDR in `connectedNetworks`).
     */
    outboundVpcId?: pulumi.Input<string>;
    /** Two or more subnets of `outboundVpcId` in different Availability Zones for the outbound endpoint; ids may be Outputs. */
    outboundSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** VPCs that use the forwarding rule, by plain id; default: `outboundVpcId`. Never the cluster VPC (a resolution loop: refused). */
    vpcIds?: string[];
    /** VPCs that use the forwarding rule whose ids are known only at deployment, keyed by a stable label. */
    vpcs?: Record<string, pulumi.Input<string>>;
    /** AWS RAM principals to share the forwarding rule with: account ids, organization ARNs or OU ARNs. */
    shareWith?: string[];
    /** Allow sharing with accounts outside your organization; default false. */
    allowExternalPrincipals?: boolean;
    /** Tags for the endpoints and their security groups. */
    tags?: Record<string, string>;
    /**
     * Resolver security groups in AWS's untracked shape (Route 53 "Resolver endpoint scaling"): DNS from and to
     * 0.0.0.0/0 with all ports open the other way, so connection tracking never throttles the endpoints (as low as
     * about 1,500 queries per second per IP when tracked). The trade-off: the endpoints' security groups no longer
     * limit who queries (routing and network ACLs must); the TCP 443 rules still admit only the listed networks. Default false.
     */
    untrackedConnections?: boolean;
    /** Create the TCP 443 rules on clusterSecurityGroupId (default true); false when another component (ClusterEndpointAccess) makes them. */
    controlPlaneRules?: boolean;
    /**
     * The cluster's endpoint access, when you want forwarding checked against it: "public-and-private" needs it; with
     * "private", public DNS already answers with the private IPs, so a warning asks for `connectedDns`; "public" is refused.
     */
    endpointAccess?: EndpointAccessMode;
    /** Why connected networks' DNS needs forwarding to a private-only cluster: "no-internet" or "rebinding-protection" ("public-dns": it does not). */
    connectedDns?: ConnectedDns;
}
