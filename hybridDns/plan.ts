// Pure plans of the Resolver endpoint and forwarding components: each checks its component's arguments, naming
// them as the caller wrote them (`names`: a composite passes its own), and decides what the component creates. The
// components (resolverInboundEndpoint.ts, resolverOutboundEndpoint.ts, clusterDnsForwarding.ts) turn a plan into
// resources; HybridDnsAccess (accessPlan.ts) plans its children through these, so it validates once.
import { resolverEndpointMonthlyUsd } from "../aws/prices";
import { InputError } from "../shared/errors";
import { KeyedSource, cidrsNameRules, keyedSources } from "../shared/ruleSources";
import { Validated, checkStringList, checkType, requirePlain } from "../shared/validatedInput";
import { isPlain } from "../shared/outputs";
import type { ClusterDnsForwardingArgs, ResolverInboundEndpointArgs, ResolverOutboundEndpointArgs } from "./args";
import { checkResolverIps } from "./forwarderConfigs";
import { KeyedVpc, SharePrincipal, checkAllowedCidrs, checkScope, keyedVpcs, ruleDomain, sharePrincipals, validatedEndpointSubnets } from "./resolverChecks";
import { checkResolverName, resolverNameFrom, resourceShareNameFrom } from "./resolverNames";

/** The two DNS ports every resolver endpoint security group opens (DNS uses TCP for large answers and zone data). */
export const dnsPorts = [
    { protocol: "udp" as const, port: 53, purpose: "DNS" },
    { protocol: "tcp" as const, port: 53, purpose: "DNS" },
];

/**
 * AWS's recommended security group rules for Resolver endpoints, which keep connections untracked (Route 53
 * Developer Guide, "Resolver endpoint scaling":
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/best-practices-resolver-endpoint-scaling.html). Tracked
 * connections are limited per endpoint interface, and with them "the overall maximum queries per second per IP address
 * for an endpoint can be as low as 1500". EC2 tracks no flow that a rule admits from 0.0.0.0/0 while the other
 * direction allows all ports to 0.0.0.0/0 (EC2 User Guide, "Untracked connections"). Inbound endpoint: TCP/UDP 53 in
 * from 0.0.0.0/0, all TCP/UDP ports out to 0.0.0.0/0; outbound endpoint: the reverse. The security group then no
 * longer chooses who may query: routing and network ACLs do.
 */
export const untracked = {
    anywhere: [{ key: "anywhere", cidr: "0.0.0.0/0", version: 4 as const }],
    allPorts: [
        { protocol: "udp" as const, port: 0, toPort: 65535, purpose: "DNS, untracked" },
        { protocol: "tcp" as const, port: 0, toPort: 65535, purpose: "DNS, untracked" },
    ],
};

/** Refuses a CIDR list beside `untrackedConnections`: the untracked rules admit 0.0.0.0/0, so the list would restrict nothing. */
export function checkUntrackedWithout(list: unknown, arg: string, untrackedConnections: boolean | undefined): void {
    if (untrackedConnections === true && list !== undefined) {
        throw new InputError(
            arg,
            "untrackedConnections uses AWS's untracked rules, which admit 0.0.0.0/0, so this list would restrict nothing: drop it and " +
                "limit who reaches the endpoint with routing and network ACLs, or leave untrackedConnections off",
        );
    }
}

/** What a Resolver endpoint component creates. */
export interface ResolverEndpointPlan {
    /** The subnets, checked now when plain, once known otherwise; one IP in each. */
    subnetIds: Validated<string[]>;
    /** Sources (inbound: who may query) or targets (outbound: where queries go) of the DNS rules, keyed for their names. */
    peers: KeyedSource[];
    /** AWS's untracked rule shape instead of `peers`' own. */
    untracked: boolean;
    /** Estimated USD a month when the subnet count is known now (one billed IP per subnet); undefined otherwise. */
    monthlyCostUsd?: number;
}

/** The argument names a Resolver endpoint's errors use (a composite passes its own). */
export interface ResolverEndpointNames {
    subnetIds: string;
    /** allowedCidrs (inbound) or targetCidrs (outbound). */
    peers: string;
    untrackedConnections: string;
}

function planEndpoint(
    args: { subnetIds: ResolverInboundEndpointArgs["subnetIds"]; untrackedConnections?: boolean; endpointName?: string },
    names: ResolverEndpointNames,
    list: string[] | undefined,
    peers: () => KeyedSource[],
): ResolverEndpointPlan {
    const subnetIds = validatedEndpointSubnets(args.subnetIds, names.subnetIds);
    checkResolverName(args.endpointName, "endpointName");
    checkType(args.untrackedConnections, names.untrackedConnections, "boolean");
    requirePlain(args.untrackedConnections, names.untrackedConnections, "it decides which security group rules exist: pass true or false");
    checkUntrackedWithout(list, names.peers, args.untrackedConnections);
    const isUntracked = args.untrackedConnections === true;
    const count = isPlain(args.subnetIds) ? (args.subnetIds as unknown[]).length : undefined;
    return {
        subnetIds,
        peers: isUntracked ? untracked.anywhere : peers(),
        untracked: isUntracked,
        monthlyCostUsd: count === undefined ? undefined : resolverEndpointMonthlyUsd(count),
    };
}

