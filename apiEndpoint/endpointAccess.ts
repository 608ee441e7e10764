// EKS API-server endpoint access: the modes EKS supports and the rules for publicAccessCidrs
// (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Modifying cluster endpoint access" and the three "CIDR blocks in the public endpoint"
// sections). Used by ClusterEndpointAccess, the policy pack and the offline plan.
import { cidrProblem, cidrVersion, internetCovered } from "../shared/cidr";
import { InputError, oneOf } from "../shared/errors";
import { KeyedSource, cidrsNameRules, keyedSources, RuleSources } from "../shared/ruleSources";
import { requirePlainArgs } from "../shared/validatedInput";

/** Which API-server endpoints a cluster exposes. Both disabled is not something EKS allows. */
export const EndpointAccessMode = {
    /** Public endpoint only: EKS's default. Nodes reach the API server over the public endpoint. */
    Public: "public",
    /** Public endpoint for clients outside the VPC, private endpoint for traffic from inside it. */
    PublicAndPrivate: "public-and-private",
    /** Private endpoint only: no internet access to the API server. */
    Private: "private",
} as const;
export type EndpointAccessMode = (typeof EndpointAccessMode)[keyof typeof EndpointAccessMode];

/** The cluster's IP family (`kubernetesNetworkConfig.ipFamily`). */
export const IpFamily = {
    /** IPv4 pods and services (EKS's default). */
    Ipv4: "ipv4",
    /** IPv6 pods and services, on a dual-stack VPC. */
    Ipv6: "ipv6",
} as const;
export type IpFamily = (typeof IpFamily)[keyof typeof IpFamily];

/** The plain (not Input) arguments that decide endpoint access; ClusterEndpointAccessArgs extends these. */
export interface EndpointAccessSettingsArgs {
    mode: EndpointAccessMode;
    publicAccessCidrs?: string[];
    ipFamily?: IpFamily;
    legacyIpv6Endpoint?: boolean;
    hybridNodes?: boolean;
}

export interface EndpointAccessArgs extends EndpointAccessSettingsArgs {
    allowedCidrs?: string[];
    allowedSecurityGroupIds?: unknown[];
    allowedSecurityGroups?: Record<string, unknown>;
    clusterSecurityGroupId?: unknown;
}

/** The endpoint-access arguments that stay plain, and why (the README's "Plain or Input" table). */
export const endpointAccessPlainArgs: Record<string, string> = {
    mode: "it decides which endpoints are on, and so which checks and rules are planned: pass a literal mode",
    publicAccessCidrs: "they are checked against EKS's public-access rules (and decide the warnings) before anything is created: pass literal CIDR strings",
    ipFamily: "it decides which publicAccessCidrs EKS accepts: pass a literal value",
    legacyIpv6Endpoint: "it decides which publicAccessCidrs EKS accepts: pass true or false",
    hybridNodes: "it decides the warnings: pass true or false",
    allowedCidrs: cidrsNameRules,
};

export interface EndpointAccessSettings {
    endpointPublicAccess: boolean;
    endpointPrivateAccess: boolean;
    /** The CIDRs allowed to reach the public endpoint; empty when public access is off. */
    publicAccessCidrs: string[];
    /** Advice that does not stop the deployment. */
    warnings: string[];
    /** Validated, stably keyed sources of the control-plane TCP 443 rules. */
    ingressSources: KeyedSource[];
}

/**
 * EKS's documented limit on public access CIDR blocks per cluster (Amazon EKS service quotas: "Public
 * endpoint access CIDR ranges per cluster", 40, not adjustable).
 */
export const MAX_PUBLIC_ACCESS_CIDRS = 40;

const OPEN_IPV4 = "0.0.0.0/0";
const OPEN_IPV6 = "::/0";

/**
 * What EKS uses when publicAccessCidrs is left out: the whole IPv4 internet, and on dual-stack (api.aws)
 * IPv6 clusters the whole IPv6 internet too, since that endpoint answers on both.
 */
export function defaultPublicAccessCidrs(ipFamily: IpFamily = IpFamily.Ipv4, legacyIpv6Endpoint = false): string[] {
    return acceptsIpv6Cidrs(ipFamily, legacyIpv6Endpoint) ? [OPEN_IPV4, OPEN_IPV6] : [OPEN_IPV4];
}

/**
 * Only IPv6 clusters made from October 2024 (dual-stack `api.aws` endpoint) accept IPv6 CIDRs; IPv4
 * clusters and older IPv6 clusters (`eks.amazonaws.com` endpoint) accept IPv4 only.
 */
