// PrivateCluster's arguments, apart from the component, so the pure plan (plan.ts) reads them without importing it.
import type * as pulumi from "@pulumi/pulumi";
import type { EndpointAccessMode } from "../apiEndpoint/endpointAccess";
import type { DefaultEndpointPolicy } from "../vpcEndpoints/args";
import type { EndpointFeature, EndpointPreset } from "../vpcEndpoints/services";
import type { ConnectedDns } from "../hybridDns/need";
import type { ForwardingScope } from "../hybridDns/resolverChecks";
import type { ReachabilityCheck } from "./checks";

/** PrivateCluster's VPC endpoints: which to create and how (PrivateClusterEndpoints' arguments). */
export interface PrivateClusterEndpointSettings {
    /** Create the VPC endpoints (default true). false when every endpoint the cluster needs already exists in the VPC. */
    create?: boolean;
    /**
     * The service set to start from: "minimal" (default: ec2, ecr.api, ecr.dkr, sts and the S3 gateway, what nodes
     * need to join and pull images) or "eks-guide" (the EKS private cluster guide's whole table: adds logs,
     * elasticloadbalancing and xray). features, clusterAutoscaler, loadBalancerController and additionalServices add to it.
     */
    preset?: EndpointPreset;
    /** What the cluster runs; each adds the endpoints it calls (irsa, podIdentity, karpenter, containerInsights, ...). */
    features?: EndpointFeature[];
    /** Services added to the preset's set (ssm, kms, elasticfilesystem, ...). */
    additionalServices?: string[];
    /**
     * Interface endpoints in only this many of the subnets' AZs, for non-production stacks: each AZ left out saves
     * its AZ-hours, with a warning that nodes there cross AZs and depend on the others. Default: every AZ.
     */
    endpointAzs?: number;
    /** Services that already have an endpoint in this VPC: not created again. */
    existingEndpoints?: string[];
    /** Endpoint policy: "none" (AWS's full access), "organization" or "account" (default). */
    defaultPolicy?: DefaultEndpointPolicy;
}

/** PrivateCluster's hybrid DNS: Resolver endpoints and forwarding for connected networks (HybridDnsAccess' arguments). */
export interface PrivateClusterHybridDnsSettings {
    /** Two or more subnets in different AZs for the Resolver inbound endpoint; ids may be Outputs. Default: subnetIds. */
    inboundSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** `cluster` (default) forwards the endpoint's host name; `region` the region's EKS domain (not for a dual-stack `api.aws` endpoint). */
    scope?: ForwardingScope;
    /** A peered VPC that gets an outbound endpoint and a forwarding rule for the endpoint's name. */
    outboundVpcId?: pulumi.Input<string>;
    /** Two or more subnets of outboundVpcId for its outbound endpoint; ids may be Outputs. */
    outboundSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** More VPCs that use the forwarding rule, by plain id. */
    vpcIds?: string[];
    /** AWS RAM principals the forwarding rule is shared with. */
    shareWith?: string[];
    /** AWS's untracked Resolver security groups (HybridDnsAccess.untrackedConnections): no connection-tracking throttle; the groups then admit 0.0.0.0/0 on DNS. */
    untrackedConnections?: boolean;
    /**
     * Why the connected networks need forwarding on a private-only cluster: "no-internet" (their DNS cannot reach
     * public DNS) or "rebinding-protection" (it drops private answers to public names). Public DNS already answers a
     * private-only endpoint with its private IPs, so without a reason hybridDns is warned about as possibly unneeded;
     * "public-dns" says it is not needed. Not needed with endpointAccess "public-and-private", which always needs it.
     */
    connectedDns?: ConnectedDns;
}

/** PrivateCluster's ECR pull-through cache rules for public registries. */
export interface PrivateClusterPullThroughCacheSettings {
    /** Upstream registries by image host: public.ecr.aws, registry.k8s.io, quay.io, docker.io, ghcr.io, registry.gitlab.com. */
    registries: string[];
    /** ECR repository prefix per registry (default: ecr-public, k8s, quay, docker-hub, github, gitlab). */
    repositoryPrefixes?: Record<string, string>;
    /** Secrets Manager secret ARN (name ecr-pullthroughcache/...) per registry that needs credentials (docker.io, ghcr.io, registry.gitlab.com). */
    credentialArns?: Record<string, pulumi.Input<string>>;
}

