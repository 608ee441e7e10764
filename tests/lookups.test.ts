import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ClusterEndpointAccess } from "../apiEndpoint/clusterEndpointAccess";
import { lookup, resetLookups } from "../shared/lookups";
import { PrivateClusterEndpoints } from "../vpcEndpoints/privateClusterEndpoints";
import { mockAws, valueOf } from "../plan/mocks";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
const GET_VPC = "aws:ec2/getVpc:getVpc";
const GET_SUBNET = "aws:ec2/getSubnet:getSubnet";
const GET_REGION = "aws:index/getRegion:getRegion";

/** A component to hang look-ups off, as the package's components do with `parent: this`. */
function holder(name: string, opts?: pulumi.ComponentResourceOptions): pulumi.ComponentResource {
    return new pulumi.ComponentResource("test:index:Holder", name, {}, opts);
}

/** How many invokes each function token got. */
function callCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const c of mockAws().calls) counts[c.token] = (counts[c.token] ?? 0) + 1;
    return counts;
}

async function settle(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs().catch(() => undefined);
}

describe("lookup (shared data-source look-ups)", () => {
    afterEach(settle);

    it("two components with the default provider and the same args share one invoke and its Output", async () => {
        const a = lookup(aws.ec2.getVpcOutput, { id: VPC }, holder("a"));
        const b = lookup(aws.ec2.getVpcOutput, { id: VPC }, holder("b"));
        assert.strictEqual(a, b);
        assert.strictEqual(await valueOf(b.cidrBlock), "10.0.0.0/16");
        assert.deepStrictEqual(mockAws().calls, [{ token: GET_VPC, inputs: { id: VPC } }]);
    });

    it("args that are Outputs are resolved first, then share the invoke of the same plain args", async () => {
        const plain = lookup(aws.ec2.getSubnetOutput, { id: SUBNETS[0] }, holder("a"));
        const viaOutput = lookup(aws.ec2.getSubnetOutput, { id: pulumi.output(SUBNETS[0]) }, holder("b"));
        assert.strictEqual(await valueOf(viaOutput.availabilityZone), "us-east-1a");
        assert.strictEqual(await valueOf(plain.availabilityZone), "us-east-1a");
        assert.deepStrictEqual(mockAws().calls, [{ token: GET_SUBNET, inputs: { id: SUBNETS[0] } }]);
    });

    it("different args are separate invokes", async () => {
        const parent = holder("a");
        const zones = await Promise.all(SUBNETS.map((id) => valueOf(lookup(aws.ec2.getSubnetOutput, { id }, parent).availabilityZone)));
        assert.deepStrictEqual(zones, ["us-east-1a", "us-east-1b", "us-east-1c"]);
        assert.deepStrictEqual(
            mockAws().calls.map((c) => c.inputs.id),
            SUBNETS,
        );
    });

    it("different explicit providers, and an explicit provider versus the default one, are separate invokes", async () => {
        const west = new aws.Provider("west", { region: "us-west-2" });
        const east = new aws.Provider("east", { region: "us-east-1" });
        const results = [
            lookup(aws.getRegionOutput, {}, holder("default")),
            lookup(aws.getRegionOutput, {}, holder("west-1", { providers: { aws: west } })),
            lookup(aws.getRegionOutput, {}, holder("east-1", { providers: { aws: east } })),
        ];
        assert.strictEqual(new Set(results).size, 3);
        await Promise.all(results.map((r) => valueOf(r.region)));
        assert.deepStrictEqual(callCounts(), { [GET_REGION]: 3 });
    });

    it("components under the same explicit provider (inherited through the parent chain) share one invoke", async () => {
        const west = new aws.Provider("west", { region: "us-west-2" });
        const top = holder("top", { providers: { aws: west } });
        const first = lookup(aws.getRegionOutput, {}, holder("child-1", { parent: top }));
        const second = lookup(aws.getRegionOutput, {}, holder("child-2", { providers: { aws: west } }));
        assert.strictEqual(first, second);
        await valueOf(second.region);
        assert.deepStrictEqual(callCounts(), { [GET_REGION]: 1 });
    });

    it("keeps the default provider's answer until resetLookups (a new program)", async () => {
        assert.strictEqual(await valueOf(lookup(aws.getRegionOutput, {}, holder("before")).region), "us-east-1");
        mockAws().world.region = "eu-west-1";
        assert.strictEqual(await valueOf(lookup(aws.getRegionOutput, {}, holder("same-program")).region), "us-east-1");
        resetLookups();
        assert.strictEqual(await valueOf(lookup(aws.getRegionOutput, {}, holder("after")).region), "eu-west-1");
        assert.deepStrictEqual(callCounts(), { [GET_REGION]: 2 });
    });

    it("two PrivateClusterEndpoints in one region share the region, service, VPC and subnet look-ups", async () => {
        const args = { vpcId: VPC, subnetIds: SUBNETS, routeTableIds: ["rtb-0a1b2c3d4e5f60718"] };
        const first = new PrivateClusterEndpoints("one", args);
        const second = new PrivateClusterEndpoints("two", args);
        await Promise.all([valueOf(first.endpointIds), valueOf(second.endpointIds)]);
        assert.deepStrictEqual(callCounts(), {
            [GET_REGION]: 1,
            // The default set, one look-up per service for both: ec2, ecr.api, ecr.dkr, s3 and sts.
            "aws:ec2/getVpcEndpointService:getVpcEndpointService": 5,
            [GET_VPC]: 1,
            [GET_SUBNET]: 3,
            "aws:index/getPartition:getPartition": 1,
        });
    });

    it("two ClusterEndpointAccess on one VPC check its DNS settings with one getVpc and one getVpcDhcpOptions", async () => {
        const first = new ClusterEndpointAccess("one", { mode: "private", vpcId: VPC });
        const second = new ClusterEndpointAccess("two", { mode: "private", vpcId: VPC });
        await Promise.all([valueOf(first.vpcConfig), valueOf(second.vpcConfig)]);
        assert.deepStrictEqual(callCounts(), { [GET_VPC]: 1, "aws:ec2/getVpcDhcpOptions:getVpcDhcpOptions": 1 });
    });
});
