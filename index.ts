// eks-private-access: the library entry. Re-exports every component, its Args, the enums and the pure
// helpers; importing it creates nothing.
export { ClusterEndpointAccess } from "./apiEndpoint/clusterEndpointAccess";
export type { ClusterEndpointAccessArgs, EndpointVpcConfig } from "./apiEndpoint/clusterEndpointAccess";
export {
    EndpointAccessMode,
    IpFamily,
    MAX_PUBLIC_ACCESS_CIDRS,
    acceptsIpv6Cidrs,
    defaultPublicAccessCidrs,
    isRestricted,
    publicAccessCidrsProblem,
    resolveEndpointAccess,
} from "./apiEndpoint/endpointAccess";
export type { EndpointAccessArgs, EndpointAccessSettings } from "./apiEndpoint/endpointAccess";
export { EndpointForm, Partition, parseClusterEndpoint } from "./aws/clusterEndpoint";
export type { ClusterEndpointInfo } from "./aws/clusterEndpoint";
export { vpcDnsProblems } from "./apiEndpoint/vpcDns";
export type { VpcDnsFacts } from "./apiEndpoint/vpcDns";
export { InputError } from "./shared/errors";

// Private-cluster VPC endpoints (PrivateClusterEndpoints, EcrEndpoints, StsEndpoint) and their catalog.
export { PrivateClusterEndpoints } from "./vpcEndpoints/privateClusterEndpoints";
export type { PrivateClusterEndpointsArgs } from "./vpcEndpoints/privateClusterEndpoints";
export { EcrEndpoints } from "./vpcEndpoints/ecrEndpoints";
export type { EcrEndpointsArgs } from "./vpcEndpoints/ecrEndpoints";
export { StsEndpoint } from "./vpcEndpoints/stsEndpoint";
export type { StsEndpointArgs } from "./vpcEndpoints/stsEndpoint";
export type { EndpointDescription, EndpointDnsEntry } from "./vpcEndpoints/build";
export { DefaultEndpointPolicy, S3InterfaceDns, restrictedEndpointPolicy } from "./vpcEndpoints/args";
export type { EndpointNetworkArgs, PolicyScope } from "./vpcEndpoints/args";
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
} from "./vpcEndpoints/services";
export type { CatalogEntry, EndpointPlan, EndpointSelection, PlannedEndpoint, Placement, SubnetAz } from "./vpcEndpoints/services";
export {
    loadBalancerControllerFlags,
    clusterAutoscalerFlags,
    stsPodEnvironment,
    globalStsNote,
    privateClusterNotes,
    regionalStsEndpoint,
    checkEndpointPrivateAccess,
} from "./aws/privateClusterChecklist";

// Hybrid DNS: Route 53 Resolver endpoints, forwarding rules and on-premises forwarder configs.
export { ResolverInboundEndpoint } from "./hybridDns/resolverInboundEndpoint";
export type { ResolverInboundEndpointArgs } from "./hybridDns/resolverInboundEndpoint";
export { ResolverOutboundEndpoint } from "./hybridDns/resolverOutboundEndpoint";
export type { ResolverOutboundEndpointArgs } from "./hybridDns/resolverOutboundEndpoint";
export { ClusterDnsForwarding } from "./hybridDns/clusterDnsForwarding";
export type { ClusterDnsForwardingArgs } from "./hybridDns/clusterDnsForwarding";
export { HybridDnsAccess } from "./hybridDns/hybridDnsAccess";
export type { HybridDnsAccessArgs } from "./hybridDns/hybridDnsAccess";
export { Scope, ruleDomain, checkEndpointSubnets, subnetAzProblem, checkAllowedCidrs, keyedVpcs, sharePrincipals } from "./hybridDns/resolverChecks";
export type { EndpointSubnetAz, KeyedVpc, SharePrincipal } from "./hybridDns/resolverChecks";
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
} from "./hybridDns/forwarderConfigs";
export type { ForwarderConfigs, ForwarderConfigArgNames } from "./hybridDns/forwarderConfigs";

// Private cluster: PrivateCluster and its building blocks.
export { PrivateCluster } from "./privateCluster/privateCluster";
export type {
    PrivateClusterArgs,
    PrivateClusterEndpointSettings,
    PrivateClusterHybridDnsSettings,
    PrivateClusterPullThroughCacheSettings,
} from "./privateCluster/privateCluster";
export {
    ReachabilityCheck,
    accessPolicyArn,
    adminEntryKey,
    allClusterLogTypes,
    checkConnectedNetworks,
    checkServiceCidr,
    clusterMonthlyCostUsd,
    kubeconfigJson,
} from "./privateCluster/plan";
export { ConnectedDns, hybridDnsNeed, unneededHybridDnsWarning } from "./hybridDns/need";
export type { HybridDnsNeed } from "./hybridDns/need";
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
} from "./aws/prices";
export type { ResourceCost } from "./aws/prices";
export { validatePrivateCluster } from "./privateCluster/args";
export type { ValidatedPrivateCluster } from "./privateCluster/args";
export { nodeBootstrap, dnsClusterIp, al2Bootstrap, bottlerocketSettings, hasAl2Amis, lastAl2KubernetesVersion } from "./privateCluster/nodeBootstrap";
export type { BootstrapInputs, NodeBootstrap, Al2Bootstrap } from "./privateCluster/nodeBootstrap";
export {
    upstreamRegistries,
    planPullThroughCache,
    checkCredentialArn,
    ecrRegistryHost,
    imagePrefixMapping,
    rewriteImage,
    pullThroughCacheNodePolicy,
} from "./privateCluster/pullThroughCache";
export type { UpstreamRegistry, PullThroughCacheArgs, PlannedRule } from "./privateCluster/pullThroughCache";
export { loadBalancerControllerValues, clusterAutoscalerValues, karpenterValues, addonImages, parseFlag } from "./privateCluster/addonValues";
export type { AddonContext, KarpenterContext } from "./privateCluster/addonValues";
export { checkReachability, ReachabilityStage } from "./adapters/reachability";
export type { ReachabilityOptions, ReachabilityResult } from "./adapters/reachability";

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
} from "./adapters/stackOutputs";
export type { NetworkOutputs, ResolverOutputs, VpcEndpointOutputs, EndpointAccessOutputs, OutputSpec, OutputValues } from "./adapters/stackOutputs";
