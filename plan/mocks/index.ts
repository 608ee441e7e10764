// Mock AWS used by the offline plan and the tests: `pulumi.runtime.setMocks` with values shaped like what AWS
// returns (ids, ARNs, endpoint URLs, VPC attributes, AZs), and a recorder that keeps every registered
// resource with its parent so the plan can print a tree.
//
// Values are deterministic (derived from the resource's type and name) so plans and tests are repeatable.
// `world` holds the facts a program may look up (VPCs, subnets, DHCP options, endpoint services); tests
// change it to describe the account they need and call `reset()` afterwards.
import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";

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
    cidrBlock: string;
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
     * Endpoint-service overrides by short service name (`ecr.api`); a missing entry gets the default name
     * `com.amazonaws.<region>.<service>` offered in every AZ of the region.
     */
    endpointServices: Record<string, { serviceName?: string; availabilityZones?: string[]; serviceType?: string }>;
    /** Outputs of other stacks a `pulumi.StackReference` reads, by full stack name (`org/project/stack`). */
    stackOutputs: Record<string, Record<string, any>>;
    /**
     * API server endpoints of @pulumi/eks clusters by cluster name, instead of the made-up EKS URL: tests point
     * one at a local listener (`https://127.0.0.1:<port>`) to exercise reachability checks.
     */
    clusterEndpoints?: Record<string, string>;
}

export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    /** The parent's URN; absent at top level. */
    parent?: string;
    /** True for resources a provider creates, false for components (remote ones such as eks:index:Cluster too). */
    custom: boolean;
    /** The mocked provider id (custom resources). */
    id?: string;
    inputs: Record<string, any>;
    /** Outputs a component registered with `registerOutputs` (components only). */
    outputs?: Record<string, any>;
}

export interface RecordedCall {
    token: string;
    inputs: Record<string, any>;
}

/** Short, stable hex derived from a seed: the same resource always gets the same id. */
export function stableHex(seed: string, length: number): string {
    let out = "";
    for (let i = 0; out.length < length; i++) {
        out += crypto.createHash("sha256").update(`${seed}#${i}`).digest("hex");
    }
    return out.slice(0, length);
}

export function partitionOf(region: string): { partition: string; dnsSuffix: string } {
    if (region.startsWith("cn-")) return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" };
    if (region.startsWith("us-gov-")) return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com" };
    return { partition: "aws", dnsSuffix: "amazonaws.com" };
}

export function azsOf(region: string): string[] {
    return ["a", "b", "c"].map((l) => `${region}${l}`);
}

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
            availabilityZoneId: `use1-az${i + 1}`,
        };
    });
    return {
        region,
        accountId: "123456789012",
        organizationId: "o-a1b2c3d4e5",
        vpcs: {
            [vpcId]: {
                id: vpcId,
                cidrBlock: "10.0.0.0/16",
                enableDnsSupport: true,
                enableDnsHostnames: true,
                dhcpOptionsId: "dopt-0a1b2c3d4e5f60718",
            },
        },
        subnets,
        dhcpOptions: { "dopt-0a1b2c3d4e5f60718": ["AmazonProvidedDNS"] },
        endpointServices: {},
        stackOutputs: { [NETWORK_STACK]: networkStackOutputs(vpcId, Object.keys(subnets)) },
    };
}

/** The stack a cluster stack references by default (examples/stack-refs/cluster). */
export const NETWORK_STACK = "acme/network/prod";

/**
 * What a deployed network stack (examples/stack-refs/network) exports: the cluster VPC and its private subnets
 * (the world's, so look-ups of them succeed), a peered hub VPC and on-premises range, Resolver endpoints with one
 * inbound IP per subnet, and VPC endpoints shared by every cluster in the VPC (lib/stackOutputs.ts names).
 */
