// Typed reads of this package's outputs from another stack. A platform repo splits a network stack (VPC,
// Resolver endpoints, shared VPC endpoints) from cluster stacks; each cluster stack reads the network's outputs
// through a `pulumi.StackReference` under the names below, which the network stack exports (see
// examples/stack-refs/network).
//
// The readers resolve to plain values, because several of the args they feed decide what a component creates and
// must be plain (`existingEndpoints`, `allowedCidrs`): a referenced stack's outputs are already deployed, so they
// are known at preview. Every missing or mistyped output is reported at once, naming the output and the stack.
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../shared/errors";
import { described } from "../shared/validatedInput";

/** What a stack output must hold. */
export const OutputKind = {
    String: "string",
    Strings: "list of strings",
    Boolean: "boolean",
    StringMap: "map of strings",
} as const;
export type OutputKind = (typeof OutputKind)[keyof typeof OutputKind];

type ValueOf<K extends OutputKind> = K extends "string" ? string : K extends "list of strings" ? string[] : K extends "boolean" ? boolean : Record<string, string>;

/** Output name -> kind; a name ending in `?` is optional (absent reads as undefined). */
export type OutputSpec = Record<string, OutputKind>;

/** The typed values an OutputSpec describes. */
export type OutputValues<S extends OutputSpec> = { [N in keyof S as N extends `${string}?` ? never : N]: ValueOf<S[N]> } & {
    [N in keyof S as N extends `${infer B}?` ? B : never]?: ValueOf<S[N]>;
};

/** The network stack: the cluster VPC, its private subnets, and the networks that reach clusters in it. */
export const networkOutputs = {
    vpcId: OutputKind.String,
    vpcCidr: OutputKind.String,
    privateSubnetIds: OutputKind.Strings,
    /** The peered hub (shared-services) VPC whose outbound Resolver endpoint forwards cluster names. */
    "hubVpcId?": OutputKind.String,
    "hubVpcCidr?": OutputKind.String,
    "onPremisesCidrs?": OutputKind.Strings,
} as const;

/** Route 53 Resolver endpoints (ResolverInboundEndpoint, ResolverOutboundEndpoint or HybridDnsAccess outputs). */
export const resolverOutputs = {
    resolverInboundEndpointId: OutputKind.String,
    /** The inbound endpoint's IPs, one per AZ: ClusterDnsForwarding's `resolverIps`. */
    resolverIps: OutputKind.Strings,
    /** ClusterDnsForwarding's `outboundEndpointId`. */
    resolverOutboundEndpointId: OutputKind.String,
} as const;

/** VPC endpoints a stack made for every cluster in the VPC (PrivateClusterEndpoints outputs). */
export const vpcEndpointOutputs = {
    /** Endpoint ids by service id: the keys are PrivateClusterEndpoints' `existingEndpoints` in a cluster stack. */
    vpcEndpointIds: OutputKind.StringMap,
    "vpcEndpointSecurityGroupId?": OutputKind.String,
} as const;

/** A cluster stack's endpoint access (ClusterEndpointAccess outputs plus the cluster's name and endpoint). */
export const endpointAccessOutputs = {
    clusterName: OutputKind.String,
    clusterEndpoint: OutputKind.String,
    clusterSecurityGroupId: OutputKind.String,
    endpointPublicAccess: OutputKind.Boolean,
    endpointPrivateAccess: OutputKind.Boolean,
    publicAccessCidrs: OutputKind.Strings,
} as const;

export type NetworkOutputs = OutputValues<typeof networkOutputs>;
export type ResolverOutputs = OutputValues<typeof resolverOutputs>;
export type VpcEndpointOutputs = OutputValues<typeof vpcEndpointOutputs>;
export type EndpointAccessOutputs = OutputValues<typeof endpointAccessOutputs>;

/** One output as a stack reference reports it: `value`, or `secretValue` for a secret, or neither when absent. */
export interface OutputDetails {
    value?: unknown;
    secretValue?: unknown;
}

/** A stack output that is missing, mistyped or secret. */
export class StackOutputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackOutputError";
    }
}

