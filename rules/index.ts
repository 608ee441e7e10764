// Every rule of the policy pack, in one list, with the metadata the pack, the offline plan and the README use.
import { endpointRules } from "./endpointRules";
import { hardeningRules } from "./hardeningRules";
import { resolverRules } from "./resolverRules";
import { securityGroupRules } from "./securityGroupRules";
import { EnforcementLevel, Profile, Rule, RuleMeta } from "./types";
import { vpcRules } from "./vpcRules";

export * from "./types";

/** All rules, in the order of issue 5 (1-6, 7-8, 9-10, 11, 12), then the version knob. */
export const rules: Rule[] = [
    ...endpointRules.filter((r) => r.name !== "eks-kubernetes-version-allowed"),
    ...vpcRules,
    ...securityGroupRules,
    ...resolverRules,
    ...hardeningRules,
    ...endpointRules.filter((r) => r.name === "eks-kubernetes-version-allowed"),
];

/** Metadata only (no check functions): for docs, `--json` and config files. */
export function ruleMetadata(): RuleMeta[] {
    return rules.map(({ name, description, severity, enforcement, remediation, link, source, resourceTypes, configSchema }) => ({
        name,
        description,
        severity,
        enforcement,
        remediation,
        link,
        source,
        resourceTypes,
        ...(configSchema ? { configSchema } : {}),
    }));
}

/** A rule's enforcement level in a profile. */
export function levelIn(rule: RuleMeta, profile: Profile): EnforcementLevel {
    return rule.enforcement[profile];
}

/**
 * A policy pack config file for a profile (`pulumi preview --policy-pack policy --policy-pack-config <file>`): each
 * policy's enforcement level in that profile. policy/profiles/*.json are this, written out.
 */
export function profileConfig(profile: Profile): Record<string, { enforcementLevel: EnforcementLevel }> {
    return Object.fromEntries(rules.map((r) => [r.name, { enforcementLevel: levelIn(r, profile) }]));
}