function networkStackOutputs(vpcId: string, subnetIds: string[]): Record<string, any> {
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

type ResourceHandler = (args: pulumi.runtime.MockResourceArgs, world: MockWorld, id: string) => Record<string, any>;
type CallHandler = (inputs: Record<string, any>, world: MockWorld) => Record<string, any>;

function arnOf(world: MockWorld, service: string, resource: string): string {
    return `arn:${partitionOf(world.region).partition}:${service}:${world.region}:${world.accountId}:${resource}`;
}

function vpcOf(world: MockWorld, id: string): MockVpc {
    return (
        world.vpcs[id] ?? {
            id,
            cidrBlock: "10.1.0.0/16",
            enableDnsSupport: true,
            enableDnsHostnames: true,
            dhcpOptionsId: "dopt-0a1b2c3d4e5f60718",
        }
    );
}

/** Resource id prefixes AWS uses, by Pulumi type token (a function when the prefix depends on the inputs). */
const idPrefixes: Record<string, string | ((inputs: Record<string, any>) => string)> = {
    "aws:ec2/vpc:Vpc": "vpc-",
    "aws:ec2/subnet:Subnet": "subnet-",
    "aws:ec2/securityGroup:SecurityGroup": "sg-",
    "aws:ec2/routeTable:RouteTable": "rtb-",
    "aws:ec2/internetGateway:InternetGateway": "igw-",
    "aws:ec2/natGateway:NatGateway": "nat-",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce-",
    "aws:ec2/managedPrefixList:ManagedPrefixList": "pl-",
    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection": "pcx-",
    "aws:ec2/instance:Instance": "i-",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr-",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr-",
    "aws:route53/resolverEndpoint:ResolverEndpoint": (inputs) => (inputs.direction === "OUTBOUND" ? "rslvr-out-" : "rslvr-in-"),
    "aws:route53/resolverRule:ResolverRule": "rslvr-rr-",
    "aws:route53/resolverRuleAssociation:ResolverRuleAssociation": "rslvr-rrassoc-",
};

/** Mocked outputs by resource type: what AWS fills in beyond the inputs. */
const resourceHandlers: Record<string, ResourceHandler> = {
    "aws:eks/cluster:Cluster": (args, world, id) => {
        const name = args.inputs.name ?? args.name;
        const hex = stableHex(`cluster:${name}`, 32).toUpperCase();
        const ipv6 = args.inputs.kubernetesNetworkConfig?.ipFamily === "ipv6";
        const cn = world.region.startsWith("cn-");
        const suffix = ipv6
            ? cn
                ? "api.amazonwebservices.com.cn"
                : "api.aws"
            : cn
              ? "eks.amazonaws.com.cn"
              : "eks.amazonaws.com";
        const vpcConfig = args.inputs.vpcConfig ?? {};
        return {
            name,
            arn: arnOf(world, "eks", `cluster/${name}`),
            endpoint: `https://${hex}.gr7.${world.region}.${suffix}`,
            version: args.inputs.version ?? "1.33",
            platformVersion: "eks.5",
            status: "ACTIVE",
            certificateAuthority: {
                data: Buffer.from(`-----BEGIN CERTIFICATE-----\nMIIC${stableHex(name, 40)}\n-----END CERTIFICATE-----\n`).toString(
                    "base64",
                ),
            },
            identities: [{ oidcs: [{ issuer: `https://oidc.eks.${world.region}.${partitionOf(world.region).dnsSuffix}/id/${hex}` }] }],
            vpcConfig: {
                ...vpcConfig,
                endpointPublicAccess: vpcConfig.endpointPublicAccess ?? true,
                endpointPrivateAccess: vpcConfig.endpointPrivateAccess ?? false,
                publicAccessCidrs: vpcConfig.publicAccessCidrs ?? ["0.0.0.0/0"],
                clusterSecurityGroupId: `sg-${stableHex(`cluster-sg:${name}`, 17)}`,
                vpcId: Object.keys(world.vpcs)[0],
            },
            kubernetesNetworkConfig: {
                ipFamily: ipv6 ? "ipv6" : "ipv4",
                serviceIpv4Cidr: args.inputs.kubernetesNetworkConfig?.serviceIpv4Cidr ?? "172.20.0.0/16",
            },
            id,
        };
    },
    // A VPC or subnet the program creates joins the world, so later look-ups (getVpc, getSubnet) see it with
    // AWS's defaults: a new VPC has enableDnsSupport true and enableDnsHostnames false.
    "aws:ec2/vpc:Vpc": (args, world, id) => {
        const vpc: MockVpc = {
            id,
            cidrBlock: args.inputs.cidrBlock ?? "10.0.0.0/16",
            enableDnsSupport: args.inputs.enableDnsSupport ?? true,
            enableDnsHostnames: args.inputs.enableDnsHostnames ?? false,
            dhcpOptionsId: "dopt-0a1b2c3d4e5f60718",
        };
        world.vpcs[id] = vpc;
        return {
            ...vpc,
            arn: arnOf(world, "ec2", `vpc/${id}`),
            defaultSecurityGroupId: `sg-${stableHex(`default:${id}`, 17)}`,
            mainRouteTableId: `rtb-${stableHex(`main:${id}`, 17)}`,
            ownerId: world.accountId,
        };
    },
    "aws:ec2/subnet:Subnet": (args, world, id) => {
        const availabilityZone = args.inputs.availabilityZone ?? azsOf(world.region)[0];
        world.subnets[id] = {
            id,
            vpcId: args.inputs.vpcId,
            cidrBlock: args.inputs.cidrBlock,
            availabilityZone,
            availabilityZoneId: `${availabilityZone.slice(0, -1)}-az${availabilityZone.charCodeAt(availabilityZone.length - 1) - 96}`,
        };
        return { arn: arnOf(world, "ec2", `subnet/${id}`), ...world.subnets[id] };
    },
    // @pulumi/eks' Cluster is a remote component: under mocks it is one resource, so its outputs are mocked here.
    "eks:index:Cluster": (args, world, id) => {
        const name = args.inputs.name ?? args.name;
        const hex = stableHex(`cluster:${name}`, 32).toUpperCase();
        const endpoint = world.clusterEndpoints?.[name] ?? `https://${hex}.gr7.${world.region}.eks.${partitionOf(world.region).dnsSuffix}`;
        const caData = Buffer.from(`-----BEGIN CERTIFICATE-----\nMIIC${stableHex(`ca:${name}`, 40)}\n-----END CERTIFICATE-----\n`).toString("base64");
        const kubeconfig = {
            apiVersion: "v1",
            kind: "Config",
            clusters: [{ name, cluster: { server: endpoint, "certificate-authority-data": stableHex(`ca:${name}`, 64) } }],
            contexts: [{ name: "aws", context: { cluster: name, user: "aws" } }],
            "current-context": "aws",
            users: [{ name: "aws", user: { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws", args: ["eks", "get-token", "--cluster-name", name] } } }],
        };
        return {
            kubeconfig,
            kubeconfigJson: JSON.stringify(kubeconfig),
            clusterSecurityGroupId: `sg-${stableHex(`cluster-sg:${name}`, 17)}`,
            nodeSecurityGroupId: `sg-${stableHex(`node-sg:${name}`, 17)}`,
            oidcIssuer: `oidc.eks.${world.region}.${partitionOf(world.region).dnsSuffix}/id/${hex}`,
            oidcProviderArn: `arn:${partitionOf(world.region).partition}:iam::${world.accountId}:oidc-provider/oidc.eks.${world.region}.amazonaws.com/id/${hex}`,
            oidcProviderUrl: `https://oidc.eks.${world.region}.${partitionOf(world.region).dnsSuffix}/id/${hex}`,
            // `core.cluster` is the aws.eks.Cluster inside the component (a resource reference when deployed).
            core: {
                endpoint,
                cluster: {
                    name,
                    endpoint,
                    arn: arnOf(world, "eks", `cluster/${name}`),
                    certificateAuthority: { data: caData },
                    kubernetesNetworkConfig: { ipFamily: "ipv4", serviceIpv4Cidr: args.inputs.kubernetesServiceIpAddressRange ?? "172.20.0.0/16" },
                },
            },
        };
    },
    "aws:ec2/securityGroup:SecurityGroup": (args, world, id) => ({
        arn: arnOf(world, "ec2", `security-group/${id}`),
        ownerId: world.accountId,
    }),
    // Interface endpoints get a regional and one zonal DNS name per subnet under vpce.<dns suffix>, plus the
    // service's own name with private DNS; gateway endpoints get the service's prefix list instead.
    "aws:ec2/vpcEndpoint:VpcEndpoint": (args, world, id) => {
        const serviceName: string = args.inputs.serviceName ?? "";
        const service = serviceName.replace(/^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\./, "");
        const { dnsSuffix } = partitionOf(world.region);
        const common = { arn: arnOf(world, "ec2", `vpc-endpoint/${id}`), ownerId: world.accountId, state: "available", requesterManaged: false };
        if ((args.inputs.vpcEndpointType ?? "Gateway") === "Gateway") {
            return { ...common, prefixListId: `pl-${stableHex(`prefix-list:${serviceName}`, 8)}`, dnsEntries: [], networkInterfaceIds: [] };
        }
        const subnetIds: string[] = args.inputs.subnetIds ?? [];
        const host = `${id}-${stableHex(`vpce-dns:${id}`, 8)}`;
        const zone = `Z${stableHex(`vpce-zone:${world.region}`, 13).toUpperCase()}`;
        const domain = `${service}.${world.region}.vpce.${dnsSuffix}`;
        const dnsEntries = [
            { dnsName: `${host}.${domain}`, hostedZoneId: zone },
            ...subnetIds.map((s) => ({ dnsName: `${host}-${world.subnets[s]?.availabilityZone ?? world.region}.${domain}`, hostedZoneId: zone })),
            ...(args.inputs.privateDnsEnabled
                ? [{ dnsName: `${service}.${world.region}.${dnsSuffix}`, hostedZoneId: `Z${stableHex(`private-zone:${id}`, 20).toUpperCase()}` }]
                : []),
        ];
        return { ...common, dnsEntries, networkInterfaceIds: subnetIds.map((s) => `eni-${stableHex(`${id}:${s}`, 17)}`), prefixListId: "" };
    },
    "aws:iam/role:Role": (args, world) => ({
        arn: `arn:${partitionOf(world.region).partition}:iam::${world.accountId}:role/${args.inputs.name ?? args.name}`,
    }),
    // A Resolver endpoint gets one IP per listed subnet; AWS picks a free address in the subnet's CIDR.
    "aws:route53/resolverEndpoint:ResolverEndpoint": (args, world, id) => {
        const ips: { subnetId: string; ip?: string }[] = args.inputs.ipAddresses ?? [];
        return {
            arn: arnOf(world, "route53resolver", `resolver-endpoint/${id}`),
            hostVpcId: world.subnets[ips[0]?.subnetId]?.vpcId ?? Object.keys(world.vpcs)[0],
            ipAddresses: ips.map((a) => ({
                subnetId: a.subnetId,
                ip: a.ip ?? hostIn(world.subnets[a.subnetId]?.cidrBlock ?? "10.255.0.0/24", `${id}:${a.subnetId}`),
                ipId: `rni-${stableHex(`${id}:${a.subnetId}`, 17)}`,
            })),
            protocols: args.inputs.protocols ?? ["Do53"],
            resolverEndpointType: args.inputs.resolverEndpointType ?? "IPV4",
            status: "OPERATIONAL",
        };
    },
    // A stack reference reads the referenced stack's outputs; the engine fails for a stack that does not exist.
    "pulumi:pulumi:StackReference": (args, world) => {
        const outputs = world.stackOutputs[args.inputs.name];
        if (!outputs) throw new Error(`unknown stack "${args.inputs.name}" (mocked stacks: ${Object.keys(world.stackOutputs).join(", ") || "none"})`);
        return { name: args.inputs.name, outputs, secretOutputNames: [] };
    },
    "aws:route53/resolverRule:ResolverRule": (args, world, id) => ({
        arn: arnOf(world, "route53resolver", `resolver-rule/${id}`),
        ownerId: world.accountId,
        shareStatus: "NOT_SHARED",
    }),
    "aws:route53/resolverRuleAssociation:ResolverRuleAssociation": (args, world, id) => ({
        name: args.inputs.name ?? "",
        resolverRuleId: args.inputs.resolverRuleId,
        vpcId: args.inputs.vpcId,
        id,
    }),
    "aws:ram/resourceShare:ResourceShare": (args, world) => {
        const h = stableHex(`ram:${args.name}`, 32);
        const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
        return { arn: arnOf(world, "ram", `resource-share/${uuid}`), allowExternalPrincipals: args.inputs.allowExternalPrincipals ?? false };
    },
};

/** A host address in an IPv4 CIDR, past the four AWS reserves at its start, stable for `seed`. */
function hostIn(cidr: string, seed: string): string {
    const [base, bits] = cidr.split("/");
    const start = base.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
    const size = 2 ** (32 - Number(bits));
    const n = start + 4 + (parseInt(stableHex(seed, 8), 16) % Math.max(1, size - 5));
    return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

function describeVpc(world: MockWorld, id: string): Record<string, any> {
    const vpc = vpcOf(world, id);
    const blocks = [vpc.cidrBlock, ...(vpc.secondaryCidrBlocks ?? [])];
    return {
        id: vpc.id,
        arn: arnOf(world, "ec2", `vpc/${vpc.id}`),
        cidrBlock: vpc.cidrBlock,
        cidrBlockAssociations: blocks.map((cidrBlock, i) => ({
            associationId: `vpc-cidr-assoc-${stableHex(`${vpc.id}:${i}`, 17)}`,
            cidrBlock,
            state: "associated",
        })),
        ipv6CidrBlock: vpc.ipv6CidrBlock ?? "",
        enableDnsSupport: vpc.enableDnsSupport,
        enableDnsHostnames: vpc.enableDnsHostnames,
        dhcpOptionsId: vpc.dhcpOptionsId,
        ownerId: world.accountId,
        state: "available",
    };
}

/** Mocked results of provider functions (data sources), by token. */
const callHandlers: Record<string, CallHandler> = {
    "aws:index/getRegion:getRegion": (_inputs, world) => ({
        id: world.region,
        name: world.region,
        region: world.region,
        endpoint: `ec2.${world.region}.${partitionOf(world.region).dnsSuffix}`,
        description: world.region,
    }),
    "aws:index/getPartition:getPartition": (_inputs, world) => {
        const { partition, dnsSuffix } = partitionOf(world.region);
        return { id: partition, partition, dnsSuffix, reverseDnsPrefix: dnsSuffix.split(".").reverse().join(".") };
    },
    "aws:index/getCallerIdentity:getCallerIdentity": (_inputs, world) => ({
        id: world.accountId,
        accountId: world.accountId,
        arn: `arn:${partitionOf(world.region).partition}:iam::${world.accountId}:role/platform-deployer`,
        userId: "AROAEXAMPLEID:platform",
    }),
    "aws:organizations/getOrganization:getOrganization": (_inputs, world) => ({
        id: world.organizationId,
        arn: `arn:aws:organizations::${world.accountId}:organization/${world.organizationId}`,
        masterAccountId: world.accountId,
    }),
    "aws:ec2/getVpc:getVpc": (inputs, world) => describeVpc(world, inputs.id ?? Object.keys(world.vpcs)[0]),
    "aws:ec2/getVpcDhcpOptions:getVpcDhcpOptions": (inputs, world) => {
        const id = inputs.dhcpOptionsId;
        const servers = world.dhcpOptions[id];
        if (!servers) throw new Error(`InvalidDhcpOptionID.NotFound: The dhcpOption ID '${id}' does not exist`);
        return { id, dhcpOptionsId: id, domainNameServers: servers, ownerId: world.accountId };
    },
    "aws:ec2/getSubnet:getSubnet": (inputs, world) => {
        const subnet = world.subnets[inputs.id];
        if (!subnet) throw new Error(`InvalidSubnetID.NotFound: The subnet ID '${inputs.id}' does not exist`);
        return { ...subnet, arn: arnOf(world, "ec2", `subnet/${subnet.id}`), ownerId: world.accountId };
    },
    "aws:index/getAvailabilityZones:getAvailabilityZones": (_inputs, world) => ({
        id: world.region,
        names: azsOf(world.region),
        zoneIds: azsOf(world.region).map((_, i) => `${world.region.split("-").map((p) => p[0]).join("")}-az${i + 1}`),
    }),
    // Like the provider: `service` only tries com.amazonaws.<region>.<service>, while `serviceName` and a
    // `service-name` filter match exact names (AWS China names some services cn.com.amazonaws.<region>.<id>).
    "aws:ec2/getVpcEndpointService:getVpcEndpointService": (inputs, world) => {
        const filtered: string[] = (inputs.filters ?? []).filter((f: any) => f.name === "service-name").flatMap((f: any) => f.values);
        const requested: string[] = inputs.serviceName
            ? [inputs.serviceName]
            : inputs.service
              ? [`com.amazonaws.${world.region}.${inputs.service}`]
              : filtered;
        const service: string = inputs.service ?? (requested[0] ?? "").replace(/^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\./, "");
        const override = world.endpointServices[service] ?? {};
        const serviceName = override.serviceName ?? `com.amazonaws.${world.region}.${service}`;
        if (!requested.includes(serviceName)) throw new Error("no matching EC2 VPC Endpoint Service found");
        return {
            id: serviceName,
            service,
            serviceName,
            serviceType: override.serviceType ?? inputs.serviceType ?? "Interface",
            availabilityZones: override.availabilityZones ?? azsOf(world.region),
            owner: "amazon",
            acceptanceRequired: false,
            privateDnsName: `${service}.${world.region}.${partitionOf(world.region).dnsSuffix}`,
            vpcEndpointPolicySupported: true,
        };
    },
};

/**
 * The mocks and the recorder. One instance is installed per process (`installMocks`); tests read what a
 * program registered from `resources` and describe the account through `world`.
 */
export class MockAws implements pulumi.runtime.Mocks {
    world: MockWorld = defaultWorld();
    resources = new Map<string, RecordedResource>();
    calls: RecordedCall[] = [];
    private pendingParents = new Map<string, string | undefined>();

    /** Clears recorded resources and calls and restores the default account. */
    reset(region = "us-east-1"): void {
        this.world = defaultWorld(region);
        this.resources.clear();
        this.calls = [];
    }

    /** Region from the `aws:region` config when a program sets it, else the world's. */
    private syncRegion(): void {
        const region = new pulumi.Config("aws").get("region");
        if (region && region !== this.world.region) {
            this.world = { ...defaultWorld(region), endpointServices: this.world.endpointServices, stackOutputs: this.world.stackOutputs };
        }
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        this.syncRegion();
        const prefixOf = idPrefixes[args.type] ?? "";
        const prefix = typeof prefixOf === "function" ? prefixOf(args.inputs) : prefixOf;
        const id = args.custom === false ? undefined : args.id || `${prefix}${stableHex(`${args.type}:${args.name}`, 17)}`;
        const handler: ResourceHandler | undefined = resourceHandlers[args.type];
        // Every AWS resource has an ARN; handlers give the exact form where a program reads it.
        const service = args.type.startsWith("aws:") ? args.type.slice(4).split("/")[0] : undefined;
        const arn = id && service ? { arn: arnOf(this.world, service, `${args.type.split(":").pop()!.toLowerCase()}/${id}`) } : {};
        const state = { ...args.inputs, ...arn, ...(handler !== undefined ? handler(args, this.world, id ?? args.name) : {}) };
        return { id, state };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        this.syncRegion();
        this.calls.push({ token: args.token, inputs: args.inputs });
        const handler: CallHandler | undefined = callHandlers[args.token];
        if (!handler) throw new Error(`offline plan has no mock for the function ${args.token}`);
        return handler(args.inputs, this.world);
    }

    /** Registered resources of one type, in registration order. */
    ofType(type: string): RecordedResource[] {
        return [...this.resources.values()].filter((r) => r.type === type);
    }

    /** The one registered resource with this type and name; throws when there is none. */
    get(type: string, name: string): RecordedResource {
        const found = [...this.resources.values()].find((r) => r.type === type && r.name === name);
        if (!found) {
            const names = this.ofType(type).map((r) => r.name);
            throw new Error(`no ${type} named ${name} was registered (registered: ${names.join(", ") || "none"})`);
        }
        return found;
    }

    /**
     * Wraps the mock monitor so each registration is recorded with its parent URN and each component's
     * registered outputs are kept.
     */
    attach(monitor: any): void {
        const register = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req: any, callback: (err: any, resp: any) => void) => {
            register(req, (err: any, resp: any) => {
                if (!err && resp) {
                    const urn: string = resp.getUrn();
                    const inputs = pulumi.runtime.deserializeProperties(req.getObject());
                    this.resources.set(urn, {
                        urn,
                        type: req.getType(),
                        name: req.getName(),
                        parent: req.getParent() || undefined,
                        custom: req.getCustom(),
                        id: resp.getId() || undefined,
                        inputs,
                    });
                }
                callback(err, resp);
            });
        };
        const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
        monitor.registerResourceOutputs = (req: any, callback: (err: any, resp: any) => void) => {
            const recorded = this.resources.get(req.getUrn());
            if (recorded) recorded.outputs = pulumi.runtime.deserializeProperties(req.getOutputs());
            registerOutputs(req, callback);
        };
    }
}

let installed: MockAws | undefined;

/**
 * Sets the Pulumi mocks for this process once and returns the shared instance. Project and stack name the
 * program the way `pulumi up` would (they decide the config namespace).
 */
export async function installMocks(project = "eks-private-access", stack = "test", preview = false): Promise<MockAws> {
    if (installed) return installed;
    const mocks = new MockAws();
    await pulumi.runtime.setMocks(mocks, project, stack, preview);
    mocks.attach(pulumi.runtime.getMonitor());
    installed = mocks;
    return mocks;
}

/** The installed mocks; throws if `installMocks` has not run. */
export function mockAws(): MockAws {
    if (!installed) throw new Error("installMocks() has not run: tests get it from tests/hooks.ts");
    return installed;
}

/** Resolves an Output (or plain value) to its value; rejects when the Output failed. */
export function valueOf<T>(output: pulumi.Input<T>): Promise<T> {
    // `promise()` is the SDK's own accessor (internal in its typings); unlike `apply`, it rejects on failure.
    return (pulumi.output(output) as unknown as { promise(): Promise<T> }).promise();
}
