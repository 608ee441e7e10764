// The root stack (stack/index.ts) through `npm run plan`: config typos fail before anything is built, sections
// compose, and Pulumi.sample.yaml's every commented alternative plans.
import * as assert from "assert";
import * as fs from "fs";
import * as yaml from "js-yaml";
import { planJson, PlanJson, RootStackOutputs, runPlanCli } from "./support/planCli";

const NS = "eks-private-access";
const sampleText = fs.readFileSync("Pulumi.sample.yaml", "utf8");
const sample = (yaml.load(sampleText) as { config: Record<string, unknown> }).config;
/** A section of the root stack's config (`eks-private-access:<section>`) as JSON, null where the stack leaves it out. */
type Section = Record<string, unknown> | null;
const sections = ["endpointAccess", "vpcEndpoints", "hybridDns", "privateCluster"];

/** Every commented `key: value` setting of the sample, as `section.key` with its value. */
function commentedSettings(): Map<string, unknown> {
    const found = new Map<string, unknown>();
    let section = "";
    for (const line of sampleText.split("\n")) {
        const header = /^ {2}#? ?eks-private-access:(\w+):\s*$/.exec(line);
        if (header) section = header[1];
        const setting = /^ {2}(?:# {3}| {2}# )(\w+): (.*?)(?:\s+#.*)?$/.exec(line);
        if (setting && section) found.set(`${section}.${setting[1]}`, yaml.load(setting[2]));
    }
    return found;
}

/** The sample's sections with `settings` uncommented, as --config arguments (sections not in the result are null). */
function configArgs(settings: string[], edit: (c: Record<string, Section>) => void = () => undefined): string[] {
    const commented = commentedSettings();
    const config = Object.fromEntries(sections.map((s) => [s, structuredClone((sample[`${NS}:${s}`] ?? null) as Section)]));
    for (const setting of settings) {
        const [section, key] = setting.split(".");
        config[section] = { ...(config[section] ?? {}), [key]: commented.get(setting) };
    }
    edit(config);
    return Object.entries(config).flatMap(([k, v]) => ["--config", `${k}=${JSON.stringify(v)}`]);
}

const byType = (plan: PlanJson<RootStackOutputs>, type: string) => plan.resources.filter((r) => r.type === type);

const alternatives: { name: string; settings: string[]; edit?: (c: Record<string, Section>) => void; check: (plan: PlanJson<RootStackOutputs>) => void }[] = [
    {
        name: "endpointAccess public-and-private with publicAccessCidrs",
        settings: ["endpointAccess.publicAccessCidrs"],
        edit: (c) => (c.endpointAccess!.mode = "public-and-private"),
        check: (plan) => assert.deepStrictEqual(plan.outputs.vpcConfig, { endpointPublicAccess: true, endpointPrivateAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }),
    },
    {
        name: "vpcEndpoints services, additionalServices and allowed sources",
        settings: ["vpcEndpoints.services", "vpcEndpoints.additionalServices", "vpcEndpoints.allowedCidrs", "vpcEndpoints.allowedSecurityGroupIds"],
        check: (plan) =>
            assert.deepStrictEqual(
                Object.keys(plan.outputs.vpcEndpointIds!).sort(),
                ["autoscaling", "ec2", "ecr.api", "ecr.dkr", "eks-auth", "logs", "s3", "ssm", "sts"],
            ),
    },
    {
        name: "vpcEndpoints preset eks-guide in 2 of the 3 AZs",
        settings: ["vpcEndpoints.preset", "vpcEndpoints.endpointAzs"],
        check: (plan) => {
            // The guide's table plus clusterAutoscaler (autoscaling) and podIdentity (eks-auth): 9 interface endpoints x 2 AZs x $7.30.
            assert.deepStrictEqual(
                Object.keys(plan.outputs.vpcEndpointIds!).sort(),
                ["autoscaling", "ec2", "ecr.api", "ecr.dkr", "eks-auth", "elasticloadbalancing", "logs", "s3", "sts", "xray"],
            );
            assert.strictEqual(plan.outputs.vpcEndpointsMonthlyCostUsd, 131.4);
            assert.deepStrictEqual(plan.outputs.vpcEndpointsCostPerAzUsd, { "us-east-1a": 65.7, "us-east-1b": 65.7 });
            assert.deepStrictEqual(
                plan.warnings.map((w) => w.message).filter((m) => m.startsWith("endpointAzs")),
                [
                    "endpointAzs 2: the 9 interface endpoints are in us-east-1a, us-east-1b only, not in us-east-1c: $65.70 a month less. " +
                        "Nodes in us-east-1c reach them across AZs (cross-AZ data is billed), and if those AZs fail no node can pull images or " +
                        "get credentials. For non-production stacks; leave endpointAzs out in production.",
                ],
            );
        },
    },
    {
        name: "vpcEndpoints securityGroupIds",
        settings: ["vpcEndpoints.securityGroupIds"],
        check: (plan) => {
            const sts = byType(plan, "aws:ec2/vpcEndpoint:VpcEndpoint").find((r) => r.name === "sample-endpoints-sts");
            assert.deepStrictEqual(sts?.inputs.securityGroupIds, ["sg-0b8c7d6e5f4031297"]);
            assert.strictEqual(plan.outputs.vpcEndpointSecurityGroupId, undefined);
        },
    },
    {
        name: "hybridDns outbound endpoint, rule VPCs and RAM share",
        settings: ["hybridDns.outboundVpcId", "hybridDns.outboundSubnetIds", "hybridDns.vpcIds", "hybridDns.shareWith"],
        edit: (c) => (c.hybridDns!.peeredCidrs as string[]).push("10.100.0.0/16"),
        check: (plan) => {
            assert.strictEqual(byType(plan, "aws:route53/resolverRule:ResolverRule").length, 1);
            const share = byType(plan, "aws:ram/principalAssociation:PrincipalAssociation");
            assert.deepStrictEqual(share.map((r) => r.inputs.principal), ["arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5"]);
        },
    },
    {
        name: "privateCluster instead of the other sections",
        settings: [...commentedSettings().keys()].filter((k) => k.startsWith("privateCluster.")),
        edit: (c) => Object.assign(c, { endpointAccess: null, vpcEndpoints: null, hybridDns: null }),
        check: (plan) => {
            assert.strictEqual(plan.outputs.clusterName, "sample-cluster");
            assert.deepStrictEqual(plan.outputs.vpcConfig, { endpointPublicAccess: false, endpointPrivateAccess: true });
            assert.deepStrictEqual(byType(plan, `${NS}:index:ClusterEndpointAccess`).map((r) => r.name), ["sample-cluster-access"]);
        },
    },
];

describe("root stack: Pulumi.sample.yaml and its commented alternatives", function () {
    this.timeout(180_000);

    it("the sample as written plans with no error and nothing assumed", async () => {
        const { code, plan } = await planJson([]);
        assert.deepStrictEqual([code, plan.stack, plan.errors, plan.assumptions], [0, "sample", [], []]);
        assert.deepStrictEqual(
            plan.resources.filter((r) => r.parent === undefined || !plan.resources.some((p) => p.urn === r.parent)).map((r) => `${r.type} ${r.name}`).sort(),
            [
                `${NS}:index:ClusterEndpointAccess sample-endpoint`,
                `${NS}:index:HybridDnsAccess sample-dns`,
                `${NS}:index:PrivateClusterEndpoints sample-endpoints`,
            ],
        );
    });

    it("every commented setting of the sample is planned by one alternative below", () => {
        const covered = alternatives.flatMap((a) => a.settings).sort();
        assert.deepStrictEqual(covered, [...commentedSettings().keys()].sort());
        assert.ok(covered.length >= 20, covered.join(", "));
    });

    for (const alternative of alternatives) {
        it(alternative.name, async () => {
            const { code, plan } = await planJson<RootStackOutputs>(configArgs(alternative.settings, alternative.edit));
            assert.deepStrictEqual([code, plan.errors, plan.assumptions], [0, [], []]);
            alternative.check(plan);
        });
    }
});

describe("root stack config errors", function () {
    this.timeout(120_000);

    it("typos and wrong types fail before anything is built, one line each with the key path", async () => {
        const access = { ...(sample[`${NS}:endpointAccess`] as Section), allowedCidrz: ["10.40.0.0/16"], hybridNodes: "yes" };
        const { code, plan } = await planJson(["--config", `endpointAccess=${JSON.stringify(access)}`, "--config", "vpcEndpoint={}"]);
        assert.strictEqual(code, 1);
        assert.deepStrictEqual(plan.resources, []);
        assert.deepStrictEqual(plan.errors.map((e) => e.message), [
            `config ${NS}:vpcEndpoint: the root stack has no such setting; did you mean ${NS}:vpcEndpoints? (settings: vpcId, endpointAccess, vpcEndpoints, hybridDns, privateCluster)`,
            "config endpointAccess.allowedCidrz: not a setting of ClusterEndpointAccessArgs; did you mean allowedCidrs?",
            'config endpointAccess.hybridNodes: expected true or false, got "yes"',
        ]);
    });

    it("--config a.b=value is refused: the CLI would store a key named a.b", async () => {
        const { code, stdout, stderr } = await runPlanCli(["--config", "endpointAccess.mode=public"]);
        assert.deepStrictEqual([code, stdout], [2, ""]);
        assert.strictEqual(
            stderr,
            'plan: --config endpointAccess.mode: the Pulumi CLI stores this as a key named "endpointAccess.mode", not as a value inside endpointAccess; ' +
                "give the whole section as JSON (--config 'endpointAccess={...}'), or set it in the stack with pulumi config set --path 'endpointAccess.mode' VALUE\n",
        );
    });

    it("privateCluster beside the sample's sections for the same VPC is refused, naming the sections to drop", async () => {
        const { code, plan } = await planJson(["--config", `privateCluster=${JSON.stringify({ vpcCidrs: ["10.0.0.0/16"], subnetIds: ["subnet-0d1e2f3a4b5c6d7e8"] })}`]);
        assert.strictEqual(code, 1);
        assert.deepStrictEqual(plan.errors.map((e) => e.message), [
            "config: privateCluster makes its own endpoint access, VPC endpoints and hybrid DNS in vpc-0a1b2c3d4e5f60718; drop endpointAccess, " +
                "vpcEndpoints and hybridDns (they would manage the same VPC twice), or give them the vpcId of another VPC",
        ]);
    });
});
