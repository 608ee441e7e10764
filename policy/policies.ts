// Wraps each plain rule of rules/ into a CrossGuard policy: resource rules become `validateResource`, stack rules
// `validateStack`. Kept apart from index.ts so tests can build the policies without starting the pack's server.
import type {
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { levelIn, rules } from "../rules/index";
import { configWithDefaults, Profile, ResourceRule, RuleConfig, RuleMeta, RuleNotApplicable, StackResource, StackRule } from "../rules/types";

/** The profile named by EKS_PRIVATE_ACCESS_POLICY_PROFILE, or `recommended`. */
export function profileFromEnv(env: NodeJS.ProcessEnv = process.env): Profile {
    const value = env.EKS_PRIVATE_ACCESS_POLICY_PROFILE;
    if (value === undefined || value === "") return Profile.Recommended;
    if (value === Profile.Recommended || value === Profile.Strict) return value;
    throw new Error(`EKS_PRIVATE_ACCESS_POLICY_PROFILE=${JSON.stringify(value)}: use "recommended" or "strict"`);
}

function common(rule: RuleMeta, profile: Profile) {
    const configSchema: PolicyConfigSchema | undefined = rule.configSchema
        ? { properties: Object.fromEntries(Object.entries(rule.configSchema).map(([k, v]): [string, PolicyConfigSchema["properties"][string]] => [k, { ...v }])) }
        : undefined;
    return {
        name: rule.name,
        description: rule.description,
        enforcementLevel: levelIn(rule, profile),
        severity: rule.severity,
        remediationSteps: rule.remediation,
        url: rule.link,
        ...(configSchema ? { configSchema } : {}),
    };
}

function resourcePolicy(rule: ResourceRule, profile: Profile): ResourceValidationPolicy {
    return {
        ...common(rule, profile),
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            if (!rule.resourceTypes.includes(args.type)) {
                args.notApplicable(`Policy only applies to resources of type ${rule.resourceTypes.map((t) => `'${t}'`).join(", ")}`);
            }
            let messages: string[];
            try {
                messages = rule.check({ type: args.type, urn: args.urn, name: args.name, inputs: args.props }, configWithDefaults(rule, args.getConfig<RuleConfig>()));
            } catch (err) {
                if (err instanceof RuleNotApplicable) args.notApplicable(err.reason);
                throw err;
            }
            for (const message of messages) reportViolation(message);
        },
    };
}

function stackPolicy(rule: StackRule, profile: Profile): StackValidationPolicy {
    return {
        ...common(rule, profile),
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            if (!args.resources.some((r) => rule.resourceTypes.includes(r.type))) {
                args.notApplicable(`Policy only applies to stacks with resources of type ${rule.resourceTypes.map((t) => `'${t}'`).join(", ")}`);
            }
            const resources: StackResource[] = args.resources.map((r) => ({
                urn: r.urn,
                type: r.type,
                name: r.name,
                ...(r.parent ? { parent: r.parent.urn } : {}),
                inputs: r.props,
                propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, deps]) => [k, deps.map((d) => d.urn)])),
            }));
            let violations;
            try {
                violations = rule.check(resources, configWithDefaults(rule, args.getConfig<RuleConfig>()));
            } catch (err) {
                if (err instanceof RuleNotApplicable) args.notApplicable(err.reason);
                throw err;
            }
            for (const v of violations) reportViolation(v.message, v.urn);
        },
    };
}

/** The pack's policies, with each rule's enforcement level in `profile` as its default. */
export function buildPolicies(profile: Profile = Profile.Recommended): (ResourceValidationPolicy | StackValidationPolicy)[] {
    return rules.map((rule) => (rule.kind === "resource" ? resourcePolicy(rule, profile) : stackPolicy(rule, profile)));
}
