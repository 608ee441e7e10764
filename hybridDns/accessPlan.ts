// HybridDnsAccess's pure plan: its own checks and its children's (the Resolver endpoints' and the forwarding rule's
// planners, plan.ts), all before anything is registered and all naming the arguments as the caller wrote them
// (`names`: HybridDnsAccess's own, or PrivateCluster's `hybridDns.…` paths).
import type * as pulumi from "@pulumi/pulumi";
import { sumUsd } from "../aws/prices";
import { cidrsOverlap, parseCidr } from "../shared/cidr";
import { InputError } from "../shared/errors";
import { KeyedSource, cidrsNameRules, keyedSources } from "../shared/ruleSources";
import { Validated, checkType, requirePlain, stringList, validatedInput } from "../shared/validatedInput";
import type { HybridDnsAccessArgs } from "./args";
import { checkForwardingLoops } from "./checks";
import { ForwardingPlan, ResolverEndpointPlan, planClusterDnsForwarding, planResolverInbound, planResolverOutbound } from "./plan";
import { ForwardingScope, checkScope, ruleDomain } from "./resolverChecks";
import { EndpointAccessMode } from "../apiEndpoint/endpointAccess";
import { oneOf } from "../shared/errors";
import { checkConnectedDns, hybridDnsNeed, unneededHybridDnsWarning } from "./need";

/** HybridDnsAccess's arguments that decide the plan; a composite that makes the endpoint and the group later leaves them out. */
export type HybridDnsAccessPlanArgs = Omit<HybridDnsAccessArgs, "clusterEndpoint" | "clusterSecurityGroupId"> &
    Partial<Pick<HybridDnsAccessArgs, "clusterEndpoint" | "clusterSecurityGroupId">>;

/** How errors name each argument (HybridDnsAccess's own names by default; PrivateCluster passes its paths). */
export interface HybridDnsAccessNames {
    scope: string;
    /** The cluster VPC's CIDR list as messages name it (`clusterVpcCidrs`, `clusterVpcCidr`, PrivateCluster's `vpcCidrs`). */
    clusterVpcCidrs: string;
    /** Where every block of the cluster VPC is listed. */
    clusterVpcCidrsFix: string;
    inboundSubnetIds: string;
    outboundVpcId: string;
    outboundSubnetIds: string;
    vpcIds: string;
    vpcs: string;
    shareWith: string;
    untrackedConnections: string;
    /** The networks outside the VPC as messages name them (`connectedNetworks`, or the deprecated `peeredCidrs and onPremisesCidrs`). */
    networks: string;
    /** Where a missing network is added. */
    networksFix: string;
}

/** A network outside the cluster VPC with the argument that lists it. */
interface NetworkList {
    arg: string;
    cidrs: string[];
}

/** What HybridDnsAccess creates, checked. */
export interface HybridDnsAccessPlan {
    names: HybridDnsAccessNames;
    /** The forwarded domain, when the endpoint was given (checked now when plain, once known otherwise). */
    domain?: Validated<string>;
    /** Every IPv4 CIDR block of the cluster VPC, primary first. */
    vpcCidrs: string[];
    /** The networks outside the VPC, in the order given. */
    networks: string[];
    inbound: ResolverEndpointPlan;
    /** The outbound endpoint and its forwarding rule; undefined for on-premises forwarding only. */
    outbound?: {
        endpoint: ResolverEndpointPlan;
        vpcId: pulumi.Input<string>;
        forwarding: ForwardingPlan;
        /** The rule's VPCs as ClusterDnsForwarding takes them (by default the outbound VPC), and each with its argument. */
        vpcIds?: string[];
        vpcs?: Record<string, pulumi.Input<string>>;
        associations: { arg: string; vpcId: pulumi.Input<string> }[];
    };
    /** Sources of the control plane's TCP 443 rules; empty when controlPlaneRules is false. */
    apiSources: KeyedSource[];
    untracked: boolean;
    /** Estimated USD a month of the endpoints' IPs when every subnet count is known now; undefined otherwise. */
    monthlyCostUsd?: number;
}

