// A fully private EKS cluster in one component (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html): @pulumi/eks' Cluster with its endpoint access
// settled by ClusterEndpointAccess, the VPC endpoints from PrivateClusterEndpoints, optional HybridDnsAccess and ECR
// pull-through cache rules, access through EKS access entries, and the values nodes and add-ons need as outputs.
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { clusterAutoscalerValues, karpenterValues, loadBalancerControllerValues } from "./addonValues";
import { checkAdminsAgainstCreator } from "./clusterCreator";
import { EndpointAccessMode } from "../apiEndpoint/endpointAccess";
import { DefaultEndpointPolicy } from "../vpcEndpoints/args";
import { EndpointFeature, EndpointPreset } from "../vpcEndpoints/services";
import { inComponent } from "../shared/errors";
import type { ConnectedDns } from "../hybridDns/need";
import { deployError } from "../shared/validatedInput";
import { NodeBootstrap, nodeBootstrap } from "./nodeBootstrap";
import { stsPodEnvironment } from "../aws/privateClusterChecklist";
import { ReachabilityCheck, accessPolicyArn, clusterMonthlyCostUsd, kubeconfigJson } from "./plan";
import { PlannedRule, ecrRegistryHost, firstPullWarning, imagePrefixMapping, pullThroughCacheNodePolicy } from "./pullThroughCache";
import { checkReachability } from "../adapters/reachability";
import { checkedAt } from "../shared/validatedInput";
import { Scope } from "../hybridDns/resolverChecks";
import { ClusterEndpointAccess } from "../apiEndpoint/clusterEndpointAccess";
import { HybridDnsAccess } from "../hybridDns/hybridDnsAccess";
import { lookup } from "../shared/lookups";
import { privateClusterSubnets } from "./subnets";
import { readableRouteTables } from "../shared/routeTables";
import { validatePrivateCluster } from "./args";
import { PrivateClusterEndpoints } from "../vpcEndpoints/privateClusterEndpoints";

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
    scope?: Scope;
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

/**
 * A private EKS cluster nodes can join and Pulumi can manage without internet access or an in-VPC step: access
 * entries instead of the aws-auth ConfigMap (which the guide says must be created from inside the VPC, reference
 * 001), the VPC endpoints, and bootstrap values that skip EKS introspection.
 */
export class PrivateCluster extends pulumi.ComponentResource {
    /** The EKS cluster's name. */
    public readonly clusterName: pulumi.Output<string>;
    /** The API server endpoint URL. */
    public readonly endpoint: pulumi.Output<string>;
    /** The cluster CA, base64. */
    public readonly certificateAuthority: pulumi.Output<string>;
    /** The OIDC issuer without https:// (for IRSA trust policies). */
    public readonly oidcIssuer: pulumi.Output<string>;
    /** The IAM OIDC provider's ARN; empty when createOidcProvider is false. */
    public readonly oidcProviderArn: pulumi.Output<string>;
    /** The control plane's security group (TCP 443 rules for connected networks and allowedSecurityGroups). */
    public readonly clusterSecurityGroupId: pulumi.Output<string>;
    /** The node security group @pulumi/eks made for self-managed nodes. */
    public readonly nodeSecurityGroupId: pulumi.Output<string>;
    /** The VPC endpoints' security group; undefined when no endpoint is created. */
    public readonly endpointSecurityGroupId: pulumi.Output<string | undefined>;
    /** VPC endpoint ids by service id. */
    public readonly endpointIds: pulumi.Output<Record<string, string>>;
    /** Resolver inbound endpoint IPs that connected networks forward the endpoint's name to; empty without hybridDns. */
    public readonly resolverIps: pulumi.Output<string[]>;
    /** The service CIDR the cluster runs with. */
    public readonly serviceCidr: pulumi.Output<string>;
    /** A kubeconfig (JSON) whose server is the endpoint; with kubernetesApiAccess, only after the reachability check. */
    public readonly kubeconfig: pulumi.Output<string>;
    /** Self-managed node bootstrap: Amazon Linux 2023 nodeadm (the default), Bottlerocket, Windows, and Amazon Linux 2 up to Kubernetes 1.32. */
    public readonly bootstrap: pulumi.Output<NodeBootstrap>;
    /** Helm values for the AWS Load Balancer Controller chart. */
    public readonly loadBalancerControllerValues: pulumi.Output<Record<string, any>>;
    /** Helm values for the Cluster Autoscaler chart. */
    public readonly clusterAutoscalerValues: pulumi.Output<Record<string, any>>;
    /** Helm values for the Karpenter chart in a VPC without internet access (settings.isolatedVPC); endpoints: the karpenter feature. */
    public readonly karpenterValues: pulumi.Output<Record<string, any>>;
    /** The principal EKS made cluster admin as the cluster's creator: whoever ran `pulumi up` (an assumed role as its role ARN, without path). */
    public readonly clusterCreatorArn: pulumi.Output<string>;
    /** Image host -> ECR pull-through prefix, like { "registry.k8s.io": "<account>.dkr.ecr.<region>.amazonaws.com/k8s" }. */
    public readonly imagePrefixes: pulumi.Output<Record<string, string>>;
    /** IAM policy the node role needs for pull-through cache (first pull creates the repository); empty without rules. */
    public readonly pullThroughCacheNodePolicy: pulumi.Output<string>;
    /** Pod environment that makes SDKs use the regional STS endpoint. */
    public readonly stsPodEnvironment: pulumi.Output<Record<string, string>>;
    /** Advice that does not stop the deployment. */
    public readonly warnings: pulumi.Output<string[]>;
    /** Estimated USD a month: control plane, endpoints, Resolver IPs and the secrets key. */
    public readonly monthlyCostUsd: pulumi.Output<number>;

