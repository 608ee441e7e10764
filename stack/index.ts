// The reusable root stack: builds this package's components from stack config, one stack per environment.
// Every setting is shown in Pulumi.sample.yaml; the outputs are what other stacks read with a StackReference.
import * as pulumi from "@pulumi/pulumi";
import {
    ClusterEndpointAccess,
    ClusterEndpointAccessArgs,
    HybridDnsAccess,
    HybridDnsAccessArgs,
    PrivateCluster,
    PrivateClusterArgs,
    PrivateClusterEndpoints,
    PrivateClusterEndpointsArgs,
    resolveEndpointAccess,
} from "../index";

const config = new pulumi.Config();
const env = pulumi.getStack();

/** The cluster's VPC, shared by every section below unless a section names its own. */
const vpcId = config.get("vpcId");

/** Endpoint access: ClusterEndpointAccessArgs as structured config (`endpointAccess:`). */
const endpointAccessArgs = config.requireObject<ClusterEndpointAccessArgs>("endpointAccess");
const access = new ClusterEndpointAccess(`${env}-endpoint`, { ...endpointAccessArgs, vpcId: endpointAccessArgs.vpcId ?? vpcId });

export const endpointPublicAccess = access.endpointPublicAccess;
export const endpointPrivateAccess = access.endpointPrivateAccess;
export const publicAccessCidrs = access.publicAccessCidrs;
export const vpcConfig = access.vpcConfig;
export const endpointAccessWarnings = access.warnings;
export const controlPlaneIngressRuleIds = access.ingressRuleIds;

/** Private-cluster VPC endpoints (optional `vpcEndpoints:`): PrivateClusterEndpointsArgs, vpcId defaulting to the stack's. */
const endpointsArgs = section<Omit<PrivateClusterEndpointsArgs, "vpcId"> & { vpcId?: string }>("vpcEndpoints");
const endpoints = endpointsArgs
    ? new PrivateClusterEndpoints(`${env}-endpoints`, {
          ...endpointsArgs,
          vpcId: endpointsArgs.vpcId ?? requireVpcId("vpcEndpoints"),
          // The endpoints only help a cluster whose nodes use the private endpoint: fail fast when access says otherwise.
          endpointPrivateAccess: resolveEndpointAccess(endpointAccessArgs).endpointPrivateAccess,
      })
    : undefined;

export const vpcEndpointIds = endpoints?.endpointIds;
export const vpcEndpointServiceNames = endpoints?.serviceNames;
export const vpcEndpointSecurityGroupId = endpoints?.securityGroupId;
export const vpcEndpointsMonthlyCostUsd = endpoints?.monthlyCostUsd;
export const stsPodEnvironment = endpoints?.stsPodEnvironment;

/**
 * Hybrid DNS (optional `hybridDns:`): HybridDnsAccessArgs for a cluster whose endpoint URL is known (an existing
 * cluster, or one read from another stack); clusterVpcId defaults to the stack's vpcId.
 */
const hybridArgs = section<Omit<HybridDnsAccessArgs, "clusterVpcId"> & { clusterVpcId?: string }>("hybridDns");
if (hybridArgs) {
    // Both components put TCP 443 rules on the control-plane security group; AWS refuses a second identical rule.
    const twice = [...(hybridArgs.peeredCidrs ?? []), ...(hybridArgs.onPremisesCidrs ?? [])].filter((c) => endpointAccessArgs.allowedCidrs?.includes(c));
    if (twice.length > 0) {
        throw new Error(
            `config: ${twice.join(", ")} is in both endpointAccess.allowedCidrs and hybridDns (peeredCidrs/onPremisesCidrs); ` +
                `each would get the same TCP 443 rule on the control-plane security group, which AWS refuses as a duplicate. ` +
                `List it under hybridDns only: that also opens DNS to it.`,
        );
    }
}
const hybrid = hybridArgs
    ? new HybridDnsAccess(`${env}-dns`, { ...hybridArgs, clusterVpcId: hybridArgs.clusterVpcId ?? requireVpcId("hybridDns") })
    : undefined;

export const resolverIps = hybrid?.resolverIps;
export const resolverInboundEndpointId = hybrid?.inboundEndpointId;
export const resolverOutboundEndpointId = hybrid?.outboundEndpointId;
export const resolverRuleId = hybrid?.ruleId;
export const forwardedDomain = hybrid?.domain;
export const forwarderConfigs = hybrid?.forwarderConfigs;

/**
 * A whole private cluster (optional `privateCluster:`): PrivateClusterArgs, vpcId defaulting to the stack's. It
 * brings its own endpoint access, VPC endpoints and hybrid DNS, so use it instead of the sections above for the
 * same VPC, not beside them.
 */
const clusterArgs = section<Omit<PrivateClusterArgs, "vpcId"> & { vpcId?: string }>("privateCluster");
const cluster = clusterArgs
    ? new PrivateCluster(`${env}-cluster`, { ...clusterArgs, vpcId: clusterArgs.vpcId ?? requireVpcId("privateCluster") })
    : undefined;

export const clusterName = cluster?.clusterName;
export const clusterEndpoint = cluster?.endpoint;
export const clusterCertificateAuthority = cluster?.certificateAuthority;
export const clusterOidcIssuer = cluster?.oidcIssuer;
export const clusterSecurityGroupId = cluster?.clusterSecurityGroupId;
export const nodeSecurityGroupId = cluster?.nodeSecurityGroupId;
export const clusterResolverIps = cluster?.resolverIps;
export const clusterEndpointIds = cluster?.endpointIds;
export const kubeconfig = cluster?.kubeconfig;
export const nodeBootstrap = cluster?.bootstrap;
export const clusterMonthlyCostUsd = cluster?.monthlyCostUsd;

/** An optional section: absent, `null` or `{}` (its default in Pulumi.yaml, where a typed key needs one) is "not used". */
function section<T extends object>(key: string): T | undefined {
    const value = config.getObject<T>(key);
    return value && Object.keys(value).length > 0 ? value : undefined;
}

function requireVpcId(section: string): string {
    if (!vpcId) throw new Error(`config: ${section} needs a VPC: set eks-private-access:vpcId, or vpcId inside ${section}`);
    return vpcId;
}
