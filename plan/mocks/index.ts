// Mock AWS used by the offline plan and the tests: `pulumi.runtime.setMocks` with values shaped like what AWS
// returns (ids, ARNs, endpoint URLs, VPC attributes, AZs), and a recorder that keeps every registered
// resource with its parent so the plan can print a tree.
//
// Values are deterministic (derived from the resource's type and name) so plans and tests are repeatable.
// `world` holds the facts a program may look up (world.ts); tests change it to describe the account they need and
// call `reset()` afterwards. Resource outputs are in resources.ts, look-ups in invokes.ts.
import * as pulumi from "@pulumi/pulumi";
import { setReachabilityChecker } from "../../adapters/reachability";
import { CallHandler, callHandlers } from "./invokes";
import { idPrefixes, resourceHandlers, ResourceHandler } from "./resources";
import { arnOf, defaultWorld, MockWorld, stableHex } from "./world";

export { azsOf, defaultWorld, NETWORK_STACK, partitionOf, stableHex } from "./world";
export type { MockSubnet, MockVpc, MockWorld } from "./world";

export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    /** The parent's URN; absent at top level. */
    parent?: string;
    /** True for resources a provider creates, false for components (remote ones such as eks:index:Cluster too). */
    custom: boolean;
    /** The mocked provider id (custom resources). */
    id?: string;
    inputs: Record<string, any>;
    /** Outputs a component registered with `registerOutputs` (components only). */
    outputs?: Record<string, any>;
}

export interface RecordedCall {
    token: string;
    inputs: Record<string, any>;
}

/**
 * The mocks and the recorder. One instance is installed per process (`installMocks`); tests read what a
 * program registered from `resources` and describe the account through `world`.
 */
export class MockAws implements pulumi.runtime.Mocks {
    world: MockWorld = defaultWorld();
    resources = new Map<string, RecordedResource>();
    calls: RecordedCall[] = [];
    private pendingParents = new Map<string, string | undefined>();

    /** Clears recorded resources and calls and restores the default account. */
    reset(region = "us-east-1"): void {
        this.world = defaultWorld(region);
        this.resources.clear();
        this.calls = [];
    }

    /** Region from the `aws:region` config when a program sets it, else the world's. */
    private syncRegion(): void {
        const region = new pulumi.Config("aws").get("region");
        if (region && region !== this.world.region) {
            const { endpointServices, stackOutputs, homeVpcId } = this.world;
            this.world = { ...defaultWorld(region), endpointServices, stackOutputs, homeVpcId };
        }
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        this.syncRegion();
        const prefixOf = idPrefixes[args.type] ?? "";
        const prefix = typeof prefixOf === "function" ? prefixOf(args.inputs) : prefixOf;
        const id = args.custom === false ? undefined : args.id || `${prefix}${stableHex(`${args.type}:${args.name}`, 17)}`;
        const handler: ResourceHandler | undefined = resourceHandlers[args.type];
        // Every AWS resource has an ARN; handlers give the exact form where a program reads it.
        const service = args.type.startsWith("aws:") ? args.type.slice(4).split("/")[0] : undefined;
        const arn = id && service ? { arn: arnOf(this.world, service, `${args.type.split(":").pop()!.toLowerCase()}/${id}`) } : {};
        const outputs = handler !== undefined ? withReason(() => handler(args, this.world, id ?? args.name)) : {};
        return { id, state: { ...args.inputs, ...arn, ...outputs } };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        this.syncRegion();
        this.calls.push({ token: args.token, inputs: args.inputs });
        const handler: CallHandler | undefined = callHandlers[args.token];
        if (!handler) throw new Error(`offline plan has no mock for the function ${args.token}`);
        return withReason(() => handler(args.inputs, this.world));
    }

    /** Registered resources of one type, in registration order. */
    ofType(type: string): RecordedResource[] {
        return [...this.resources.values()].filter((r) => r.type === type);
    }

    /** The one registered resource with this type and name; throws when there is none. */
    get(type: string, name: string): RecordedResource {
        const found = [...this.resources.values()].find((r) => r.type === type && r.name === name);
        if (!found) {
            const names = this.ofType(type).map((r) => r.name);
            throw new Error(`no ${type} named ${name} was registered (registered: ${names.join(", ") || "none"})`);
        }
        return found;
    }

    /**
     * Wraps the mock monitor so each registration is recorded with its parent URN and each component's
     * registered outputs are kept.
     */
    attach(monitor: any): void {
        const register = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req: any, callback: (err: any, resp: any) => void) => {
            register(req, (err: any, resp: any) => {
                if (!err && resp) {
                    const urn: string = resp.getUrn();
                    const inputs = pulumi.runtime.deserializeProperties(req.getObject());
                    this.resources.set(urn, {
                        urn,
                        type: req.getType(),
                        name: req.getName(),
                        parent: req.getParent() || undefined,
                        custom: req.getCustom(),
                        id: resp.getId() || undefined,
                        inputs,
                    });
                }
                callback(err, resp);
            });
        };
        const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
        monitor.registerResourceOutputs = (req: any, callback: (err: any, resp: any) => void) => {
            const recorded = this.resources.get(req.getUrn());
            if (recorded) recorded.outputs = pulumi.runtime.deserializeProperties(req.getOutputs());
            registerOutputs(req, callback);
        };
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