function kindOf(value: unknown): string {
    if (Array.isArray(value)) return value.every((v) => typeof v === "string") ? OutputKind.Strings : "list";
    if (value === null) return "null";
    if (typeof value === "object") return Object.values(value).every((v) => typeof v === "string") ? OutputKind.StringMap : "object";
    return typeof value;
}

/**
 * Checks the outputs `spec` names against what the stack holds and returns them typed; throws one
 * StackOutputError listing every problem, each naming the output and the stack.
 */
export function checkStackOutputs<S extends OutputSpec>(reader: string, stack: string, spec: S, details: Record<string, OutputDetails>): OutputValues<S> {
    const problems: string[] = [];
    const values: Record<string, unknown> = {};
    for (const [key, kind] of Object.entries(spec)) {
        const name = key.replace(/\?$/, "");
        const detail = details[name] ?? {};
        if (detail.secretValue !== undefined) {
            problems.push(`output "${name}" is a secret; these helpers return plain values, so read it with ref.requireOutput("${name}")`);
            continue;
        }
        if (detail.value === undefined || detail.value === null) {
            if (!key.endsWith("?")) problems.push(`stack "${stack}" has no output "${name}" (a ${kind}); export it from that stack`);
            continue;
        }
        const actual = kindOf(detail.value);
        if (actual !== kind) {
            problems.push(`output "${name}" of stack "${stack}" is a ${actual}, expected a ${kind}`);
            continue;
        }
        values[name] = detail.value;
    }
    if (problems.length > 0) throw new StackOutputError(`${reader}: ${problems.join("; ")}`);
    return values as OutputValues<S>;
}

/**
 * Refuses a `ref` that is not a StackReference (another language may send any value, or an Output of one): the
 * readers need its `name` and `getOutputDetails`. Checked by shape, so a StackReference from another copy of the SDK passes.
 */
export function checkStackReference(reader: string, ref: unknown): void {
    const shape = ref as Partial<pulumi.StackReference> | null | undefined;
    if (typeof shape?.getOutputDetails === "function" && pulumi.Output.isInstance(shape.name)) return;
    const got = pulumi.Output.isInstance(ref) ? "an Output" : described(ref);
    throw new InputError("ref", `expected a pulumi.StackReference (new pulumi.StackReference("org/network/prod")), got ${got}`).in(reader);
}

/** Reads the outputs `spec` names from `ref` (see checkStackOutputs). */
export async function readStackOutputs<S extends OutputSpec>(reader: string, ref: pulumi.StackReference, spec: S): Promise<OutputValues<S>> {
    checkStackReference(reader, ref);
    const names = Object.keys(spec).map((k) => k.replace(/\?$/, ""));
    // `promise()` is the SDK's own accessor of an Output's value (internal in its typings).
    const stack = await (ref.name as unknown as { promise(): Promise<string> }).promise();
    const details = await Promise.all(names.map((n) => ref.getOutputDetails(n)));
    return checkStackOutputs(reader, stack, spec, Object.fromEntries(names.map((n, i) => [n, details[i]])));
}

/** The network stack's VPC, private subnets and connected networks. */
export function readNetworkOutputs(ref: pulumi.StackReference): Promise<NetworkOutputs> {
    return readStackOutputs("readNetworkOutputs", ref, networkOutputs);
}

/** The Resolver endpoints a cluster stack's ClusterDnsForwarding rule uses. */
export function readResolverOutputs(ref: pulumi.StackReference): Promise<ResolverOutputs> {
    return readStackOutputs("readResolverOutputs", ref, resolverOutputs);
}

/** The VPC endpoints already in the cluster VPC, to pass as PrivateClusterEndpoints' `existingEndpoints`. */
export function readVpcEndpointOutputs(ref: pulumi.StackReference): Promise<VpcEndpointOutputs> {
    return readStackOutputs("readVpcEndpointOutputs", ref, vpcEndpointOutputs);
}

/** A cluster stack's endpoint settings, for stacks that deploy into or connect to that cluster. */
export function readEndpointAccessOutputs(ref: pulumi.StackReference): Promise<EndpointAccessOutputs> {
    return readStackOutputs("readEndpointAccessOutputs", ref, endpointAccessOutputs);
}
