// Route 53 Resolver in the fake AWS: endpoints get one IP per listed subnet, rules and associations their ids
// (https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_CreateResolverEndpoint.html).
import type * as aws from "@pulumi/aws";
import { InputsOf, MockArgs, ResourceMock, StateOf } from "./types";
import { arnOf, stableHex } from "./world";

export const route53ResolverMocks: Record<string, ResourceMock> = {
    // AWS picks a free address in the subnet's CIDR when the request names none (IpAddressRequest, Ip).
    "aws:route53/resolverEndpoint:ResolverEndpoint": {
        idPrefix: (inputs) => (inputs.direction === "OUTBOUND" ? "rslvr-out-" : "rslvr-in-"),
        state: (args: MockArgs<InputsOf<aws.route53.ResolverEndpointArgs>>, world, id): StateOf<aws.route53.ResolverEndpointState> => {
            const ips = args.inputs.ipAddresses ?? [];
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
            };
        },
    },
    "aws:route53/resolverRule:ResolverRule": {
        idPrefix: "rslvr-rr-",
        state: (_args, world, id): StateOf<aws.route53.ResolverRuleState> => ({
            arn: arnOf(world, "route53resolver", `resolver-rule/${id}`),
            ownerId: world.accountId,
            shareStatus: "NOT_SHARED",
        }),
    },
    "aws:route53/resolverRuleAssociation:ResolverRuleAssociation": {
        idPrefix: "rslvr-rrassoc-",
        state: (args: MockArgs<InputsOf<aws.route53.ResolverRuleAssociationArgs>>): StateOf<aws.route53.ResolverRuleAssociationState> => ({ name: args.inputs.name ?? "", resolverRuleId: args.inputs.resolverRuleId, vpcId: args.inputs.vpcId }),
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
