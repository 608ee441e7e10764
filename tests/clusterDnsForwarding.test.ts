// ClusterDnsForwarding: the FORWARD rule, its associations, its AWS RAM share and its names.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ClusterDnsForwarding } from "../hybridDns/clusterDnsForwarding";
import { mockAws, valueOf } from "../plan/mocks";
import { programFailures } from "./support/failures";
import { ENDPOINT, HOST, PEERED_VPC, T, names, settled } from "./support/hybridDns";

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
            // Another language may send any value: each is refused here, before the RAM share is registered.
            [{ shareWith: ["210987654321"], clusterEndpoint: 3 as unknown as string }, "clusterEndpoint: 3 is not an EKS cluster endpoint (expected https://<id>.<x>.<region>.eks.amazonaws.com, ...<region>.api.aws, or the aws-cn forms ending amazonaws.com.cn / amazonwebservices.com.cn)"],
            [{ shareWith: ["210987654321"], resolverIps: {} as string[] }, "resolverIps: expected a list of resolver IPs, got an object"],
            [{ shareWith: ["210987654321"], resolverIps: [, "10.0.59.167"] as string[] }, "resolverIps[0]: expected a resolver IP (a string), got undefined"],
            [{ shareWith: ["210987654321"], vpcs: { tools: undefined as unknown as string } }, "vpcs.tools: expected a VPC id (a string, or an Output of one), got undefined"],
            [{ vpcs: { tools: 42 as unknown as string } }, "vpcs.tools: expected a VPC id (a string, or an Output of one), got number 42"],
            [{ vpcs: { tools: "tools-vpc" } }, 'vpcs.tools: "tools-vpc" is not a VPC id (vpc- followed by 8 or 17 hex digits)'],
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
        const ruleName = mockAws().get(T.rule, `${long}-rule`).inputs.name as string;
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

    const failedChecks: [string, Partial<ConstructorParameters<typeof ClusterDnsForwarding>[1]>, string][] = [
        [
            "an endpoint that is not an EKS endpoint",
            { clusterEndpoint: pulumi.output("https://api.example.com") },
            'clusterEndpoint: "https://api.example.com" is not an EKS cluster endpoint (expected https://<id>.<x>.<region>.eks.amazonaws.com, ...<region>.api.aws, or the aws-cn forms ending amazonaws.com.cn / amazonwebservices.com.cn)',
        ],
        ["no resolver IPs", { resolverIps: pulumi.output([]) }, "resolverIps: no resolver IPs given; pass the IP addresses of the Route 53 Resolver inbound endpoint"],
        ["a VPC id that is not one", { vpcs: { tools: pulumi.output(undefined as unknown as string) } }, "vpcs.tools: expected a VPC id (a string, or an Output of one), got undefined"],
    ];
    for (const [what, args, message] of failedChecks) {
        it(`registers nothing, not even the RAM share, when a check of a value known only at deployment fails: ${what}`, async () => {
            const expected = `ClusterDnsForwarding "fwd": ${message}`;
            const failures = await programFailures(() => new ClusterDnsForwarding("fwd", { ...base, vpcIds: [PEERED_VPC], shareWith: ["210987654321"], ...args }));
            assert.deepStrictEqual([...new Set(failures)], [expected]);
            assert.deepStrictEqual([T.rule, T.assoc, T.share, T.shareResource, T.sharePrincipal].map(names), [[], [], [], [], []]);
        });
    }
});
