// What the mock engine (server.ts) records of a program and the engine's facts it shares with its callers: the
// registrations, invokes and diagnostics it keeps, its options, its features, and URNs as the engine makes them.

/** The root stack's type token: its URN is the stack outputs' owner and never prefixes a child's type. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** One resource the program registered (RegisterResource) or read (ReadResource), in arrival order. */
export interface Registration {
    urn: string;
    type: string;
    name: string;
    /** The parent's URN; top-level resources have the root stack as parent, the stack itself none. */
    parent?: string;
    /** True for provider resources, false for components. */
    custom: boolean;
    /** True for a multi-language component the engine would Construct in its provider (e.g. eks:index:Cluster). */
    remote: boolean;
    /** True when the program read an existing resource (`get`), not registered a new one. */
    read: boolean;
    /** The mocked provider id (custom resources). */
    id?: string;
    /** The explicit provider reference (`urn::id`), when the program passed one. */
    provider?: string;
    /** URNs of the resource's `dependsOn`. */
    dependencies: string[];
    /** Inputs as the program sent them, deserialized. */
    inputs: Record<string, unknown>;
    /** What the component registered with `registerOutputs` (the root stack's are the stack outputs). */
    outputs?: Record<string, unknown>;
}

/** One function call the program made (Invoke, or Call of a resource method). */
export interface InvokeRecord {
    token: string;
    args: Record<string, unknown>;
    /** The message when the mocks refused it (the program sees it as an error). */
    error?: string;
}

export type Severity = "debug" | "info" | "warning" | "error";

/** A message the program logged through the Engine service (`pulumi.log`, and cmd/run's uncaught errors). */
export interface Diagnostic {
    severity: Severity;
    message: string;
    /** The resource the message is about, when the program named one. */
    urn?: string;
}

export interface MockEngineOptions {
    /** Project name, the URNs' project part (`Pulumi.yaml` `name`). */
    project: string;
    /** Stack name, the URNs' stack part. */
    stack: string;
    /**
     * Feature answers over the defaults (`SupportsFeature`); features not listed get `hasSupport: false`, as an
     * engine that predates them answers.
     */
    features?: Record<string, boolean>;
}

/** A running mock engine: its addresses and everything the program sent it. */
export interface MockEngine {
    /** `host:port` of the ResourceMonitor service (cmd/run `--monitor`). */
    readonly monitorAddress: string;
    /** `host:port` of the Engine service (cmd/run `--engine`); the same server. */
    readonly engineAddress: string;
    readonly registrations: Registration[];
    readonly invokes: InvokeRecord[];
    readonly diagnostics: Diagnostic[];
    /** The root stack's URN once the program set it (SetRootResource). */
    readonly rootResource: string | undefined;
    /** The stack outputs (RegisterResourceOutputs on the root stack), undefined until registered. */
    readonly outputs: Record<string, unknown> | undefined;
    /** Stops the server. */
    close(): Promise<void>;
}

/**
 * What this engine supports. The same as `setMocks` gives an in-process program, so a program behaves alike on
 * both paths: `outputValues` off (MockMonitor's choice: no Output objects in the mocks' inputs); transforms,
 * invoke transforms, resource hooks and error hooks off because they need the program's Callbacks server, which
 * this engine does not call back.
 */
export const DEFAULT_FEATURES: Readonly<Record<string, boolean>> = {
    secrets: true,
    resourceReferences: true,
    outputValues: false,
    deletedWith: true,
    replaceWith: true,
    aliasSpecs: true,
    transforms: false,
    invokeTransforms: false,
    parameterization: true,
    resourceHooks: false,
    errorHooks: false,
};

/** A URN as the engine makes it (urn.New): the parent's qualified type prefixes the child's, except the stack's. */
export function engineUrn(project: string, stack: string, type: string, name: string, parent?: string): string {
    const parentType = parent ? parent.split("::")[2] : "";
    const qualified = parentType && parentType !== ROOT_STACK_TYPE ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}
