// The reusable root stack: builds this package's components from stack config, one stack per environment.
// Every setting is shown in Pulumi.sample.yaml; the outputs are what other stacks read with a StackReference.
import * as pulumi from "@pulumi/pulumi";
import {
    ClusterEndpointAccess,
    ClusterEndpointAccessArgs,
    EndpointAccessMode,
    HybridDnsAccess,
    HybridDnsAccessArgs,
    PrivateCluster,
    PrivateClusterArgs,
    PrivateClusterEndpoints,
    PrivateClusterEndpointsArgs,
    resolveEndpointAccess,
} from "../index";
import { stackConfigProblems } from "./configCheck";

const config = new pulumi.Config();
const env = pulumi.getStack();

/** The cluster's VPC, shared by every section below unless a section names its own. */
const vpcId = config.get("vpcId");

type WithVpc<T, K extends string> = Omit<T, K> & { [key in K]?: string };
/** Endpoint access (`endpointAccess:`): ClusterEndpointAccessArgs, vpcId defaulting to the stack's. */
const endpointAccessArgs = section<ClusterEndpointAccessArgs>("endpointAccess");
/** Private-cluster VPC endpoints (`vpcEndpoints:`): PrivateClusterEndpointsArgs, vpcId defaulting to the stack's. */
const endpointsArgs = section<WithVpc<PrivateClusterEndpointsArgs, "vpcId">>("vpcEndpoints");
/** Hybrid DNS (`hybridDns:`): HybridDnsAccessArgs for a cluster whose endpoint URL is known; clusterVpcId defaults to the stack's. */
const hybridArgs = section<WithVpc<HybridDnsAccessArgs, "clusterVpcId">>("hybridDns");
/** A whole private cluster (`privateCluster:`): PrivateClusterArgs, vpcId defaulting to the stack's, instead of the sections above for that VPC. */
const clusterArgs = section<WithVpc<PrivateClusterArgs, "vpcId">>("privateCluster");

// Checked before anything is built, under `pulumi up` as in the offline plan: each section against its component's
// input schema (stack/configCheck.ts), unknown keys, and sections that would manage one VPC twice.
const problems = stackConfigProblems(pulumi.getProject(), pulumi.runtime.allConfig(), {
    vpcId,
    endpointAccess: endpointAccessArgs,
    vpcEndpoints: endpointsArgs,
    hybridDns: hybridArgs,
    privateCluster: clusterArgs,
});
if (problems.length > 0) throw new pulumi.RunError(problems.join("\n"));

const access = endpointAccessArgs
    ? new ClusterEndpointAccess(`${env}-endpoint`, { ...endpointAccessArgs, vpcId: endpointAccessArgs.vpcId ?? vpcId })
    : undefined;
/** The endpoint settings of the cluster this stack configures: endpointAccess's, else privateCluster's. */
const settings = access ?? clusterEndpointSettings(clusterArgs);

export const endpointPublicAccess = settings?.endpointPublicAccess;
export const endpointPrivateAccess = settings?.endpointPrivateAccess;
export const publicAccessCidrs = settings?.publicAccessCidrs;
export const vpcConfig = settings?.vpcConfig;
export const endpointAccessWarnings = access?.warnings;
export const controlPlaneIngressRuleIds = access?.ingressRuleIds;

const endpoints = endpointsArgs
    ? new PrivateClusterEndpoints(`${env}-endpoints`, {
          ...endpointsArgs,
          vpcId: endpointsArgs.vpcId ?? requireVpcId("vpcEndpoints"),
          // The endpoints only help a cluster whose nodes use the private endpoint: fail fast when access says otherwise.
          endpointPrivateAccess: endpointAccessArgs ? resolveEndpointAccess(endpointAccessArgs).endpointPrivateAccess : undefined,
      })
    : undefined;

export const vpcEndpointIds = endpoints?.endpointIds;
export const vpcEndpointServiceNames = endpoints?.serviceNames;
export const vpcEndpointSecurityGroupId = endpoints?.securityGroupId;
export const vpcEndpointsMonthlyCostUsd = endpoints?.monthlyCostUsd;
export const vpcEndpointsCostPerAzUsd = endpoints?.costPerAzUsd;
export const stsPodEnvironment = endpoints?.stsPodEnvironment;

if (hybridArgs) {
    // Both components put TCP 443 rules on the control-plane security group; AWS refuses a second identical rule.
    const twice = [...(hybridArgs.peeredCidrs ?? []), ...(hybridArgs.onPremisesCidrs ?? [])].filter((c) => endpointAccessArgs?.allowedCidrs?.includes(c));
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

/**
 * privateCluster's endpoint settings as ClusterEndpointAccess reports them (its mode, private by default, and public
 * CIDRs); undefined when the section is unused or its settings are invalid (PrivateCluster then reports why).
 */
function clusterEndpointSettings(args: { endpointAccess?: EndpointAccessMode; publicAccessCidrs?: string[] } | undefined) {
    if (!args) return undefined;
    let resolved: ReturnType<typeof resolveEndpointAccess>;
    try {
        resolved = resolveEndpointAccess({ mode: args.endpointAccess ?? EndpointAccessMode.Private, publicAccessCidrs: args.publicAccessCidrs });
    } catch {
        return undefined;
    }
    const { endpointPublicAccess, endpointPrivateAccess, publicAccessCidrs } = resolved;
    return {
        endpointPublicAccess,
        endpointPrivateAccess,
        publicAccessCidrs,
        vpcConfig: { endpointPublicAccess, endpointPrivateAccess, ...(endpointPublicAccess ? { publicAccessCidrs } : {}) },
    };
}

function requireVpcId(section: string): string {
    if (!vpcId) throw new Error(`config: ${section} needs a VPC: set eks-private-access:vpcId, or vpcId inside ${section}`);
    return vpcId;
}
