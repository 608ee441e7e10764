// PrivateCluster's argument checks, run before the component registers anything (so a bad input creates nothing).
// The composed components' own checks run here too, with PrivateCluster's argument names.
import type { PrivateClusterArgs } from "./privateCluster";
import { EndpointAccessMode, resolveEndpointAccess } from "../apiEndpoint/endpointAccess";
import { DefaultEndpointPolicy } from "../vpcEndpoints/args";
import { checkEndpointAzs } from "../vpcEndpoints/azs";
import { EndpointFeature, EndpointPreset, planEndpoints } from "../vpcEndpoints/services";
import { InputError, oneOf } from "../shared/errors";
import { checkForwardingLoops } from "../hybridDns/checks";
import { checkConnectedDns, unneededHybridDnsWarning } from "../hybridDns/need";
import { ReachabilityCheck, adminEntryKey, allClusterLogTypes, checkConnectedNetworks, checkServiceCidr } from "./plan";
import { PlannedRule, checkCredentialArn, planPullThroughCache } from "./pullThroughCache";
import { Scope, validatedEndpointSubnets } from "../hybridDns/resolverChecks";
import { cidrsNameRules } from "../shared/ruleSources";
import { Validated, isPlain, isPlainShape, requirePlain, requirePlainArgs, validatedInput, checkStringList } from "../shared/validatedInput";
import { clusterNamePattern, clusterNameRule } from "../aws/ids";

export interface ValidatedPrivateCluster {
    clusterName: string;
    mode: EndpointAccessMode;
    /** Only when the public endpoint is on. */
    publicAccessCidrs?: string[];
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
    };
    /** The cluster's subnets, checked (plain) or gated on the check (computed). */
    subnetIds: Validated<string[]>;
    hybridDns?: {
        /** The inbound endpoint's subnets (default subnetIds), checked like a resolver endpoint's. */
        inboundSubnetIds: Validated<string[]>;
        scope?: Scope;
        outboundVpcId?: PrivateClusterArgs["vpcId"];
        outboundSubnetIds?: Validated<string[]>;
        vpcIds?: string[];
        shareWith?: string[];
        untrackedConnections?: boolean;
    };
    pullThroughCache: PlannedRule[];
    kubernetesApiAccess: boolean;
    reachabilityCheck: ReachabilityCheck;
    warnings: string[];
}

