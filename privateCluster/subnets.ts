// PrivateCluster's look-up checks on subnets, before anything is built on them: the cluster's in two or more
// Availability Zones of its VPC, and, with hybridDns, HybridDnsAccess's own checks (the Resolver subnets, what each
// endpoint reaches, the rule's VPCs) under PrivateCluster's argument names.
import type { PrivateClusterArgs } from "./args";
import type { PrivateClusterPlan } from "./plan";
import { eksAzReason } from "../aws/availabilityZones";
import type { InputSite } from "../shared/validatedInput";
import type * as pulumi from "@pulumi/pulumi";
import { HybridDnsChecks, hybridDnsChecks } from "../hybridDns/reach";
import { checkedSubnetIds } from "../shared/subnetChecks";

export interface PrivateClusterSubnets {
    /** The cluster's subnets, once they lie in `vpcId` and span two AZs. */
    subnetIds: pulumi.Output<string[]>;
    /** The hybrid DNS checks' results; undefined without hybridDns. */
    hybridDns?: HybridDnsChecks;
}

/** The checked subnet lists, each failing on the PrivateCluster with PrivateCluster's argument names. */
export function privateClusterSubnets(site: InputSite, args: PrivateClusterArgs, plan: PrivateClusterPlan): PrivateClusterSubnets {
    const subnetIds = checkedSubnetIds(site, plan.subnetIds(site), args.vpcId, "subnetIds", { vpc: "the cluster's subnets must be in its VPC", az: eksAzReason });
    const dns = plan.hybridDns;
    if (dns === undefined) return { subnetIds };
    // The default inbound subnets are the cluster's, checked above: a bad list fails once, with the subnetIds message.
    return { subnetIds, hybridDns: hybridDnsChecks(site, dns.plan, args.vpcId, dns.ownInboundSubnets ? undefined : subnetIds) };
}
