import * as assert from "assert";
import { ClusterEndpointAccess } from "../apiEndpoint/clusterEndpointAccess";
import { mockAws, valueOf } from "../plan/mocks";
import { programFailures } from "./support/failures";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SG = "sg-0c1d2e3f4a5b6c7d8";
const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

/** Waits for every registration the component started. */
async function settled(access: ClusterEndpointAccess): Promise<void> {
    await valueOf(access.ingressRuleIds);
}

describe("ClusterEndpointAccess", () => {
    it("private mode: outputs and vpcConfig for aws.eks.Cluster, after the VPC DNS check passed", async () => {
        const access = new ClusterEndpointAccess("prod", { mode: "private", vpcId: VPC });
        assert.strictEqual(await valueOf(access.endpointPublicAccess), false);
        assert.strictEqual(await valueOf(access.endpointPrivateAccess), true);
        assert.deepStrictEqual(await valueOf(access.publicAccessCidrs), []);
        assert.deepStrictEqual(await valueOf(access.vpcConfig), { endpointPublicAccess: false, endpointPrivateAccess: true });
        const tokens = mockAws().calls.map((c) => c.token);
        assert.deepStrictEqual(tokens, ["aws:ec2/getVpc:getVpc", "aws:ec2/getVpcDhcpOptions:getVpcDhcpOptions"]);
        assert.deepStrictEqual(mockAws().calls[1].inputs, { dhcpOptionsId: "dopt-0a1b2c3d4e5f60718" });
    });

    it("public-and-private: vpcConfig carries the public CIDRs", async () => {
        const access = new ClusterEndpointAccess("edge", { mode: "public-and-private", publicAccessCidrs: ["203.0.113.0/24"] });
        assert.deepStrictEqual(await valueOf(access.vpcConfig), {
            endpointPublicAccess: true,
            endpointPrivateAccess: true,
            publicAccessCidrs: ["203.0.113.0/24"],
        });
        assert.deepStrictEqual(mockAws().calls, [], "no vpcId, no lookup");
    });

    it("public mode never looks the VPC up: the private hosted zone is not used", async () => {
        const access = new ClusterEndpointAccess("pub", { mode: "public", vpcId: VPC });
        assert.deepStrictEqual(await valueOf(access.vpcConfig), { endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ["0.0.0.0/0"] });
        assert.deepStrictEqual(mockAws().calls, []);
    });

    for (const attr of ["enableDnsSupport", "enableDnsHostnames"] as const) {
        it(`fails the deployment when the VPC has ${attr} off, naming the attribute and the fix`, async () => {
            mockAws().world.vpcs[VPC][attr] = false;
            const flag = attr === "enableDnsSupport" ? "--enable-dns-support" : "--enable-dns-hostnames";
            const expected =
                `ClusterEndpointAccess "prod": vpcId: VPC ${VPC} has ${attr}=false; private endpoint access needs it true, or ` +
                `the EKS-managed private hosted zone does not resolve the endpoint. Set ${attr}: true on the aws.ec2.Vpc, or run: ` +
                `aws ec2 modify-vpc-attribute --vpc-id ${VPC} ${flag} '{"Value":true}'`;
            const failures = await programFailures(async () => {
                const access = new ClusterEndpointAccess("prod", { mode: "private", vpcId: VPC });
                // One line, without the SDK's "error serializing property" prefixes, wherever it surfaces.
                await assert.rejects(valueOf(access.vpcConfig), { message: expected });
                await assert.rejects(valueOf(access.endpointPrivateAccess), { message: expected });
            });
            // Even with no cluster wired to its outputs, the program fails: the component registers them.
            assert.deepStrictEqual(failures, [expected]);
        });
    }

    it("a failed VPC DNS check registers none of its 443 rules", async () => {
        mockAws().world.vpcs[VPC].enableDnsSupport = false;
        const failures = await programFailures(async () => {
            const access = new ClusterEndpointAccess("prod", { mode: "private", vpcId: VPC, clusterSecurityGroupId: SG, allowedCidrs: ["10.20.0.0/16"] });
            await assert.rejects(valueOf(access.vpcConfig));
        });
        assert.strictEqual(failures.length, 1);
        assert.deepStrictEqual([...mockAws().resources.values()].map((r) => `${r.type} ${r.name}`), ["eks-private-access:index:ClusterEndpointAccess prod"]);
    });

    it("fails when the DHCP options set lacks AmazonProvidedDNS", async () => {
        mockAws().world.dhcpOptions["dopt-0a1b2c3d4e5f60718"] = ["10.0.0.2", "192.168.0.53"];
        const failures = await programFailures(async () => {
            const access = new ClusterEndpointAccess("prod", { mode: "public-and-private", vpcId: VPC });
            await assert.rejects(valueOf(access.vpcConfig), (e: Error) =>
                e.message.endsWith(
                    'ClusterEndpointAccess "prod": vpcId: VPC vpc-0a1b2c3d4e5f60718\'s DHCP options set lists domain name servers ' +
                    '["10.0.0.2","192.168.0.53"] without AmazonProvidedDNS, so instances never query the Route 53 Resolver that ' +
                    'holds the EKS private hosted zone. Associate a DHCP options set whose domainNameServers include ' +
                    '"AmazonProvidedDNS" (forward other names with Route 53 Resolver rules instead).',
                ),
            );
        });
        assert.strictEqual(failures.length, 1);
    });

    it("reports both DNS attributes when both are off", async () => {
        Object.assign(mockAws().world.vpcs[VPC], { enableDnsSupport: false, enableDnsHostnames: false });
        const failures = await programFailures(async () => {
            const access = new ClusterEndpointAccess("prod", { mode: "private", vpcId: VPC });
            await assert.rejects(valueOf(access.vpcConfig), /enableDnsSupport=false.*enableDnsHostnames=false/s);
        });
        assert.strictEqual(failures.length, 1);
    });

    it("creates one TCP 443 rule per source, named after the source", async () => {
        const access = new ClusterEndpointAccess("prod", {
            mode: "private",
            ipFamily: "ipv6",
            clusterSecurityGroupId: SG,
            allowedCidrs: ["10.20.0.0/16", "2001:db8:1::/48"],
            allowedSecurityGroupIds: ["sg-0a9b8c7d6e5f40312"],
            allowedSecurityGroups: { bastion: "sg-0f0e0d0c0b0a09080" },
        });
        await settled(access);
        const rules = mockAws().ofType(RULE);
        assert.deepStrictEqual(
            rules.map((r) => r.name),
            ["prod-api-tcp443-from-10-20-0-0-16", "prod-api-tcp443-from-2001-db8-1---48", "prod-api-tcp443-from-sg-0a9b8c7d6e5f40312", "prod-api-tcp443-from-bastion"],
        );
        const common = { securityGroupId: SG, ipProtocol: "tcp", fromPort: 443, toPort: 443 };
        assert.deepStrictEqual(rules[0].inputs, { ...common, cidrIpv4: "10.20.0.0/16", description: "EKS API (TCP 443) from 10.20.0.0/16" });
        assert.deepStrictEqual(rules[1].inputs, { ...common, cidrIpv6: "2001:db8:1::/48", description: "EKS API (TCP 443) from 2001:db8:1::/48" });
        assert.deepStrictEqual(rules[2].inputs, {
            ...common,
            referencedSecurityGroupId: "sg-0a9b8c7d6e5f40312",
            description: "EKS API (TCP 443) from sg-0a9b8c7d6e5f40312",
        });
        assert.deepStrictEqual(rules[3].inputs, { ...common, referencedSecurityGroupId: "sg-0f0e0d0c0b0a09080", description: "EKS API (TCP 443) from bastion" });
        const component = mockAws().get("eks-private-access:index:ClusterEndpointAccess", "prod");
        for (const rule of rules) assert.strictEqual(rule.parent, component.urn);
        assert.deepStrictEqual(Object.keys(await valueOf(access.ingressRuleIds)), rules.map((r) => r.name));
    });

    it("removing a source leaves the other rules' names alone", async () => {
        const names = async (allowedCidrs: string[]) => {
            mockAws().reset();
            await settled(new ClusterEndpointAccess("prod", { mode: "private", clusterSecurityGroupId: SG, allowedCidrs }));
            return mockAws().ofType(RULE).map((r) => r.name);
        };
        const before = await names(["10.20.0.0/16", "10.30.0.0/16", "192.168.0.0/20"]);
        const after = await names(["10.30.0.0/16", "192.168.0.0/20"]);
        assert.deepStrictEqual(after, before.slice(1));
    });

    it("bad input fails before anything is registered, naming the component", () => {
        assert.throws(
            () => new ClusterEndpointAccess("prod", { mode: "public", publicAccessCidrs: ["::/0"] }),
            {
                message:
                    'ClusterEndpointAccess "prod": publicAccessCidrs: The following CIDRs are invalid in publicAccessCidrs: ::/0. ' +
                    "::/0: an IPv4 cluster's public endpoint accepts IPv4 CIDRs only.",
            },
        );
        assert.strictEqual(mockAws().resources.size, 0);
    });

    // One rule for every component's source list: 0.0.0.0/0 or ::/0 would give TCP 443 to everyone who can route to
    // the VPC, as ResolverInboundEndpoint, HybridDnsAccess and PrivateCluster refuse it too.
    it("refuses allowedCidrs open to everyone, as every other component does", () => {
        for (const [cidr, version] of [["0.0.0.0/0", 4], ["::/0", 6]] as const) {
            assert.throws(() => new ClusterEndpointAccess("prod", { mode: "private", ipFamily: "ipv6", clusterSecurityGroupId: SG, allowedCidrs: ["10.20.0.0/16", cidr] }), {
                name: "InputError",
                message: `ClusterEndpointAccess "prod": allowedCidrs[1]: ${cidr} is open to everyone (every IPv${version} address); list the networks that need this access`,
            });
        }
        assert.strictEqual(mockAws().resources.size, 0);
    });

    // An IPv4 cluster's private endpoint has IPv4 addresses (EKS User Guide, cluster endpoint formats): an IPv6 source
    // could never match a packet to it.
    it("refuses an IPv6 allowedCidrs entry on an IPv4 cluster", () => {
        assert.throws(() => new ClusterEndpointAccess("prod", { mode: "private", clusterSecurityGroupId: SG, allowedCidrs: ["2001:db8:1::/48"] }), {
            message:
                'ClusterEndpointAccess "prod": allowedCidrs[0]: 2001:db8:1::/48 is IPv6, and the cluster is IPv4: its private endpoint (and the VPC endpoints and Resolver inbound endpoint made for it) have IPv4 addresses only, so rules for this range would never match. List the network\'s IPv4 ranges',
        });
        assert.strictEqual(mockAws().resources.size, 0);
    });

    it("exposes and registers its warnings", async () => {
        const access = new ClusterEndpointAccess("hybrid", { mode: "public-and-private", hybridNodes: true });
        const warnings = await valueOf(access.warnings);
        assert.strictEqual(warnings.length, 1);
        assert.match(warnings[0], /^hybridNodes with mode "public-and-private"/);
        await valueOf(access.vpcConfig);
        await new Promise((r) => setTimeout(r, 10));
        assert.deepStrictEqual(mockAws().get("eks-private-access:index:ClusterEndpointAccess", "hybrid").outputs?.warnings, warnings);
    });
});