/** Re-throws an InputError from a shared check with its argument under `prefix` (`endpoints.features[0]`). */
function under<T>(prefix: string, check: () => T): T {
    try {
        return check();
    } catch (err) {
        if (err instanceof InputError) throw err.under(prefix);
        throw err;
    }
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

/** Plain structure of the settings objects: their fields decide which resources exist. */
const settingsPlainArgs: Record<string, string> = {
    endpoints: "its fields decide which endpoints exist: give an object literal",
    hybridDns: "its fields decide which Resolver endpoints and rules exist: give an object literal (subnet and VPC ids in it may be Outputs)",
    pullThroughCache: "its registries decide which cache rules exist: give an object literal (credentialArns values may be Outputs)",
};

export function validatePrivateCluster(name: string, args: PrivateClusterArgs): ValidatedPrivateCluster {
    requirePlainArgs(args, privateClusterPlainArgs);
    for (const [arg, why] of Object.entries(settingsPlainArgs)) {
        const value = (args as unknown as Record<string, unknown>)[arg];
        if (!isPlainShape(value)) requirePlain(value, arg, why);
    }
    const e0 = args.endpoints ?? {};
    requirePlainArgs(e0, {
        features: "they decide which endpoints exist: pass literal feature names",
        additionalServices: "they decide which endpoints exist, and name them: pass literal service ids",
        existingEndpoints: "they decide which endpoints exist: pass literal service ids",
        defaultPolicy: "it decides which look-ups and policies are planned: pass a literal value",
        create: "it decides whether the endpoints exist: pass true or false",
        preset: "it decides which endpoints exist: pass a literal preset name",
        endpointAzs: "it decides which AZs get endpoints: pass a literal number",
    });
    if (args.hybridDns !== undefined) {
        requirePlainArgs(args.hybridDns, {
            scope: `it is a closed choice ("cluster" or "region")`,
            vpcIds: "each VPC id names its association: pass literal ids",
            shareWith: "each principal names its AWS RAM association: pass literal ids and ARNs",
            untrackedConnections: "it decides which security group rules exist: pass true or false",
            connectedDns: `it decides whether hybridDns is warned about: pass "no-internet", "rebinding-protection" or "public-dns"`,
        });
    }
    if (args.pullThroughCache !== undefined) {
        requirePlainArgs(args.pullThroughCache, {
            registries: "each registry names its cache rule: pass literal host names",
            repositoryPrefixes: "they are checked against ECR's naming rules before anything is created: pass literal prefixes",
        });
        const credentials = args.pullThroughCache.credentialArns;
        if (!isPlainShape(credentials)) requirePlain(credentials, "pullThroughCache.credentialArns", "its keys pick the registries: give a map literal, whose values may be Outputs");
    }
    const clusterName = args.clusterName ?? name;
    if (!clusterNamePattern.test(clusterName)) {
        throw new InputError("clusterName", `${JSON.stringify(clusterName)} is not an EKS cluster name (${clusterNameRule})`);
    }
    if (args.vpcId === undefined) throw new InputError("vpcId", "the cluster's VPC id is required");
    // EKS takes a major.minor version ("1.33"); the node bootstrap forms depend on it.
    if (typeof args.version === "string" && !/^1\.\d+$/.test(args.version)) {
        throw new InputError("version", `${JSON.stringify(args.version)} is not an EKS Kubernetes version; give major.minor, like "1.33"`);
    }
    const connectedNetworks = args.connectedNetworks ?? [];
    checkConnectedNetworks(args.vpcCidrs, connectedNetworks);
    const mode = args.endpointAccess ?? EndpointAccessMode.Private;
    const settings = resolveEndpointAccess({
        mode,
        publicAccessCidrs: args.publicAccessCidrs,
        allowedCidrs: connectedNetworks,
        allowedSecurityGroups: args.allowedSecurityGroups,
        // The component makes the control plane's security group, so the rules always have one.
        clusterSecurityGroupId: "made by PrivateCluster",
    });
    checkServiceCidr({ serviceIpv4Cidr: args.serviceIpv4Cidr, vpcCidrs: args.vpcCidrs, connectedNetworks });
    const subnetIds = validatedInput(args.subnetIds, (ids) => {
        checkStringList(ids, "subnetIds", "subnet id");
        if (!Array.isArray(ids) || ids.length < 2) {
            throw new InputError("subnetIds", "EKS needs subnets in at least two Availability Zones; list two or more private subnets (three recommended)");
        }
        return ids as string[];
    });

    const seen = new Set<string>();
    const admins = (args.adminPrincipalArns ?? []).map((arn, i) => {
        const key = adminEntryKey(arn, `adminPrincipalArns[${i}]`);
        if (seen.has(key)) throw new InputError(`adminPrincipalArns[${i}]`, `${arn} is listed twice; list each principal once`);
        seen.add(key);
        return { key, arn };
    });
    const logTypes = args.enabledClusterLogTypes ?? [...allClusterLogTypes];
    logTypes.forEach((t, i) => {
        if (!allClusterLogTypes.includes(t)) throw new InputError(`enabledClusterLogTypes[${i}]`, `${JSON.stringify(t)} is not a log type; use ${allClusterLogTypes.join(", ")}`);
    });

    const warnings: string[] = [];
    const e = args.endpoints ?? {};
    let endpoints: ValidatedPrivateCluster["endpoints"];
    if (e.create !== false) {
        if (!settings.endpointPrivateAccess) {
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
        const defaultPolicy = oneOf(e.defaultPolicy ?? DefaultEndpointPolicy.Account, DefaultEndpointPolicy, "endpoints.defaultPolicy");
        under("endpoints", () => planEndpoints({ preset: e.preset, features, additionalServices: e.additionalServices, existingEndpoints: e.existingEndpoints }));
        const endpointAzs = checkEndpointAzs(e.endpointAzs, "endpoints.endpointAzs");
        endpoints = { preset: e.preset, features, additionalServices: e.additionalServices, existingEndpoints: e.existingEndpoints, defaultPolicy, endpointAzs };
    } else if (args.clusterAutoscaler || args.loadBalancerController) {
        warnings.push(
            `endpoints.create is false: the VPC must already have the endpoints ${args.clusterAutoscaler ? "Cluster Autoscaler (autoscaling, ec2, sts)" : ""}` +
                `${args.clusterAutoscaler && args.loadBalancerController ? " and " : ""}${args.loadBalancerController ? "the Load Balancer Controller (elasticloadbalancing, ec2)" : ""} calls.`,
        );
    }

    let hybridDns: ValidatedPrivateCluster["hybridDns"];
    if (args.hybridDns !== undefined) {
        if (connectedNetworks.length === 0) {
            throw new InputError("connectedNetworks", "hybridDns needs the networks that forward the endpoint's name to the Resolver inbound endpoint: list them here");
        }
        const own = args.hybridDns.inboundSubnetIds;
        // The default is the cluster's own subnets: when they are computed, the inbound check waits for theirs, so a
        // bad list fails once, with the subnetIds message.
        const inboundSubnetIds: Validated<string[]> =
            own !== undefined
                ? validatedEndpointSubnets(own, "hybridDns.inboundSubnetIds")
                : isPlain(args.subnetIds)
                  ? validatedEndpointSubnets(args.subnetIds, "subnetIds")
                  : (site) => validatedEndpointSubnets(subnetIds(site), "subnetIds")(site);
        if ((args.hybridDns.outboundVpcId === undefined) !== (args.hybridDns.outboundSubnetIds === undefined)) {
            throw new InputError("hybridDns.outboundSubnetIds", "the outbound endpoint needs both outboundVpcId and outboundSubnetIds; give both, or neither");
        }
        const outbound = args.hybridDns.outboundSubnetIds;
        const outboundSubnetIds = outbound !== undefined ? validatedEndpointSubnets(outbound, "hybridDns.outboundSubnetIds") : undefined;
        // The forwarding rule goes to hybridDns.vpcIds, or the outbound VPC: never the cluster VPC (a resolution loop).
        const ruleVpcs = args.hybridDns.vpcIds?.map((vpcId, i) => ({ arg: `hybridDns.vpcIds[${i}]`, vpcId })) ?? [{ arg: "hybridDns.outboundVpcId", vpcId: args.hybridDns.outboundVpcId }];
        checkForwardingLoops(args.vpcId, ruleVpcs);
        checkConnectedDns(args.hybridDns.connectedDns, "hybridDns.connectedDns");
        const unneeded = unneededHybridDnsWarning(mode, args.hybridDns.connectedDns);
        if (unneeded !== undefined) warnings.push(unneeded);
        hybridDns = { ...args.hybridDns, inboundSubnetIds, outboundSubnetIds };
    }

    let pullThroughCache: PlannedRule[] = [];
    if (args.pullThroughCache !== undefined) {
        const credentials = args.pullThroughCache.credentialArns ?? {};
        pullThroughCache = planPullThroughCache({
            registries: args.pullThroughCache.registries,
            repositoryPrefixes: args.pullThroughCache.repositoryPrefixes,
            credentialRegistries: Object.keys(credentials),
        });
        for (const [registry, arn] of Object.entries(credentials)) {
            if (typeof arn === "string") checkCredentialArn(arn, `pullThroughCache.credentialArns.${registry}`);
        }
    }

    const reachabilityCheck = oneOf(args.reachabilityCheck ?? ReachabilityCheck.Up, ReachabilityCheck, "reachabilityCheck");
    return {
        clusterName,
        mode,
        publicAccessCidrs: settings.endpointPublicAccess ? settings.publicAccessCidrs : undefined,
        connectedNetworks,
        admins,
        logTypes,
        endpoints,
        hybridDns,
        pullThroughCache,
        kubernetesApiAccess: args.kubernetesApiAccess === true,
        reachabilityCheck,
        subnetIds,
        warnings,
    };
}
