// ResolverInboundEndpoint and ResolverOutboundEndpoint: their rules, subnets and names, and the untracked shape.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { HybridDnsAccess } from "../hybridDns/hybridDnsAccess";
import { ResolverInboundEndpoint } from "../hybridDns/resolverInboundEndpoint";
import { ResolverOutboundEndpoint } from "../hybridDns/resolverOutboundEndpoint";
import { resolverNameFrom } from "../hybridDns/resolverNames";
import { mockAws, valueOf } from "../plan/mocks";
import { programFailures } from "./support/failures";
import { CLUSTER_VPC, HYBRID_ARGS, PEERED_A, PEERED_B, PEERED_VPC, SUBNET_A, SUBNET_B, CLUSTER_SG, T, addPeeredVpc, names, registeredBesides, settled } from "./support/hybridDns";

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

    it("fails the deployment, creating nothing, when every subnet is in one AZ", async () => {
        mockAws().world.subnets[SUBNET_B].availabilityZone = "us-east-1a";
        const expected =
            'ResolverInboundEndpoint "in": subnetIds: every subnet is in us-east-1a: subnet-0d1e2f3a4b5c6d7e8 (us-east-1a), subnet-0e2f3a4b5c6d7e8f9 (us-east-1a). A Route 53 Resolver endpoint in one AZ stops resolving when that AZ fails; list subnets in at least two different Availability Zones';
        const failures = await programFailures(async () => {
            const inbound = new ResolverInboundEndpoint("in", { vpcId: CLUSTER_VPC, subnetIds: [SUBNET_A, SUBNET_B], allowedCidrs: ["10.1.0.0/16"] });
            await assert.rejects(valueOf(inbound.endpointId), (e: Error) => e.message.endsWith(expected));
            await assert.rejects(valueOf(inbound.ipAddresses), (e: Error) => e.message.endsWith(expected));
        });
        assert.ok(failures.length > 0 && failures.every((f) => f.endsWith(expected)), failures.join("\n"));
        // The security group and its rules wait for the look-up too.
        assert.deepStrictEqual(registeredBesides("in"), []);
    });

    it("fails the deployment, creating nothing, when a subnet is in another VPC", async () => {
        addPeeredVpc();
        const expected =
            'ResolverInboundEndpoint "in": subnetIds: subnet-0a9b8c7d6e5f40312 is in vpc-0b1c2d3e4f5a60718, not in vpcId vpc-0a1b2c3d4e5f60718; an endpoint\'s IPs and its security group must be in one VPC. List subnets of vpc-0a1b2c3d4e5f60718';
        const failures = await programFailures(async () => {
            const inbound = new ResolverInboundEndpoint("in", { vpcId: CLUSTER_VPC, subnetIds: [SUBNET_A, PEERED_A], allowedCidrs: ["10.1.0.0/16"] });
            await assert.rejects(valueOf(inbound.endpointId), (e: Error) => e.message.endsWith(expected));
        });
        assert.ok(failures.length > 0 && failures.every((f) => f.endsWith(expected)), failures.join("\n"));
        assert.deepStrictEqual(registeredBesides("in"), []);
    });

    // The VPC rule applies whenever the ids become known: a computed VPC id and a computed subnet id are compared then.
    it("fails the deployment, creating nothing, when computed ids put a subnet in another VPC", async () => {
        addPeeredVpc();
        const expected =
            `ResolverOutboundEndpoint "out": subnetIds: ${SUBNET_A} is in ${CLUSTER_VPC}, not in vpcId ${PEERED_VPC}; an endpoint's IPs and its security group must be in one VPC. List subnets of ${PEERED_VPC}`;
        const failures = await programFailures(() =>
            valueOf(new ResolverOutboundEndpoint("out", { vpcId: pulumi.output(PEERED_VPC), subnetIds: [pulumi.output(SUBNET_A), PEERED_B], targetCidrs: ["10.0.0.0/16"] }).securityGroupId).catch(() => undefined),
        );
        assert.deepStrictEqual(failures, [expected]);
        assert.deepStrictEqual(registeredBesides("out"), []);
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
        .map((r) => r.inputs as { ipProtocol: string; fromPort: number; toPort: number; cidrIpv4: string })
        .map((i) => [
            String(i.ipProtocol).toUpperCase(),
            i.fromPort === 0 && i.toPort === 65535 ? "All" : i.fromPort === i.toPort ? String(i.fromPort) : `${i.fromPort}-${i.toPort}`,
            i.cidrIpv4,
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
