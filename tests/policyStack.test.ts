// The stack policies (issue 5 rules 7-11) and the resolver rule policy, called the way the pack's analyzer calls
// them at the end of a preview: every resource's properties behind the unknown-checking proxy, ids of resources
// not yet created unknown, and the joins made through property dependencies.
import * as assert from "assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { buildPolicies } from "../policy/policies";
import { FakeResource, sentinels, urnOf, validateResource, validateStack } from "./support/policyArgs";

const U = sentinels.unknownStringValue;
const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const RESOLVER = "aws:route53/resolverEndpoint:ResolverEndpoint";
const CLUSTER = "aws:eks/cluster:Cluster";

const policies = buildPolicies("recommended");
function stackPolicy(name: string): StackValidationPolicy {
    const found = policies.find((p) => p.name === name);
    if (!found || !("validateStack" in found)) throw new Error(`no stack policy ${name}`);
    return found as StackValidationPolicy;
}

const INTERFACE_SERVICES = ["ec2", "ecr.api", "ecr.dkr", "sts", "logs", "elasticloadbalancing"];

/**
 * A private-only cluster in a new VPC with DNS on, interface endpoints admitting 443 from the VPC CIDR, an S3
 * gateway endpoint, and an inbound resolver endpoint in two AZs admitting DNS from the VPN. Passes every policy.
 */
