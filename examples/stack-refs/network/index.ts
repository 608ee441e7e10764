// The network stack of a split platform repo. It owns what every cluster in the VPC shares: the VPC and its
// private subnets, the peering to the hub (shared-services) VPC, the Resolver endpoints that let the hub and
// on-premises networks resolve private cluster endpoints (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/), and the VPC endpoints private clusters
// need (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html). Cluster stacks read the outputs below with adapters/stackOutputs.ts; the names are the ones
// its readers expect.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateClusterEndpoints, ResolverInboundEndpoint, ResolverOutboundEndpoint } from "eks-private-access";

const config = new pulumi.Config();
const clustersCidr = "10.0.0.0/16";
const hubCidr = "10.100.0.0/16";
/** On-premises networks reaching clusters over Direct Connect or VPN. */
const onPremises = config.getObject<string[]>("onPremisesCidrs") ?? ["192.168.0.0/20"];

const zones = aws.getAvailabilityZonesOutput({ state: "available" }).names;

// Private clusters' endpoints resolve only with both DNS attributes on (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Cluster private endpoint").
const vpc = new aws.ec2.Vpc("clusters", { cidrBlock: clustersCidr, enableDnsSupport: true, enableDnsHostnames: true, tags: { Name: "clusters" } });
const privateSubnets = [0, 1, 2].map(
    (i) =>
        new aws.ec2.Subnet(`clusters-private-${i + 1}`, {
            vpcId: vpc.id,
            cidrBlock: `10.0.${i * 32}.0/19`,
            availabilityZone: zones.apply((z) => z[i]),
            tags: { Name: `clusters-private-${i + 1}`, "kubernetes.io/role/internal-elb": "1" },
        }),
);

const hub = new aws.ec2.Vpc("hub", { cidrBlock: hubCidr, enableDnsSupport: true, enableDnsHostnames: true, tags: { Name: "hub" } });
const hubSubnets = [0, 1].map(
    (i) =>
        new aws.ec2.Subnet(`hub-private-${i + 1}`, {
            vpcId: hub.id,
            cidrBlock: `10.100.${i}.0/24`,
            availabilityZone: zones.apply((z) => z[i]),
            tags: { Name: `hub-private-${i + 1}` },
        }),
);

// The hub reaches the clusters' API servers and the inbound endpoint over the peering.
const peering = new aws.ec2.VpcPeeringConnection("hub-clusters", { vpcId: hub.id, peerVpcId: vpc.id, autoAccept: true, tags: { Name: "hub-clusters" } });
const clusterRoutes = new aws.ec2.RouteTable("clusters-private", {
    vpcId: vpc.id,
    routes: [{ cidrBlock: hubCidr, vpcPeeringConnectionId: peering.id }],
    tags: { Name: "clusters-private" },
});
privateSubnets.forEach((subnet, i) => new aws.ec2.RouteTableAssociation(`clusters-private-${i + 1}`, { subnetId: subnet.id, routeTableId: clusterRoutes.id }));
const hubRoutes = new aws.ec2.RouteTable("hub-private", {
    vpcId: hub.id,
    routes: [{ cidrBlock: clustersCidr, vpcPeeringConnectionId: peering.id }],
    tags: { Name: "hub-private" },
});
hubSubnets.forEach((subnet, i) => new aws.ec2.RouteTableAssociation(`hub-private-${i + 1}`, { subnetId: subnet.id, routeTableId: hubRoutes.id }));

// Queries for a cluster endpoint must reach the VPC resolver of the cluster VPC, the only one associated with
// the EKS-managed private hosted zone; the inbound endpoint is that resolver's address for the hub and on
// premises (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Configuring the inbound endpoint").
const inbound = new ResolverInboundEndpoint("clusters-inbound", {
    vpcId: vpc.id,
    subnetIds: privateSubnets.map((s) => s.id),
    allowedCidrs: [hubCidr, ...onPremises],
});
const outbound = new ResolverOutboundEndpoint("hub-outbound", {
    vpcId: hub.id,
    subnetIds: hubSubnets.map((s) => s.id),
    targetCidrs: [clustersCidr],
});

// One set of endpoints for every cluster in the VPC; cluster stacks list them as existingEndpoints. Shared by many
// clusters whose workloads ship logs and traces and run the Load Balancer Controller: the EKS guide's whole table.
const endpoints = new PrivateClusterEndpoints("clusters", {
    preset: "eks-guide",
    vpcId: vpc.id,
    subnetIds: privateSubnets.map((s) => s.id),
    routeTableIds: [clusterRoutes.id],
    defaultPolicy: "account",
});

export const vpcId = vpc.id;
export const vpcCidr = clustersCidr;
export const privateSubnetIds = privateSubnets.map((s) => s.id);
export const hubVpcId = hub.id;
export const hubVpcCidr = hubCidr;
export const onPremisesCidrs = onPremises;
export const resolverInboundEndpointId = inbound.endpointId;
export const resolverIps = inbound.ipAddresses;
export const resolverOutboundEndpointId = outbound.endpointId;
export const vpcEndpointIds = endpoints.endpointIds;
export const vpcEndpointSecurityGroupId = endpoints.securityGroupId;
export const vpcEndpointsMonthlyCostUsd = endpoints.monthlyCostUsd;
