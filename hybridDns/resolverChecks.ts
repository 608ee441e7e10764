// Checks for Route 53 Resolver endpoints and forwarding rules that reach a private cluster endpoint
// (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/): endpoint subnets, who may query the inbound endpoint, the rule's domain, the VPCs the rule
// is associated with and the AWS RAM principals it is shared with.
import type * as pulumi from "@pulumi/pulumi";
import { checkNotOpen } from "../shared/cidr";
import { parseClusterEndpoint } from "../aws/clusterEndpoint";
import { InputError } from "../shared/errors";
import { cidrsNameRules } from "../shared/ruleSources";
import { Validated, described, requirePlain, stringList, validatedInput, checkStringList } from "../shared/validatedInput";
import { isPlainShape } from "../shared/outputs";
import { arnPartitionSource, isEc2Id } from "../aws/ids";
import { resolverAzReason } from "../aws/availabilityZones";

/** Which names a forwarding rule covers. */
export const ForwardingScope = {
    /** Only the cluster's endpoint host name. */
    Cluster: "cluster",
    /** The region's EKS domain (`us-east-1.eks.amazonaws.com`): one rule serves every cluster in the region. Refused for dual-stack `<region>.api.aws` endpoints. */
    Region: "region",
} as const;
export type ForwardingScope = (typeof ForwardingScope)[keyof typeof ForwardingScope];

/**
 * The domain a forwarding rule for this endpoint covers: the endpoint's host name for scope `cluster`, the
 * region's EKS domain for scope `region`. Derived from the endpoint itself, so the dual-stack `api.aws` form and
 * aws-cn get their own domains (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "IPv4/IPv6 cluster endpoint format").
 */
export function ruleDomain(endpoint: string, scope: ForwardingScope = ForwardingScope.Cluster, arg = "clusterEndpoint"): string {
    checkScope(scope);
    const info = parseClusterEndpoint(endpoint, arg);
    if (scope === ForwardingScope.Cluster) return info.hostName;
    const shared = serviceParentDomain(info.regionDomain, info.region);
    if (shared) {
        throw new InputError(
            "scope",
            `"region" would forward ${shared}, the parent of every AWS dual-stack service name in ${info.region} ` +
                `(ec2.${shared}, sts.${shared}, eks-auth.${shared}, ...): VPCs using the rule would resolve those services to the ` +
                `cluster VPC's interface endpoints, whose security groups refuse them. Use scope "cluster" for a dual-stack endpoint`,
        );
    }
    return info.regionDomain;
}

/** Refuses a scope that is not one of ForwardingScope's (another language may send any string). */
export function checkScope(scope: unknown, arg = "scope"): void {
    if (scope !== undefined && scope !== ForwardingScope.Cluster && scope !== ForwardingScope.Region) {
        throw new InputError(arg, `${JSON.stringify(scope)} is not a scope (use "cluster" or "region")`);
    }
}

/**
 * AWS names its dual-stack service endpoints `<service-code>.<region-code>.api.aws` (AWS General Reference, "AWS
 * service endpoints", section "Dual stack endpoints": https://docs.aws.amazon.com/general/latest/gr/rande.html#dual-stack-endpoints;
 * aws-cn: `...<region>.api.amazonwebservices.com.cn`). A dual-stack cluster endpoint `<id>.<x>.<region>.api.aws`
 * shares that parent, so a rule for its region domain would capture every service; returns that domain, or
 * undefined when the region domain covers EKS cluster endpoints only (`<region>.eks.amazonaws.com`, `<region>.eks.api.aws`).
 */
function serviceParentDomain(regionDomain: string, region: string): string | undefined {
    return [`${region}.api.aws`, `${region}.api.amazonwebservices.com.cn`].includes(regionDomain) ? regionDomain : undefined;
}

