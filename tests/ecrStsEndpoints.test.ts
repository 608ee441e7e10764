import * as assert from "assert";
import { EcrEndpoints } from "../vpcEndpoints/ecrEndpoints";
import { StsEndpoint } from "../vpcEndpoints/stsEndpoint";
import * as pulumi from "@pulumi/pulumi";
import { mockAws, valueOf } from "../plan/mocks";
import { ENDPOINT, registered } from "./support/vpcEndpointsFixture";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
const RTB = "rtb-0a1b2c3d4e5f60718";

/**
 * Waits for every registration a test started, so none lands in the next test's records. Only for ordering:
 * failures are asserted by the tests that expect them (programFailures), not here.
 */
async function settle(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs().catch(() => undefined);
}

describe("EcrEndpoints", () => {
    afterEach(settle);

    it("ecr.api and ecr.dkr interface endpoints plus the S3 gateway endpoint for image layers", async () => {
        const ecr = new EcrEndpoints("ecr", { vpcId: VPC, subnetIds: SUBNETS, routeTableIds: [RTB] });
        assert.strictEqual(await valueOf(ecr.monthlyCostUsd), 43.8);
        assert.deepStrictEqual(await valueOf(ecr.serviceNames), {
            "ecr.api": "com.amazonaws.us-east-1.ecr.api",
            "ecr.dkr": "com.amazonaws.us-east-1.ecr.dkr",
            s3: "com.amazonaws.us-east-1.s3",
        });
        await valueOf(ecr.endpointIds);
        assert.deepStrictEqual(
            Object.entries(registered()).map(([n, i]) => [n, i.vpcEndpointType]).sort(),
            [
                ["ecr-ecr.api", "Interface"],
                ["ecr-ecr.dkr", "Interface"],
                ["ecr-s3", "Gateway"],
            ],
        );
        assert.strictEqual(await valueOf(ecr.securityGroupId), mockAws().get("aws:ec2/securityGroup:SecurityGroup", "ecr-endpoints").id);
    });

    it("an S3 interface endpoint costs its AZ-hours and needs no route tables; an existing S3 endpoint is left alone", async () => {
        const ecr = new EcrEndpoints("ecr", { vpcId: VPC, subnetIds: SUBNETS, s3EndpointType: "Interface" });
        assert.strictEqual(await valueOf(ecr.monthlyCostUsd), 65.7);
        await valueOf(ecr.endpointIds);
        assert.deepStrictEqual(registered()["ecr-s3"].subnetIds, SUBNETS);
        mockAws().reset();
        const shared = new EcrEndpoints("ecr", { vpcId: VPC, subnetIds: SUBNETS, existingEndpoints: ["s3"] });
        await valueOf(shared.endpointIds);
        assert.deepStrictEqual(Object.keys(registered()).sort(), ["ecr-ecr.api", "ecr-ecr.dkr"]);
    });

    // Amazon S3 user guide, AWS PrivateLink for Amazon S3, Private DNS: with private DNS on, AWS makes S3's private DNS
    // answer only inbound Resolver queries by default, and refuses that without an S3 gateway endpoint in the VPC.
    it("an S3 interface endpoint with private DNS says privateDnsOnlyForInboundResolverEndpoint false, so a VPC without a gateway is accepted", async () => {
        const ecr = new EcrEndpoints("ecr", { vpcId: VPC, subnetIds: SUBNETS, s3EndpointType: "Interface" });
        await valueOf(ecr.endpointIds);
        assert.deepStrictEqual(registered()["ecr-s3"].dnsOptions, { privateDnsOnlyForInboundResolverEndpoint: false });
        assert.deepStrictEqual(Object.keys(registered()).sort(), ["ecr-ecr.api", "ecr-ecr.dkr", "ecr-s3"]);
        mockAws().reset();
        const noDns = new EcrEndpoints("ecr", { vpcId: VPC, subnetIds: SUBNETS, s3EndpointType: "Interface", privateDnsEnabled: false });
        await valueOf(noDns.endpointIds);
        assert.strictEqual(registered()["ecr-s3"].dnsOptions, undefined);
    });

    // Same page: the hybrid set-up, the gateway for the VPC and the interface endpoint for on-premises clients
    // (traffic from the VPC goes to the gateway, inbound Resolver queries get the interface endpoint).
    it("s3InterfaceDns inboundResolverOnly: an S3 gateway on the route tables plus the interface endpoint answering inbound Resolver queries only", async () => {
        const ecr = new EcrEndpoints("ecr", { vpcId: VPC, subnetIds: SUBNETS, routeTableIds: [RTB], s3EndpointType: "Interface", s3InterfaceDns: "inboundResolverOnly" });
        const ids = await valueOf(ecr.endpointIds);
        const r = registered();
        assert.deepStrictEqual(
            Object.entries(r).map(([n, i]) => [n, i.vpcEndpointType]).sort(),
            [
                ["ecr-ecr.api", "Interface"],
                ["ecr-ecr.dkr", "Interface"],
                ["ecr-s3", "Interface"],
                ["ecr-s3-gateway", "Gateway"],
            ],
        );
        assert.deepStrictEqual(r["ecr-s3-gateway"].routeTableIds, [RTB]);
        assert.strictEqual(r["ecr-s3-gateway"].serviceName, "com.amazonaws.us-east-1.s3");
        assert.deepStrictEqual(r["ecr-s3"].dnsOptions, { privateDnsOnlyForInboundResolverEndpoint: true });
        assert.strictEqual(r["ecr-s3"].privateDnsEnabled, true);
        assert.strictEqual(ids["s3-gateway"], mockAws().get(ENDPOINT, "ecr-s3-gateway").id);
        // Three interface endpoints in three AZs at USD 0.01 an AZ-hour; the gateway is free.
        assert.strictEqual(await valueOf(ecr.monthlyCostUsd), 65.7);
    });

    it("refuses s3InterfaceDns where it cannot apply, and inboundResolverOnly without route tables for its gateway", () => {
        const fails = (extra: Record<string, unknown>, message: string) => {
            assert.throws(() => new EcrEndpoints("ecr", { vpcId: VPC, subnetIds: SUBNETS, ...extra }), { message: `EcrEndpoints "ecr": ${message}` });
            assert.strictEqual(mockAws().resources.size, 0);
        };
        fails(
            { s3EndpointType: "Interface", s3InterfaceDns: "inboundResolverOnly" },
            `routeTableIds: the s3 gateway endpoint s3InterfaceDns "inboundResolverOnly" needs (AWS refuses the interface endpoint without one) adds a route to the route tables of the nodes' subnets: pass them`,
        );
        fails(
            { routeTableIds: [RTB], s3InterfaceDns: "inboundResolverOnly" },
            's3InterfaceDns: no S3 interface endpoint is created here: set s3EndpointType: "Interface" (and leave s3 out of existingEndpoints), or drop s3InterfaceDns',
        );
        fails(
            { s3EndpointType: "Interface", privateDnsEnabled: false, s3InterfaceDns: "allResolvers" },
            "s3InterfaceDns: it is a private DNS option and privateDnsEnabled is false: turn private DNS on, or drop s3InterfaceDns",
        );
        fails({ s3EndpointType: "Interface", s3InterfaceDns: "inbound" }, 's3InterfaceDns: "inbound" is not one of "allResolvers", "inboundResolverOnly"');
    });

    it("rejects an existing endpoint it does not make", () => {
        assert.throws(() => new EcrEndpoints("ecr", { vpcId: VPC, subnetIds: SUBNETS, existingEndpoints: ["sts"] }), {
            message: 'EcrEndpoints "ecr": existingEndpoints[0]: sts is not among the services this component would create (ecr.api, ecr.dkr, s3); remove it',
        });
        assert.strictEqual(mockAws().resources.size, 0);
    });
});

