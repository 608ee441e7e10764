// The offline plan's entry point: runs every rule on the planned resources the way the policy pack runs them
// under `pulumi preview --policy-pack policy`, and returns the findings with their level in the chosen profile.
import { levelIn, rules } from "./index";
import { configWithDefaults, PlanResource, Props, PolicyFinding, Profile, Rule, RuleConfig, RuleNotApplicable, StackResource } from "./types";
import { unknownCheckingProxy, UnknownValueError, withSentinels } from "./values";

export type { PlanResource, PolicyFinding, Profile } from "./types";

export interface EvaluateOptions {
    profile: Profile;
    /**
     * Policy config in the pack's format (`--policy-pack-config`): policy name -> an enforcement level, or an object
     * with an optional `enforcementLevel` and the rule's knobs.
     */
    config?: Record<string, unknown>;
}

type Level = "advisory" | "mandatory" | "disabled";

function levelOf(rule: Rule, profile: Profile, given: unknown): Level {
    const set = typeof given === "string" ? given : (given as { enforcementLevel?: string } | undefined)?.enforcementLevel;
    if (set === "disabled" || set === "advisory" || set === "mandatory") return set;
    // The SDK reports a violation of a "remediate" policy as mandatory.
    if (set === "remediate") return "mandatory";
    return levelIn(rule, profile);
}

function knobsOf(given: unknown): RuleConfig | undefined {
    return given !== null && typeof given === "object" ? (given as RuleConfig) : undefined;
}

/** Runs every rule on the resources; findings come in rule order, then resource order. */
export function evaluatePolicies(resources: PlanResource[], options: EvaluateOptions): PolicyFinding[] {
    const prepared: StackResource[] = resources.map((r) => ({
        urn: r.urn,
        type: r.type,
        name: r.name,
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.id ? { id: r.id } : {}),
        ...(r.propertyDependencies ? { propertyDependencies: r.propertyDependencies } : {}),
        inputs: unknownCheckingProxy((withSentinels(r.inputs ?? {}) as Props | undefined) ?? {}),
    }));
    const findings: PolicyFinding[] = [];
    for (const rule of rules) {
        const given = options.config?.[rule.name];
        const level = levelOf(rule, options.profile, given);
        if (level === "disabled") continue;
        const config = configWithDefaults(rule, knobsOf(given));
        const finding = (message: string, urn: string | undefined, enforcementLevel = level): PolicyFinding => ({
            policy: rule.name,
            enforcementLevel,
            severity: rule.severity,
            ...(urn ? { urn } : {}),
            message,
            remediation: rule.remediation,
            link: rule.link,
        });
        // Like the SDK: a rule that reads a value unknown during preview gives an advisory note, not a verdict.
        const cannotRun = (err: Error) => `can't run policy '${rule.name}' during preview: ${err.message}`;
        if (rule.kind === "resource") {
            for (const r of prepared.filter((p) => rule.resourceTypes.includes(p.type))) {
                try {
                    for (const message of rule.check(r, config)) findings.push(finding(message, r.urn));
                } catch (err) {
                    if (err instanceof RuleNotApplicable) continue;
                    if (err instanceof UnknownValueError) findings.push(finding(cannotRun(err), r.urn, "advisory"));
                    else throw err;
                }
            }
        } else {
            if (!prepared.some((p) => rule.resourceTypes.includes(p.type))) continue;
            try {
                for (const v of rule.check(prepared, config)) findings.push(finding(v.message, v.urn));
            } catch (err) {
                if (err instanceof RuleNotApplicable) continue;
                if (err instanceof UnknownValueError) findings.push(finding(cannotRun(err), undefined, "advisory"));
                else throw err;
            }
        }
    }
    return findings;
}
