// Runs `npm run plan` (scripts/plan.ts) in a child process, as a user runs it.
import { execFile } from "child_process";
import * as assert from "assert";
import * as path from "path";
import type { PlanResult } from "../../plan/run";

const root = path.resolve(__dirname, "../..");

export function runPlanCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        execFile(
            process.execPath,
            [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/plan.ts", ...args],
            { cwd: root, maxBuffer: 32 * 1024 * 1024 },
            (err, stdout, stderr) => resolve({ code: err ? ((err as any).code ?? 1) : 0, stdout, stderr }),
        );
    });
}

/** The plan as `--json` prints it; its stack outputs are read as the JSON they are (each test knows its program's). */
export type PlanJson = Omit<PlanResult, "outputs"> & { outputs: Record<string, any> };

export async function planJson(args: string[]): Promise<{ code: number; plan: PlanJson }> {
    const { code, stdout, stderr } = await runPlanCli([...args, "--json"]);
    try {
        return { code, plan: JSON.parse(stdout) as PlanJson };
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
