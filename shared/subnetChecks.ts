// The subnet look-up check shared by the components that place network interfaces in subnets (Resolver endpoints,
// the EKS cluster): every subnet in the component's VPC, and at least two Availability Zones (shared/subnetProblems.ts).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "./errors";
import { InputSite, checkedAt } from "./validatedInput";
import { applyEach, outputOf } from "./outputs";
import { lookup } from "./lookups";
import { foreignSubnetsProblem, subnetAzProblem } from "./subnetProblems";

/**
 * Looks the (checked) subnet ids up once they are known and resolves to them when they span at least two
 * Availability Zones and all lie in `vpcId`; otherwise the Output fails on the component with a message naming
 * `arg` and the fix (`rules`: whose rule, and why). Plain and computed ids get the same check, computed ones when known.
 */
export function checkedSubnetIds(
    site: InputSite,
    subnetIds: pulumi.Input<string[]>,
    vpcId: pulumi.Input<string>,
    arg: string,
    rules: { vpc: string; az: string },
): pulumi.Output<string[]> {
    const parent = site.resource;
    return outputOf(subnetIds).apply((ids) =>
        applyEach([vpcId, ...ids.map((id) => lookup(aws.ec2.getSubnetOutput, { id }, parent))], ([vpc, ...subnets]) =>
            checkedAt(site, () => {
                const foreign = foreignSubnetsProblem(subnets, vpc, rules.vpc);
                if (foreign) throw new InputError(arg, foreign);
                const problem = subnetAzProblem(
                    subnets.map((s) => ({ id: s.id, availabilityZone: s.availabilityZone })),
                    arg,
                    rules.az,
                );
                if (problem) throw new InputError(arg, problem.slice(arg.length + 2));
                return ids;
            }),
        ),
    );
}
