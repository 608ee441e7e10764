// A failed Output that a component registers makes the Pulumi program fail through an unhandled rejection,
// as it does under `pulumi up`. Tests that expect such a failure collect it here instead of letting mocha
// blame whichever test runs next.
import * as pulumi from "@pulumi/pulumi";
import * as runtimeState from "@pulumi/pulumi/runtime/state";
import { messageOf } from "../../plan/run";

interface RuntimeStore {
    settings: { rpcDone: Promise<void> };
}

/** How long a failed program is given to report further failures before it is taken as ended. */
const SETTLE_MS = 200;

/**
 * Runs `fn`, waits for every outstanding registration, and returns the distinct messages of the program's
 * failures (one failed Output rejects every promise chain built on it).
 *
 * A resource whose input Output rejected is never registered, so whatever waits on its id never settles and the
 * SDK's RPC queue never drains: under the CLI the unhandled rejection ends the program there. Here the failed
 * program ends once its failures have stopped coming, and the RPC queue is started afresh for the next test's
 * program (as `resetOptions` does), so one failed program cannot hang the ones after it.
 */
export async function programFailures(fn: () => unknown): Promise<string[]> {
    const previous = process.listeners("unhandledRejection");
    process.removeAllListeners("unhandledRejection");
    const seen: string[] = [];
    let lastFailure = 0;
    const collect = (reason: unknown) => {
        seen.push(messageOf(reason));
        lastFailure = Date.now();
    };
    process.on("unhandledRejection", collect);
    try {
        try {
            await fn();
        } catch (err) {
            collect(err);
        }
        const runtime = pulumi.runtime as unknown as { waitForRPCs(): Promise<void> };
        let drained = false;
        void runtime.waitForRPCs().then(() => (drained = true));
        while (!drained && (seen.length === 0 || Date.now() - lastFailure < SETTLE_MS)) {
            await new Promise((resolve) => setTimeout(resolve, 10));
        }
        if (!drained) restartRpcQueue();
        await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
        process.off("unhandledRejection", collect);
        for (const listener of previous) process.on("unhandledRejection", listener);
    }
    return [...new Set(seen)];
}

/**
 * Starts the SDK's RPC queue afresh, as `resetOptions` does: a program whose queue never drains (a registration
 * waits on an Output that failed) cannot hang the programs after it.
 */
export function restartRpcQueue(): void {
    // SDK internals: runtime/state exports getStore, which its published typings leave out.
    const store = (runtimeState as unknown as { getStore(): RuntimeStore }).getStore();
    store.settings.rpcDone = Promise.resolve();
}
