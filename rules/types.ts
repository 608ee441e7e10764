// Shared shapes of the policy rules: what a rule is (metadata plus one plain check function), what it reads
// (a resource's inputs, or every resource of a stack) and what it reports. The CrossGuard pack (policy/) and the
// offline plan (rules/evaluate.ts) both wrap these; neither re-implements a check.

/** The two rule sets the pack ships: advice by default, enforcement for teams that want previews to fail. */
export const Profile = {
    /** Every finding is advisory, except configurations EKS itself rejects. */
    Recommended: "recommended",
    /** Every finding is mandatory: `pulumi preview` fails. */
    Strict: "strict",
} as const;
export type Profile = (typeof Profile)[keyof typeof Profile];

/** What a finding does: advisory findings are printed, mandatory findings fail the preview. */
export type EnforcementLevel = "advisory" | "mandatory";

/** The severities @pulumi/policy knows. */
export type Severity = "low" | "medium" | "high" | "critical";

/** A JSON schema for one config knob, in the subset @pulumi/policy's `configSchema` accepts. */
export interface KnobSchema {
    type: "string" | "number" | "integer" | "boolean" | "array" | "object";
    description: string;
    items?: { type: "string" };
    /** A JSON value, as @pulumi/policy's PolicyConfigJSONSchemaType. */
    default?: string | number | boolean | object | null;
}

/** What every rule states about itself; the pack turns it into a policy, the README into a table row. */
export interface RuleMeta {
    /** Unique, kebab-case; the policy name in the pack and in policy config files. */
    name: string;
    description: string;
    severity: Severity;
    /** Level in each profile; the `recommended` level is the rule's default. */
    enforcement: Record<Profile, EnforcementLevel>;
    /** What to change to pass. */
    remediation: string;
    /** The AWS documentation section the rule comes from. */
    link: string;
    /** The AWS documentation URL and section (or the scanner check) the rule is taken from. */
    source: string;
    /** Resource types the rule reads. */
    resourceTypes: string[];
    /** Config knobs, with defaults; absent when the rule has none. */
    configSchema?: Record<string, KnobSchema>;
}

/** A resource's inputs (or a nested object of them) as a rule reads them: any shape, narrowed where read (values.ts). */
export type Props = Record<string, unknown>;

/** One resource as a resource rule sees it: its inputs, possibly wrapped in @pulumi/policy's unknown-checking proxy. */
export interface RuleResource {
    type: string;
    urn: string;
    name: string;
    inputs: Props;
}

/**
 * One resource as a stack rule sees it. `id` and the dependency maps are optional: the pack knows the URNs a
 * property depends on, the offline plan knows the mocked ids; joins use whichever is present.
 */
export interface StackResource extends RuleResource {
    parent?: string;
    id?: string;
    /** URNs each top-level input depends on (`vpcConfig` -> the subnets whose ids it holds). */
    propertyDependencies?: Record<string, string[]>;
}

/** A rule's finding before the wrapper adds level and metadata. `urn` defaults to the judged resource. */
export interface Violation {
    message: string;
    urn?: string;
}

export type RuleConfig = Record<string, unknown>;

export interface ResourceRule extends RuleMeta {
    kind: "resource";
    /** Messages for one resource (empty when it passes). Throws RuleNotApplicable when the rule does not judge it. */
    check: (resource: RuleResource, config: RuleConfig) => string[];
}

export interface StackRule extends RuleMeta {
    kind: "stack";
    /** Findings for the whole stack (empty when it passes). */
    check: (resources: StackResource[], config: RuleConfig) => Violation[];
}

export type Rule = ResourceRule | StackRule;

/** Thrown by a check that does not judge this resource; the pack reports it through `args.notApplicable`. */
export class RuleNotApplicable extends Error {
    constructor(readonly reason: string) {
        super(reason);
        this.name = "RuleNotApplicable";
    }
}

/** A finding as the offline plan prints it and adds to `--json`. */
export interface PolicyFinding {
    policy: string;
    enforcementLevel: EnforcementLevel;
    severity: string;
    urn?: string;
    message: string;
    remediation: string;
    link: string;
}

/** A resource as the offline plan hands it to `evaluatePolicies`. */
export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    parent?: string;
    inputs: Props;
    /** The resource's id when known (the mocks give one to every custom resource); used to join references. */
    id?: string;
    /** URNs each top-level input depends on, when known. */
    propertyDependencies?: Record<string, string[]>;
}

/** Reads a rule's config: the schema defaults overlaid with what the user set. */
export function configWithDefaults(rule: RuleMeta, given: RuleConfig | undefined): RuleConfig {
    const out: RuleConfig = {};
    for (const [key, schema] of Object.entries(rule.configSchema ?? {})) {
        if (schema.default !== undefined) out[key] = schema.default;
    }
    for (const [key, value] of Object.entries(given ?? {})) {
        if (key !== "enforcementLevel" && value !== undefined) out[key] = value;
    }
    return out;
}
