// A private-only cluster that a peered VPC and an on-premises network can resolve and reach (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/).
// The cluster's endpoint name resolves to its private IPs only inside the cluster VPC, so HybridDnsAccess puts a
// Route 53 Resolver inbound endpoint there, forwards the name from the peered VPC through an outbound endpoint
// and a resolver rule, and exports the forwarder config for the on-premises DNS servers. It also opens TCP 443 on
// the control plane to both networks: without that the name resolves and connections still time out.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { HybridDnsAccess, PrivateClusterEndpoints, resolveEndpointAccess } from "eks-private-access";

const config = new pulumi.Config();
/** On-premises ranges that reach the cluster VPC over VPN or Direct Connect. */
const onPremisesCidrs = config.getObject<string[]>("onPremisesCidrs") ?? ["192.168.0.0/20"];
const clusterVpcCidr = "10.20.0.0/16";
const peeredVpcCidr = "10.30.0.0/16";
const region = aws.getRegionOutput().name;

function network(name: string, cidrBlock: string, third: (i: number) => number) {
    const vpc = new aws.ec2.Vpc(name, {
        cidrBlock,
        // The EKS-managed private hosted zone and Route 53 Resolver endpoints both need VPC DNS turned on.
        enableDnsSupport: true,
        enableDnsHostnames: true,
        tags: { Name: name },
    });
    const routes = new aws.ec2.RouteTable(name, { vpcId: vpc.id, tags: { Name: name } });
    const subnetIds = ["a", "b"].map((az, i) => {
        const subnet = new aws.ec2.Subnet(`${name}-${az}`, {
            vpcId: vpc.id,
            cidrBlock: cidrBlock.replace(/\.0\.0\/16$/, `.${third(i)}.0/20`),
            // Two AZs: a resolver endpoint in one AZ stops answering when that AZ fails.
            availabilityZone: pulumi.interpolate`${region}${az}`,
            tags: { Name: `${name}-${az}` },
        });
        new aws.ec2.RouteTableAssociation(`${name}-${az}`, { subnetId: subnet.id, routeTableId: routes.id });
        return subnet.id;
    });
    return { vpc, routes, subnetIds };
}

const clusterNet = network("hybrid-cluster", clusterVpcCidr, (i) => i * 16);
const peeredNet = network("hybrid-peered", peeredVpcCidr, (i) => i * 16);

const peering = new aws.ec2.VpcPeeringConnection("hybrid", { vpcId: peeredNet.vpc.id, peerVpcId: clusterNet.vpc.id, autoAccept: true });
new aws.ec2.Route("hybrid-cluster-to-peered", { routeTableId: clusterNet.routes.id, destinationCidrBlock: peeredVpcCidr, vpcPeeringConnectionId: peering.id });
new aws.ec2.Route("hybrid-peered-to-cluster", { routeTableId: peeredNet.routes.id, destinationCidrBlock: clusterVpcCidr, vpcPeeringConnectionId: peering.id });

const controlPlane = new aws.ec2.SecurityGroup("hybrid-control-plane", {
    vpcId: clusterNet.vpc.id,
    description: "Additional control-plane security group: TCP 443 from the peered VPC and on-premises",
});

const clusterRole = new aws.iam.Role("hybrid-cluster", {
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }],
    }),
});
const clusterPolicy = new aws.iam.RolePolicyAttachment("hybrid-cluster", {
    role: clusterRole.name,
    policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
});

const secretsKey = new aws.kms.Key("hybrid-secrets", { description: "EKS secrets encryption for hybrid", enableKeyRotation: true });

// A private-only cluster: no public endpoint, so AWS services are reached through VPC endpoints.
const access = resolveEndpointAccess({ mode: "private" });
const endpoints = new PrivateClusterEndpoints("hybrid", {
    vpcId: clusterNet.vpc.id,
    subnetIds: clusterNet.subnetIds,
    routeTableIds: [clusterNet.routes.id],
    endpointPrivateAccess: access.endpointPrivateAccess,
});

const cluster = new aws.eks.Cluster(
    "hybrid",
    {
        roleArn: clusterRole.arn,
        accessConfig: { authenticationMode: "API" },
        encryptionConfig: { provider: { keyArn: secretsKey.arn }, resources: ["secrets"] },
        enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
        vpcConfig: {
            subnetIds: clusterNet.subnetIds,
            securityGroupIds: [controlPlane.id],
            endpointPrivateAccess: access.endpointPrivateAccess,
            endpointPublicAccess: access.endpointPublicAccess,
        },
    },
    { dependsOn: [clusterPolicy] },
);

const hybrid = new HybridDnsAccess("hybrid", {
    clusterEndpoint: cluster.endpoint,
    clusterSecurityGroupId: controlPlane.id,
    clusterVpcId: clusterNet.vpc.id,
    clusterVpcCidr,
    inboundSubnetIds: clusterNet.subnetIds,
    peeredCidrs: [peeredVpcCidr],
    onPremisesCidrs,
    outboundVpcId: peeredNet.vpc.id,
    outboundSubnetIds: peeredNet.subnetIds,
});

export const clusterEndpoint = cluster.endpoint;
export const vpcEndpointIds = endpoints.endpointIds;
export const forwardedDomain = hybrid.domain;
export const resolverIps = hybrid.resolverIps;
export const resolverRuleId = hybrid.ruleId;
export const bindConfig = hybrid.forwarderConfigs.bind;
export const dnsmasqConfig = hybrid.forwarderConfigs.dnsmasq;
export const unboundConfig = hybrid.forwarderConfigs.unbound;
export const corednsConfig = hybrid.forwarderConfigs.coredns;
export const windowsDnsCommand = hybrid.forwarderConfigs.windowsDns;
