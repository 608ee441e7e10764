// The stack policies on security groups and Route 53 Resolver (vpc-endpoint-security-group, no-internet-https-dns-ingress,
// resolver-endpoint-redundancy, resolver-security-group-dns-only) and the resolver-forward-rule-targets resource policy,
// called the way the pack's analyzer calls them, on the baseline stack of tests/support/policyStack.ts.
import * as assert from "assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { buildPolicies } from "../policy/policies";
import { urnOf, validateResource, validateStack } from "./support/policyArgs";
import { baseline, ENDPOINT, FakeSecurityGroupProps, INGRESS, INTERFACE_SERVICES, mutate, policies, RESOLVER, SG, SG_RULE, stackPolicy, U } from "./support/policyStack";

describe("policy pack: stack policies on security groups and Resolver", () => {
    it("vpc-endpoint-security-group: interface endpoints admit 443 from the whole VPC (numerically), and not from the internet", async () => {
        const p = stackPolicy("vpc-endpoint-security-group");
        const half = await validateStack(p, mutate("endpoints", (sg: FakeSecurityGroupProps) => (sg.ingress[0].cidrBlocks = ["10.0.0.0/17"])));
        assert.deepStrictEqual(half.violations.map((v) => v.urn), INTERFACE_SERVICES.map((s) => urnOf(ENDPOINT, s.replace(".", "-"))));
        assert.deepStrictEqual(half.violations[1], {
            urn: urnOf(ENDPOINT, "ecr-api"),
            message:
                'Interface endpoint "ecr-api" (com.amazonaws.us-east-1.ecr.api) does not admit TCP 443 from all of VPC "main" ' +
                "(10.0.0.0/16): its security groups allow it only from 10.0.0.0/17. Nodes and pods elsewhere in the VPC cannot " +
                "reach com.amazonaws.us-east-1.ecr.api. Allow TCP 443 from the VPC CIDR, or from the node security group.",
        });
        const halves = mutate("endpoints", (sg: FakeSecurityGroupProps) => (sg.ingress[0].cidrBlocks = ["10.0.128.0/17", "10.0.0.0/17"]));
        assert.deepStrictEqual(await validateStack(p, halves), { violations: [] });
        const nodeGroup = mutate("endpoints", (sg: FakeSecurityGroupProps) => (sg.ingress[0] = { protocol: "tcp", fromPort: 443, toPort: 443, securityGroups: [U] }));
        assert.deepStrictEqual(await validateStack(p, nodeGroup), { violations: [] });
        const dnsOnly = mutate("endpoints", (sg: FakeSecurityGroupProps) => (sg.ingress[0] = { protocol: "udp", fromPort: 53, toPort: 53, cidrBlocks: ["10.0.0.0/16"] }));
        assert.strictEqual(
            (await validateStack(p, dnsOnly)).violations[0].message.split(":")[0],
            'Interface endpoint "ec2" (com.amazonaws.us-east-1.ec2) does not admit TCP 443 from all of VPC "main" (10.0.0.0/16)',
        );

        const open = await validateStack(p, mutate("endpoints", (sg: FakeSecurityGroupProps) => sg.ingress.push({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] })));
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

    it("no-internet-https-dns-ingress: no cluster, endpoint or resolver security group admits 443 or DNS from all of 0.0.0.0/0 or ::/0", async () => {
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
    it("no-internet-https-dns-ingress and resolver-security-group-dns-only under the strict profile accept AWS's untracked Resolver security groups, and only those", async () => {
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

    it("resolver-endpoint-redundancy and resolver-security-group-dns-only: resolver endpoints with two IPs in two AZs, and security groups that admit only DNS", async () => {
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

    it("resolver-forward-rule-targets: forwarding rules name at least two target IPs", async () => {
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
