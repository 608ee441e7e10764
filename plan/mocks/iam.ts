// IAM in the fake AWS: global resources, so their ARNs have no Region
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html, "IAM ARNs").
import type * as aws from "@pulumi/aws";
import { InputsOf, MockArgs, ResourceMock, StateOf } from "./types";
import { partitionOf } from "./world";

export const iamMocks: Record<string, ResourceMock> = {
    "aws:iam/role:Role": {
        state: (args: MockArgs<InputsOf<aws.iam.RoleArgs>>, world): StateOf<aws.iam.RoleState> => ({ arn: `arn:${partitionOf(world.region).partition}:iam::${world.accountId}:role/${args.inputs.name ?? args.name}` }),
    },
};
