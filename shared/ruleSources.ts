// Sources (or destinations) of security group rules, validated and keyed: the key becomes the rule's name
// suffix, so it depends on what the source is, never on where it sits in a list.
import type * as pulumi from "@pulumi/pulumi";
import { checkNotOpen, cidrSlug } from "./cidr";
import { InputError } from "./errors";
import { described, quoted, requirePlain, stringList } from "./validatedInput";
import { isPlainShape } from "./outputs";
import { isEc2Id } from "../aws/ids";

/** Why CIDR lists stay plain: each CIDR names its security group rule (used in `requirePlain` messages). */
export const cidrsNameRules =
    "each CIDR names its security group rule, so the CIDRs must be known before anything is created: pass the same " +
    "literal CIDR strings you gave the VPC or network";

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
    /** A managed prefix list (for CIDRs only known at deployment, such as a VPC's CIDR blocks). */
    prefixListId?: pulumi.Input<string>;
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
        if (seen.has(source.key)) throw new InputError(arg, `${source.cidr ?? source.key} is listed twice; list each source once`);
        seen.add(source.key);
        out.push(source);
    };
    requirePlain(sources.cidrs, args.cidrs, cidrsNameRules);
    if (!isPlainShape(sources.securityGroupIds)) {
        requirePlain(sources.securityGroupIds, args.securityGroupIds, `each id names its rule. Pass the ids in ${args.securityGroups}, keyed by stable labels`);
    }
    if (!isPlainShape(sources.securityGroups)) {
        requirePlain(sources.securityGroups, args.securityGroups, "its labels name the rules: give a map literal, whose values may be Outputs");
    }
    (stringList(sources.cidrs, args.cidrs, "CIDR block") as string[] | undefined ?? []).forEach((cidr, i) => {
        const parsed = checkNotOpen(cidr, `${args.cidrs}[${i}]`);
        add({ key: cidrSlug(cidr), cidr, version: parsed.version }, args.cidrs);
    });
    const ids: unknown = sources.securityGroupIds ?? [];
    if (!Array.isArray(ids)) throw new InputError(args.securityGroupIds, `expected a list of security group ids, got ${described(ids)}`);
    // Every index, so a hole in a sparse list is reported, not skipped as forEach would.
    for (let i = 0; i < ids.length; i++) {
        const id: unknown = ids[i];
        if (typeof id !== "string" && (typeof id !== "object" || id === null)) {
            throw new InputError(`${args.securityGroupIds}[${i}]`, `expected a security group id (a string), got ${described(id)}`);
        }
        if (typeof id !== "string") {
            throw new InputError(
                `${args.securityGroupIds}[${i}]`,
                `this security group id is only known at deployment, so a rule named after it cannot be planned. ` +
                    `Pass it in ${args.securityGroups} instead, keyed by a stable label ({ bastion: bastionSg.id }), ` +
                    `so adding or removing another source never renames this rule`,
            );
        }
        if (!isEc2Id(id, "sg")) {
            throw new InputError(`${args.securityGroupIds}[${i}]`, `${quoted(id)} is not a security group id (sg- followed by 8 or 17 hex digits)`);
        }
        add({ key: id, securityGroupId: id }, args.securityGroupIds);
    }
    const groups: unknown = sources.securityGroups;
    if (groups !== undefined && groups !== null && (typeof groups !== "object" || Array.isArray(groups))) {
        throw new InputError(args.securityGroups, `expected a map of stable labels to security group ids ({ bastion: bastionSg.id }), got ${described(groups)}`);
    }
    for (const [label, id] of Object.entries(sources.securityGroups ?? {})) {
        if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(label)) {
            throw new InputError(`${args.securityGroups}.${label}`, `labels name child resources: use lower-case letters, digits and dashes`);
        }
        if (typeof id !== "string" && isPlainShape(id)) {
            throw new InputError(`${args.securityGroups}.${label}`, `expected a security group id (a string or an Output), got ${described(id)}`);
        }
        add({ key: label, securityGroupId: id }, args.securityGroups);
    }
    return out;
}

