// A cluster with no route to the internet (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html): everything AWS its nodes and pods call goes through
// VPC endpoints. The VPC has no internet or NAT gateway; the private subnets' route tables only gain the S3
// gateway endpoint's route. The node group waits for the endpoints, so its nodes boot with ECR, S3 and STS
// reachable.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateClusterEndpoints, resolveEndpointAccess } from "eks-private-access";

const config = new pulumi.Config();
const name = "private-cluster";
/** One source for the cluster's endpoint settings and the endpoints' fail-fast check (private access must be on). */
const access = resolveEndpointAccess({ mode: "private" });
const endpointPrivateAccess = access.endpointPrivateAccess;

const vpc = new aws.ec2.Vpc(name, {
    cidrBlock: config.get("vpcCidr") ?? "10.40.0.0/16",
    // Interface endpoints' private DNS and the cluster's private endpoint both need these two.
    enableDnsSupport: true,
    enableDnsHostnames: true,
    tags: { Name: name },
});

const zones = aws.getAvailabilityZonesOutput({ state: "available" }).names;
const subnets = [0, 1, 2].map(
    (i) =>
        new aws.ec2.Subnet(`${name}-private-${i + 1}`, {
            vpcId: vpc.id,
            cidrBlock: `10.40.${i * 64}.0/18`,
            availabilityZone: zones.apply((z) => z[i]),
            tags: { Name: `${name}-private-${i + 1}`, "kubernetes.io/role/internal-elb": "1" },
        }),
);
// One route table per subnet: only the local route and, once the endpoints exist, the S3 prefix list.
const routeTables = subnets.map((subnet, i) => {
    const table = new aws.ec2.RouteTable(`${name}-private-${i + 1}`, { vpcId: vpc.id, tags: { Name: `${name}-private-${i + 1}` } });
    new aws.ec2.RouteTableAssociation(`${name}-private-${i + 1}`, { subnetId: subnet.id, routeTableId: table.id });
    return table;
});

const endpoints = new PrivateClusterEndpoints(name, {
    vpcId: vpc.id,
    subnetIds: subnets.map((s) => s.id),
    routeTableIds: routeTables.map((t) => t.id),
    features: ["podIdentity", "clusterAutoscaler", "loadBalancerController"],
    defaultPolicy: "account",
    endpointPrivateAccess,
});

const assumedBy = (service: string) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: ["sts:AssumeRole", "sts:TagSession"] }] });
const partition = aws.getPartitionOutput().partition;
const managedPolicy = (policy: string) => pulumi.interpolate`arn:${partition}:iam::aws:policy/${policy}`;

const clusterRole = new aws.iam.Role(`${name}-cluster`, { assumeRolePolicy: assumedBy("eks.amazonaws.com") });
const clusterPolicy = new aws.iam.RolePolicyAttachment(`${name}-cluster`, { role: clusterRole.name, policyArn: managedPolicy("AmazonEKSClusterPolicy") });

// Envelope encryption runs in the EKS control plane, which reaches KMS itself: no kms endpoint needed for it.
const secretsKey = new aws.kms.Key(`${name}-secrets`, { description: `EKS secrets encryption for ${name}`, enableKeyRotation: true });

const cluster = new aws.eks.Cluster(
    name,
    {
        roleArn: clusterRole.arn,
        accessConfig: { authenticationMode: "API" },
        vpcConfig: { subnetIds: subnets.map((s) => s.id), endpointPrivateAccess, endpointPublicAccess: access.endpointPublicAccess },
        encryptionConfig: { provider: { keyArn: secretsKey.arn }, resources: ["secrets"] },
        enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
    },
    { dependsOn: [clusterPolicy] },
);

const nodeRole = new aws.iam.Role(`${name}-nodes`, { assumeRolePolicy: assumedBy("ec2.amazonaws.com") });
const nodePolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly", "AmazonEKS_CNI_Policy"].map(
    (policy) => new aws.iam.RolePolicyAttachment(`${name}-nodes-${policy}`, { role: nodeRole.name, policyArn: managedPolicy(policy) }),
);
new aws.eks.NodeGroup(
    `${name}-default`,
    {
        clusterName: cluster.name,
        nodeRoleArn: nodeRole.arn,
        subnetIds: subnets.map((s) => s.id),
        scalingConfig: { minSize: 2, desiredSize: 3, maxSize: 6 },
        instanceTypes: ["m7i.large"],
    },
    // Nodes pull their images (ECR and S3) and register (EC2, STS) through the endpoints.
    { dependsOn: [...nodePolicies, endpoints] },
);

export const clusterName = cluster.name;
export const endpointIds = endpoints.endpointIds;
export const serviceNames = endpoints.serviceNames;
export const monthlyCostUsd = endpoints.monthlyCostUsd;
export const endpointSecurityGroupId = endpoints.securityGroupId;
export const loadBalancerControllerFlags = endpoints.loadBalancerControllerFlags;
export const clusterAutoscalerFlags = endpoints.clusterAutoscalerFlags;
export const stsPodEnvironment = endpoints.stsPodEnvironment;
