import * as pulumi from "@pulumi/pulumi";
import { inComponent } from "../shared/errors";
import { clusterAutoscalerFlags, globalStsNote, loadBalancerControllerFlags, privateClusterNotes, stsPodEnvironment } from "../aws/privateClusterChecklist";
import { EndpointDescription, buildVpcEndpoints, regionalStsUrl } from "./build";
import { planPrivateClusterEndpoints } from "./plan";
import type { PrivateClusterEndpointsArgs } from "./componentArgs";

export type { PrivateClusterEndpointsArgs } from "./componentArgs";

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
        const plan = inComponent("PrivateClusterEndpoints", name, () => planPrivateClusterEndpoints(name, args));
        super("eks-private-access:index:PrivateClusterEndpoints", name, args, opts);

        const built = buildVpcEndpoints(this, plan.checked);
        this.endpoints = built.endpoints;
        this.endpointIds = built.endpointIds;
        this.serviceNames = built.serviceNames;
        this.availabilityZones = built.availabilityZones;
        this.securityGroupId = built.securityGroupId;
        this.services = pulumi.output(plan.services);
        this.existingServices = pulumi.output(plan.existingServices);
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
