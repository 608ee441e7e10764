// PrivateCluster's networking checks from AWS's rules: connected networks, subnets' Availability Zones, and what
// the hybrid DNS endpoints can reach.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { PrivateCluster, PrivateClusterArgs } from "../privateCluster/privateCluster";
import { mockAws, valueOf } from "../plan/mocks";
import { programFailures } from "./support/failures";
import { registeredBesides } from "./support/hybridDns";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
const ENDPOINT = "https://EXAMPLE108C897D9B2F1B21D5EXAMPLE.sk1.us-east-1.eks.amazonaws.com";

function cluster(extra: Partial<PrivateClusterArgs> = {}): PrivateCluster {
    mockAws().world.clusterEndpoints = { prod: ENDPOINT };
    return new PrivateCluster("prod", { vpcId: VPC, vpcCidrs: ["10.0.0.0/16"], subnetIds: SUBNETS, routeTableIds: ["rtb-0a1b2c3d4e5f60718"], ...extra });
}

const HUB = "vpc-0f9e8d7c6b5a43211";
const HUB_SUBNETS = ["subnet-0b1c2d3e4f5a6b7c9", "subnet-0c2d3e4f5a6b7c8da"];
const SECONDARY = "subnet-0c1d2e3f4a5b6c7d8";
const names = (type: string) => mockAws().ofType(type).map((r) => r.name).sort();

/** A hub VPC (10.100.0.0/16) with two subnets for an outbound endpoint, and a cluster VPC subnet in a secondary block. */
function addNetworks(): void {
    const world = mockAws().world;
    world.vpcs[HUB] = { id: HUB, cidrBlock: "10.100.0.0/16", enableDnsSupport: true, enableDnsHostnames: true, dhcpOptionsId: world.vpcs[VPC].dhcpOptionsId };
    HUB_SUBNETS.forEach((id, i) => {
        world.subnets[id] = { id, vpcId: HUB, cidrBlock: `10.100.${i * 16}.0/20`, availabilityZone: `us-east-1${"ab"[i]}`, availabilityZoneId: `use1-az${i + 1}` };
    });
    world.vpcs[VPC].secondaryCidrBlocks = ["100.64.0.0/16"];
    world.subnets[SECONDARY] = { id: SECONDARY, vpcId: VPC, cidrBlock: "100.64.0.0/20", availabilityZone: "us-east-1b", availabilityZoneId: "use1-az2" };
}

async function settle(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs().catch(() => undefined);
}

