// Every component as a Python, Go or YAML program reaches it: the provider host hands a construct its inputs with
// dependencies as Outputs, either the whole value (`vpc.private_subnet_ids`) or each entry of a list
// (`[s.id for s in subnets]`). Each component must register exactly the children and inputs the plain program
// does, and a bad computed value must fail with exactly the plain value's message.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ClusterDnsForwarding } from "../hybridDns/clusterDnsForwarding";
import { ClusterEndpointAccess } from "../apiEndpoint/clusterEndpointAccess";
import { EcrEndpoints } from "../vpcEndpoints/ecrEndpoints";
import { HybridDnsAccess } from "../hybridDns/hybridDnsAccess";
import { PrivateCluster } from "../privateCluster/privateCluster";
import { PrivateClusterEndpoints } from "../vpcEndpoints/privateClusterEndpoints";
import { ResolverInboundEndpoint } from "../hybridDns/resolverInboundEndpoint";
import { ResolverOutboundEndpoint } from "../hybridDns/resolverOutboundEndpoint";
import { StsEndpoint } from "../vpcEndpoints/stsEndpoint";
import { mockAws } from "../plan/mocks";
import { programFailures } from "./support/failures";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
const RTB = "rtb-0a1b2c3d4e5f60718";
const SG = "sg-0c1d2e3f4a5b6c7d8";
const BASTION = "sg-0a1b2c3d4e5f60718";
const PEERED_VPC = "vpc-0b1c2d3e4f5a60718";
const PEERED = ["subnet-0a9b8c7d6e5f40312", "subnet-0b8c7d6e5f4031201"];
const ENDPOINT = "https://EXAMPLE108C897D9B2F1B21D5EXAMPLE.sk1.us-east-1.eks.amazonaws.com";
const NODES = "arn:aws:iam::123456789012:role/prod-nodes";
const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sts:*", Resource: "*" }] });

/** How a value reaches the component: as written, as one Output, or as a list of Outputs. */
type Wrap = <T>(value: T) => pulumi.Input<T>;
const plain: Wrap = (value) => value;
const whole: Wrap = <T>(value: T) => pulumi.output(value) as pulumi.Input<T>;
const entries: Wrap = <T>(value: T) => (Array.isArray(value) ? value.map((v) => pulumi.output(v)) : pulumi.output(value)) as pulumi.Input<T>;

/** An Output whose value is unknown, as at preview before the subnets exist. */
function unknown<T>(): pulumi.Output<T> {
    const OutputClass = pulumi.Output as unknown as new (...args: unknown[]) => pulumi.Output<T>;
    return new OutputClass(new Set(), Promise.resolve(undefined), Promise.resolve(false), Promise.resolve(false), Promise.resolve([]));
}

