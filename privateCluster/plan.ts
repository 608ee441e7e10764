// PrivateCluster's pure plan: its own checks and every child's, run once, before the component registers anything,
// through the children's own planners (apiEndpoint/endpointAccess.ts resolveEndpointAccess, vpcEndpoints/services.ts
// planEndpoints and vpcEndpoints/args.ts checkEndpointArgs, hybridDns/accessPlan.ts planHybridDnsAccess), each error
// naming the argument as the user wrote it (`endpoints.features[0]`, `hybridDns.shareWith[1]`). privateCluster.ts
// turns the plan into resources.
import { EndpointAccessMode, EndpointAccessSettings, resolveEndpointAccess } from "../apiEndpoint/endpointAccess";
import { DefaultEndpointPolicy, checkEndpointArgs } from "../vpcEndpoints/args";
import { EndpointFeature, EndpointPreset, planEndpoints } from "../vpcEndpoints/services";
import { InputError, oneOf } from "../shared/errors";
import { KeyedSource, cidrsNameRules, keyedSources } from "../shared/ruleSources";
import { Validated, requirePlain, requirePlainArgs, validatedInput, checkStringList } from "../shared/validatedInput";
import { isPlainShape } from "../shared/outputs";
import { clusterNamePattern, clusterNameRule } from "../aws/ids";
import { HybridDnsAccessNames, HybridDnsAccessPlan, HybridDnsAccessPlanArgs, planHybridDnsAccess } from "../hybridDns/accessPlan";
import { checkConnectedDns, unneededHybridDnsWarning } from "../hybridDns/need";
import type { PrivateClusterArgs } from "./args";
import { ReachabilityCheck, adminEntryKey, allClusterLogTypes, checkConnectedNetworks, checkServiceCidr } from "./checks";
import { PlannedRule, checkCredentialArn, planPullThroughCache } from "./pullThroughCache";

export { ReachabilityCheck, accessPolicyArn, adminEntryKey, allClusterLogTypes, checkConnectedNetworks, checkServiceCidr, clusterMonthlyCostUsd, kubeconfigJson } from "./checks";

/** What PrivateCluster creates, checked. */
export interface PrivateClusterPlan {
    clusterName: string;
    /** Child resource names. */
    names: { controlPlane: string; access: string; endpoints?: string; secretsKey?: string; eks: string; dns?: string; cacheRules: Record<string, string> };
    mode: EndpointAccessMode;
    /** The endpoint settings ClusterEndpointAccess will give EKS. */
    access: EndpointAccessSettings;
    /** Sources of the control plane's TCP 443 rules (connectedNetworks and allowedSecurityGroups), keyed for their names. */
    apiSources: KeyedSource[];
    connectedNetworks: string[];
    admins: { key: string; arn: string }[];
    logTypes: string[];
    /** Undefined when endpoints.create is false. */
    endpoints?: {
        preset?: EndpointPreset;
        features: EndpointFeature[];
        additionalServices?: string[];
        existingEndpoints?: string[];
        defaultPolicy: DefaultEndpointPolicy;
        endpointAzs?: number;
        /** Who may reach the endpoints: the VPC's CIDRs and the connected networks. */
        allowedCidrs: string[];
        /** The services given an endpoint, sorted. */
        services: string[];
    };
    /** The cluster's subnets, checked (plain) or gated on the check (computed). */
    subnetIds: Validated<string[]>;
    /**
     * HybridDnsAccess's plan under PrivateCluster's argument names and the arguments it was planned from (the
     * component adds the endpoint, the group and the checked subnets); undefined without hybridDns.
     */
    hybridDns?: { plan: HybridDnsAccessPlan; args: HybridDnsAccessPlanArgs; ownInboundSubnets: boolean };
    pullThroughCache: PlannedRule[];
    kubernetesApiAccess: boolean;
    reachabilityCheck: ReachabilityCheck;
    /** The KMS key for secrets is made here (secretsKmsKeyArn left out). */
    createsKey: boolean;
    warnings: string[];
}

