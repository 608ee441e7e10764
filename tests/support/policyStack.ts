// The passing stack the stack-policy tests (tests/policyStack*.test.ts) mutate, as the pack's analyzer sees it at
// the end of a preview: ids of resources not yet created unknown, joins made through property dependencies.
import type { StackValidationPolicy } from "@pulumi/policy";
import { buildPolicies } from "../../policy/policies";
import type { Props } from "../../rules/types";
import { FakeResource, sentinels } from "./policyArgs";

export const U = sentinels.unknownStringValue;
export const VPC = "aws:ec2/vpc:Vpc";
export const SUBNET = "aws:ec2/subnet:Subnet";
export const SG = "aws:ec2/securityGroup:SecurityGroup";
export const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
export const RESOLVER = "aws:route53/resolverEndpoint:ResolverEndpoint";
export const CLUSTER = "aws:eks/cluster:Cluster";

export const policies = buildPolicies("recommended");
export function stackPolicy(name: string): StackValidationPolicy {
    const found = policies.find((p) => p.name === name);
    if (!found || !("validateStack" in found)) throw new Error(`no stack policy ${name}`);
    return found;
}

/** An inline rule of an aws.ec2.SecurityGroup's `ingress` input, as the baseline writes one. */
export type FakeIngress = { protocol: string; fromPort: number; toPort: number; cidrBlocks?: string[]; securityGroups?: string[] };
/** The inputs of a baseline security group with inline rules (`cp`, `endpoints`). */
export type FakeSecurityGroupProps = { vpcId: string; ingress: FakeIngress[] };
/** The inputs of the baseline's cluster (`prod`). */
export type FakeClusterProps = {
    name?: string;
    vpcConfig: { subnetIds: string[]; securityGroupIds: string[]; endpointPublicAccess: boolean; endpointPrivateAccess: boolean };
};

export const INTERFACE_SERVICES = ["ec2", "ecr.api", "ecr.dkr", "sts", "logs", "elasticloadbalancing"];

/**
 * A private-only cluster in a new VPC with DNS on, interface endpoints admitting 443 from the VPC CIDR, an S3
 * gateway endpoint, and an inbound resolver endpoint in two AZs admitting DNS from the VPN. Passes every policy.
 */
export function baseline(): FakeResource[] {
    return [
        { type: VPC, name: "main", props: { cidrBlock: "10.0.0.0/16", enableDnsSupport: true, enableDnsHostnames: true } },
        { type: SUBNET, name: "a", props: { vpcId: U, cidrBlock: "10.0.0.0/19", availabilityZone: "us-east-1a" }, deps: { vpcId: ["main"] } },
        { type: SUBNET, name: "b", props: { vpcId: U, cidrBlock: "10.0.32.0/19", availabilityZone: "us-east-1b" }, deps: { vpcId: ["main"] } },
        { type: SG, name: "cp", props: { vpcId: U, ingress: [] } satisfies FakeSecurityGroupProps, deps: { vpcId: ["main"] } },
        {
            type: INGRESS,
            name: "cp-vpn",
            props: { securityGroupId: U, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "192.168.0.0/16" },
            deps: { securityGroupId: ["cp"] },
        },
        {
            type: CLUSTER,
            name: "prod",
            props: { vpcConfig: { subnetIds: [U, U], securityGroupIds: [U], endpointPublicAccess: false, endpointPrivateAccess: true } } satisfies FakeClusterProps,
            deps: { vpcConfig: ["a", "b", "cp"] },
        },
        {
            type: SG,
            name: "endpoints",
            props: { vpcId: U, ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }] } satisfies FakeSecurityGroupProps,
            deps: { vpcId: ["main"] },
        },
        ...INTERFACE_SERVICES.map((service) => ({
            type: ENDPOINT,
            name: service.replace(".", "-"),
            props: { vpcId: U, serviceName: `com.amazonaws.us-east-1.${service}`, vpcEndpointType: "Interface", securityGroupIds: [U], subnetIds: [U, U] },
            deps: { vpcId: ["main"], securityGroupIds: ["endpoints"], subnetIds: ["a", "b"] },
        })),
        { type: ENDPOINT, name: "s3", props: { vpcId: U, serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway" }, deps: { vpcId: ["main"] } },
        { type: SG, name: "resolver", props: { vpcId: U }, deps: { vpcId: ["main"] } },
        ...["udp", "tcp"].map((protocol) => ({
            type: SG_RULE,
            name: `resolver-${protocol}`,
            props: { type: "ingress", securityGroupId: U, protocol, fromPort: 53, toPort: 53, cidrBlocks: ["192.168.0.0/16"] },
            deps: { securityGroupId: ["resolver"] },
        })),
        {
            type: RESOLVER,
            name: "inbound",
            props: { direction: "INBOUND", securityGroupIds: [U], ipAddresses: [{ subnetId: U }, { subnetId: U }] },
            deps: { securityGroupIds: ["resolver"], ipAddresses: ["a", "b"] },
        },
    ];
}

/**
 * The baseline with one resource's props changed (and optionally its dependencies). A `change` that reads nested
 * props declares their shape on its parameter (FakeClusterProps, FakeSecurityGroupProps).
 */
export function mutate<P extends Props = Props>(name: string, change: (props: P) => void, stack = baseline()): FakeResource[] {
    const r = stack.find((f) => f.name === name);
    if (!r) throw new Error(`no ${name} in the baseline`);
    change(r.props as P);
    return stack;
}

export const STACK_POLICIES = [
    "eks-private-endpoint-vpc-dns",
    "eks-private-cluster-vpc-endpoints",
    "vpc-endpoint-security-group",
    "no-internet-https-dns-ingress",
    "resolver-endpoint-redundancy",
    "resolver-security-group-dns-only",
];
