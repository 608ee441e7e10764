// A cluster stack of a split platform repo: a private-only cluster in the network stack's VPC
// (examples/stack-refs/network). It reads the network's outputs through a StackReference and adds only what
// belongs to this cluster: its endpoint access rules, its Resolver forwarding rule, and the VPC endpoints the
// network stack does not already provide.
//
// The program is an async function because the network's outputs feed plain args (`allowedCidrs`,
// `existingEndpoints`, `vpcIds`) that decide what gets created; the referenced stack is already deployed, so
// they are known at preview.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    ClusterDnsForwarding,
    ClusterEndpointAccess,
    EndpointAccessMode,
    PrivateClusterEndpoints,
    readNetworkOutputs,
    readResolverOutputs,
    readVpcEndpointOutputs,
} from "eks-private-access";

export = async () => {
    const config = new pulumi.Config();
    const name = config.get("clusterName") ?? "payments";
    const network = new pulumi.StackReference("network", { name: config.require("networkStack") });
    const [net, resolver, shared] = await Promise.all([readNetworkOutputs(network), readResolverOutputs(network), readVpcEndpointOutputs(network)]);

    // Attached through vpcConfig.securityGroupIds, so the 443 rules exist before the cluster does.
    const controlPlane = new aws.ec2.SecurityGroup(`${name}-control-plane`, {
        vpcId: net.vpcId,
        description: `EKS control plane of ${name}: API server access from connected networks`,
        tags: { Name: `${name}-control-plane` },
    });

    // kubectl from the hub VPC and on premises reaches the private endpoint only with these rules
    // (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Accessing a private only API server").
    const access = new ClusterEndpointAccess(name, {
        mode: EndpointAccessMode.Private,
        vpcId: net.vpcId,
        clusterSecurityGroupId: controlPlane.id,
        allowedCidrs: [...(net.hubVpcCidr ? [net.hubVpcCidr] : []), ...(net.onPremisesCidrs ?? [])],
    });

    // Only the endpoints this cluster's features add; the network stack's (its eks-guide preset) are listed as existing.
    const endpoints = new PrivateClusterEndpoints(name, {
        preset: "eks-guide",
        vpcId: net.vpcId,
        subnetIds: net.privateSubnetIds,
        existingEndpoints: Object.keys(shared.vpcEndpointIds),
        features: ["podIdentity"],
        securityGroupIds: shared.vpcEndpointSecurityGroupId ? [shared.vpcEndpointSecurityGroupId] : undefined,
        endpointPrivateAccess: true,
    });

    const assumedBy = (service: string) =>
        JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: ["sts:AssumeRole", "sts:TagSession"] }] });
    const partition = aws.getPartitionOutput().partition;
    const clusterRole = new aws.iam.Role(`${name}-cluster`, { assumeRolePolicy: assumedBy("eks.amazonaws.com") });
    const clusterPolicy = new aws.iam.RolePolicyAttachment(`${name}-cluster`, {
        role: clusterRole.name,
        policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/AmazonEKSClusterPolicy`,
    });
    const secretsKey = new aws.kms.Key(`${name}-secrets`, { description: `EKS secrets encryption for ${name}`, enableKeyRotation: true });

    const cluster = new aws.eks.Cluster(
        name,
        {
            roleArn: clusterRole.arn,
            accessConfig: { authenticationMode: "API" },
            vpcConfig: pulumi
                .all([access.vpcConfig, controlPlane.id])
                .apply(([endpoint, sg]) => ({ ...endpoint, subnetIds: net.privateSubnetIds, securityGroupIds: [sg] })),
            encryptionConfig: { provider: { keyArn: secretsKey.arn }, resources: ["secrets"] },
            enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
        },
        { dependsOn: [clusterPolicy, endpoints] },
    );

    // The hub VPC resolves this cluster's endpoint name through the network's outbound and inbound endpoints
    // (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Create a forwarding rule for the cluster endpoint").
    const forwarding = new ClusterDnsForwarding(name, {
        clusterEndpoint: cluster.endpoint,
        resolverIps: resolver.resolverIps,
        outboundEndpointId: resolver.resolverOutboundEndpointId,
        vpcIds: net.hubVpcId ? [net.hubVpcId] : [],
    });

    return {
        clusterName: cluster.name,
        clusterEndpoint: cluster.endpoint,
        clusterSecurityGroupId: controlPlane.id,
        endpointPublicAccess: access.endpointPublicAccess,
        endpointPrivateAccess: access.endpointPrivateAccess,
        publicAccessCidrs: access.publicAccessCidrs,
        forwardingRuleId: forwarding.ruleId,
        forwardedDomain: forwarding.domain,
        addedEndpointIds: endpoints.endpointIds,
    };
};
