// HybridDnsAccess: the composed endpoints, rule and 443 rules, its checks, and nothing built when a check fails.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { HybridDnsAccess, HybridDnsAccessArgs } from "../hybridDns/hybridDnsAccess";
import { hybridDnsAccessAdvice } from "../hybridDns/accessPlan";
import { mockAws, valueOf } from "../plan/mocks";
import { programFailures } from "./support/failures";
import { CLUSTER_SG, CLUSTER_VPC, HOST, HYBRID_ARGS, PEERED_A, PEERED_B, PEERED_VPC, SUBNET_A, SUBNET_B, SUBNET_C, T, addPeeredVpc, addSecondaryCidrSubnet, names, registeredBesides, settled } from "./support/hybridDns";

/** The ingress rules for 10.1.0.0/16 and 192.168.0.0/20: DNS to the inbound endpoint and TCP 443 to the control plane. */
const bothNetworksIngress = ["10-1-0-0-16", "192-168-0-0-20"].flatMap((n) => [`hy-inbound-tcp53-from-${n}`, `hy-inbound-udp53-from-${n}`, `hy-tcp443-from-${n}`]).sort();

/** Runs HybridDnsAccess "hy": it fails with `expected` alone, and none of its children is registered. */
async function failsCreatingNothing(args: HybridDnsAccessArgs, expected: string): Promise<void> {
    const failures = await programFailures(() => valueOf(new HybridDnsAccess("hy", args).ruleId).catch(() => undefined));
    assert.deepStrictEqual(failures, [expected]);
    // Every child waits for every look-up check: neither endpoint, nor their security groups, nor the 443 rules.
    assert.deepStrictEqual(registeredBesides("hy"), []);
}

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
        assert.deepStrictEqual(names(T.ingress), bothNetworksIngress);
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
            "warnings",
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

    it("fails the deployment, creating nothing, when an inbound subnet is outside the outbound endpoint's targets", async () => {
        addPeeredVpc();
        addSecondaryCidrSubnet();
        const expected =
            'HybridDnsAccess "hy": inboundSubnetIds: subnet-0c1d2e3f4a5b6c7d8 (100.64.0.0/20) is outside clusterVpcCidr (10.0.0.0/16), the outbound endpoint\'s only DNS targets, ' +
            "so the queries it forwards to the inbound IP there are dropped. List every CIDR block of the cluster VPC in clusterVpcCidrs: 10.0.0.0/16, 100.64.0.0/16";
        await failsCreatingNothing({ ...args, inboundSubnetIds: [SUBNET_A, SUBNET_C] }, expected);
    });

    // The inbound endpoint's security group admits DNS from peeredCidrs and onPremisesCidrs only; the outbound
    // endpoint's queries come from its IPs, in the outbound VPC's subnets.
    it("fails the deployment, creating nothing, when the inbound endpoint would not admit the outbound endpoint's network, naming the VPC's CIDR to add", async () => {
        addPeeredVpc();
        const expected =
            'HybridDnsAccess "hy": outboundSubnetIds: subnet-0a9b8c7d6e5f40312 (10.1.0.0/20), subnet-0b8c7d6e5f4031201 (10.1.16.0/20) are outside peeredCidrs and onPremisesCidrs, ' +
            "and the inbound endpoint admits DNS from those networks only, so every query the outbound endpoint forwards is dropped. Add the outbound VPC's 10.1.0.0/16 to peeredCidrs";
        await failsCreatingNothing({ ...args, peeredCidrs: ["10.2.0.0/16"] }, expected);
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

    it("refuses associating the forwarding rule with the cluster VPC: computed ids once known, creating nothing", async () => {
        addPeeredVpc();
        const expected = `HybridDnsAccess "hy": vpcs.hub: ${loop(CLUSTER_VPC)}`;
        await failsCreatingNothing({ ...args, vpcs: { hub: pulumi.output(CLUSTER_VPC) } }, expected);
    });

    // The check is HybridDnsAccess's own, so it names outboundSubnetIds as the user wrote it, not the child's subnetIds.
    it("fails the deployment, creating nothing, when the outbound subnets share one AZ, naming outboundSubnetIds", async () => {
        addPeeredVpc();
        mockAws().world.subnets[PEERED_B].availabilityZone = "us-east-1a";
        const expected =
            'HybridDnsAccess "hy": outboundSubnetIds: every subnet is in us-east-1a: subnet-0a9b8c7d6e5f40312 (us-east-1a), subnet-0b8c7d6e5f4031201 (us-east-1a). A Route 53 Resolver endpoint in one AZ stops resolving when that AZ fails; list subnets in at least two different Availability Zones';
        await failsCreatingNothing(args, expected);
    });

    it("fails the deployment, creating nothing, when an inbound subnet is in another VPC", async () => {
        addPeeredVpc();
        const expected =
            `HybridDnsAccess "hy": inboundSubnetIds: ${PEERED_A} is in ${PEERED_VPC}, not in vpcId ${CLUSTER_VPC}; an endpoint's IPs and its security group must be in one VPC. List subnets of ${CLUSTER_VPC}`;
        await failsCreatingNothing({ ...args, inboundSubnetIds: [SUBNET_A, pulumi.output(PEERED_A)] }, expected);
    });

    // AWS RAM principals and the rule's VPCs are the forwarding rule's arguments: checked by HybridDnsAccess's plan,
    // under its own names, before the Resolver endpoints exist.
    it("refuses a bad shareWith principal or rule VPC before registering anything", () => {
        assert.throws(() => new HybridDnsAccess("hy", { ...args, shareWith: ["210987654321", "arn:aws:iam::210987654321:root"] }), {
            message:
                'HybridDnsAccess "hy": shareWith[1]: "arn:aws:iam::210987654321:root" is not an AWS account id (12 digits), organization ARN (arn:aws:organizations::<account>:organization/o-...) or OU ARN (...:ou/o-.../ou-...)',
        });
        assert.throws(() => new HybridDnsAccess("hy", { ...args, vpcIds: ["vpc-1"] }), { message: 'HybridDnsAccess "hy": vpcIds[0]: "vpc-1" is not a VPC id (vpc- followed by 8 or 17 hex digits)' });
        assert.strictEqual(mockAws().resources.size, 0);
    });
});