/** PrivateCluster's arguments that stay plain, and why (the README's "Plain or Input" table). */
export const privateClusterPlainArgs: Record<string, string> = {
    clusterName: "it names the cluster and is checked against EKS's naming rules before anything is created: pass a literal name",
    vpcCidrs: cidrsNameRules,
    endpointAccess: "it decides which endpoints are on, and so which checks and rules are planned: pass a literal mode",
    publicAccessCidrs: "they are checked against EKS's public-access rules before anything is created: pass literal CIDR strings",
    connectedNetworks: cidrsNameRules,
    adminPrincipalArns: "each ARN names its access entry: pass literal ARNs (use nodeRoleArn for a role made in the same program)",
    serviceIpv4Cidr: "it is checked against the VPC and connected networks, and decides the nodes' DNS address, before the cluster is planned: pass the literal CIDR",
    enabledClusterLogTypes: "they are a closed set, checked before anything is created: pass literal log types",
    createOidcProvider: "it decides whether the OIDC provider exists: pass true or false",
    clusterAutoscaler: "it decides which endpoints exist: pass true or false",
    loadBalancerController: "it decides which endpoints exist: pass true or false",
    kubernetesApiAccess: "it decides whether the reachability check runs: pass true or false",
    reachabilityCheck: "it is a closed choice: pass a literal value",
    tags: "they are merged with each child's Name tag before registration: pass a map of literal strings",
};

const settingsPlainArgs: Record<string, string> = {
    endpoints: "its fields decide which endpoints exist: give an object literal",
    hybridDns: "its fields decide which Resolver endpoints and rules exist: give an object literal (subnet and VPC ids in it may be Outputs)",
    pullThroughCache: "its registries decide which cache rules exist: give an object literal (credentialArns values may be Outputs)",
};