/**
 * Checks the subnets of a resolver endpoint that can be checked before deployment. A Route 53 Resolver endpoint
 * takes one IP per subnet and needs at least two IPs, and the subnets should be in different AZs so that losing
 * one AZ does not stop resolution (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Create an inbound endpoint": an IP in each of two AZs). Plain
 * ids must look like subnet ids and be listed once; ids known only at deployment are counted but not checked.
 */
export function checkEndpointSubnets(subnetIds: readonly pulumi.Input<string>[] | undefined, arg = "subnetIds"): void {
    checkStringList(subnetIds, arg, "subnet id");
    if (!Array.isArray(subnetIds) || subnetIds.length < 2) throw tooFewSubnets(Array.isArray(subnetIds) ? subnetIds.length : 0, arg);
    const seen = new Set<string>();
    subnetIds.forEach((id, i) => {
        if (typeof id !== "string") return;
        if (!isEc2Id(id, "subnet")) {
            throw new InputError(`${arg}[${i}]`, `${JSON.stringify(id)} is not a subnet id (subnet- followed by 8 or 17 hex digits)`);
        }
        if (seen.has(id)) throw new InputError(`${arg}[${i}]`, `${id} is listed twice; each subnet gives the endpoint one IP, list it once`);
        seen.add(id);
    });
}

/** The error for a resolver endpoint with fewer than two subnets (one IP per subnet, two AZs for resilience). */
export function tooFewSubnets(count: number, arg = "subnetIds"): InputError {
    return new InputError(
        arg,
        `${count} subnet${count === 1 ? "" : "s"} given; a Route 53 Resolver endpoint needs an IP in at least two ` +
            `subnets, in different Availability Zones so one AZ is not a single point of failure. List two or more subnets`,
    );
}

/** `checkEndpointSubnets` for a value that may be computed: checked now when plain, once known otherwise. */
export function validatedEndpointSubnets(subnetIds: pulumi.Input<pulumi.Input<string>[]> | undefined, arg = "subnetIds"): Validated<string[]> {
    return validatedInput(subnetIds, (ids) => {
        checkEndpointSubnets(ids, arg);
        return ids as string[];
    });
}

/** The subnet rules of a Route 53 Resolver endpoint, for checkedSubnetIds: its IPs and security group in one VPC, two AZs. */
export const resolverSubnetRules = { vpc: "an endpoint's IPs and its security group must be in one VPC", az: resolverAzReason };

/**
 * Validates who may send DNS queries to an inbound endpoint: at least one CIDR, and no `/0`. The endpoint answers
 * for every private hosted zone of the VPC, so it is opened to the networks that forward to it, never to everyone.
 */
export function checkAllowedCidrs(cidrs: string[] | undefined, arg = "allowedCidrs"): void {
    requirePlain(cidrs, arg, cidrsNameRules);
    if (!Array.isArray(cidrs) || cidrs.length === 0) {
        throw new InputError(
            arg,
            `no CIDRs given; list the networks whose DNS servers forward to this endpoint (the peered VPCs' CIDRs, ` +
                `the on-premises DNS servers' ranges). There is no default: an open resolver would answer every ` +
                `private name in the VPC to anyone who can reach it`,
        );
    }
    cidrs.forEach((cidr, i) => checkNotOpen(cidr, `${arg}[${i}]`));
}

export interface KeyedVpc {
    /** Name suffix: the VPC id, or the caller's label. */
    key: string;
    /** The VPC id: checked when plain; an Output is the caller's to check once known (`checkedVpcId`). */
    vpcId: pulumi.Input<string>;
}

/** Checks one `vpcs` value (a VPC id, or an Output of one once known); `arg` is `vpcs.<label>`. */
export function checkedVpcId(id: unknown, arg: string): string {
    if (typeof id !== "string") throw new InputError(arg, `expected a VPC id (a string, or an Output of one), got ${described(id)}`);
    if (!isEc2Id(id, "vpc")) throw new InputError(arg, `${JSON.stringify(id)} is not a VPC id (vpc- followed by 8 or 17 hex digits)`);
    return id;
}

