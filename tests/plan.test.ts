// The offline plan end to end: `npm run plan` (scripts/plan.ts) in a child process per program, as a user runs it.
import * as assert from "assert";
import { byName, planJson, RootStackOutputs, runPlanCli } from "./support/planCli";


describe("offline plan", function () {
    this.timeout(120_000);

    it("root stack with its sample config", async () => {
        const { code, plan } = await planJson<RootStackOutputs>([]);
        assert.strictEqual(code, 0);
        assert.strictEqual(plan.stack, "sample");
        assert.strictEqual(plan.config["aws:region"], "us-east-1");
        const component = byName(plan, "sample-endpoint");
        const childrenOf = (urn: string) => plan.resources.filter((r) => r.parent === urn).map((r) => `${r.type} ${r.name}`);
        assert.deepStrictEqual(childrenOf(component.urn), [
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule sample-endpoint-api-tcp443-from-10-20-0-0-16",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule sample-endpoint-api-tcp443-from-192-168-0-0-20",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule sample-endpoint-api-tcp443-from-sg-0a9b8c7d6e5f40312",
        ]);
        // vpcEndpoints: the default set (ec2, ecr.api, ecr.dkr, s3, sts) plus clusterAutoscaler (autoscaling) and podIdentity (eks-auth).
        const endpoints = byName(plan, "sample-endpoints");
        assert.strictEqual(endpoints.type, "eks-private-access:index:PrivateClusterEndpoints");
        const vpce = plan.resources.filter((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint" && r.parent === endpoints.urn);
        assert.deepStrictEqual(
            vpce.map((r) => r.name).sort(),
            ["autoscaling", "ec2", "ecr.api", "ecr.dkr", "eks-auth", "s3", "sts"].map((s) => `sample-endpoints-${s}`),
        );
        // Every billed resource: 6 interface endpoints in 3 AZs at $0.01 per AZ-hour, 730 hours ($21.90 each; the S3
        // gateway is free), and the Resolver inbound endpoint's 2 IPs at $0.125 per IP-hour ($182.50).
        const owned = (owner: string) => plan.cost.items.filter((i) => i.owner === owner).map((i) => [i.urn.split("::").pop(), i.monthly, i.basis]);
        assert.deepStrictEqual(
            owned(endpoints.urn).sort(),
            ["autoscaling", "ec2", "ecr.api", "ecr.dkr", "eks-auth", "sts"].map((s) => [`sample-endpoints-${s}`, 21.9, "interface endpoint, 3 AZs x $0.01/h"]),
        );
        assert.deepStrictEqual(owned(byName(plan, "sample-dns").urn), [["sample-dns-inbound-endpoint", 182.5, "Resolver endpoint, 2 IPs x $0.125/h"]]);
        assert.deepStrictEqual(
            [plan.cost.monthly, plan.cost.currency, plan.cost.items.length, plan.cost.region, plan.cost.fallbacks, plan.cost.unconverted],
            [313.9, "USD", 7, "us-east-1", [], undefined],
        );
        assert.strictEqual(plan.outputs.vpcEndpointsMonthlyCostUsd, 131.4);
        assert.deepStrictEqual(plan.outputs.vpcEndpointsCostPerAzUsd, { "us-east-1a": 43.8, "us-east-1b": 43.8, "us-east-1c": 43.8 });
        assert.deepStrictEqual(plan.policy, { profile: "recommended", findings: [] });
        // hybridDns: scope region forwards the region's EKS domain; the inbound endpoint has one IP per subnet.
        assert.strictEqual(plan.outputs.forwardedDomain, "us-east-1.eks.amazonaws.com");
        assert.strictEqual(plan.outputs.resolverIps!.length, 2);
        assert.deepStrictEqual(
            childrenOf(byName(plan, "sample-dns").urn).filter((n) => n.includes("tcp443")),
            [
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule sample-dns-tcp443-from-10-30-0-0-16",
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule sample-dns-tcp443-from-172-16-0-0-16",
            ],
        );
        assert.deepStrictEqual(plan.outputs.vpcConfig, { endpointPublicAccess: false, endpointPrivateAccess: true });
        assert.deepStrictEqual([plan.warnings, plan.errors], [[], []]);
    });

    it("--config overrides the stack file, and a warning is attributed to its component", async () => {
        const { code, plan } = await planJson(["--config", 'endpointAccess={"mode":"public","publicAccessCidrs":["203.0.113.0/24"]}', "--config", "vpcEndpoints=null"]);
        assert.strictEqual(code, 0);
        assert.deepStrictEqual(plan.outputs.vpcConfig, { endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ["203.0.113.0/24"] });
        assert.strictEqual(plan.warnings.length, 1);
        assert.strictEqual(plan.warnings[0].urn, byName(plan, "sample-endpoint").urn);
        assert.match(plan.warnings[0].message, /^publicAccessCidrs restricts the public endpoint while private access is off/);
    });

    it("VPC endpoints refuse a cluster whose endpoint access has private access off", async () => {
        const { code, plan } = await planJson(["--config", 'endpointAccess={"mode":"public"}']);
        assert.strictEqual(code, 1);
        assert.deepStrictEqual(plan.errors, [
            {
                message:
                    'PrivateClusterEndpoints "sample-endpoints": endpointPrivateAccess: a cluster without internet access needs ' +
                    "endpoint private access: nodes register through the private endpoint. Set vpcConfig.endpointPrivateAccess: " +
                    "true on the cluster and pass true here",
            },
        ]);
    });

    it("a network in both endpointAccess.allowedCidrs and hybridDns fails before AWS refuses the duplicate 443 rule", async () => {
        const hybrid = {
            clusterEndpoint: "https://4D2E9F0A1B3C5D7E9F1A2B3C4D5E6F70.gr7.us-east-1.eks.amazonaws.com",
            clusterSecurityGroupId: "sg-0c1d2e3f4a5b6c7d8",
            clusterVpcCidr: "10.0.0.0/16",
            inboundSubnetIds: ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9"],
            onPremisesCidrs: ["192.168.0.0/20"],
        };
        const { code, plan } = await planJson(["--config", `hybridDns=${JSON.stringify(hybrid)}`]);
        assert.strictEqual(code, 1);
        assert.match(plan.errors[0].message, /^config: 192\.168\.0\.0\/20 is in both endpointAccess\.allowedCidrs and hybridDns/);
    });

    it("a validation failure exits non-zero with the component's message, before anything is created", async () => {
        const { code, plan } = await planJson(["--config", 'endpointAccess={"mode":"private","publicAccessCidrs":["10.0.0.0/8"]}']);
        assert.strictEqual(code, 1);
        assert.deepStrictEqual(plan.resources, []);
        assert.strictEqual(plan.errors.length, 1);
        assert.match(plan.errors[0].message, /^ClusterEndpointAccess "sample-endpoint": publicAccessCidrs: only applies when the public endpoint is on/);
    });

    it("a VPC created with enableDnsHostnames left at AWS's default fails the plan", async () => {
        const { code, plan } = await planJson(["tests/fixtures/vpc-without-dns-hostnames"]);
        assert.strictEqual(code, 1);
        const vpc = byName(plan, "no-hostnames");
        assert.strictEqual(vpc.type, "aws:ec2/vpc:Vpc");
        assert.ok(plan.errors.length >= 1);
        for (const e of plan.errors) assert.match(e.message, /ClusterEndpointAccess "no-hostnames": vpcId: VPC vpc-[0-9a-f]{17} has enableDnsHostnames=false/);
    });

    it("cn-north-1 bills in CNY: with no CNY list price recorded, the estimate is us-east-1's USD, not converted, and says so", async () => {
        const args = ["--config", "aws:region=cn-north-1", "--config", "hybridDns=null"];
        const { code, plan } = await planJson(args);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        // 6 interface endpoints (ec2, ecr.api, ecr.dkr, sts, autoscaling, eks-auth) in 3 AZs: 18 AZ-hours x $0.01 x 730.
        const { items, ...totals } = plan.cost;
        assert.deepStrictEqual(totals, {
            region: "cn-north-1",
            currency: "CNY",
            monthly: 0,
            unconverted: { currency: "USD", monthly: 131.4 },
            pricesChecked: "2026-12",
            fallbacks: [{ price: "interfaceEndpointPerAzHour", name: "interface endpoint per AZ-hour", amount: 0.01, currency: "USD" }],
        });
        assert.deepStrictEqual(new Set(items.map((i) => `${i.currency} ${i.monthly} ${i.fallback} ${i.basis}`)), new Set(["USD 21.9 true interface endpoint, 3 AZs x $0.01/h"]));
        assert.strictEqual(items.length, 6);
        const { stdout } = await runPlanCli(args);
        assert.ok(
            stdout.includes(
                "\nEstimated cost: $131.40 a month (us-east-1 list prices of 2026-12, 730 hours), not converted: cn-north-1 bills in CNY\n" +
                    "    not listed here for cn-north-1, us-east-1's price used: interface endpoint per AZ-hour $0.01\n",
            ),
            stdout,
        );
    });

    it("eu-west-1: no eu-west-1 price is recorded, so each price the estimate uses is us-east-1's and named as such", async () => {
        const args = ["--config", "aws:region=eu-west-1"];
        const { code, plan } = await planJson(args);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        // 6 interface endpoints in 3 AZs ($131.40) and the Resolver inbound endpoint's 2 IPs ($182.50), at us-east-1's prices.
        assert.deepStrictEqual(
            [plan.cost.region, plan.cost.currency, plan.cost.monthly, plan.cost.unconverted, plan.cost.fallbacks.map((f) => f.price)],
            ["eu-west-1", "USD", 313.9, undefined, ["interfaceEndpointPerAzHour", "resolverPerIpHour"]],
        );
        assert.deepStrictEqual(plan.cost.items.filter((i) => !i.fallback), []);
        const { stdout } = await runPlanCli(args);
        assert.ok(
            stdout.includes(
                "\nEstimated cost: $313.90 a month (us-east-1 list prices of 2026-12, 730 hours)\n" +
                    "    not listed here for eu-west-1, us-east-1's price used: interface endpoint per AZ-hour $0.01, Resolver endpoint per IP-hour $0.125\n",
            ),
            stdout,
        );
    });

    it("root stack privateCluster section: one component with its endpoints and resolver", async () => {
        const privateCluster = {
            vpcCidrs: ["10.0.0.0/16"],
            subnetIds: ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"],
            routeTableIds: ["rtb-0a1b2c3d4e5f60718"],
            connectedNetworks: ["10.100.0.0/16"],
            clusterAutoscaler: true,
            hybridDns: {},
        };
        const { code, plan } = await planJson<RootStackOutputs>([
            "--config", `privateCluster=${JSON.stringify(privateCluster)}`,
            "--config", "vpcEndpoints=null",
            "--config", "hybridDns=null",
            "--config", "endpointAccess=null",
        ]);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        const cluster = byName(plan, "sample-cluster");
        assert.strictEqual(cluster.type, "eks-private-access:index:PrivateCluster");
        assert.strictEqual(plan.outputs.clusterName, "sample-cluster");
        assert.ok(plan.outputs.clusterEndpointIds!.autoscaling, "clusterAutoscaler adds the autoscaling endpoint");
        // privateCluster alone is a stack: the endpoint outputs describe its cluster (private by default).
        assert.deepStrictEqual(plan.outputs.vpcConfig, { endpointPublicAccess: false, endpointPrivateAccess: true });
        assert.strictEqual(plan.outputs.clusterResolverIps!.length, 3);
        assert.deepStrictEqual(plan.policy.findings, []);
    });

    it("--policy strict turns the pack's advice into a failure, as pulumi preview --policy-pack would", async () => {
        const { code, plan } = await planJson(["examples/public-restricted", "--policy", "strict"]);
        assert.strictEqual(code, 1);
        assert.deepStrictEqual(plan.errors, []);
        assert.deepStrictEqual(plan.policy.findings.map((f) => [f.policy, f.enforcementLevel]), [["eks-public-endpoint-disabled", "mandatory"]]);
    });

    it("the insecure fixture raises exactly its ten findings and fails on the one EKS would reject", async () => {
        const { code, plan } = await planJson(["tests/fixtures/insecure-cluster"]);
        assert.strictEqual(code, 1);
        assert.deepStrictEqual(plan.errors, []);
        assert.deepStrictEqual(
            plan.policy.findings.map((f) => `${f.policy} ${f.enforcementLevel} ${f.urn?.split("::").pop()}`),
            [
                "eks-public-endpoint-disabled advisory insecure",
                "eks-public-endpoint-not-open advisory insecure",
                "eks-public-access-cidrs-valid mandatory insecure",
                "eks-private-endpoint-vpc-dns advisory insecure",
                "vpc-endpoint-security-group advisory insecure-sts",
                "no-internet-https-dns-ingress advisory insecure-endpoints",
                "resolver-endpoint-redundancy advisory insecure-inbound",
                "resolver-security-group-dns-only advisory insecure-resolver",
                "eks-secrets-encryption advisory insecure",
                "eks-control-plane-logging advisory insecure",
            ],
        );
    });

    it("prints a readable tree without --json", async () => {
        const { code, stdout } = await runPlanCli(["examples/private-only"]);
        assert.strictEqual(code, 0);
        assert.match(stdout, /^Offline plan of examples\/private-only \(project private-only, stack dev, region us-east-1\)/);
        assert.match(stdout, /\n\+ eks-private-access:index:ClusterEndpointAccess  private-only  \(component\)\n/);
        assert.match(stdout, /\n    \+ aws:vpc\/securityGroupIngressRule:SecurityGroupIngressRule  private-only-api-tcp443-from-bastion\n/);
        assert.match(stdout, /\n23 resources and 3 components to create\n/);
        assert.match(stdout, /\nWarnings \(0\):\n\nErrors \(0\):$/m);
    });
});
