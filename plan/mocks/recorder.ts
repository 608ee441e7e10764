// What a program registered under the mocks: every resource with its parent, its inputs and (components) the
// outputs it registered, and every provider function it called, so the plan can print a tree and tests can read
// the values the fake AWS made up instead of copying them.
import * as pulumi from "@pulumi/pulumi";
import type * as resourceproto from "@pulumi/pulumi/proto/resource_pb";

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
    inputs: Record<string, unknown>;
    /** Outputs a component registered with `registerOutputs` (components only). */
    outputs?: Record<string, unknown>;
    /**
     * The state the fake AWS answered with: inputs plus what AWS fills in. Read it instead of writing the made-up
     * value into a test. Read on first use (not enumerable: plans and JSON leave it out).
     */
    state?: Record<string, unknown>;
}

export interface RecordedCall {
    token: string;
    inputs: Record<string, unknown>;
}

type Done<Resp> = (err: Error | null, resp: Resp) => void;

/** The two methods of the SDK's MockMonitor the recorder wraps, with the messages its typings leave as `any`. */
interface RecordedMonitor {
    registerResource(req: resourceproto.RegisterResourceRequest, callback: Done<resourceproto.RegisterResourceResponse | undefined>): unknown;
    registerResourceOutputs(req: resourceproto.RegisterResourceOutputsRequest, callback: Done<unknown>): unknown;
}

export class Recorder {
    resources = new Map<string, RecordedResource>();
    calls: RecordedCall[] = [];

    /** Forgets every recorded resource and call. */
    clear(): void {
        this.resources.clear();
        this.calls = [];
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
    attach(sdkMonitor: unknown): void {
        // The SDK's MockMonitor: setMocks' (pulumi.runtime.getMonitor(), typed as the gRPC client it stands in for) or the mock engine's.
        const monitor = sdkMonitor as RecordedMonitor;
        const register = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req, callback) => {
            register(req, (err, resp) => {
                if (!err && resp) {
                    const urn: string = resp.getUrn();
                    const recorded: RecordedResource = {
                        urn,
                        type: req.getType(),
                        name: req.getName(),
                        parent: req.getParent() || undefined,
                        custom: req.getCustom(),
                        id: resp.getId() || undefined,
                        inputs: deserialize(req.getObject()),
                    };
                    const answer = resp.getObject();
                    if (answer) keepState(recorded, answer);
                    this.resources.set(urn, recorded);
                }
                callback(err, resp);
            });
        };
        const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
        monitor.registerResourceOutputs = (req, callback) => {
            const recorded = this.resources.get(req.getUrn());
            if (recorded) recorded.outputs = deserialize(req.getOutputs());
            registerOutputs(req, callback);
        };
    }
}

/** A message's Struct as plain values, `{}` for none (as the mock engine reads them). */
function deserialize(struct: Parameters<typeof pulumi.runtime.deserializeProperties>[0] | undefined): Record<string, unknown> {
    return struct ? pulumi.runtime.deserializeProperties(struct) : {};
}

/** Gives `recorded` a `state` property that deserializes the registration's answer when first read. */
function keepState(recorded: RecordedResource, answer: Parameters<typeof pulumi.runtime.deserializeProperties>[0]): void {
    Object.defineProperty(recorded, "state", {
        configurable: true,
        enumerable: false,
        get() {
            const state = deserialize(answer);
            Object.defineProperty(recorded, "state", { value: state, enumerable: false });
            return state;
        },
    });
}
