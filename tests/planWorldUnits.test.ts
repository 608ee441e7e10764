// The plan's world, unit by unit: AWS Regions and endpoint service names per partition (aws/regions), assumed
// VPCs and subnets (plan/mocks/world), the home VPC and region checks (plan/world), and the README rows for each
// assumption the plan makes.
import * as assert from "assert";
import * as fs from "fs";
import { endpointServiceName, partitionOfRegion } from "../aws/regions";
import { defaultWorld, dhcpServersOf, subnetOf, vpcOf } from "../plan/mocks/world";
import { worldProblems } from "../plan/mocks/worldFile";
import { homeVpcOf, regionProblem } from "../plan/world";

describe("AWS Regions and endpoint service names", () => {
    it("knows each partition's Regions and refuses others with the nearest", () => {
        assert.deepStrictEqual(["us-east-1", "cn-northwest-1", "us-gov-west-1", "us-east-9"].map(partitionOfRegion), ["aws", "aws-cn", "aws-us-gov", undefined]);
        assert.strictEqual(regionProblem("eu-west-1"), undefined);
        assert.strictEqual(regionProblem("eu-wset-1"), "aws:region: eu-wset-1 is not an AWS Region (did you mean eu-west-1?); set aws:region to a Region code such as us-east-1");
        assert.strictEqual(regionProblem("mars-1"), "aws:region: mars-1 is not an AWS Region; set aws:region to a Region code such as us-east-1");
    });

    it("China names ec2, ecr.api, ecr.dkr and sts cn.com.amazonaws.<region>.<service>; other partitions com.amazonaws", () => {
        for (const service of ["ec2", "ecr.api", "ecr.dkr", "sts"]) {
            assert.strictEqual(endpointServiceName(service, "cn-north-1"), `cn.com.amazonaws.cn-north-1.${service}`);
            assert.strictEqual(endpointServiceName(service, "us-gov-east-1"), `com.amazonaws.us-gov-east-1.${service}`);
        }
        assert.strictEqual(endpointServiceName("logs", "cn-northwest-1"), "com.amazonaws.cn-northwest-1.logs");
    });
});