export function acceptsIpv6Cidrs(ipFamily: IpFamily = IpFamily.Ipv4, legacyIpv6Endpoint = false): boolean {
    return ipFamily === IpFamily.Ipv6 && !legacyIpv6Endpoint;
}

/**
 * Why EKS would reject this publicAccessCidrs list, in the words EKS uses (`The following CIDRs are invalid
 * in publicAccessCidrs: <list>`) followed by the reason for each; undefined when EKS accepts it.
 */
export function publicAccessCidrsProblem(
    cidrs: string[],
    ipFamily: IpFamily = IpFamily.Ipv4,
    legacyIpv6Endpoint = false,
): string | undefined {
    const ipv6Ok = acceptsIpv6Cidrs(ipFamily, legacyIpv6Endpoint);
    const reasons: [string, string][] = [];
    for (const cidr of cidrs) {
        const problem = cidrProblem(cidr);
        if (problem) {
            reasons.push([cidr, `${cidr} ${problem}`]);
        } else if (cidrVersion(cidr) === 6 && !ipv6Ok) {
            reasons.push([
                cidr,
                `${cidr}: ` +
                    (ipFamily === IpFamily.Ipv6
                        ? "IPv6 CIDRs are only accepted by IPv6 clusters made from October 2024 (api.aws endpoint); this cluster " +
                          "has the older eks.amazonaws.com endpoint (legacyIpv6Endpoint), which accepts IPv4 CIDRs only"
                        : "an IPv4 cluster's public endpoint accepts IPv4 CIDRs only"),
            ]);
        }
    }
    if (reasons.length === 0) return undefined;
    return (
        `The following CIDRs are invalid in publicAccessCidrs: ${reasons.map(([c]) => c).join(", ")}. ` +
        reasons.map(([, why]) => `${why}.`).join(" ")
    );
}

/** True when the CIDRs leave part of the address space out (the public endpoint is restricted). */
export function isRestricted(cidrs: string[], ipFamily: IpFamily = IpFamily.Ipv4, legacyIpv6Endpoint = false): boolean {
    const open = internetCovered(cidrs);
    if (!open.includes("0.0.0.0/0")) return true;
    return acceptsIpv6Cidrs(ipFamily, legacyIpv6Endpoint) && !open.includes("::/0");
}

/**
 * Refuses an IPv6 range as a network that reaches an IPv4 cluster privately: the private endpoint of an IPv4
 * cluster is its IPv4 address form (EKS User Guide, "Cluster API server endpoint", IPv4 cluster endpoint format:
 * https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html; the dual-stack api.aws form is for IPv6
 * clusters only), so TCP 443 and DNS rules for an IPv6 source would never match a packet.
 */
export function checkClusterIpFamily(cidr: string, ipFamily: IpFamily, arg: string): void {
    if (ipFamily === IpFamily.Ipv4 && cidrVersion(cidr) === 6) {
        throw new InputError(
            arg,
            `${cidr} is IPv6, and the cluster is IPv4: its private endpoint (and the VPC endpoints and Resolver inbound endpoint made for it) ` +
                `have IPv4 addresses only, so rules for this range would never match. List the network's IPv4 ranges`,
        );
    }
}

/**
 * Validates endpoint access arguments and returns the settings EKS needs, without creating anything. Throws
 * InputError naming the argument and the fix. ClusterEndpointAccess runs exactly this before it creates a child.
 */
