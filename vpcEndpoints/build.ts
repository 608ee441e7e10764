// The one VPC endpoint builder behind PrivateClusterEndpoints, EcrEndpoints and StsEndpoint (arguments are
// checked in vpcEndpoints/args.ts): service-name look-ups, AZ placement, the endpoints' security group and
// policies, and the outputs every endpoint component shares.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CheckedEndpointArgs, DefaultEndpointPolicy, PolicyScope, S3InterfaceDns, restrictedEndpointPolicy } from "./args";
import { EndpointType, SubnetAz, endpointChildName, endpointMonthlyCostUsd, monthlyCostUsd, onePerAz, placeEndpoint } from "./services";
import { costPerAzUsd, endpointAzWarning, limitAzs } from "./azs";
import { InputError } from "../shared/errors";
import { singleAzEndpointWarning } from "../shared/azChecks";
import { checkedAt } from "../shared/validatedInput";
import { regionalStsEndpoint } from "../aws/privateClusterChecklist";
import { lookup } from "../shared/lookups";
import { securityGroupRules } from "../shared/securityGroupRuleResources";

export { DefaultEndpointPolicy, S3InterfaceDns, checkEndpointArgs } from "./args";
export type { CheckedEndpointArgs, EndpointNetworkArgs } from "./args";

/** What the components output for each endpoint, keyed by service id. */
/** One DNS name of an endpoint (regional, zonal or private). */
export interface EndpointDnsEntry {
    /** The DNS name (`vpce-…-….ecr.api.us-east-1.vpce.amazonaws.com`, or the service's private DNS name). */
    dnsName: string;
    /** The Route 53 hosted zone that holds the name (for alias records). */
    hostedZoneId: string;
}

/** What was created for one service. */
export interface EndpointDescription {
    /** The endpoint id (`vpce-…`). */
    id: string;
    /** "Interface" or "Gateway". */
    type: EndpointType;
    /** The AWS service name the region's look-up returned (`com.amazonaws.us-east-1.ecr.api`, `cn.com.amazonaws.…`). */
    serviceName: string;
    /** DNS names of an interface endpoint (regional, zonal, and the private DNS name when on), with hosted zone ids. */
    dnsEntries: EndpointDnsEntry[];
    /** AZs an interface endpoint has a subnet in; empty for gateway endpoints. */
    availabilityZones: string[];
    /** The gateway endpoint's prefix list (for security group and NACL rules); empty for interface endpoints. */
    prefixListId: string;
    /** Estimated USD a month for this endpoint: its AZ-hours for an interface endpoint, 0 for a gateway. */
    monthlyCostUsd: number;
}

export interface BuiltEndpoints {
    endpoints: pulumi.Output<Record<string, EndpointDescription>>;
    endpointIds: pulumi.Output<Record<string, string>>;
    serviceNames: pulumi.Output<Record<string, string>>;
    /** Per service: AZs of an interface endpoint (from the placement, so placement errors show here first). */
    availabilityZones: pulumi.Output<Record<string, string[]>>;
    securityGroupId: pulumi.Output<string | undefined>;
    monthlyCostUsd: pulumi.Output<number>;
    /** Monthly USD per AZ of the interface endpoints, by AZ. */
    costPerAzUsd: pulumi.Output<Record<string, number>>;
}

/**
 * AWS names most endpoint services `com.amazonaws.<region>.<id>`, but some in the China regions
 * `cn.com.amazonaws.<region>.<id>` (both exist there for S3: the gateway and the interface). The provider's
 * `service` argument only tries the first form (terraform-provider-aws builds `com.amazonaws.<region>.<service>`
 * in its aws_vpc_endpoint_service data source), so the look-up filters on both names and lets AWS say which one
 * exists for the endpoint type. The answer is the same for every cluster of a region, so it is looked up once
 * per provider (lookups.ts).
 */
