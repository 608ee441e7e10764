// A small fake AWS for the offline plan and the tests: `pulumi.runtime.setMocks` with answers shaped like what AWS
// returns (ids, ARNs, endpoint URLs, VPC attributes, AZs) and a recorder of everything a program registered.
//
// Values are deterministic (derived from the resource's type and name) so plans and tests are repeatable. `world`
// holds the facts a program may look up (world.ts); tests change it to describe the account they need and call
// `reset()` afterwards. Resource answers are split by service (ec2, eks, iam, ram, route53resolver; resources.ts
// lists them), look-ups are in invokes.ts, the recorder in recorder.ts; types.ts checks every answer against
// @pulumi/aws's own state and result types.
import * as pulumi from "@pulumi/pulumi";
import { setReachabilityChecker } from "../../adapters/reachability";
import { callHandlers } from "./invokes";
import { Recorder } from "./recorder";
import { registered } from "./resources";
import type { Inputs } from "./types";
import { defaultWorld, MockWorld } from "./world";

export { azsOf, defaultWorld, NETWORK_STACK, partitionOf, stableHex } from "./world";
export type { MockSubnet, MockVpc, MockWorld } from "./world";
export type { RecordedCall, RecordedResource } from "./recorder";

/**
 * The mocks and the recorder. One instance is installed per process (`installMocks`); tests read what a
 * program registered from `resources` and describe the account through `world`.
 */
export class MockAws extends Recorder implements pulumi.runtime.Mocks {
    world: MockWorld = defaultWorld();

    /** Clears recorded resources and calls and restores the default account. */
    reset(region = "us-east-1"): void {
        this.world = defaultWorld(region);
        this.clear();
    }

    /** Region from the `aws:region` config when a program sets it, else the world's. */
    private syncRegion(): void {
        const region = new pulumi.Config("aws").get("region");
        if (region && region !== this.world.region) {
            const { endpointServices, stackOutputs, homeVpcId } = this.world;
            this.world = { ...defaultWorld(region), endpointServices, stackOutputs, homeVpcId };
        }
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Inputs } {
        this.syncRegion();
        return withReason(() => registered(args, this.world));
    }

    call(args: pulumi.runtime.MockCallArgs): Inputs {
        this.syncRegion();
        const inputs = args.inputs as Inputs;
        this.calls.push({ token: args.token, inputs });
        const handler = callHandlers[args.token];
        if (!handler) throw new Error(`offline plan has no mock for the function ${args.token}`);
        return withReason(() => handler(inputs, this.world) as Inputs);
    }
}

/**
 * Runs a mock handler so that its failure keeps its reason: the SDK rebuilds an error from a mock as
 * `new Error(err.details)` (the gRPC status detail), which a plain Error does not have, so the user saw an empty
 * message.
 */
function withReason<T>(handler: () => T): T {
    try {
        return handler();
    } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        Object.assign(error, { details: error.message });
        throw error;
    }
}

let installed: MockAws | undefined;

/**
 * Sets the Pulumi mocks for this process once and returns the shared instance. Project and stack name the
 * program the way `pulumi up` would (they decide the config namespace).
 */
export async function installMocks(project = "eks-private-access", stack = "test", preview = false): Promise<MockAws> {
    if (installed) return installed;
    const mocks = new MockAws();
    await pulumi.runtime.setMocks(mocks, project, stack, preview);
    mocks.attach(pulumi.runtime.getMonitor());
    setReachabilityChecker(undefined); // mocked endpoints are made up: reachabilityCheck "up" has nothing to reach
    installed = mocks;
    return mocks;
}

/** The installed mocks; throws if `installMocks` has not run. */
export function mockAws(): MockAws {
    if (!installed) throw new Error("installMocks() has not run: tests get it from tests/hooks.ts");
    return installed;
}

/** Resolves an Output (or plain value) to its value; rejects when the Output failed. */
export function valueOf<T>(output: pulumi.Input<T>): Promise<T> {
    // `promise()` is the SDK's own accessor (internal in its typings); unlike `apply`, it rejects on failure.
    return (pulumi.output(output) as unknown as { promise(): Promise<T> }).promise();
}
