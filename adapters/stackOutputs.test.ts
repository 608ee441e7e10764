// The stack-output readers refuse a `ref` that is not a StackReference before reading anything.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { readEndpointAccessOutputs, readNetworkOutputs, readResolverOutputs, readVpcEndpointOutputs } from "./stackOutputs";

describe("stack outputs: ref", () => {
    const readers = { readNetworkOutputs, readResolverOutputs, readVpcEndpointOutputs, readEndpointAccessOutputs };
    const cases: [unknown, string][] = [
        [undefined, "undefined"],
        [null, "null"],
        [42, "number 42"],
        ["acme/network/prod", 'string "acme/network/prod"'],
        [{}, "an object"],
        [{ name: "acme/network/prod", getOutputDetails: () => ({}) }, "an object"],
        [pulumi.output("acme/network/prod"), "an Output"],
    ];
    for (const [reader, read] of Object.entries(readers)) {
        it(`${reader} refuses a ref that is not a pulumi.StackReference, naming ref`, async () => {
            for (const [ref, got] of cases) {
                await assert.rejects(read(ref as pulumi.StackReference), {
                    name: "InputError",
                    message: `${reader}: ref: expected a pulumi.StackReference (new pulumi.StackReference("org/network/prod")), got ${got}`,
                });
            }
        });
    }
});
