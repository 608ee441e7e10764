import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateClusterEndpoints, PrivateClusterEndpointsArgs } from "../vpcEndpoints/privateClusterEndpoints";
import { mockAws, valueOf } from "../plan/mocks";
import { programFailures } from "./support/failures";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
const RTB = "rtb-0a1b2c3d4e5f60718";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const PREFIX_LIST = "aws:ec2/managedPrefixList:ManagedPrefixList";
const LOOKUP = "aws:ec2/getVpcEndpointService:getVpcEndpointService";
/** What nodes need to join and pull images: eksctl's fully-private set (ec2, ecr.api, ecr.dkr, s3 gateway, sts). */
const DEFAULT_SET = ["ec2", "ecr.api", "ecr.dkr", "s3", "sts"];
/** The EKS private cluster guide's whole table. */
const GUIDE_SET = ["ec2", "ecr.api", "ecr.dkr", "elasticloadbalancing", "logs", "s3", "sts", "xray"];

function endpoints(name: string, extra: Partial<PrivateClusterEndpointsArgs> = {}): PrivateClusterEndpoints {
    return new PrivateClusterEndpoints(name, { vpcId: VPC, subnetIds: SUBNETS, routeTableIds: [RTB], ...extra });
}

/** Endpoint resources by name, with their inputs. */
function registered(): Record<string, Record<string, any>> {
    return Object.fromEntries(mockAws().ofType(ENDPOINT).map((r) => [r.name, r.inputs]));
}

/**
 * Waits for every registration a test started, so none lands in the next test's records. Only for ordering:
 * failures are asserted by the tests that expect them (programFailures), not here.
 */
