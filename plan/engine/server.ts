// A mock Pulumi engine on loopback gRPC: the `pulumirpc.ResourceMonitor` and `pulumirpc.Engine` services that a
// program started by `@pulumi/pulumi/cmd/run` connects to (`--monitor`, `--engine`), served from the SDK's own
// generated stubs (proto/resource_grpc_pb.js, proto/engine_grpc_pb.js).
//
// It mirrors, in pulumi/pulumi:
// - pkg/resource/deploy/source_eval.go, `resmon` (the ResourceMonitor server the CLI starts for a program) and
//   `newResourceMonitor`: a server on 127.0.0.1 with a free port;
// - sdk/go/common/resource/urn/urn.go `New`: URNs, where a child's type is prefixed by its parent's qualified
//   type unless the parent is the root stack;
// - pkg/engine/... the Engine service (`Log`, `GetRootResource`, `SetRootResource`, `RequirePulumiVersion`).
// Resource semantics are not written here: registrations, reads and invokes go to the SDK's own `MockMonitor`
// (sdk/nodejs/runtime/mocks.ts) around a `pulumi.runtime.Mocks` object, so answers are the in-process mocks'.
import * as grpc from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import * as enginerpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineproto from "@pulumi/pulumi/proto/engine_pb";
import * as providerproto from "@pulumi/pulumi/proto/provider_pb";
import * as resourcerpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import * as resourceproto from "@pulumi/pulumi/proto/resource_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { DEFAULT_FEATURES, Diagnostic, InvokeRecord, MockEngine, MockEngineOptions, ROOT_STACK_TYPE, Registration, Severity, engineUrn } from "./records";

export { DEFAULT_FEATURES, ROOT_STACK_TYPE, engineUrn } from "./records";
export type { Diagnostic, InvokeRecord, MockEngine, MockEngineOptions, Registration, Severity } from "./records";

const severities: Record<number, Severity> = {
    [engineproto.LogSeverity.DEBUG]: "debug",
    [engineproto.LogSeverity.INFO]: "info",
    [engineproto.LogSeverity.WARNING]: "warning",
    [engineproto.LogSeverity.ERROR]: "error",
};


type Callback = (err: grpc.ServiceError | Error | null, resp?: unknown) => void;
/** A unary gRPC handler; the request is the service's generated message class (grpc-js hands it over untyped). */
type Unary<Req> = (call: { request: Req }, callback: Callback) => void;

/** The ResourceMonitor service's methods, each with its request message. */
type ResourceMonitorHandlers = {
    supportsFeature: Unary<resourceproto.SupportsFeatureRequest>;
    registerResource: Unary<resourceproto.RegisterResourceRequest>;
    readResource: Unary<resourceproto.ReadResourceRequest>;
    registerResourceOutputs: Unary<resourceproto.RegisterResourceOutputsRequest>;
    invoke: Unary<resourceproto.ResourceInvokeRequest>;
    call: Unary<resourceproto.ResourceCallRequest>;
    registerPackage: Unary<resourceproto.RegisterPackageRequest>;
    signalAndWaitForShutdown: Unary<unknown>;
};

/** The Engine service's methods, each with its request message. */
type EngineHandlers = {
    log: Unary<engineproto.LogRequest>;
    getRootResource: Unary<unknown>;
    setRootResource: Unary<engineproto.SetRootResourceRequest>;
    requirePulumiVersion: Unary<unknown>;
};

/** MockMonitor's methods as this engine calls them, with the message types its typings leave as `any`. */
interface Monitor {
    registerResource(req: resourceproto.RegisterResourceRequest, cb: (err: Error | null, resp: resourceproto.RegisterResourceResponse) => void): Promise<void>;
    readResource(req: resourceproto.ReadResourceRequest, cb: (err: Error | null, resp: resourceproto.ReadResourceResponse) => void): Promise<void>;
    registerResourceOutputs(req: resourceproto.RegisterResourceOutputsRequest, cb: (err: Error | null) => void): void;
    invoke(req: resourceproto.ResourceInvokeRequest, cb: Callback): Promise<void>;
    registerPackage(req: resourceproto.RegisterPackageRequest, cb: Callback): void;
}

