// Ingress permissions of security groups, whichever way a program writes them (inline `ingress` blocks of
// aws.ec2.SecurityGroup, aws.ec2.SecurityGroupRule of type ingress, aws.vpc.SecurityGroupIngressRule), and the
// role each security group plays: on a cluster's control plane, on an interface VPC endpoint, on a Route 53
// Resolver endpoint.
import { internetCovered } from "../shared/cidr";
import { AWS_CLUSTER, EKS_CLUSTER } from "./clusterSettings";
import { appendTo, EGRESS_RULE, INGRESS_RULE, RESOLVER_ENDPOINT, Ref, SECURITY_GROUP, SECURITY_GROUP_RULE, StackIndex, VPC_ENDPOINT } from "./stackIndex";
import { Props, StackResource } from "./types";
import { itemOf, knownString, knownStrings, listText, Maybe, peek, peekList, propsOf, UNKNOWN } from "./values";

export interface Permission {
    /** Keys of the security groups it belongs to (see Ref.key; `cluster-sg:<urn>` for an EKS-created cluster group). */
    groups: string[];
    /** The resource that declares it: the rule resource, or the security group for an inline block. */
    urn: string;
    /** How a message names it: `aws.vpc.SecurityGroupIngressRule "x"` or `ingress[0] of security group "y"`. */
    label: string;
    /** "all", "tcp", "udp", another protocol, or UNKNOWN. */
    protocol: Maybe<string>;
    fromPort: Maybe<number | undefined>;
    toPort: Maybe<number | undefined>;
    cidrs: string[];
    /** Some source CIDR is not known yet. */
    unknownCidrs: boolean;
    /** Admits members of another security group, itself, or a prefix list. */
    otherSources: boolean;
}

export function normalizeProtocol(p: Maybe<unknown>): Maybe<string> {
    if (p === UNKNOWN) return UNKNOWN;
    const value: unknown = p ?? "";
    const text = String(value).toLowerCase();
    if (text === "-1" || text === "all") return "all";
    if (text === "6") return "tcp";
    if (text === "17") return "udp";
    return text;
}

function port(value: Maybe<unknown>): Maybe<number | undefined> {
    if (value === UNKNOWN) return UNKNOWN;
    return typeof value === "number" ? value : undefined;
}

/** True when the permission lets `protocol` traffic to `portNumber` in; undefined when that is not known. */
export function admits(p: Permission, protocol: "tcp" | "udp", portNumber: number): boolean | undefined {
    if (p.protocol === UNKNOWN) return undefined;
    if (p.protocol === "all") return true;
    if (p.protocol !== protocol) return false;
    if (p.fromPort === UNKNOWN || p.toPort === UNKNOWN) return undefined;
    const from = p.fromPort ?? 0;
    const to = p.toPort ?? 65535;
    return from <= portNumber && portNumber <= to;
}

/**
 * The permissions that make a set open to the internet: those that cover it alone, else those without which the
 * union no longer does; all of them when neither singles any out (overlapping partial ranges).
 */
export function culprits(perms: Permission[]): Permission[] {
    const alone = perms.filter((p) => internetCovered(p.cidrs).length > 0);
    if (alone.length > 0) return alone;
    const needed = perms.filter((p) => internetCovered(perms.filter((o) => o !== p).flatMap((o) => o.cidrs)).length === 0);
    return needed.length > 0 ? needed : perms;
}

/** What traffic a permission admits, in words: "all traffic", "TCP 0-65535", "UDP 53". */
export function trafficText(p: Permission): string {
    if (p.protocol === "all") return "all traffic";
    const proto = p.protocol === UNKNOWN ? "an unknown protocol" : p.protocol.toUpperCase();
    const from = p.fromPort === UNKNOWN ? "?" : (p.fromPort ?? 0);
    const to = p.toPort === UNKNOWN ? "?" : (p.toPort ?? 65535);
    return from === to ? `${proto} ${from}` : `${proto} ${from}-${to}`;
}

function sources(cidrLists: Maybe<Maybe<unknown>[]>[]): { cidrs: string[]; unknown: boolean } {
    const cidrs: string[] = [];
    let unknown = false;
    for (const list of cidrLists) {
        const k = knownStrings(list);
        cidrs.push(...k.values);
        unknown = unknown || k.unknown;
    }
    return { cidrs, unknown };
}

function single(value: Maybe<unknown>): Maybe<Maybe<unknown>[]> {
    if (value === UNKNOWN) return [UNKNOWN];
    return value === undefined || value === null || value === "" ? [] : [value];
}

