// The reusable root stack: builds this package's components from stack config, one stack per environment.
// Every setting is shown in Pulumi.sample.yaml; the outputs are what other stacks read with a StackReference.
import * as pulumi from "@pulumi/pulumi";
import { ClusterEndpointAccess, ClusterEndpointAccessArgs } from "../index";

const config = new pulumi.Config();

/** Endpoint access settings: ClusterEndpointAccessArgs as structured config (`endpointAccess:` in the stack file). */
const endpointAccessArgs = config.requireObject<ClusterEndpointAccessArgs>("endpointAccess");
const vpcId = config.get("vpcId");

const access = new ClusterEndpointAccess(`${pulumi.getStack()}-endpoint`, { ...endpointAccessArgs, vpcId: endpointAccessArgs.vpcId ?? vpcId });

export const endpointPublicAccess = access.endpointPublicAccess;
export const endpointPrivateAccess = access.endpointPrivateAccess;
export const publicAccessCidrs = access.publicAccessCidrs;
export const vpcConfig = access.vpcConfig;
export const endpointAccessWarnings = access.warnings;
export const controlPlaneIngressRuleIds = access.ingressRuleIds;
