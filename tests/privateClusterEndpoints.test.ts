import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateClusterEndpoints } from "../vpcEndpoints/privateClusterEndpoints";
import { mockAws, valueOf } from "../plan/mocks";
import { programFailures } from "./support/failures";
import { DEFAULT_SET, GUIDE_SET, LOOKUP, RTB, SG, SUBNETS, VPC, endpoints, registered, settle } from "./support/vpcEndpointsFixture";

describe("PrivateClusterEndpoints", () => {
    afterEach(settle);

    it("creates the lean default set, keyed by service id: interface endpoints in every node AZ and a free S3 gateway", async () => {
        const c = endpoints("net");
        assert.strictEqual(await valueOf(c.monthlyCostUsd), 87.6, "4 interface endpoints x 3 AZs x $7.30 (eksctl's $87.60); the S3 gateway is free");
        assert.deepStrictEqual(await valueOf(c.costPerAzUsd), { "us-east-1a": 29.2, "us-east-1b": 29.2, "us-east-1c": 29.2 });
        await valueOf(c.endpointIds);
        const sgId = mockAws().get(SG, "net-endpoints").id;
        assert.deepStrictEqual(Object.keys(registered()).sort(), DEFAULT_SET.map((s) => `net-${s}`));
        assert.deepStrictEqual(registered()["net-ecr.api"], {
            vpcId: VPC,
            serviceName: "com.amazonaws.us-east-1.ecr.api",
            vpcEndpointType: "Interface",
            subnetIds: SUBNETS,
            securityGroupIds: [sgId],
            privateDnsEnabled: true,
            tags: { Name: "net-ecr.api" },
        });
        assert.deepStrictEqual(registered()["net-s3"], {
            vpcId: VPC,
            serviceName: "com.amazonaws.us-east-1.s3",
            vpcEndpointType: "Gateway",
            routeTableIds: [RTB],
            tags: { Name: "net-s3" },
        });
        assert.deepStrictEqual(await valueOf(c.services), DEFAULT_SET);
        assert.deepStrictEqual(
            await valueOf(c.serviceNames),
            Object.fromEntries(DEFAULT_SET.map((s) => [s, `com.amazonaws.us-east-1.${s}`])),
        );
        const all = await valueOf(c.endpoints);
        assert.deepStrictEqual(
            DEFAULT_SET.map((s) => [s, all[s].type, all[s].monthlyCostUsd]),
            DEFAULT_SET.map((s) => [s, s === "s3" ? "Gateway" : "Interface", s === "s3" ? 0 : 21.9]),
        );
        const sts = all.sts;
        assert.match(sts.id, /^vpce-[0-9a-f]{17}$/);
        assert.deepStrictEqual(sts.availabilityZones, ["us-east-1a", "us-east-1b", "us-east-1c"]);
        const patterns = [
            /^<id>-[0-9a-f]{8}\.sts\.us-east-1\.vpce\.amazonaws\.com$/,
            /^<id>-[0-9a-f]{8}-us-east-1a\.sts\.us-east-1\.vpce\.amazonaws\.com$/,
            /^<id>-[0-9a-f]{8}-us-east-1b\.sts\.us-east-1\.vpce\.amazonaws\.com$/,
            /^<id>-[0-9a-f]{8}-us-east-1c\.sts\.us-east-1\.vpce\.amazonaws\.com$/,
            /^sts\.us-east-1\.amazonaws\.com$/,
        ];
        assert.strictEqual(sts.dnsEntries.length, patterns.length);
        sts.dnsEntries.forEach((d, i) => assert.match(d.dnsName.replace(sts.id, "<id>"), patterns[i]));
        assert.match(sts.dnsEntries[0].hostedZoneId, /^Z[0-9A-F]+$/);
        assert.match(all.s3.prefixListId, /^pl-[0-9a-f]{8}$/);
        assert.deepStrictEqual(all.s3.dnsEntries, []);
        assert.strictEqual(await valueOf(c.securityGroupId), sgId);
        assert.deepStrictEqual(await valueOf(c.existingServices), []);
    });

    it("preset eks-guide creates the guide's whole table; features add only what they call to the default", async () => {
        const guide = endpoints("guide", { preset: "eks-guide" });
        assert.deepStrictEqual(await valueOf(guide.services), GUIDE_SET);
        assert.strictEqual(await valueOf(guide.monthlyCostUsd), 153.3, "7 interface endpoints x 3 AZs x $7.30");
        const lean = endpoints("lean", { features: ["containerInsights", "loadBalancerController"] });
        assert.deepStrictEqual(await valueOf(lean.services), ["ec2", "ecr.api", "ecr.dkr", "elasticloadbalancing", "logs", "s3", "sts"]);
        assert.strictEqual(await valueOf(lean.monthlyCostUsd), 131.4, "6 interface endpoints x 3 AZs x $7.30");
        await valueOf(lean.endpointIds);
        assert.deepStrictEqual(
            Object.keys(registered()).filter((n) => n.startsWith("lean-")).sort(),
            ["ec2", "ecr.api", "ecr.dkr", "elasticloadbalancing", "logs", "s3", "sts"].map((s) => `lean-${s}`),
        );
    });

    it("endpointAzs 2 puts interface endpoints in the first 2 node AZs only, costing 2 AZs, with the saving per AZ", async () => {
        const c = endpoints("dev", { endpointAzs: 2 });
        assert.strictEqual(await valueOf(c.monthlyCostUsd), 58.4, "4 interface endpoints x 2 AZs x $7.30 (eksctl in 2 AZs: $58.40)");
        assert.deepStrictEqual(await valueOf(c.costPerAzUsd), { "us-east-1a": 29.2, "us-east-1b": 29.2 });
        assert.deepStrictEqual((await valueOf(c.availabilityZones)).sts, ["us-east-1a", "us-east-1b"]);
        await valueOf(c.endpointIds);
        assert.deepStrictEqual(registered()["dev-ecr.dkr"].subnetIds, SUBNETS.slice(0, 2));
        assert.deepStrictEqual(registered()["dev-s3"].routeTableIds, [RTB]);
        await assert.rejects(
            () => Promise.resolve().then(() => endpoints("bad", { endpointAzs: 0 })),
            { message: 'PrivateClusterEndpoints "bad": endpointAzs: expected a whole number of AZs, 1 or more (leave it out for every AZ of the subnets), got 0' },
        );
    });

    it("looks every service name up from AWS for its endpoint type, trying both AWS name forms", async () => {
        await valueOf(endpoints("net").serviceNames);
        const lookups = mockAws()
            .calls.filter((c) => c.token === LOOKUP)
            .map((c) => c.inputs as { serviceType?: string; filters: { name: string; values: string[] }[] });
        assert.strictEqual(lookups.length, 5);
        assert.deepStrictEqual(
            lookups.find((l) => l.filters[0].values[0].endsWith(".ecr.api")),
            { serviceType: "Interface", filters: [{ name: "service-name", values: ["com.amazonaws.us-east-1.ecr.api", "cn.com.amazonaws.us-east-1.ecr.api"] }] },
        );
        assert.strictEqual(lookups.find((l) => l.filters[0].values[0].endsWith(".s3"))!.serviceType, "Gateway");
    });

    it("aws-cn: uses the cn.com.amazonaws names AWS returns and the amazonaws.com.cn STS endpoint", async () => {
        mockAws().reset("cn-north-1");
        mockAws().world.endpointServices["ecr.api"] = { serviceName: "cn.com.amazonaws.cn-north-1.ecr.api" };
        mockAws().world.endpointServices["ecr.dkr"] = { serviceName: "cn.com.amazonaws.cn-north-1.ecr.dkr" };
        const c = endpoints("net", { preset: "eks-guide" });
        const names = await valueOf(c.serviceNames);
        assert.strictEqual(names["ecr.api"], "cn.com.amazonaws.cn-north-1.ecr.api");
        assert.strictEqual(names["ecr.dkr"], "cn.com.amazonaws.cn-north-1.ecr.dkr");
        // AWS China names STS's endpoint service cn.com.amazonaws.<region>.sts too (aws/regions chinaPrefixedServices).
        assert.strictEqual(names.sts, "cn.com.amazonaws.cn-north-1.sts");
        assert.strictEqual(names.logs, "com.amazonaws.cn-north-1.logs");
        await valueOf(c.endpointIds);
        assert.strictEqual(registered()["net-ecr.api"].serviceName, "cn.com.amazonaws.cn-north-1.ecr.api");
        const api = (await valueOf(c.endpoints))["ecr.api"];
        assert.match(api.dnsEntries[0].dnsName, /^vpce-[0-9a-f]{17}-[0-9a-f]{8}\.ecr\.api\.cn-north-1\.vpce\.amazonaws\.com\.cn$/);
        assert.deepStrictEqual(api.availabilityZones, ["cn-north-1a", "cn-north-1b", "cn-north-1c"]);
        assert.strictEqual(await valueOf(c.regionalStsEndpoint), "https://sts.cn-north-1.amazonaws.com.cn");
    });

    it("aws-us-gov: GovCloud names from the look-up, and a service offered in fewer AZs gets fewer subnets and costs less", async () => {
        mockAws().reset("us-gov-west-1");
        mockAws().world.endpointServices.xray = { availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"] };
        const c = endpoints("gov", { preset: "eks-guide" });
        assert.strictEqual((await valueOf(c.serviceNames))["ecr.dkr"], "com.amazonaws.us-gov-west-1.ecr.dkr");
        assert.deepStrictEqual((await valueOf(c.availabilityZones)).xray, ["us-gov-west-1a", "us-gov-west-1b"]);
        assert.strictEqual(await valueOf(c.monthlyCostUsd), 146, "6 x 3 AZs x $7.30 + xray 2 AZs x $7.30");
        await valueOf(c.endpointIds);
        assert.deepStrictEqual(registered()["gov-xray"].subnetIds, SUBNETS.slice(0, 2));
        assert.strictEqual(await valueOf(c.regionalStsEndpoint), "https://sts.us-gov-west-1.amazonaws.com");
    });

    it("uses one subnet per node AZ (the lowest id), whatever the order of subnetIds", async () => {
        const extra = "subnet-0a0000000000000aa";
        mockAws().world.subnets[extra] = { id: extra, vpcId: VPC, cidrBlock: "10.0.96.0/19", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1" };
        const c = endpoints("net", { subnetIds: [...SUBNETS].reverse().concat(extra), services: ["sts"] });
        assert.deepStrictEqual((await valueOf(c.endpoints)).sts.availabilityZones, ["us-east-1a", "us-east-1b", "us-east-1c"]);
        assert.deepStrictEqual(registered()["net-sts"].subnetIds, [extra, SUBNETS[1], SUBNETS[2]]);
    });

    it("fails with a clear message when a service is offered in none of the nodes' AZs", async () => {
        mockAws().world.endpointServices.xray = { availabilityZones: ["us-east-1d"] };
        const expected =
            'PrivateClusterEndpoints "net": subnetIds: xray is not offered in any AZ of the given subnets (us-east-1a, us-east-1b, us-east-1c); ' +
            "AWS offers it in us-east-1d: add a subnet in one of those AZs, or leave xray out";
        const failures = await programFailures(async () => {
            const c = endpoints("net", { preset: "eks-guide" });
            await assert.rejects(valueOf(c.monthlyCostUsd), (e: Error) => e.message.endsWith(expected));
        });
        assert.deepStrictEqual(failures, [expected]);
    });

    it("subnets made in the same program are looked up once they exist; one from another VPC fails", async () => {
        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.20.0.0/16", enableDnsSupport: true, enableDnsHostnames: true });
        const subnets = ["a", "b"].map((az) => new aws.ec2.Subnet(`private-${az}`, { vpcId: vpc.id, cidrBlock: `10.20.${az === "a" ? 0 : 64}.0/18`, availabilityZone: `us-east-1${az}` }));
        const c = new PrivateClusterEndpoints("net", { vpcId: vpc.id, subnetIds: subnets.map((s) => s.id), services: ["sts"] });
        assert.deepStrictEqual((await valueOf(c.endpoints)).sts.availabilityZones, ["us-east-1a", "us-east-1b"]);
        assert.deepStrictEqual(registered()["net-sts"].subnetIds, await valueOf(pulumi.all(subnets.map((s) => s.id))));

        const vpcId = await valueOf(vpc.id);
        const expected = `PrivateClusterEndpoints "bad": subnetIds: ${SUBNETS[0]} is in ${VPC}, not in ${vpcId}`;
        const failures = await programFailures(async () => {
            const bad = new PrivateClusterEndpoints("bad", { vpcId: vpc.id, subnetIds: [subnets[0].id, SUBNETS[0]], services: ["sts"] });
            await assert.rejects(valueOf(bad.monthlyCostUsd), (e: Error) => e.message.endsWith(expected));
        });
        assert.strictEqual(failures.length, 1);
        assert.ok(failures[0].endsWith(expected), failures[0]);
    });
});
