// What the inbound and outbound Route 53 Resolver endpoints share: the subnet look-up that proves the endpoint
// spans two Availability Zones, and the endpoint resource itself, created only once that check passes.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../shared/errors";
import { resolverAzReason, subnetAzProblem } from "./resolverChecks";
import { resolverNameFrom } from "./resolverNames";
import { InputSite, checkedAt } from "../shared/validatedInput";
import { lookup } from "../shared/lookups";

/** The two DNS ports every resolver endpoint security group opens (DNS uses TCP for large answers and zone data). */
export const dnsPorts = [
    { protocol: "udp" as const, port: 53, purpose: "DNS" },
    { protocol: "tcp" as const, port: 53, purpose: "DNS" },
];

/**
 * Looks the (checked) subnet ids up once they are known and resolves to them when they span at least two
 * Availability Zones and all lie in `vpcId`; otherwise the Output fails on the component with a message naming
 * `arg` and the fix (`rules`: why, default a Resolver endpoint's). Plain and computed ids get the same check, computed ones when known.
 */
export function checkedSubnetIds(
    site: InputSite,
    subnetIds: pulumi.Input<string[]>,
    vpcId: pulumi.Input<string>,
    arg: string,
    rules = { vpc: "an endpoint's IPs and its security group must be in one VPC", az: resolverAzReason },
): pulumi.Output<string[]> {
    const parent = site.resource;
    return pulumi.output(subnetIds).apply((ids) =>
        pulumi.all([pulumi.all(ids.map((id) => lookup(aws.ec2.getSubnetOutput, { id }, parent))), vpcId]).apply(([subnets, vpc]) =>
            checkedAt(site, () => {
                const elsewhere = subnets.filter((s) => s.vpcId !== vpc);
                if (elsewhere.length > 0) {
                    throw new InputError(
                        arg,
                        `${elsewhere.map((s) => `${s.id} is in ${s.vpcId}`).join(", ")}, not in vpcId ${vpc}; ${rules.vpc}. List subnets of ${vpc}`,
                    );
                }
                const problem = subnetAzProblem(
                    subnets.map((s) => ({ id: s.id, availabilityZone: s.availabilityZone })),
                    arg,
                    rules.az,
                );
                if (problem) throw new InputError(arg, problem.slice(arg.length + 2));
                return ids;
            }),
        ),
    );
}

/**
 * AWS's recommended security group rules for Resolver endpoints, which keep connections untracked (Route 53
 * Developer Guide, "Resolver endpoint scaling":
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/best-practices-resolver-endpoint-scaling.html). Tracked
 * connections are limited per endpoint interface, and with them "the overall maximum queries per second per IP address
 * for an endpoint can be as low as 1500". EC2 tracks no flow that a rule admits from 0.0.0.0/0 while the other
 * direction allows all ports to 0.0.0.0/0 (EC2 User Guide, "Untracked connections"). Inbound endpoint: TCP/UDP 53 in
 * from 0.0.0.0/0, all TCP/UDP ports out to 0.0.0.0/0; outbound endpoint: the reverse. The security group then no
 * longer chooses who may query: routing and network ACLs do.
 */
export const untracked = {
    anywhere: [{ key: "anywhere", cidr: "0.0.0.0/0", version: 4 as const }],
    allPorts: [
        { protocol: "udp" as const, port: 0, toPort: 65535, purpose: "DNS, untracked" },
        { protocol: "tcp" as const, port: 0, toPort: 65535, purpose: "DNS, untracked" },
    ],
};

/** Refuses a CIDR list beside `untrackedConnections`: the untracked rules admit 0.0.0.0/0, so the list would restrict nothing. */
export function checkUntrackedWithout(list: unknown, arg: string, untrackedConnections: boolean | undefined): void {
    if (untrackedConnections === true && list !== undefined) {
        throw new InputError(
            arg,
            "untrackedConnections uses AWS's untracked rules, which admit 0.0.0.0/0, so this list would restrict nothing: drop it and " +
                "limit who reaches the endpoint with routing and network ACLs, or leave untrackedConnections off",
        );
    }
}

export interface EndpointSpec {
    direction: "INBOUND" | "OUTBOUND";
    subnetIds: pulumi.Output<string[]>;
    securityGroupId: pulumi.Input<string>;
    endpointName?: string;
    tags?: Record<string, string>;
}

/**
 * The Route 53 Resolver endpoint, with one automatically chosen IP in each checked subnet, speaking plain DNS; named
 * `endpointName` (checked by the component) or a Resolver-compliant name derived from the resource name.
 */
export function resolverEndpoint(name: string, spec: EndpointSpec, parent: pulumi.Resource): aws.route53.ResolverEndpoint {
    return new aws.route53.ResolverEndpoint(
        `${name}-endpoint`,
        {
            name: spec.endpointName ?? resolverNameFrom(name),
            direction: spec.direction,
            securityGroupIds: [spec.securityGroupId],
            ipAddresses: spec.subnetIds.apply((ids) => ids.map((subnetId) => ({ subnetId }))),
            protocols: ["Do53"],
            tags: spec.tags,
        },
        { parent },
    );
}
