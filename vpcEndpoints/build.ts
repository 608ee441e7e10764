// The one VPC endpoint builder behind PrivateClusterEndpoints, EcrEndpoints and StsEndpoint: turns a checked plan
// (vpcEndpoints/plan.ts) into resources. Nothing is registered before the VPC and subnet look-up check passes:
// every child takes the checked VPC id or the checked placement as an input, so a failed check leaves none.
//
// Outputs are what a plan of many clusters spends its time on (the SDK's promise jobs and garbage), so each
// component derives few: the service look-ups are shared by every component of a provider (serviceLookups.ts),
// the subnet check and every endpoint's placement are one Output, each interface endpoint reads its subnets from
// it, the descriptions are one Output over the endpoints' attributes, and the default policies one Output. Values
// are combined with shared/outputs.ts applyEach, not pulumi.all.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CheckedEndpointArgs, DefaultEndpointPolicy, PolicyScope, S3InterfaceDns, restrictedEndpointPolicy } from "./args";
import { EndpointType, SubnetAz, endpointChildName, onePerAz, placeEndpoint } from "./services";
import { endpointAzWarning, limitAzs } from "./azs";
import { BuiltEndpoints, EndpointAttributes, Placements, describeEndpoints, endpointCosts, placed, zonesByKey } from "./outputs";
import { S3_GATEWAY_KEY, createsSecurityGroup, endpointGroupName, endpointPorts, plannedEndpoints, plannedPeers, vpcCidrsListName } from "./plan";
import { EndpointKey, ServiceFacts, providerRegion, serviceName, serviceNames, serviceSet } from "./serviceLookups";
import { InputError } from "../shared/errors";
import { singleAzEndpointWarning } from "../shared/azChecks";
import { InputSite, checkedAt } from "../shared/validatedInput";
import { applyEach } from "../shared/outputs";
import { lookup } from "../shared/lookups";
import { securityGroupRules } from "../shared/securityGroupRuleResources";

export { DefaultEndpointPolicy, S3InterfaceDns, checkEndpointArgs } from "./args";
export type { CheckedEndpointArgs, EndpointNetworkArgs } from "./args";
export type { BuiltEndpoints, EndpointDescription, EndpointDnsEntry } from "./outputs";
export { regionalStsUrl } from "./serviceLookups";

/** The VPC and subnets after the look-up check: the VPC id, its CIDR blocks, and one subnet per AZ used. */
interface CheckedNetwork {
    vpcId: string;
    cidrs: string[];
    chosen: SubnetAz[];
}

const fail = (site: InputSite, arg: string, message: string): never =>
    checkedAt<never>(site, () => {
        throw new InputError(arg, message);
    });

/**
 * Looks the VPC and subnets up and checks them: private DNS needs the VPC's DNS attributes, and every subnet must
 * be in the VPC. Logs the endpointAzs warning. Fails as a ResourceError on the component.
 */
function checkNetwork(a: CheckedEndpointArgs, site: InputSite, interfaceCount: number): pulumi.Output<CheckedNetwork> {
    const parent = site.resource;
    return applyEach([a.vpcId(site), a.subnetIds(site)], ([vpcId, ids]) => {
        const vpcOut = lookup(aws.ec2.getVpcOutput, { id: vpcId }, parent);
        const subnetOuts = [...new Set(ids)].map((id) => lookup(aws.ec2.getSubnetOutput, { id }, parent));
        return applyEach([vpcOut, ...subnetOuts], ([vpc, ...subnets]): CheckedNetwork => {
            // Private DNS for an interface endpoint is a private hosted zone associated with the VPC: AWS refuses it
            // unless the VPC has both DNS support and DNS host names on.
            if (a.privateDnsEnabled && !(vpc.enableDnsSupport && vpc.enableDnsHostnames)) {
                fail(site, "vpcId", `${vpc.id} needs enableDnsSupport and enableDnsHostnames true for private DNS on interface endpoints (or set privateDnsEnabled: false)`);
            }
            const foreign = subnets.find((s) => s.vpcId !== vpc.id);
            if (foreign) fail(site, "subnetIds", `${foreign.id} is in ${foreign.vpcId}, not in ${vpc.id}`);
            const all = onePerAz(subnets.map((s) => ({ subnetId: s.id, availabilityZone: s.availabilityZone })));
            const chosen = limitAzs(all, a.endpointAzs);
            const warning = endpointAzWarning({
                nodeAzs: all.map((s) => s.availabilityZone),
                endpointAzs: chosen.map((s) => s.availabilityZone),
                interfaceCount,
                usdPerAzHour: a.usdPerAzHour,
            });
            if (warning !== undefined) void pulumi.log.warn(warning, parent);
            return { vpcId: vpc.id, cidrs: vpc.cidrBlockAssociations.map((x) => x.cidrBlock).sort(), chosen };
        });
    });
}