/** What a registered or read resource's request says about it. */
interface ResourceFacts {
    read: boolean;
    custom: boolean;
    remote: boolean;
}

/** The SDK's MockMonitor with the engine's URNs for this project and stack. */
function monitorFor(mocks: pulumi.runtime.Mocks, project: string, stack: string): Monitor {
    const monitor = new MockMonitor(mocks);
    // MockMonitor names resources from the host process's own project and stack and prefixes children of the
    // root stack; the engine does neither (its `newUrn` is private in the typings, an own property shadows it).
    (monitor as unknown as { newUrn: typeof engineUrn }).newUrn = (parent?: string, type?: string, name?: string) =>
        engineUrn(project, stack, type!, name!, parent);
    // MockAws (plan/mocks.ts) records what it is asked through the monitor; let it see this one too.
    const recorder = mocks as { attach?: (monitor: unknown) => void };
    if (typeof recorder.attach === "function") recorder.attach(monitor);
    return monitor;
}

function deserialize(struct: structproto.Struct | undefined): Record<string, unknown> {
    return struct ? pulumi.runtime.deserializeProperties(struct) : {};
}

/** A value with every resource reference replaced by its id (custom resources) or URN, as the engine stores it. */
function referencesAsIds(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(referencesAsIds);
    if (value === null || typeof value !== "object") return value;
    const fields = value as Record<string, unknown>;
    if (fields[pulumi.runtime.specialSigKey] === pulumi.runtime.specialResourceSig) return fields.id || fields.urn;
    return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, referencesAsIds(v)]));
}

/**
 * The engine never builds SDK resource objects from a request, but the SDK's MockMonitor deserializes a resource
 * reference by constructing the resource class its package registered (rpc.js deserializeProperty), here in the
 * process that hosts the engine: once @pulumi/aws is loaded there, `clusterSecurityGroup: sg` on a remote
 * component became a `SecurityGroup` read through that process's own mocks and failed. Hand MockMonitor the
 * references as the ids or URNs they name instead.
 */
function withoutResourceObjects(struct: structproto.Struct | undefined): structproto.Struct | undefined {
    return struct && structproto.Struct.fromJavaScript(referencesAsIds(struct.toJavaScript()) as Record<string, structproto.JavaScriptValue>);
}

function messageOf(err: unknown): string {
    return err instanceof Error ? err.message : String(err);
}

