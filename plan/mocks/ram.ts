// AWS RAM in the fake AWS: a resource share's ARN ends in a UUID
// (https://docs.aws.amazon.com/ram/latest/APIReference/API_ResourceShare.html, resourceShareArn).
import type * as aws from "@pulumi/aws";
import { InputsOf, MockArgs, ResourceMock, StateOf } from "./types";
import { arnOf, stableHex } from "./world";

export const ramMocks: Record<string, ResourceMock> = {
    "aws:ram/resourceShare:ResourceShare": {
        state: (args: MockArgs<InputsOf<aws.ram.ResourceShareArgs>>, world): StateOf<aws.ram.ResourceShareState> => {
            const h = stableHex(`ram:${args.name}`, 32);
            const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
            return { arn: arnOf(world, "ram", `resource-share/${uuid}`), allowExternalPrincipals: args.inputs.allowExternalPrincipals ?? false };
        },
    },
};
