import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ClusterDnsForwarding } from "../hybridDns/clusterDnsForwarding";
import { HybridDnsAccess, HybridDnsAccessArgs } from "../hybridDns/hybridDnsAccess";
import { ResolverInboundEndpoint } from "../hybridDns/resolverInboundEndpoint";
import { ResolverOutboundEndpoint } from "../hybridDns/resolverOutboundEndpoint";
import { resolverNameFrom } from "../hybridDns/resolverNames";
import { mockAws, valueOf } from "../plan/mocks";
import { programFailures } from "./support/failures";

const CLUSTER_VPC = "vpc-0a1b2c3d4e5f60718";
const PEERED_VPC = "vpc-0b1c2d3e4f5a60718";
const SUBNET_A = "subnet-0d1e2f3a4b5c6d7e8"; // us-east-1a, 10.0.0.0/19
const SUBNET_B = "subnet-0e2f3a4b5c6d7e8f9"; // us-east-1b, 10.0.32.0/19
const PEERED_A = "subnet-0a9b8c7d6e5f40312";
const PEERED_B = "subnet-0b8c7d6e5f4031201";
const CLUSTER_SG = "sg-0c1d2e3f4a5b6c7d8";
const ENDPOINT = "https://ABC123.gr7.us-east-1.eks.amazonaws.com";
const HOST = "abc123.gr7.us-east-1.eks.amazonaws.com";

