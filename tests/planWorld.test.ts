// The plan on a user's own network: ids the sample world does not hold are assumed out loud, `--world FILE` states
// them instead, and look-ups AWS would refuse fail with the look-up, the value and the fix.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planJson, PlanJson, RootStackOutputs, runPlanCli } from "./support/planCli";

const OWN = "tests/fixtures/own-network";
const VPC = "vpc-0123456789abcdef0";
const SUBNETS = ["subnet-01111111111111111", "subnet-02222222222222222", "subnet-03333333333333333"];
const endpointSubnets = (plan: PlanJson) =>
    plan.resources.filter((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint").map((r) => [r.name, r.inputs.subnetIds]).sort();

describe("offline plan on the user's own network", function () {
    this.timeout(120_000);

    it("plans ids it does not know, spreading assumed subnets over the region's AZs, and lists every assumption", async () => {
        const { code, plan } = await planJson([OWN]);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        assert.deepStrictEqual(plan.errors, []);
        const [vpc, ...subnets] = plan.assumptions;
        assert.strictEqual(vpc.id, VPC);
        const cidr = /CIDR (10\.(\d+)\.0\.0\/16)/.exec(vpc.message);
        assert.ok(cidr && Number(cidr[2]) >= 64 && Number(cidr[2]) < 128, vpc.message);
        assert.strictEqual(
            vpc.message,
            `VPC ${VPC} is assumed to exist in us-east-1 with CIDR ${cidr[1]}, DNS support and DNS host names on and ` +
                "AmazonProvidedDNS in its DHCP options; state it in a --world file to check it",
        );
        const second = Number(cidr[2]);
        assert.deepStrictEqual(
            subnets,
            SUBNETS.map((id, i) => ({
                id,
                message: `subnet ${id} is assumed to be in ${VPC}, us-east-1${"abc"[i]}, CIDR 10.${second}.${i * 16}.0/20; state it in a --world file to check it`,
            })),
        );
        // Three AZs, so every interface endpoint gets all three subnets.
        assert.deepStrictEqual(endpointSubnets(plan), [
            ["own-ecr.api", SUBNETS],
            ["own-sts", SUBNETS],
        ]);
        const text = await runPlanCli([OWN]);
        assert.ok(text.stdout.includes(`Assumed, not checked (4; state them with --world FILE):\n    ${vpc.message}\n`), text.stdout);
    });

    it("--world states the VPC and subnets: nothing assumed, the file's AZs decide placement and its region is used", async () => {
        const { code, plan } = await planJson([OWN, "--world", `${OWN}/world.yaml`]);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        assert.deepStrictEqual(plan.assumptions, []);
        assert.strictEqual(plan.config["aws:region"], "eu-west-1");
        // The first two subnets share eu-west-1a: one endpoint interface per AZ.
        assert.deepStrictEqual(endpointSubnets(plan), [
            ["own-ecr.api", [SUBNETS[0], SUBNETS[2]]],
            ["own-sts", [SUBNETS[0], SUBNETS[2]]],
        ]);
        assert.deepStrictEqual(plan.outputs.serviceNames, { sts: "com.amazonaws.eu-west-1.sts", "ecr.api": "com.amazonaws.eu-west-1.ecr.api" });
    });

    it("a --world VPC that does not state enableDnsHostnames has AWS's default (off), which private access refuses", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "world-"));
        const file = path.join(dir, "world.yaml");
        fs.writeFileSync(file, fs.readFileSync(`${OWN}/world.yaml`, "utf8").replace("    enableDnsHostnames: true\n", ""));
        const { code, plan } = await planJson([OWN, "--world", file]);
        assert.strictEqual(code, 1);
        assert.match(plan.errors[0].message, new RegExp(`^ClusterEndpointAccess "own": vpcId: VPC ${VPC} has enableDnsHostnames=false`));
    });

    it("--world existingEndpoints: a second endpoint with private DNS for the same service is refused, as AWS does", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "world-"));
        const file = path.join(dir, "world.yaml");
        fs.writeFileSync(file, fs.readFileSync(`${OWN}/world.yaml`, "utf8").replace("    enableDnsHostnames: true\n", "    enableDnsHostnames: true\n    existingEndpoints: [sts]\n"));
        const { code, plan } = await planJson([OWN, "--world", file]);
        assert.strictEqual(code, 1);
        assert.deepStrictEqual(plan.errors, [
            {
                message:
                    `failed to register new resource own-sts [aws:ec2/vpcEndpoint:VpcEndpoint]: ${VPC} already has an endpoint for sts with private DNS ` +
                    "(--world existingEndpoints); AWS refuses a second one: list sts in the component's existingEndpoints",
            },
        ]);
    });

    it("a --world file with mistakes is refused, one line per problem naming the key path", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "world-"));
        const file = path.join(dir, "world.yaml");
        fs.writeFileSync(
            file,
            [
                "region: eu-west-1",
                "vpcs:",
                `  ${VPC}:`,
                "    cidrBlock: 10.42.0.0/16",
                "    subnets:",
                `      ${SUBNETS[0]}: { availabilityZone: us-east-1a, cidrBlock: 10.43.0.0/19 }`,
                "    enableDnsHostname: true",
                "",
            ].join("\n"),
        );
        const { code, stderr } = await runPlanCli([OWN, "--world", file]);
        assert.strictEqual(code, 2);
        assert.strictEqual(stderr, `plan: --world ${file}: vpcs.${VPC}: must NOT have additional properties (enableDnsHostname)\n`);
        fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("    enableDnsHostname: true\n", ""));
        const second = await runPlanCli([OWN, "--world", file]);
        assert.strictEqual(
            second.stderr,
            `plan: --world ${file}: vpcs.${VPC}.subnets.${SUBNETS[0]}.availabilityZone: us-east-1a is not an AZ of eu-west-1 (eu-west-1a, eu-west-1b, eu-west-1c)\n` +
                `--world ${file}: vpcs.${VPC}.subnets.${SUBNETS[0]}.cidrBlock: 10.43.0.0/19 is outside the VPC's CIDR blocks; a subnet's block must be inside one of them\n`,
        );
    });

    it("an endpoint service AWS does not offer fails with the look-up, the value and the nearest real services", async () => {
        const vpcEndpoints = { subnetIds: SUBNETS, services: ["sts"], additionalServices: ["ecr"] };
        const root = await planJson(["--config", `vpcEndpoints=${JSON.stringify(vpcEndpoints)}`]);
        assert.strictEqual(root.code, 1);
        assert.deepStrictEqual(root.plan.errors, [
            {
                message:
                    "aws.ec2.getVpcEndpointService: AWS offers no endpoint service ecr in us-east-1 (looked up as com.amazonaws.us-east-1.ecr) " +
                    "(did you mean ecr.api or ecr.dkr?); use a service id AWS offers, or state the service your account has under " +
                    "endpointServices in a --world file",
            },
        ]);
    });

    it("an unknown region is refused before the program runs, with the nearest Region", async () => {
        const { code, stdout, stderr } = await runPlanCli(["--config", "aws:region=us-east-9"]);
        assert.deepStrictEqual([code, stdout], [2, ""]);
        assert.strictEqual(stderr, "plan: aws:region: us-east-9 is not an AWS Region (did you mean us-east-1?); set aws:region to a Region code such as us-east-1\n");
    });

    it("the China Regions use AWS's cn.com.amazonaws names for ec2, ecr.api, ecr.dkr and sts", async () => {
        const { code, plan } = await planJson<RootStackOutputs>(["--config", "aws:region=cn-north-1", "--config", "hybridDns=null"]);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        const names = plan.outputs.vpcEndpointServiceNames!;
        for (const service of ["ec2", "ecr.api", "ecr.dkr", "sts"]) assert.strictEqual(names[service], `cn.com.amazonaws.cn-north-1.${service}`);
        assert.strictEqual(names.s3, "com.amazonaws.cn-north-1.s3");
    });
});

describe("examples/world.yaml", function () {
    this.timeout(120_000);

    it("plans the sample stack with nothing assumed; its narrower sts AZs place sts in two subnets", async () => {
        const { code, plan } = await planJson(["--world", "examples/world.yaml"]);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        assert.deepStrictEqual(plan.assumptions, []);
        assert.deepStrictEqual(plan.warnings.map((w) => w.message), ["sts is not offered in us-east-1c; nodes there reach its endpoint in another AZ"]);
        const sts = plan.resources.find((r) => r.name === "sample-endpoints-sts");
        assert.deepStrictEqual(sts?.inputs.subnetIds, ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9"]);
    });
});
