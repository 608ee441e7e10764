// A fully private EKS cluster in one component (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html): @pulumi/eks' Cluster with its endpoint access
// settled by ClusterEndpointAccess, the VPC endpoints from PrivateClusterEndpoints, optional HybridDnsAccess and ECR
// pull-through cache rules, access through EKS access entries, and the values nodes and add-ons need as outputs.
// The plan (plan.ts) checks everything first; this file only turns it into resources, each waiting for the look-up checks.
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as pulumi from "@pulumi/pulumi";
import { clusterAutoscalerValues, karpenterValues, loadBalancerControllerValues } from "./addonValues";
import { checkAdminsAgainstCreator } from "./clusterCreator";
import { inComponent } from "../shared/errors";
import { checkedAt, deployError } from "../shared/validatedInput";
import { NodeBootstrap, nodeBootstrap } from "./nodeBootstrap";
import { stsPodEnvironment } from "../aws/privateClusterChecklist";
import type { PrivateClusterArgs } from "./args";
import { ReachabilityCheck, accessPolicyArn, clusterMonthlyCostUsd, kubeconfigJson, planPrivateCluster } from "./plan";
import { ecrRegistryHost, firstPullWarning, imagePrefixMapping, pullThroughCacheNodePolicy } from "./pullThroughCache";
import { checkReachability, reachabilityChecker } from "../adapters/reachability";
import { ClusterEndpointAccess } from "../apiEndpoint/clusterEndpointAccess";
import { HybridDnsAccess } from "../hybridDns/hybridDnsAccess";
import { after, once } from "../shared/gates";
import { applyEach, outputOf } from "../shared/outputs";
import { lookup } from "../shared/lookups";
import { privateClusterSubnets } from "./subnets";
import { readableRouteTables } from "./routeTables";
import { PrivateClusterEndpoints } from "../vpcEndpoints/privateClusterEndpoints";