describe("StsEndpoint", () => {
    afterEach(settle);

    it("the regional STS interface endpoint, with the pod environment and the global-endpoint note", async () => {
        const sts = new StsEndpoint("irsa", { vpcId: VPC, subnetIds: SUBNETS, allowedCidrs: ["10.0.0.0/16"] });
        assert.strictEqual(await valueOf(sts.serviceName), "com.amazonaws.us-east-1.sts");
        assert.strictEqual(await valueOf(sts.monthlyCostUsd), 21.9);
        assert.deepStrictEqual(await valueOf(sts.podEnvironment), { AWS_STS_REGIONAL_ENDPOINTS: "regional" });
        assert.strictEqual(await valueOf(sts.regionalEndpoint), "https://sts.us-east-1.amazonaws.com");
        assert.match(await valueOf(sts.note), /sts\.amazonaws\.com does not go through the STS VPC endpoint/);
        assert.deepStrictEqual(await valueOf(sts.availabilityZones), ["us-east-1a", "us-east-1b", "us-east-1c"]);
        const id = await valueOf(sts.endpointId);
        assert.strictEqual(id, mockAws().get(ENDPOINT, "irsa-sts").id);
        assert.strictEqual((await valueOf(sts.dnsEntries)).at(-1)!.dnsName, "sts.us-east-1.amazonaws.com");
        assert.deepStrictEqual(mockAws().ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.name), [
            "irsa-endpoints-tcp443-from-10-0-0-0-16",
        ]);
    });

    it("rejects a policy that is not a policy document", () => {
        assert.throws(() => new StsEndpoint("irsa", { vpcId: VPC, subnetIds: SUBNETS, policy: "{" }), {
            message: 'StsEndpoint "irsa": policy: is not an IAM policy document (JSON with a Statement)',
        });
        assert.strictEqual(mockAws().resources.size, 0);
    });
});
