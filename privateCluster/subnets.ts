// PrivateCluster's subnets, looked up before anything is built on them: the cluster's in two or more Availability
// Zones of its VPC, and, with an outbound endpoint, Resolver subnets the two endpoints can reach each other from.
import type { PrivateClusterArgs } from "./privateCluster";
import type { ValidatedPrivateCluster } from "./args";
import { eksAzReason } from "../hybridDns/resolverChecks";
import type { InputSite } from "../shared/validatedInput";
import * as pulumi from "@pulumi/pulumi";
import { admittedOutboundSubnets, reachableInboundSubnets } from "../hybridDns/reach";
import { checkedSubnetIds } from "../hybridDns/resolverEndpoint";

export interface PrivateClusterSubnets {
    /** The cluster's subnets, once they lie in `vpcId` and span two AZs. */
    subnetIds: pulumi.Output<string[]>;
    /** The inbound endpoint's subnets (default: the checked cluster subnets); undefined without hybridDns. */
    inboundSubnetIds?: pulumi.Output<string[]>;
    /** The outbound endpoint's subnets; undefined without one. */
    outboundSubnetIds?: pulumi.Output<string[]>;
}

/** The checked subnet lists, each failing on the PrivateCluster with PrivateCluster's argument names. */
export function privateClusterSubnets(site: InputSite, args: PrivateClusterArgs, v: ValidatedPrivateCluster): PrivateClusterSubnets {
    const subnetIds = checkedSubnetIds(site, v.subnetIds(site), args.vpcId, "subnetIds", { vpc: "the cluster's subnets must be in its VPC", az: eksAzReason });
    const dns = v.hybridDns;
    if (dns === undefined) return { subnetIds };
    const own = args.hybridDns?.inboundSubnetIds !== undefined;
    let inboundSubnetIds = own ? pulumi.output(dns.inboundSubnetIds(site)) : subnetIds;
    let outboundSubnetIds = dns.outboundSubnetIds ? pulumi.output(dns.outboundSubnetIds(site)) : undefined;
    // The untracked security groups admit and send DNS to 0.0.0.0/0, so the endpoints reach each other anyway.
    if (outboundSubnetIds !== undefined && dns.outboundVpcId !== undefined && dns.untrackedConnections !== true) {
        inboundSubnetIds = reachableInboundSubnets(site, inboundSubnetIds, args.vpcId, args.vpcCidrs, {
            subnets: own ? "hybridDns.inboundSubnetIds" : "subnetIds",
            cidrs: "vpcCidrs",
            fix: "vpcCidrs",
        });
        outboundSubnetIds = admittedOutboundSubnets(site, outboundSubnetIds, dns.outboundVpcId, v.connectedNetworks, {
            subnets: "hybridDns.outboundSubnetIds",
            admitted: "connectedNetworks",
            fix: "connectedNetworks",
        });
    }
    return { subnetIds, inboundSubnetIds, outboundSubnetIds };
}
