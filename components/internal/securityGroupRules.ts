// Security group rules keyed by source, shared by every component that opens a port: one
// aws.vpc.SecurityGroupIngressRule / SecurityGroupEgressRule per (port, protocol, source), named after the
// source, so adding or removing one source never replaces the rule of another.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { cidrSlug, parseCidr } from "../../lib/cidr";
import { InputError } from "../../lib/errors";

export interface PortSpec {
    /** `tcp` or `udp`. */
    protocol: "tcp" | "udp";
    port: number;
    /** Why the port is open, used in the rule description (`EKS API`, `DNS`). */
    purpose: string;
}

export interface RuleSources {
    /** CIDR blocks (IPv4 or IPv6), validated: no host bits, no duplicates. */
    cidrs?: string[];
    /** Security group ids: plain strings, keyed by the id. */
    securityGroupIds?: pulumi.Input<string>[];
    /** Security group ids keyed by a stable label of the caller's choosing, for ids only known at deploy time. */
    securityGroups?: Record<string, pulumi.Input<string>>;
}

export interface KeyedSource {
    /** Stable name suffix: the CIDR slug, the security group id, or the caller's label. */
    key: string;
    cidr?: string;
    version?: 4 | 6;
    securityGroupId?: pulumi.Input<string>;
}

/**
 * Validates sources and gives each a stable key. `argPrefix` names the args in errors (`allowedCidrs`,
 * `allowedSecurityGroupIds`, `allowedSecurityGroups`).
 */
export function keyedSources(
    sources: RuleSources,
    args: { cidrs: string; securityGroupIds: string; securityGroups: string },
): KeyedSource[] {
    const out: KeyedSource[] = [];
    const seen = new Set<string>();
    const add = (source: KeyedSource, arg: string) => {
        if (seen.has(source.key)) throw new InputError(arg, `${source.key} is listed twice; list each source once`);
        seen.add(source.key);
        out.push(source);
    };
    (sources.cidrs ?? []).forEach((cidr, i) => {
        const parsed = parseCidr(cidr, `${args.cidrs}[${i}]`);
        add({ key: cidrSlug(cidr), cidr, version: parsed.version }, args.cidrs);
    });
    (sources.securityGroupIds ?? []).forEach((id, i) => {
        if (typeof id !== "string") {
            throw new InputError(
                `${args.securityGroupIds}[${i}]`,
                `this security group id is only known at deployment, so a rule named after it cannot be planned. ` +
                    `Pass it in ${args.securityGroups} instead, keyed by a stable label ({ bastion: bastionSg.id }), ` +
                    `so adding or removing another source never renames this rule`,
            );
        }
        if (!/^sg-[0-9a-f]{8,17}$/.test(id)) {
            throw new InputError(`${args.securityGroupIds}[${i}]`, `${JSON.stringify(id)} is not a security group id (sg- followed by 8 or 17 hex digits)`);
        }
        add({ key: id, securityGroupId: id }, args.securityGroupIds);
    });
    for (const [label, id] of Object.entries(sources.securityGroups ?? {})) {
        if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(label)) {
            throw new InputError(`${args.securityGroups}.${label}`, `labels name child resources: use lower-case letters, digits and dashes`);
        }
        add({ key: label, securityGroupId: id }, args.securityGroups);
    }
    return out;
}

export type RuleDirection = "ingress" | "egress";

/**
 * Creates one rule per peer and port on `securityGroupId`: ingress rules allow traffic from each peer, egress
 * rules allow it to each peer. Returns them keyed by resource name (`<name>-tcp443-from-10-0-0-0-16`).
 */
export function securityGroupRules(
    direction: RuleDirection,
    name: string,
    securityGroupId: pulumi.Input<string>,
    peers: KeyedSource[],
    ports: PortSpec[],
    opts: pulumi.CustomResourceOptions,
): Record<string, pulumi.CustomResource> {
    const rules: Record<string, pulumi.CustomResource> = {};
    const word = direction === "ingress" ? "from" : "to";
    for (const port of ports) {
        for (const peer of peers) {
            const ruleName = `${name}-${port.protocol}${port.port}-${word}-${peer.key}`;
            const args = {
                securityGroupId,
                ipProtocol: port.protocol,
                fromPort: port.port,
                toPort: port.port,
                cidrIpv4: peer.version === 4 ? peer.cidr : undefined,
                cidrIpv6: peer.version === 6 ? peer.cidr : undefined,
                referencedSecurityGroupId: peer.securityGroupId,
                description: `${port.purpose} (${port.protocol.toUpperCase()} ${port.port}) ${word} ${peer.cidr ?? peer.key}`,
            };
            rules[ruleName] =
                direction === "ingress"
                    ? new aws.vpc.SecurityGroupIngressRule(ruleName, args, opts)
                    : new aws.vpc.SecurityGroupEgressRule(ruleName, args, opts);
        }
    }
    return rules;
}
