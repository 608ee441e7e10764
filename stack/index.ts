// The reusable root stack: builds this package's components from stack config, one stack per environment.
// Every setting is shown in Pulumi.sample.yaml; the outputs are what other stacks read with a StackReference.
import * as pulumi from "@pulumi/pulumi";
import {
    ClusterEndpointAccess,
    ClusterEndpointAccessArgs,
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
const endpointsArgs = config.getObject<Omit<PrivateClusterEndpointsArgs, "vpcId"> & { vpcId?: string }>("vpcEndpoints");
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

function requireVpcId(section: string): string {
    if (!vpcId) throw new Error(`config: ${section} needs a VPC: set eks-private-access:vpcId, or vpcId inside ${section}`);
    return vpcId;
}
