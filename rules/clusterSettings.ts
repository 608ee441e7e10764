// Reading an EKS cluster's endpoint settings from either resource type the pack judges: `aws:eks/cluster:Cluster`
// (settings under vpcConfig and kubernetesNetworkConfig) and the @pulumi/eks component `eks:index:Cluster`
// (flat inputs). Unset flags read the way the EKS API reads them (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Modifying cluster endpoint
// access": public on and private off is the default for new clusters).
import { IpFamily } from "../apiEndpoint/endpointAccess";
import { Props, RuleNotApplicable, RuleResource } from "./types";
import { propsOf } from "./values";

export const AWS_CLUSTER = "aws:eks/cluster:Cluster";
export const EKS_CLUSTER = "eks:index:Cluster";
export const CLUSTER_TYPES = [AWS_CLUSTER, EKS_CLUSTER];

/** EKS user guide, "Cluster API server endpoint": the page the endpoint-access rules link to. */
export const EKS_ENDPOINT_DOC = "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html";

export interface EndpointFlags {
    publicAccess: boolean;
    privateAccess: boolean;
    /** How each flag reads in a message: `endpointPublicAccess is unset, which EKS treats as true`. */
    publicText: string;
    privateText: string;
}

function flagText(name: string, value: unknown, fallback: boolean): string {
    return typeof value === "boolean" ? `${name} is ${value}` : `${name} is unset, which EKS treats as ${fallback}`;
}

/** Where a cluster's endpoint settings live: vpcConfig for the AWS resource, the inputs for the component. */
function endpointSettings(r: RuleResource): Props {
    return r.type === AWS_CLUSTER ? (propsOf(r.inputs.vpcConfig) ?? {}) : r.inputs;
}

/**
 * Stops the rule for the aws:eks/cluster:Cluster that @pulumi/eks creates inside its component: the component's
 * own inputs are judged, so each problem is reported once, on the resource the user wrote.
 */
export function skipComponentChild(r: RuleResource): void {
    const qualifiedType = r.urn.split("::")[2] ?? "";
    if (r.type === AWS_CLUSTER && qualifiedType.includes(`${EKS_CLUSTER}$`)) {
        throw new RuleNotApplicable(`judged on its parent ${EKS_CLUSTER}, whose inputs configure it`);
    }
}

export function endpointFlags(r: RuleResource): EndpointFlags {
    const s = endpointSettings(r);
    const pub = s.endpointPublicAccess;
    const priv = s.endpointPrivateAccess;
    return {
        publicAccess: pub === undefined || pub === null ? true : Boolean(pub),
        privateAccess: Boolean(priv),
        publicText: flagText("endpointPublicAccess", pub, true),
        privateText: flagText("endpointPrivateAccess", priv, false),
    };
}

/** The publicAccessCidrs the user set, or undefined when unset. */
export function publicAccessCidrs(r: RuleResource): string[] | undefined {
    const cidrs = endpointSettings(r).publicAccessCidrs;
    // The aws provider's schema types publicAccessCidrs as a list of strings.
    return Array.isArray(cidrs) ? [...(cidrs as string[])] : undefined;
}

export function ipFamily(r: RuleResource): IpFamily {
    const family = r.type === AWS_CLUSTER ? propsOf(r.inputs.kubernetesNetworkConfig)?.ipFamily : r.inputs.ipFamily;
    return typeof family === "string" && family.toLowerCase() === IpFamily.Ipv6 ? IpFamily.Ipv6 : IpFamily.Ipv4;
}

/** True when the cluster has hybrid nodes: remoteNetworkConfig lists remote node networks. */
export function hasHybridNodes(r: RuleResource): boolean {
    if (r.type !== AWS_CLUSTER) return false;
    const remote = r.inputs.remoteNetworkConfig;
    return remote !== undefined && remote !== null;
}