/** Every interface endpoint's placement (or why it has none), logging the AZ advice once per endpoint. */
function placeAll(endpoints: EndpointKey[], network: CheckedNetwork, facts: Record<string, ServiceFacts>, parent: pulumi.Resource): Placements {
    const placements: Placements = {};
    for (const { key, service, type } of endpoints) {
        if (type !== EndpointType.Interface) continue;
        try {
            const p = placeEndpoint(service, facts[key].availabilityZones, network.chosen);
            if (p.missingAzs.length > 0) {
                void pulumi.log.warn(`${service} is not offered in ${p.missingAzs.join(", ")}; nodes there reach its endpoint in another AZ`, parent);
            }
            const oneAz = singleAzEndpointWarning(service, p.availabilityZones);
            if (oneAz) void pulumi.log.warn(oneAz, parent);
            placements[key] = p;
        } catch (err) {
            if (!(err instanceof InputError)) throw err;
            placements[key] = { error: err };
        }
    }
    return placements;
}

/** The restricted default policy's scope (organization or account), when defaultPolicy asks for one. */
function policyScope(a: CheckedEndpointArgs, parent: pulumi.Resource): pulumi.Output<PolicyScope> | undefined {
    if (a.defaultPolicy === DefaultEndpointPolicy.Organization) {
        return lookup(aws.organizations.getOrganizationOutput, {}, parent).id.apply((id): PolicyScope => ({ policy: DefaultEndpointPolicy.Organization, id }));
    }
    if (a.defaultPolicy === DefaultEndpointPolicy.Account) {
        return lookup(aws.getCallerIdentityOutput, {}, parent).accountId.apply((id): PolicyScope => ({ policy: DefaultEndpointPolicy.Account, id }));
    }
    return undefined;
}