const T = {
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
async function settled(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

function names(type: string): string[] {
    return mockAws()
        .ofType(type)
        .map((r) => r.name)
        .sort();
}

const SUBNET_C = "subnet-0c1d2e3f4a5b6c7d8"; // us-east-1c, in the cluster VPC's secondary 100.64.0.0/16

/** Gives the cluster VPC a secondary CIDR block with a subnet in it. */
function addSecondaryCidrSubnet(): void {
    const world = mockAws().world;
    world.vpcs[CLUSTER_VPC].secondaryCidrBlocks = ["100.64.0.0/16"];
    world.subnets[SUBNET_C] = { id: SUBNET_C, vpcId: CLUSTER_VPC, cidrBlock: "100.64.0.0/20", availabilityZone: "us-east-1c", availabilityZoneId: "use1-az3" };
}

function addPeeredVpc(): void {
    const world = mockAws().world;
    world.vpcs[PEERED_VPC] = { id: PEERED_VPC, cidrBlock: "10.1.0.0/16", enableDnsSupport: true, enableDnsHostnames: true, dhcpOptionsId: "dopt-0a1b2c3d4e5f60718" };
    world.subnets[PEERED_A] = { id: PEERED_A, vpcId: PEERED_VPC, cidrBlock: "10.1.0.0/20", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1" };
    world.subnets[PEERED_B] = { id: PEERED_B, vpcId: PEERED_VPC, cidrBlock: "10.1.16.0/20", availabilityZone: "us-east-1b", availabilityZoneId: "use1-az2" };
}

describe("ResolverInboundEndpoint", () => {
    it("creates the endpoint with one IP per subnet and DNS from allowedCidrs only", async () => {
        const inbound = new ResolverInboundEndpoint("in", { vpcId: CLUSTER_VPC, subnetIds: [SUBNET_A, SUBNET_B], allowedCidrs: ["10.1.0.0/16", "192.168.0.0/20"] });
        assert.match(await valueOf(inbound.endpointId), /^rslvr-in-[0-9a-f]{17}$/);
        assert.deepStrictEqual(await valueOf(inbound.ipAddresses), ["10.0.1.237", "10.0.59.167"]);
        // Route 53 Resolver bills each IP: 2 x $0.125 x 730 hours.
        assert.strictEqual(await valueOf(inbound.monthlyCostUsd), 182.5);
        await settled();
        const sg = mockAws().get(T.sg, "in-sg");
        assert.strictEqual(await valueOf(inbound.securityGroupId), sg.id);
        assert.strictEqual(sg.inputs.vpcId, CLUSTER_VPC);
        assert.deepStrictEqual(mockAws().get(T.endpoint, "in-endpoint").inputs, {
            name: "in",
            direction: "INBOUND",
            ipAddresses: [{ subnetId: SUBNET_A }, { subnetId: SUBNET_B }],
            protocols: ["Do53"],
            securityGroupIds: [sg.id],
        });
        assert.deepStrictEqual(names(T.ingress), ["in-tcp53-from-10-1-0-0-16", "in-tcp53-from-192-168-0-0-20", "in-udp53-from-10-1-0-0-16", "in-udp53-from-192-168-0-0-20"]);
        assert.deepStrictEqual(mockAws().get(T.ingress, "in-udp53-from-192-168-0-0-20").inputs, {
            securityGroupId: sg.id,
            ipProtocol: "udp",
            fromPort: 53,
            toPort: 53,
            cidrIpv4: "192.168.0.0/20",
            description: "DNS (UDP 53) from 192.168.0.0/20",
        });
        assert.deepStrictEqual(names(T.egress), []);
        assert.deepStrictEqual(mockAws().calls, [
            { token: "aws:ec2/getSubnet:getSubnet", inputs: { id: SUBNET_A } },
            { token: "aws:ec2/getSubnet:getSubnet", inputs: { id: SUBNET_B } },
        ]);
    });

    it("fails before registering anything with fewer than two subnets", () => {
        assert.throws(() => new ResolverInboundEndpoint("in", { vpcId: CLUSTER_VPC, subnetIds: [SUBNET_A], allowedCidrs: ["10.1.0.0/16"] }), {
            name: "InputError",
            message:
                'ResolverInboundEndpoint "in": subnetIds: 1 subnet given; a Route 53 Resolver endpoint needs an IP in at least two subnets, in different Availability Zones so one AZ is not a single point of failure. List two or more subnets',
        });
        assert.strictEqual(mockAws().resources.size, 0);
    });

    it("requires allowedCidrs and refuses 0.0.0.0/0", () => {
        assert.throws(() => new ResolverInboundEndpoint("in", { vpcId: CLUSTER_VPC, subnetIds: [SUBNET_A, SUBNET_B], allowedCidrs: [] }), {
            message:
                'ResolverInboundEndpoint "in": allowedCidrs: no CIDRs given; list the networks whose DNS servers forward to this endpoint (the peered VPCs\' CIDRs, the on-premises DNS servers\' ranges). There is no default: an open resolver would answer every private name in the VPC to anyone who can reach it',
        });
        assert.throws(() => new ResolverInboundEndpoint("in", { vpcId: CLUSTER_VPC, subnetIds: [SUBNET_A, SUBNET_B], allowedCidrs: ["0.0.0.0/0"] }), {
            message: 'ResolverInboundEndpoint "in": allowedCidrs[0]: 0.0.0.0/0 is open to everyone (every IPv4 address); list the networks that need this access',
        });
        assert.strictEqual(mockAws().resources.size, 0);
    });

    it("fails the deployment, creating no endpoint, when every subnet is in one AZ", async () => {
        mockAws().world.subnets[SUBNET_B].availabilityZone = "us-east-1a";
        const expected =
            'ResolverInboundEndpoint "in": subnetIds: every subnet is in us-east-1a: subnet-0d1e2f3a4b5c6d7e8 (us-east-1a), subnet-0e2f3a4b5c6d7e8f9 (us-east-1a). A Route 53 Resolver endpoint in one AZ stops resolving when that AZ fails; list subnets in at least two different Availability Zones';
        const failures = await programFailures(async () => {
            const inbound = new ResolverInboundEndpoint("in", { vpcId: CLUSTER_VPC, subnetIds: [SUBNET_A, SUBNET_B], allowedCidrs: ["10.1.0.0/16"] });
            await assert.rejects(valueOf(inbound.endpointId), (e: Error) => e.message.endsWith(expected));
            await assert.rejects(valueOf(inbound.ipAddresses), (e: Error) => e.message.endsWith(expected));
        });
        assert.ok(failures.length > 0 && failures.every((f) => f.endsWith(expected)), failures.join("\n"));
        assert.deepStrictEqual(names(T.endpoint), []);
    });

    it("fails the deployment when a subnet is in another VPC", async () => {
        addPeeredVpc();
        const expected =
            'ResolverInboundEndpoint "in": subnetIds: subnet-0a9b8c7d6e5f40312 is in vpc-0b1c2d3e4f5a60718, not in vpcId vpc-0a1b2c3d4e5f60718; an endpoint\'s IPs and its security group must be in one VPC. List subnets of vpc-0a1b2c3d4e5f60718';
        const failures = await programFailures(async () => {
            const inbound = new ResolverInboundEndpoint("in", { vpcId: CLUSTER_VPC, subnetIds: [SUBNET_A, PEERED_A], allowedCidrs: ["10.1.0.0/16"] });
            await assert.rejects(valueOf(inbound.endpointId), (e: Error) => e.message.endsWith(expected));
        });
        assert.ok(failures.length > 0 && failures.every((f) => f.endsWith(expected)), failures.join("\n"));
        assert.deepStrictEqual(names(T.endpoint), []);
    });

    it("names the endpoint as Route 53 Resolver allows (64 letters, digits, space, - and _): derived from the resource name, refused when given", async () => {
        const inbound = new ResolverInboundEndpoint("prod.eu-west-1", { vpcId: CLUSTER_VPC, subnetIds: [SUBNET_A, SUBNET_B], allowedCidrs: ["10.1.0.0/16"] });
        await valueOf(inbound.endpointId);
        assert.strictEqual(mockAws().get(T.endpoint, "prod.eu-west-1-endpoint").inputs.name, "prod-eu-west-1");
        assert.throws(() => new ResolverInboundEndpoint("in", { vpcId: CLUSTER_VPC, subnetIds: [SUBNET_A, SUBNET_B], allowedCidrs: ["10.1.0.0/16"], endpointName: "prod.eu-west-1" }), {
            message:
                'ResolverInboundEndpoint "in": endpointName: "prod.eu-west-1" has characters Route 53 Resolver does not allow ("."); use letters, digits, spaces, - and _. "prod-eu-west-1" would do, or leave endpointName out to derive one from the resource name',
        });
        const long = "x".repeat(78);
        assert.throws(() => new ResolverOutboundEndpoint("out", { vpcId: PEERED_VPC, subnetIds: [PEERED_A, PEERED_B], targetCidrs: ["10.0.0.0/16"], endpointName: long }), {
            message: `ResolverOutboundEndpoint "out": endpointName: "${long}" is 78 characters long; Route 53 Resolver allows at most 64. "${resolverNameFrom(long)}" would do, or leave endpointName out to derive one from the resource name`,
        });
    });

    it("checks subnet ids known only at deployment once they are known, with the same look-ups as plain ids", async () => {
        const inbound = new ResolverInboundEndpoint("in", { vpcId: CLUSTER_VPC, subnetIds: [pulumi.output(SUBNET_A), SUBNET_B], allowedCidrs: ["10.1.0.0/16"] });
        assert.deepStrictEqual(await valueOf(inbound.ipAddresses), ["10.0.1.237", "10.0.59.167"]);
        assert.deepStrictEqual(mockAws().calls, [
            { token: "aws:ec2/getSubnet:getSubnet", inputs: { id: SUBNET_A } },
            { token: "aws:ec2/getSubnet:getSubnet", inputs: { id: SUBNET_B } },
        ]);
    });
});

describe("ResolverOutboundEndpoint", () => {
    it("creates the endpoint with DNS egress to the targets only", async () => {
        addPeeredVpc();
        const outbound = new ResolverOutboundEndpoint("out", { vpcId: PEERED_VPC, subnetIds: [PEERED_A, PEERED_B], targetCidrs: ["10.0.0.0/16"] });
        assert.match(await valueOf(outbound.endpointId), /^rslvr-out-[0-9a-f]{17}$/);
        assert.strictEqual(await valueOf(outbound.monthlyCostUsd), 182.5);
        await settled();
        const sg = mockAws().get(T.sg, "out-sg");
        assert.strictEqual(await valueOf(outbound.securityGroupId), sg.id);
        assert.strictEqual(mockAws().get(T.endpoint, "out-endpoint").inputs.direction, "OUTBOUND");
        assert.deepStrictEqual(names(T.ingress), []);
        assert.deepStrictEqual(names(T.egress), ["out-tcp53-to-10-0-0-0-16", "out-udp53-to-10-0-0-0-16"]);
        assert.deepStrictEqual(mockAws().get(T.egress, "out-tcp53-to-10-0-0-0-16").inputs, {
            securityGroupId: sg.id,
            ipProtocol: "tcp",
            fromPort: 53,
            toPort: 53,
            cidrIpv4: "10.0.0.0/16",
            description: "DNS (TCP 53) to 10.0.0.0/16",
        });
    });

    it("requires targets and two subnets", () => {
        assert.throws(() => new ResolverOutboundEndpoint("out", { vpcId: PEERED_VPC, subnetIds: [PEERED_A, PEERED_B], targetCidrs: [] }), {
            message:
                'ResolverOutboundEndpoint "out": targetCidrs: no targets given; list the CIDRs of the DNS servers the rules forward to (the cluster VPC\'s CIDR, where the inbound endpoint\'s IPs are), or the endpoint\'s queries have nowhere to go',
        });
        assert.throws(
            () => new ResolverOutboundEndpoint("out", { vpcId: PEERED_VPC, subnetIds: [PEERED_A, PEERED_A], targetCidrs: ["10.0.0.0/16"] }),
            { message: 'ResolverOutboundEndpoint "out": subnetIds[1]: subnet-0a9b8c7d6e5f40312 is listed twice; each subnet gives the endpoint one IP, list it once' },
        );
        assert.strictEqual(mockAws().resources.size, 0);
    });
});

const HYBRID_ARGS: HybridDnsAccessArgs = {
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

// Route 53 Developer Guide, "Resolver endpoint scaling": the recommended (untracked) rules, as AWS's tables give them.
// "All" ports is 0-65535 in a security group rule.
const AWS_UNTRACKED = {
    inbound: { ingress: [["TCP", "53", "0.0.0.0/0"], ["UDP", "53", "0.0.0.0/0"]], egress: [["TCP", "All", "0.0.0.0/0"], ["UDP", "All", "0.0.0.0/0"]] },
    outbound: { ingress: [["TCP", "All", "0.0.0.0/0"], ["UDP", "All", "0.0.0.0/0"]], egress: [["TCP", "53", "0.0.0.0/0"], ["UDP", "53", "0.0.0.0/0"]] },
};

/** The rules on a security group in AWS's table form: protocol, port ("All" for 0-65535), CIDR. */
function table(type: string, groupId: string): string[][] {
    return mockAws()
        .ofType(type)
        .filter((r) => r.inputs.securityGroupId === groupId)
        .map((r) => [
            String(r.inputs.ipProtocol).toUpperCase(),
            r.inputs.fromPort === 0 && r.inputs.toPort === 65535 ? "All" : r.inputs.fromPort === r.inputs.toPort ? String(r.inputs.fromPort) : `${r.inputs.fromPort}-${r.inputs.toPort}`,
            r.inputs.cidrIpv4,
        ])
        .sort();
}

describe("untracked Resolver security groups", () => {
    it("ResolverInboundEndpoint and ResolverOutboundEndpoint with untrackedConnections have exactly AWS's recommended rules", async () => {
        addPeeredVpc();
        const inbound = new ResolverInboundEndpoint("in", { vpcId: CLUSTER_VPC, subnetIds: [SUBNET_A, SUBNET_B], untrackedConnections: true });
        const outbound = new ResolverOutboundEndpoint("out", { vpcId: PEERED_VPC, subnetIds: [PEERED_A, PEERED_B], untrackedConnections: true });
        await valueOf(inbound.endpointId);
        await valueOf(outbound.endpointId);
        await settled();
        for (const [sg, shape] of [[await valueOf(inbound.securityGroupId), AWS_UNTRACKED.inbound], [await valueOf(outbound.securityGroupId), AWS_UNTRACKED.outbound]] as const) {
            assert.deepStrictEqual(table(T.ingress, sg), shape.ingress);
            assert.deepStrictEqual(table(T.egress, sg), shape.egress);
        }
        assert.deepStrictEqual(names(T.egress), ["in-tcp0-65535-to-anywhere", "in-udp0-65535-to-anywhere", "out-tcp53-to-anywhere", "out-udp53-to-anywhere"]);
    });

    it("refuses allowedCidrs or targetCidrs beside untrackedConnections: the untracked rules would make them restrict nothing", () => {
        const why =
            "untrackedConnections uses AWS's untracked rules, which admit 0.0.0.0/0, so this list would restrict nothing: drop it and limit who reaches the endpoint " +
            "with routing and network ACLs, or leave untrackedConnections off";
        assert.throws(() => new ResolverInboundEndpoint("in", { vpcId: CLUSTER_VPC, subnetIds: [SUBNET_A, SUBNET_B], allowedCidrs: ["10.1.0.0/16"], untrackedConnections: true }), {
            message: `ResolverInboundEndpoint "in": allowedCidrs: ${why}`,
        });
        assert.throws(() => new ResolverOutboundEndpoint("out", { vpcId: PEERED_VPC, subnetIds: [PEERED_A, PEERED_B], targetCidrs: ["10.0.0.0/16"], untrackedConnections: true }), {
            message: `ResolverOutboundEndpoint "out": targetCidrs: ${why}`,
        });
        assert.strictEqual(mockAws().resources.size, 0);
    });

    it("HybridDnsAccess passes the untracked shape to both endpoints and keeps TCP 443 to the listed networks", async () => {
        addPeeredVpc();
        const hybrid = new HybridDnsAccess("hy", { ...HYBRID_ARGS, onPremisesCidrs: undefined, untrackedConnections: true });
        await valueOf(hybrid.ruleId);
        await settled();
        assert.deepStrictEqual(table(T.ingress, await valueOf(hybrid.inboundSecurityGroupId)), AWS_UNTRACKED.inbound.ingress);
        assert.deepStrictEqual(table(T.ingress, CLUSTER_SG), [["TCP", "443", "10.1.0.0/16"]]);
        assert.deepStrictEqual(names(T.egress), [
            "hy-inbound-tcp0-65535-to-anywhere",
            "hy-inbound-udp0-65535-to-anywhere",
            "hy-outbound-tcp53-to-anywhere",
            "hy-outbound-udp53-to-anywhere",
        ]);
    });
});

describe("ClusterDnsForwarding", () => {
    const base = { clusterEndpoint: ENDPOINT, resolverIps: ["10.0.1.237", "10.0.59.167"], outboundEndpointId: "rslvr-out-0123456789abcdef0" };

    it("forwards the endpoint host to the inbound IPs on port 53, associated per VPC", async () => {
        const fwd = new ClusterDnsForwarding("fwd", { ...base, vpcIds: [PEERED_VPC], vpcs: { tools: pulumi.output("vpc-0c2d3e4f5a6b70819") } });
        assert.strictEqual(await valueOf(fwd.domain), HOST);
        await settled();
        const rule = mockAws().get(T.rule, "fwd-rule");
        assert.deepStrictEqual(rule.inputs, {
            name: "fwd",
            ruleType: "FORWARD",
            domainName: HOST,
            resolverEndpointId: "rslvr-out-0123456789abcdef0",
            targetIps: [
                { ip: "10.0.1.237", port: 53 },
                { ip: "10.0.59.167", port: 53 },
            ],
        });
        assert.match(await valueOf(fwd.ruleId), /^rslvr-rr-[0-9a-f]{17}$/);
        assert.strictEqual(await valueOf(fwd.ruleArn), `arn:aws:route53resolver:us-east-1:123456789012:resolver-rule/${rule.id}`);
        assert.deepStrictEqual(names(T.assoc), ["fwd-assoc-tools", "fwd-assoc-vpc-0b1c2d3e4f5a60718"]);
        assert.deepStrictEqual(mockAws().get(T.assoc, "fwd-assoc-vpc-0b1c2d3e4f5a60718").inputs, { resolverRuleId: rule.id, vpcId: PEERED_VPC });
        assert.deepStrictEqual(mockAws().get(T.assoc, "fwd-assoc-tools").inputs, { resolverRuleId: rule.id, vpcId: "vpc-0c2d3e4f5a6b70819" });
        assert.deepStrictEqual(names(T.share), []);
        assert.strictEqual(await valueOf(fwd.resourceShareArn), undefined);
        assert.strictEqual(
            (await valueOf(fwd.forwarderConfigs)).bind,
            'zone "abc123.gr7.us-east-1.eks.amazonaws.com" {\n    type forward;\n    forward only;\n    forwarders { 10.0.1.237; 10.0.59.167; };\n};\n',
        );
    });

    const regionCases: [string, string][] = [
        ["https://ABC123.gr7.us-east-1.eks.amazonaws.com", "us-east-1.eks.amazonaws.com"],
        ["ABC123.gr7.eu-central-1.eks.api.aws", "eu-central-1.eks.api.aws"],
        ["https://ABC123.yl4.cn-north-1.eks.amazonaws.com.cn", "cn-north-1.eks.amazonaws.com.cn"],
    ];
    for (const [endpoint, domain] of regionCases) {
        it(`scope region forwards ${domain} for ${endpoint}`, async () => {
            const fwd = new ClusterDnsForwarding("fwd", { ...base, clusterEndpoint: endpoint, scope: "region", vpcIds: [PEERED_VPC] });
            await valueOf(fwd.ruleId);
            assert.strictEqual(mockAws().get(T.rule, "fwd-rule").inputs.domainName, domain);
            assert.strictEqual(await valueOf(fwd.domain), domain);
        });
    }

    // AWS General Reference, "Dual stack endpoints": <service-code>.<region-code>.api.aws. The region domain of a
    // dual-stack cluster endpoint is the parent of all of them, so scope region is refused for it.
    const dualStackCases: [string, string, string][] = [
        ["https://ABC123.gr7.us-west-2.api.aws", "us-west-2", "us-west-2.api.aws"],
        ["https://ABC123.yl4.cn-northwest-1.api.amazonwebservices.com.cn", "cn-northwest-1", "cn-northwest-1.api.amazonwebservices.com.cn"],
    ];
    for (const [endpoint, region, domain] of dualStackCases) {
        it(`refuses scope region for the dual-stack ${endpoint}, whose region domain ${domain} is every service's parent`, async () => {
            const message =
                `scope: "region" would forward ${domain}, the parent of every AWS dual-stack service name in ${region} (ec2.${domain}, sts.${domain}, ` +
                `eks-auth.${domain}, ...): VPCs using the rule would resolve those services to the cluster VPC's interface endpoints, whose security groups refuse them. ` +
                `Use scope "cluster" for a dual-stack endpoint`;
            assert.throws(() => new ClusterDnsForwarding("fwd", { ...base, clusterEndpoint: endpoint, scope: "region", vpcIds: [PEERED_VPC] }), {
                message: `ClusterDnsForwarding "fwd": ${message}`,
            });
            const fwd = new ClusterDnsForwarding("fwd", { ...base, clusterEndpoint: endpoint, vpcIds: [PEERED_VPC] });
            assert.strictEqual(await valueOf(fwd.domain), `abc123.${endpoint.split(".").slice(1).join(".")}`);
        });
    }

    it("sends IPv6 resolver IPs as ipv6 targets", async () => {
        const fwd = new ClusterDnsForwarding("fwd", { ...base, clusterEndpoint: "https://ABC123.gr7.us-west-2.api.aws", resolverIps: ["10.0.1.237", "2600:1f14::53"], vpcIds: [PEERED_VPC] });
        await valueOf(fwd.ruleId);
        assert.deepStrictEqual(mockAws().get(T.rule, "fwd-rule").inputs.targetIps, [
            { ip: "10.0.1.237", port: 53 },
            { ipv6: "2600:1f14::53", port: 53 },
        ]);
    });

    it("shares the rule through AWS RAM, one principal association per account or organization", async () => {
        const org = "arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5";
        const fwd = new ClusterDnsForwarding("fwd", { ...base, shareWith: ["210987654321", org] });
        const shareArn = await valueOf(fwd.resourceShareArn);
        assert.match(shareArn!, /^arn:aws:ram:us-east-1:123456789012:resource-share\/[0-9a-f-]{36}$/);
        await settled();
        assert.deepStrictEqual(mockAws().get(T.share, "fwd-share").inputs, { name: "fwd", allowExternalPrincipals: false });
        assert.deepStrictEqual(mockAws().get(T.shareResource, "fwd-share-rule").inputs, { resourceArn: await valueOf(fwd.ruleArn), resourceShareArn: shareArn });
        assert.deepStrictEqual(names(T.sharePrincipal), ["fwd-share-to-210987654321", "fwd-share-to-o-a1b2c3d4e5"]);
        assert.deepStrictEqual(mockAws().get(T.sharePrincipal, "fwd-share-to-o-a1b2c3d4e5").inputs, { principal: org, resourceShareArn: shareArn });
        assert.deepStrictEqual(names(T.assoc), []);
    });

    it("rejects bad input before registering anything", () => {
        const cases: [Partial<ConstructorParameters<typeof ClusterDnsForwarding>[1]>, string][] = [
            [{ vpcIds: [] }, "vpcIds: the rule would apply to no VPC: list the VPCs that must resolve the cluster endpoint in vpcIds (or vpcs), or share the rule with the accounts that own them through shareWith"],
            [{ vpcIds: [pulumi.output(PEERED_VPC) as unknown as string] }, "vpcIds[0]: this VPC id is only known at deployment, so an association named after it cannot be planned. Pass it in vpcs instead, keyed by a stable label ({ peered: peeredVpc.id })"],
            [{ vpcIds: [PEERED_VPC], clusterEndpoint: "https://api.example.com" }, 'clusterEndpoint: "https://api.example.com" is not an EKS cluster endpoint (expected https://<id>.<x>.<region>.eks.amazonaws.com, ...<region>.api.aws, or the aws-cn forms ending amazonaws.com.cn / amazonwebservices.com.cn)'],
            [{ vpcIds: [PEERED_VPC], resolverIps: ["10.0.1.237", "10.0.1.237"] }, "resolverIps[1]: 10.0.1.237 is listed twice; list each resolver IP once"],
            [{ shareWith: ["arn:aws:iam::210987654321:root"] }, 'shareWith[0]: "arn:aws:iam::210987654321:root" is not an AWS account id (12 digits), organization ARN (arn:aws:organizations::<account>:organization/o-...) or OU ARN (...:ou/o-.../ou-...)'],
        ];
        for (const [args, message] of cases) {
            assert.throws(() => new ClusterDnsForwarding("fwd", { ...base, ...args }), { name: "InputError", message: `ClusterDnsForwarding "fwd": ${message}` });
        }
        assert.strictEqual(mockAws().resources.size, 0);
    });

    it("names the rule as Route 53 Resolver allows: a 78-character resource name gives a 64-character rule name, a bad ruleName is refused", async () => {
        const long = `prod.eu-west-1-${"a".repeat(63)}`;
        assert.strictEqual(long.length, 78);
        const fwd = new ClusterDnsForwarding(long, { ...base, vpcIds: [PEERED_VPC] });
        await valueOf(fwd.ruleId);
        const ruleName: string = mockAws().get(T.rule, `${long}-rule`).inputs.name;
        assert.strictEqual(ruleName.length, 64);
        assert.match(ruleName, /^(?!^[0-9]+$)([a-zA-Z0-9\-_ ]+)$/);
        assert.throws(() => new ClusterDnsForwarding("fwd", { ...base, vpcIds: [PEERED_VPC], ruleName: "eks.prod" }), {
            message: 'ClusterDnsForwarding "fwd": ruleName: "eks.prod" has characters Route 53 Resolver does not allow ("."); use letters, digits, spaces, - and _. "eks-prod" would do, or leave ruleName out to derive one from the resource name',
        });
    });

    it("fails the deployment when an endpoint known only at deployment is not an EKS endpoint", async () => {
        const expected = 'ClusterDnsForwarding "fwd": clusterEndpoint: "https://api.example.com" is not an EKS cluster endpoint';
        const failures = await programFailures(async () => {
            const fwd = new ClusterDnsForwarding("fwd", { ...base, clusterEndpoint: pulumi.output("https://api.example.com"), vpcIds: [PEERED_VPC] });
            await assert.rejects(valueOf(fwd.domain), (e: Error) => e.message.includes(expected));
        });
        assert.ok(failures.length > 0 && failures.every((f) => f.includes(expected)), failures.join("\n"));
        assert.deepStrictEqual(names(T.rule), []);
    });
});

describe("HybridDnsAccess", () => {
    const args = HYBRID_ARGS;

    it("composes inbound, outbound and forwarding, and opens 443 on the control plane to both networks", async () => {
        addPeeredVpc();
        const hybrid = new HybridDnsAccess("hy", args);
        assert.deepStrictEqual(await valueOf(hybrid.resolverIps), ["10.0.29.121", "10.0.34.92"]);
        assert.strictEqual(await valueOf(hybrid.domain), HOST);
        await settled();
        const byName = (name: string) => [...mockAws().resources.values()].find((r) => r.name === name)!;
        const urn = (name: string) => byName(name).urn;
        assert.deepStrictEqual(
            ["hy-inbound", "hy-outbound", "hy-forwarding", "hy-tcp443-from-10-1-0-0-16", "hy-tcp443-from-192-168-0-0-20"].map((n) => byName(n).parent),
            Array(5).fill(urn("hy")),
        );
        assert.deepStrictEqual(names(T.ingress), [
            "hy-inbound-tcp53-from-10-1-0-0-16",
            "hy-inbound-tcp53-from-192-168-0-0-20",
            "hy-inbound-udp53-from-10-1-0-0-16",
            "hy-inbound-udp53-from-192-168-0-0-20",
            "hy-tcp443-from-10-1-0-0-16",
            "hy-tcp443-from-192-168-0-0-20",
        ]);
        assert.deepStrictEqual(mockAws().get(T.ingress, "hy-tcp443-from-192-168-0-0-20").inputs, {
            securityGroupId: CLUSTER_SG,
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: "192.168.0.0/20",
            description: "EKS API (TCP 443) from 192.168.0.0/20",
        });
        assert.deepStrictEqual(names(T.egress), ["hy-outbound-tcp53-to-10-0-0-0-16", "hy-outbound-udp53-to-10-0-0-0-16"]);
        const rule = mockAws().get(T.rule, "hy-forwarding-rule");
        assert.strictEqual(rule.inputs.resolverEndpointId, await valueOf(hybrid.outboundEndpointId));
        assert.deepStrictEqual(rule.inputs.targetIps, [
            { ip: "10.0.29.121", port: 53 },
            { ip: "10.0.34.92", port: 53 },
        ]);
        assert.strictEqual(await valueOf(hybrid.ruleId), rule.id);
        assert.deepStrictEqual(names(T.assoc), ["hy-forwarding-assoc-vpc-0b1c2d3e4f5a60718"]);
        assert.strictEqual(await valueOf(hybrid.inboundEndpointId), mockAws().get(T.endpoint, "hy-inbound-endpoint").id);
        assert.strictEqual(await valueOf(hybrid.inboundSecurityGroupId), mockAws().get(T.sg, "hy-inbound-sg").id);
        assert.strictEqual(
            (await valueOf(hybrid.forwarderConfigs)).dnsmasq,
            "server=/abc123.gr7.us-east-1.eks.amazonaws.com/10.0.29.121\nserver=/abc123.gr7.us-east-1.eks.amazonaws.com/10.0.34.92\nrebind-domain-ok=/abc123.gr7.us-east-1.eks.amazonaws.com/\n",
        );
        const outputs = mockAws().get("eks-private-access:index:HybridDnsAccess", "hy").outputs!;
        assert.deepStrictEqual(Object.keys(outputs).sort(), [
            "domain",
            "forwarderConfigs",
            "inboundEndpointId",
            "inboundSecurityGroupId",
            "monthlyCostUsd",
            "outboundEndpointId",
            "resolverIps",
            "ruleId",
        ]);
        // Two inbound and two outbound IPs at Route 53 Resolver's $0.125 per IP-hour, 730 hours: 4 x $91.25.
        assert.strictEqual(await valueOf(hybrid.monthlyCostUsd), 365);
    });

    it("on-premises only: an inbound endpoint, forwarder configs for the region domain, and no rule", async () => {
        const hybrid = new HybridDnsAccess("hy", { ...args, scope: "region", peeredCidrs: undefined, outboundVpcId: undefined, outboundSubnetIds: undefined });
        assert.strictEqual(
            (await valueOf(hybrid.forwarderConfigs)).unbound,
            'server:\n    private-domain: "us-east-1.eks.amazonaws.com"\nforward-zone:\n    name: "us-east-1.eks.amazonaws.com."\n    forward-addr: 10.0.29.121\n    forward-addr: 10.0.34.92\n',
        );
        assert.strictEqual(await valueOf(hybrid.ruleId), undefined);
        assert.strictEqual(await valueOf(hybrid.outboundEndpointId), undefined);
        await settled();
        assert.deepStrictEqual(names(T.endpoint), ["hy-inbound-endpoint"]);
        assert.deepStrictEqual(names(T.rule), []);
        assert.deepStrictEqual(names(T.ingress), ["hy-inbound-tcp53-from-192-168-0-0-20", "hy-inbound-udp53-from-192-168-0-0-20", "hy-tcp443-from-192-168-0-0-20"]);
    });

    it("associates the rule with a created outbound VPC under the label outbound", async () => {
        addPeeredVpc();
        const hybrid = new HybridDnsAccess("hy", { ...args, outboundVpcId: pulumi.output(PEERED_VPC) });
        await valueOf(hybrid.ruleId);
        await settled();
        assert.deepStrictEqual(names(T.assoc), ["hy-forwarding-assoc-outbound"]);
        assert.strictEqual(mockAws().get(T.assoc, "hy-forwarding-assoc-outbound").inputs.vpcId, PEERED_VPC);
    });

    it("rejects bad input before registering anything", () => {
        const cases: [Partial<HybridDnsAccessArgs>, string][] = [
            [{ peeredCidrs: [], onPremisesCidrs: [] }, "peeredCidrs: no networks given; list the peered VPCs' CIDRs in peeredCidrs and the on-premises ranges in onPremisesCidrs: they may query the inbound endpoint and connect to the API server on TCP 443"],
            [{ onPremisesCidrs: ["10.0.128.0/20"] }, "onPremisesCidrs[0]: 10.0.128.0/20 overlaps the cluster VPC's 10.0.0.0/16; the VPC routes those addresses locally, so answers could never reach that network. List only networks outside the cluster VPC"],
            [{ onPremisesCidrs: ["10.1.0.0/16"] }, "peeredCidrs[0]: 10.1.0.0/16 is also in onPremisesCidrs; list each network once"],
            [{ peeredCidrs: ["10.1.0.1/16"] }, 'peeredCidrs[0]: "10.1.0.1/16" has host bits set (the network address for /16 is 10.1.0.0/16)'],
            [{ outboundSubnetIds: undefined }, "outboundSubnetIds: the outbound endpoint needs both outboundVpcId and outboundSubnetIds; give both, or neither for on-premises forwarding only"],
            [{ outboundSubnetIds: undefined, outboundVpcId: undefined, vpcIds: [PEERED_VPC] }, "vpcIds: a forwarding rule needs an outbound endpoint to send queries through: give outboundVpcId and outboundSubnetIds"],
            [{ inboundSubnetIds: [SUBNET_A] }, "inboundSubnetIds: 1 subnet given; a Route 53 Resolver endpoint needs an IP in at least two subnets, in different Availability Zones so one AZ is not a single point of failure. List two or more subnets"],
            [{ outboundSubnetIds: [PEERED_A] }, "outboundSubnetIds: 1 subnet given; a Route 53 Resolver endpoint needs an IP in at least two subnets, in different Availability Zones so one AZ is not a single point of failure. List two or more subnets"],
            [{ clusterEndpoint: "ABC123.gr7.us-east-1.eks.amazonaws.com", scope: "zone" as never }, 'scope: "zone" is not a scope (use "cluster" or "region")'],
            [{ clusterVpcCidr: "10.0.0.0" }, 'clusterVpcCidr: "10.0.0.0" is not a CIDR block (expected address/prefix, like 10.0.0.0/16 or 2001:db8::/32)'],
            // Refused here, under HybridDnsAccess's own argument names, as open to everyone (not as overlapping the VPC,
            // nor later by the inbound endpoint as its allowedCidrs).
            [{ onPremisesCidrs: ["0.0.0.0/0"] }, "onPremisesCidrs[0]: 0.0.0.0/0 is open to everyone (every IPv4 address); list the networks that need this access"],
            [{ peeredCidrs: ["::/0"] }, "peeredCidrs[0]: ::/0 is open to everyone (every IPv6 address); list the networks that need this access"],
        ];
        for (const [patch, message] of cases) {
            assert.throws(() => new HybridDnsAccess("hy", { ...args, ...patch }), { name: "InputError", message: `HybridDnsAccess "hy": ${message}` });
        }
        assert.strictEqual(mockAws().resources.size, 0);
    });

    // The outbound endpoint's security group sends DNS only to its targets, and an inbound IP is an address of its
    // subnet: with the inbound subnets in a secondary VPC CIDR, that CIDR must be a target.
    it("sends DNS from the outbound endpoint to every cluster VPC CIDR, so inbound IPs in a secondary CIDR are reached", async () => {
        addPeeredVpc();
        addSecondaryCidrSubnet();
        const hybrid = new HybridDnsAccess("hy", { ...args, clusterVpcCidr: undefined, clusterVpcCidrs: ["10.0.0.0/16", "100.64.0.0/16"], inboundSubnetIds: [SUBNET_A, SUBNET_C] });
        await valueOf(hybrid.ruleId);
        await settled();
        assert.deepStrictEqual(names(T.egress), [
            "hy-outbound-tcp53-to-10-0-0-0-16",
            "hy-outbound-tcp53-to-100-64-0-0-16",
            "hy-outbound-udp53-to-10-0-0-0-16",
            "hy-outbound-udp53-to-100-64-0-0-16",
        ]);
        assert.strictEqual(mockAws().get(T.egress, "hy-outbound-udp53-to-100-64-0-0-16").inputs.cidrIpv4, "100.64.0.0/16");
    });

    it("fails the deployment, creating no inbound endpoint and no rule, when an inbound subnet is outside the outbound endpoint's targets", async () => {
        addPeeredVpc();
        addSecondaryCidrSubnet();
        const expected =
            'HybridDnsAccess "hy": inboundSubnetIds: subnet-0c1d2e3f4a5b6c7d8 (100.64.0.0/20) is outside clusterVpcCidr (10.0.0.0/16), the outbound endpoint\'s only DNS targets, ' +
            "so the queries it forwards to the inbound IP there are dropped. List every CIDR block of the cluster VPC in clusterVpcCidrs: 10.0.0.0/16, 100.64.0.0/16";
        const failures = await programFailures(async () => {
            const hybrid = new HybridDnsAccess("hy", { ...args, inboundSubnetIds: [SUBNET_A, SUBNET_C] });
            await assert.rejects(valueOf(hybrid.resolverIps), (e: Error) => e.message === expected);
        });
        assert.deepStrictEqual(failures, [expected]);
        assert.deepStrictEqual(names(T.endpoint), ["hy-outbound-endpoint"]);
        assert.deepStrictEqual(names(T.rule), []);
    });

    // The inbound endpoint's security group admits DNS from peeredCidrs and onPremisesCidrs only; the outbound
    // endpoint's queries come from its IPs, in the outbound VPC's subnets.
    it("fails the deployment when the inbound endpoint would not admit the outbound endpoint's network, naming the VPC's CIDR to add", async () => {
        addPeeredVpc();
        const expected =
            'HybridDnsAccess "hy": outboundSubnetIds: subnet-0a9b8c7d6e5f40312 (10.1.0.0/20), subnet-0b8c7d6e5f4031201 (10.1.16.0/20) are outside peeredCidrs and onPremisesCidrs, ' +
            "and the inbound endpoint admits DNS from those networks only, so every query the outbound endpoint forwards is dropped. Add the outbound VPC's 10.1.0.0/16 to peeredCidrs";
        const failures = await programFailures(async () => {
            const hybrid = new HybridDnsAccess("hy", { ...args, peeredCidrs: ["10.2.0.0/16"] });
            await assert.rejects(valueOf(hybrid.outboundEndpointId), (e: Error) => e.message === expected);
        });
        assert.deepStrictEqual(failures, [expected]);
        assert.deepStrictEqual(names(T.endpoint), ["hy-inbound-endpoint"]);
        assert.deepStrictEqual(names(T.rule), []);
    });

    // Route 53, "Avoid loop configurations with Resolver endpoints": don't associate the same VPC to a Resolver rule
    // and its inbound endpoint.
    const loop = (vpc: string) =>
        `${vpc} is the cluster VPC, which holds the inbound endpoint: a rule associated with it sends the queries the inbound endpoint receives back out ` +
        "through the outbound endpoint, in a loop (AWS: don't associate the same VPC to a Resolver rule and its inbound endpoint). The cluster VPC resolves " +
        "its endpoint itself: associate the rule with the other VPCs only";
    it("refuses associating the forwarding rule with the cluster VPC: plain ids before anything exists", () => {
        assert.throws(() => new HybridDnsAccess("hy", { ...args, vpcIds: [PEERED_VPC, CLUSTER_VPC] }), { message: `HybridDnsAccess "hy": vpcIds[1]: ${loop(CLUSTER_VPC)}` });
        assert.throws(() => new HybridDnsAccess("hy", { ...args, outboundVpcId: CLUSTER_VPC, outboundSubnetIds: [SUBNET_A, SUBNET_B] }), {
            message: `HybridDnsAccess "hy": outboundVpcId: ${loop(CLUSTER_VPC)}`,
        });
        assert.strictEqual(mockAws().resources.size, 0);
    });

    it("refuses associating the forwarding rule with the cluster VPC: computed ids once known, creating no rule", async () => {
        addPeeredVpc();
        const expected = `HybridDnsAccess "hy": vpcs.hub: ${loop(CLUSTER_VPC)}`;
        const failures = await programFailures(async () => {
            const hybrid = new HybridDnsAccess("hy", { ...args, vpcs: { hub: pulumi.output(CLUSTER_VPC) } });
            await assert.rejects(valueOf(hybrid.ruleId), (e: Error) => e.message === expected);
        });
        assert.deepStrictEqual(failures, [expected]);
        assert.deepStrictEqual(names(T.rule), []);
        assert.deepStrictEqual(names(T.assoc), []);
    });

    it("fails the deployment when the outbound subnets share one AZ, naming outbound's subnetIds", async () => {
        addPeeredVpc();
        mockAws().world.subnets[PEERED_B].availabilityZone = "us-east-1a";
        const expected =
            'ResolverOutboundEndpoint "hy-outbound": subnetIds: every subnet is in us-east-1a: subnet-0a9b8c7d6e5f40312 (us-east-1a), subnet-0b8c7d6e5f4031201 (us-east-1a). A Route 53 Resolver endpoint in one AZ stops resolving when that AZ fails; list subnets in at least two different Availability Zones';
        const failures = await programFailures(async () => {
            const hybrid = new HybridDnsAccess("hy", args);
            await assert.rejects(valueOf(hybrid.outboundEndpointId), (e: Error) => e.message.endsWith(expected));
        });
        assert.ok(failures.length > 0 && failures.every((f) => f.endsWith(expected)), failures.join("\n"));
        assert.deepStrictEqual(names(T.endpoint), ["hy-inbound-endpoint"]);
        assert.deepStrictEqual(names(T.rule), []);
    });
});
