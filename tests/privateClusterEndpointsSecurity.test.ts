// PrivateClusterEndpoints: its security group, policies, private DNS, checklist outputs, and bad input.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { PrivateClusterEndpoints, PrivateClusterEndpointsArgs } from "../vpcEndpoints/privateClusterEndpoints";
import { mockAws, valueOf } from "../plan/mocks";
import { programFailures } from "./support/failures";
import { planPrivateClusterEndpoints } from "../vpcEndpoints/plan";
import { PREFIX_LIST, RTB, RULE, SG, SUBNETS, VPC, endpoints, registered, settle } from "./support/vpcEndpointsFixture";

/** An IAM policy document (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html). */
interface PolicyDocument {
    Version: string;
    Statement: Record<string, unknown>[];
}
/** The policy document the component gave the endpoint called `name`. */
const policyOf = (name: string) => JSON.parse(registered()[name].policy!) as PolicyDocument;

describe("PrivateClusterEndpoints security group, policies and checks", () => {
    afterEach(settle);

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
        assert.deepStrictEqual(policyOf("net-eks-auth"), {
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
        assert.deepStrictEqual(policyOf("acct-ecr.api").Statement, [ours]);
        assert.deepStrictEqual(policyOf("acct-s3").Statement, [
            ours,
            { Sid: "EcrImageLayers", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws-cn:s3:::prod-cn-north-1-starport-layer-bucket/*" },
        ]);
        assert.deepStrictEqual(policyOf("acct-sts").Statement, [
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

    it("a failed VPC or subnet look-up check registers nothing: no group, prefix list, rule or endpoint, the gateway included", async () => {
        mockAws().world.vpcs[VPC].enableDnsHostnames = false;
        const expected = `PrivateClusterEndpoints "net": vpcId: ${VPC} needs enableDnsSupport and enableDnsHostnames true for private DNS on interface endpoints (or set privateDnsEnabled: false)`;
        const failures = await programFailures(async () => {
            await assert.rejects(valueOf(endpoints("net").monthlyCostUsd), (e: Error) => e.message.endsWith(expected));
        });
        assert.deepStrictEqual(failures, [expected]);
        const names = [...mockAws().resources.values()].map((r) => `${r.type} ${r.name}`);
        assert.deepStrictEqual(names, ["eks-private-access:index:PrivateClusterEndpoints net"]);
    });

    it("the resources registered are exactly the plan's children", async () => {
        const c = endpoints("net", { allowedCidrs: ["10.1.0.0/16"], services: ["s3", "sts"] });
        await valueOf(c.endpointIds);
        const names = [...mockAws().resources.values()].filter((r) => r.type.startsWith("aws:")).map((r) => `${r.type} ${r.name}`);
        assert.deepStrictEqual(names.sort(), [
            "aws:ec2/securityGroup:SecurityGroup net-endpoints",
            "aws:ec2/vpcEndpoint:VpcEndpoint net-s3",
            "aws:ec2/vpcEndpoint:VpcEndpoint net-sts",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule net-endpoints-tcp443-from-10-1-0-0-16",
        ]);
        const planned = planPrivateClusterEndpoints("net", { vpcId: VPC, subnetIds: SUBNETS, routeTableIds: [RTB], allowedCidrs: ["10.1.0.0/16"], services: ["s3", "sts"] });
        assert.deepStrictEqual(planned.children.map((r) => `${r.type} ${r.name}`).sort(), names.sort());
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
