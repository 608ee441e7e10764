// Runs one fuzzed call as a program under the mocks and says what became of it: the error thrown at once, the
// failures reported while the program ran (failed Outputs, unhandled rejections) and what was registered.
//
// Unlike support/failures.ts, which gives a failed program 200 ms of quiet, a run here ends as soon as the
// program has done nothing for QUIET_MS: everything the mocks do is in-process (promise callbacks, no timers),
// so a program that made no registration, look-up, RPC or failure for that long has nothing left to do, and
// a fuzz run of thousands of programs stays within its time budget.
import * as pulumi from "@pulumi/pulumi";
import { mockAws, RecordedResource } from "../../plan/mocks";
import { restartRpcQueue } from "./failures";

type Settings = { rpcKeepAlive(): () => void };

/** How long a program may be idle before it is taken as ended. */
const QUIET_MS = 25;
/** The longest a run may take (a check that hangs is a defect, not a slow test). */
const LIMIT_MS = 5000;

export interface ProgramRun {
    /** The value the build returned (a component, or a function's result once settled). */
    value?: unknown;
    /** What the build threw at once, or its promise rejected with. */
    thrown?: unknown;
    /** Failures reported while the program ran, each once. */
    failures: unknown[];
    /** Every resource registered, in order. */
    registered: RecordedResource[];
    /** True when the run was still busy at LIMIT_MS. */
    hung: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- SDK internals: rpcKeepAlive is replaced on the module object the SDK calls it through, which an import binding cannot be
const settings = require("@pulumi/pulumi/runtime/settings") as Settings;
// eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back on settings, never called detached
const originalKeepAlive = settings.rpcKeepAlive;
let activity = 0;

/** Counts the SDK's RPC starts and ends as activity, so a busy program is never taken as idle. */
function countActivity(): void {
    if (settings.rpcKeepAlive !== originalKeepAlive) return;
    settings.rpcKeepAlive = () => {
        activity++;
        const done = originalKeepAlive();
        return () => {
            activity++;
            done();
        };
    };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds under a fresh mocked account and waits until the program has ended: every registration finished, or
 * nothing happened for QUIET_MS (a resource waiting on a failed Output never registers). Outputs the returned
 * component exposes are awaited too, so a failure no resource consumes is still seen.
 */
export async function runProgram(build: () => unknown): Promise<ProgramRun> {
    countActivity();
    mockAws().reset();
    const failures: unknown[] = [];
    const messages = new Set<string>();
    const fail = (reason: unknown) => {
        activity++;
        const key = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
        if (!messages.has(key)) failures.push(reason);
        messages.add(key);
    };
    const previous = process.listeners("unhandledRejection");
    process.removeAllListeners("unhandledRejection");
    process.on("unhandledRejection", fail);
    const run: ProgramRun = { failures, registered: [], hung: false };
    try {
        try {
            run.value = build();
            if (run.value instanceof Promise) run.value = await Promise.race([run.value, tick(LIMIT_MS).then(() => (run.hung = true))]);
        } catch (err) {
            run.thrown = err;
        }
        if (run.value instanceof pulumi.ComponentResource) watchOutputs(run.value, fail);
        await settle(() => run.hung);
    } finally {
        process.off("unhandledRejection", fail);
        for (const listener of previous) process.on("unhandledRejection", listener as (...args: unknown[]) => void);
    }
    run.registered = [...mockAws().resources.values()];
    return run;
}

/** Waits until the RPC queue drains or the program is idle; then starts the queue afresh for the next run. */
async function settle(hung: () => boolean): Promise<void> {
    const runtime = pulumi.runtime as unknown as { waitForRPCs(): Promise<void> };
    let drained = false;
    void runtime.waitForRPCs().then(() => (drained = true));
    const started = Date.now();
    let seen = -1;
    let quietSince = Date.now();
    while (!drained && !hung()) {
        await tick(5);
        const now = activity + mockAws().resources.size + mockAws().calls.length;
        if (now !== seen) [seen, quietSince] = [now, Date.now()];
        else if (Date.now() - quietSince >= QUIET_MS) break;
        if (Date.now() - started > LIMIT_MS) return restartRpcQueue();
    }
    if (!drained) restartRpcQueue();
}

/** Reports a failure of any Output the component exposes (its own, or one level down in a list or map). */
function watchOutputs(component: pulumi.ComponentResource, fail: (reason: unknown) => void): void {
    const outputs = Object.values(component).flatMap((v: unknown) =>
        pulumi.Output.isInstance(v) ? [v] : v !== null && typeof v === "object" ? Object.values(v).filter((x) => pulumi.Output.isInstance(x)) : [],
    );
    for (const output of outputs) {
        (output as unknown as { promise(): Promise<unknown> }).promise().catch(fail);
    }
}

/** The resources under `urn` (its children, their children, ...). */
export function descendants(registered: RecordedResource[], urn: string): RecordedResource[] {
    const under = new Set([urn]);
    const out: RecordedResource[] = [];
    for (const r of registered) {
        if (r.parent !== undefined && under.has(r.parent)) {
            under.add(r.urn);
            out.push(r);
        }
    }
    return out;
}
