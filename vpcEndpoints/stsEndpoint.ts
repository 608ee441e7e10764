import * as pulumi from "@pulumi/pulumi";
import { inComponent } from "../shared/errors";
import { globalStsNote, stsPodEnvironment } from "../aws/privateClusterChecklist";
import { EndpointDnsEntry, buildVpcEndpoints, regionalStsUrl } from "./build";
import { planStsEndpoint } from "./plan";
import type { StsEndpointArgs } from "./componentArgs";

export type { StsEndpointArgs } from "./componentArgs";

/**
 * The regional STS interface endpoint that IAM roles for service accounts need without internet access
 * (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, STS bullet). Only the regional endpoint goes through it: give pods `podEnvironment`.
 */
export class StsEndpoint extends pulumi.ComponentResource {
    /** The endpoint's id. */
    public readonly endpointId: pulumi.Output<string>;
    /** The AWS service name used (from AWS's look-up). */
    public readonly serviceName: pulumi.Output<string>;
    /** The endpoint's DNS entries (regional, zonal, and sts.<region>.<suffix> with private DNS). */
    public readonly dnsEntries: pulumi.Output<EndpointDnsEntry[]>;
    /** AZs the endpoint is in. */
    public readonly availabilityZones: pulumi.Output<string[]>;
    /** The security group created for the endpoint; undefined with `securityGroupIds`. */
    public readonly securityGroupId: pulumi.Output<string | undefined>;
    /** Estimated USD a month: one interface endpoint's AZ-hours. */
    public readonly monthlyCostUsd: pulumi.Output<number>;
    /** Pod environment that makes SDKs use the regional STS endpoint: `AWS_STS_REGIONAL_ENDPOINTS=regional`. */
    public readonly podEnvironment: pulumi.Output<Record<string, string>>;
    /** The regional STS endpoint URL (`https://sts.<region>.amazonaws.com`). */
    public readonly regionalEndpoint: pulumi.Output<string>;
    /** Why the global sts.amazonaws.com does not go through this endpoint. */
    public readonly note: pulumi.Output<string>;

    constructor(name: string, args: StsEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = inComponent("StsEndpoint", name, () => planStsEndpoint(name, args));
        super("eks-private-access:index:StsEndpoint", name, args, opts);

        const built = buildVpcEndpoints(this, plan.checked);
        const sts = built.endpoints.apply((e) => e.sts);
        this.endpointId = sts.id;
        this.serviceName = built.serviceNames.apply((n) => n.sts);
        this.dnsEntries = sts.dnsEntries;
        this.availabilityZones = built.availabilityZones.apply((z) => z.sts);
        this.securityGroupId = built.securityGroupId;
        this.monthlyCostUsd = built.monthlyCostUsd;
        this.podEnvironment = pulumi.output({ ...stsPodEnvironment });
        this.regionalEndpoint = regionalStsUrl(this);
        this.note = pulumi.output(globalStsNote);
        this.registerOutputs({
            endpointId: this.endpointId,
            serviceName: this.serviceName,
            dnsEntries: this.dnsEntries,
            availabilityZones: this.availabilityZones,
            securityGroupId: this.securityGroupId,
            monthlyCostUsd: this.monthlyCostUsd,
            podEnvironment: this.podEnvironment,
            regionalEndpoint: this.regionalEndpoint,
            note: this.note,
        });
    }
}
