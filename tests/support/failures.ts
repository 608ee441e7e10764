// A failed Output that a component registers makes the Pulumi program fail through an unhandled rejection,
// as it does under `pulumi up`. Tests that expect such a failure collect it here instead of letting mocha
// blame whichever test runs next.
import * as pulumi from "@pulumi/pulumi";
import { messageOf } from "../../plan/run";

/**
 * Runs `fn`, waits for every outstanding registration, and returns the distinct messages of the program's
 * failures (one failed Output rejects every promise chain built on it).
 */
export async function programFailures(fn: () => Promise<unknown> | unknown): Promise<string[]> {
    const previous = process.listeners("unhandledRejection");
    process.removeAllListeners("unhandledRejection");
    const seen: string[] = [];
    const collect = (reason: unknown) => seen.push(messageOf(reason));
    process.on("unhandledRejection", collect);
    try {
        await fn();
        await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
        await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
        process.off("unhandledRejection", collect);
        for (const listener of previous) process.on("unhandledRejection", listener as (...args: any[]) => void);
    }
    return [...new Set(seen)];
}