// One name for the networks outside the VPC, as PrivateCluster's: connectedNetworks; peeredCidrs and onPremisesCidrs
// stay as deprecated aliases for one release.
describe("HybridDnsAccess connectedNetworks", () => {
    const connected: HybridDnsAccessArgs = { ...HYBRID_ARGS, peeredCidrs: undefined, onPremisesCidrs: undefined, connectedNetworks: ["10.1.0.0/16", "192.168.0.0/20"] };

    it("admits DNS and TCP 443 from connectedNetworks, as from the aliases", async () => {
        addPeeredVpc();
        const hybrid = new HybridDnsAccess("hy", connected);
        await valueOf(hybrid.ruleId);
        await settled();
        assert.deepStrictEqual(names(T.ingress), bothNetworksIngress);
    });

    it("with endpointAccess stated, outputs the advice on whether forwarding is needed; refuses a public-only cluster before registering anything", async () => {
        addPeeredVpc();
        const quiet = new HybridDnsAccess("quiet", { ...connected, endpointAccess: "private", connectedDns: "rebinding-protection" });
        const advised = new HybridDnsAccess("advised", { ...connected, endpointAccess: "private" });
        assert.deepStrictEqual(await valueOf(quiet.warnings), []);
        // The advice's text is pinned in hybridDns/accessPlan.test.ts; here, that the component outputs it.
        assert.deepStrictEqual(await valueOf(advised.warnings), hybridDnsAccessAdvice({ endpointAccess: "private" }));
        assert.strictEqual((await valueOf(advised.warnings)).length, 1);
        await settled();
        const before = mockAws().resources.size;
        assert.throws(() => new HybridDnsAccess("public", { ...connected, endpointAccess: "public" }), (e: Error) => e.message.startsWith('HybridDnsAccess "public": endpointAccess: "public": the cluster has no private endpoint'));
        assert.strictEqual(mockAws().resources.size, before);
    });

    it("names connectedNetworks in its errors, and refuses it beside an alias", () => {
        const fails = (patch: Partial<HybridDnsAccessArgs>, message: string) =>
            assert.throws(() => new HybridDnsAccess("hy", { ...connected, ...patch }), { message: `HybridDnsAccess "hy": ${message}` });
        fails(
            { connectedNetworks: [] },
            "connectedNetworks: no networks given; list the networks outside the cluster VPC (peered VPCs, on-premises ranges) in connectedNetworks: they may query the inbound endpoint and connect to the API server on TCP 443",
        );
        fails(
            { connectedNetworks: ["10.1.0.0/16", "10.0.128.0/20"] },
            "connectedNetworks[1]: 10.0.128.0/20 overlaps the cluster VPC's 10.0.0.0/16; the VPC routes those addresses locally, so answers could never reach that network. List only networks outside the cluster VPC",
        );
        fails({ peeredCidrs: ["10.1.0.0/16"] }, "peeredCidrs: is a deprecated alias of connectedNetworks, which is given too: list every network in connectedNetworks only");
        assert.strictEqual(mockAws().resources.size, 0);
    });

    it("fails the deployment, creating nothing, when connectedNetworks leave out the outbound VPC, naming connectedNetworks", async () => {
        addPeeredVpc();
        const expected =
            'HybridDnsAccess "hy": outboundSubnetIds: subnet-0a9b8c7d6e5f40312 (10.1.0.0/20), subnet-0b8c7d6e5f4031201 (10.1.16.0/20) are outside connectedNetworks, ' +
            "and the inbound endpoint admits DNS from those networks only, so every query the outbound endpoint forwards is dropped. Add the outbound VPC's 10.1.0.0/16 to connectedNetworks";
        await failsCreatingNothing({ ...connected, connectedNetworks: ["192.168.0.0/20"] }, expected);
    });
});
