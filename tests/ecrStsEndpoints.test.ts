import * as assert from "assert";
import { EcrEndpoints } from "../components/ecrEndpoints";
import { StsEndpoint } from "../components/stsEndpoint";
import * as pulumi from "@pulumi/pulumi";
import { mockAws, valueOf } from "../plan/mocks";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
const RTB = "rtb-0a1b2c3d4e5f60718";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

/**
 * Waits for every registration a test started, so none lands in the next test's records. Only for ordering:
 * failures are asserted by the tests that expect them (programFailures), not here.
 */
async function settle(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs().catch(() => undefined);
}

function registered(): Record<string, Record<string, any>> {
    return Object.fromEntries(mockAws().ofType(ENDPOINT).map((r) => [r.name, r.inputs]));
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