/**
 * Helm chart values, for any language: the schema analyzer maps only `any` to pulumi.json#/Any (`unknown` has no schema type).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the package schema needs `any` here (see above)
type HelmValues = Record<string, any>;

export type { PrivateClusterArgs, PrivateClusterEndpointSettings, PrivateClusterHybridDnsSettings, PrivateClusterPullThroughCacheSettings } from "./args";

/**
 * A private EKS cluster nodes can join and Pulumi can manage without internet access or an in-VPC step: access
 * entries instead of the aws-auth ConfigMap (which "must be created from within your VPC": EKS User Guide, "Private
 * cluster requirements", https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html), the VPC endpoints,
 * and bootstrap values that skip EKS introspection.
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
    public readonly loadBalancerControllerValues: pulumi.Output<HelmValues>;
    /** Helm values for the Cluster Autoscaler chart. */
    public readonly clusterAutoscalerValues: pulumi.Output<HelmValues>;
    /** Helm values for the Karpenter chart in a VPC without internet access (settings.isolatedVPC); endpoints: the karpenter feature. */
    public readonly karpenterValues: pulumi.Output<HelmValues>;
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
        const plan = inComponent("PrivateCluster", name, () => planPrivateCluster(name, args));
        super("eks-private-access:index:PrivateCluster", name, {}, opts);
        const site = { component: "PrivateCluster", name, resource: this };
        for (const warning of plan.warnings) void pulumi.log.warn(warning, this);

        // The look-up checks: the subnets (and the Resolver endpoints' reach), and that no admin is the deployer, whom
        // EKS makes admin already (privateCluster/clusterCreator.ts). Every child waits for all of them.
        const subnets = privateClusterSubnets(site, args, plan);
        const partition = lookup(aws.getPartitionOutput, {}, this);
        const region = lookup(aws.getRegionOutput, {}, this).region;
        const identity = lookup(aws.getCallerIdentityOutput, {}, this);
        this.clusterCreatorArn = identity.arn.apply((arn) => checkedAt(site, () => checkAdminsAgainstCreator(plan.admins.map((a) => a.arn), arn)));
        const passed = after(subnets.subnetIds, subnets.hybridDns?.inboundSubnetIds, subnets.hybridDns?.outboundSubnetIds, subnets.hybridDns?.ruleVpcs, this.clusterCreatorArn);
        const gated = { parent: this, dependsOn: passed };

        // The control plane's own security group, made here so its id is known before the cluster: the 443 rules for
        // connected networks exist when the cluster does (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Accessing a private only API server").
        const controlPlane = new aws.ec2.SecurityGroup(
            plan.names.controlPlane,
            { vpcId: args.vpcId, description: `EKS control plane of ${plan.clusterName}: TCP 443 from connected networks`, tags: { ...args.tags, Name: plan.names.controlPlane } },
            gated,
        );
        const access = new ClusterEndpointAccess(
            plan.names.access,
            { mode: plan.mode, publicAccessCidrs: args.publicAccessCidrs, vpcId: args.vpcId, clusterSecurityGroupId: controlPlane.id, allowedCidrs: plan.connectedNetworks, allowedSecurityGroups: args.allowedSecurityGroups },
            gated,
        );
        const e = plan.endpoints;
        const endpoints = e
            ? new PrivateClusterEndpoints(
                  plan.names.endpoints!,
                  {
                      vpcId: args.vpcId,
                      subnetIds: subnets.subnetIds,
                      routeTableIds: args.routeTableIds,
                      allowedCidrs: e.allowedCidrs,
                      preset: e.preset,
                      features: e.features,
                      endpointAzs: e.endpointAzs,
                      additionalServices: e.additionalServices,
                      existingEndpoints: e.existingEndpoints,
                      defaultPolicy: e.defaultPolicy,
                      endpointPrivateAccess: true,
                  },
                  gated,
              )
            : undefined;
        const secretsKeyArn =
            args.secretsKmsKeyArn ?? new aws.kms.Key(plan.names.secretsKey!, { description: `EKS secrets encryption for ${plan.clusterName}`, enableKeyRotation: true, tags: args.tags }, gated).arn;

        // Access entries, not the aws-auth ConfigMap: they are made through the EKS API, so creating the cluster needs
        // no Kubernetes API call from inside the VPC. They go to @pulumi/eks, which creates them after its
        // aws.eks.Cluster with the same provider: the remote component's inner cluster cannot be depended on from here.
        const adminPolicy = partition.partition.apply((p) => accessPolicyArn(p, "AmazonEKSClusterAdminPolicy"));
        const accessEntries: Record<string, eks.types.input.AccessEntryArgs> = {};
        for (const admin of plan.admins) {
            accessEntries[admin.key] = {
                principalArn: admin.arn,
                type: eks.AccessEntryType.Standard,
                accessPolicies: { "cluster-admin": { policyArn: adminPolicy, accessScope: { type: "cluster" } } },
            };
        }
        if (args.nodeRoleArn !== undefined) accessEntries["nodes-linux"] = { principalArn: args.nodeRoleArn, type: eks.AccessEntryType.EC2Linux };
        if (args.windowsNodeRoleArn !== undefined) accessEntries["nodes-windows"] = { principalArn: args.windowsNodeRoleArn, type: eks.AccessEntryType.EC2Windows };

        const cluster = new eks.Cluster(
            plan.names.eks,
            {
                name: plan.clusterName,
                version: args.version,
                vpcId: args.vpcId,
                privateSubnetIds: subnets.subnetIds,
                endpointPublicAccess: access.endpointPublicAccess,
                endpointPrivateAccess: access.endpointPrivateAccess,
                publicAccessCidrs: plan.access.endpointPublicAccess ? plan.access.publicAccessCidrs : undefined,
                clusterSecurityGroup: controlPlane,
                authenticationMode: eks.AuthenticationMode.Api,
                accessEntries,
                kubernetesServiceIpAddressRange: args.serviceIpv4Cidr,
                encryptionConfigKeyArn: secretsKeyArn,
                enabledClusterLogTypes: plan.logTypes,
                createOidcProvider: args.createOidcProvider ?? true,
                nodeAssociatePublicIpAddress: false,
                skipDefaultNodeGroup: true,
                tags: args.tags,
            },
            // Nodes register and pull images through the endpoints, so the cluster waits for them.
            { parent: this, dependsOn: endpoints ? passed.apply(() => [endpoints]) : passed },
        );

        // `core.cluster` is the aws.eks.Cluster inside @pulumi/eks (its fields are Outputs when deployed; apply lifts them).
        const inner = cluster.core.apply((c) => c.cluster);
        this.clusterName = inner.apply((c) => c.name);
        this.endpoint = inner.apply((c) => c.endpoint);
        this.certificateAuthority = inner.apply((c) => c.certificateAuthority).apply((ca) => ca.data);
        this.serviceCidr = inner.apply((c) => c.kubernetesNetworkConfig).apply((k) => k.serviceIpv4Cidr);
        const version = args.version !== undefined ? outputOf(args.version) : inner.apply((c) => c.version);
        this.bootstrap = applyEach([this.clusterName, this.endpoint, this.certificateAuthority, this.serviceCidr, version], ([clusterName, endpoint, ca, cidr, kubernetesVersion]) =>
            checkedAt(site, () =>
                nodeBootstrap({ clusterName, endpoint, certificateAuthority: ca, serviceCidr: cidr, customServiceCidr: args.serviceIpv4Cidr !== undefined, kubernetesVersion: kubernetesVersion ?? undefined }),
            ),
        );

        const kubeconfig = applyEach([this.clusterName, this.endpoint, this.certificateAuthority, region], ([n, e, ca, r]) => kubeconfigJson(n, e, ca, r));
        this.kubeconfig = plan.kubernetesApiAccess ? applyEach([this.endpoint, kubeconfig], ([e, k]) => reachable(this, name, e, plan.reachabilityCheck).then(() => k)) : kubeconfig;

        // The arguments the plan checked (controlPlaneRules false: ClusterEndpointAccess made the 443 rules for these
        // networks on the same group), with the endpoint, the group and the subnets as checked by the look-ups.
        const dns =
            plan.hybridDns && subnets.hybridDns
                ? new HybridDnsAccess(
                      plan.names.dns!,
                      {
                          ...plan.hybridDns.args,
                          clusterEndpoint: this.endpoint,
                          clusterSecurityGroupId: controlPlane.id,
                          inboundSubnetIds: subnets.hybridDns.inboundSubnetIds,
                          outboundSubnetIds: subnets.hybridDns.outboundSubnetIds,
                      },
                      gated,
                  )
                : undefined;

        const registryHost = applyEach([identity.accountId, region, partition.dnsSuffix], ([a, r, d]) => ecrRegistryHost(a, r, d));
        const rules = plan.pullThroughCache;
        for (const rule of rules) {
            new aws.ecr.PullThroughCacheRule(
                plan.names.cacheRules[rule.registry],
                { ecrRepositoryPrefix: rule.ecrRepositoryPrefix, upstreamRegistryUrl: rule.upstreamRegistryUrl, credentialArn: args.pullThroughCache?.credentialArns?.[rule.registry] },
                gated,
            );
        }
        this.imagePrefixes = registryHost.apply((host) => imagePrefixMapping(rules, host));
        const firstPull =
            rules.length > 0 && args.routeTableIds !== undefined ? readableRouteTables(args.routeTableIds, this).apply((tables) => firstPullWarning(rules, tables)) : pulumi.output(undefined);
        this.pullThroughCacheNodePolicy =
            rules.length === 0 ? pulumi.output("") : applyEach([partition.partition, region, identity.accountId], ([p, r, a]) => pullThroughCacheNodePolicy(rules, p, r, a));

        const context = applyEach([this.clusterName, region, args.vpcId, this.imagePrefixes], ([clusterName, r, vpcId, imagePrefixes]) => ({ clusterName, region: r, vpcId, imagePrefixes }));
        this.loadBalancerControllerValues = context.apply(loadBalancerControllerValues);
        this.clusterAutoscalerValues = context.apply(clusterAutoscalerValues);
        this.karpenterValues = applyEach([context, this.endpoint, args.karpenterInterruptionQueue], ([ctx, clusterEndpoint, interruptionQueue]) =>
            karpenterValues({ ...ctx, clusterEndpoint, interruptionQueue }),
        );

        this.oidcIssuer = cluster.oidcIssuer;
        this.oidcProviderArn = cluster.oidcProviderArn;
        this.clusterSecurityGroupId = once(passed, controlPlane.id);
        this.nodeSecurityGroupId = cluster.nodeSecurityGroupId;
        this.endpointSecurityGroupId = endpoints ? once(passed, endpoints.securityGroupId) : pulumi.output(undefined);
        this.endpointIds = endpoints ? once(passed, endpoints.endpointIds) : pulumi.output<Record<string, string>>({});
        this.resolverIps = dns ? once(passed, dns.resolverIps) : pulumi.output([]);
        this.stsPodEnvironment = endpoints ? endpoints.stsPodEnvironment : pulumi.output<Record<string, string>>({ ...stsPodEnvironment });
        this.warnings = applyEach([access.warnings, firstPull], ([w, f]) => {
            if (f !== undefined) void pulumi.log.warn(f, this);
            return [...w, ...plan.warnings, ...(f !== undefined ? [f] : [])];
        });
        // Each child prices itself (endpoints per AZ-hour, Resolver endpoints per IP); this adds the control plane and key.
        this.monthlyCostUsd = pulumi
            .all([passed, endpoints ? endpoints.monthlyCostUsd : 0, dns ? dns.monthlyCostUsd : 0, args.version])
            .apply(([, endpointsUsd, hybridDnsUsd, v]) => clusterMonthlyCostUsd({ endpointsUsd, hybridDnsUsd, kmsKey: plan.createsKey, version: v, on: new Date() }));
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
    // "up": the deployment's checker (adapters/reachability.ts; none where nothing real is deployed), not in previews.
    const check = when === ReachabilityCheck.Always ? checkReachability : when === ReachabilityCheck.Up && !pulumi.runtime.isDryRun() ? reachabilityChecker() : undefined;
    if (check === undefined) return;
    const url = new URL(endpoint);
    const result = await check({ host: url.hostname, port: url.port ? Number(url.port) : 443 });
    if (!result.ok) throw deployError(`PrivateCluster "${name}": kubernetesApiAccess: the API server is out of reach (${result.stage} failed). ${result.message}`, component);
}
