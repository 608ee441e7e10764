// Amazon EC2 and VPC resources of the fake AWS: what EC2 fills in beyond the inputs (ids, ARNs, owner, endpoint
// DNS names). A VPC or subnet the program creates joins the world, so later look-ups (getVpc, getSubnet) see it.
import type * as aws from "@pulumi/aws";
import { InputsOf, MockArgs, ResourceMock, StateOf } from "./types";
import { arnOf, azIdOf, azsOf, DEFAULT_DHCP_OPTIONS, MockVpc, MockWorld, partitionOf, stableHex } from "./world";

/** The short service id in an endpoint service name (`com.amazonaws.us-east-1.ecr.api` -> `ecr.api`). */
export const serviceNamePrefix = /^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\./;

/** The ARN of an EC2 resource (`arn:aws:ec2:us-east-1:123456789012:vpc/vpc-...`). */
const ec2Arn = (world: MockWorld, kind: string, id: string) => arnOf(world, "ec2", `${kind}/${id}`);

export const ec2Mocks: Record<string, ResourceMock> = {
    // AWS's defaults for a VPC made with CreateVpc: DNS support on, DNS host names off
    // (https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html, "DNS attributes in your VPC").
    "aws:ec2/vpc:Vpc": {
        idPrefix: "vpc-",
        state: (args: MockArgs<InputsOf<aws.ec2.VpcArgs>>, world, id): StateOf<aws.ec2.VpcState> => {
            const vpc: MockVpc = {
                id,
                cidrBlock: args.inputs.cidrBlock ?? "10.0.0.0/16",
                enableDnsSupport: args.inputs.enableDnsSupport ?? true,
                enableDnsHostnames: args.inputs.enableDnsHostnames ?? false,
                dhcpOptionsId: DEFAULT_DHCP_OPTIONS,
            };
            world.vpcs[id] = vpc;
            return {
                cidrBlock: vpc.cidrBlock,
                enableDnsSupport: vpc.enableDnsSupport,
                enableDnsHostnames: vpc.enableDnsHostnames,
                dhcpOptionsId: vpc.dhcpOptionsId,
                arn: ec2Arn(world, "vpc", id),
                defaultSecurityGroupId: `sg-${stableHex(`default:${id}`, 17)}`,
                mainRouteTableId: `rtb-${stableHex(`main:${id}`, 17)}`,
                ownerId: world.accountId,
            };
        },
    },
    "aws:ec2/subnet:Subnet": {
        idPrefix: "subnet-",
        state: (args: MockArgs<InputsOf<aws.ec2.SubnetArgs>>, world, id): StateOf<aws.ec2.SubnetState> => {
            const availabilityZone: string = args.inputs.availabilityZone ?? azsOf(world.region)[0];
            const state = { vpcId: args.inputs.vpcId, cidrBlock: args.inputs.cidrBlock, availabilityZone, availabilityZoneId: azIdOf(availabilityZone) };
            world.subnets[id] = { id, ...state };
            return { arn: ec2Arn(world, "subnet", id), ...state };
        },
    },
    "aws:ec2/securityGroup:SecurityGroup": {
        idPrefix: "sg-",
        state: (_args, world, id): StateOf<aws.ec2.SecurityGroupState> => ({ arn: ec2Arn(world, "security-group", id), ownerId: world.accountId }),
    },
    // Interface endpoints get a regional and one zonal DNS name per subnet under vpce.<dns suffix>, plus the
    // service's own name with private DNS; gateway endpoints get the service's prefix list instead
    // (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html, "DNS hostnames").
    "aws:ec2/vpcEndpoint:VpcEndpoint": {
        idPrefix: "vpce-",
        state: (args: MockArgs<InputsOf<aws.ec2.VpcEndpointArgs>>, world, id): StateOf<aws.ec2.VpcEndpointState> => {
            const serviceName: string = args.inputs.serviceName ?? "";
            const service = serviceName.replace(serviceNamePrefix, "");
            const { dnsSuffix } = partitionOf(world.region);
            const common: StateOf<aws.ec2.VpcEndpointState> = { arn: ec2Arn(world, "vpc-endpoint", id), ownerId: world.accountId, state: "available", requesterManaged: false };
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
    },
    "aws:ec2/routeTable:RouteTable": { idPrefix: "rtb-" },
    "aws:ec2/internetGateway:InternetGateway": { idPrefix: "igw-" },
    "aws:ec2/natGateway:NatGateway": { idPrefix: "nat-" },
    "aws:ec2/managedPrefixList:ManagedPrefixList": { idPrefix: "pl-" },
    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection": { idPrefix: "pcx-" },
    "aws:ec2/instance:Instance": { idPrefix: "i-" },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": { idPrefix: "sgr-" },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": { idPrefix: "sgr-" },
};