async function settle(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs().catch(() => undefined);
}

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
            async () => endpoints("bad", { endpointAzs: 0 }),
            { message: 'PrivateClusterEndpoints "bad": endpointAzs: expected a whole number of AZs, 1 or more (leave it out for every AZ of the subnets), got 0' },
        );
    });

    it("looks every service name up from AWS for its endpoint type, trying both AWS name forms", async () => {
        await valueOf(endpoints("net").serviceNames);
        const lookups = mockAws().calls.filter((c) => c.token === LOOKUP).map((c) => c.inputs);
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

    it("security group: TCP 443 from every VPC CIDR block through a prefix list, by default", async () => {
        mockAws().world.vpcs[VPC].secondaryCidrBlocks = ["100.64.0.0/16"];
        await valueOf(endpoints("net").endpointIds);
        const sg = mockAws().get(SG, "net-endpoints");
        assert.deepStrictEqual(sg.inputs, { vpcId: VPC, description: "Interface VPC endpoints: HTTPS from the cluster VPC", tags: { Name: "net-endpoints" } });
        // EC2 API reference, CreateSecurityGroup, GroupDescription: "Constraints for EC2-VPC: a-z, A-Z, 0-9, spaces,
        // and ._-:/()#,@[]+=&;{}!$*", up to 255 characters (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html).
        assert.match(String(sg.inputs.description), /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]{1,255}$/);
        const list = mockAws().get(PREFIX_LIST, "net-vpc-cidrs");
        assert.deepStrictEqual(list.inputs, {
            name: "net-vpc-cidrs",
            addressFamily: "IPv4",
            maxEntries: 2,
            entries: [
                { cidr: "10.0.0.0/16", description: "VPC CIDR block" },
                { cidr: "100.64.0.0/16", description: "VPC CIDR block" },
            ],
        });
        assert.deepStrictEqual(mockAws().ofType(RULE).map((r) => r.name), ["net-endpoints-tcp443-from-vpc-cidrs"]);
        assert.deepStrictEqual(mockAws().get(RULE, "net-endpoints-tcp443-from-vpc-cidrs").inputs, {
            securityGroupId: sg.id,
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            prefixListId: list.id,
            description: "HTTPS to VPC endpoints (TCP 443) from vpc-cidrs",
        });
    });

    it("security group: allowedCidrs and node/cluster security groups, one rule each, named after the source", async () => {
        const nodes = "sg-0c1d2e3f4a5b6c7d8";
        const cluster = pulumi.output("sg-0aaaaaaaaaaaaaaaa");
        await valueOf(endpoints("net", { allowedCidrs: ["10.0.0.0/16", "fd00:10::/56"], allowedSecurityGroupIds: [nodes], allowedSecurityGroups: { cluster } }).endpointIds);
        const sgId = mockAws().get(SG, "net-endpoints").id;
        assert.deepStrictEqual(mockAws().ofType(PREFIX_LIST), []);
        const rules = Object.fromEntries(mockAws().ofType(RULE).map((r) => [r.name, r.inputs]));
        const base = { securityGroupId: sgId, ipProtocol: "tcp", fromPort: 443, toPort: 443 };
        assert.deepStrictEqual(rules, {
            "net-endpoints-tcp443-from-10-0-0-0-16": { ...base, cidrIpv4: "10.0.0.0/16", description: "HTTPS to VPC endpoints (TCP 443) from 10.0.0.0/16" },
            "net-endpoints-tcp443-from-fd00-10---56": { ...base, cidrIpv6: "fd00:10::/56", description: "HTTPS to VPC endpoints (TCP 443) from fd00:10::/56" },
            [`net-endpoints-tcp443-from-${nodes}`]: { ...base, referencedSecurityGroupId: nodes, description: `HTTPS to VPC endpoints (TCP 443) from ${nodes}` },
            "net-endpoints-tcp443-from-cluster": { ...base, referencedSecurityGroupId: "sg-0aaaaaaaaaaaaaaaa", description: "HTTPS to VPC endpoints (TCP 443) from cluster" },
        });
    });

    it("brings its own security groups: none created, the endpoints use the given ones", async () => {
        const own = ["sg-0123456789abcdef0"];
        const c = endpoints("net", { securityGroupIds: own, services: ["sts"] });
        assert.strictEqual(await valueOf(c.securityGroupId), undefined);
        await valueOf(c.endpointIds);
        assert.deepStrictEqual([mockAws().ofType(SG), mockAws().ofType(RULE), mockAws().ofType(PREFIX_LIST)], [[], [], []]);
        assert.deepStrictEqual(registered()["net-sts"].securityGroupIds, own);
    });

    it("skips existing endpoints, an existing S3 gateway too (no second route, no route tables needed)", async () => {
        const c = new PrivateClusterEndpoints("net", { vpcId: VPC, subnetIds: SUBNETS, existingEndpoints: ["s3", "sts"] });
        assert.deepStrictEqual(await valueOf(c.existingServices), ["s3", "sts"]);
        assert.strictEqual(await valueOf(c.monthlyCostUsd), 65.7, "ec2, ecr.api and ecr.dkr x 3 AZs x $7.30");
        await valueOf(c.endpointIds);
        assert.deepStrictEqual(Object.keys(registered()).sort(), ["net-ec2", "net-ecr.api", "net-ecr.dkr"]);
    });

    it("adding a service creates one endpoint and leaves every other endpoint's name and inputs as they were", async () => {
        await valueOf(endpoints("net").endpointIds);
        const before = registered();
        mockAws().reset();
        const c = endpoints("net", { features: ["clusterAutoscaler"] });
        await valueOf(c.endpointIds);
        const after = registered();
        assert.deepStrictEqual(Object.keys(after).filter((n) => !(n in before)), ["net-autoscaling"]);
        for (const name of Object.keys(before)) assert.deepStrictEqual(after[name], before[name], name);
        assert.strictEqual(await valueOf(c.monthlyCostUsd), 109.5, "one more interface endpoint in 3 AZs: $87.60 + $21.90");
    });

    it("features add their endpoints; policies: a default org-only policy, and a given policy wins", async () => {
        const s3Policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] });
        const c = endpoints("net", { services: ["s3"], features: ["podIdentity"], defaultPolicy: "organization", policies: { s3: s3Policy } });
        await valueOf(c.endpointIds);
        assert.deepStrictEqual(Object.keys(registered()).sort(), ["net-eks-auth", "net-s3"]);
        assert.strictEqual(registered()["net-s3"].policy, s3Policy);
        assert.deepStrictEqual(JSON.parse(registered()["net-eks-auth"].policy), {
            Version: "2012-10-17",
            Statement: [
                { Sid: "OnlyOurPrincipals", Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } },
            ],
        });
    });

    it("the restricted default policy still lets ECR's signed S3 layer URLs and IRSA's unsigned STS call through", async () => {
        mockAws().reset("cn-north-1");
        await valueOf(endpoints("acct", { services: ["s3", "sts", "ecr.api"], defaultPolicy: "account" }).endpointIds);
        const ours = { Sid: "OnlyOurPrincipals", Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } } };
        assert.deepStrictEqual(JSON.parse(registered()["acct-ecr.api"].policy).Statement, [ours]);
        assert.deepStrictEqual(JSON.parse(registered()["acct-s3"].policy).Statement, [
            ours,
            { Sid: "EcrImageLayers", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws-cn:s3:::prod-cn-north-1-starport-layer-bucket/*" },
        ]);
        assert.deepStrictEqual(JSON.parse(registered()["acct-sts"].policy).Statement, [
            ours,
            {
                Sid: "WebIdentityToOurRoles",
                Effect: "Allow",
                Principal: "*",
                Action: "sts:AssumeRoleWithWebIdentity",
                Resource: "*",
                Condition: { StringEquals: { "aws:ResourceAccount": "123456789012" } },
            },
        ]);
    });

    it("private DNS: off on request; on, the VPC must have DNS support and host names", async () => {
        await valueOf(endpoints("net", { services: ["sts"], privateDnsEnabled: false }).endpointIds);
        assert.strictEqual(registered()["net-sts"].privateDnsEnabled, false);
        mockAws().reset();
        mockAws().world.vpcs[VPC].enableDnsHostnames = false;
        const expected = `PrivateClusterEndpoints "net": vpcId: ${VPC} needs enableDnsSupport and enableDnsHostnames true for private DNS on interface endpoints (or set privateDnsEnabled: false)`;
        const failures = await programFailures(async () => {
            await assert.rejects(valueOf(endpoints("net", { services: ["sts"] }).monthlyCostUsd), (e: Error) => e.message.endsWith(expected));
        });
        assert.ok(failures.length > 0 && failures.every((f) => f.endsWith(expected)), failures.join("\n"));
    });

    it("outputs the rest of the private-cluster checklist", async () => {
        const c = endpoints("net", { endpointPrivateAccess: true, services: ["sts"] });
        assert.deepStrictEqual(await valueOf(c.loadBalancerControllerFlags), ["--enable-shield=false", "--enable-waf=false", "--enable-wafv2=false"]);
        assert.deepStrictEqual(await valueOf(c.clusterAutoscalerFlags), ["--aws-use-static-instance-list=true"]);
        assert.deepStrictEqual(await valueOf(c.stsPodEnvironment), { AWS_STS_REGIONAL_ENDPOINTS: "regional" });
        assert.strictEqual(await valueOf(c.regionalStsEndpoint), "https://sts.us-east-1.amazonaws.com");
        assert.match(await valueOf(c.stsNote), /^The global STS endpoint sts\.amazonaws\.com does not go through the STS VPC endpoint/);
        const notes = await valueOf(c.notes);
        assert.strictEqual(notes.length, 10);
        assert.ok(notes.includes("EFS CSI driver: set its container images to the cluster's region before deploying it."));
        assert.ok(notes.includes("Container products metered through AWS Marketplace cannot run: the Marketplace Metering Service is unreachable."));
        await valueOf(c.endpointIds);
    });

    describe("rejects bad input before creating anything", () => {
        const cases: [string, Partial<PrivateClusterEndpointsArgs>, string][] = [
            ["private access off", { endpointPrivateAccess: false }, "endpointPrivateAccess: a cluster without internet access needs endpoint private access: nodes register through the private endpoint. Set vpcConfig.endpointPrivateAccess: true on the cluster and pass true here"],
            ["a bad VPC id", { vpcId: "vpc-12" }, 'vpcId: "vpc-12" is not a VPC id'],
            ["no subnets", { subnetIds: [] }, "subnetIds: expected a non-empty list of subnet ids"],
            ["a bad subnet id", { subnetIds: ["subnet-1"] }, 'subnetIds[0]: "subnet-1" is not a subnet id'],
            ["a repeated subnet", { subnetIds: [SUBNETS[0], SUBNETS[0]] }, `subnetIds[1]: ${SUBNETS[0]} is listed twice; list each subnet once`],
            ["an S3 gateway without route tables", { routeTableIds: undefined }, "routeTableIds: the s3 gateway endpoint adds a route to the route tables of the nodes' subnets: pass them, or list the service in existingEndpoints if the VPC already has one"],
            ["a bad route table id", { routeTableIds: ["rtb-x"] }, 'routeTableIds[0]: "rtb-x" is not a route table id'],
            ["own security groups with allowed sources", { securityGroupIds: ["sg-0123456789abcdef0"], allowedCidrs: ["10.0.0.0/16"] }, "securityGroupIds: with your own security groups, their rules are yours: drop allowedCidrs, allowedSecurityGroupIds and allowedSecurityGroups"],
            ["a CIDR with host bits", { allowedCidrs: ["10.0.0.1/16"] }, 'allowedCidrs[0]: "10.0.0.1/16" has host bits set (the network address for /16 is 10.0.0.0/16)'],
            ["no sources at all", { allowedCidrs: [] }, "allowedCidrs: is empty and no security group is allowed either, so nothing could reach the endpoints"],
            ["an unknown default policy", { defaultPolicy: "org" as "organization" }, 'defaultPolicy: "org" is not one of "none", "organization", "account"'],
            ["a policy for a service not created", { policies: { kms: "{}" } }, "policies.kms: no kms endpoint is created here (created: ec2, ecr.api, ecr.dkr, s3, sts)"],
            ["a policy that is not a policy", { policies: { sts: "allow all" } }, "policies.sts: is not an IAM policy document (JSON with a Statement)"],
            ["a negative price", { interfaceEndpointHourlyUsd: -1 }, "interfaceEndpointHourlyUsd: -1 is not a price (USD per AZ-hour, like 0.01)"],
            ["a full service name", { additionalServices: ["com.amazonaws.us-east-1.kms"] }, 'additionalServices[0]: "com.amazonaws.us-east-1.kms" is a full service name; give the short id "kms": the full name is looked up for the region'],
            ["an unknown feature", { features: ["autoscaler" as "clusterAutoscaler"] }, 'features[0]: "autoscaler" is not a feature; use one of irsa, clusterAutoscaler, podIdentity, loadBalancerController, secretsEncryption, containerInsights, sessionManager, ebsCsiDriver, efsCsiDriver, karpenter, secretsManager, managedPrometheus, guardDutyRuntimeMonitoring, eksApi'],
            ["an existing endpoint outside the set", { services: ["sts"], existingEndpoints: ["ssm"] }, "existingEndpoints[0]: ssm is not among the services this component would create (sts); remove it"],
        ];
        for (const [what, extra, message] of cases) {
            it(what, () => {
                assert.throws(() => endpoints("net", extra), { name: "InputError", message: `PrivateClusterEndpoints "net": ${message}` });
                assert.strictEqual(mockAws().resources.size, 0);
            });
        }
    });
});
