// Joins between the resources of one stack, for the stack rules: which VPC a cluster or endpoint is in, which
// security groups a cluster, endpoint or resolver uses, which ingress permissions a security group has. A
// reference is followed by value (a known id equal to a resource's id) and by dependency (the URNs a property
// depends on, which the pack knows even while ids are unknown during preview).
import { AWS_CLUSTER, EKS_CLUSTER } from "./clusterSettings";
import { StackResource } from "./types";
import { knownString, Maybe, peek, peekList, propsOf, UNKNOWN } from "./values";

export const VPC = "aws:ec2/vpc:Vpc";
export const SUBNET = "aws:ec2/subnet:Subnet";
export const VPC_ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
export const RESOLVER_ENDPOINT = "aws:route53/resolverEndpoint:ResolverEndpoint";
export const RESOLVER_RULE = "aws:route53/resolverRule:ResolverRule";
export const DHCP_OPTIONS = "aws:ec2/vpcDhcpOptions:VpcDhcpOptions";
export const DHCP_ASSOCIATION = "aws:ec2/vpcDhcpOptionsAssociation:VpcDhcpOptionsAssociation";

/**
 * Adds `value` to the list under `key`, in place. Indexes are built with this: copying the list on each append
 * (`[...old, value]`) made a key with many entries (a security group with many rules) quadratic.
 */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

/** Something a property refers to: a resource of the stack, or only an id (the resource lives elsewhere). */
export interface Ref {
    /** The resource's URN, or `id:<id>`. */
    key: string;
    resource?: StackResource;
    id?: string;
}

export class StackIndex {
    readonly resources: StackResource[];
    private readonly byUrn = new Map<string, StackResource>();
    // Built once per index (one index per rule evaluation) so that a lookup by type or id is O(1): scanning every
    // resource of a type on each reference made the stack rules quadratic in the number of resources.
    private readonly byType = new Map<string, StackResource[]>();
    /** Per type: known id -> the first resource of that type (in stack order) with that id; built on first use. */
    private readonly byId = new Map<string, Map<string, StackResource>>();
    private readonly ids = new Map<StackResource, string | undefined>();

    constructor(resources: StackResource[]) {
        this.resources = resources;
        for (const r of resources) {
            this.byUrn.set(r.urn, r);
            appendTo(this.byType, r.type, r);
        }
    }

    get(urn: string): StackResource | undefined {
        return this.byUrn.get(urn);
    }

    /** The resources of `type`, in stack order (a fresh array the caller may change). */
    ofType(type: string): StackResource[] {
        return [...(this.byType.get(type) ?? [])];
    }

    /** The resource's id: given by the caller (offline plan), or its `id` output (pack, once created). */
    idOf(r: StackResource): string | undefined {
        if (this.ids.has(r)) return this.ids.get(r);
        const id = r.id ?? knownString(peek(() => r.inputs.id));
        this.ids.set(r, id);
        return id;
    }

    /** The first resource of `type` in stack order whose id is `id`. */
    private withId(type: string, id: string): StackResource | undefined {
        let ids = this.byId.get(type);
        if (!ids) {
            ids = new Map();
            for (const r of this.byType.get(type) ?? []) {
                const rid = this.idOf(r);
                if (rid !== undefined && !ids.has(rid)) ids.set(rid, r);
            }
            this.byId.set(type, ids);
        }
        return ids.get(id);
    }

    /** Resources of `type` that `prop` of `from` depends on. */
    dependencies(from: StackResource, prop: string, type: string): StackResource[] {
        const urns = from.propertyDependencies?.[prop] ?? [];
        return urns.map((u) => this.byUrn.get(u)).filter((r): r is StackResource => r !== undefined && r.type === type);
    }

    /**
     * What `prop` of `from` refers to among resources of `type`, given the property's values (one id, or a list):
     * resources whose id equals a value, resources the property depends on, and, when the property depends on no
     * resource of that type, the remaining known ids as outside references.
     */
    refs(from: StackResource, prop: string, values: Maybe<unknown>[], type: string): Ref[] {
        const out = new Map<string, Ref>();
        const unmatched: string[] = [];
        for (const value of values) {
            const id = knownString(value);
            if (id === undefined) continue;
            const match = this.withId(type, id);
            if (match) out.set(match.urn, { key: match.urn, resource: match, id });
            else unmatched.push(id);
        }
        const deps = this.dependencies(from, prop, type);
        for (const dep of deps) if (!out.has(dep.urn)) out.set(dep.urn, { key: dep.urn, resource: dep, id: this.idOf(dep) });
        if (deps.length === 0) for (const id of unmatched) out.set(`id:${id}`, { key: `id:${id}`, id });
        return [...out.values()];
    }

    /** The VPC(s) a resource's `vpcId` input refers to. */
    vpcRefs(from: StackResource): Ref[] {
        return this.refs(from, "vpcId", [peek(() => from.inputs.vpcId)], VPC);
    }

    /**
     * The VPC a cluster is in: `vpcId` for @pulumi/eks; for aws.eks.Cluster the `vpcConfig.vpcId` output when known,
     * else the VPC of the subnets in `vpcConfig.subnetIds`.
     */
    clusterVpcRefs(cluster: StackResource): Ref[] {
        if (cluster.type === EKS_CLUSTER) return this.vpcRefs(cluster);
        const direct = this.refs(cluster, "vpcConfig", [peek(() => propsOf(cluster.inputs.vpcConfig)?.vpcId)], VPC);
        if (direct.length > 0) return direct;
        const subnetIds = peekList(() => propsOf(cluster.inputs.vpcConfig)?.subnetIds);
        const subnets = this.refs(cluster, "vpcConfig", subnetIds === UNKNOWN ? [] : subnetIds, SUBNET);
        const out = new Map<string, Ref>();
        for (const s of subnets) if (s.resource) for (const v of this.vpcRefs(s.resource)) out.set(v.key, v);
        return [...out.values()];
    }

    /** A readable name for a referenced VPC or security group. */
    label(ref: Ref, noun: string): string {
        if (ref.resource) return `${noun} "${ref.resource.name}"${ref.id ? ` (${ref.id})` : ""}`;
        return `${noun} ${ref.id}`;
    }
}

/**
 * The clusters of the stack, each once. A @pulumi/eks component is judged through the aws:eks/cluster:Cluster it
 * creates when that child is in the stack (the pack: a component's stack-time properties are its outputs, not its
 * inputs), and through its own inputs otherwise (the offline plan, where the mocks create no children).
 */
export function clustersOf(index: StackIndex): StackResource[] {
    const withChild = new Set(index.ofType(AWS_CLUSTER).map((c) => c.parent).filter((p): p is string => p !== undefined));
    return index.resources.filter((r) => r.type === AWS_CLUSTER || (r.type === EKS_CLUSTER && !withChild.has(r.urn)));
}
