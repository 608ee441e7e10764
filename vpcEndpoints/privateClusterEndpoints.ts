import * as pulumi from "@pulumi/pulumi";
import { EndpointFeature, EndpointPreset, S3EndpointType, planEndpoints } from "./services";
import { inComponent } from "../shared/errors";
import {
    checkEndpointPrivateAccess,
    clusterAutoscalerFlags,
    globalStsNote,
    loadBalancerControllerFlags,
    privateClusterNotes,
    stsPodEnvironment,
} from "../aws/privateClusterChecklist";
import { EndpointDescription, EndpointNetworkArgs, S3InterfaceDns, buildVpcEndpoints, checkEndpointArgs, regionalStsUrl } from "./build";

export interface PrivateClusterEndpointsArgs extends EndpointNetworkArgs {
    /** Route tables of the nodes' subnets, for gateway endpoints (S3 by default); ids may be Outputs. */
    routeTableIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The service set to start from: "minimal" (default: ec2, ecr.api, ecr.dkr, sts and the S3 gateway, what nodes
     * need to join and pull images; eksctl's fully-private set) or "eks-guide" (the EKS private cluster guide's whole
     * table: adds logs, elasticloadbalancing and xray). `features` and `additionalServices` add to it.
     */
    preset?: EndpointPreset;
    /** Services to create endpoints for, by short id, instead of a preset's set. */
    services?: string[];
    /** Services added to `services` (autoscaling, eks-auth, ssm, kms, elasticfilesystem, ...). */
    additionalServices?: string[];
    /** What the cluster runs; each adds the endpoints it calls (see the README's features table). */
    features?: EndpointFeature[];
    /** "Gateway" (default: free, and what ECR layer pulls need) or "Interface" for S3. */
    s3EndpointType?: S3EndpointType;
    /**
     * With s3EndpointType "Interface" and private DNS: "allResolvers" (default: the VPC's S3 traffic uses the interface
     * endpoint) or "inboundResolverOnly" (AWS's hybrid set-up: an S3 gateway endpoint is created on routeTableIds for
     * the VPC, and the interface endpoint's private DNS answers only queries from a Route 53 Resolver inbound endpoint).
     */
    s3InterfaceDns?: S3InterfaceDns;
    /**
     * Services that already have an endpoint in this VPC (shared with another cluster, or made by another tool):
     * not created again. An existing S3 gateway endpoint must be listed, or AWS refuses the second route.
     */
    existingEndpoints?: string[];
    /** IAM policy JSON per service id; overrides `defaultPolicy` for that endpoint. */
    policies?: Record<string, pulumi.Input<string>>;
    /**
     * Interface endpoints in only this many of the subnets' AZs (the first by AZ name), for non-production stacks:
     * each AZ left out saves its AZ-hours, with a warning that nodes there cross AZs and depend on the others.
     * Default: every AZ of the subnets.
     */
    endpointAzs?: number;
    /** The cluster's endpoint private access setting; false fails before anything is created. */
    endpointPrivateAccess?: boolean;
}

/**
 * The VPC endpoints a private EKS cluster (no outbound internet access) needs, plus the rest of its checklist
 * as outputs (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html). Child names are keyed by service id, so adding or removing a service never
 * replaces another endpoint.
 */
