import * as assert from "assert";
import { foreignSubnetsProblem, subnetAzProblem } from "./subnetProblems";
import { resolverAzReason } from "../aws/availabilityZones";

describe("subnet checks", () => {
    describe("subnetAzProblem", () => {
        it("accepts two AZs and explains one", () => {
            assert.strictEqual(
                subnetAzProblem([
                    { id: "subnet-1", availabilityZone: "us-east-1a" },
                    { id: "subnet-2", availabilityZone: "us-east-1b" },
                ], "subnetIds", resolverAzReason),
                undefined,
            );
            assert.strictEqual(
                subnetAzProblem([
                    { id: "subnet-1", availabilityZone: "us-east-1a" },
                    { id: "subnet-2", availabilityZone: "us-east-1a" },
                ], "subnetIds", resolverAzReason),
                "subnetIds: every subnet is in us-east-1a: subnet-1 (us-east-1a), subnet-2 (us-east-1a). A Route 53 Resolver endpoint in one AZ stops resolving when that AZ fails; list subnets in at least two different Availability Zones",
            );
        });
    });

    describe("foreignSubnetsProblem", () => {
        it("names each subnet outside the VPC with its VPC, the rule and the fix; nothing when all are inside", () => {
            const subnets = [
                { id: "subnet-1", vpcId: "vpc-a" },
                { id: "subnet-2", vpcId: "vpc-b" },
                { id: "subnet-3", vpcId: "vpc-c" },
            ];
            assert.strictEqual(
                foreignSubnetsProblem(subnets, "vpc-a", "the cluster's subnets must be in its VPC"),
                "subnet-2 is in vpc-b, subnet-3 is in vpc-c, not in vpcId vpc-a; the cluster's subnets must be in its VPC. List subnets of vpc-a",
            );
            assert.strictEqual(foreignSubnetsProblem(subnets.slice(0, 1), "vpc-a", "x"), undefined);
        });
    });
});