/**
 * VPCs a resolver rule is associated with, keyed so each association keeps its name: plain ids by id, ids known
 * only at deployment by the label the caller gives them in `vpcs`.
 */
export function keyedVpcs(
    vpcIds: readonly pulumi.Input<string>[] | undefined,
    vpcs: Record<string, pulumi.Input<string>> | undefined,
    args = { vpcIds: "vpcIds", vpcs: "vpcs" },
): KeyedVpc[] {
    const out: KeyedVpc[] = [];
    const seen = new Set<string>();
    if (!Array.isArray(vpcIds)) requirePlain(vpcIds, args.vpcIds, `each VPC id names its association. Pass it in ${args.vpcs} instead, keyed by a stable label ({ peered: peeredVpc.id })`);
    if (!isPlainShape(vpcs)) requirePlain(vpcs, args.vpcs, "its labels name the associations: give a map literal, whose values may be Outputs");
    (stringList(vpcIds, args.vpcIds, "VPC id") ?? []).forEach((id, i) => {
        if (typeof id !== "string") {
            throw new InputError(
                `${args.vpcIds}[${i}]`,
                `this VPC id is only known at deployment, so an association named after it cannot be planned. Pass it ` +
                    `in ${args.vpcs} instead, keyed by a stable label ({ peered: peeredVpc.id })`,
            );
        }
        checkedVpcId(id, `${args.vpcIds}[${i}]`);
        if (seen.has(id)) throw new InputError(`${args.vpcIds}[${i}]`, `${id} is listed twice; list each VPC once`);
        seen.add(id);
        out.push({ key: id, vpcId: id });
    });
    for (const [label, id] of Object.entries(vpcs ?? {})) {
        if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(label)) {
            throw new InputError(`${args.vpcs}.${label}`, `labels name child resources: use lower-case letters, digits and dashes`);
        }
        if (seen.has(label)) throw new InputError(`${args.vpcs}.${label}`, `${label} is already used; give each VPC its own label`);
        seen.add(label);
        if (isPlainShape(id)) checkedVpcId(id, `${args.vpcs}.${label}`);
        out.push({ key: label, vpcId: id });
    }
    return out;
}

export interface SharePrincipal {
    /** Name suffix: the account id, organization id or OU id. */
    key: string;
    principal: string;
}

const accountPattern = /^\d{12}$/;
const orgArnPattern = new RegExp(`^arn:${arnPartitionSource}:organizations::\\d{12}:organization/(o-[a-z0-9]{10,32})$`);
const ouArnPattern = new RegExp(`^arn:${arnPartitionSource}:organizations::\\d{12}:ou/o-[a-z0-9]{10,32}/(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})$`);

/**
 * AWS RAM principals a resolver rule can be shared with: 12-digit account ids, organization ARNs and OU ARNs,
 * each listed once, keyed by account id, `o-` id or `ou-` id.
 */
export function sharePrincipals(principals: string[], arg = "shareWith"): SharePrincipal[] {
    const seen = new Set<string>();
    requirePlain(principals, arg, "each principal names its AWS RAM association: list account ids, organization ARNs or OU ARNs as plain strings");
    return (stringList(principals, arg, "principal") as string[]).map((principal, i) => {
        const key = accountPattern.test(principal)
            ? principal
            : (orgArnPattern.exec(principal)?.[1] ?? ouArnPattern.exec(principal)?.[1]);
        if (!key) {
            throw new InputError(
                `${arg}[${i}]`,
                `${JSON.stringify(principal)} is not an AWS account id (12 digits), organization ARN ` +
                    `(arn:aws:organizations::<account>:organization/o-...) or OU ARN (...:ou/o-.../ou-...)`,
            );
        }
        if (seen.has(key)) throw new InputError(`${arg}[${i}]`, `${principal} is listed twice; list each principal once`);
        seen.add(key);
        return { key, principal };
    });
}
