// PrivateCluster's argument checks, run before the component registers anything (so a bad input creates nothing).
// The composed components' own checks run here too, with PrivateCluster's argument names.
import type { PrivateClusterArgs } from "../components/privateCluster";
import { EndpointAccessMode, resolveEndpointAccess } from "./endpointAccess";
import { DefaultEndpointPolicy } from "./endpointArgs";
import { EndpointFeature, planEndpoints } from "./endpointServices";
import { InputError } from "./errors";
import { ReachabilityCheck, adminEntryKey, allClusterLogTypes, checkConnectedNetworks, checkServiceCidr } from "./privateCluster";
import { PlannedRule, checkCredentialArn, planPullThroughCache } from "./pullThroughCache";
import { Scope, checkEndpointSubnets } from "./resolverChecks";

export interface ValidatedPrivateCluster {
    clusterName: string;
    mode: EndpointAccessMode;
    /** Only when the public endpoint is on. */
    publicAccessCidrs?: string[];
    connectedNetworks: string[];
    admins: { key: string; arn: string }[];
    logTypes: string[];
    /** Undefined when endpoints.create is false. */
    endpoints?: { features: EndpointFeature[]; additionalServices?: string[]; existingEndpoints?: string[]; defaultPolicy: DefaultEndpointPolicy };
    hybridDns?: {
        inboundSubnetIds: PrivateClusterArgs["subnetIds"];
        scope?: Scope;
        outboundVpcId?: PrivateClusterArgs["vpcId"];
        outboundSubnetIds?: PrivateClusterArgs["subnetIds"];
        vpcIds?: string[];
        shareWith?: string[];
    };
    pullThroughCache: PlannedRule[];
    kubernetesApiAccess: boolean;
    reachabilityCheck: ReachabilityCheck;
    /** Resolver endpoint IPs billed: one per inbound (and outbound) subnet. */
    resolverIpCount: number;
    warnings: string[];
}

/** Re-throws an InputError from a shared check with its argument under `prefix` (`endpoints.features[0]`). */
function under<T>(prefix: string, check: () => T): T {
    try {
        return check();
    } catch (err) {
        if (err instanceof InputError) throw new InputError(`${prefix}.${err.arg}`, err.message.slice(err.arg.length + 2));
        throw err;
    }
}

function oneOf<T extends string>(value: T | undefined, allowed: Record<string, T>, fallback: T, arg: string): T {
    const v = value ?? fallback;
    if (!Object.values(allowed).includes(v)) throw new InputError(arg, `${JSON.stringify(v)} is not one of ${Object.values(allowed).map((x) => JSON.stringify(x)).join(", ")}`);
    return v;
}

export function validatePrivateCluster(name: string, args: PrivateClusterArgs): ValidatedPrivateCluster {
    const clusterName = args.clusterName ?? name;
    if (!/^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/.test(clusterName)) {
        throw new InputError("clusterName", `${JSON.stringify(clusterName)} is not an EKS cluster name (a letter or digit, then letters, digits, - and _; at most 100)`);
    }
    if (args.vpcId === undefined) throw new InputError("vpcId", "the cluster's VPC id is required");
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
    if (!Array.isArray(args.subnetIds) || args.subnetIds.length < 2) {
        throw new InputError("subnetIds", "EKS needs subnets in at least two Availability Zones; list two or more private subnets (three recommended)");
    }

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
                `"public" leaves the private endpoint off, and nodes without internet access register through it (reference 001). ` +
                    `Use "private" or "public-and-private", or set endpoints.create: false for nodes that reach the internet`,
            );
        }
        const features = [...(e.features ?? [])];
        const add = (on: boolean | undefined, feature: EndpointFeature) => {
            if (on && !features.includes(feature)) features.push(feature);
        };
        add(args.clusterAutoscaler, EndpointFeature.ClusterAutoscaler);
        add(args.loadBalancerController, EndpointFeature.LoadBalancerController);
        const defaultPolicy = oneOf(e.defaultPolicy, DefaultEndpointPolicy, DefaultEndpointPolicy.Account, "endpoints.defaultPolicy");
        under("endpoints", () => planEndpoints({ features, additionalServices: e.additionalServices, existingEndpoints: e.existingEndpoints }));
        endpoints = { features, additionalServices: e.additionalServices, existingEndpoints: e.existingEndpoints, defaultPolicy };
    } else if (args.clusterAutoscaler || args.loadBalancerController) {
        warnings.push(
            `endpoints.create is false: the VPC must already have the endpoints ${args.clusterAutoscaler ? "Cluster Autoscaler (autoscaling, ec2, sts)" : ""}` +
                `${args.clusterAutoscaler && args.loadBalancerController ? " and " : ""}${args.loadBalancerController ? "the Load Balancer Controller (elasticloadbalancing, ec2)" : ""} calls.`,
        );
    }

    let hybridDns: ValidatedPrivateCluster["hybridDns"];
    let resolverIpCount = 0;
    if (args.hybridDns !== undefined) {
        if (connectedNetworks.length === 0) {
            throw new InputError("connectedNetworks", "hybridDns needs the networks that forward the endpoint's name to the Resolver inbound endpoint: list them here");
        }
        const inboundSubnetIds = args.hybridDns.inboundSubnetIds ?? args.subnetIds;
        checkEndpointSubnets(inboundSubnetIds, args.hybridDns.inboundSubnetIds ? "hybridDns.inboundSubnetIds" : "subnetIds");
        if ((args.hybridDns.outboundVpcId === undefined) !== (args.hybridDns.outboundSubnetIds === undefined)) {
            throw new InputError("hybridDns.outboundSubnetIds", "the outbound endpoint needs both outboundVpcId and outboundSubnetIds; give both, or neither");
        }
        if (args.hybridDns.outboundSubnetIds) checkEndpointSubnets(args.hybridDns.outboundSubnetIds, "hybridDns.outboundSubnetIds");
        hybridDns = { ...args.hybridDns, inboundSubnetIds };
        resolverIpCount = inboundSubnetIds.length + (args.hybridDns.outboundSubnetIds?.length ?? 0);
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

    const reachabilityCheck = oneOf(args.reachabilityCheck, ReachabilityCheck, ReachabilityCheck.Up, "reachabilityCheck");
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
        resolverIpCount,
        warnings,
    };
}
