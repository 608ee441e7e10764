// The hybrid DNS tests' account: the cluster VPC, a peered VPC with two subnets, a secondary CIDR block, and what a
// test reads back from the recorded mock.
import * as pulumi from "@pulumi/pulumi";
import type { HybridDnsAccessArgs } from "../../hybridDns/hybridDnsAccess";
import { mockAws } from "../../plan/mocks";

export const CLUSTER_VPC = "vpc-0a1b2c3d4e5f60718";
export const PEERED_VPC = "vpc-0b1c2d3e4f5a60718";
export const SUBNET_A = "subnet-0d1e2f3a4b5c6d7e8"; // us-east-1a, 10.0.0.0/19
export const SUBNET_B = "subnet-0e2f3a4b5c6d7e8f9"; // us-east-1b, 10.0.32.0/19
export const PEERED_A = "subnet-0a9b8c7d6e5f40312";
export const PEERED_B = "subnet-0b8c7d6e5f4031201";
export const CLUSTER_SG = "sg-0c1d2e3f4a5b6c7d8";
export const ENDPOINT = "https://ABC123.gr7.us-east-1.eks.amazonaws.com";
export const HOST = "abc123.gr7.us-east-1.eks.amazonaws.com";

export const T = {
    endpoint: "aws:route53/resolverEndpoint:ResolverEndpoint",
    rule: "aws:route53/resolverRule:ResolverRule",
    assoc: "aws:route53/resolverRuleAssociation:ResolverRuleAssociation",
    share: "aws:ram/resourceShare:ResourceShare",
    shareResource: "aws:ram/resourceAssociation:ResourceAssociation",
    sharePrincipal: "aws:ram/principalAssociation:PrincipalAssociation",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
};

/** Waits until every registration the program started has finished. */
export async function settled(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

export function names(type: string): string[] {
    return mockAws()
        .ofType(type)
        .map((r) => r.name)
        .sort();
}

export const SUBNET_C = "subnet-0c1d2e3f4a5b6c7d8"; // us-east-1c, in the cluster VPC's secondary 100.64.0.0/16

/** Gives the cluster VPC a secondary CIDR block with a subnet in it. */
export function addSecondaryCidrSubnet(): void {
    const world = mockAws().world;
    world.vpcs[CLUSTER_VPC].secondaryCidrBlocks = ["100.64.0.0/16"];
    world.subnets[SUBNET_C] = { id: SUBNET_C, vpcId: CLUSTER_VPC, cidrBlock: "100.64.0.0/20", availabilityZone: "us-east-1c", availabilityZoneId: "use1-az3" };
}

export function addPeeredVpc(): void {
    const world = mockAws().world;
    world.vpcs[PEERED_VPC] = { id: PEERED_VPC, cidrBlock: "10.1.0.0/16", enableDnsSupport: true, enableDnsHostnames: true, dhcpOptionsId: "dopt-0a1b2c3d4e5f60718" };
    world.subnets[PEERED_A] = { id: PEERED_A, vpcId: PEERED_VPC, cidrBlock: "10.1.0.0/20", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1" };
    world.subnets[PEERED_B] = { id: PEERED_B, vpcId: PEERED_VPC, cidrBlock: "10.1.16.0/20", availabilityZone: "us-east-1b", availabilityZoneId: "use1-az2" };
}

export const HYBRID_ARGS: HybridDnsAccessArgs = {
    clusterEndpoint: ENDPOINT,
    clusterSecurityGroupId: CLUSTER_SG,
    clusterVpcId: CLUSTER_VPC,
    clusterVpcCidr: "10.0.0.0/16",
    inboundSubnetIds: [SUBNET_A, SUBNET_B],
    peeredCidrs: ["10.1.0.0/16"],
    onPremisesCidrs: ["192.168.0.0/20"],
    outboundVpcId: PEERED_VPC,
    outboundSubnetIds: [PEERED_A, PEERED_B],
};

/** Names of every resource registered besides the top-level component `name`: its children, for a test that made only it. */
export function registeredBesides(name: string): string[] {
    return [...mockAws().resources.values()].filter((r) => r.name !== name).map((r) => r.name).sort();
}
