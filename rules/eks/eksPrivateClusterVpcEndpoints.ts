// eks-private-cluster-vpc-endpoints: a private-only cluster's VPC has a VPC endpoint for every service its nodes need
// without internet access (EKS user guide, https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html,
// "Private cluster requirements", the VPC endpoint table; vpcEndpoints/services.ts requiredEndpointServices) and for
// every service the features it runs call (vpcEndpoints/services.ts featureEndpoints). Features come from the
// policy's `features` knob, the PrivateClusterEndpoints components in the cluster's VPC and the cluster's EKS add-ons.
import { EndpointFeature, endpointCatalog, featureEndpoints, requiredEndpointServices } from "../../vpcEndpoints/services";
import { endpointFlags } from "../clusterSettings";
import { appendTo, clustersOf, StackIndex, VPC_ENDPOINT } from "../stackIndex";
import { StackResource, StackRule, Violation } from "../types";
import { configStrings, knownString, listText, peek, UNKNOWN } from "../values";

/** The component whose `features` and `existingEndpoints` inputs say what a cluster in its VPC runs and already has. */
export const ENDPOINTS_COMPONENT = "eks-private-access:index:PrivateClusterEndpoints";

export const EKS_ADDON = "aws:eks/addon:Addon";

/**
 * EKS add-ons that run a feature's agent, by add-on name (EKS user guide, "AWS add-ons",
 * https://docs.aws.amazon.com/eks/latest/userguide/workloads-add-ons-available-eks.html: each add-on's "Amazon EKS
 * add-on name is ..."): an add-on on a private-only cluster calls the services of its feature.
 */
export const addonFeatures: Readonly<Record<string, EndpointFeature>> = {
    "amazon-cloudwatch-observability": EndpointFeature.ContainerInsights,
    "eks-pod-identity-agent": EndpointFeature.PodIdentity,
    "aws-ebs-csi-driver": EndpointFeature.EbsCsiDriver,
    "aws-efs-csi-driver": EndpointFeature.EfsCsiDriver,
    "aws-guardduty-agent": EndpointFeature.GuardDutyRuntimeMonitoring,
};

/** Resources of `type` by the VPCs they reference; the lookup returns those in any of `keys`, in stack order, once each. */
function byVpc(index: StackIndex, type: string): (keys: string[]) => StackResource[] {
    const all = index.ofType(type);
    const map = new Map<string, number[]>();
    all.forEach((r, i) => {
        for (const ref of index.vpcRefs(r)) appendTo(map, ref.key, i);
    });
    return (keys) => [...new Set(keys.flatMap((k) => map.get(k) ?? []))].sort((a, b) => a - b).map((i) => all[i]);
}

/**
 * The stack's EKS add-ons that imply a feature, indexed by what joins each to its cluster (a URN its clusterName
 * depends on, or clusterName's value), built once per stack: the lookup gives the features of the add-ons of a
 * cluster (joined by its own URN, its component's, or its name), in stack order, each add-on once.
 */
function addonFeaturesOf(index: StackIndex): (cluster: StackResource) => string[] {
    const features: string[] = [];
    const byDependency = new Map<string, number[]>();
    const byName = new Map<string, number[]>();
    for (const addon of index.ofType(EKS_ADDON)) {
        const feature = addonFeatures[knownString(peek(() => addon.inputs.addonName)) ?? ""];
        if (feature === undefined) continue;
        const i = features.push(feature) - 1;
        for (const urn of new Set(addon.propertyDependencies?.clusterName ?? [])) appendTo(byDependency, urn, i);
        const clusterName = knownString(peek(() => addon.inputs.clusterName));
        if (clusterName !== undefined) appendTo(byName, clusterName, i);
    }
    return (cluster) => {
        const name = knownString(peek(() => cluster.inputs.name));
        const urns = [cluster.urn, ...(cluster.parent ? [cluster.parent] : [])];
        const matched = [...urns.flatMap((u) => byDependency.get(u) ?? []), ...(name === undefined ? [] : (byName.get(name) ?? []))];
        return [...new Set(matched)].sort((a, b) => a - b).map((i) => features[i]);
    };
}

/** What the endpoint components and endpoints in a set of VPCs say: features run there, services present, and whether an endpoint's service is unknown. */
interface VpcEndpointFacts {
    features: string[];
    present: string[];
    unknownService: boolean;
}

/** The endpoint facts of the VPCs with `keys`, derived once per VPC set (many clusters may share a VPC). */
function endpointFactsByVpc(index: StackIndex): (keys: string[]) => VpcEndpointFacts {
    const components = byVpc(index, ENDPOINTS_COMPONENT);
    const endpoints = byVpc(index, VPC_ENDPOINT);
    const cache = new Map<string, VpcEndpointFacts>();
    return (keys) => {
        const cacheKey = keys.join("\n");
        const cached = cache.get(cacheKey);
        if (cached) return cached;
        const facts: VpcEndpointFacts = { features: [], present: [], unknownService: false };
        for (const component of components(keys)) {
            facts.features.push(...stringsOf(component.inputs.features));
            facts.present.push(...stringsOf(component.inputs.existingEndpoints));
        }
        for (const endpoint of endpoints(keys)) {
            const serviceName = knownString(peek(() => endpoint.inputs.serviceName));
            const short = serviceName === undefined ? undefined : endpointServiceShortName(serviceName);
            if (short === undefined) facts.unknownService = true;
            else facts.present.push(short);
        }
        cache.set(cacheKey, facts);
        return facts;
    };
}

