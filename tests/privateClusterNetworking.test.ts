// PrivateCluster's networking checks from AWS's rules: connected networks, subnets' Availability Zones, and what
// the hybrid DNS endpoints can reach.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { PrivateCluster, PrivateClusterArgs } from "../components/privateCluster";
import { mockAws } from "../plan/mocks";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
const ENDPOINT = "https://EXAMPLE108C897D9B2F1B21D5EXAMPLE.sk1.us-east-1.eks.amazonaws.com";

function cluster(extra: Partial<PrivateClusterArgs> = {}): PrivateCluster {
    mockAws().world.clusterEndpoints = { prod: ENDPOINT };
    return new PrivateCluster("prod", { vpcId: VPC, vpcCidrs: ["10.0.0.0/16"], subnetIds: SUBNETS, routeTableIds: ["rtb-0a1b2c3d4e5f60718"], ...extra });
}

async function settle(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs().catch(() => undefined);
}

describe("PrivateCluster networking", () => {
    afterEach(settle);

    it("refuses connected networks open to everyone, as open and not as overlapping the VPC", () => {
        for (const [cidr, version] of [["0.0.0.0/0", 4], ["::/0", 6]] as const) {
            assert.throws(() => cluster({ connectedNetworks: ["192.168.0.0/20", cidr] }), {
                name: "InputError",
                message: `PrivateCluster "prod": connectedNetworks[1]: ${cidr} is open to everyone (every IPv${version} address); list the networks that need this access`,
            });
        }
        assert.strictEqual(mockAws().resources.size, 0);
    });

    // PrivateCluster makes an IPv4 cluster, whose private endpoint has IPv4 addresses (EKS User Guide, cluster
    // endpoint formats); the inbound endpoint's IPs come from the subnets' IPv4 ranges.
    it("refuses an IPv6 connected network: the 443 and DNS rules for it could never match", () => {
        assert.throws(() => cluster({ connectedNetworks: ["2001:db8::/32"] }), {
            message:
                'PrivateCluster "prod": connectedNetworks[0]: 2001:db8::/32 is IPv6, and the cluster is IPv4: its private endpoint (and the VPC endpoints and Resolver inbound endpoint made for it) have IPv4 addresses only, so rules for this range would never match. List the network\'s IPv4 ranges',
        });
        assert.strictEqual(mockAws().resources.size, 0);
    });
});
