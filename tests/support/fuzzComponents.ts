// A valid argument set for each component index.ts exports, in the mocked default account (plan/mocks/world.ts:
// the cluster VPC with three subnets in three AZs, a peered hub VPC with two), and the argument names a user
// writes for each (schema.json's inputProperties: what a Python, Go or YAML program can set).
import * as pulumi from "@pulumi/pulumi";
import * as lib from "../../index";
import schemaJson from "../../schema.json";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
const HUB_VPC = "vpc-0f9e8d7c6b5a43210";
const HUB_SUBNETS = ["subnet-0b1c2d3e4f5a6b7c8", "subnet-0c2d3e4f5a6b7c8d9"];
const RTB = "rtb-0a1b2c3d4e5f60718";
const SG = "sg-0c1d2e3f4a5b6c7d8";
const BASTION = "sg-0a1b2c3d4e5f60718";
const ENDPOINT = "https://EXAMPLE108C897D9B2F1B21D5EXAMPLE.sk1.us-east-1.eks.amazonaws.com";
const ACCOUNT_ROLE = "arn:aws:iam::123456789012:role";
const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:*", Resource: "*" }] });

/** Valid arguments for each component, by its export name: every argument the schema lists set where the set stays valid. */
export const componentArgs: Record<string, () => Record<string, unknown>> = {
    ClusterEndpointAccess: () => ({
        mode: "public-and-private",
        publicAccessCidrs: ["203.0.113.0/24"],
        ipFamily: "ipv4",
        legacyIpv6Endpoint: false,
        hybridNodes: false,
        vpcId: VPC,
        clusterSecurityGroupId: SG,
        allowedCidrs: ["192.168.0.0/20"],
        allowedSecurityGroupIds: [BASTION],
        allowedSecurityGroups: { ci: "sg-0b1c2d3e4f5a60718" },
    }),
    PrivateClusterEndpoints: () => ({
        vpcId: VPC,
        subnetIds: SUBNETS,
        routeTableIds: [RTB],
        preset: "minimal",
        additionalServices: ["ssm", "kms"],
        features: ["irsa"],
        s3EndpointType: "Gateway",
        existingEndpoints: ["kms"],
        policies: { sts: POLICY },
        endpointAzs: 2,
        endpointPrivateAccess: true,
        allowedCidrs: ["192.168.0.0/20"],
        allowedSecurityGroupIds: [BASTION],
        allowedSecurityGroups: { ci: "sg-0b1c2d3e4f5a60718" },
        privateDnsEnabled: true,
        defaultPolicy: "account",
        interfaceEndpointHourlyUsd: 0.01,
    }),
    EcrEndpoints: () => ({
        vpcId: VPC,
        subnetIds: SUBNETS,
        routeTableIds: [RTB],
        s3EndpointType: "Gateway",
        existingEndpoints: [],
        policies: {},
        allowedCidrs: ["192.168.0.0/20"],
        allowedSecurityGroups: { nodes: SG },
        privateDnsEnabled: true,
        defaultPolicy: "organization",
    }),
    StsEndpoint: () => ({ vpcId: VPC, subnetIds: SUBNETS, policy: POLICY, securityGroupIds: [SG], privateDnsEnabled: true, defaultPolicy: "none", interfaceEndpointHourlyUsd: 0.01 }),
    ResolverInboundEndpoint: () => ({
        vpcId: VPC,
        subnetIds: SUBNETS.slice(0, 2),
        allowedCidrs: ["10.100.0.0/16", "192.168.0.0/20"],
        untrackedConnections: false,
        endpointName: "prod inbound",
        tags: { team: "platform" },
    }),
    ResolverOutboundEndpoint: () => ({ vpcId: HUB_VPC, subnetIds: HUB_SUBNETS, targetCidrs: ["10.0.0.0/16"], untrackedConnections: false, endpointName: "hub-outbound", tags: { team: "platform" } }),
    ClusterDnsForwarding: () => ({
        clusterEndpoint: ENDPOINT,
        scope: "cluster",
        resolverIps: ["10.0.1.237", "10.0.59.167"],
        outboundEndpointId: "rslvr-out-0123456789abcdef0",
        vpcIds: [HUB_VPC],
        vpcs: { other: "vpc-0b1c2d3e4f5a60718" },
        shareWith: ["123456789013"],
        allowExternalPrincipals: false,
        ruleName: "prod-eks",
    }),
    HybridDnsAccess: () => ({
        clusterEndpoint: ENDPOINT,
        scope: "cluster",
        clusterSecurityGroupId: SG,
        clusterVpcId: VPC,
        clusterVpcCidrs: ["10.0.0.0/16"],
        inboundSubnetIds: SUBNETS.slice(0, 2),
        peeredCidrs: ["10.100.0.0/16"],
        onPremisesCidrs: ["192.168.0.0/20"],
        outboundVpcId: HUB_VPC,
        outboundSubnetIds: HUB_SUBNETS,
        vpcIds: ["vpc-0b1c2d3e4f5a60718"],
        shareWith: ["123456789013"],
        allowExternalPrincipals: false,
        tags: { team: "platform" },
        untrackedConnections: false,
        controlPlaneRules: true,
    }),
    PrivateCluster: () => ({
        vpcId: VPC,
        vpcCidrs: ["10.0.0.0/16"],
        subnetIds: SUBNETS,
        routeTableIds: [RTB],
        clusterName: "prod",
        version: "1.33",
        endpointAccess: "private",
        connectedNetworks: ["192.168.0.0/20", "10.100.0.0/16"],
        allowedSecurityGroups: { bastion: BASTION },
        adminPrincipalArns: [`${ACCOUNT_ROLE}/platform-admins`],
        nodeRoleArn: `${ACCOUNT_ROLE}/prod-nodes`,
        serviceIpv4Cidr: "172.20.0.0/16",
        enabledClusterLogTypes: ["api", "audit"],
        createOidcProvider: true,
        endpoints: { preset: "minimal", features: ["irsa"], additionalServices: ["ssm"], defaultPolicy: "account" },
        clusterAutoscaler: false,
        loadBalancerController: true,
        karpenterInterruptionQueue: "prod-interruptions",
        hybridDns: { connectedDns: "no-internet", outboundVpcId: HUB_VPC, outboundSubnetIds: HUB_SUBNETS, shareWith: ["123456789013"] },
        pullThroughCache: { registries: ["registry.k8s.io", "quay.io"] },
        kubernetesApiAccess: false,
        reachabilityCheck: "up",
        tags: { team: "platform" },
    }),
};

type ComponentClass = new (name: string, args: unknown, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

/** Every component class index.ts exports, by export name. */
export function exportedComponents(): Record<string, ComponentClass> {
    return Object.fromEntries(
        Object.entries(lib).filter(([, v]) => typeof v === "function" && v.prototype instanceof pulumi.ComponentResource),
    ) as Record<string, ComponentClass>;
}

/** The argument names a user writes for a component (its schema inputProperties). */
export function argumentNames(component: string): Set<string> {
    const schema: { resources: Record<string, { inputProperties?: Record<string, unknown> }> } = schemaJson;
    return new Set(Object.keys(schema.resources[`eks-private-access:index:${component}`]?.inputProperties ?? {}));
}