/** `com.amazonaws.us-east-1.ecr.api` and `cn.com.amazonaws.cn-north-1.ecr.api` -> `ecr.api`. */
export function endpointServiceShortName(serviceName: string): string | undefined {
    const match = /^(?:[a-z]{2,3}\.)?com\.amazonaws\.[a-z]{2}(?:-[a-z]+)+-\d+\.(.+)$/.exec(serviceName);
    return match ? match[1] : undefined;
}

const knownFeatures = new Set<string>(Object.values(EndpointFeature));

/** The known feature names and service ids of a list input; unknown values and other entries are left out. */
function stringsOf(value: unknown): string[] {
    const list = peek(() => value);
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [];
}

/**
 * The services a cluster needs, each with the features that call it (empty for the required set): the required
 * services, then each feature's services.
 */
export function neededServices(required: string[], features: string[]): Map<string, string[]> {
    const needed = new Map<string, string[]>(required.map((s) => [s, []]));
    for (const feature of features) {
        if (!knownFeatures.has(feature)) continue;
        for (const service of featureEndpoints[feature as EndpointFeature].services) {
            const callers = needed.get(service) ?? [];
            if (!callers.includes(feature)) callers.push(feature);
            needed.set(service, callers);
        }
    }
    return needed;
}

/** Why a missing service matters: the catalogue's reason, or the features that call it and why. */
function whyNeeded(service: string, features: string[]): string {
    if (features.length === 0) return `${service}: ${endpointCatalog[service]?.why ?? "workloads call it"}`;
    return `${service}: called by feature ${features.map((f) => `${f} (${featureEndpoints[f as EndpointFeature].why})`).join(" and ")}`;
}

/** Private-only cluster whose VPC lacks the endpoints nodes and the cluster's features need without internet access. */
export const eksPrivateClusterVpcEndpoints: StackRule = {
    kind: "stack",
    name: "eks-private-cluster-vpc-endpoints",
    description:
        `A private-only cluster's VPC has a VPC endpoint for each service nodes need without internet access (${requiredEndpointServices.join(", ")} ` +
        "by default) and for each service the cluster's features call (the features knob, the features of PrivateClusterEndpoints " +
        "components in the VPC, and the cluster's EKS add-ons such as amazon-cloudwatch-observability), in the stack or listed as existing elsewhere.",
    severity: "high",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation:
        "Create the missing endpoints in the cluster's VPC (interface endpoints com.amazonaws.<region>.<service>; s3 as a " +
        "gateway endpoint; with this package, add the feature to the endpoint component's features), or list endpoints that " +
        "exist outside this stack in the policy's existingEndpoints config.",
    link: "https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html",
    source: "https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, \"Private cluster requirements\" (VPC endpoint table); vpcEndpoints/services featureEndpoints",
    resourceTypes: ["aws:eks/cluster:Cluster", "eks:index:Cluster", VPC_ENDPOINT, ENDPOINTS_COMPONENT, EKS_ADDON],
    configSchema: {
        requiredServices: {
            type: "array",
            items: { type: "string" },
            description: "Short service names (ecr.api) every private-only cluster's VPC needs an endpoint for.",
            default: [...requiredEndpointServices],
        },
        features: {
            type: "array",
            items: { type: "string" },
            description: `Features every private-only cluster runs (${Object.values(EndpointFeature).join(", ")}): each needs the endpoints it calls.`,
            default: [],
        },
        existingEndpoints: {
            type: "array",
            items: { type: "string" },
            description: "Services whose endpoints exist outside this stack (shared VPC, central endpoints) and count as present.",
            default: [],
        },
    },
    check(resources, config) {
        const index = new StackIndex(resources);
        const required = configStrings(config, "requiredServices") ?? [...requiredEndpointServices];
        const knobFeatures = configStrings(config, "features") ?? [];
        const existing = configStrings(config, "existingEndpoints") ?? [];
        const out: Violation[] = [];
        // Indexed once, so each cluster looks up its add-ons and its VPC's endpoints instead of scanning all of them.
        const addonFeaturesOfCluster = addonFeaturesOf(index);
        const endpointFacts = endpointFactsByVpc(index);
        for (const cluster of clustersOf(index)) {
            const flags = peek(() => endpointFlags(cluster));
            if (flags === UNKNOWN || flags.publicAccess || !flags.privateAccess) continue;
            const vpcs = index.clusterVpcRefs(cluster);
            if (vpcs.length === 0) continue;
            const facts = endpointFacts(vpcs.map((v) => v.key));
            const present = new Set<string>([...existing, ...facts.present]);
            const features = [...knobFeatures, ...addonFeaturesOfCluster(cluster), ...facts.features];
            const missing = [...neededServices(required, features).entries()].filter(([s]) => !present.has(s));
            if (missing.length === 0 || facts.unknownService) continue;
            const where = vpcs.map((v) => index.label(v, "VPC")).join(", ");
            out.push({
                urn: cluster.urn,
                message:
                    `Cluster "${cluster.name}" is private-only, but ${where} has no VPC endpoint for ${listText(missing.map(([s]) => s))}. ` +
                    `Without internet access: ${missing.map(([s, f]) => whyNeeded(s, f)).join("; ")}. ` +
                    `Create the endpoints, or list the ones that exist outside this stack in existingEndpoints.`,
            });
        }
        return out;
    },
};
