// The offline plan of each example program end to end: `npm run plan` in a child process, as a user runs it.
import * as assert from "assert";
import { byName, PlanJson, planJson } from "./support/planCli";

/** `npm run plan -- --json` of an example, its stack outputs read as the example's exports the test uses. */
async function examplePlan<Outputs>(args: string[]): Promise<{ code: number; plan: Omit<PlanJson, "outputs"> & { outputs: Outputs } }> {
    const { code, plan } = await planJson(args);
    return { code, plan: { ...plan, outputs: plan.outputs as Outputs } };
}

describe("offline plan of the examples", function () {
    this.timeout(120_000);

    it("examples/public-restricted", async () => {
        const { code, plan } = await examplePlan<{ endpoint: string }>(["examples/public-restricted"]);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        const access = plan.resources.find((r) => r.type === "eks-private-access:index:ClusterEndpointAccess");
        assert.deepStrictEqual(access?.inputs, { mode: "public-and-private", publicAccessCidrs: ["203.0.113.0/24", "198.51.100.16/28"], vpcId: byName(plan, "public-restricted").id });
        const eks = plan.resources.find((r) => r.type === "aws:eks/cluster:Cluster");
        assert.ok(eks);
        assert.deepStrictEqual(eks.inputs.vpcConfig, {
            endpointPublicAccess: true,
            endpointPrivateAccess: true,
            publicAccessCidrs: ["203.0.113.0/24", "198.51.100.16/28"],
            subnetIds: plan.resources.filter((r) => r.type === "aws:ec2/subnet:Subnet").map((r) => r.id),
        });
        assert.match(plan.outputs.endpoint, /^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/);
        assert.deepStrictEqual([plan.warnings, plan.errors], [[], []]);
        // A public endpoint is the point of this example: the pack's one advice, advisory by default.
        assert.deepStrictEqual(
            plan.policy.findings.map((f) => [f.policy, f.enforcementLevel, f.urn]),
            [["eks-public-endpoint-disabled", "advisory", eks.urn]],
        );
    });

    it("examples/private-only wires @pulumi/eks Cluster through ClusterEndpointAccess", async () => {
        const { code, plan } = await examplePlan<{ clusterSecurityGroupId: string }>(["examples/private-only"]);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        const eks = plan.resources.find((r) => r.type === "eks:index:Cluster");
        assert.ok(eks);
        assert.strictEqual(eks.inputs.endpointPublicAccess, false);
        assert.strictEqual(eks.inputs.endpointPrivateAccess, true);
        assert.strictEqual(eks.inputs.authenticationMode, "API");
        assert.strictEqual(eks.inputs.clusterSecurityGroup, "aws:ec2/securityGroup:SecurityGroup::private-only-control-plane");
        const accessUrn = plan.resources.find((r) => r.type === "eks-private-access:index:ClusterEndpointAccess")?.urn;
        const rules = plan.resources.filter((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" && r.parent === accessUrn);
        assert.deepStrictEqual(rules.map((r) => r.name), [
            "private-only-api-tcp443-from-192-168-0-0-20",
            "private-only-api-tcp443-from-10-60-0-0-16",
            "private-only-api-tcp443-from-bastion",
        ]);
        const controlPlaneId = plan.outputs.clusterSecurityGroupId;
        for (const rule of rules) assert.strictEqual(rule.inputs.securityGroupId, controlPlaneId);
        // The default 4 interface endpoints (ec2, ecr.api, ecr.dkr, sts) plus eks-auth for Pod Identity, in 3 AZs, and
        // the EKS control plane at $0.10 an hour (no version given: the newest, in standard support).
        const endpointsUrn = plan.resources.find((r) => r.type === "eks-private-access:index:PrivateClusterEndpoints")!.urn;
        const costOf = (owner: string) => plan.cost.items.filter((i) => i.owner === owner).reduce((sum, i) => sum + i.monthly * 100, 0) / 100;
        assert.strictEqual(costOf(endpointsUrn), 109.5);
        assert.deepStrictEqual(
            plan.cost.items.filter((i) => i.urn === eks.urn).map((i) => [i.monthly, i.basis]),
            [[73, "EKS control plane, default version, priced as standard support"]],
        );
        // And the key that encrypts the cluster's secrets, $1 a month.
        assert.deepStrictEqual(plan.cost.items.filter((i) => i.basis === "KMS customer managed key").length, 1);
        assert.deepStrictEqual([plan.cost.monthly, plan.cost.currency], [183.5, "USD"]);
        assert.deepStrictEqual([plan.policy.findings, plan.warnings, plan.errors], [[], [], []]);
    });

    it("examples/private-cluster-endpoints: the whole private network, its cost and no findings", async () => {
        const { code, plan } = await examplePlan<{ monthlyCostUsd: number; loadBalancerControllerFlags: string[]; clusterAutoscalerFlags: string[] }>([
            "examples/private-cluster-endpoints",
        ]);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        const types = new Set(plan.resources.map((r) => r.type));
        for (const absent of ["aws:ec2/natGateway:NatGateway", "aws:ec2/internetGateway:InternetGateway"]) assert.ok(!types.has(absent), absent);
        const eks = plan.resources.find((r) => r.type === "aws:eks/cluster:Cluster");
        const vpcConfig = eks?.inputs.vpcConfig as { endpointPublicAccess?: boolean; endpointPrivateAccess?: boolean } | undefined;
        assert.strictEqual(vpcConfig?.endpointPublicAccess, false);
        assert.strictEqual(vpcConfig?.endpointPrivateAccess, true);
        // The plan prices every billed resource: the endpoints' own estimate plus the aws.eks.Cluster the program
        // writes directly, $0.10 an hour for 730 hours (no version given: the newest, in standard support), and its
        // secrets key, $1 a month.
        const endpointsUrn = plan.resources.find((r) => r.type === "eks-private-access:index:PrivateClusterEndpoints")!.urn;
        const owned = plan.cost.items.filter((i) => i.owner === endpointsUrn).reduce((sum, i) => sum + i.monthly * 100, 0) / 100;
        assert.strictEqual(owned, plan.outputs.monthlyCostUsd);
        assert.deepStrictEqual(plan.cost.items.filter((i) => i.urn === eks!.urn).map((i) => i.monthly), [73]);
        assert.deepStrictEqual(plan.cost.items.filter((i) => i.basis === "KMS customer managed key").length, 1);
        assert.strictEqual(plan.cost.monthly, Math.round((plan.outputs.monthlyCostUsd + 73 + 1) * 100) / 100);
        assert.deepStrictEqual(plan.outputs.loadBalancerControllerFlags, ["--enable-shield=false", "--enable-waf=false", "--enable-wafv2=false"]);
        assert.deepStrictEqual(plan.outputs.clusterAutoscalerFlags, ["--aws-use-static-instance-list=true"]);
        assert.deepStrictEqual([plan.policy.findings, plan.warnings, plan.errors], [[], [], []]);
    });

    it("examples/hybrid-dns: resolver endpoints, a forwarding rule for the endpoint host, 443 for both networks", async () => {
        const { code, plan } = await examplePlan<{ clusterEndpoint: string; resolverIps: string[]; bindConfig: string; dnsmasqConfig: string }>(["examples/hybrid-dns"]);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        const host = new URL(plan.outputs.clusterEndpoint).hostname.toLowerCase();
        const rule = plan.resources.find((r) => r.type === "aws:route53/resolverRule:ResolverRule");
        assert.strictEqual(rule?.inputs.domainName, host);
        assert.strictEqual(rule?.inputs.ruleType, "FORWARD");
        assert.deepStrictEqual(
            rule?.inputs.targetIps,
            plan.outputs.resolverIps.map((ip: string) => ({ ip, port: 53 })),
        );
        const https = plan.resources.filter((r) => r.inputs.fromPort === 443 && r.name.startsWith("hybrid-tcp443-from-"));
        assert.deepStrictEqual(https.map((r) => r.inputs.cidrIpv4), ["10.30.0.0/16", "192.168.0.0/20"]);
        for (const ip of plan.outputs.resolverIps) {
            assert.ok(plan.outputs.bindConfig.includes(`${ip};`), `bind config lacks ${ip}`);
            assert.ok(plan.outputs.dnsmasqConfig.includes(`server=/${host}/${ip}`), `dnsmasq config lacks ${ip}`);
        }
        assert.deepStrictEqual([plan.policy.findings, plan.warnings, plan.errors], [[], [], []]);
    });

    it("examples/private-cluster: @pulumi/eks Cluster inputs, cost, and no findings even under strict", async () => {
        const { code, plan } = await examplePlan<{ endpoint: string; certificateAuthority: string; clusterName: string; bottlerocketSettings: string; monthlyCostUsd: number }>([
            "examples/private-cluster",
            "--policy",
            "strict",
        ]);
        assert.strictEqual(code, 0, JSON.stringify([plan.errors, plan.policy.findings]));
        const eks = plan.resources.find((r) => r.type === "eks:index:Cluster");
        assert.ok(eks);
        assert.strictEqual(eks.custom, false, "a remote component: one registration, no children");
        assert.deepStrictEqual(plan.resources.filter((r) => r.parent === eks.urn), []);
        assert.strictEqual(eks.inputs.authenticationMode, "API");
        assert.deepStrictEqual([eks.inputs.endpointPublicAccess, eks.inputs.endpointPrivateAccess], [false, true]);
        assert.strictEqual(eks.inputs.clusterSecurityGroup, "aws:ec2/securityGroup:SecurityGroup::private-cluster-control-plane");
        assert.strictEqual(eks.inputs.kubernetesServiceIpAddressRange, "172.20.0.0/16");
        // Bottlerocket's settings carry the cluster's endpoint and CA; the service CIDR 172.20.0.0/16 puts kube-dns at .10.
        assert.strictEqual(
            plan.outputs.bottlerocketSettings,
            `[settings.kubernetes]\napi-server = "${plan.outputs.endpoint}"\ncluster-certificate = "${plan.outputs.certificateAuthority}"\n` +
                `cluster-name = "${plan.outputs.clusterName}"\ncluster-dns-ip = "172.20.0.10"\n`,
        );
        assert.strictEqual(plan.cost.monthly, plan.outputs.monthlyCostUsd);
        assert.deepStrictEqual([plan.policy.findings, plan.warnings, plan.errors], [[], [], []]);
    });
});
