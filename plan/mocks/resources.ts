// Every resource type the fake AWS answers for, by Pulumi type token, from the per-service modules; and the
// generic answer for the rest: an id with no prefix and an ARN in the partition (every AWS resource has one).
import type * as pulumi from "@pulumi/pulumi";
import { ec2Mocks } from "./ec2";
import { eksMocks } from "./eks";
import { iamMocks } from "./iam";
import { ramMocks } from "./ram";
import { route53ResolverMocks } from "./route53resolver";
import { Inputs, InputsOf, MockArgs, ResourceMock } from "./types";
import { arnOf, MockWorld, stableHex } from "./world";

/** A stack reference reads the referenced stack's outputs; the engine fails for a stack that does not exist. */
const stackReference: ResourceMock = {
    state: (args: MockArgs<InputsOf<pulumi.StackReferenceArgs>>, world) => {
        // The SDK sends the resource's name when the program gives none.
        const name = args.inputs.name ?? args.name;
        const outputs = world.stackOutputs[name];
        if (!outputs) throw new Error(`unknown stack "${name}" (mocked stacks: ${Object.keys(world.stackOutputs).join(", ") || "none"})`);
        return { name, outputs, secretOutputNames: [] };
    },
};

export const resourceMocks: Record<string, ResourceMock> = {
    ...ec2Mocks,
    ...eksMocks,
    ...iamMocks,
    ...ramMocks,
    ...route53ResolverMocks,
    "pulumi:pulumi:StackReference": stackReference,
};

/** The id and state the fake AWS gives a registered resource (components get no id). */
export function registered(sdkArgs: pulumi.runtime.MockResourceArgs, world: MockWorld): { id: string | undefined; state: Inputs } {
    const args: MockArgs = { ...sdkArgs, inputs: sdkArgs.inputs as Inputs };
    const mock = resourceMocks[args.type];
    const prefix = typeof mock?.idPrefix === "function" ? mock.idPrefix(args.inputs) : (mock?.idPrefix ?? "");
    const id = args.custom === false ? undefined : args.id || `${prefix}${stableHex(`${args.type}:${args.name}`, 17)}`;
    const service = args.type.startsWith("aws:") ? args.type.slice(4).split("/")[0] : undefined;
    const arn = id && service ? { arn: arnOf(world, service, `${args.type.split(":").pop()!.toLowerCase()}/${id}`) } : {};
    const state = mock?.state ? mock.state(args, world, id ?? args.name) : {};
    return { id, state: { ...args.inputs, ...arn, ...state } };
}
