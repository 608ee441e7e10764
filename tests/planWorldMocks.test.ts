// The fake AWS agrees with itself and with AWS's documented forms: one certificate authority, endpoint and OIDC
// issuer per cluster whichever resource answers for it, the partition's domain and ARN partition in every answer
// (China: amazonaws.com.cn, arn:aws-cn), AZ IDs as AWS writes them, and answers typed against @pulumi/aws.
import * as assert from "assert";
import type * as aws from "@pulumi/aws";
import { EndpointForm, parseClusterEndpoint } from "../aws/clusterEndpoint";
import { mockAws, valueOf } from "../plan/mocks";
import { callHandlers } from "../plan/mocks/invokes";
import { registered } from "../plan/mocks/resources";
import type { StateOf } from "../plan/mocks/types";
import { azIdOf, defaultWorld, MockWorld } from "../plan/mocks/world";

/** What these tests read of an aws.eks.Cluster's state (DescribeCluster's fields, as @pulumi/aws names them). */
interface ClusterState {
    endpoint: string;
    certificateAuthority: { data: string };
    identities: { oidcs: { issuer: string }[] }[];
    vpcConfig: { vpcId: string; clusterSecurityGroupId: string };
}

/** What they read of @pulumi/eks' Cluster outputs: its inner cluster, its kubeconfig and its OIDC provider. */
interface EksClusterOutputs {
    core: { endpoint: string; cluster: ClusterState };
    kubeconfig: { clusters: { cluster: { server: string; "certificate-authority-data": string } }[] };
    oidcProviderUrl: string;
    oidcProviderArn: string;
    oidcIssuer: string;
    clusterSecurityGroupId: string;
}

/** What they read of a VPC endpoint's state. */
interface VpcEndpointState {
    arn: string;
    dnsEntries: { dnsName: string }[];
}

/** The state the fake AWS answers a registration with, read as `S` (the fields the test reads). */
const state = <S = Record<string, unknown>>(world: MockWorld, type: string, name: string, inputs: Record<string, unknown> = {}) =>
    registered({ type, name, inputs, custom: true }, world).state as S;
/** The fake AWS's answer to a provider function, read as `R`. */
const call = <R = Record<string, unknown>>(world: MockWorld, token: string, inputs: Record<string, unknown> = {}) => callHandlers[token](inputs, world) as R;

/** The aws.eks.Cluster and the @pulumi/eks Cluster (with its inner cluster) for one cluster name. */
function bothClusters(world: MockWorld, name: string, ipv6 = false) {
    const subnetIds = Object.keys(world.subnets).slice(0, 2);
    const direct = state<ClusterState>(world, "aws:eks/cluster:Cluster", `${name}-direct`, {
        name,
        vpcConfig: { subnetIds },
        kubernetesNetworkConfig: ipv6 ? { ipFamily: "ipv6" } : undefined,
    });
    const component = state<EksClusterOutputs>(world, "eks:index:Cluster", `${name}-eks`, { name, privateSubnetIds: subnetIds, ipFamily: ipv6 ? "ipv6" : undefined });
    return { direct, component };
}

describe("fake AWS: one cluster, one set of facts", () => {
    it("the aws.eks.Cluster, @pulumi/eks' Cluster, its inner cluster and its kubeconfig give the same CA, endpoint and OIDC issuer", () => {
        const { direct, component } = bothClusters(defaultWorld(), "prod");
        const kubeconfigCluster = component.kubeconfig.clusters[0].cluster;
        const cas = [direct.certificateAuthority.data, component.core.cluster.certificateAuthority.data, kubeconfigCluster["certificate-authority-data"]];
        assert.deepStrictEqual(new Set(cas).size, 1, cas.join("\n"));
        // EKS returns the CA base64-encoded (DescribeCluster certificateAuthority.data, the kubeconfig's certificate-authority-data).
        assert.match(Buffer.from(cas[0], "base64").toString(), /^-----BEGIN CERTIFICATE-----\n/);
        assert.deepStrictEqual(new Set([direct.endpoint, component.core.endpoint, component.core.cluster.endpoint, kubeconfigCluster.server]).size, 1);
        assert.strictEqual(direct.identities[0].oidcs[0].issuer, component.oidcProviderUrl);
        assert.strictEqual(`https://${component.oidcIssuer}`, component.oidcProviderUrl);
        assert.strictEqual(direct.vpcConfig.clusterSecurityGroupId, component.clusterSecurityGroupId);
    });

    it("a cluster is in its subnets' VPC", () => {
        const world = defaultWorld();
        const hubSubnet = Object.values(world.subnets).find((s) => s.vpcId === "vpc-0f9e8d7c6b5a43210")!;
        const cluster = state<ClusterState>(world, "aws:eks/cluster:Cluster", "hub", { vpcConfig: { subnetIds: [hubSubnet.id] } });
        assert.strictEqual(cluster.vpcConfig.vpcId, hubSubnet.vpcId);
    });
});