function nonEmpty(list: Maybe<Maybe<unknown>[]>): boolean {
    return list === UNKNOWN || list.length > 0;
}

/** EKS-created cluster security group ids written into clusters' vpcConfig, to the clusters' URNs (built once per stack). */
function clusterGroupIds(index: StackIndex): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const cluster of index.ofType(AWS_CLUSTER)) {
        const id = knownString(peek(() => propsOf(cluster.inputs.vpcConfig)?.clusterSecurityGroupId));
        if (id !== undefined) appendTo(out, id, cluster.urn);
    }
    return out;
}

/** Keys of the security group a rule resource's `securityGroupId` names, including EKS-created cluster groups. */
function ruleTargets(index: StackIndex, rule: StackResource, clusterGroups: Map<string, string[]>): string[] {
    const value = peek(() => rule.inputs.securityGroupId);
    const keys = index.refs(rule, "securityGroupId", [value], SECURITY_GROUP).map((r) => r.key);
    for (const cluster of index.dependencies(rule, "securityGroupId", AWS_CLUSTER)) keys.push(`cluster-sg:${cluster.urn}`);
    const id = knownString(value);
    for (const urn of id === undefined ? [] : (clusterGroups.get(id) ?? [])) keys.push(`cluster-sg:${urn}`);
    return [...new Set(keys.filter((k) => !(k.startsWith("id:") && keys.some((o) => o.startsWith("cluster-sg:")))))];
}

/** The permissions that apply to each security group key, so a rule looks up a group's rules instead of scanning them all. */
export function permissionsByGroup(perms: Permission[]): Map<string, Permission[]> {
    const out = new Map<string, Permission[]>();
    for (const p of perms) {
        for (const key of new Set(p.groups)) appendTo(out, key, p);
    }
    return out;
}

/** Every ingress permission of the stack. */
export function ingressPermissions(index: StackIndex): Permission[] {
    return permissions(index, "ingress");
}

/** Every egress permission of the stack (`cidrs`: the destinations). */
export function egressPermissions(index: StackIndex): Permission[] {
    return permissions(index, "egress");
}

function permissions(index: StackIndex, direction: "ingress" | "egress"): Permission[] {
    const out: Permission[] = [];
    const clusterGroups = clusterGroupIds(index);
    for (const sg of index.ofType(SECURITY_GROUP)) {
        const blocks = peekList(() => sg.inputs[direction]);
        if (blocks === UNKNOWN) continue;
        blocks.forEach((_, i) => {
            const block = (): Props => propsOf(itemOf(sg.inputs[direction], i)) ?? {};
            const at = (read: (b: Props) => unknown) => peek(() => read(block()));
            const src = sources([peekList(() => block().cidrBlocks), peekList(() => block().ipv6CidrBlocks)]);
            out.push({
                groups: [sg.urn],
                urn: sg.urn,
                label: `${direction}[${i}] of security group "${sg.name}"`,
                protocol: normalizeProtocol(at((b) => b.protocol)),
                fromPort: port(at((b) => b.fromPort)),
                toPort: port(at((b) => b.toPort)),
                cidrs: src.cidrs,
                unknownCidrs: src.unknown,
                otherSources:
                    nonEmpty(peekList(() => block().securityGroups)) ||
                    nonEmpty(peekList(() => block().prefixListIds)) ||
                    at((b) => b.self) === true,
            });
        });
    }
    for (const rule of index.ofType(SECURITY_GROUP_RULE)) {
        if (peek(() => rule.inputs.type) !== direction) continue;
        const src = sources([peekList(() => rule.inputs.cidrBlocks), peekList(() => rule.inputs.ipv6CidrBlocks)]);
        out.push({
            groups: ruleTargets(index, rule, clusterGroups),
            urn: rule.urn,
            label: `aws.ec2.SecurityGroupRule "${rule.name}"`,
            protocol: normalizeProtocol(peek(() => rule.inputs.protocol)),
            fromPort: port(peek(() => rule.inputs.fromPort)),
            toPort: port(peek(() => rule.inputs.toPort)),
            cidrs: src.cidrs,
            unknownCidrs: src.unknown,
            otherSources:
                nonEmpty(single(peek(() => rule.inputs.sourceSecurityGroupId))) ||
                nonEmpty(peekList(() => rule.inputs.prefixListIds)) ||
                peek(() => rule.inputs.self) === true,
        });
    }
    for (const rule of index.ofType(direction === "ingress" ? INGRESS_RULE : EGRESS_RULE)) {
        const src = sources([single(peek(() => rule.inputs.cidrIpv4)), single(peek(() => rule.inputs.cidrIpv6))]);
        out.push({
            groups: ruleTargets(index, rule, clusterGroups),
            urn: rule.urn,
            label: `aws.vpc.SecurityGroup${direction === "ingress" ? "Ingress" : "Egress"}Rule "${rule.name}"`,
            protocol: normalizeProtocol(peek(() => rule.inputs.ipProtocol)),
            fromPort: port(peek(() => rule.inputs.fromPort)),
            toPort: port(peek(() => rule.inputs.toPort)),
            cidrs: src.cidrs,
            unknownCidrs: src.unknown,
            otherSources:
                nonEmpty(single(peek(() => rule.inputs.referencedSecurityGroupId))) || nonEmpty(single(peek(() => rule.inputs.prefixListId))),
        });
    }
    return out;
}