/** HybridDnsAccess's own argument names; the networks are named as the caller gave them. */
export function hybridDnsAccessNames(args: Pick<HybridDnsAccessArgs, "clusterVpcCidrs" | "connectedNetworks" | "peeredCidrs" | "onPremisesCidrs">): HybridDnsAccessNames {
    const aliases = args.connectedNetworks === undefined && (args.peeredCidrs !== undefined || args.onPremisesCidrs !== undefined);
    return {
        scope: "scope",
        clusterVpcCidrs: args.clusterVpcCidrs !== undefined ? "clusterVpcCidrs" : "clusterVpcCidr",
        clusterVpcCidrsFix: "clusterVpcCidrs",
        inboundSubnetIds: "inboundSubnetIds",
        outboundVpcId: "outboundVpcId",
        outboundSubnetIds: "outboundSubnetIds",
        vpcIds: "vpcIds",
        vpcs: "vpcs",
        shareWith: "shareWith",
        untrackedConnections: "untrackedConnections",
        networks: aliases ? "peeredCidrs and onPremisesCidrs" : "connectedNetworks",
        networksFix: aliases ? "peeredCidrs" : "connectedNetworks",
    };
}

/** The cluster VPC's blocks from clusterVpcCidrs or clusterVpcCidr (exactly one of them). */
function clusterVpcCidrs(args: HybridDnsAccessPlanArgs, names: HybridDnsAccessNames): string[] {
    requirePlain(args.clusterVpcCidr, "clusterVpcCidr", cidrsNameRules);
    requirePlain(args.clusterVpcCidrs, names.clusterVpcCidrs, cidrsNameRules);
    if ((args.clusterVpcCidr === undefined) === (args.clusterVpcCidrs === undefined)) {
        throw new InputError("clusterVpcCidrs", "give the cluster VPC's CIDR blocks in clusterVpcCidrs (every block, primary first), or its only block in clusterVpcCidr: one of the two");
    }
    const list = args.clusterVpcCidrs !== undefined;
    const vpcCidrs = list ? (stringList(args.clusterVpcCidrs, names.clusterVpcCidrs, "CIDR block") as string[]) : [args.clusterVpcCidr!];
    if (vpcCidrs.length === 0) throw new InputError(names.clusterVpcCidrs, "list the cluster VPC's CIDR blocks, primary first");
    vpcCidrs.forEach((cidr, i) => parseCidr(cidr, list ? `${names.clusterVpcCidrs}[${i}]` : names.clusterVpcCidrs));
    return vpcCidrs;
}

/**
 * The networks outside the VPC: connectedNetworks, or the deprecated peeredCidrs and onPremisesCidrs (not both
 * forms). Each is checked as the argument that lists it: not open, not inside the cluster VPC, listed once.
 */
function networkLists(args: HybridDnsAccessPlanArgs): NetworkList[] {
    const aliases = args.peeredCidrs !== undefined || args.onPremisesCidrs !== undefined;
    if (args.connectedNetworks !== undefined && aliases) {
        throw new InputError(
            args.peeredCidrs !== undefined ? "peeredCidrs" : "onPremisesCidrs",
            "is a deprecated alias of connectedNetworks, which is given too: list every network in connectedNetworks only",
        );
    }
    const lists: NetworkList[] =
        args.connectedNetworks !== undefined || !aliases
            ? [{ arg: "connectedNetworks", cidrs: args.connectedNetworks ?? [] }]
            : [
                  { arg: "peeredCidrs", cidrs: args.peeredCidrs ?? [] },
                  { arg: "onPremisesCidrs", cidrs: args.onPremisesCidrs ?? [] },
              ];
    lists.forEach((l) => requirePlain(l.cidrs, l.arg, cidrsNameRules));
    if (lists.every((l) => l.cidrs.length === 0)) {
        throw new InputError(
            lists[0].arg,
            aliases
                ? "no networks given; list the peered VPCs' CIDRs in peeredCidrs and the on-premises ranges in onPremisesCidrs: " +
                      "they may query the inbound endpoint and connect to the API server on TCP 443"
                : `no networks given; list the networks outside the cluster VPC (peered VPCs, on-premises ranges) in ${lists[0].arg}: ` +
                      "they may query the inbound endpoint and connect to the API server on TCP 443",
        );
    }
    return lists;
}

