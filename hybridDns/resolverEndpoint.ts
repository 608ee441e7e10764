// What the inbound and outbound Route 53 Resolver endpoints build: the subnet look-up that proves the endpoint's
// subnets are in its VPC and span two Availability Zones, the gate every child waits on, and the endpoint resource.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../shared/errors";
import { foreignSubnetsProblem, resolverAzReason, subnetAzProblem } from "./resolverChecks";
import { resolverNameFrom } from "./resolverNames";
import { InputSite, checkedAt } from "../shared/validatedInput";
import { lookup } from "../shared/lookups";

/**
 * Looks the (checked) subnet ids up once they are known and resolves to them when they span at least two
 * Availability Zones and all lie in `vpcId`; otherwise the Output fails on the component with a message naming
 * `arg` and the fix (`rules`: why, default a Resolver endpoint's). Plain and computed ids get the same check, computed ones when known.
 */
export function checkedSubnetIds(
    site: InputSite,
    subnetIds: pulumi.Input<string[]>,
    vpcId: pulumi.Input<string>,
    arg: string,
    rules = { vpc: "an endpoint's IPs and its security group must be in one VPC", az: resolverAzReason },
): pulumi.Output<string[]> {
    const parent = site.resource;
    return pulumi.output(subnetIds).apply((ids) =>
        pulumi.all([pulumi.all(ids.map((id) => lookup(aws.ec2.getSubnetOutput, { id }, parent))), vpcId]).apply(([subnets, vpc]) =>
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

/**
 * What a resource that must wait for look-up checks takes as `dependsOn`: it is registered only once every check has
 * passed, so a failed check leaves it (and, for a component, all its children) out of the plan.
 */
export function after(...checks: pulumi.Input<unknown>[]): pulumi.Output<pulumi.Resource[]> {
    return pulumi.all(checks).apply(() => []);
}

/** `value` once every check has passed: a component's outputs fail with a failed check instead of waiting forever for children never registered. */
export function once<T>(checks: pulumi.Output<unknown>, value: pulumi.Input<T>): pulumi.Output<T> {
    return pulumi.all([checks, value]).apply(([, v]) => v as T) as pulumi.Output<T>;
}

export interface EndpointSpec {
    direction: "INBOUND" | "OUTBOUND";
    subnetIds: pulumi.Output<string[]>;
    securityGroupId: pulumi.Input<string>;
    endpointName?: string;
    tags?: Record<string, string>;
}

/**
 * The Route 53 Resolver endpoint, with one automatically chosen IP in each checked subnet, speaking plain DNS; named
 * `endpointName` (checked by the component) or a Resolver-compliant name derived from the resource name.
 */
export function resolverEndpoint(name: string, spec: EndpointSpec, parent: pulumi.Resource): aws.route53.ResolverEndpoint {
    return new aws.route53.ResolverEndpoint(
        `${name}-endpoint`,
        {
            name: spec.endpointName ?? resolverNameFrom(name),
            direction: spec.direction,
            securityGroupIds: [spec.securityGroupId],
            ipAddresses: spec.subnetIds.apply((ids) => ids.map((subnetId) => ({ subnetId }))),
            protocols: ["Do53"],
            tags: spec.tags,
        },
        { parent },
    );
}