/** Runs a child's planner; its InputError is raised again under PrivateCluster's name for the argument (`rename` maps its first segment). */
function asPrivateCluster<T>(rename: (arg: string) => string, plan: () => T): T {
    try {
        return plan();
    } catch (err) {
        if (!(err instanceof InputError)) throw err;
        const first = /^[^.[]+/.exec(err.argPath)?.[0] ?? err.argPath;
        throw new InputError(rename(first) + err.argPath.slice(first.length), err.detail, err.fix);
    }
}

/** Maps a child's argument names to PrivateCluster's; the rest are `endpoints.<name>` (the endpoint settings). */
const endpointArg = (own: Record<string, string>) => (arg: string) => own[arg] ?? `endpoints.${arg}`;

function checkShapes(args: PrivateClusterArgs): void {
    requirePlainArgs(args, privateClusterPlainArgs);
    for (const [arg, why] of Object.entries(settingsPlainArgs)) {
        const value = (args as unknown as Record<string, unknown>)[arg];
        if (!isPlainShape(value)) requirePlain(value, arg, why);
    }
    requirePlainArgs(args.endpoints ?? {}, {
        features: "they decide which endpoints exist: pass literal feature names",
        additionalServices: "they decide which endpoints exist, and name them: pass literal service ids",
        existingEndpoints: "they decide which endpoints exist: pass literal service ids",
        defaultPolicy: "it decides which look-ups and policies are planned: pass a literal value",
        create: "it decides whether the endpoints exist: pass true or false",
        preset: "it decides which endpoints exist: pass a literal preset name",
        endpointAzs: "it decides which AZs get endpoints: pass a literal number",
    });
    if (args.hybridDns !== undefined) requirePlain(args.hybridDns.connectedDns, "hybridDns.connectedDns", `it decides whether hybridDns is warned about: pass "no-internet", "rebinding-protection" or "public-dns"`);
    if (args.pullThroughCache !== undefined) {
        requirePlainArgs(args.pullThroughCache, {
            registries: "each registry names its cache rule: pass literal host names",
            repositoryPrefixes: "they are checked against ECR's naming rules before anything is created: pass literal prefixes",
        });
        const credentials = args.pullThroughCache.credentialArns;
        if (!isPlainShape(credentials)) requirePlain(credentials, "pullThroughCache.credentialArns", "its keys pick the registries: give a map literal, whose values may be Outputs");
    }
}

/** The access entries' admins: each ARN once, keyed by the principal. */
function planAdmins(arns: string[] | undefined): { key: string; arn: string }[] {
    checkStringList(arns, "adminPrincipalArns", "IAM principal ARN");
    const seen = new Set<string>();
    return (arns ?? []).map((arn, i) => {
        const key = adminEntryKey(arn, `adminPrincipalArns[${i}]`);
        if (seen.has(key)) throw new InputError(`adminPrincipalArns[${i}]`, `${arn} is listed twice; list each principal once`);
        seen.add(key);
        return { key, arn };
    });
}

function planLogTypes(types: string[] | undefined): string[] {
    checkStringList(types, "enabledClusterLogTypes", "log type");
    const logTypes = types ?? [...allClusterLogTypes];
    logTypes.forEach((t, i) => {
        if (!allClusterLogTypes.includes(t)) throw new InputError(`enabledClusterLogTypes[${i}]`, `${JSON.stringify(t)} is not a log type; use ${allClusterLogTypes.join(", ")}`);
    });
    return logTypes;
}

/** The VPC endpoints PrivateClusterEndpoints will create, checked by its planners under PrivateCluster's names. */
function planClusterEndpoints(name: string, args: PrivateClusterArgs, access: EndpointAccessSettings, connectedNetworks: string[], warnings: string[]): PrivateClusterPlan["endpoints"] {
    const e = args.endpoints ?? {};
    if (e.create === false) {
        if (args.clusterAutoscaler || args.loadBalancerController) {
            warnings.push(
                `endpoints.create is false: the VPC must already have the endpoints ${args.clusterAutoscaler ? "Cluster Autoscaler (autoscaling, ec2, sts)" : ""}` +
                    `${args.clusterAutoscaler && args.loadBalancerController ? " and " : ""}${args.loadBalancerController ? "the Load Balancer Controller (elasticloadbalancing, ec2)" : ""} calls.`,
            );
        }
        return undefined;
    }
    if (!access.endpointPrivateAccess) {
        throw new InputError(
            "endpointAccess",
            `"public" leaves the private endpoint off, and nodes without internet access register through it (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html). ` +
                `Use "private" or "public-and-private", or set endpoints.create: false for nodes that reach the internet`,
        );
    }
    const features = [...(e.features ?? [])];
    const add = (on: boolean | undefined, feature: EndpointFeature) => {
        if (on && !features.includes(feature)) features.push(feature);
    };
    add(args.clusterAutoscaler, EndpointFeature.ClusterAutoscaler);
    add(args.loadBalancerController, EndpointFeature.LoadBalancerController);
    const selection = { preset: e.preset, features, additionalServices: e.additionalServices, existingEndpoints: e.existingEndpoints };
    const services = asPrivateCluster(endpointArg({}), () => planEndpoints(selection));
    const defaultPolicy = e.defaultPolicy ?? DefaultEndpointPolicy.Account;
    // The guide: the endpoints' security group must admit the node subnets (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html,
    // Considerations); connected networks (hybrid nodes, on-premises clients) call them too.
    const network = { vpcId: args.vpcId, subnetIds: args.subnetIds, routeTableIds: args.routeTableIds, allowedCidrs: [...args.vpcCidrs, ...connectedNetworks], defaultPolicy, endpointAzs: e.endpointAzs };
    const checked = asPrivateCluster(endpointArg({ vpcId: "vpcId", subnetIds: "subnetIds", routeTableIds: "routeTableIds", allowedCidrs: "connectedNetworks" }), () =>
        checkEndpointArgs("PrivateClusterEndpoints", `${name}-endpoints`, network, services),
    );
    return { ...selection, defaultPolicy: checked.defaultPolicy, endpointAzs: checked.endpointAzs, allowedCidrs: network.allowedCidrs, services: services.create.map((c) => c.service) };
}

/** HybridDnsAccess's plan for the cluster: its subnets default to the cluster's, its networks are connectedNetworks. */
function planClusterHybridDns(name: string, args: PrivateClusterArgs, mode: EndpointAccessMode, connectedNetworks: string[], warnings: string[]): PrivateClusterPlan["hybridDns"] {
    const dns = args.hybridDns;
    if (dns === undefined) return undefined;
    if (connectedNetworks.length === 0) {
        throw new InputError("connectedNetworks", "hybridDns needs the networks that forward the endpoint's name to the Resolver inbound endpoint: list them here");
    }
    const own = dns.inboundSubnetIds !== undefined;
    const names: HybridDnsAccessNames = {
        scope: "hybridDns.scope",
        clusterVpcCidrs: "vpcCidrs",
        clusterVpcCidrsFix: "vpcCidrs",
        inboundSubnetIds: own ? "hybridDns.inboundSubnetIds" : "subnetIds",
        outboundVpcId: "hybridDns.outboundVpcId",
        outboundSubnetIds: "hybridDns.outboundSubnetIds",
        vpcIds: "hybridDns.vpcIds",
        vpcs: "hybridDns.vpcs",
        shareWith: "hybridDns.shareWith",
        untrackedConnections: "hybridDns.untrackedConnections",
        networks: "connectedNetworks",
        networksFix: "connectedNetworks",
    };
    const accessArgs: HybridDnsAccessPlanArgs = {
        scope: dns.scope,
        controlPlaneRules: false,
        clusterVpcId: args.vpcId,
        clusterVpcCidrs: args.vpcCidrs,
        inboundSubnetIds: dns.inboundSubnetIds ?? args.subnetIds,
        connectedNetworks,
        outboundVpcId: dns.outboundVpcId,
        outboundSubnetIds: dns.outboundSubnetIds,
        vpcIds: dns.vpcIds,
        shareWith: dns.shareWith,
        untrackedConnections: dns.untrackedConnections,
        tags: args.tags,
    };
    const plan = planHybridDnsAccess(`${name}-dns`, accessArgs, names);
    checkConnectedDns(dns.connectedDns, "hybridDns.connectedDns");
    const unneeded = unneededHybridDnsWarning(mode, dns.connectedDns);
    if (unneeded !== undefined) warnings.push(unneeded);
    return { plan, args: accessArgs, ownInboundSubnets: own };
}

function planCache(args: PrivateClusterArgs): PlannedRule[] {
    if (args.pullThroughCache === undefined) return [];
    const credentials = args.pullThroughCache.credentialArns ?? {};
    const rules = planPullThroughCache({ registries: args.pullThroughCache.registries, repositoryPrefixes: args.pullThroughCache.repositoryPrefixes, credentialRegistries: Object.keys(credentials) });
    for (const [registry, arn] of Object.entries(credentials)) {
        if (typeof arn === "string") checkCredentialArn(arn, `pullThroughCache.credentialArns.${registry}`);
    }
    return rules;
}

/**
 * Checks PrivateCluster's arguments and plans every child through the child's own planner; throws InputError naming
 * the argument. Look-up checks (subnets, reach, the deployer's identity) run in the component and gate every child.
 */
export function planPrivateCluster(name: string, args: PrivateClusterArgs): PrivateClusterPlan {
    checkShapes(args);
    const clusterName = args.clusterName ?? name;
    if (!clusterNamePattern.test(clusterName)) throw new InputError("clusterName", `${JSON.stringify(clusterName)} is not an EKS cluster name (${clusterNameRule})`);
    if (args.vpcId === undefined) throw new InputError("vpcId", "the cluster's VPC id is required");
    // EKS takes a major.minor version ("1.33"); the node bootstrap forms depend on it.
    if (typeof args.version === "string" && !/^1\.\d+$/.test(args.version)) {
        throw new InputError("version", `${JSON.stringify(args.version)} is not an EKS Kubernetes version; give major.minor, like "1.33"`);
    }
    const connectedNetworks = args.connectedNetworks ?? [];
    checkConnectedNetworks(args.vpcCidrs, connectedNetworks);
    const mode = args.endpointAccess ?? EndpointAccessMode.Private;
    // The mode and public CIDRs through ClusterEndpointAccess's planner; the 443 sources below, under PrivateCluster's names.
    const access = asPrivateCluster((arg) => (arg === "mode" ? "endpointAccess" : arg), () => resolveEndpointAccess({ mode, publicAccessCidrs: args.publicAccessCidrs }));
    const apiSources = keyedSources(
        { cidrs: connectedNetworks, securityGroups: args.allowedSecurityGroups },
        { cidrs: "connectedNetworks", securityGroupIds: "allowedSecurityGroupIds", securityGroups: "allowedSecurityGroups" },
    );
    checkServiceCidr({ serviceIpv4Cidr: args.serviceIpv4Cidr, vpcCidrs: args.vpcCidrs, connectedNetworks });
    const subnetIds = validatedInput(args.subnetIds, (ids) => {
        checkStringList(ids, "subnetIds", "subnet id");
        if (!Array.isArray(ids) || ids.length < 2) {
            throw new InputError("subnetIds", "EKS needs subnets in at least two Availability Zones; list two or more private subnets (three recommended)");
        }
        return ids;
    });
    const admins = planAdmins(args.adminPrincipalArns);
    const logTypes = planLogTypes(args.enabledClusterLogTypes);
    const warnings: string[] = [];
    const endpoints = planClusterEndpoints(name, args, access, connectedNetworks, warnings);
    const hybridDns = planClusterHybridDns(name, args, mode, connectedNetworks, warnings);
    const pullThroughCache = planCache(args);
    const reachabilityCheck = oneOf(args.reachabilityCheck ?? ReachabilityCheck.Up, ReachabilityCheck, "reachabilityCheck");
    const createsKey = args.secretsKmsKeyArn === undefined;
    return {
        clusterName,
        names: {
            controlPlane: `${name}-control-plane`,
            access: `${name}-access`,
            endpoints: endpoints ? `${name}-endpoints` : undefined,
            secretsKey: createsKey ? `${name}-secrets` : undefined,
            eks: `${name}-eks`,
            dns: hybridDns ? `${name}-dns` : undefined,
            cacheRules: Object.fromEntries(pullThroughCache.map((r) => [r.registry, `${name}-cache-${r.registry.replace(/\./g, "-")}`])),
        },
        mode,
        access,
        apiSources,
        connectedNetworks,
        admins,
        logTypes,
        endpoints,
        subnetIds,
        hybridDns,
        pullThroughCache,
        kubernetesApiAccess: args.kubernetesApiAccess === true,
        reachabilityCheck,
        createsKey,
        warnings,
    };
}

