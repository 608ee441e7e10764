// npm run bench, "ours": N private clusters with this package's components.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ClusterDnsForwarding } from "../../../hybridDns/clusterDnsForwarding";
import { ClusterEndpointAccess } from "../../../apiEndpoint/clusterEndpointAccess";
import { PrivateClusterEndpoints } from "../../../vpcEndpoints/privateClusterEndpoints";
import { ResolverInboundEndpoint } from "../../../hybridDns/resolverInboundEndpoint";
import { ResolverOutboundEndpoint } from "../../../hybridDns/resolverOutboundEndpoint";
import { clusterCount, clusterNetwork, hubCidr, hubNetwork, onPremisesCidr } from "../network";

const hub = hubNetwork();
const outbound = new ResolverOutboundEndpoint("hub-outbound", { vpcId: hub.vpc.id, subnetIds: hub.subnets.map((s) => s.id), targetCidrs: ["10.0.0.0/8"] });

const endpoints: pulumi.Output<string>[] = [];
for (let i = 1; i <= clusterCount(); i++) {
    const name = `c${i}`;
    const net = clusterNetwork(name, i);
    const access = new ClusterEndpointAccess(name, {
        mode: "private",
        vpcId: net.vpc.id,
        clusterSecurityGroupId: net.controlPlane.id,
        allowedCidrs: [hubCidr, onPremisesCidr],
    });
    // The guide's whole table, as raw writes it, so both programs create the same resources.
    const vpcEndpoints = new PrivateClusterEndpoints(name, {
        vpcId: net.vpc.id,
        subnetIds: net.subnetIds,
        routeTableIds: [net.routes.id],
        endpointPrivateAccess: true,
        preset: "eks-guide",
    });
    const cluster = new aws.eks.Cluster(
        name,
        {
            roleArn: hub.clusterRole.arn,
            vpcConfig: pulumi.all([access.vpcConfig, net.controlPlane.id]).apply(([c, sg]) => ({ ...c, subnetIds: net.subnetIds, securityGroupIds: [sg] })),
        },
        { dependsOn: [hub.policy, vpcEndpoints] },
    );
    const inbound = new ResolverInboundEndpoint(`${name}-inbound`, { vpcId: net.vpc.id, subnetIds: net.subnetIds, allowedCidrs: [hubCidr, onPremisesCidr] });
    new ClusterDnsForwarding(name, { clusterEndpoint: cluster.endpoint, resolverIps: inbound.ipAddresses, outboundEndpointId: outbound.endpointId, vpcs: { hub: hub.vpc.id } });
    endpoints.push(cluster.endpoint);
}

export const clusterEndpoints = endpoints;