export interface PrivateClusterArgs {
    /** The cluster's VPC: DNS support and DNS host names on, AmazonProvidedDNS in its DHCP options (checked). */
    vpcId: pulumi.Input<string>;
    /** The VPC's IPv4 CIDR blocks, primary first: the endpoints admit them, and connected networks must lie outside them. Plain strings: each names the endpoints' rule for it. */
    vpcCidrs: string[];
    /**
     * Private subnets in two or more AZs (three recommended): the control plane's interfaces, the VPC endpoints and
     * the nodes. Ids may be Outputs (subnets made in the same program): they are checked once known.
     */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Route tables of those subnets, for the S3 gateway endpoint ECR image layers come through; ids may be Outputs. */
    routeTableIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** The EKS cluster's name. Default: the component's name. */
    clusterName?: string;
    /** Kubernetes version, like "1.33". Default: the newest EKS offers. Decides whether bootstrap has Amazon Linux 2 forms (1.32 and older). */
    version?: pulumi.Input<string>;
    /** "private" (default), "public-and-private" or "public". */
    endpointAccess?: EndpointAccessMode;
    /** CIDRs allowed to reach the public endpoint (public modes only). */
    publicAccessCidrs?: string[];
    /**
     * Networks outside the VPC that use the cluster: peered VPCs, transit gateway, VPN and Direct Connect ranges, hybrid
     * node and pod CIDRs. Each gets TCP 443 to the control plane and to the VPC endpoints, and DNS to the Resolver
     * inbound endpoint when hybridDns is on.
     */
    connectedNetworks?: string[];
    /** Security groups (bastion, CI runners) allowed to reach the private endpoint on TCP 443, keyed by a stable label. */
    allowedSecurityGroups?: Record<string, pulumi.Input<string>>;
    /**
     * IAM role or user ARNs given AmazonEKSClusterAdminPolicy (cluster scope) through access entries. EKS already
     * makes the principal running `pulumi up` cluster admin (output clusterCreatorArn): listing it here is refused.
     */
    adminPrincipalArns?: string[];
    /** Role of self-managed Linux nodes: gets an EC2_LINUX access entry. Leave out managed node group roles: EKS adds those. */
    nodeRoleArn?: pulumi.Input<string>;
    /** Role of self-managed Windows nodes: gets an EC2_WINDOWS access entry. */
    windowsNodeRoleArn?: pulumi.Input<string>;
    /** Kubernetes service CIDR (IPv4). Default: EKS picks 10.100.0.0/16 or 172.20.0.0/16. */
    serviceIpv4Cidr?: string;
    /** KMS key for secrets encryption. Default: a key made here, with rotation on. */
    secretsKmsKeyArn?: pulumi.Input<string>;
    /** Control-plane log types sent to CloudWatch Logs. Default: all five. */
    enabledClusterLogTypes?: string[];
    /** Create the IAM OIDC provider for IRSA (default true); Pulumi fetches the issuer's CA thumbprint over the internet. */
    createOidcProvider?: boolean;
    /** VPC endpoints: which, and whether to create them. */
    endpoints?: PrivateClusterEndpointSettings;
    /** The cluster runs Cluster Autoscaler: adds the autoscaling (and ec2, sts) endpoints. */
    clusterAutoscaler?: boolean;
    /** The cluster runs the AWS Load Balancer Controller: adds the elasticloadbalancing and ec2 endpoints. */
    loadBalancerController?: boolean;
    /** Karpenter's SQS interruption queue name, for karpenterValues (settings.interruptionQueue). */
    karpenterInterruptionQueue?: pulumi.Input<string>;
    /** Resolve the endpoint from connected networks through a Route 53 Resolver inbound endpoint (HybridDnsAccess). */
    hybridDns?: PrivateClusterHybridDnsSettings;
    /**
     * ECR pull-through cache rules, so images from upstream registries come through ECR. ECR's first pull of each
     * image needs a NAT gateway in the VPC (later pulls do not): pre-warm the cache from a network with internet
     * access, or route the subnets to a NAT for the first pull. A warning names routeTableIds without such a route.
     */
    pullThroughCache?: PrivateClusterPullThroughCacheSettings;
    /**
     * This program talks to the Kubernetes API (a Kubernetes provider or Helm releases built from `kubeconfig`):
     * `kubeconfig` then waits for a check that the endpoint resolves and answers on TCP 443 from where Pulumi runs,
     * and fails with what to do. Needs a runner inside the VPC or a connected network. Default false.
     */
    kubernetesApiAccess?: boolean;
    /** When that check runs: "up" (default: pulumi up, not previews or mocks), "always" or "never". */
    reachabilityCheck?: ReachabilityCheck;
    /** Tags for the cluster and the resources made here. */
    tags?: Record<string, string>;
}
