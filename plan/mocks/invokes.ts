// The fake AWS's provider functions (data sources), by token, each answer typed against the provider's own
// `Get...Result`. Look-ups of ids the world does not hold get assumed answers (world.ts); a look-up AWS itself would
// refuse (an endpoint service it does not offer) fails with a message naming the look-up, the value and what to do.
import type * as aws from "@pulumi/aws";
import { endpointServiceName } from "../../aws/regions";
import { endpointCatalog } from "../../vpcEndpoints/services";
import { findClosestKey } from "../engine/projectSchema";
import { serviceNamePrefix } from "./ec2";
import { CallHandler, InputsOf } from "./types";
import { arnOf, azIdOf, azsOf, dhcpServersOf, MockWorld, partitionOf, stableHex, subnetOf, vpcOf } from "./world";

function describeVpc(world: MockWorld, id: string): Partial<aws.ec2.GetVpcResult> {
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

/** Why AWS has no endpoint service `service` here, with the nearest real ones and how to state one the account has. */
function unknownService(service: string, requested: string[], world: MockWorld): Error {
    const ids = Object.keys(endpointCatalog);
    const family = ids.filter((id) => id.startsWith(`${service}.`));
    const near = family.length > 0 ? family : [findClosestKey(service, ids)].filter((id) => id !== "");
    return new Error(
        `aws.ec2.getVpcEndpointService: AWS offers no endpoint service ${service} in ${world.region} (looked up as ${requested[0]})` +
            `${near.length > 0 ? ` (did you mean ${near.join(" or ")}?)` : ""}; use a service id AWS offers, or state the ` +
            `service your account has under endpointServices in a --world file`,
    );
}

export const callHandlers: Record<string, CallHandler> = {
    "aws:index/getRegion:getRegion": (_inputs, world): Partial<aws.GetRegionResult> => ({
        id: world.region,
        name: world.region,
        region: world.region,
        endpoint: `ec2.${world.region}.${partitionOf(world.region).dnsSuffix}`,
        description: world.region,
    }),
    "aws:index/getPartition:getPartition": (_inputs, world): Partial<aws.GetPartitionResult> => {
        const { partition, dnsSuffix } = partitionOf(world.region);
        return { id: partition, partition, dnsSuffix, reverseDnsPrefix: dnsSuffix.split(".").reverse().join(".") };
    },
    "aws:index/getCallerIdentity:getCallerIdentity": (_inputs, world): Partial<aws.GetCallerIdentityResult> => ({
        id: world.accountId,
        accountId: world.accountId,
        arn: `arn:${partitionOf(world.region).partition}:iam::${world.accountId}:role/platform-deployer`,
        userId: "AROAEXAMPLEID:platform",
    }),
    // An organization's ARN is in the management account's partition
    // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsorganizations.html, "organization").
    "aws:organizations/getOrganization:getOrganization": (_inputs, world): Partial<aws.organizations.GetOrganizationResult> => ({
        id: world.organizationId,
        arn: `arn:${partitionOf(world.region).partition}:organizations::${world.accountId}:organization/${world.organizationId}`,
        masterAccountId: world.accountId,
    }),
    "aws:ec2/getVpc:getVpc": (inputs: InputsOf<aws.ec2.GetVpcArgs>, world): Partial<aws.ec2.GetVpcResult> => describeVpc(world, inputs.id ?? Object.keys(world.vpcs)[0]),
    "aws:ec2/getVpcDhcpOptions:getVpcDhcpOptions": (inputs: InputsOf<aws.ec2.GetVpcDhcpOptionsArgs>, world): Partial<aws.ec2.GetVpcDhcpOptionsResult> => {
        const id = inputs.dhcpOptionsId;
        if (id === undefined) throw new Error("aws.ec2.getVpcDhcpOptions: the offline plan answers a look-up by dhcpOptionsId only");
        return { id, dhcpOptionsId: id, domainNameServers: dhcpServersOf(world, id), ownerId: world.accountId };
    },
    "aws:ec2/getSubnet:getSubnet": (inputs: InputsOf<aws.ec2.GetSubnetArgs>, world): Partial<aws.ec2.GetSubnetResult> => {
        if (inputs.id === undefined) throw new Error("aws.ec2.getSubnet: the offline plan answers a look-up by id only");
        const subnet = subnetOf(world, inputs.id);
        return { ...subnet, arn: arnOf(world, "ec2", `subnet/${subnet.id}`), ownerId: world.accountId };
    },
    "aws:index/getAvailabilityZones:getAvailabilityZones": (_inputs, world): Partial<aws.GetAvailabilityZonesResult> => ({
        id: world.region,
        names: azsOf(world.region),
        zoneIds: azsOf(world.region).map(azIdOf),
    }),
    // Like the provider: `service` only tries com.amazonaws.<region>.<service>, while `serviceName` and a
    // `service-name` filter match exact names (AWS China names some services cn.com.amazonaws.<region>.<id>).
    "aws:ec2/getVpcEndpointService:getVpcEndpointService": (inputs: InputsOf<aws.ec2.GetVpcEndpointServiceArgs>, world): Partial<aws.ec2.GetVpcEndpointServiceResult> => {
        const filtered = (inputs.filters ?? []).filter((f) => f.name === "service-name").flatMap((f) => f.values);
        const requested: string[] = inputs.serviceName
            ? [inputs.serviceName]
            : inputs.service
              ? [`com.amazonaws.${world.region}.${inputs.service}`]
              : filtered;
        const service: string = inputs.service ?? (requested[0] ?? "").replace(serviceNamePrefix, "");
        const override = world.endpointServices[service];
        if (!override && !endpointCatalog[service]) throw unknownService(service, requested, world);
        const serviceName = override?.serviceName ?? endpointServiceName(service, world.region);
        if (!requested.includes(serviceName)) {
            throw new Error(`aws.ec2.getVpcEndpointService: no endpoint service named ${requested.join(" or ")} in ${world.region}; AWS names it ${serviceName}`);
        }
        return {
            id: serviceName,
            service,
            serviceName,
            serviceType: override?.serviceType ?? inputs.serviceType ?? "Interface",
            availabilityZones: override?.availabilityZones ?? azsOf(world.region),
            owner: "amazon",
            acceptanceRequired: false,
            privateDnsName: `${service}.${world.region}.${partitionOf(world.region).dnsSuffix}`,
            vpcEndpointPolicySupported: true,
        };
    },
};