function addPeeredVpc(): void {
    const world = mockAws().world;
    world.vpcs[PEERED_VPC] = { id: PEERED_VPC, cidrBlock: "10.1.0.0/16", enableDnsSupport: true, enableDnsHostnames: true, dhcpOptionsId: "dopt-0a1b2c3d4e5f60718" };
    world.subnets[PEERED[0]] = { id: PEERED[0], vpcId: PEERED_VPC, cidrBlock: "10.1.0.0/20", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1" };
    world.subnets[PEERED[1]] = { id: PEERED[1], vpcId: PEERED_VPC, cidrBlock: "10.1.16.0/20", availabilityZone: "us-east-1b", availabilityZoneId: "use1-az2" };
}

/** Each component built with the values another language would compute passed through `w`. */
const components: Record<string, (w: Wrap) => pulumi.ComponentResource> = {
    PrivateCluster: (w) => {
        mockAws().world.clusterEndpoints = { prod: ENDPOINT };
        return new PrivateCluster("prod", {
            vpcId: w(VPC),
            vpcCidrs: ["10.0.0.0/16"],
            subnetIds: w(SUBNETS),
            routeTableIds: w([RTB]),
            connectedNetworks: ["192.168.0.0/20"],
            allowedSecurityGroups: { bastion: w(BASTION) },
            nodeRoleArn: w(NODES),
            hybridDns: {},
        });
    },
    PrivateClusterEndpoints: (w) => new PrivateClusterEndpoints("net", { vpcId: w(VPC), subnetIds: w(SUBNETS), routeTableIds: w([RTB]) }),
    EcrEndpoints: (w) => new EcrEndpoints("ecr", { vpcId: w(VPC), subnetIds: w(SUBNETS), routeTableIds: w([RTB]), allowedSecurityGroups: { nodes: w(SG) } }),
    StsEndpoint: (w) => new StsEndpoint("sts", { vpcId: w(VPC), subnetIds: w(SUBNETS), policy: w(POLICY) }),
    ClusterEndpointAccess: (w) =>
        new ClusterEndpointAccess("api", { mode: "private", vpcId: w(VPC), clusterSecurityGroupId: w(SG), allowedCidrs: ["192.168.0.0/20"], allowedSecurityGroups: { bastion: w(BASTION) } }),
    ResolverInboundEndpoint: (w) => new ResolverInboundEndpoint("in", { vpcId: w(VPC), subnetIds: w(SUBNETS.slice(0, 2)), allowedCidrs: ["10.1.0.0/16"] }),
    ResolverOutboundEndpoint: (w) => {
        addPeeredVpc();
        return new ResolverOutboundEndpoint("out", { vpcId: w(PEERED_VPC), subnetIds: w(PEERED), targetCidrs: ["10.0.0.0/16"] });
    },
    HybridDnsAccess: (w) => {
        addPeeredVpc();
        return new HybridDnsAccess("hy", {
            clusterEndpoint: w(ENDPOINT),
            clusterSecurityGroupId: w(SG),
            clusterVpcId: w(VPC),
            clusterVpcCidr: "10.0.0.0/16",
            inboundSubnetIds: w(SUBNETS.slice(0, 2)),
            peeredCidrs: ["10.1.0.0/16"],
            outboundVpcId: w(PEERED_VPC),
            outboundSubnetIds: w(PEERED),
            vpcs: { peered: w(PEERED_VPC) },
        });
    },
    ClusterDnsForwarding: (w) =>
        new ClusterDnsForwarding("fwd", {
            clusterEndpoint: w(ENDPOINT),
            resolverIps: w(["10.0.1.237", "10.0.59.167"]),
            outboundEndpointId: w("rslvr-out-0123456789abcdef0"),
            vpcs: { peered: w(PEERED_VPC) },
        }),
};

/** What the program registered: every resource's type, name, parent, inputs and (components) outputs, by URN. */
function snapshot(): string {
    const resources = [...mockAws().resources.values()].sort((a, b) => a.urn.localeCompare(b.urn));
    return JSON.stringify(
        resources.map((r) => ({ urn: r.urn, parent: r.parent, inputs: r.inputs, outputs: r.outputs })),
        (_key, value: unknown) => (pulumi.Resource.isInstance(value) ? "<resource reference>" : value),
        1,
    );
}

/** Builds a component, waits for every registration, and returns the snapshot and the program's failures. */
async function run(build: () => unknown): Promise<{ snapshot: string; failures: string[] }> {
    mockAws().reset();
    const failures = await programFailures(build);
    return { snapshot: snapshot(), failures };
}

/** The one-line message a plain value fails with at construction. */
function constructionError(build: () => unknown): string {
    mockAws().reset();
    try {
        build();
    } catch (err) {
        return (err as Error).message;
    }
    assert.fail("the plain value was accepted");
}

describe("computed inputs (another language's Outputs)", () => {
    for (const [component, build] of Object.entries(components)) {
        for (const [how, w] of [["one Output", whole], ["a list of Outputs", entries]] as const) {
            it(`${component}: ${how} registers exactly what the plain values do`, async () => {
                const expected = await run(() => build(plain));
                assert.deepStrictEqual(expected.failures, []);
                assert.ok(expected.snapshot.length > 100, "the plain program registered its children");
                const actual = await run(() => build(w));
                assert.deepStrictEqual(actual.failures, []);
                assert.strictEqual(actual.snapshot, expected.snapshot);
            });
        }
    }

    it("ResolverInboundEndpoint: subnet ids unknown at preview register the same children, with no look-up yet", async () => {
        const plainRun = await run(() => components.ResolverInboundEndpoint(plain));
        const names = () => [...mockAws().resources.values()].map((r) => `${r.type} ${r.name}`).sort();
        const plainNames = (await run(() => components.ResolverInboundEndpoint(plain)), names());
        assert.deepStrictEqual(plainRun.failures, []);
        const unknownRun = await run(() => new ResolverInboundEndpoint("in", { vpcId: VPC, subnetIds: unknown<string[]>(), allowedCidrs: ["10.1.0.0/16"] }));
        assert.deepStrictEqual(unknownRun.failures, []);
        assert.deepStrictEqual(names(), plainNames);
        assert.deepStrictEqual(
            mockAws().calls.filter((c) => c.token === "aws:ec2/getSubnet:getSubnet"),
            [],
        );
        assert.strictEqual(mockAws().get("aws:route53/resolverEndpoint:ResolverEndpoint", "in-endpoint").inputs.ipAddresses, undefined);
    });

    // A bad value fails the same way whether it was written in the program or computed by it.
    const bad: Record<string, [string, (w: Wrap) => unknown]> = {
        "PrivateCluster one subnet": [
            'PrivateCluster "prod": subnetIds: EKS needs subnets in at least two Availability Zones; list two or more private subnets (three recommended)',
            (w) => new PrivateCluster("prod", { vpcId: VPC, vpcCidrs: ["10.0.0.0/16"], subnetIds: w([SUBNETS[0]]), routeTableIds: [RTB] }),
        ],
        "PrivateCluster a number among the subnet ids": [
            'PrivateCluster "prod": subnetIds[1]: expected a subnet id (a string), got number 3',
            (w) => new PrivateCluster("prod", { vpcId: VPC, vpcCidrs: ["10.0.0.0/16"], subnetIds: w([SUBNETS[0], 3 as unknown as string]), routeTableIds: [RTB] }),
        ],
        "PrivateCluster hybridDns on one subnet by default": [
            'PrivateCluster "prod": subnetIds: EKS needs subnets in at least two Availability Zones; list two or more private subnets (three recommended)',
            (w) =>
                new PrivateCluster("prod", {
                    vpcId: VPC,
                    vpcCidrs: ["10.0.0.0/16"],
                    subnetIds: w([SUBNETS[0]]),
                    routeTableIds: [RTB],
                    connectedNetworks: ["192.168.0.0/20"],
                    hybridDns: {},
                }),
        ],
        "ResolverInboundEndpoint one subnet": [
            'ResolverInboundEndpoint "in": subnetIds: 1 subnet given; a Route 53 Resolver endpoint needs an IP in at least two subnets, in different Availability Zones so one AZ is not a single point of failure. List two or more subnets',
            (w) => new ResolverInboundEndpoint("in", { vpcId: VPC, subnetIds: w([SUBNETS[0]]), allowedCidrs: ["10.1.0.0/16"] }),
        ],
        "HybridDnsAccess a repeated inbound subnet": [
            `HybridDnsAccess "hy": inboundSubnetIds[1]: ${SUBNETS[0]} is listed twice; each subnet gives the endpoint one IP, list it once`,
            (w) =>
                new HybridDnsAccess("hy", {
                    clusterEndpoint: ENDPOINT,
                    clusterSecurityGroupId: SG,
                    clusterVpcId: VPC,
                    clusterVpcCidr: "10.0.0.0/16",
                    inboundSubnetIds: w([SUBNETS[0], SUBNETS[0]]),
                    onPremisesCidrs: ["192.168.0.0/20"],
                }),
        ],
        "PrivateClusterEndpoints a malformed subnet id": [
            'PrivateClusterEndpoints "net": subnetIds[1]: "subnet-x" is not a subnet id',
            (w) => new PrivateClusterEndpoints("net", { vpcId: VPC, subnetIds: w([SUBNETS[0], "subnet-x"]), routeTableIds: [RTB] }),
        ],
        "EcrEndpoints no route tables for the S3 gateway": [
            `EcrEndpoints "ecr": routeTableIds: the s3 gateway endpoint adds a route to the route tables of the nodes' subnets: pass them, or list the service in existingEndpoints if the VPC already has one`,
            (w) => new EcrEndpoints("ecr", { vpcId: VPC, subnetIds: SUBNETS, routeTableIds: w([]) }),
        ],
        "StsEndpoint a policy that is not a policy document": [
            'StsEndpoint "sts": policy: is not an IAM policy document (JSON with a Statement)',
            (w) => new StsEndpoint("sts", { vpcId: VPC, subnetIds: SUBNETS, policy: w("{}") }),
        ],
        "PrivateClusterEndpoints a VPC id that is not one": [
            'PrivateClusterEndpoints "net": vpcId: "vpc-1" is not a VPC id',
            (w) => new PrivateClusterEndpoints("net", { vpcId: w("vpc-1"), subnetIds: SUBNETS, routeTableIds: [RTB] }),
        ],
    };
    for (const [what, [message, build]] of Object.entries(bad)) {
        it(`${what}: fails with the same message plain and computed`, async () => {
            assert.strictEqual(constructionError(() => build(plain)), message);
            assert.deepStrictEqual(mockAws().resources.size, 0, "nothing is registered before the plain check");
            for (const w of [whole, entries]) {
                const { failures } = await run(() => build(w));
                assert.deepStrictEqual(failures, [message]);
            }
        });
    }

    // Arguments that name children stay plain: an Output there fails at construction, naming where it is.
    const plainOnly: Record<string, [string, () => unknown]> = {
        "PrivateCluster vpcCidrs entry": [
            'PrivateCluster "prod": vpcCidrs[0]: is only known at deployment (an Output), but each CIDR names its security group rule, so the CIDRs must be known before anything is created: pass the same literal CIDR strings you gave the VPC or network',
            () => new PrivateCluster("prod", { vpcId: VPC, vpcCidrs: [pulumi.output("10.0.0.0/16") as unknown as string], subnetIds: SUBNETS }),
        ],
        "ResolverInboundEndpoint allowedCidrs as one Output": [
            'ResolverInboundEndpoint "in": allowedCidrs: is only known at deployment (an Output), but each CIDR names its security group rule, so the CIDRs must be known before anything is created: pass the same literal CIDR strings you gave the VPC or network',
            () => new ResolverInboundEndpoint("in", { vpcId: VPC, subnetIds: SUBNETS, allowedCidrs: pulumi.output(["10.1.0.0/16"]) as unknown as string[] }),
        ],
        "HybridDnsAccess clusterVpcCidr": [
            'HybridDnsAccess "hy": clusterVpcCidr: is only known at deployment (an Output), but each CIDR names its security group rule, so the CIDRs must be known before anything is created: pass the same literal CIDR strings you gave the VPC or network',
            () =>
                new HybridDnsAccess("hy", {
                    clusterEndpoint: ENDPOINT,
                    clusterSecurityGroupId: SG,
                    clusterVpcId: VPC,
                    clusterVpcCidr: pulumi.output("10.0.0.0/16") as unknown as string,
                    inboundSubnetIds: SUBNETS,
                    onPremisesCidrs: ["192.168.0.0/20"],
                }),
        ],
        "PrivateCluster the hybridDns object as one Output": [
            'PrivateCluster "prod": hybridDns: is only known at deployment (an Output), but its fields decide which Resolver endpoints and rules exist: give an object literal (subnet and VPC ids in it may be Outputs)',
            () => new PrivateCluster("prod", { vpcId: VPC, vpcCidrs: ["10.0.0.0/16"], subnetIds: SUBNETS, hybridDns: pulumi.output({}) as never }),
        ],
        "ClusterEndpointAccess mode": [
            'ClusterEndpointAccess "api": mode: is only known at deployment (an Output), but it decides which endpoints are on, and so which checks and rules are planned: pass a literal mode',
            () => new ClusterEndpointAccess("api", { mode: pulumi.output("private") as unknown as "private" }),
        ],
    };
    for (const [what, [message, build]] of Object.entries(plainOnly)) {
        it(`${what}: an Output fails at construction with one line`, () => {
            assert.strictEqual(constructionError(build), message);
            assert.strictEqual(mockAws().resources.size, 0);
        });
    }
});