describe("assumed VPCs, subnets and DHCP options", () => {
    it("an unknown VPC gets a /16 in 10.64.0.0/10 from its id, the same every time, and is listed", () => {
        const a = vpcOf(defaultWorld(), "vpc-0123456789abcdef0");
        const b = defaultWorld();
        assert.deepStrictEqual(vpcOf(b, "vpc-0123456789abcdef0"), a);
        const second = Number(/^10\.(\d+)\.0\.0\/16$/.exec(a.cidrBlock)?.[1]);
        assert.ok(second >= 64 && second < 128, a.cidrBlock);
        assert.deepStrictEqual([a.enableDnsSupport, a.enableDnsHostnames], [true, true]);
        assert.deepStrictEqual(Object.keys(b.assumptions), ["vpc-0123456789abcdef0"]);
    });

    it("unknown subnets go round robin over the region's AZs in the home VPC, each in a free /20", () => {
        const world = defaultWorld("eu-west-1");
        world.homeVpcId = "vpc-0a1b2c3d4e5f60718";
        const subnets = ["subnet-1", "subnet-2", "subnet-3", "subnet-4"].map((id) => subnetOf(world, id));
        assert.deepStrictEqual(
            subnets.map((s) => [s.vpcId, s.availabilityZone, s.availabilityZoneId, s.cidrBlock]),
            [
                // The sample VPC's subnets hold 10.0.0.0/19, 10.0.32.0/19 and 10.0.64.0/19.
                ["vpc-0a1b2c3d4e5f60718", "eu-west-1a", "euw1-az1", "10.0.96.0/20"],
                ["vpc-0a1b2c3d4e5f60718", "eu-west-1b", "euw1-az2", "10.0.112.0/20"],
                ["vpc-0a1b2c3d4e5f60718", "eu-west-1c", "euw1-az3", "10.0.128.0/20"],
                ["vpc-0a1b2c3d4e5f60718", "eu-west-1a", "euw1-az1", "10.0.144.0/20"],
            ],
        );
        assert.strictEqual(world.assumptions["subnet-1"], "subnet subnet-1 is assumed to be in vpc-0a1b2c3d4e5f60718, eu-west-1a, CIDR 10.0.96.0/20; state it in a --world file to check it");
        assert.strictEqual(subnetOf(world, "subnet-0d1e2f3a4b5c6d7e8").cidrBlock, "10.0.0.0/19", "a known subnet is not assumed");
    });

    it("unknown DHCP options hold AmazonProvidedDNS", () => {
        const world = defaultWorld();
        assert.deepStrictEqual(dhcpServersOf(world, "dopt-0fedcba987654321f"), ["AmazonProvidedDNS"]);
        assert.deepStrictEqual(Object.keys(world.assumptions), ["dopt-0fedcba987654321f"]);
    });

    it("the home VPC: the project's vpcId, else the first VPC id in the config, else the program's source", () => {
        assert.strictEqual(homeVpcOf("p", { "p:vpcId": "vpc-0aaaaaaaaaaaaaaa1", "p:x": "vpc-0bbbbbbbbbbbbbbb2" }, "vpc-0ccccccccccccccc3"), "vpc-0aaaaaaaaaaaaaaa1");
        assert.strictEqual(homeVpcOf("p", { "p:x": '{"vpcId":"vpc-0bbbbbbbbbbbbbbb2"}' }, "vpc-0ccccccccccccccc3"), "vpc-0bbbbbbbbbbbbbbb2");
        assert.strictEqual(homeVpcOf("p", {}, 'const vpcId = "vpc-0ccccccccccccccc3";'), "vpc-0ccccccccccccccc3");
        assert.strictEqual(homeVpcOf("p", {}, ""), undefined);
    });

    it("a world file's facts are checked against the region and the VPC's blocks", () => {
        const problems = worldProblems({
            region: "us-east-9",
            vpcs: { "vpc-0aaaaaaaaaaaaaaa1": { cidrBlock: "10.0.0.0/33", dhcpOptionsId: "dopt-0aaaaaaaaaaaaaaa1" } },
        });
        assert.strictEqual(problems.length, 3, problems.join("\n"));
        assert.strictEqual(problems[0], "region: us-east-9 is not an AWS Region; use a Region code such as us-east-1");
        // The key path and the value lead the line, then shared/cidr's reason.
        assert.match(problems[1], /^vpcs\.vpc-0aaaaaaaaaaaaaaa1\.cidrBlock: 10\.0\.0\.0\/33 is not a CIDR block/);
        assert.strictEqual(problems[2], "vpcs.vpc-0aaaaaaaaaaaaaaa1.dhcpOptionsId: dopt-0aaaaaaaaaaaaaaa1 is not under dhcpOptions; list its domain name servers there");
    });

    it("the README's offline plan section has a row for each kind of assumption", () => {
        const readme = fs.readFileSync("README.md", "utf8");
        const section = readme.slice(readme.indexOf("## The offline plan"), readme.indexOf("\n## ", readme.indexOf("## The offline plan") + 3));
        const world = defaultWorld();
        vpcOf(world, "vpc-0123456789abcdef0");
        subnetOf(world, "subnet-01111111111111111");
        dhcpServersOf(world, "dopt-0fedcba987654321f");
        const rows: Record<string, string> = { vpc: "| a VPC (`getVpc`) |", subnet: "| a subnet (`getSubnet`) |", dopt: "| DHCP options (`getVpcDhcpOptions`) |" };
        for (const id of Object.keys(world.assumptions)) assert.ok(section.includes(rows[id.split("-")[0]]), `no README row for ${id}`);
    });
});
