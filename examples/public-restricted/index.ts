// A cluster reachable from the internet only from known ranges. Private access stays on: with a restricted
// public endpoint and private access off, nodes and Fargate pods would have to come from those ranges too.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ClusterEndpointAccess, EndpointAccessMode } from "eks-private-access";

const config = new pulumi.Config();
/** Ranges allowed to reach the public endpoint: office egress and CI runners. */
const publicAccessCidrs = config.getObject<string[]>("publicAccessCidrs") ?? ["203.0.113.0/24", "198.51.100.16/28"];

const vpc = new aws.ec2.Vpc("public-restricted", {
    cidrBlock: "10.40.0.0/16",
    enableDnsSupport: true,
    enableDnsHostnames: true,
    tags: { Name: "public-restricted" },
});
const subnets = ["a", "b"].map(
    (az, i) =>
        new aws.ec2.Subnet(`public-restricted-private-${az}`, {
            vpcId: vpc.id,
            cidrBlock: `10.40.${i * 64}.0/18`,
            availabilityZone: aws.getRegionOutput().name.apply((region) => `${region}${az}`),
            tags: { Name: `public-restricted-private-${az}` },
        }),
);

const access = new ClusterEndpointAccess("public-restricted", {
    mode: EndpointAccessMode.PublicAndPrivate,
    publicAccessCidrs,
    vpcId: vpc.id,
});

const clusterRole = new aws.iam.Role("public-restricted-cluster", {
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }],
    }),
});
const clusterPolicy = new aws.iam.RolePolicyAttachment("public-restricted-cluster", {
    role: clusterRole.name,
    policyArn: aws.iam.ManagedPolicy.AmazonEKSClusterPolicy,
});

// Kubernetes secrets encrypted with a customer managed key (what Checkov CKV_AWS_58 and Trivy AWS-0039 ask for).
const secretsKey = new aws.kms.Key("public-restricted-secrets", {
    description: "EKS secrets encryption for public-restricted",
    enableKeyRotation: true,
});

const cluster = new aws.eks.Cluster(
    "public-restricted",
    {
        roleArn: clusterRole.arn,
        vpcConfig: pulumi.all([access.vpcConfig, subnets.map((s) => s.id)]).apply(([endpoint, subnetIds]) => ({ ...endpoint, subnetIds })),
        accessConfig: { authenticationMode: "API" },
        encryptionConfig: { provider: { keyArn: secretsKey.arn }, resources: ["secrets"] },
        enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
    },
    { dependsOn: [clusterPolicy] },
);

export const clusterName = cluster.name;
export const endpoint = cluster.endpoint;
export const endpointPublicAccess = access.endpointPublicAccess;
export const endpointPrivateAccess = access.endpointPrivateAccess;
export const allowedPublicCidrs = access.publicAccessCidrs;
