// The mocked account: the facts a program may look up (VPCs, subnets, DHCP options, endpoint services), the
// sample world the repo's own config is written against, and the plausible answers the plan makes up for ids it
// was not told about. Every made-up fact is recorded in `assumptions`, which the plan lists, so a user knows what
// was not checked; `--world FILE` (worldFile.ts) states the facts instead.
import * as crypto from "crypto";
import * as ipaddr from "ipaddr.js";
import { AwsPartition, partitionDnsSuffix, partitionOfRegion } from "../../aws/regions";
import { cidrsOverlap } from "../../shared/cidr";

export interface MockVpc {
    id: string;
    cidrBlock: string;
    /** Extra IPv4 CIDR blocks associated with the VPC. */
    secondaryCidrBlocks?: string[];
    ipv6CidrBlock?: string;
    enableDnsSupport: boolean;
    enableDnsHostnames: boolean;
    dhcpOptionsId: string;
}

export interface MockSubnet {
    id: string;
    vpcId: string;
    /** Absent for a subnet made without an IPv4 block (IPv6-only). */
    cidrBlock?: string;
    availabilityZone: string;
    availabilityZoneId: string;
}

/** The facts a mocked account holds; tests replace parts of it. */
export interface MockWorld {
    region: string;
    accountId: string;
    organizationId: string;
    vpcs: Record<string, MockVpc>;
    subnets: Record<string, MockSubnet>;
    /** DHCP options set id -> domain name servers. */
    dhcpOptions: Record<string, string[]>;
    /**
     * Endpoint-service overrides by short service name (`ecr.api`); a missing entry gets AWS's name for the region
     * (aws/regions endpointServiceName) offered in every AZ of the region, when the service is in the catalogue.
     */
    endpointServices: Record<string, { serviceName?: string; availabilityZones?: string[]; serviceType?: string }>;
    /** Outputs of other stacks a `pulumi.StackReference` reads, by full stack name (`org/project/stack`). */
    stackOutputs: Record<string, Record<string, unknown>>;
    /**
     * API server endpoints of @pulumi/eks clusters by cluster name, instead of the made-up EKS URL: tests point
     * one at a local listener (`https://127.0.0.1:<port>`) to exercise reachability checks.
     */
    clusterEndpoints?: Record<string, string>;
    /** Services with an interface endpoint (private DNS on) already in a VPC, by VPC id (`--world`). */
    existingEndpoints?: Record<string, string[]>;
    /** What the plan made up for ids the world did not hold, by id: one sentence each, listed in the plan. */
    assumptions: Record<string, string>;
    /** The VPC an unknown subnet is assumed to be in (the plan runner sets it from the program's config). */
    homeVpcId?: string;
}

/** Short, stable hex derived from a seed: the same resource always gets the same id. */
export function stableHex(seed: string, length: number): string {
    let out = "";
    for (let i = 0; out.length < length; i++) {
        out += crypto.createHash("sha256").update(`${seed}#${i}`).digest("hex");
    }
    return out.slice(0, length);
}

/** The region's partition and its endpoint domain (aws/regions.ts); a name AWS does not have is taken as commercial. */
export function partitionOf(region: string): { partition: AwsPartition; dnsSuffix: string } {
    const partition = partitionOfRegion(region) ?? "aws";
    return { partition, dnsSuffix: partitionDnsSuffix[partition] };
}

export function azsOf(region: string): string[] {
    return ["a", "b", "c"].map((l) => `${region}${l}`);
}

