// The PrivateCluster tests' cluster: the mocked account's VPC, subnets and route table, and what a test reads back.
import * as pulumi from "@pulumi/pulumi";
import { PrivateCluster, PrivateClusterArgs } from "../../privateCluster/privateCluster";
import { mockAws } from "../../plan/mocks";

export const VPC = "vpc-0a1b2c3d4e5f60718";
export const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
export const RTB = "rtb-0a1b2c3d4e5f60718";
export const ADMIN = "arn:aws:iam::123456789012:role/platform-admins";
export const NODES = "arn:aws:iam::123456789012:role/prod-nodes";
// The guide's example endpoint (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html), served by the mocked cluster; the CA is the mock's for "prod".
export const ENDPOINT = "https://EXAMPLE108C897D9B2F1B21D5EXAMPLE.sk1.us-east-1.eks.amazonaws.com";
export const CA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM3ZDNjODBjODllNzQ3MzAwNWM5MzNjMjBmYzQ1MzEyMTA0N2NjYjQ4Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K";
export const T = {
    eks: "eks:index:Cluster",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    cache: "aws:ecr/pullThroughCacheRule:PullThroughCacheRule",
    key: "aws:kms/key:Key",
};

export function cluster(extra: Partial<PrivateClusterArgs> = {}): PrivateCluster {
    mockAws().world.clusterEndpoints = { prod: ENDPOINT };
    return new PrivateCluster("prod", { vpcId: VPC, vpcCidrs: ["10.0.0.0/16"], subnetIds: SUBNETS, routeTableIds: [RTB], ...extra });
}

export async function settle(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs().catch(() => undefined);
}

export const names = (type: string) => mockAws().ofType(type).map((r) => r.name).sort();

/** Ingress rules on a security group, as "name: source". */
export function rulesOn(groupId: string): string[] {
    return mockAws()
        .ofType(T.ingress)
        .filter((r) => r.inputs.securityGroupId === groupId)
        .map((r) => `${r.name}: ${String(r.inputs.cidrIpv4 ?? r.inputs.prefixListId ?? r.inputs.referencedSecurityGroupId)}`)
        .sort();
}
