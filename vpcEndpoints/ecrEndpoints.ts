import * as pulumi from "@pulumi/pulumi";
import { inComponent } from "../shared/errors";
import { EndpointDescription, buildVpcEndpoints } from "./build";
import { planEcrEndpoints } from "./plan";
import type { EcrEndpointsArgs } from "./componentArgs";

export type { EcrEndpointsArgs } from "./componentArgs";

/**
 * Image pulls without internet access: ecr.api and ecr.dkr interface endpoints plus the S3 endpoint the image
 * layers come from (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, endpoint table).
 */
export class EcrEndpoints extends pulumi.ComponentResource {
    /** Per service id: the endpoint's id, type, service name, DNS entries, AZs, prefix list and monthly cost. */
    public readonly endpoints: pulumi.Output<Record<string, EndpointDescription>>;
    /** Endpoint ids by service id. */
    public readonly endpointIds: pulumi.Output<Record<string, string>>;
    /** The AWS service names used, by service id. */
    public readonly serviceNames: pulumi.Output<Record<string, string>>;
    /** AZs each interface endpoint is in, by service id. */
    public readonly availabilityZones: pulumi.Output<Record<string, string[]>>;
    /** The security group created for the interface endpoints; undefined with `securityGroupIds`. */
    public readonly securityGroupId: pulumi.Output<string | undefined>;
    /** Estimated USD a month: interface endpoint AZ-hours; the S3 gateway endpoint is free. */
    public readonly monthlyCostUsd: pulumi.Output<number>;

    constructor(name: string, args: EcrEndpointsArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = inComponent("EcrEndpoints", name, () => planEcrEndpoints(name, args));
        super("eks-private-access:index:EcrEndpoints", name, args, opts);

        const built = buildVpcEndpoints(this, plan.checked);
        this.endpoints = built.endpoints;
        this.endpointIds = built.endpointIds;
        this.serviceNames = built.serviceNames;
        this.availabilityZones = built.availabilityZones;
        this.securityGroupId = built.securityGroupId;
        this.monthlyCostUsd = built.monthlyCostUsd;
        this.registerOutputs({
            endpoints: this.endpoints,
            endpointIds: this.endpointIds,
            serviceNames: this.serviceNames,
            availabilityZones: this.availabilityZones,
            securityGroupId: this.securityGroupId,
            monthlyCostUsd: this.monthlyCostUsd,
        });
    }
}