/** Starts a mock engine on 127.0.0.1 with a free port around `mocks` (e.g. `new MockAws()` from plan/mocks). */
export async function startMockEngine(mocks: pulumi.runtime.Mocks, options: MockEngineOptions): Promise<MockEngine> {
    const { project, stack } = options;
    const features = { ...DEFAULT_FEATURES, ...options.features };
    const monitor = monitorFor(mocks, project, stack);
    const registrations: Registration[] = [];
    const invokes: InvokeRecord[] = [];
    const diagnostics: Diagnostic[] = [];
    const byUrn = new Map<string, Registration>();
    let rootResource: string | undefined;
    let outputs: Record<string, unknown> | undefined;

    const record = (
        req: resourceproto.RegisterResourceRequest | resourceproto.ReadResourceRequest,
        { read, custom, remote }: ResourceFacts,
        urn: string,
        id: string | undefined,
        inputs: Record<string, unknown>,
    ) => {
        const registration: Registration = {
            urn,
            type: req.getType(),
            name: req.getName(),
            parent: req.getParent() || undefined,
            custom,
            remote,
            read,
            id: id || undefined,
            provider: req.getProvider() || undefined,
            dependencies: req.getDependenciesList(),
            inputs,
        };
        registrations.push(registration);
        byUrn.set(urn, registration);
    };
    const invoked = (token: string, args: Record<string, unknown>, callback: Callback): Callback => (err, resp) => {
        invokes.push(err ? { token, args, error: messageOf(err) } : { token, args });
        callback(err, resp);
    };

    const resourceMonitor: ResourceMonitorHandlers = {
        supportsFeature: ({ request }, callback) =>
            callback(null, new resourceproto.SupportsFeatureResponse().setHassupport(features[request.getId()] ?? false)),
        // MockMonitor answers through the callback; the promise it also returns carries nothing more.
        registerResource: ({ request }, callback) =>
            void monitor.registerResource(request.setObject(withoutResourceObjects(request.getObject())), (err, resp) => {
                if (!err) record(request, { read: false, custom: request.getCustom(), remote: request.getRemote() }, resp.getUrn(), resp.getId(), deserialize(request.getObject()));
                callback(err, resp);
            }),
        readResource: ({ request }, callback) =>
            void monitor.readResource(request, (err, resp) => {
                if (!err) record(request, { read: true, custom: true, remote: false }, resp.getUrn(), request.getId(), deserialize(request.getProperties()));
                callback(err, resp);
            }),
        registerResourceOutputs: ({ request }, callback) =>
            monitor.registerResourceOutputs(request, (err) => {
                if (err) return callback(err);
                const registered = byUrn.get(request.getUrn());
                const values = deserialize(request.getOutputs());
                if (registered) registered.outputs = values;
                if (registered?.type === ROOT_STACK_TYPE) outputs = values;
                callback(null, new emptyproto.Empty());
            }),
        invoke: ({ request }, callback) => {
            const args = deserialize(request.getArgs());
            void monitor.invoke(request, invoked(request.getTok(), args, callback));
        },
        // A resource method (Call): MockMonitor has none, so the mocks' `call` answers it like an invoke.
        call: ({ request }, callback) => {
            const args = deserialize(request.getArgs());
            const done = invoked(request.getTok(), args, callback);
            Promise.resolve()
                .then(() => mocks.call({ token: request.getTok(), inputs: args, provider: request.getProvider() }))
                .then((result) => pulumi.runtime.serializeProperties("call", result))
                .then((serialized) => done(null, new providerproto.CallResponse().setReturn(structproto.Struct.fromJavaScript(serialized))))
                .catch((err: unknown) => done(err instanceof Error ? err : new Error(messageOf(err))));
        },
        registerPackage: ({ request }, callback) => monitor.registerPackage(request, callback),
        // Nothing is deployed, so there is nothing to wait for before the program exits.
        signalAndWaitForShutdown: (_call, callback) => callback(null, new emptyproto.Empty()),
    };

    const engine: EngineHandlers = {
        log: ({ request }, callback) => {
            diagnostics.push({ severity: severities[request.getSeverity()] ?? "info", message: request.getMessage(), urn: request.getUrn() || undefined });
            callback(null, new emptyproto.Empty());
        },
        getRootResource: (_call, callback) => callback(null, new engineproto.GetRootResourceResponse().setUrn(rootResource ?? "")),
        setRootResource: ({ request }, callback) => {
            rootResource = request.getUrn();
            callback(null, new engineproto.SetRootResourceResponse());
        },
        // This engine stands for any CLI version the program may ask for.
        requirePulumiVersion: (_call, callback) => callback(null, new engineproto.RequirePulumiVersionResponse()),
    };

    // The SDK's clients send up to 400 MiB (sdk/nodejs/runtime/settings.ts maxRPCMessageSize); accept the same.
    const maxMessage = 1024 * 1024 * 400;
    const server = new grpc.Server({ "grpc.max_receive_message_length": maxMessage, "grpc.max_send_message_length": maxMessage });
    server.addService(resourcerpc.ResourceMonitorService, resourceMonitor);
    server.addService(enginerpc.EngineService, engine);
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))),
    );
    const address = `127.0.0.1:${port}`;

    return {
        monitorAddress: address,
        engineAddress: address,
        registrations,
        invokes,
        diagnostics,
        get rootResource() {
            return rootResource;
        },
        get outputs() {
            return outputs;
        },
        close: () =>
            new Promise<void>((resolve) => {
                server.tryShutdown(() => resolve());
                // Programs that died mid-call leave streams open; do not wait for them.
                setTimeout(() => server.forceShutdown(), 1000).unref();
            }),
    };
}