/** ResolverInboundEndpoint's plan: its subnets, who may query it (allowedCidrs, or the untracked shape) and its cost. */
export function planResolverInbound(
    args: ResolverInboundEndpointArgs,
    names: ResolverEndpointNames = { subnetIds: "subnetIds", peers: "allowedCidrs", untrackedConnections: "untrackedConnections" },
): ResolverEndpointPlan {
    return planEndpoint(args, names, args.allowedCidrs, () => {
        checkAllowedCidrs(args.allowedCidrs, names.peers);
        return keyedSources({ cidrs: args.allowedCidrs }, { cidrs: names.peers, securityGroupIds: "", securityGroups: "" });
    });
}

/** ResolverOutboundEndpoint's plan: its subnets, where its queries may go (targetCidrs, or the untracked shape) and its cost. */
export function planResolverOutbound(
    args: ResolverOutboundEndpointArgs,
    names: ResolverEndpointNames = { subnetIds: "subnetIds", peers: "targetCidrs", untrackedConnections: "untrackedConnections" },
): ResolverEndpointPlan {
    return planEndpoint(args, names, args.targetCidrs, () => {
        requirePlain(args.targetCidrs, names.peers, cidrsNameRules);
        if (!Array.isArray(args.targetCidrs) || args.targetCidrs.length === 0) {
            throw new InputError(
                names.peers,
                "no targets given; list the CIDRs of the DNS servers the rules forward to (the cluster VPC's CIDR, " +
                    "where the inbound endpoint's IPs are), or the endpoint's queries have nowhere to go",
            );
        }
        return keyedSources({ cidrs: args.targetCidrs }, { cidrs: names.peers, securityGroupIds: "", securityGroups: "" });
    });
}

/** `resolverIps` checked whole: a list whose every entry (a hole too) is a string, then each an IP, listed once. */
export function checkedResolverIps(ips: unknown, arg = "resolverIps"): string[] {
    checkStringList(ips, arg, "resolver IP");
    return checkResolverIps(ips as string[], arg);
}

/** What ClusterDnsForwarding creates: the rule's and the share's names, the associations and the share's principals. */
export interface ForwardingPlan {
    ruleName: string;
    /** The AWS RAM resource share's name; undefined without principals (no share). */
    shareName?: string;
    vpcs: KeyedVpc[];
    principals: SharePrincipal[];
}

/** The argument names ClusterDnsForwarding's errors use (HybridDnsAccess and PrivateCluster pass their own). */
export interface ForwardingNames {
    vpcIds: string;
    vpcs: string;
    shareWith: string;
    scope: string;
}

/**
 * ClusterDnsForwarding's plan. `clusterEndpoint` and `resolverIps` are checked now when plain (the component checks
 * them again once known); a composite that makes them later leaves them out.
 */
export function planClusterDnsForwarding(
    args: Omit<ClusterDnsForwardingArgs, "clusterEndpoint" | "resolverIps" | "outboundEndpointId"> & Partial<Pick<ClusterDnsForwardingArgs, "clusterEndpoint" | "resolverIps">>,
    resourceName: string,
    names: ForwardingNames = { vpcIds: "vpcIds", vpcs: "vpcs", shareWith: "shareWith", scope: "scope" },
): ForwardingPlan {
    requirePlain(args.scope, names.scope, `it is a closed choice ("cluster" or "region")`);
    checkScope(args.scope, names.scope);
    checkResolverName(args.ruleName, "ruleName");
    if (args.clusterEndpoint !== undefined && isPlain(args.clusterEndpoint)) ruleDomain(args.clusterEndpoint as string, args.scope);
    if (args.resolverIps !== undefined && isPlain(args.resolverIps)) checkedResolverIps(args.resolverIps);
    const vpcs = keyedVpcs(args.vpcIds, args.vpcs, { vpcIds: names.vpcIds, vpcs: names.vpcs });
    const principals = sharePrincipals(args.shareWith ?? [], names.shareWith);
    if (vpcs.length === 0 && principals.length === 0) {
        throw new InputError(
            names.vpcIds,
            `the rule would apply to no VPC: list the VPCs that must resolve the cluster endpoint in ${names.vpcIds} (or ${names.vpcs}), ` +
                `or share the rule with the accounts that own them through ${names.shareWith}`,
        );
    }
    return {
        ruleName: args.ruleName ?? resolverNameFrom(resourceName),
        shareName: principals.length > 0 ? resourceShareNameFrom(resourceName, args.ruleName) : undefined,
        vpcs,
        principals,
    };
}
