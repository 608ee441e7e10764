import * as pulumi from "@pulumi/pulumi";
import { S3EndpointType, planEndpoints } from "./services";
import { inComponent } from "../shared/errors";
import { EndpointDescription, EndpointNetworkArgs, S3InterfaceDns, buildVpcEndpoints, checkEndpointArgs } from "./build";

/** What a node pulling from ECR calls: the ECR API, the registry, and S3 where the image layers are. */
const ecrServices = ["ecr.api", "ecr.dkr", "s3"];

export interface EcrEndpointsArgs extends EndpointNetworkArgs {
    /** Route tables of the nodes' subnets, for the S3 gateway endpoint; ids may be Outputs. */
    routeTableIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** "Gateway" (default: free) or "Interface" for S3. */
    s3EndpointType?: S3EndpointType;
    /**
     * With s3EndpointType "Interface" and private DNS: "allResolvers" (default: the VPC's S3 traffic uses the interface
     * endpoint) or "inboundResolverOnly" (AWS's hybrid set-up: an S3 gateway endpoint is created on routeTableIds for
     * the VPC, and the interface endpoint's private DNS answers only queries from a Route 53 Resolver inbound endpoint).
     */
    s3InterfaceDns?: S3InterfaceDns;
    /** Of ecr.api, ecr.dkr and s3, those that already have an endpoint in this VPC: not created again. */
    existingEndpoints?: string[];
    /** IAM policy JSON per service id (ecr.api, ecr.dkr, s3); overrides `defaultPolicy` for that endpoint. */
    policies?: Record<string, pulumi.Input<string>>;
}

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
        const checked = inComponent("EcrEndpoints", name, () =>
            checkEndpointArgs(
                "EcrEndpoints",
                name,
                args,
                planEndpoints({ services: ecrServices, s3EndpointType: args.s3EndpointType, existingEndpoints: args.existingEndpoints }),
            ),
        );
        super("eks-private-access:index:EcrEndpoints", name, args, opts);

        const built = buildVpcEndpoints(this, checked);
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