/** Checks the networks against the cluster VPC and each other; returns the keyed sources of their TCP 443 rules. */
function networkSources(lists: NetworkList[], vpcCidrs: string[]): KeyedSource[] {
    const sources = lists.flatMap((l) => keyedSources({ cidrs: l.cidrs }, { cidrs: l.arg, securityGroupIds: "", securityGroups: "" }));
    for (const l of lists) {
        l.cidrs.forEach((cidr, i) => {
            // A network that overlaps the cluster VPC cannot be routed to over peering, Transit Gateway or VPN.
            const inside = vpcCidrs.find((v) => cidrsOverlap(cidr, v));
            if (inside) {
                throw new InputError(`${l.arg}[${i}]`, `${cidr} overlaps the cluster VPC's ${inside}; the VPC routes those addresses locally, so answers could never reach that network. List only networks outside the cluster VPC`);
            }
        });
    }
    if (lists.length === 2) {
        const onPrem = new Set(lists[1].cidrs);
        lists[0].cidrs.forEach((cidr, i) => {
            if (onPrem.has(cidr)) throw new InputError(`${lists[0].arg}[${i}]`, `${cidr} is also in ${lists[1].arg}; list each network once`);
        });
    }
    return sources;
}

/** The forwarding rule's VPCs: vpcIds and vpcs, or by default the outbound VPC (plain by id, computed as `outbound`). */
function ruleVpcs(args: HybridDnsAccessPlanArgs, names: HybridDnsAccessNames) {
    const useDefault = args.vpcIds === undefined && args.vpcs === undefined;
    const outbound = args.outboundVpcId!;
    const associations = useDefault
        ? [{ arg: names.outboundVpcId, vpcId: outbound }]
        : [
              ...(Array.isArray(args.vpcIds) ? args.vpcIds : []).map((vpcId, i) => ({ arg: `${names.vpcIds}[${i}]`, vpcId: vpcId })),
              ...Object.entries(args.vpcs ?? {}).map(([label, vpcId]) => ({ arg: `${names.vpcs}.${label}`, vpcId })),
          ];
    if (!useDefault) return { associations, vpcIds: args.vpcIds, vpcs: args.vpcs, vpcNames: { vpcIds: names.vpcIds, vpcs: names.vpcs } };
    const plain = typeof outbound === "string";
    // The default association is named after the outbound VPC: its id when plain, the label `outbound` otherwise.
    return { associations, vpcIds: plain ? [outbound] : undefined, vpcs: plain ? undefined : { outbound }, vpcNames: { vpcIds: names.outboundVpcId, vpcs: names.outboundVpcId } };
}

/**
 * Checks HybridDnsAccess's arguments and plans its children through their own planners. Throws InputError naming
 * the argument (`names`); look-up checks (subnets, reach, computed VPC ids) run in the component once ids are known.
 */