// https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "IPv4 cluster endpoint format" and "IPv6
// cluster endpoint format": eks-cluster.region.eks.amazonaws.com (AWS, GovCloud), eks-cluster.region.api.aws (dual-stack),
// eks-cluster.region.api.amazonwebservices.com.cn (China, dual-stack); China's IPv4 endpoints end amazonaws.com.cn.
describe("fake AWS: each partition's domains and ARNs", () => {
    const cases: [string, boolean, RegExp, string, EndpointForm][] = [
        ["us-east-1", false, /^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/, "aws", EndpointForm.Ipv4],
        ["us-gov-west-1", false, /^https:\/\/[0-9A-F]{32}\.gr7\.us-gov-west-1\.eks\.amazonaws\.com$/, "aws-us-gov", EndpointForm.Ipv4],
        ["cn-north-1", false, /^https:\/\/[0-9A-F]{32}\.gr7\.cn-north-1\.eks\.amazonaws\.com\.cn$/, "aws-cn", EndpointForm.Ipv4],
        ["us-east-1", true, /^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.api\.aws$/, "aws", EndpointForm.DualStack],
        ["cn-northwest-1", true, /^https:\/\/[0-9A-F]{32}\.gr7\.cn-northwest-1\.api\.amazonwebservices\.com\.cn$/, "aws-cn", EndpointForm.DualStack],
    ];
    for (const [region, ipv6, endpoint, partition, form] of cases) {
        it(`${region}${ipv6 ? " (IPv6)" : ""}: the cluster endpoint has AWS's form, from both cluster resources`, () => {
            const { direct, component } = bothClusters(defaultWorld(region), "prod", ipv6);
            assert.match(direct.endpoint, endpoint);
            assert.strictEqual(component.core.endpoint, direct.endpoint);
            const parsed = parseClusterEndpoint(direct.endpoint);
            assert.deepStrictEqual([parsed.region, parsed.partition, parsed.form], [region, partition, form]);
        });
    }

    // IAM names an OIDC provider by its issuer's host and path, in the account's partition
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html, "IAM ARNs"); China's EKS issuer is
    // oidc.eks.<region>.amazonaws.com.cn (https://docs.amazonaws.cn/en_us/eks/latest/userguide/enable-iam-roles-for-service-accounts.html).
    it("China: the OIDC issuer and provider ARN use amazonaws.com.cn and arn:aws-cn", () => {
        const { component } = bothClusters(defaultWorld("cn-north-1"), "prod");
        const id = /^https:\/\/oidc\.eks\.cn-north-1\.amazonaws\.com\.cn\/id\/([0-9A-F]{32})$/.exec(component.oidcProviderUrl)?.[1];
        assert.ok(id, component.oidcProviderUrl);
        assert.strictEqual(component.oidcProviderArn, `arn:aws-cn:iam::123456789012:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/${id}`);
        assert.strictEqual(component.oidcIssuer, `oidc.eks.cn-north-1.amazonaws.com.cn/id/${id}`);
    });

    // https://docs.amazonaws.cn/en_us/general/latest/gr/rande.html ("Endpoints": dynamodb.cn-north-1.amazonaws.com.cn)
    // and https://docs.amazonaws.cn/en_us/aws/latest/userguide/ARNs.html (arn:aws-cn).
    it("China: getPartition, getRegion, getOrganization and resource ARNs are in aws-cn", () => {
        const world = defaultWorld("cn-north-1");
        const partition = call(world, "aws:index/getPartition:getPartition");
        assert.deepStrictEqual([partition.partition, partition.dnsSuffix], ["aws-cn", "amazonaws.com.cn"]);
        assert.strictEqual(call(world, "aws:index/getRegion:getRegion").endpoint, "ec2.cn-north-1.amazonaws.com.cn");
        assert.strictEqual(call(world, "aws:organizations/getOrganization:getOrganization").arn, "arn:aws-cn:organizations::123456789012:organization/o-a1b2c3d4e5");
        assert.strictEqual(state(world, "aws:iam/role:Role", "nodes").arn, "arn:aws-cn:iam::123456789012:role/nodes");
        const endpoint = state<VpcEndpointState>(world, "aws:ec2/vpcEndpoint:VpcEndpoint", "sts", {
            vpcId: "vpc-0a1b2c3d4e5f60718",
            serviceName: "cn.com.amazonaws.cn-north-1.sts",
            vpcEndpointType: "Interface",
            subnetIds: [],
        });
        assert.match(endpoint.arn, /^arn:aws-cn:ec2:cn-north-1:123456789012:vpc-endpoint\/vpce-[0-9a-f]{17}$/);
        assert.match(endpoint.dnsEntries[0].dnsName, /^vpce-[0-9a-f]{17}-[0-9a-f]{8}\.sts\.cn-north-1\.vpce\.amazonaws\.com\.cn$/);
    });

    it("GovCloud: aws-us-gov ARNs under amazonaws.com", () => {
        const partition = call(defaultWorld("us-gov-west-1"), "aws:index/getPartition:getPartition");
        assert.deepStrictEqual([partition.partition, partition.dnsSuffix], ["aws-us-gov", "amazonaws.com"]);
    });
});

