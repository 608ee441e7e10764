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
