// What a program registered under the mocks: every resource with its parent, its inputs and (components) the
// outputs it registered, and every provider function it called, so the plan can print a tree and tests can read
// the values the fake AWS made up instead of copying them.
import * as pulumi from "@pulumi/pulumi";

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
    /**
     * The state the fake AWS answered with: inputs plus what AWS fills in. Read it instead of writing the made-up
     * value into a test. Read on first use (not enumerable: plans and JSON leave it out).
     */
    state?: Record<string, any>;
}

export interface RecordedCall {
    token: string;
    inputs: Record<string, any>;
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
    attach(monitor: any): void {
        const register = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req: any, callback: (err: any, resp: any) => void) => {
            register(req, (err: any, resp: any) => {
                if (!err && resp) {
                    const urn: string = resp.getUrn();
                    const recorded: RecordedResource = {
                        urn,
                        type: req.getType(),
                        name: req.getName(),
                        parent: req.getParent() || undefined,
                        custom: req.getCustom(),
                        id: resp.getId() || undefined,
                        inputs: pulumi.runtime.deserializeProperties(req.getObject()),
                    };
                    const answer = resp.getObject();
                    if (answer) keepState(recorded, answer);
                    this.resources.set(urn, recorded);
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

/** Gives `recorded` a `state` property that deserializes the registration's answer when first read. */
function keepState(recorded: RecordedResource, answer: Parameters<typeof pulumi.runtime.deserializeProperties>[0]): void {
    Object.defineProperty(recorded, "state", {
        configurable: true,
        enumerable: false,
        get() {
            const state: Record<string, any> = pulumi.runtime.deserializeProperties(answer);
            Object.defineProperty(recorded, "state", { value: state, enumerable: false });
            return state;
        },
    });
}