// https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html, "Availability Zones".
describe("fake AWS: AZ IDs", () => {
    it("are written as AWS's table writes them", () => {
        const zones = ["us-east-1a", "eu-west-1b", "ap-northeast-1a", "ap-southeast-2c", "ca-central-1a", "us-gov-west-1a", "cn-northwest-1a"];
        assert.deepStrictEqual(zones.map(azIdOf), ["use1-az1", "euw1-az2", "apne1-az1", "apse2-az3", "cac1-az1", "usgw1-az1", "cnnw1-az1"]);
    });

    it("agree between getAvailabilityZones, the sample world, a created subnet and a looked-up one", () => {
        const world = defaultWorld("cn-north-1");
        const zones = call(world, "aws:index/getAvailabilityZones:getAvailabilityZones");
        assert.deepStrictEqual(zones.zoneIds, ["cnn1-az1", "cnn1-az2", "cnn1-az3"]);
        const sample = call(world, "aws:ec2/getSubnet:getSubnet", { id: "subnet-0d1e2f3a4b5c6d7e8" });
        const created = state(world, "aws:ec2/subnet:Subnet", "new", { vpcId: "vpc-0a1b2c3d4e5f60718", cidrBlock: "10.0.96.0/20", availabilityZone: "cn-north-1b" });
        assert.deepStrictEqual([sample.availabilityZoneId, created.availabilityZoneId], [zones.zoneIds[0], zones.zoneIds[1]]);
    });
});

describe("fake AWS: answers typed against @pulumi/aws", () => {
    it("a field the provider does not return fails tsc", () => {
        // Route 53 Resolver endpoints have no `status` in the provider's state (aws.route53.ResolverEndpointState).
        // @ts-expect-error status is not a field of ResolverEndpointState
        const endpoint: StateOf<aws.route53.ResolverEndpointState> = { status: "OPERATIONAL" };
        // @ts-expect-error certificateAuthority is one object, not a list
        const cluster: StateOf<aws.eks.ClusterState> = { certificateAuthority: [{ data: "" }] };
        assert.ok(endpoint && cluster);
    });
});

describe("fake AWS: the recorder", () => {
    it("keeps each resource's answer, so a test reads a made-up value instead of copying it", async () => {
        const { ec2 } = await import("@pulumi/aws");
        const vpc = new ec2.Vpc("recorded", { cidrBlock: "10.7.0.0/16" });
        const [id, arn] = await Promise.all([valueOf(vpc.id), valueOf(vpc.arn)]);
        const recorded = mockAws().get("aws:ec2/vpc:Vpc", "recorded");
        assert.deepStrictEqual([recorded.id, recorded.state?.arn, recorded.state?.cidrBlock], [id, arn, "10.7.0.0/16"]);
        assert.ok(!Object.keys(recorded).includes("state"), "the answer is left out of plans and JSON");
    });
});
