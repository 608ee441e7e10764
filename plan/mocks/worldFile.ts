// `--world FILE`: the user's own account as YAML (README, "The offline plan"; examples/world.yaml). What it states
// replaces the sample world, so nothing about those VPCs, subnets and DHCP options is assumed.
import * as fs from "fs";
import Ajv from "ajv";
import * as yaml from "js-yaml";
import { partitionOfRegion } from "../../aws/regions";
import { cidrContains, cidrProblem } from "../../shared/cidr";
import { azIdOf, azsOf, DEFAULT_DHCP_OPTIONS, defaultWorld, MockWorld } from "./world";
import { Ec2IdPrefix, ec2IdSource } from "../../aws/ids";

/** The file as written. */
export interface WorldFile {
    region?: string;
    accountId?: string;
    organizationId?: string;
    vpcs?: Record<
        string,
        {
            cidrBlock: string;
            secondaryCidrBlocks?: string[];
            enableDnsSupport?: boolean;
            enableDnsHostnames?: boolean;
            dhcpOptionsId?: string;
            subnets?: Record<string, { availabilityZone: string; cidrBlock: string }>;
            /** Services that already have an interface endpoint with private DNS in this VPC. */
            existingEndpoints?: string[];
        }
    >;
    dhcpOptions?: Record<string, string[]>;
    endpointServices?: Record<string, { serviceName?: string; availabilityZones?: string[] }>;
}

const id = (prefix: Ec2IdPrefix) => ({ type: "string", pattern: `^${ec2IdSource(prefix)}$` });
const cidr = { type: "string" };
const schema = {
    type: "object",
    additionalProperties: false,
    properties: {
        region: { type: "string" },
        accountId: { type: "string", pattern: "^[0-9]{12}$" },
        organizationId: { type: "string", pattern: "^o-[a-z0-9]{10,32}$" },
        vpcs: {
            type: "object",
            propertyNames: id("vpc"),
            additionalProperties: {
                type: "object",
                additionalProperties: false,
                required: ["cidrBlock"],
                properties: {
                    cidrBlock: cidr,
                    secondaryCidrBlocks: { type: "array", items: cidr },
                    enableDnsSupport: { type: "boolean" },
                    enableDnsHostnames: { type: "boolean" },
                    dhcpOptionsId: id("dopt"),
                    subnets: {
                        type: "object",
                        propertyNames: id("subnet"),
                        additionalProperties: {
                            type: "object",
                            additionalProperties: false,
                            required: ["availabilityZone", "cidrBlock"],
                            properties: { availabilityZone: { type: "string" }, cidrBlock: cidr },
                        },
                    },
                    existingEndpoints: { type: "array", items: { type: "string" } },
                },
            },
        },
        dhcpOptions: { type: "object", propertyNames: id("dopt"), additionalProperties: { type: "array", items: { type: "string" } } },
        endpointServices: {
            type: "object",
            additionalProperties: {
                type: "object",
                additionalProperties: false,
                properties: { serviceName: { type: "string" }, availabilityZones: { type: "array", items: { type: "string" } } },
            },
        },
    },
};
const validate = new Ajv({ allErrors: true }).compile<WorldFile>(schema);

/** The world a file describes; throws one line per problem, each naming the file and the key path. */
export function readWorldFile(file: string): MockWorld {
    let raw: unknown;
    try {
        raw = yaml.load(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new Error(`--world ${file}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
    }
    if (!validate(raw)) {
        const where = (path: string) => (path === "" ? "" : `${path.slice(1).replace(/\//g, ".")}: `);
        throw new Error(validate.errors!.map((e) => `--world ${file}: ${where(e.instancePath)}${e.message}${e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`).join("\n"));
    }
    const problems = worldProblems(raw);
    if (problems.length > 0) throw new Error(problems.map((p) => `--world ${file}: ${p}`).join("\n"));
    return worldOf(raw);
}

/** What the schema cannot say: real regions, CIDRs, subnets inside their VPC and in the region's AZs. */
export function worldProblems(w: WorldFile): string[] {
    const problems: string[] = [];
    const region = w.region ?? "us-east-1";
    if (partitionOfRegion(region) === undefined) problems.push(`region: ${region} is not an AWS Region; use a Region code such as us-east-1`);
    const azs = azsOf(region);
    for (const [vpcId, vpc] of Object.entries(w.vpcs ?? {})) {
        for (const [i, block] of [vpc.cidrBlock, ...(vpc.secondaryCidrBlocks ?? [])].entries()) {
            const problem = cidrProblem(block);
            if (problem) problems.push(`vpcs.${vpcId}.${i === 0 ? "cidrBlock" : `secondaryCidrBlocks.${i - 1}`}: ${block} ${problem}`);
        }
        if (vpc.dhcpOptionsId && !w.dhcpOptions?.[vpc.dhcpOptionsId]) {
            problems.push(`vpcs.${vpcId}.dhcpOptionsId: ${vpc.dhcpOptionsId} is not under dhcpOptions; list its domain name servers there`);
        }
        for (const [subnetId, subnet] of Object.entries(vpc.subnets ?? {})) {
            const at = `vpcs.${vpcId}.subnets.${subnetId}`;
            if (!azs.includes(subnet.availabilityZone)) problems.push(`${at}.availabilityZone: ${subnet.availabilityZone} is not an AZ of ${region} (${azs.join(", ")})`);
            const problem = cidrProblem(subnet.cidrBlock);
            if (problem) problems.push(`${at}.cidrBlock: ${subnet.cidrBlock} ${problem}`);
            else if (![vpc.cidrBlock, ...(vpc.secondaryCidrBlocks ?? [])].some((b) => !cidrProblem(b) && cidrContains(b, subnet.cidrBlock))) {
                problems.push(`${at}.cidrBlock: ${subnet.cidrBlock} is outside the VPC's CIDR blocks; a subnet's block must be inside one of them`);
            }
        }
    }
    return problems;
}

function worldOf(w: WorldFile): MockWorld {
    const world = defaultWorld(w.region ?? "us-east-1");
    // The sample VPC and subnets stay (the repo's examples use them) unless the file states VPCs of its own.
    if (w.vpcs && Object.keys(w.vpcs).length > 0) {
        world.vpcs = {};
        world.subnets = {};
    }
    Object.assign(world, w.accountId ? { accountId: w.accountId } : {}, w.organizationId ? { organizationId: w.organizationId } : {});
    Object.assign(world.dhcpOptions, w.dhcpOptions ?? {});
    Object.assign(world.endpointServices, w.endpointServices ?? {});
    for (const [vpcId, vpc] of Object.entries(w.vpcs ?? {})) {
        world.vpcs[vpcId] = {
            id: vpcId,
            cidrBlock: vpc.cidrBlock,
            secondaryCidrBlocks: vpc.secondaryCidrBlocks,
            // AWS's defaults for a VPC made with CreateVpc (https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html,
            // "DNS attributes in your VPC"): DNS support on, DNS host names off.
            enableDnsSupport: vpc.enableDnsSupport ?? true,
            enableDnsHostnames: vpc.enableDnsHostnames ?? false,
            dhcpOptionsId: vpc.dhcpOptionsId ?? DEFAULT_DHCP_OPTIONS,
        };
        for (const [subnetId, subnet] of Object.entries(vpc.subnets ?? {})) {
            world.subnets[subnetId] = { id: subnetId, vpcId, ...subnet, availabilityZoneId: azIdOf(subnet.availabilityZone) };
        }
        if (vpc.existingEndpoints?.length) world.existingEndpoints = { ...world.existingEndpoints, [vpcId]: vpc.existingEndpoints };
    }
    return world;
}