export class PrivateClusterEndpoints extends pulumi.ComponentResource {
    /** Per service id: the endpoint's id, type, service name, DNS entries, AZs, prefix list and monthly cost. */
    public readonly endpoints: pulumi.Output<Record<string, EndpointDescription>>;
    /** Endpoint ids by service id. */
    public readonly endpointIds: pulumi.Output<Record<string, string>>;
    /** The AWS service names used, by service id (from AWS's look-up, right for aws-cn and aws-us-gov). */
    public readonly serviceNames: pulumi.Output<Record<string, string>>;
    /** AZs each interface endpoint is in, by service id (empty for gateway endpoints). */
    public readonly availabilityZones: pulumi.Output<Record<string, string[]>>;
    /** The security group created for the interface endpoints; undefined with `securityGroupIds` or no interface endpoint. */
    public readonly securityGroupId: pulumi.Output<string | undefined>;
    /** Services given an endpoint here, sorted. */
    public readonly services: pulumi.Output<string[]>;
    /** Services skipped because `existingEndpoints` lists them, sorted. */
    public readonly existingServices: pulumi.Output<string[]>;
    /** Estimated USD a month for the endpoints created: interface endpoint AZ-hours; gateway endpoints free; no data processing. */
    public readonly monthlyCostUsd: pulumi.Output<number>;
    /** Estimated USD a month per AZ: the interface endpoints' AZ-hours in each AZ (what endpointAzs saves per AZ left out). */
    public readonly costPerAzUsd: pulumi.Output<Record<string, number>>;
    /** AWS Load Balancer Controller flags a private cluster needs. */
    public readonly loadBalancerControllerFlags: pulumi.Output<string[]>;
    /** Cluster Autoscaler flags a private cluster needs. */
    public readonly clusterAutoscalerFlags: pulumi.Output<string[]>;
    /** Pod environment that makes SDKs use the regional STS endpoint. */
    public readonly stsPodEnvironment: pulumi.Output<Record<string, string>>;
    /** The regional STS endpoint URL pods must use. */
    public readonly regionalStsEndpoint: pulumi.Output<string>;
    /** Why the global STS endpoint does not work here. */
    public readonly stsNote: pulumi.Output<string>;
    /** The rest of the private-cluster checklist. */
    public readonly notes: pulumi.Output<string[]>;

    constructor(name: string, args: PrivateClusterEndpointsArgs, opts?: pulumi.ComponentResourceOptions) {
        const checked = inComponent("PrivateClusterEndpoints", name, () => {
            checkEndpointPrivateAccess(args.endpointPrivateAccess);
            return checkEndpointArgs("PrivateClusterEndpoints", name, args, planEndpoints(args));
        });
        super("eks-private-access:index:PrivateClusterEndpoints", name, args, opts);

        const built = buildVpcEndpoints(this, checked);
        this.endpoints = built.endpoints;
        this.endpointIds = built.endpointIds;
        this.serviceNames = built.serviceNames;
        this.availabilityZones = built.availabilityZones;
        this.securityGroupId = built.securityGroupId;
        this.services = pulumi.output(checked.plan.create.map((e) => e.service));
        this.existingServices = pulumi.output(checked.plan.existing);
        this.monthlyCostUsd = built.monthlyCostUsd;
        this.costPerAzUsd = built.costPerAzUsd;
        this.loadBalancerControllerFlags = pulumi.output([...loadBalancerControllerFlags]);
        this.clusterAutoscalerFlags = pulumi.output([...clusterAutoscalerFlags]);
        this.stsPodEnvironment = pulumi.output({ ...stsPodEnvironment });
        this.regionalStsEndpoint = regionalStsUrl(this);
        this.stsNote = pulumi.output(globalStsNote);
        this.notes = pulumi.output([...privateClusterNotes]);
        this.registerOutputs({
            endpoints: this.endpoints,
            endpointIds: this.endpointIds,
            serviceNames: this.serviceNames,
            availabilityZones: this.availabilityZones,
            securityGroupId: this.securityGroupId,
            services: this.services,
            existingServices: this.existingServices,
            monthlyCostUsd: this.monthlyCostUsd,
            costPerAzUsd: this.costPerAzUsd,
            loadBalancerControllerFlags: this.loadBalancerControllerFlags,
            clusterAutoscalerFlags: this.clusterAutoscalerFlags,
            stsPodEnvironment: this.stsPodEnvironment,
            regionalStsEndpoint: this.regionalStsEndpoint,
            stsNote: this.stsNote,
            notes: this.notes,
        });
    }
}
