// Runs `npm run plan` (scripts/plan.ts) in a child process, as a user runs it.
import { execFile } from "child_process";
import * as assert from "assert";
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import type { PlanResult } from "../../plan/run";
import type * as rootStack from "../../stack/index";

const root = path.resolve(__dirname, "../..");

export function runPlanCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        execFile(
            process.execPath,
            [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/plan.ts", ...args],
            { cwd: root, maxBuffer: 32 * 1024 * 1024 },
            (err, stdout, stderr) => resolve({ code: err ? ((err.code ?? 1) as number) : 0, stdout, stderr }),
        );
    });
}

/** The plan as `--json` prints it, with the stack outputs of the program planned (each test knows its program's). */
export type PlanJson<Outputs = Record<string, unknown>> = Omit<PlanResult, "outputs"> & { outputs: Outputs };

/** A program's stack outputs as the plan prints them: each export's plain value (an Output's, a promise's). */
export type ProgramOutputs<Program> = { [K in keyof Program]: pulumi.Unwrap<Program[K]> };

/** The root stack's (stack/index.ts) outputs, undefined where the sections that export them are not configured. */
export type RootStackOutputs = ProgramOutputs<typeof rootStack>;

export async function planJson<Outputs = Record<string, unknown>>(args: string[]): Promise<{ code: number; plan: PlanJson<Outputs> }> {
    const { code, stdout, stderr } = await runPlanCli([...args, "--json"]);
    try {
        return { code, plan: JSON.parse(stdout) as PlanJson<Outputs> };
    } catch {
        throw new Error(`plan printed no JSON (exit ${code}): ${stderr}${stdout}`);
    }
}


/** Every planned resource as `type name`. */
export const names = (plan: PlanResult): string[] => plan.resources.map((r) => `${r.type} ${r.name}`);

/** The planned resource called `name`; fails the test, listing the plan, when there is none. */
export function byName(plan: PlanResult, name: string): PlanResult["resources"][number] {
    const found = plan.resources.find((r) => r.name === name);
    assert.ok(found, `${name} is not in the plan: ${names(plan).join(", ")}`);
    return found;
}