/** Creates the endpoints of a checked plan under `parent`. */
export function buildVpcEndpoints(parent: pulumi.Resource, a: CheckedEndpointArgs): BuiltEndpoints {
    const { name, plan } = a;
    const opts = { parent };
    const site = { component: a.component, name, resource: parent };
    const keys = plannedEndpoints(a);
    const interfaceCount = plan.create.filter((e) => e.type === EndpointType.Interface).length;
    const facts = serviceSet(keys, parent);
    const hybridS3 = a.s3InterfaceDns === S3InterfaceDns.InboundResolverOnly;
    const routeTableIds = hybridS3 || plan.create.some((e) => e.type === EndpointType.Gateway) ? a.routeTableIds(site) : [];

    // Without interface endpoints there is no look-up to wait for; with them, every child waits for the check.
    const network = interfaceCount > 0 ? checkNetwork(a, site, interfaceCount) : undefined;
    const vpcId: pulumi.Input<string> = network ? network.apply((n) => n.vpcId) : a.vpcId(site);
    const placements: pulumi.Output<Placements> = network
        ? applyEach([network, facts], ([n, f]) => placeAll(keys, n, f, parent))
        : pulumi.output({} as Placements);

    let securityGroupIds: pulumi.Input<pulumi.Input<string>[]> = a.securityGroupIds?.(site) ?? [];
    let securityGroupId: pulumi.Output<string | undefined> = pulumi.output(undefined);
    if (network && createsSecurityGroup(a)) {
        // Interface endpoints are network interfaces in the VPC: callers reach them on HTTPS only, and the guide
        // requires the node subnets' CIDRs or the node security group to be allowed (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html,
        // Considerations). Responses need no egress rule (security groups are stateful).
        const sg = new aws.ec2.SecurityGroup(
            endpointGroupName(name),
            { vpcId, description: "Interface VPC endpoints: HTTPS from the cluster VPC", tags: { Name: endpointGroupName(name) } },
            opts,
        );
        let listId: pulumi.Input<string> = "";
        if (a.vpcCidrs) {
            // The VPC's CIDR blocks are only known after the look-up, so they go in a prefix list: one rule, updated
            // in place when a block is added (pods on a secondary CIDR need the endpoints too).
            const list = new aws.ec2.ManagedPrefixList(
                vpcCidrsListName(name),
                {
                    name: vpcCidrsListName(name),
                    addressFamily: "IPv4",
                    maxEntries: network.apply((n) => n.cidrs.length),
                    entries: network.apply((n) => n.cidrs.map((cidr) => ({ cidr, description: "VPC CIDR block" }))),
                },
                opts,
            );
            listId = list.id;
        }
        securityGroupRules("ingress", endpointGroupName(name), sg.id, plannedPeers(a, listId), endpointPorts, opts);
        securityGroupIds = [sg.id];
        securityGroupId = sg.id;
    }

    const scope = policyScope(a, parent);
    const partition = scope ? lookup(aws.getPartitionOutput, {}, parent).partition : undefined;
    // The restricted default policy of every endpoint without its own, by key: one Output for the component, made
    // when the first endpoint needs it.
    let defaults: pulumi.Output<Record<string, string | undefined>> | undefined;
    const defaultPolicies = (sc: pulumi.Output<PolicyScope>, part: pulumi.Output<string>) =>
        (defaults ??= applyEach([facts, sc, part, providerRegion(parent)], ([f, s, p, r]) =>
            Object.fromEntries(
                keys.map(({ key, service }) => {
                    const supported = f[key].vpcEndpointPolicySupported;
                    return [key, supported ? restrictedEndpointPolicy(service, s, p, r) : undefined];
                }),
            ),
        ));
    const policyOf = (key: string, service: string): pulumi.Input<string> | undefined => {
        const own = a.policies[service]?.(site);
        if (own !== undefined || !scope || !partition) return own;
        return defaultPolicies(scope, partition).apply((d) => d[key]) as pulumi.Output<string>;
    };

    // s3InterfaceDns inboundResolverOnly: AWS requires the S3 gateway endpoint before the interface endpoint whose
    // private DNS then only answers inbound Resolver queries (vpcEndpoints/args.ts, S3InterfaceDns).
    let s3Gateway: aws.ec2.VpcEndpoint | undefined;
    const created = keys.map(({ key, service, type }) => {
        const common = { vpcId, serviceName: serviceName(service, type, parent), vpcEndpointType: type, policy: policyOf(key, service), tags: { Name: endpointChildName(name, key) } };
        if (type === EndpointType.Gateway) {
            const gateway = new aws.ec2.VpcEndpoint(endpointChildName(name, key), { ...common, routeTableIds }, opts);
            if (key === S3_GATEWAY_KEY) s3Gateway = gateway;
            return gateway;
        }
        // Said either way for S3, as AWS's default (inbound Resolver only) refuses the endpoint without a gateway.
        const dnsOptions = service === "s3" && a.s3InterfaceDns !== undefined ? { privateDnsOnlyForInboundResolverEndpoint: hybridS3 } : undefined;
        return new aws.ec2.VpcEndpoint(
            endpointChildName(name, key),
            {
                ...common,
                subnetIds: placements.apply((p) => checkedAt(site, () => placed(p, key).subnetIds)),
                securityGroupIds,
                privateDnsEnabled: a.privateDnsEnabled,
                ...(dnsOptions ? { dnsOptions } : {}),
            },
            service === "s3" && s3Gateway ? { ...opts, dependsOn: [s3Gateway] } : opts,
        );
    });

    const availabilityZones = placements.apply((p) => checkedAt(site, () => zonesByKey(keys, p)));
    const names = serviceNames(keys, parent);
    const attributes: pulumi.Output<string | EndpointAttributes["dnsEntries"]>[] = created.map((e, i) => (keys[i].type === EndpointType.Gateway ? e.prefixListId : e.dnsEntries));
    const endpoints = applyEach([names, availabilityZones, ...created.map((e) => e.id), ...attributes], ([n, zones, ...values]) => {
        const ids = values.slice(0, created.length) as string[];
        const attrs = ids.map((id, i): EndpointAttributes => {
            const extra = values[created.length + i];
            return keys[i].type === EndpointType.Gateway ? { id, prefixListId: extra as string } : { id, dnsEntries: extra as EndpointAttributes["dnsEntries"] };
        });
        return describeEndpoints(keys, n, zones, attrs, a.usdPerAzHour);
    });
    const cost = (z: Record<string, string[]>) => endpointCosts(plan.create, z, a.usdPerAzHour);
    return {
        endpoints,
        endpointIds: endpoints.apply((e) => Object.fromEntries(Object.entries(e).map(([s, d]) => [s, d.id]))),
        serviceNames: names,
        availabilityZones,
        securityGroupId,
        monthlyCostUsd: availabilityZones.apply((z) => cost(z).monthlyCostUsd),
        costPerAzUsd: availabilityZones.apply((z) => cost(z).costPerAzUsd),
    };
}
