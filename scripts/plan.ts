// npm run plan -- [program dir] [--json] [--stack NAME] [--config key=value ...] [--policy recommended|strict] [--world FILE] [--typecheck]
// Runs a Pulumi program of this repo offline under mocks and prints what `pulumi up` would create.
import * as fs from "fs";
import { parseArgs } from "util";
import { renderPlan } from "../plan/render";
import { messageOf, runPlan } from "../plan/run";

const usage =
    "usage: npm run plan -- [program dir] [--json] [--stack NAME] [--config key=value ...] [--policy recommended|strict] [--policy-config FILE] [--world FILE] [--typecheck]";

async function main(): Promise<number> {
    const { values, positionals } = parseArgs({
        allowPositionals: true,
        options: {
            json: { type: "boolean", default: false },
            stack: { type: "string" },
            config: { type: "string", multiple: true, default: [] },
            policy: { type: "string", default: "recommended" },
            "policy-config": { type: "string" },
            world: { type: "string" },
            typecheck: { type: "boolean", default: false },
            help: { type: "boolean", short: "h", default: false },
        },
    });
    if (values.help) {
        console.log(usage);
        return 0;
    }
    if (positionals.length > 1) throw new Error(`one program directory at most\n${usage}`);
    const config: Record<string, string> = {};
    for (const pair of values.config ?? []) {
        const eq = pair.indexOf("=");
        if (eq <= 0) throw new Error(`--config takes key=value, got ${JSON.stringify(pair)}`);
        // `pulumi config set a.b v` (no --path) stores a key named "a.b", which no program reads as b inside a.
        const key = pair.slice(0, eq).replace(/^[^:]*:/, "");
        if (/[.[]/.test(key)) {
            const [section] = key.split(/[.[]/);
            throw new Error(
                `--config ${pair.slice(0, eq)}: the Pulumi CLI stores this as a key named "${key}", not as a value inside ${section}; ` +
                    `give the whole section as JSON (--config '${section}={...}'), or set it in the stack with pulumi config set --path '${key}' VALUE`,
            );
        }
        config[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const policy = values.policy;
    if (policy !== "recommended" && policy !== "strict") throw new Error(`--policy takes recommended or strict, got ${JSON.stringify(policy)}`);
    const policyConfig = values["policy-config"] ? (JSON.parse(fs.readFileSync(values["policy-config"], "utf8")) as Record<string, unknown>) : undefined;
    const plan = await runPlan(positionals[0] ?? ".", { stack: values.stack, config, policy, policyConfig, world: values.world, typecheck: values.typecheck });
    // Timings vary run to run; the JSON document is the plan (npm run bench reports them).
    const document = { ...plan, timings: undefined };
    process.stdout.write((values.json ? JSON.stringify(document, null, 2) : renderPlan(plan)) + "\n");
    // Like `pulumi preview --policy-pack`: a mandatory finding fails the run.
    const mandatory = plan.policy.findings.some((f) => f.enforcementLevel === "mandatory");
    return plan.errors.length > 0 || mandatory ? 1 : 0;
}

// Exit once stdout has drained: a plan larger than the pipe buffer would otherwise be cut off.
const exitAfterFlush = (code: number) => process.stdout.write("", () => process.exit(code));
main().then(exitAfterFlush, (err) => {
    console.error(`plan: ${messageOf(err)}`);
    exitAfterFlush(2);
});
