// npx tsx bench/rules.ts [--clusters 1000] [--runs 3]: time each policy rule on the plan of bench/programs/ours with
// N clusters, in the process that made the plan (as `npm run plan` runs them). Each rule runs `runs` times on the
// same prepared resources and the fastest run is reported: a rule whose time grows much faster than the cluster
// count between two sizes is scanning the stack per resource instead of indexing it once.
import * as path from "path";
import { parseArgs } from "util";
import { table } from "./stats";

async function main(): Promise<void> {
    const { values } = parseArgs({ options: { clusters: { type: "string", default: "100" }, runs: { type: "string", default: "3" } } });
    const { runPlan } = await import("../plan/run");
    const { rules } = await import("../rules/index");
    const { configWithDefaults, RuleNotApplicable } = await import("../rules/types");
    const { unknownCheckingProxy, withSentinels } = await import("../rules/values");
    const plan = await runPlan(path.resolve(__dirname, "programs/ours"), { config: { clusters: values.clusters } });
    if (plan.errors.length > 0) throw new Error(`the plan has errors: ${plan.errors.map((e) => e.message).join("; ")}`);
    // As rules/evaluate.ts prepares them: the SDK's unknown-checking proxy over the inputs.
    let started = performance.now();
    const prepared = plan.resources.map((r) => ({ ...r, inputs: unknownCheckingProxy((withSentinels(r.inputs ?? {}) as Record<string, unknown>) ?? {}) }));
    const rows = [["(preparing the resources)", (performance.now() - started).toFixed(0), ""]];
    let total = 0;
    for (const rule of rules) {
        const config = configWithDefaults(rule, undefined);
        const judged = rule.kind === "resource" ? prepared.filter((r) => rule.resourceTypes.includes(r.type)) : [];
        let best = Infinity;
        let findings = 0;
        for (let run = 0; run < Number(values.runs); run++) {
            started = performance.now();
            findings = 0;
            if (rule.kind === "stack") findings = rule.check(prepared, config).length;
            else {
                for (const r of judged) {
                    try {
                        findings += rule.check(r, config).length;
                    } catch (err) {
                        if (!(err instanceof RuleNotApplicable)) throw err;
                    }
                }
            }
            best = Math.min(best, performance.now() - started);
        }
        total += best;
        rows.push([rule.name, best.toFixed(0), String(findings)]);
    }
    rows.push(["(all rules)", total.toFixed(0), ""]);
    console.log(`Policy rules on ${plan.resources.length} planned resources (${values.clusters} clusters), fastest of ${values.runs} runs\n`);
    console.log(table(["rule", "ms", "findings"], rows));
}

main().then(
    () => process.exit(0),
    (err) => {
        console.error(`bench/rules: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
    },
);