function baseline(): FakeResource[] {
    return [
        { type: VPC, name: "main", props: { cidrBlock: "10.0.0.0/16", enableDnsSupport: true, enableDnsHostnames: true } },
        { type: SUBNET, name: "a", props: { vpcId: U, cidrBlock: "10.0.0.0/19", availabilityZone: "us-east-1a" }, deps: { vpcId: ["main"] } },
        { type: SUBNET, name: "b", props: { vpcId: U, cidrBlock: "10.0.32.0/19", availabilityZone: "us-east-1b" }, deps: { vpcId: ["main"] } },
        { type: SG, name: "cp", props: { vpcId: U, ingress: [] }, deps: { vpcId: ["main"] } },
        {
            type: INGRESS,
            name: "cp-vpn",
            props: { securityGroupId: U, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "192.168.0.0/16" },
            deps: { securityGroupId: ["cp"] },
        },
        {
            type: CLUSTER,
            name: "prod",
            props: { vpcConfig: { subnetIds: [U, U], securityGroupIds: [U], endpointPublicAccess: false, endpointPrivateAccess: true } },
            deps: { vpcConfig: ["a", "b", "cp"] },
        },
        {
            type: SG,
            name: "endpoints",
            props: { vpcId: U, ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }] },
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

/** The baseline with one resource's props changed (and optionally its dependencies). */
function mutate(name: string, change: (props: Record<string, any>) => void, stack = baseline()): FakeResource[] {
    const r = stack.find((f) => f.name === name);
    if (!r) throw new Error(`no ${name} in the baseline`);
    change(r.props);
    return stack;
}

const STACK_POLICIES = [
    "eks-private-endpoint-vpc-dns",
    "eks-private-cluster-vpc-endpoints",
    "vpc-endpoint-security-group",
    "no-internet-https-dns-ingress",
    "resolver-endpoint-redundancy",
    "resolver-security-group-dns-only",
];

describe("policy pack: stack policies", () => {
    it("passes the baseline stack under every stack policy, although no id is known yet", async () => {
        assert.deepStrictEqual(policies.filter((p) => "validateStack" in p).map((p) => p.name), STACK_POLICIES);
        for (const name of STACK_POLICIES) assert.deepStrictEqual(await validateStack(stackPolicy(name), baseline()), { violations: [] }, name);
    });

    it("is not applicable to a stack without the resource types it reads", async () => {
        assert.deepStrictEqual(await validateStack(stackPolicy("resolver-endpoint-redundancy"), [{ type: "aws:s3/bucket:Bucket", name: "logs", props: {} }]), {
            violations: [],
            notApplicable: "Policy only applies to stacks with resources of type 'aws:route53/resolverEndpoint:ResolverEndpoint', 'aws:ec2/subnet:Subnet'",
        });
    });

    it("rule 7: reports the VPC DNS attributes and DHCP options a private endpoint needs, on the VPC", async () => {
        const p = stackPolicy("eks-private-endpoint-vpc-dns");
        const noHostnames = await validateStack(p, mutate("main", (v) => delete v.enableDnsHostnames));
        assert.deepStrictEqual(noHostnames.violations, [
            {
                urn: urnOf(VPC, "main"),
                message:
                    'Cluster "prod" has private endpoint access on: VPC <id of VPC "main"> has enableDnsHostnames=false; private ' +
                    "endpoint access needs it true, or the EKS-managed private hosted zone does not resolve the endpoint. Set " +
                    'enableDnsHostnames: true on the aws.ec2.Vpc, or run: aws ec2 modify-vpc-attribute --vpc-id <id of VPC "main"> ' +
                    "--enable-dns-hostnames '{\"Value\":true}'",
            },
        ]);
        const existing = await validateStack(p, mutate("main", (v) => Object.assign(v, { id: "vpc-0a1b2c3d4e5f60718", enableDnsSupport: false })));
        assert.strictEqual(existing.violations[0].message.split(";")[0], 'Cluster "prod" has private endpoint access on: VPC vpc-0a1b2c3d4e5f60718 has enableDnsSupport=false');

        const dhcp = [
            ...baseline(),
            { type: "aws:ec2/vpcDhcpOptions:VpcDhcpOptions", name: "corp-dns", props: { domainNameServers: ["10.0.0.2", "192.168.0.53"] } },
            {
                type: "aws:ec2/vpcDhcpOptionsAssociation:VpcDhcpOptionsAssociation",
                name: "corp-dns-main",
                props: { vpcId: U, dhcpOptionsId: U },
                deps: { vpcId: ["main"], dhcpOptionsId: ["corp-dns"] },
            },
        ];
        assert.deepStrictEqual((await validateStack(p, dhcp)).violations.map((v) => v.message), [
            'Cluster "prod" has private endpoint access on: VPC <id of VPC "main">\'s DHCP options set lists domain name servers ' +
                '["10.0.0.2","192.168.0.53"] without AmazonProvidedDNS, so instances never query the Route 53 Resolver that holds ' +
                'the EKS private hosted zone. Associate a DHCP options set whose domainNameServers include "AmazonProvidedDNS" ' +
                "(forward other names with Route 53 Resolver rules instead).",
        ]);
        const publicOnly = mutate("prod", (c) => Object.assign(c.vpcConfig, { endpointPublicAccess: true, endpointPrivateAccess: false }));
        assert.deepStrictEqual((await validateStack(p, mutate("main", (v) => delete v.enableDnsHostnames, publicOnly))).violations, []);
    });

    it("rule 8: reports the endpoints a private-only cluster's VPC lacks, unless listed as existing elsewhere", async () => {
        const p = stackPolicy("eks-private-cluster-vpc-endpoints");
        const stack = baseline().filter((r) => r.name !== "sts" && r.name !== "logs");
        // The required set is eksctl's (ec2, ecr.api, ecr.dkr, s3, sts): logs is needed only by a feature that calls it.
        assert.deepStrictEqual((await validateStack(p, stack)).violations, [
            {
                urn: urnOf(CLUSTER, "prod"),
                message:
                    'Cluster "prod" is private-only, but VPC "main" has no VPC endpoint for sts. Without internet access: ' +
                    "sts: IAM roles for service accounts: pods exchange their token for credentials. Create the endpoints, or list " +
                    "the ones that exist outside this stack in existingEndpoints.",
            },
        ]);
        assert.deepStrictEqual(await validateStack(p, stack, { existingEndpoints: ["sts"] }), { violations: [] });
        assert.deepStrictEqual(await validateStack(p, stack, { requiredServices: ["ec2", "ecr.api", "ecr.dkr", "s3"] }), { violations: [] });
        const withPublic = mutate("prod", (c) => (c.vpcConfig.endpointPublicAccess = true), stack);
        assert.deepStrictEqual(await validateStack(p, withPublic), { violations: [] });
    });

    it("rule 8: names the feature whose endpoint is missing, from the features knob or a PrivateClusterEndpoints in the VPC", async () => {
        const p = stackPolicy("eks-private-cluster-vpc-endpoints");
        const noLogs = baseline().filter((r) => r.name !== "logs");
        assert.deepStrictEqual((await validateStack(p, noLogs, { features: ["containerInsights"] })).violations, [
            {
                urn: urnOf(CLUSTER, "prod"),
                message:
                    'Cluster "prod" is private-only, but VPC "main" has no VPC endpoint for logs. Without internet access: ' +
                    "logs: called by feature containerInsights (the CloudWatch agent sends performance logs (EMF) to CloudWatch Logs). " +
                    "Create the endpoints, or list the ones that exist outside this stack in existingEndpoints.",
            },
        ]);
        assert.deepStrictEqual(await validateStack(p, baseline(), { features: ["containerInsights"] }), { violations: [] });
        const component = (features: string[], existingEndpoints: string[] = []): FakeResource => ({
            type: "eks-private-access:index:PrivateClusterEndpoints",
            name: "net",
            props: { vpcId: U, features, existingEndpoints },
            deps: { vpcId: ["main"] },
        });
        const noElb = baseline().filter((r) => r.name !== "elasticloadbalancing");
        assert.deepStrictEqual((await validateStack(p, [...noElb, component(["loadBalancerController", "irsa"])])).violations.map((v) => v.message), [
            'Cluster "prod" is private-only, but VPC "main" has no VPC endpoint for elasticloadbalancing. Without internet access: ' +
                "elasticloadbalancing: called by feature loadBalancerController (creates load balancers and reads subnets and security groups). " +
                "Create the endpoints, or list the ones that exist outside this stack in existingEndpoints.",
        ]);
        assert.deepStrictEqual(await validateStack(p, [...noElb, component(["loadBalancerController"], ["elasticloadbalancing"])]), { violations: [] });
        assert.deepStrictEqual(await validateStack(p, noElb), { violations: [] });
    });

    it("rule 8: an EKS add-on of the cluster (by clusterName dependency or name) is its feature: amazon-cloudwatch-observability calls logs", async () => {
        const p = stackPolicy("eks-private-cluster-vpc-endpoints");
        const noLogs = baseline().filter((r) => r.name !== "logs");
        const addon = (addonName: string, props: Record<string, unknown>, deps?: Record<string, string[]>): FakeResource => ({
            type: "aws:eks/addon:Addon",
            name: addonName,
            props: { addonName, ...props },
            deps,
        });
        const expected = [
            'Cluster "prod" is private-only, but VPC "main" has no VPC endpoint for logs. Without internet access: ' +
                "logs: called by feature containerInsights (the CloudWatch agent sends performance logs (EMF) to CloudWatch Logs). " +
                "Create the endpoints, or list the ones that exist outside this stack in existingEndpoints.",
        ];
        const byDependency = await validateStack(p, [...noLogs, addon("amazon-cloudwatch-observability", { clusterName: U }, { clusterName: ["prod"] })]);
        assert.deepStrictEqual(byDependency.violations.map((v) => v.message), expected);
        const named = mutate("prod", (c) => (c.name = "prod-eks"), [...noLogs, addon("amazon-cloudwatch-observability", { clusterName: "prod-eks" })]);
        assert.deepStrictEqual((await validateStack(p, named)).violations.map((v) => v.message), expected);
        const otherCluster = mutate("prod", (c) => (c.name = "prod-eks"), [...noLogs, addon("amazon-cloudwatch-observability", { clusterName: "staging-eks" })]);
        assert.deepStrictEqual(await validateStack(p, otherCluster), { violations: [] });
        assert.deepStrictEqual(await validateStack(p, [...noLogs, addon("coredns", { clusterName: U }, { clusterName: ["prod"] })]), { violations: [] });
    });

    it("rule 9: interface endpoints admit 443 from the whole VPC (numerically), and not from the internet", async () => {
        const p = stackPolicy("vpc-endpoint-security-group");
        const half = await validateStack(p, mutate("endpoints", (sg) => (sg.ingress[0].cidrBlocks = ["10.0.0.0/17"])));
        assert.deepStrictEqual(half.violations.map((v) => v.urn), INTERFACE_SERVICES.map((s) => urnOf(ENDPOINT, s.replace(".", "-"))));
        assert.deepStrictEqual(half.violations[1], {
            urn: urnOf(ENDPOINT, "ecr-api"),
            message:
                'Interface endpoint "ecr-api" (com.amazonaws.us-east-1.ecr.api) does not admit TCP 443 from all of VPC "main" ' +
                "(10.0.0.0/16): its security groups allow it only from 10.0.0.0/17. Nodes and pods elsewhere in the VPC cannot " +
                "reach com.amazonaws.us-east-1.ecr.api. Allow TCP 443 from the VPC CIDR, or from the node security group.",
        });
        const halves = mutate("endpoints", (sg) => (sg.ingress[0].cidrBlocks = ["10.0.128.0/17", "10.0.0.0/17"]));
        assert.deepStrictEqual(await validateStack(p, halves), { violations: [] });
        const nodeGroup = mutate("endpoints", (sg) => (sg.ingress[0] = { protocol: "tcp", fromPort: 443, toPort: 443, securityGroups: [U] }));
        assert.deepStrictEqual(await validateStack(p, nodeGroup), { violations: [] });
        const dnsOnly = mutate("endpoints", (sg) => (sg.ingress[0] = { protocol: "udp", fromPort: 53, toPort: 53, cidrBlocks: ["10.0.0.0/16"] }));
        assert.strictEqual(
            (await validateStack(p, dnsOnly)).violations[0].message.split(":")[0],
            'Interface endpoint "ec2" (com.amazonaws.us-east-1.ec2) does not admit TCP 443 from all of VPC "main" (10.0.0.0/16)',
        );

        const open = await validateStack(p, mutate("endpoints", (sg) => sg.ingress.push({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] })));
        assert.deepStrictEqual(open.violations[0], {
            urn: urnOf(ENDPOINT, "ec2"),
            message:
                'Interface endpoint "ec2" (com.amazonaws.us-east-1.ec2) admits TCP 443 from the whole internet (0.0.0.0/0) through ' +
                'ingress[1] of security group "endpoints". An endpoint serves its VPC and connected networks; allow the VPC CIDR instead.',
        });
        assert.strictEqual(open.violations.length, 6);

        const noGroups = await validateStack(p, mutate("sts", (e) => (e.securityGroupIds = [])).map((r) => (r.name === "sts" ? { ...r, deps: { vpcId: ["main"] } } : r)));
        assert.deepStrictEqual(noGroups.violations, [
            {
                urn: urnOf(ENDPOINT, "sts"),
                message:
                    'Interface endpoint "sts" (com.amazonaws.us-east-1.sts) lists no securityGroupIds, so AWS attaches the VPC\'s ' +
                    "default security group, which admits only its own members: nodes and pods cannot reach the endpoint on TCP 443. " +
                    "Attach a security group that allows TCP 443 from the VPC CIDR.",
            },
        ]);
    });

    it("rule 10: no cluster, endpoint or resolver security group admits 443 or DNS from all of 0.0.0.0/0 or ::/0", async () => {
        const p = stackPolicy("no-internet-https-dns-ingress");
        const halves = [
            ...baseline(),
            ...["0.0.0.0/1", "128.0.0.0/1"].map((cidr, i) => ({
                type: INGRESS,
                name: `cp-anywhere-${i}`,
                props: { securityGroupId: U, ipProtocol: "tcp", fromPort: 0, toPort: 65535, cidrIpv4: cidr },
                deps: { securityGroupId: ["cp"] },
            })),
        ];
        assert.deepStrictEqual((await validateStack(p, halves)).violations, [
            {
                urn: urnOf(SG, "cp"),
                message:
                    'security group "cp" (EKS cluster) admits TCP 443 from the whole internet (0.0.0.0/0) through ' +
                    'aws.vpc.SecurityGroupIngressRule "cp-anywhere-0" and aws.vpc.SecurityGroupIngressRule "cp-anywhere-1". Admit ' +
                    "the VPC CIDR and the connected networks that need HTTPS instead.",
            },
            {
                urn: urnOf(SG, "cp"),
                message:
                    'security group "cp" (EKS cluster) admits DNS (port 53) from the whole internet (0.0.0.0/0) through ' +
                    'aws.vpc.SecurityGroupIngressRule "cp-anywhere-0" and aws.vpc.SecurityGroupIngressRule "cp-anywhere-1". Admit ' +
                    "the VPC CIDR and the connected networks that need DNS instead.",
            },
        ]);
        const dns = [
            ...baseline(),
            {
                type: SG_RULE,
                name: "resolver-v6",
                props: { type: "ingress", securityGroupId: U, protocol: "udp", fromPort: 53, toPort: 53, ipv6CidrBlocks: ["::/0"] },
                deps: { securityGroupId: ["resolver"] },
            },
        ];
        assert.deepStrictEqual((await validateStack(p, dns)).violations, [
            {
                urn: urnOf(SG, "resolver"),
                message:
                    'security group "resolver" (Route 53 Resolver endpoint) admits DNS (port 53) from the whole internet (::/0) ' +
                    'through aws.ec2.SecurityGroupRule "resolver-v6". Admit the VPC CIDR and the connected networks that need DNS instead.',
            },
        ]);
        const clusterSg = [
            ...baseline(),
            {
                type: INGRESS,
                name: "cluster-sg-https",
                props: { securityGroupId: U, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" },
                deps: { securityGroupId: ["prod"] },
            },
        ];
        assert.deepStrictEqual((await validateStack(p, clusterSg)).violations, [
            {
                urn: urnOf(INGRESS, "cluster-sg-https"),
                message:
                    'the EKS-created cluster security group of "prod" (EKS cluster) admits TCP 443 from the whole internet ' +
                    '(0.0.0.0/0) through aws.vpc.SecurityGroupIngressRule "cluster-sg-https". Admit the VPC CIDR and the connected ' +
                    "networks that need HTTPS instead.",
            },
        ]);
    });

    // Route 53 Developer Guide, "Resolver endpoint scaling": AWS's recommended rules, which keep connections untracked.
    // Inbound endpoint: TCP/UDP 53 from 0.0.0.0/0, TCP/UDP all ports to 0.0.0.0/0; outbound endpoint: the reverse.
    it("rules 10 and 11 under the strict profile accept AWS's untracked Resolver security groups, and only those", async () => {
        const strict = buildPolicies("strict");
        const named = (name: string) => strict.find((x) => x.name === name) as StackValidationPolicy;
        for (const name of ["no-internet-https-dns-ingress", "resolver-security-group-dns-only"]) assert.strictEqual(named(name).enforcementLevel, "mandatory");
        const rule = (type: string, name: string, group: string, protocol: string, from: number, to: number) => ({
            type,
            name,
            props: { securityGroupId: U, ipProtocol: protocol, fromPort: from, toPort: to, cidrIpv4: "0.0.0.0/0" },
            deps: { securityGroupId: [group] },
        });
        const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
        const shape = (group: string, dnsType: string, allType: string) =>
            ["tcp", "udp"].flatMap((protocol) => [rule(dnsType, `${group}-${protocol}53`, group, protocol, 53, 53), rule(allType, `${group}-${protocol}-all`, group, protocol, 0, 65535)]);
        const untracked = [
            ...baseline().filter((r) => !r.name.startsWith("resolver-")),
            ...shape("resolver", INGRESS, EGRESS),
            { type: SG, name: "outbound-sg", props: { vpcId: U }, deps: { vpcId: ["main"] } },
            ...shape("outbound-sg", EGRESS, INGRESS),
            {
                type: RESOLVER,
                name: "outbound",
                props: { direction: "OUTBOUND", securityGroupIds: [U], ipAddresses: [{ subnetId: U }, { subnetId: U }] },
                deps: { securityGroupIds: ["outbound-sg"], ipAddresses: ["a", "b"] },
            },
        ];
        for (const name of ["no-internet-https-dns-ingress", "resolver-security-group-dns-only"]) {
            assert.deepStrictEqual(await validateStack(named(name), untracked), { violations: [] }, name);
        }
        // Without the all-ports egress the inbound group's DNS from 0.0.0.0/0 is tracked and open: still refused.
        const tracked = untracked.filter((r) => !r.name.startsWith("resolver-") || !r.name.endsWith("-all"));
        assert.deepStrictEqual((await validateStack(named("no-internet-https-dns-ingress"), tracked)).violations, [
            {
                urn: urnOf(SG, "resolver"),
                message:
                    'security group "resolver" (Route 53 Resolver endpoint) admits DNS (port 53) from the whole internet (0.0.0.0/0) through ' +
                    'aws.vpc.SecurityGroupIngressRule "resolver-tcp53" and aws.vpc.SecurityGroupIngressRule "resolver-udp53". Admit the VPC CIDR and the connected networks that need DNS instead.',
            },
        ]);
    });

    it("rule 11: resolver endpoints with two IPs in two AZs, and security groups that admit only DNS", async () => {
        const redundancy = stackPolicy("resolver-endpoint-redundancy");
        const oneIp = mutate("inbound", (e) => (e.ipAddresses = [{ subnetId: U }]));
        assert.deepStrictEqual((await validateStack(redundancy, oneIp)).violations, [
            {
                urn: urnOf(RESOLVER, "inbound"),
                message:
                    'Route 53 Resolver inbound endpoint "inbound": ipAddresses: 1 subnet given; a Route 53 Resolver endpoint needs ' +
                    "an IP in at least two subnets, in different Availability Zones so one AZ is not a single point of failure. List " +
                    "two or more subnets",
            },
        ]);
        const oneAz = mutate("b", (s) => (s.availabilityZone = "us-east-1a"));
        assert.deepStrictEqual((await validateStack(redundancy, oneAz)).violations, [
            {
                urn: urnOf(RESOLVER, "inbound"),
                message:
                    'Route 53 Resolver inbound endpoint "inbound": ipAddresses: every subnet is in us-east-1a: a (us-east-1a), ' +
                    "b (us-east-1a). A Route 53 Resolver endpoint in one AZ stops resolving when that AZ fails; list subnets in at " +
                    "least two different Availability Zones",
            },
        ]);

        const dnsOnly = stackPolicy("resolver-security-group-dns-only");
        const wide = mutate("resolver-tcp", (r) => Object.assign(r, { fromPort: 0, toPort: 65535 }));
        assert.deepStrictEqual((await validateStack(dnsOnly, wide)).violations, [
            {
                urn: urnOf(SG_RULE, "resolver-tcp"),
                message:
                    'security group "resolver" (Route 53 Resolver endpoint) admits TCP 0-65535 through aws.ec2.SecurityGroupRule ' +
                    '"resolver-tcp"; a Resolver endpoint only needs DNS. Narrow the rule to TCP and UDP port 53.',
            },
        ]);
        const all = mutate("resolver", (sg) => (sg.ingress = [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["192.168.0.0/16"] }]));
        assert.deepStrictEqual((await validateStack(dnsOnly, all)).violations.map((v) => v.message), [
            'security group "resolver" (Route 53 Resolver endpoint) admits all traffic through ingress[0] of security group ' +
                '"resolver"; a Resolver endpoint only needs DNS. Narrow the rule to TCP and UDP port 53.',
        ]);
    });

    it("rule 11: forwarding rules name at least two target IPs", async () => {
        const p = policies.find((x) => x.name === "resolver-forward-rule-targets") as ResourceValidationPolicy;
        const type = "aws:route53/resolverRule:ResolverRule";
        const rule = (targetIps: unknown[]) => ({ ruleType: "FORWARD", domainName: "us-east-1.eks.amazonaws.com", resolverEndpointId: U, targetIps });
        assert.deepStrictEqual(await validateResource(p, type, rule([{ ip: "10.0.0.10" }, { ip: "10.0.32.10" }])), { violations: [] });
        assert.deepStrictEqual((await validateResource(p, type, rule([{ ip: "10.0.0.10" }]))).violations, [
            {
                message:
                    'FORWARD rule for "us-east-1.eks.amazonaws.com" has 1 target IP: when that resolver is unreachable the name ' +
                    "stops resolving. List both IPs of the inbound endpoint in targetIps.",
            },
        ]);
        assert.deepStrictEqual(await validateResource(p, type, { ruleType: "SYSTEM", domainName: "internal.example.com" }), { violations: [] });
    });
});
