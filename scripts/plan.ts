// npm run plan -- [program dir] [--json] [--stack NAME] [--config key=value ...]
// Runs a Pulumi program of this repo offline under mocks and prints what `pulumi up` would create.
import { parseArgs } from "util";
import { renderPlan } from "../plan/render";
import { runPlan } from "../plan/run";

const usage = "usage: npm run plan -- [program dir] [--json] [--stack NAME] [--config key=value ...]";

async function main(): Promise<number> {
    const { values, positionals } = parseArgs({
        allowPositionals: true,
        options: {
            json: { type: "boolean", default: false },
            stack: { type: "string" },
            config: { type: "string", multiple: true, default: [] },
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
        config[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const plan = await runPlan(positionals[0] ?? ".", { stack: values.stack, config });
    process.stdout.write((values.json ? JSON.stringify(plan, null, 2) : renderPlan(plan)) + "\n");
    return plan.errors.length > 0 ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (err) => {
        console.error(`plan: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(2);
    },
);