export function resolveEndpointAccess(args: EndpointAccessArgs): EndpointAccessSettings {
    if (args === undefined || args === null || args.mode === undefined) {
        throw new InputError("mode", `is required: one of "public", "public-and-private", "private"`);
    }
    requirePlainArgs(args, endpointAccessPlainArgs);
    const mode = oneOf(args.mode, EndpointAccessMode, "mode");
    const ipFamily = oneOf(args.ipFamily ?? IpFamily.Ipv4, IpFamily, "ipFamily");
    const legacy = args.legacyIpv6Endpoint === true;
    if (legacy && ipFamily !== IpFamily.Ipv6) {
        throw new InputError("legacyIpv6Endpoint", `only applies to IPv6 clusters made before October 2024; set ipFamily: "ipv6" or drop it`);
    }
    const endpointPublicAccess = mode !== EndpointAccessMode.Private;
    const endpointPrivateAccess = mode !== EndpointAccessMode.Public;
    const warnings: string[] = [];

    let publicAccessCidrs: string[] = [];
    if (!endpointPublicAccess) {
        if (args.publicAccessCidrs !== undefined) {
            throw new InputError(
                "publicAccessCidrs",
                `only applies when the public endpoint is on, and mode is "private". Drop publicAccessCidrs, or use ` +
                    `mode "public-and-private" to keep a restricted public endpoint`,
            );
        }
    } else if (args.publicAccessCidrs === undefined) {
        publicAccessCidrs = defaultPublicAccessCidrs(ipFamily, legacy);
    } else {
        publicAccessCidrs = checkPublicAccessCidrs(args.publicAccessCidrs, ipFamily, legacy);
    }

    if (args.hybridNodes === true && mode === EndpointAccessMode.PublicAndPrivate) {
        warnings.push(
            `hybridNodes with mode "public-and-private": hybrid nodes run outside the VPC, so they resolve the endpoint ` +
                `to its public IPs. AWS recommends either "public" or "private" for clusters with hybrid nodes.`,
        );
    }
    if (mode === EndpointAccessMode.Public && isRestricted(publicAccessCidrs, ipFamily, legacy)) {
        warnings.push(
            `publicAccessCidrs restricts the public endpoint while private access is off: nodes and Fargate pods reach ` +
                `the API server through the public endpoint, so their public (NAT) addresses must be inside ` +
                `${publicAccessCidrs.join(", ")}, or they cannot join. AWS recommends mode "public-and-private" here.`,
        );
    }

    const sources: RuleSources = {
        cidrs: args.allowedCidrs,
        securityGroupIds: args.allowedSecurityGroupIds as RuleSources["securityGroupIds"],
        securityGroups: args.allowedSecurityGroups as RuleSources["securityGroups"],
    };
    const ingressSources = keyedSources(sources, {
        cidrs: "allowedCidrs",
        securityGroupIds: "allowedSecurityGroupIds",
        securityGroups: "allowedSecurityGroups",
    });
    (args.allowedCidrs ?? []).forEach((cidr, i) => checkClusterIpFamily(cidr, ipFamily, `allowedCidrs[${i}]`));
    if (ingressSources.length > 0 && args.clusterSecurityGroupId === undefined) {
        throw new InputError(
            "clusterSecurityGroupId",
            `is required with allowedCidrs, allowedSecurityGroupIds or allowedSecurityGroups: the 443 rules go on the ` +
                `control plane's security group (the cluster security group, or one you attach in vpcConfig.securityGroupIds)`,
        );
    }
    if (ingressSources.length > 0 && !endpointPrivateAccess) {
        warnings.push(
            `allowedCidrs/allowedSecurityGroupIds open TCP 443 on the control-plane security group, which only guards the ` +
                `private endpoint, and mode is "public": connected networks reach the public endpoint through ` +
                `publicAccessCidrs instead. Use mode "public-and-private" or "private" for these rules to matter.`,
        );
    }
    return { endpointPublicAccess, endpointPrivateAccess, publicAccessCidrs, warnings, ingressSources };
}

function checkPublicAccessCidrs(cidrs: string[], ipFamily: IpFamily, legacy: boolean): string[] {
    if (!Array.isArray(cidrs)) throw new InputError("publicAccessCidrs", "must be a list of CIDR blocks");
    if (cidrs.length === 0) {
        throw new InputError(
            "publicAccessCidrs",
            `is empty, which EKS reads as ${defaultPublicAccessCidrs(ipFamily, legacy).join(" and ")}. List the CIDRs ` +
                `allowed to reach the public endpoint, or leave publicAccessCidrs out to allow the whole internet`,
        );
    }
    const problem = publicAccessCidrsProblem(cidrs, ipFamily, legacy);
    if (problem) throw new InputError("publicAccessCidrs", problem);
    const seen = new Set<string>();
    for (const cidr of cidrs) {
        if (seen.has(cidr)) throw new InputError("publicAccessCidrs", `${cidr} is listed twice; list each CIDR once`);
        seen.add(cidr);
    }
    if (cidrs.length > MAX_PUBLIC_ACCESS_CIDRS) {
        throw new InputError(
            "publicAccessCidrs",
            `lists ${cidrs.length} CIDRs; EKS allows at most ${MAX_PUBLIC_ACCESS_CIDRS} per cluster. Summarise ranges, ` +
                `or reach the API server privately (mode "public-and-private" and a connected network)`,
        );
    }
    return [...cidrs];
}