export type Role = "EKS cluster" | "VPC endpoint" | "Route 53 Resolver endpoint";

/** The security groups a resource lists in `prop` (a list of ids). */
export function groupRefs(index: StackIndex, from: StackResource, prop: string): Ref[] {
    const values = peekList(() => from.inputs[prop]);
    return index.refs(from, prop, values === UNKNOWN ? [] : values, SECURITY_GROUP);
}

/** Interface endpoints: the only VPC endpoints with security groups. */
export function interfaceEndpoints(index: StackIndex): StackResource[] {
    return index.ofType(VPC_ENDPOINT).filter((e) => knownString(peek(() => e.inputs.vpcEndpointType))?.toLowerCase() === "interface");
}

/** Security group key -> roles and a readable name. */
export function groupRoles(index: StackIndex): Map<string, { roles: Set<Role>; label: string; urn?: string }> {
    const out = new Map<string, { roles: Set<Role>; label: string; urn?: string }>();
    const add = (key: string, role: Role, label: string, urn?: string) => {
        const entry = out.get(key) ?? { roles: new Set<Role>(), label, urn };
        entry.roles.add(role);
        out.set(key, entry);
    };
    const addRefs = (refs: Ref[], role: Role) => {
        for (const ref of refs) add(ref.key, role, index.label(ref, "security group"), ref.resource?.urn);
    };
    for (const cluster of index.ofType(AWS_CLUSTER)) {
        const ids = peekList(() => propsOf(cluster.inputs.vpcConfig)?.securityGroupIds);
        addRefs(index.refs(cluster, "vpcConfig", ids === UNKNOWN ? [] : ids, SECURITY_GROUP), "EKS cluster");
        add(`cluster-sg:${cluster.urn}`, "EKS cluster", `the EKS-created cluster security group of "${cluster.name}"`);
    }
    const groupsByName = new Map<string, StackResource[]>();
    for (const g of index.ofType(SECURITY_GROUP)) appendTo(groupsByName, g.name, g);
    for (const cluster of index.ofType(EKS_CLUSTER)) {
        const groups = [...index.dependencies(cluster, "clusterSecurityGroup", SECURITY_GROUP), ...referencedGroup(groupsByName, cluster)];
        addRefs(groups.map((r) => ({ key: r.urn, resource: r, id: index.idOf(r) })), "EKS cluster");
    }
    for (const endpoint of interfaceEndpoints(index)) addRefs(groupRefs(index, endpoint, "securityGroupIds"), "VPC endpoint");
    for (const endpoint of index.ofType(RESOLVER_ENDPOINT)) addRefs(groupRefs(index, endpoint, "securityGroupIds"), "Route 53 Resolver endpoint");
    return out;
}

/**
 * The security group a @pulumi/eks Cluster's `clusterSecurityGroup` input (a resource reference) names: the
 * offline plan writes references as `<type>::<name>`, the engine's wire form carries `__pulumiType` and `__name`.
 */
function referencedGroup(groupsByName: Map<string, StackResource[]>, cluster: StackResource): StackResource[] {
    const ref = peek(() => cluster.inputs.clusterSecurityGroup);
    let name: string | undefined;
    if (typeof ref === "string" && ref.startsWith(`${SECURITY_GROUP}::`)) name = ref.slice(SECURITY_GROUP.length + 2);
    else if (ref && typeof ref === "object" && (ref as Props).__pulumiType === SECURITY_GROUP) name = knownString(peek(() => (ref as Props).__name));
    return name === undefined ? [] : (groupsByName.get(name) ?? []);
}

export function permissionList(perms: Permission[]): string {
    return listText(perms.map((p) => p.label));
}