function lookupService(service: string, type: EndpointType, region: pulumi.Output<string>, parent: pulumi.Resource) {
    const values = region.apply((r) => [`com.amazonaws.${r}.${service}`, `cn.com.amazonaws.${r}.${service}`]);
    return lookup(aws.ec2.getVpcEndpointServiceOutput, { serviceType: type, filters: [{ name: "service-name", values }] }, parent);
}

/** Creates the endpoints of a checked plan under `parent`. */
export function buildVpcEndpoints(parent: pulumi.Resource, a: CheckedEndpointArgs): BuiltEndpoints {
    const { name, plan } = a;
    const opts = { parent };
    const interfaces = plan.create.filter((e) => e.type === EndpointType.Interface);
    const region = lookup(aws.getRegionOutput, {}, parent).region;
    const site = { component: a.component, name, resource: parent };
    const fail = (arg: string, message: string): never =>
        checkedAt<never>(site, () => {
            throw new InputError(arg, message);
        });
    const vpcId = a.vpcId(site);
    const hybridS3 = a.s3InterfaceDns === S3InterfaceDns.InboundResolverOnly;
    const routeTableIds = hybridS3 || plan.create.some((e) => e.type === EndpointType.Gateway) ? a.routeTableIds(site) : [];

    let chosen: pulumi.Output<SubnetAz[]> = pulumi.output([]);
    let securityGroupIds: pulumi.Input<pulumi.Input<string>[]> = a.securityGroupIds?.(site) ?? [];
    let securityGroupId: pulumi.Output<string | undefined> = pulumi.output(undefined);
    if (interfaces.length > 0) {
        const vpc = lookup(aws.ec2.getVpcOutput, { id: vpcId }, parent);
        // Private DNS for an interface endpoint is a private hosted zone associated with the VPC: AWS refuses it
        // unless the VPC has both DNS support and DNS host names on.
        const vpcReady = vpc.apply((v) => {
            if (a.privateDnsEnabled && !(v.enableDnsSupport && v.enableDnsHostnames)) {
                fail("vpcId", `${v.id} needs enableDnsSupport and enableDnsHostnames true for private DNS on interface endpoints (or set privateDnsEnabled: false)`);
            }
            return v.id;
        });
        chosen = pulumi.all([vpcReady, a.subnetIds(site)]).apply(([vpcId, ids]) =>
            pulumi.all([...new Set(ids)].map((id) => lookup(aws.ec2.getSubnetOutput, { id }, parent))).apply((subnets) => {
                const foreign = subnets.find((s) => s.vpcId !== vpcId);
                if (foreign) fail("subnetIds", `${foreign.id} is in ${foreign.vpcId}, not in ${vpcId}`);
                const all = onePerAz(subnets.map((s) => ({ subnetId: s.id, availabilityZone: s.availabilityZone })));
                const used = limitAzs(all, a.endpointAzs);
                const warning = endpointAzWarning({
                    nodeAzs: all.map((s) => s.availabilityZone),
                    endpointAzs: used.map((s) => s.availabilityZone),
                    interfaceCount: interfaces.length,
                    usdPerAzHour: a.usdPerAzHour,
                });
                if (warning !== undefined) void pulumi.log.warn(warning, parent);
                return used;
            }),
        );
        if (a.securityGroupIds === undefined) {
            // Interface endpoints are network interfaces in the VPC: callers reach them on HTTPS only, and the
            // guide requires the node subnets' CIDRs or the node security group to be allowed (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html,
            // Considerations). Responses need no egress rule (security groups are stateful).
            const sg = new aws.ec2.SecurityGroup(
                `${name}-endpoints`,
                { vpcId, description: "Interface VPC endpoints: HTTPS from the cluster VPC", tags: { Name: `${name}-endpoints` } },
                opts,
            );
            const peers = [...a.sources];
            if (a.vpcCidrs) {
                // The VPC's CIDR blocks are only known after a look-up, so they go in a prefix list: one rule,
                // updated in place when a block is added (pods on a secondary CIDR need the endpoints too).
                const cidrs = vpc.cidrBlockAssociations.apply((assocs) => assocs.map((x) => x.cidrBlock).sort());
                const list = new aws.ec2.ManagedPrefixList(
                    `${name}-vpc-cidrs`,
                    {
                        name: `${name}-vpc-cidrs`,
                        addressFamily: "IPv4",
                        maxEntries: cidrs.apply((c) => c.length),
                        entries: cidrs.apply((c) => c.map((cidr) => ({ cidr, description: "VPC CIDR block" }))),
                    },
                    opts,
                );
                peers.unshift({ key: "vpc-cidrs", prefixListId: list.id });
            }
            securityGroupRules("ingress", `${name}-endpoints`, sg.id, peers, [{ protocol: "tcp", port: 443, purpose: "HTTPS to VPC endpoints" }], opts);
            securityGroupIds = [sg.id];
            securityGroupId = sg.id;
        }
    }

    let scope: pulumi.Output<PolicyScope> | undefined;
    if (a.defaultPolicy === DefaultEndpointPolicy.Organization) {
        scope = lookup(aws.organizations.getOrganizationOutput, {}, parent).id.apply((id): PolicyScope => ({ policy: DefaultEndpointPolicy.Organization, id }));
    } else if (a.defaultPolicy === DefaultEndpointPolicy.Account) {
        scope = lookup(aws.getCallerIdentityOutput, {}, parent).accountId.apply((id): PolicyScope => ({ policy: DefaultEndpointPolicy.Account, id }));
    }
    const partition = scope ? lookup(aws.getPartitionOutput, {}, parent).partition : pulumi.output("");

    // Outputs cost promises (the SDK's machinery dominates a plan of many clusters): each endpoint gets the
    // Outputs its inputs and placement need, and the descriptions are one Output for the component.
    const names: Record<string, pulumi.Output<string>> = {};
    const azs: Record<string, pulumi.Output<string[]>> = {};
    const created: { service: string; type: EndpointType; endpoint: aws.ec2.VpcEndpoint }[] = [];
    const serviceAndPolicy = (service: string, type: EndpointType) => {
        const found = lookupService(service, type, region, parent);
        const own = a.policies[service]?.(site);
        const policy =
            own !== undefined
                ? own
                : scope
                  ? pulumi
                        .all([found.vpcEndpointPolicySupported, scope, partition, region])
                        .apply(([supported, sc, p, r]) => (supported ? restrictedEndpointPolicy(service, sc, p, r) : undefined))
                  : undefined;
        return { found, policy };
    };
    // s3InterfaceDns inboundResolverOnly: AWS requires the S3 gateway endpoint before the interface endpoint whose
    // private DNS then only answers inbound Resolver queries (vpcEndpoints/args.ts, S3InterfaceDns).
    let s3Gateway: aws.ec2.VpcEndpoint | undefined;
    if (hybridS3) {
        const key = "s3-gateway";
        const { found, policy } = serviceAndPolicy("s3", EndpointType.Gateway);
        names[key] = found.serviceName;
        azs[key] = pulumi.output([]);
        s3Gateway = new aws.ec2.VpcEndpoint(
            endpointChildName(name, key),
            { vpcId, serviceName: found.serviceName, vpcEndpointType: EndpointType.Gateway, policy, routeTableIds, tags: { Name: endpointChildName(name, key) } },
            opts,
        );
        created.push({ service: key, type: EndpointType.Gateway, endpoint: s3Gateway });
    }
    for (const planned of plan.create) {
        const { service, type } = planned;
        const { found, policy } = serviceAndPolicy(service, type);
        const serviceName = found.serviceName;
        names[service] = serviceName;
        const common = { vpcId, serviceName, vpcEndpointType: type, policy, tags: { Name: endpointChildName(name, service) } };
        let endpoint: aws.ec2.VpcEndpoint;
        if (type === EndpointType.Interface) {
            const placement = pulumi.all([chosen, found.availabilityZones]).apply(([c, offered]) => {
                const p = checkedAt(site, () => placeEndpoint(service, offered, c));
                if (p.missingAzs.length > 0) {
                    void pulumi.log.warn(`${service} is not offered in ${p.missingAzs.join(", ")}; nodes there reach its endpoint in another AZ`, parent);
                }
                const oneAz = singleAzEndpointWarning(service, p.availabilityZones);
                if (oneAz) void pulumi.log.warn(oneAz, parent);
                return p;
            });
            azs[service] = placement.availabilityZones;
            // Said either way for S3, as AWS's default (inbound Resolver only) refuses the endpoint without a gateway.
            const dnsOptions = service === "s3" && a.s3InterfaceDns !== undefined ? { privateDnsOnlyForInboundResolverEndpoint: hybridS3 } : undefined;
            endpoint = new aws.ec2.VpcEndpoint(
                endpointChildName(name, service),
                { ...common, subnetIds: placement.subnetIds, securityGroupIds, privateDnsEnabled: a.privateDnsEnabled, ...(dnsOptions ? { dnsOptions } : {}) },
                service === "s3" && s3Gateway ? { ...opts, dependsOn: [s3Gateway] } : opts,
            );
        } else {
            azs[service] = pulumi.output([]);
            endpoint = new aws.ec2.VpcEndpoint(endpointChildName(name, service), { ...common, routeTableIds }, opts);
        }
        created.push({ service, type, endpoint });
    }

    const serviceNames = pulumi.output(names) as pulumi.Output<Record<string, string>>;
    const availabilityZones = pulumi.output(azs) as pulumi.Output<Record<string, string[]>>;
    const endpoints = pulumi
        .all([serviceNames, availabilityZones, pulumi.all(created.map(({ endpoint: e }) => pulumi.all([e.id, e.dnsEntries, e.prefixListId])))])
        .apply(([serviceNameOf, zonesOf, values]) =>
            Object.fromEntries(
                created.map(({ service, type }, i): [string, EndpointDescription] => {
                    const [id, dnsEntries, prefixListId] = values[i];
                    const zones = zonesOf[service];
                    return [
                        service,
                        {
                            id,
                            type,
                            serviceName: serviceNameOf[service],
                            dnsEntries: (dnsEntries ?? []).map((d) => ({ dnsName: d.dnsName, hostedZoneId: d.hostedZoneId })),
                            availabilityZones: zones,
                            prefixListId: type === EndpointType.Gateway ? (prefixListId ?? "") : "",
                            monthlyCostUsd: endpointMonthlyCostUsd(type, zones.length, a.usdPerAzHour),
                        },
                    ];
                }),
            ),
        );
    return {
        endpoints,
        endpointIds: endpoints.apply((e) => Object.fromEntries(Object.entries(e).map(([s, d]) => [s, d.id]))),
        serviceNames,
        availabilityZones,
        securityGroupId,
        // The S3 gateway of s3InterfaceDns inboundResolverOnly is free, so the plan's endpoints are the whole cost.
        monthlyCostUsd: availabilityZones.apply((z) =>
            monthlyCostUsd(
                plan.create.map((e) => ({ type: e.type, azCount: z[e.service].length })),
                a.usdPerAzHour,
            ),
        ),
        costPerAzUsd: availabilityZones.apply((z) => costPerAzUsd(plan.create.filter((e) => e.type === EndpointType.Interface).map((e) => z[e.service]), a.usdPerAzHour)),
    };
}

/** The regional STS endpoint URL for the provider's region and partition. */
export function regionalStsUrl(parent: pulumi.Resource): pulumi.Output<string> {
    const region = lookup(aws.getRegionOutput, {}, parent).region;
    const dnsSuffix = lookup(aws.getPartitionOutput, {}, parent).dnsSuffix;
    return pulumi.all([region, dnsSuffix]).apply(([r, d]) => regionalStsEndpoint(r, d));
}
