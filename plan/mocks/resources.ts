// Mocked outputs of resources by type: what AWS fills in beyond the inputs (ids, ARNs, endpoint URLs, DNS
// names, resolver IPs). A VPC or subnet the program creates joins the world, so later look-ups see it.
import * as pulumi from "@pulumi/pulumi";
import { arnOf, azsOf, DEFAULT_DHCP_OPTIONS, MockVpc, MockWorld, partitionOf, stableHex } from "./world";

export type ResourceHandler = (args: pulumi.runtime.MockResourceArgs, world: MockWorld, id: string) => Record<string, any>;

/** Resource id prefixes AWS uses, by Pulumi type token (a function when the prefix depends on the inputs). */
export const idPrefixes: Record<string, string | ((inputs: Record<string, any>) => string)> = {
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
export const resourceHandlers: Record<string, ResourceHandler> = {
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
            dhcpOptionsId: DEFAULT_DHCP_OPTIONS,
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
        // A private hosted zone for the service's name can be associated with a VPC once: AWS refuses a second
        // endpoint with private DNS for a service that already has one there
        // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html, PrivateDnsEnabled).
        if (args.inputs.privateDnsEnabled && world.existingEndpoints?.[args.inputs.vpcId]?.includes(service)) {
            throw new Error(
                `${args.inputs.vpcId} already has an endpoint for ${service} with private DNS (--world existingEndpoints); ` +
                    `AWS refuses a second one: list ${service} in the component's existingEndpoints`,
            );
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
