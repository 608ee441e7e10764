// eks-private-access: the library entry; importing it creates nothing. It exports the public API only:
//   - every component (the plugin, provider.ts, constructs them by these export names, and the schema lists them),
//     its Args and settings types, and the types of its outputs;
//   - the enums (`as const` objects) that Args take or results carry;
//   - the errors a caller may catch (InputError, StackOutputError);
//   - the pure helpers a program calls to get an answer without creating anything: the endpoint-access settings,
//     the parsed cluster endpoint, the VPC endpoint plan and feature map, whether hybrid DNS is needed, forwarder
//     configs, the reachability check, node bootstrap data, add-on Helm values, and the typed StackReference readers.
// Everything else (checks, catalogues, prices, naming and placement rules) is internal: import it by its module path
// inside this repository; the package's `exports` map serves only this entry, so users cannot depend on it.

// Components and their arguments.
export { ClusterEndpointAccess } from "./apiEndpoint/clusterEndpointAccess";
export type { ClusterEndpointAccessArgs, EndpointVpcConfig } from "./apiEndpoint/clusterEndpointAccess";
export { PrivateClusterEndpoints } from "./vpcEndpoints/privateClusterEndpoints";
export type { PrivateClusterEndpointsArgs } from "./vpcEndpoints/privateClusterEndpoints";
export { EcrEndpoints } from "./vpcEndpoints/ecrEndpoints";
export type { EcrEndpointsArgs } from "./vpcEndpoints/ecrEndpoints";
export { StsEndpoint } from "./vpcEndpoints/stsEndpoint";
export type { StsEndpointArgs } from "./vpcEndpoints/stsEndpoint";
export type { EndpointDescription, EndpointDnsEntry } from "./vpcEndpoints/build";
export type { EndpointNetworkArgs, PolicyScope } from "./vpcEndpoints/args";
export { ResolverInboundEndpoint } from "./hybridDns/resolverInboundEndpoint";
export type { ResolverInboundEndpointArgs } from "./hybridDns/resolverInboundEndpoint";
export { ResolverOutboundEndpoint } from "./hybridDns/resolverOutboundEndpoint";
export type { ResolverOutboundEndpointArgs } from "./hybridDns/resolverOutboundEndpoint";
export { ClusterDnsForwarding } from "./hybridDns/clusterDnsForwarding";
export type { ClusterDnsForwardingArgs } from "./hybridDns/clusterDnsForwarding";
export { HybridDnsAccess } from "./hybridDns/hybridDnsAccess";
export type { HybridDnsAccessArgs } from "./hybridDns/hybridDnsAccess";
export type { ForwarderConfigs } from "./hybridDns/forwarderConfigs";
export { PrivateCluster } from "./privateCluster/privateCluster";
export type {
    PrivateClusterArgs,
    PrivateClusterEndpointSettings,
    PrivateClusterHybridDnsSettings,
    PrivateClusterPullThroughCacheSettings,
} from "./privateCluster/privateCluster";

// Enums.
export { EndpointAccessMode, IpFamily } from "./apiEndpoint/endpointAccess";
export { AwsPartition, EndpointForm } from "./aws/clusterEndpoint";
export { EndpointFeature, EndpointPreset, EndpointType, S3EndpointType } from "./vpcEndpoints/services";
export { DefaultEndpointPolicy, S3InterfaceDns } from "./vpcEndpoints/args";
export { ForwardingScope } from "./hybridDns/resolverChecks";
export { ConnectedDns } from "./hybridDns/need";
export { ReachabilityCheck } from "./privateCluster/plan";
export { ReachabilityStage } from "./adapters/reachability";

// Errors.
export { InputError } from "./shared/errors";
export { StackOutputError } from "./adapters/stackOutputs";

// Pure helpers.
export { resolveEndpointAccess } from "./apiEndpoint/endpointAccess";
export type { EndpointAccessArgs, EndpointAccessSettings } from "./apiEndpoint/endpointAccess";
export { parseClusterEndpoint } from "./aws/clusterEndpoint";
export type { ClusterEndpointInfo } from "./aws/clusterEndpoint";
export { featureEndpoints, planEndpoints } from "./vpcEndpoints/services";
export type { EndpointPlan, EndpointSelection, PlannedEndpoint } from "./vpcEndpoints/services";
export { hybridDnsNeed } from "./hybridDns/need";
export type { HybridDnsNeed } from "./hybridDns/need";
export { forwarderConfigs } from "./hybridDns/forwarderConfigs";
export { checkReachability } from "./adapters/reachability";
export type { ReachabilityOptions, ReachabilityResult } from "./adapters/reachability";
export { nodeBootstrap } from "./privateCluster/nodeBootstrap";
export type { BootstrapInputs, NodeBootstrap, Al2Bootstrap } from "./privateCluster/nodeBootstrap";
export { loadBalancerControllerValues, clusterAutoscalerValues, karpenterValues } from "./privateCluster/addonValues";
export type { AddonContext, KarpenterContext } from "./privateCluster/addonValues";
export { readNetworkOutputs, readResolverOutputs, readVpcEndpointOutputs, readEndpointAccessOutputs } from "./adapters/stackOutputs";
export type { NetworkOutputs, ResolverOutputs, VpcEndpointOutputs, EndpointAccessOutputs } from "./adapters/stackOutputs";

// Renamed in 0.2.0 so every exported name says its domain; the old names stay for one release.
import { AwsPartition as RenamedPartition } from "./aws/clusterEndpoint";
import { ForwardingScope as RenamedScope } from "./hybridDns/resolverChecks";
/** @deprecated Renamed `ForwardingScope`; this alias goes in the next minor release. */
export const Scope = RenamedScope;
/** @deprecated Renamed `ForwardingScope`; this alias goes in the next minor release. */
export type Scope = RenamedScope;
/** @deprecated Renamed `AwsPartition`; this alias goes in the next minor release. */
export const Partition = RenamedPartition;
/** @deprecated Renamed `AwsPartition`; this alias goes in the next minor release. */
export type Partition = RenamedPartition;