describe("PrivateCluster networking", () => {
    afterEach(settle);

    it("refuses connected networks open to everyone, as open and not as overlapping the VPC", () => {
        for (const [cidr, version] of [["0.0.0.0/0", 4], ["::/0", 6]] as const) {
            assert.throws(() => cluster({ connectedNetworks: ["192.168.0.0/20", cidr] }), {
                name: "InputError",
                message: `PrivateCluster "prod": connectedNetworks[1]: ${cidr} is open to everyone (every IPv${version} address); list the networks that need this access`,
            });
        }
        assert.strictEqual(mockAws().resources.size, 0);
    });

    // PrivateCluster makes an IPv4 cluster, whose private endpoint has IPv4 addresses (EKS User Guide, cluster
    // endpoint formats); the inbound endpoint's IPs come from the subnets' IPv4 ranges.
    it("refuses an IPv6 connected network: the 443 and DNS rules for it could never match", () => {
        assert.throws(() => cluster({ connectedNetworks: ["2001:db8::/32"] }), {
            message:
                'PrivateCluster "prod": connectedNetworks[0]: 2001:db8::/32 is IPv6, and the cluster is IPv4: its private endpoint (and the VPC endpoints and Resolver inbound endpoint made for it) have IPv4 addresses only, so rules for this range would never match. List the network\'s IPv4 ranges',
        });
        assert.strictEqual(mockAws().resources.size, 0);
    });

    // EKS User Guide, network requirements: "at least two subnets that are in different Availability Zones".
    for (const computed of [false, true]) {
        it(`fails the deployment, creating nothing, when the ${computed ? "computed " : ""}subnets are all in one AZ`, async () => {
            mockAws().world.subnets[SUBNETS[1]].availabilityZone = "us-east-1a";
            const expected =
                'PrivateCluster "prod": subnetIds: every subnet is in us-east-1a: subnet-0d1e2f3a4b5c6d7e8 (us-east-1a), subnet-0e2f3a4b5c6d7e8f9 (us-east-1a). ' +
                "EKS creates a cluster only with subnets in at least two different Availability Zones; list private subnets in two or more AZs (three recommended)";
            const ids = computed ? [pulumi.output(SUBNETS[0]), SUBNETS[1]] : SUBNETS.slice(0, 2);
            const failures = await programFailures(() => void cluster({ subnetIds: ids }));
            assert.deepStrictEqual(failures, [expected]);
            assert.deepStrictEqual(registeredBesides("prod"), []);
        });
    }

    // The outbound endpoint sends DNS to its targets only, and the inbound IPs can be in any block of the VPC.
    it("gives the outbound endpoint DNS egress to every VPC CIDR, not only the primary", async () => {
        addNetworks();
        const c = cluster({
            vpcCidrs: ["10.0.0.0/16", "100.64.0.0/16"],
            connectedNetworks: ["10.100.0.0/16"],
            hybridDns: { inboundSubnetIds: [SUBNETS[0], SECONDARY], outboundVpcId: HUB, outboundSubnetIds: HUB_SUBNETS },
        });
        await valueOf(c.resolverIps);
        await settle();
        assert.deepStrictEqual(names("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), [
            "prod-dns-outbound-tcp53-to-10-0-0-0-16",
            "prod-dns-outbound-tcp53-to-100-64-0-0-16",
            "prod-dns-outbound-udp53-to-10-0-0-0-16",
            "prod-dns-outbound-udp53-to-100-64-0-0-16",
        ]);
    });

    it("fails the deployment, creating nothing, when an inbound subnet is outside vpcCidrs, naming the VPC's blocks", async () => {
        addNetworks();
        const expected =
            'PrivateCluster "prod": hybridDns.inboundSubnetIds: subnet-0c1d2e3f4a5b6c7d8 (100.64.0.0/20) is outside vpcCidrs (10.0.0.0/16), the outbound endpoint\'s only DNS targets, ' +
            "so the queries it forwards to the inbound IP there are dropped. List every CIDR block of the cluster VPC in vpcCidrs: 10.0.0.0/16, 100.64.0.0/16";
        const failures = await programFailures(() =>
            valueOf(
                cluster({ connectedNetworks: ["10.100.0.0/16"], hybridDns: { inboundSubnetIds: [SUBNETS[0], SECONDARY], outboundVpcId: HUB, outboundSubnetIds: HUB_SUBNETS } }).resolverIps,
            ).catch(() => undefined),
        );
        assert.deepStrictEqual(failures, [expected]);
        assert.deepStrictEqual(registeredBesides("prod"), []);
    });

    // The inbound endpoint admits DNS from connectedNetworks only; the outbound endpoint's queries come from the hub.
    it("fails the deployment, creating nothing, when connectedNetworks leave out the outbound endpoint's VPC, naming its CIDR", async () => {
        addNetworks();
        const expected =
            'PrivateCluster "prod": hybridDns.outboundSubnetIds: subnet-0b1c2d3e4f5a6b7c9 (10.100.0.0/20), subnet-0c2d3e4f5a6b7c8da (10.100.16.0/20) are outside connectedNetworks, ' +
            "and the inbound endpoint admits DNS from those networks only, so every query the outbound endpoint forwards is dropped. Add the outbound VPC's 10.100.0.0/16 to connectedNetworks";
        const failures = await programFailures(() =>
            valueOf(cluster({ connectedNetworks: ["192.168.0.0/20"], hybridDns: { outboundVpcId: HUB, outboundSubnetIds: HUB_SUBNETS } }).resolverIps).catch(() => undefined),
        );
        assert.deepStrictEqual(failures, [expected]);
        // Every child of PrivateCluster waits for every look-up check: no cluster, endpoint, group or key either.
        assert.deepStrictEqual(registeredBesides("prod"), []);
    });

    // Route 53, "Avoid loop configurations with Resolver endpoints".
    it("refuses the cluster VPC among the forwarding rule's VPCs before registering anything", () => {
        assert.throws(() => cluster({ connectedNetworks: ["10.100.0.0/16"], hybridDns: { outboundVpcId: HUB, outboundSubnetIds: HUB_SUBNETS, vpcIds: [VPC] } }), {
            message:
                `PrivateCluster "prod": hybridDns.vpcIds[0]: ${VPC} is the cluster VPC, which holds the inbound endpoint: a rule associated with it sends the queries the inbound ` +
                "endpoint receives back out through the outbound endpoint, in a loop (AWS: don't associate the same VPC to a Resolver rule and its inbound endpoint). " +
                "The cluster VPC resolves its endpoint itself: associate the rule with the other VPCs only",
        });
        assert.strictEqual(mockAws().resources.size, 0);
    });

    // An interface endpoint has a network interface per subnet, one subnet per AZ (PrivateLink Guide, "Create a VPC
    // endpoint"): with the service offered in one of the cluster's AZs only, the endpoint is in that AZ alone.
    it("warns when an interface endpoint ends up in one AZ", async () => {
        mockAws().world.endpointServices["ecr.api"] = { availabilityZones: ["us-east-1a", "us-east-1d"] };
        const warned: string[] = [];
        const log = pulumi.log as unknown as { warn: (message: string) => Promise<void> };
        const original = log.warn;
        log.warn = (message: string) => Promise.resolve(void warned.push(message));
        try {
            const c = cluster();
            await valueOf(c.endpointIds);
            await settle();
        } finally {
            log.warn = original;
        }
        assert.deepStrictEqual(
            warned.filter((w) => w.includes("one Availability Zone")),
            [
                "the ecr.api interface endpoint is in one Availability Zone only (us-east-1a): while that AZ is down, nodes in every AZ lose ecr.api. " +
                    "Give the endpoints subnets in two or more AZs where ecr.api is offered",
            ],
        );
    });

    // The outbound endpoint's subnets are checked by PrivateCluster itself, so the error names hybridDns.outboundSubnetIds.
    it("fails the deployment, creating nothing, when the outbound subnets share one AZ, naming hybridDns.outboundSubnetIds", async () => {
        addNetworks();
        mockAws().world.subnets[HUB_SUBNETS[1]].availabilityZone = "us-east-1a";
        const expected =
            'PrivateCluster "prod": hybridDns.outboundSubnetIds: every subnet is in us-east-1a: subnet-0b1c2d3e4f5a6b7c9 (us-east-1a), subnet-0c2d3e4f5a6b7c8da (us-east-1a). ' +
            "A Route 53 Resolver endpoint in one AZ stops resolving when that AZ fails; list subnets in at least two different Availability Zones";
        const failures = await programFailures(() =>
            valueOf(cluster({ connectedNetworks: ["10.100.0.0/16"], hybridDns: { outboundVpcId: HUB, outboundSubnetIds: HUB_SUBNETS } }).resolverIps).catch(() => undefined),
        );
        assert.deepStrictEqual(failures, [expected]);
        assert.deepStrictEqual(registeredBesides("prod"), []);
    });

    // The forwarding rule's arguments are checked by HybridDnsAccess's planner, called by PrivateCluster's.
    it("refuses a bad hybridDns.shareWith principal, naming it as written, before registering anything", () => {
        assert.throws(() => cluster({ connectedNetworks: ["10.100.0.0/16"], hybridDns: { outboundVpcId: HUB, outboundSubnetIds: HUB_SUBNETS, shareWith: ["210987654321", "210987654321"] } }), {
            message: 'PrivateCluster "prod": hybridDns.shareWith[1]: 210987654321 is listed twice; list each principal once',
        });
        assert.throws(() => cluster({ connectedNetworks: ["10.100.0.0/16"], hybridDns: { outboundVpcId: HUB } }), {
            message:
                'PrivateCluster "prod": hybridDns.outboundSubnetIds: the outbound endpoint needs both hybridDns.outboundVpcId and hybridDns.outboundSubnetIds; give both, or neither for on-premises forwarding only',
        });
        assert.strictEqual(mockAws().resources.size, 0);
    });

    // Route 53 "Resolver endpoint scaling": the untracked shape for the inbound endpoint, through hybridDns.
    it("passes hybridDns.untrackedConnections to the Resolver endpoints", async () => {
        const c = cluster({ connectedNetworks: ["192.168.0.0/20"], hybridDns: { untrackedConnections: true } });
        await valueOf(c.resolverIps);
        await settle();
        assert.deepStrictEqual(names("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), ["prod-dns-inbound-tcp0-65535-to-anywhere", "prod-dns-inbound-udp0-65535-to-anywhere"]);
        assert.deepStrictEqual(
            names("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((n) => n.startsWith("prod-dns-inbound")),
            ["prod-dns-inbound-tcp53-from-anywhere", "prod-dns-inbound-udp53-from-anywhere"],
        );
    });
});
