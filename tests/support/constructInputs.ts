// ConstructRequests as the engine sends them to a component provider for a program in another language
// (sdk/go/common/resource/plugin/provider_plugin.go `Construct`, with rpc.go `MarshalPropertyValue`): the provider
// accepts output values (Configure), so an input that came from another resource is
// `{ [sigKey]: outputValueSig, value?, secret?, dependencies? }` (no `value` while unknown), and the same URNs are
// in `inputDependencies`. The signatures are the SDK's (runtime/rpc.ts `specialSigKey`, `specialOutputValueSig`).
import * as structProto from "google-protobuf/google/protobuf/struct_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import * as rpc from "@pulumi/pulumi/runtime/rpc";

export const PROJECT = "consumer";
export const STACK_NAME = "dev";
/** The consumer program's root stack, the components' parent. */
export const STACK = `urn:pulumi:${STACK_NAME}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${STACK_NAME}`;
/** Resources of the consumer program the inputs come from. */
export const NETWORK = `urn:pulumi:${STACK_NAME}::${PROJECT}::aws:ec2/vpc:Vpc::network`;
export const CLUSTER = `urn:pulumi:${STACK_NAME}::${PROJECT}::aws:eks/cluster:Cluster::cluster`;
/** What an unknown output comes back as in a Construct response's state. */
export const UNKNOWN = rpc.unknownValue;

interface OutputValue {
    value?: unknown;
    secret?: boolean;
    dependencies: string[];
}

const isOutputValue = (v: unknown): v is OutputValue =>
    typeof v === "object" && v !== null && (v as Record<string, unknown>)[rpc.specialSigKey] === rpc.specialOutputValueSig;

/** A known output of other resources (`dependsOn` URNs). */
export const known = (value: unknown, ...dependencies: string[]) => ({ [rpc.specialSigKey]: rpc.specialOutputValueSig, value, dependencies });

/** An output not known during preview (e.g. the id of a resource the same program creates). */
export const unknown = (...dependencies: string[]) => ({ [rpc.specialSigKey]: rpc.specialOutputValueSig, dependencies });

/** A secret output (e.g. from config.requireSecret). */
export const secret = (value: unknown, ...dependencies: string[]) => ({ [rpc.specialSigKey]: rpc.specialOutputValueSig, value, secret: true, dependencies });

/** How a secret value reaches the engine in a child's registration (runtime/rpc.ts serializeProperty). */
export const secretValue = (value: unknown) => ({ [rpc.specialSigKey]: rpc.specialSecretSig, value });

/** The URNs an input depends on, anywhere inside it (lists of outputs included). */
function dependenciesOf(value: unknown, into = new Set<string>()): Set<string> {
    if (isOutputValue(value)) value.dependencies.forEach((d) => into.add(d));
    else if (Array.isArray(value)) value.forEach((v) => dependenciesOf(v, into));
    else if (typeof value === "object" && value !== null) Object.values(value).forEach((v) => dependenciesOf(v, into));
    return into;
}

/** A preview Construct of `type` named `name` under the consumer's stack, children registering with `monitor`. */
export function constructRequest(type: string, name: string, inputs: Record<string, unknown>, monitor: string): providerProto.ConstructRequest {
    const request = new providerProto.ConstructRequest()
        .setProject(PROJECT)
        .setStack(STACK_NAME)
        .setDryrun(true)
        .setParallel(16)
        .setMonitorendpoint(monitor)
        .setType(type)
        .setName(name)
        .setParent(STACK)
        .setInputs(structProto.Struct.fromJavaScript(inputs as Record<string, structProto.JavaScriptValue>));
    request.getConfigMap().set("aws:region", "us-east-1");
    const dependencies = request.getInputdependenciesMap();
    for (const [key, value] of Object.entries(inputs)) {
        const urns = [...dependenciesOf(value)];
        if (urns.length > 0) dependencies.set(key, new providerProto.ConstructRequest.PropertyDependencies().setUrnsList(urns));
    }
    return request;
}
