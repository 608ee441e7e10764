// eks-private-access: the library entry. Re-exports every component, its Args, the enums and the pure
// helpers; importing it creates nothing.
export { ClusterEndpointAccess } from "./components/clusterEndpointAccess";
export type { ClusterEndpointAccessArgs, EndpointVpcConfig } from "./components/clusterEndpointAccess";
export {
    EndpointAccessMode,
    IpFamily,
    MAX_PUBLIC_ACCESS_CIDRS,
    acceptsIpv6Cidrs,
    defaultPublicAccessCidrs,
    isRestricted,
    publicAccessCidrsProblem,
    resolveEndpointAccess,
} from "./lib/endpointAccess";
export type { EndpointAccessArgs, EndpointAccessSettings } from "./lib/endpointAccess";
export { EndpointForm, Partition, parseClusterEndpoint } from "./lib/clusterEndpoint";
export type { ClusterEndpointInfo } from "./lib/clusterEndpoint";
export { vpcDnsProblems } from "./lib/vpcDns";
export type { VpcDnsFacts } from "./lib/vpcDns";
export { InputError } from "./lib/errors";

// Private-cluster VPC endpoints (PrivateClusterEndpoints, EcrEndpoints, StsEndpoint) and their catalog.
export { PrivateClusterEndpoints } from "./components/privateClusterEndpoints";
export type { PrivateClusterEndpointsArgs } from "./components/privateClusterEndpoints";
export { EcrEndpoints } from "./components/ecrEndpoints";
export type { EcrEndpointsArgs } from "./components/ecrEndpoints";
export { StsEndpoint } from "./components/stsEndpoint";
export type { StsEndpointArgs } from "./components/stsEndpoint";
export type { EndpointDescription, EndpointDnsEntry } from "./components/internal/vpcEndpoints";
export { DefaultEndpointPolicy, S3InterfaceDns, restrictedEndpointPolicy } from "./lib/endpointArgs";
export type { EndpointNetworkArgs, PolicyScope } from "./lib/endpointArgs";
export {
    EndpointFeature,
    EndpointPreset,
    EndpointType,
    S3EndpointType,
    defaultEndpointServices,
    eksGuideEndpointServices,
    presetServices,
    requiredEndpointServices,
    endpointCatalog,
    featureEndpoints,
    planEndpoints,
    endpointTypeOf,
    endpointChildName,
    validateServiceId,
    onePerAz,
    placeEndpoint,
    endpointMonthlyCostUsd,
    monthlyCostUsd,
} from "./lib/endpointServices";
export type { CatalogEntry, EndpointPlan, EndpointSelection, PlannedEndpoint, Placement, SubnetAz } from "./lib/endpointServices";
export {
    loadBalancerControllerFlags,
    clusterAutoscalerFlags,
    stsPodEnvironment,
    globalStsNote,
    privateClusterNotes,
    regionalStsEndpoint,
    checkEndpointPrivateAccess,
} from "./lib/privateClusterChecklist";

// Hybrid DNS: Route 53 Resolver endpoints, forwarding rules and on-premises forwarder configs.
export { ResolverInboundEndpoint } from "./components/resolverInboundEndpoint";
export type { ResolverInboundEndpointArgs } from "./components/resolverInboundEndpoint";
export { ResolverOutboundEndpoint } from "./components/resolverOutboundEndpoint";
export type { ResolverOutboundEndpointArgs } from "./components/resolverOutboundEndpoint";
export { ClusterDnsForwarding } from "./components/clusterDnsForwarding";
export type { ClusterDnsForwardingArgs } from "./components/clusterDnsForwarding";
export { HybridDnsAccess } from "./components/hybridDnsAccess";
export type { HybridDnsAccessArgs } from "./components/hybridDnsAccess";
export { Scope, ruleDomain, checkEndpointSubnets, subnetAzProblem, checkAllowedCidrs, keyedVpcs, sharePrincipals } from "./lib/resolverChecks";
export type { EndpointSubnetAz, KeyedVpc, SharePrincipal } from "./lib/resolverChecks";
export {
    forwarderConfigs,
    bindForwardZone,
    dnsmasqServers,
    unboundForwardZone,
    corednsServerBlock,
    windowsConditionalForwarder,
    normalizeDomain,
    checkResolverIps,
    ipProblem,
} from "./lib/forwarderConfigs";
export type { ForwarderConfigs, ForwarderConfigArgNames } from "./lib/forwarderConfigs";

// Private cluster: PrivateCluster and its building blocks.
export { PrivateCluster } from "./components/privateCluster";
export type {
    PrivateClusterArgs,
    PrivateClusterEndpointSettings,
    PrivateClusterHybridDnsSettings,
    PrivateClusterPullThroughCacheSettings,
} from "./components/privateCluster";
export {
    ReachabilityCheck,
    accessPolicyArn,
    adminEntryKey,
    allClusterLogTypes,
    checkConnectedNetworks,
    checkServiceCidr,
    clusterMonthlyCostUsd,
    kubeconfigJson,
} from "./lib/privateCluster";
export { ConnectedDns, hybridDnsNeed, unneededHybridDnsWarning } from "./lib/hybridDnsNeed";
export type { HybridDnsNeed } from "./lib/hybridDnsNeed";
export {
    HOURS_PER_MONTH,
    eksClusterMonthlyUsd,
    eksStandardSupportEnds,
    interfaceEndpointMonthlyUsd,
    prices,
    pricesChecked,
    pricedRegion,
    resolverEndpointMonthlyUsd,
    resourceMonthlyCost,
} from "./lib/prices";
export type { ResourceCost } from "./lib/prices";
export { validatePrivateCluster } from "./lib/privateClusterArgs";
export type { ValidatedPrivateCluster } from "./lib/privateClusterArgs";
export { nodeBootstrap, dnsClusterIp, al2Bootstrap, bottlerocketSettings, hasAl2Amis, lastAl2KubernetesVersion } from "./lib/nodeBootstrap";
export type { BootstrapInputs, NodeBootstrap, Al2Bootstrap } from "./lib/nodeBootstrap";
export {
    upstreamRegistries,
    planPullThroughCache,
    checkCredentialArn,
    ecrRegistryHost,
    imagePrefixMapping,
    rewriteImage,
    pullThroughCacheNodePolicy,
} from "./lib/pullThroughCache";
export type { UpstreamRegistry, PullThroughCacheArgs, PlannedRule } from "./lib/pullThroughCache";
export { loadBalancerControllerValues, clusterAutoscalerValues, karpenterValues, addonImages, parseFlag } from "./lib/addonValues";
export type { AddonContext, KarpenterContext } from "./lib/addonValues";
export { checkReachability, ReachabilityStage } from "./lib/reachability";
export type { ReachabilityOptions, ReachabilityResult } from "./lib/reachability";

// Typed readers of this package's outputs from another stack (network and cluster stacks).
export {
    OutputKind,
    StackOutputError,
    checkStackOutputs,
    readStackOutputs,
    readNetworkOutputs,
    readResolverOutputs,
    readVpcEndpointOutputs,
    readEndpointAccessOutputs,
    networkOutputs,
    resolverOutputs,
    vpcEndpointOutputs,
    endpointAccessOutputs,
} from "./lib/stackOutputs";
export type { NetworkOutputs, ResolverOutputs, VpcEndpointOutputs, EndpointAccessOutputs, OutputSpec, OutputValues } from "./lib/stackOutputs";