/** How an AZ ID writes each word of a Region code (`northeast` -> `ne`, `gov` -> `g`). */
const regionWordCodes: Record<string, string> = { gov: "g", northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw", central: "c" };

/**
 * The AZ ID the mocked account pairs with an AZ name: the n-th AZ (a, b, c) gets `<region code>-az<n>`, where the
 * code is the Region code's first label, the initials of its other words and its number (`us-east-1b` ->
 * `use1-az2`, `ap-northeast-1a` -> `apne1-az1`, `us-gov-west-1a` -> `usgw1-az1`), as AWS's table of AZ IDs writes them
 * (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html, "Availability Zones").
 */
export function azIdOf(availabilityZone: string): string {
    const [first, ...words] = availabilityZone.slice(0, -1).split("-");
    const number = words.pop();
    const code = `${first}${words.map((w) => regionWordCodes[w] ?? w[0]).join("")}${number}`;
    return `${code}-az${availabilityZone.charCodeAt(availabilityZone.length - 1) - 96}`;
}

export function arnOf(world: MockWorld, service: string, resource: string): string {
    return `arn:${partitionOf(world.region).partition}:${service}:${world.region}:${world.accountId}:${resource}`;
}

/** The DHCP options set every VPC of the sample world (and every assumed VPC) uses. */
export const DEFAULT_DHCP_OPTIONS = "dopt-0a1b2c3d4e5f60718";

export function defaultWorld(region = "us-east-1"): MockWorld {
    const vpcId = "vpc-0a1b2c3d4e5f60718";
    const azs = azsOf(region);
    const subnets: Record<string, MockSubnet> = {};
    ["0d1e2f3a4b5c6d7e8", "0e2f3a4b5c6d7e8f9", "0f3a4b5c6d7e8f90a"].forEach((suffix, i) => {
        const id = `subnet-${suffix}`;
        subnets[id] = {
            id,
            vpcId,
            cidrBlock: `10.0.${i * 32}.0/19`,
            availabilityZone: azs[i],
            availabilityZoneId: azIdOf(azs[i]),
        };
    });
    // The hub VPC peered with it (the network stack's hubVpcId), with two subnets for an outbound Resolver endpoint.
    const hubVpcId = "vpc-0f9e8d7c6b5a43210";
    ["0b1c2d3e4f5a6b7c8", "0c2d3e4f5a6b7c8d9"].forEach((suffix, i) => {
        const id = `subnet-${suffix}`;
        subnets[id] = { id, vpcId: hubVpcId, cidrBlock: `10.100.${i * 16}.0/20`, availabilityZone: azs[i], availabilityZoneId: azIdOf(azs[i]) };
    });
    const vpc = (id: string, cidrBlock: string): MockVpc => ({ id, cidrBlock, enableDnsSupport: true, enableDnsHostnames: true, dhcpOptionsId: DEFAULT_DHCP_OPTIONS });
    return {
        region,
        accountId: "123456789012",
        organizationId: "o-a1b2c3d4e5",
        vpcs: { [vpcId]: vpc(vpcId, "10.0.0.0/16"), [hubVpcId]: vpc(hubVpcId, "10.100.0.0/16") },
        subnets,
        dhcpOptions: { [DEFAULT_DHCP_OPTIONS]: ["AmazonProvidedDNS"] },
        endpointServices: {},
        stackOutputs: { [NETWORK_STACK]: networkStackOutputs(vpcId, Object.keys(subnets).filter((id) => subnets[id].vpcId === vpcId)) },
        assumptions: {},
    };
}

/** The stack a cluster stack references by default (examples/stack-refs/cluster). */
export const NETWORK_STACK = "acme/network/prod";

/**
 * What a deployed network stack (examples/stack-refs/network) exports: the cluster VPC and its private subnets
 * (the world's, so look-ups of them succeed), a peered hub VPC and on-premises range, Resolver endpoints with one
 * inbound IP per subnet, and VPC endpoints shared by every cluster in the VPC (adapters/stackOutputs.ts names).
 */
function networkStackOutputs(vpcId: string, subnetIds: string[]): Record<string, unknown> {
    const services = ["ec2", "ecr.api", "ecr.dkr", "elasticloadbalancing", "logs", "s3", "sts", "xray"];
    return {
        vpcId,
        vpcCidr: "10.0.0.0/16",
        privateSubnetIds: subnetIds,
        hubVpcId: "vpc-0f9e8d7c6b5a43210",
        hubVpcCidr: "10.100.0.0/16",
        onPremisesCidrs: ["192.168.0.0/20"],
        resolverInboundEndpointId: `rslvr-in-${stableHex("network:inbound", 17)}`,
        resolverIps: ["10.0.12.10", "10.0.44.10", "10.0.76.10"],
        resolverOutboundEndpointId: `rslvr-out-${stableHex("network:outbound", 17)}`,
        vpcEndpointIds: Object.fromEntries(services.map((s) => [s, `vpce-${stableHex(`network:${s}`, 17)}`])),
        vpcEndpointSecurityGroupId: `sg-${stableHex("network:endpoints", 17)}`,
    };
}

const stateIt = "state it in a --world file to check it";

/**
 * The VPC `id`; one the world does not hold is assumed: a /16 in 10.64.0.0/10 derived from the id, with DNS
 * support, DNS host names and AmazonProvidedDNS (what EKS private access needs), and the assumption recorded.
 */
export function vpcOf(world: MockWorld, id: string): MockVpc {
    const known = world.vpcs[id];
    if (known) return known;
    const vpc: MockVpc = {
        id,
        cidrBlock: `10.${64 + (parseInt(stableHex(`vpc-cidr:${id}`, 4), 16) % 64)}.0.0/16`,
        enableDnsSupport: true,
        enableDnsHostnames: true,
        dhcpOptionsId: DEFAULT_DHCP_OPTIONS,
    };
    world.vpcs[id] = vpc;
    world.assumptions[id] =
        `VPC ${id} is assumed to exist in ${world.region} with CIDR ${vpc.cidrBlock}, DNS support and DNS host names on and ` +
        `AmazonProvidedDNS in its DHCP options; ${stateIt}`;
    return vpc;
}

/** The VPC an unknown subnet goes in: the program's (homeVpcId), else the first VPC the plan assumed, else the world's first. */
function homeVpc(world: MockWorld): MockVpc {
    const assumedVpc = Object.keys(world.assumptions).find((id) => id.startsWith("vpc-"));
    return vpcOf(world, world.homeVpcId ?? assumedVpc ?? Object.keys(world.vpcs)[0]);
}

/**
 * The subnet `id`; one the world does not hold is assumed in the home VPC: the n-th assumed subnet of a VPC in the
 * region's n-th AZ (round robin, so a list of new ids spans AZs as EKS and Resolver endpoints need), with the
 * first free /20 (or VPC prefix + 4) of the VPC's CIDR.
 */
export function subnetOf(world: MockWorld, id: string): MockSubnet {
    const known = world.subnets[id];
    if (known) return known;
    const vpc = homeVpc(world);
    const siblings = Object.values(world.subnets).filter((s) => s.vpcId === vpc.id);
    const assumedSiblings = siblings.filter((s) => world.assumptions[s.id] !== undefined).length;
    const azs = azsOf(world.region);
    const availabilityZone = azs[assumedSiblings % azs.length];
    const cidrBlock = freeBlock(vpc.cidrBlock, siblings.flatMap((s) => s.cidrBlock ?? []));
    const subnet: MockSubnet = { id, vpcId: vpc.id, cidrBlock, availabilityZone, availabilityZoneId: azIdOf(availabilityZone) };
    world.subnets[id] = subnet;
    world.assumptions[id] = `subnet ${id} is assumed to be in ${vpc.id}, ${availabilityZone}, CIDR ${cidrBlock}; ${stateIt}`;
    return subnet;
}

/** The first block of `vpcCidr` four bits longer (at most /28) that overlaps none of `used`. */
function freeBlock(vpcCidr: string, used: string[]): string {
    const [base, bits] = ipaddr.IPv4.parseCIDR(vpcCidr);
    const length = Math.min(bits + 4, 28);
    const start = base.toByteArray().reduce((acc, b) => acc * 256 + b, 0);
    const size = 2 ** (32 - length);
    for (let i = 0; i < 2 ** (length - bits); i++) {
        const n = start + i * size;
        const cidr = `${[24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".")}/${length}`;
        if (!used.some((u) => cidrsOverlap(u, cidr))) return cidr;
    }
    return vpcCidr;
}

/** The name servers of a DHCP options set; an unknown set is assumed to hold AmazonProvidedDNS. */
export function dhcpServersOf(world: MockWorld, id: string): string[] {
    const known = world.dhcpOptions[id];
    if (known) return known;
    world.dhcpOptions[id] = ["AmazonProvidedDNS"];
    world.assumptions[id] = `DHCP options ${id} are assumed to list AmazonProvidedDNS as the domain name server; ${stateIt}`;
    return world.dhcpOptions[id];
}