export function planHybridDnsAccess(name: string, args: HybridDnsAccessPlanArgs, names: HybridDnsAccessNames = hybridDnsAccessNames(args)): HybridDnsAccessPlan {
    requirePlain(args.scope, names.scope, `it is a closed choice ("cluster" or "region")`);
    checkType(args.controlPlaneRules, "controlPlaneRules", "boolean");
    checkType(args.untrackedConnections, names.untrackedConnections, "boolean");
    requirePlain(args.untrackedConnections, names.untrackedConnections, "it decides which security group rules exist: pass true or false");
    requirePlain(args.controlPlaneRules, "controlPlaneRules", "it decides whether the TCP 443 rules exist: pass true or false");
    checkScope(args.scope, names.scope);
    const domain =
        args.clusterEndpoint === undefined
            ? undefined
            : validatedInput(args.clusterEndpoint, (endpoint) => {
                  checkType(endpoint, "clusterEndpoint", "string");
                  return ruleDomain(endpoint as string, args.scope ?? ForwardingScope.Cluster);
              });
    const vpcCidrs = clusterVpcCidrs(args, names);
    const untracked = args.untrackedConnections === true;
    if ((args.outboundSubnetIds === undefined) !== (args.outboundVpcId === undefined)) {
        throw new InputError(
            args.outboundSubnetIds === undefined ? names.outboundSubnetIds : names.outboundVpcId,
            `the outbound endpoint needs both ${names.outboundVpcId} and ${names.outboundSubnetIds}; give both, or neither for on-premises forwarding only`,
        );
    }
    if (args.outboundSubnetIds === undefined && (args.vpcIds !== undefined || args.vpcs !== undefined || args.shareWith !== undefined)) {
        throw new InputError(
            args.vpcIds !== undefined ? names.vpcIds : args.vpcs !== undefined ? names.vpcs : names.shareWith,
            `a forwarding rule needs an outbound endpoint to send queries through: give ${names.outboundVpcId} and ${names.outboundSubnetIds}`,
        );
    }
    const lists = networkLists(args);
    const networks = lists.flatMap((l) => l.cidrs);
    const apiSources = networkSources(lists, vpcCidrs);
    const endpointNames = { subnetIds: names.inboundSubnetIds, peers: lists.length === 1 ? lists[0].arg : "peeredCidrs", untrackedConnections: names.untrackedConnections };
    const inbound = planResolverInbound({ vpcId: args.clusterVpcId, subnetIds: args.inboundSubnetIds, allowedCidrs: untracked ? undefined : networks, untrackedConnections: args.untrackedConnections }, endpointNames);
    let outbound: HybridDnsAccessPlan["outbound"];
    if (args.outboundSubnetIds !== undefined && args.outboundVpcId !== undefined) {
        const endpoint = planResolverOutbound(
            { vpcId: args.outboundVpcId, subnetIds: args.outboundSubnetIds, targetCidrs: untracked ? undefined : vpcCidrs, untrackedConnections: args.untrackedConnections },
            { subnetIds: names.outboundSubnetIds, peers: names.clusterVpcCidrs, untrackedConnections: names.untrackedConnections },
        );
        const rule = ruleVpcs(args, names);
        // Plain ids are compared now; the component compares the rest once known.
        checkForwardingLoops(args.clusterVpcId, rule.associations);
        const forwarding = planClusterDnsForwarding(
            { scope: args.scope, vpcIds: rule.vpcIds, vpcs: rule.vpcs, shareWith: args.shareWith, allowExternalPrincipals: args.allowExternalPrincipals },
            `${name}-forwarding`,
            { ...rule.vpcNames, shareWith: names.shareWith, scope: names.scope },
        );
        outbound = { endpoint, vpcId: args.outboundVpcId, forwarding, vpcIds: rule.vpcIds, vpcs: rule.vpcs, associations: rule.associations };
    }
    const parts = [inbound.monthlyCostUsd, outbound ? outbound.endpoint.monthlyCostUsd : 0];
    return {
        names,
        domain,
        vpcCidrs,
        networks,
        inbound,
        outbound,
        apiSources: args.controlPlaneRules === false ? [] : apiSources,
        untracked,
        monthlyCostUsd: parts.every((p) => p !== undefined) ? sumUsd(parts) : undefined,
    };
}

/**
 * Whether a HybridDnsAccess is needed, from the endpoint access and connected DNS the user states (hybridDns/need.ts
 * has AWS's rule and its sources): refused with only the public endpoint, which has no private IPs to forward to; a
 * warning for a private-only cluster with no reason stated. Nothing to say when endpointAccess is not given.
 */
export function hybridDnsAccessAdvice(args: Pick<HybridDnsAccessArgs, "endpointAccess" | "connectedDns">): string[] {
    requirePlain(args.endpointAccess, "endpointAccess", 'it decides whether forwarding is needed: pass "public-and-private" or "private"');
    requirePlain(args.connectedDns, "connectedDns", 'it decides whether forwarding is needed: pass "no-internet", "rebinding-protection" or "public-dns"');
    checkConnectedDns(args.connectedDns, "connectedDns");
    if (args.endpointAccess === undefined) return [];
    const mode = oneOf(args.endpointAccess, EndpointAccessMode, "endpointAccess");
    if (mode === EndpointAccessMode.Public) {
        throw new InputError("endpointAccess", `"public": ${hybridDnsNeed(mode, args.connectedDns).reason}; turn private access on, or drop HybridDnsAccess`);
    }
    const warning = unneededHybridDnsWarning(mode, args.connectedDns, "HybridDnsAccess");
    return warning === undefined ? [] : [warning];
}