    constructor(name: string, args: PrivateClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const v = inComponent("PrivateCluster", name, () => validatePrivateCluster(name, args));
        super("eks-private-access:index:PrivateCluster", name, {}, opts);
        const parent = { parent: this };
        const site = { component: "PrivateCluster", name, resource: this };
        const { subnetIds, inboundSubnetIds, outboundSubnetIds } = privateClusterSubnets(site, args, v);
        for (const warning of v.warnings) void pulumi.log.warn(warning, this);

        const partition = lookup(aws.getPartitionOutput, {}, this);
        const region = lookup(aws.getRegionOutput, {}, this).region;
        // The control plane's own security group, made here so its id is known before the cluster: the 443 rules for
        // connected networks exist when the cluster does (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Accessing a private only API server").
        const controlPlane = new aws.ec2.SecurityGroup(
            `${name}-control-plane`,
            { vpcId: args.vpcId, description: `EKS control plane of ${v.clusterName}: TCP 443 from connected networks`, tags: { ...args.tags, Name: `${name}-control-plane` } },
            parent,
        );
        const access = new ClusterEndpointAccess(
            `${name}-access`,
            {
                mode: v.mode,
                publicAccessCidrs: args.publicAccessCidrs,
                vpcId: args.vpcId,
                clusterSecurityGroupId: controlPlane.id,
                allowedCidrs: v.connectedNetworks,
                allowedSecurityGroups: args.allowedSecurityGroups,
            },
            parent,
        );
        const endpoints = v.endpoints
            ? new PrivateClusterEndpoints(
                  `${name}-endpoints`,
                  {
                      vpcId: args.vpcId,
                      subnetIds,
                      routeTableIds: args.routeTableIds,
                      // The guide: the endpoints' security group must admit the node subnets (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html,
                      // Considerations); connected networks (hybrid nodes, on-premises clients) call them too.
                      allowedCidrs: [...args.vpcCidrs, ...v.connectedNetworks],
                      preset: v.endpoints.preset,
                      features: v.endpoints.features,
                      endpointAzs: v.endpoints.endpointAzs,
                      additionalServices: v.endpoints.additionalServices,
                      existingEndpoints: v.endpoints.existingEndpoints,
                      defaultPolicy: v.endpoints.defaultPolicy,
                      endpointPrivateAccess: true,
                  },
                  parent,
              )
            : undefined;
        const secretsKeyArn =
            args.secretsKmsKeyArn ??
            new aws.kms.Key(`${name}-secrets`, { description: `EKS secrets encryption for ${v.clusterName}`, enableKeyRotation: true, tags: args.tags }, parent).arn;

        // Access entries, not the aws-auth ConfigMap: they are made through the EKS API, so creating the cluster needs
        // no Kubernetes API call from inside the VPC. They go to @pulumi/eks, which creates them after its
        // aws.eks.Cluster with the same provider: the remote component's inner cluster cannot be depended on from here.
        const adminPolicy = partition.partition.apply((p) => accessPolicyArn(p, "AmazonEKSClusterAdminPolicy"));
        const identity = lookup(aws.getCallerIdentityOutput, {}, this);
        // @pulumi/eks sets bootstrapClusterCreatorAdminPermissions: the deployer is admin already (privateCluster/clusterCreator.ts).
        this.clusterCreatorArn = identity.arn.apply((arn) => checkedAt(site, () => checkAdminsAgainstCreator(v.admins.map((a) => a.arn), arn)));
        const accessEntries: Record<string, eks.types.input.AccessEntryArgs> = {};
        for (const admin of v.admins) {
            accessEntries[admin.key] = {
                principalArn: this.clusterCreatorArn.apply(() => admin.arn),
                type: eks.AccessEntryType.Standard,
                accessPolicies: { "cluster-admin": { policyArn: adminPolicy, accessScope: { type: "cluster" } } },
            };
        }
        if (args.nodeRoleArn !== undefined) accessEntries["nodes-linux"] = { principalArn: args.nodeRoleArn, type: eks.AccessEntryType.EC2Linux };
        if (args.windowsNodeRoleArn !== undefined) accessEntries["nodes-windows"] = { principalArn: args.windowsNodeRoleArn, type: eks.AccessEntryType.EC2Windows };

        const cluster = new eks.Cluster(
            `${name}-eks`,
            {
                name: v.clusterName,
                version: args.version,
                vpcId: args.vpcId,
                privateSubnetIds: subnetIds,
                endpointPublicAccess: access.endpointPublicAccess,
                endpointPrivateAccess: access.endpointPrivateAccess,
                publicAccessCidrs: v.publicAccessCidrs,
                clusterSecurityGroup: controlPlane,
                authenticationMode: eks.AuthenticationMode.Api,
                accessEntries,
                kubernetesServiceIpAddressRange: args.serviceIpv4Cidr,
                encryptionConfigKeyArn: secretsKeyArn,
                enabledClusterLogTypes: v.logTypes,
                createOidcProvider: args.createOidcProvider ?? true,
                nodeAssociatePublicIpAddress: false,
                skipDefaultNodeGroup: true,
                tags: args.tags,
            },
            // Nodes register and pull images through the endpoints, so the cluster waits for them.
            { parent: this, dependsOn: endpoints ? [endpoints] : [] },
        );

        // `core.cluster` is the aws.eks.Cluster inside @pulumi/eks; its fields are Outputs when deployed.
        const inner = (pick: (c: any) => any): pulumi.Output<any> => cluster.core.apply((c: any) => pulumi.output(pick(c.cluster)));
        this.clusterName = inner((c) => c.name).apply((n) => n as string);
        this.endpoint = inner((c) => c.endpoint).apply((e) => e as string);
        this.certificateAuthority = inner((c) => c.certificateAuthority).apply((ca: any) => ca.data as string);
        this.serviceCidr = inner((c) => c.kubernetesNetworkConfig).apply((k: any) => k.serviceIpv4Cidr as string);
        const version = args.version !== undefined ? pulumi.output(args.version) : inner((c) => c.version);
        this.bootstrap = pulumi.all([this.clusterName, this.endpoint, this.certificateAuthority, this.serviceCidr, version]).apply(([clusterName, endpoint, ca, cidr, kubernetesVersion]) =>
            checkedAt(site, () =>
                nodeBootstrap({ clusterName, endpoint, certificateAuthority: ca, serviceCidr: cidr, customServiceCidr: args.serviceIpv4Cidr !== undefined, kubernetesVersion: kubernetesVersion ?? undefined }),
            ),
        );

        const kubeconfig = pulumi.all([this.clusterName, this.endpoint, this.certificateAuthority, region]).apply(([n, e, ca, r]) => kubeconfigJson(n, e, ca, r));
        this.kubeconfig = v.kubernetesApiAccess ? pulumi.all([this.endpoint, kubeconfig]).apply(([e, k]) => reachable(this, name, e, v.reachabilityCheck).then(() => k)) : kubeconfig;

        const dns = v.hybridDns
            ? new HybridDnsAccess(
                  `${name}-dns`,
                  {
                      clusterEndpoint: this.endpoint,
                      scope: v.hybridDns.scope,
                      clusterSecurityGroupId: controlPlane.id,
                      // ClusterEndpointAccess already made the 443 rules for these networks on the same group.
                      controlPlaneRules: false,
                      clusterVpcId: args.vpcId,
                      clusterVpcCidrs: args.vpcCidrs,
                      inboundSubnetIds: inboundSubnetIds!,
                      onPremisesCidrs: v.connectedNetworks,
                      outboundVpcId: v.hybridDns.outboundVpcId,
                      outboundSubnetIds,
                      vpcIds: v.hybridDns.vpcIds,
                      shareWith: v.hybridDns.shareWith,
                      untrackedConnections: v.hybridDns.untrackedConnections,
                      tags: args.tags,
                  },
                  parent,
              )
            : undefined;

        const registryHost = pulumi.all([identity.accountId, region, partition.dnsSuffix]).apply(([a, r, d]) => ecrRegistryHost(a, r, d));
        const rules: PlannedRule[] = v.pullThroughCache;
        for (const rule of rules) {
            new aws.ecr.PullThroughCacheRule(
                `${name}-cache-${rule.registry.replace(/\./g, "-")}`,
                {
                    ecrRepositoryPrefix: rule.ecrRepositoryPrefix,
                    upstreamRegistryUrl: rule.upstreamRegistryUrl,
                    credentialArn: args.pullThroughCache?.credentialArns?.[rule.registry],
                },
                parent,
            );
        }
        this.imagePrefixes = registryHost.apply((host) => imagePrefixMapping(rules, host));
        const firstPull =
            rules.length > 0 && args.routeTableIds !== undefined
                ? readableRouteTables(args.routeTableIds, this).apply((tables) => firstPullWarning(rules, tables))
                : pulumi.output(undefined);
        this.pullThroughCacheNodePolicy =
            rules.length === 0
                ? pulumi.output("")
                : pulumi.all([partition.partition, region, identity.accountId]).apply(([p, r, a]) => pullThroughCacheNodePolicy(rules, p, r, a));

        const context = pulumi.all([this.clusterName, region, args.vpcId, this.imagePrefixes]).apply(([clusterName, r, vpcId, imagePrefixes]) => ({
            clusterName,
            region: r,
            vpcId,
            imagePrefixes,
        }));
        this.loadBalancerControllerValues = context.apply(loadBalancerControllerValues);
        this.clusterAutoscalerValues = context.apply(clusterAutoscalerValues);
        this.karpenterValues = pulumi.all([context, this.endpoint, args.karpenterInterruptionQueue]).apply(([ctx, clusterEndpoint, interruptionQueue]) =>
            karpenterValues({ ...ctx, clusterEndpoint, interruptionQueue }),
        );

        this.oidcIssuer = cluster.oidcIssuer;
        this.oidcProviderArn = cluster.oidcProviderArn;
        this.clusterSecurityGroupId = controlPlane.id;
        this.nodeSecurityGroupId = cluster.nodeSecurityGroupId;
        this.endpointSecurityGroupId = endpoints ? endpoints.securityGroupId : pulumi.output(undefined);
        this.endpointIds = endpoints ? endpoints.endpointIds : pulumi.output<Record<string, string>>({});
        this.resolverIps = dns ? dns.resolverIps : pulumi.output([]);
        this.stsPodEnvironment = endpoints ? endpoints.stsPodEnvironment : pulumi.output<Record<string, string>>({ ...stsPodEnvironment });
        this.warnings = pulumi.all([access.warnings, firstPull]).apply(([w, f]) => {
            if (f !== undefined) void pulumi.log.warn(f, this);
            return [...w, ...v.warnings, ...(f !== undefined ? [f] : [])];
        });
        // The children price themselves (endpoints per AZ-hour, Resolver endpoints per IP); this adds the control plane and key.
        this.monthlyCostUsd = pulumi
            .all([endpoints ? endpoints.monthlyCostUsd : 0, dns ? dns.monthlyCostUsd : 0, args.version])
            .apply(([endpointsUsd, hybridDnsUsd, version]) =>
                clusterMonthlyCostUsd({ endpointsUsd, hybridDnsUsd, kmsKey: args.secretsKmsKeyArn === undefined, version, on: new Date() }),
            );
        this.registerOutputs({
            clusterName: this.clusterName,
            endpoint: this.endpoint,
            certificateAuthority: this.certificateAuthority,
            oidcIssuer: this.oidcIssuer,
            oidcProviderArn: this.oidcProviderArn,
            clusterSecurityGroupId: this.clusterSecurityGroupId,
            nodeSecurityGroupId: this.nodeSecurityGroupId,
            endpointSecurityGroupId: this.endpointSecurityGroupId,
            endpointIds: this.endpointIds,
            resolverIps: this.resolverIps,
            serviceCidr: this.serviceCidr,
            kubeconfig: this.kubeconfig,
            bootstrap: this.bootstrap,
            loadBalancerControllerValues: this.loadBalancerControllerValues,
            clusterAutoscalerValues: this.clusterAutoscalerValues,
            karpenterValues: this.karpenterValues,
            clusterCreatorArn: this.clusterCreatorArn,
            imagePrefixes: this.imagePrefixes,
            pullThroughCacheNodePolicy: this.pullThroughCacheNodePolicy,
            stsPodEnvironment: this.stsPodEnvironment,
            warnings: this.warnings,
            monthlyCostUsd: this.monthlyCostUsd,
        });
    }
}

/** Runs the reachability check when `when` says so; rejects with its message when the API server is out of reach. */
async function reachable(component: pulumi.Resource, name: string, endpoint: string, when: ReachabilityCheck): Promise<void> {
    const mocked = pulumi.runtime.getMonitor() instanceof MockMonitor;
    if (when === ReachabilityCheck.Never || (when === ReachabilityCheck.Up && (pulumi.runtime.isDryRun() || mocked))) return;
    const url = new URL(endpoint);
    const result = await checkReachability({ host: url.hostname, port: url.port ? Number(url.port) : 443 });
    if (!result.ok) throw deployError(`PrivateCluster "${name}": kubernetesApiAccess: the API server is out of reach (${result.stage} failed). ${result.message}`, component);
}
