// The common hybrid case in one component (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Solution overview"): an inbound endpoint in the
// cluster VPC, optionally an outbound endpoint in a peered VPC with a forwarding rule for the endpoint's domain,
// the on-premises forwarder configs, and the control-plane security group rule for TCP 443 from the peered and
// on-premises networks, without which the name resolves and connections still fail (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Add a
// rule to the EKS cluster control plane security group"; https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Accessing a private only API server").
import * as pulumi from "@pulumi/pulumi";
import { sumUsd } from "../aws/prices";
import { cidrsOverlap, parseCidr } from "../shared/cidr";
import { checkForwardingLoops, forwardingLoopProblem } from "./checks";
import { inComponent, InputError } from "../shared/errors";
import { ForwarderConfigs, forwarderConfigs } from "./forwarderConfigs";
import { ruleDomain, Scope, validatedEndpointSubnets } from "./resolverChecks";
import { cidrsNameRules } from "../shared/ruleSources";
import { InputSite, checkType, checkedAt, requirePlain, stringList, validatedInput } from "../shared/validatedInput";
import { ClusterDnsForwarding } from "./clusterDnsForwarding";
import { admittedOutboundSubnets, reachableInboundSubnets } from "./reach";
import { keyedSources, securityGroupRules } from "../shared/securityGroupRuleResources";
import { ResolverInboundEndpoint } from "./resolverInboundEndpoint";
import { ResolverOutboundEndpoint } from "./resolverOutboundEndpoint";

export interface HybridDnsAccessArgs {
    /** The cluster endpoint, as a URL (`https://ABC.gr7.us-east-1.eks.amazonaws.com`) or host name. */
    clusterEndpoint: pulumi.Input<string>;
    /** `cluster` (default) forwards the endpoint's host name; `region` forwards the region's EKS domain for every cluster in it (IPv4 endpoints only: a dual-stack `<region>.api.aws` is refused, it is every service's parent). */
    scope?: Scope;
    /** The cluster's control-plane security group (aws.eks.Cluster vpcConfig.clusterSecurityGroupId); gets the TCP 443 rules. */
    clusterSecurityGroupId: pulumi.Input<string>;
    /** The cluster's VPC, where the inbound endpoint goes. */
    clusterVpcId: pulumi.Input<string>;
    /** The cluster VPC's CIDR block, for a VPC with one; with secondary CIDR blocks give `clusterVpcCidrs` instead. A plain string: it names the outbound endpoint's rules. */
    clusterVpcCidr?: string;
    /**
     * Every IPv4 CIDR block of the cluster VPC, primary first: the inbound endpoint's IPs can be in any of them, so the
     * outbound endpoint may send DNS to each, and connected networks must lie outside all. With an outbound endpoint,
     * the inbound subnets are looked up and must lie inside these. Plain strings: each names the outbound endpoint's rules.
     */
    clusterVpcCidrs?: string[];
    /** Two or more cluster VPC subnets in different Availability Zones for the inbound endpoint; ids may be Outputs. */
    inboundSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** CIDRs of peered VPCs that reach the cluster: allowed to query the inbound endpoint and to connect on TCP 443. Plain strings: each names its rules. */
    peeredCidrs?: string[];
    /** CIDRs of on-premises networks (Direct Connect or VPN): allowed to query the inbound endpoint and to connect on TCP 443. Plain strings: each names its rules. */
    onPremisesCidrs?: string[];
    /**
     * The peered VPC for the outbound endpoint; with `outboundSubnetIds`, creates the endpoint and the forwarding rule.
     * Its subnets are looked up: the inbound endpoint must admit them (list the VPC's CIDR in `peeredCidrs`).
     */
    outboundVpcId?: pulumi.Input<string>;
    /** Two or more subnets of `outboundVpcId` in different Availability Zones for the outbound endpoint; ids may be Outputs. */
    outboundSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** VPCs that use the forwarding rule, by plain id; default: `outboundVpcId`. Never the cluster VPC (a resolution loop: refused). */
    vpcIds?: string[];
    /** VPCs that use the forwarding rule whose ids are known only at deployment, keyed by a stable label. */
    vpcs?: Record<string, pulumi.Input<string>>;
    /** AWS RAM principals to share the forwarding rule with: account ids, organization ARNs or OU ARNs. */
    shareWith?: string[];
    /** Allow sharing with accounts outside your organization; default false. */
    allowExternalPrincipals?: boolean;
    /** Tags for the endpoints and their security groups. */
    tags?: Record<string, string>;
    /**
     * Resolver security groups in AWS's untracked shape (Route 53 "Resolver endpoint scaling"): DNS from and to
     * 0.0.0.0/0 with all ports open the other way, so connection tracking never throttles the endpoints (as low as
     * about 1,500 queries per second per IP when tracked). The trade-off: the endpoints' security groups no longer
     * limit who queries (routing and network ACLs must); the TCP 443 rules still admit only the listed networks. Default false.
     */
    untrackedConnections?: boolean;
    /** Create the TCP 443 rules on clusterSecurityGroupId (default true); false when another component (ClusterEndpointAccess) makes them. */
    controlPlaneRules?: boolean;
}

/**
 * Hybrid DNS for a private cluster endpoint in one component: the inbound endpoint in the cluster VPC, optionally
 * an outbound endpoint and forwarding rule for a peered VPC, the control-plane TCP 443 rules for the connected
 * networks (without which the name resolves and connections still fail), and on-premises forwarder configs.
 */
export class HybridDnsAccess extends pulumi.ComponentResource {
    /** The inbound endpoint's id (`rslvr-in-...`). */
    public readonly inboundEndpointId: pulumi.Output<string>;
    /** The inbound endpoint's IPs: where forwarders and the rule send queries for the endpoint. */
    public readonly resolverIps: pulumi.Output<string[]>;
    /** The inbound endpoint's security group. */
    public readonly inboundSecurityGroupId: pulumi.Output<string>;
    /** The outbound endpoint's id, when `outboundSubnetIds` is given. */
    public readonly outboundEndpointId: pulumi.Output<string | undefined>;
    /** The forwarding rule's id, when `outboundSubnetIds` is given. */
    public readonly ruleId: pulumi.Output<string | undefined>;
    /** The forwarded domain: the endpoint host (scope `cluster`) or the region's EKS domain (scope `region`). */
    public readonly domain: pulumi.Output<string>;
    /** Ready-to-paste on-premises forwarder configuration (BIND, dnsmasq, Unbound, CoreDNS, Windows DNS). */
    public readonly forwarderConfigs: pulumi.Output<ForwarderConfigs>;
    /** Estimated USD a month: the inbound and outbound endpoints' IPs (the rule and its associations are free). */
    public readonly monthlyCostUsd: pulumi.Output<number>;

    constructor(name: string, args: HybridDnsAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        const checked = inComponent("HybridDnsAccess", name, () => validate(args));
        super("eks-private-access:index:HybridDnsAccess", name, {}, opts);
        const site = { component: "HybridDnsAccess", name, resource: this };

        const networks = [...(args.peeredCidrs ?? []), ...(args.onPremisesCidrs ?? [])];
        const outboundVpc = args.outboundVpcId;
        const withOutbound = checked.outboundSubnetIds !== undefined && outboundVpc !== undefined;
        const untracked = args.untrackedConnections === true;
        // With an outbound endpoint, each side's subnets are looked up: the outbound endpoint must reach every inbound
        // IP, and the inbound endpoint must admit the outbound endpoint's IPs, or every forwarded query is dropped.
        const inboundSubnetIds =
            withOutbound && !untracked
                ? reachableInboundSubnets(site, checked.inboundSubnetIds(site), args.clusterVpcId, checked.vpcCidrs, { subnets: "inboundSubnetIds", cidrs: checked.vpcCidrsArg, fix: "clusterVpcCidrs" })
                : checked.inboundSubnetIds(site);
        const inbound = new ResolverInboundEndpoint(
            `${name}-inbound`,
            { vpcId: args.clusterVpcId, subnetIds: inboundSubnetIds, allowedCidrs: untracked ? undefined : networks, untrackedConnections: args.untrackedConnections, tags: args.tags },
            { parent: this },
        );

        let outboundEndpointId: pulumi.Output<string | undefined> = pulumi.output(undefined);
        let ruleId: pulumi.Output<string | undefined> = pulumi.output(undefined);
        let outboundUsd: pulumi.Output<number> = pulumi.output(0);
        if (withOutbound) {
            const outboundSubnetIds = untracked
                ? checked.outboundSubnetIds!(site)
                : admittedOutboundSubnets(site, checked.outboundSubnetIds!(site), outboundVpc, networks, {
                      subnets: "outboundSubnetIds",
                      admitted: "peeredCidrs and onPremisesCidrs",
                      fix: "peeredCidrs",
                  });
            const outbound = new ResolverOutboundEndpoint(
                `${name}-outbound`,
                { vpcId: outboundVpc, subnetIds: outboundSubnetIds, targetCidrs: untracked ? undefined : checked.vpcCidrs, untrackedConnections: args.untrackedConnections, tags: args.tags },
                { parent: this },
            );
            const useDefault = args.vpcIds === undefined && args.vpcs === undefined;
            const forwarding = new ClusterDnsForwarding(
                `${name}-forwarding`,
                {
                    clusterEndpoint: args.clusterEndpoint,
                    scope: args.scope,
                    resolverIps: inbound.ipAddresses,
                    outboundEndpointId: loopChecked(site, outbound.endpointId, args.clusterVpcId, associations(args, useDefault)),
                    vpcIds: useDefault && typeof outboundVpc === "string" ? [outboundVpc] : args.vpcIds,
                    vpcs: useDefault && typeof outboundVpc !== "string" ? { outbound: outboundVpc } : args.vpcs,
                    shareWith: args.shareWith,
                    allowExternalPrincipals: args.allowExternalPrincipals,
                },
                { parent: this },
            );
            outboundEndpointId = outbound.endpointId;
            ruleId = forwarding.ruleId;
            outboundUsd = outbound.monthlyCostUsd;
        }

        // The control plane's security group must let the connected networks in on 443 (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Add a rule
        // to the EKS cluster control plane security group"): DNS alone only tells them where the API server is.
        if (args.controlPlaneRules !== false) {
            securityGroupRules("ingress", name, args.clusterSecurityGroupId, checked.apiSources, [{ protocol: "tcp", port: 443, purpose: "EKS API" }], {
                parent: this,
            });
        }

        this.domain = pulumi.output(checked.domain(site));
        this.inboundEndpointId = inbound.endpointId;
        this.resolverIps = inbound.ipAddresses;
        this.inboundSecurityGroupId = inbound.securityGroupId;
        this.outboundEndpointId = outboundEndpointId;
        this.ruleId = ruleId;
        this.forwarderConfigs = pulumi.all([this.domain, inbound.ipAddresses]).apply(([domain, ips]) => forwarderConfigs(domain, ips));
        this.monthlyCostUsd = pulumi.all([inbound.monthlyCostUsd, outboundUsd]).apply((parts) => sumUsd(parts));
        this.registerOutputs({
            inboundEndpointId: this.inboundEndpointId,
            resolverIps: this.resolverIps,
            inboundSecurityGroupId: this.inboundSecurityGroupId,
            outboundEndpointId: this.outboundEndpointId,
            ruleId: this.ruleId,
            domain: this.domain,
            forwarderConfigs: this.forwarderConfigs,
            monthlyCostUsd: this.monthlyCostUsd,
        });
    }
}

function validate(args: HybridDnsAccessArgs) {
    requirePlain(args.scope, "scope", `it is a closed choice ("cluster" or "region")`);
    checkType(args.controlPlaneRules, "controlPlaneRules", "boolean");
    checkType(args.untrackedConnections, "untrackedConnections", "boolean");
    requirePlain(args.untrackedConnections, "untrackedConnections", "it decides which security group rules exist: pass true or false");
    requirePlain(args.controlPlaneRules, "controlPlaneRules", "it decides whether the TCP 443 rules exist: pass true or false");
    const domain = validatedInput(args.clusterEndpoint, (endpoint) => {
        checkType(endpoint, "clusterEndpoint", "string");
        return ruleDomain(endpoint as string, args.scope ?? Scope.Cluster);
    });
    requirePlain(args.clusterVpcCidr, "clusterVpcCidr", cidrsNameRules);
    requirePlain(args.clusterVpcCidrs, "clusterVpcCidrs", cidrsNameRules);
    if ((args.clusterVpcCidr === undefined) === (args.clusterVpcCidrs === undefined)) {
        throw new InputError("clusterVpcCidrs", "give the cluster VPC's CIDR blocks in clusterVpcCidrs (every block, primary first), or its only block in clusterVpcCidr: one of the two");
    }
    const vpcCidrsArg = args.clusterVpcCidrs !== undefined ? "clusterVpcCidrs" : "clusterVpcCidr";
    const vpcCidrs = args.clusterVpcCidrs !== undefined ? (stringList(args.clusterVpcCidrs, "clusterVpcCidrs", "CIDR block") as string[]) : [args.clusterVpcCidr!];
    if (vpcCidrs.length === 0) throw new InputError("clusterVpcCidrs", "list the cluster VPC's CIDR blocks, primary first");
    vpcCidrs.forEach((cidr, i) => parseCidr(cidr, args.clusterVpcCidrs !== undefined ? `clusterVpcCidrs[${i}]` : "clusterVpcCidr"));
    const inboundSubnetIds = validatedEndpointSubnets(args.inboundSubnetIds, "inboundSubnetIds");
    if ((args.outboundSubnetIds === undefined) !== (args.outboundVpcId === undefined)) {
        throw new InputError(
            args.outboundSubnetIds === undefined ? "outboundSubnetIds" : "outboundVpcId",
            "the outbound endpoint needs both outboundVpcId and outboundSubnetIds; give both, or neither for on-premises forwarding only",
        );
    }
    const outboundSubnetIds = args.outboundSubnetIds !== undefined ? validatedEndpointSubnets(args.outboundSubnetIds, "outboundSubnetIds") : undefined;
    if (outboundSubnetIds === undefined && (args.vpcIds !== undefined || args.vpcs !== undefined || args.shareWith !== undefined)) {
        throw new InputError(
            args.vpcIds !== undefined ? "vpcIds" : args.vpcs !== undefined ? "vpcs" : "shareWith",
            "a forwarding rule needs an outbound endpoint to send queries through: give outboundVpcId and outboundSubnetIds",
        );
    }
    const lists = [
        { arg: "peeredCidrs", cidrs: args.peeredCidrs ?? [] },
        { arg: "onPremisesCidrs", cidrs: args.onPremisesCidrs ?? [] },
    ];
    if (lists.every((l) => l.cidrs.length === 0)) {
        throw new InputError(
            "peeredCidrs",
            "no networks given; list the peered VPCs' CIDRs in peeredCidrs and the on-premises ranges in onPremisesCidrs: " +
                "they may query the inbound endpoint and connect to the API server on TCP 443",
        );
    }
    const apiSources = lists.flatMap((l) => keyedSources({ cidrs: l.cidrs }, { cidrs: l.arg, securityGroupIds: "", securityGroups: "" }));
    lists.forEach((l) =>
        l.cidrs.forEach((cidr, i) => {
            // A network that overlaps the cluster VPC cannot be routed to over peering, Transit Gateway or VPN.
            const inside = vpcCidrs.find((v) => cidrsOverlap(cidr, v));
            if (inside) {
                throw new InputError(`${l.arg}[${i}]`, `${cidr} overlaps the cluster VPC's ${inside}; the VPC routes those addresses locally, so answers could never reach that network. List only networks outside the cluster VPC`);
            }
        }),
    );
    const onPrem = new Set(args.onPremisesCidrs ?? []);
    (args.peeredCidrs ?? []).forEach((cidr, i) => {
        if (onPrem.has(cidr)) throw new InputError(`peeredCidrs[${i}]`, `${cidr} is also in onPremisesCidrs; list each network once`);
    });
    // Plain ids are compared now; loopChecked compares the rest once known.
    checkForwardingLoops(args.clusterVpcId, associations(args, args.vpcIds === undefined && args.vpcs === undefined));
    return { apiSources, domain, inboundSubnetIds, outboundSubnetIds, vpcCidrs, vpcCidrsArg };
}

/** The VPCs the forwarding rule is associated with, each with the argument that names it. */
function associations(args: HybridDnsAccessArgs, useDefault: boolean): { arg: string; vpcId: pulumi.Input<string> }[] {
    if (useDefault) return [{ arg: "outboundVpcId", vpcId: args.outboundVpcId! }];
    return [
        ...(args.vpcIds ?? []).map((vpcId, i) => ({ arg: `vpcIds[${i}]`, vpcId })),
        ...Object.entries(args.vpcs ?? {}).map(([label, vpcId]) => ({ arg: `vpcs.${label}`, vpcId })),
    ];
}

/**
 * The outbound endpoint id, once no VPC the rule is associated with is the cluster VPC: the rule and its
 * associations wait for it, so a loop found only at deployment creates neither.
 */
function loopChecked(site: InputSite, endpointId: pulumi.Output<string>, clusterVpcId: pulumi.Input<string>, vpcs: { arg: string; vpcId: pulumi.Input<string> }[]): pulumi.Output<string> {
    return pulumi.all([endpointId, clusterVpcId, pulumi.all(vpcs.map((v) => v.vpcId))]).apply(([id, cluster, ids]) =>
        checkedAt(site, () => {
            ids.forEach((vpcId, i) => {
                const problem = forwardingLoopProblem(vpcId, cluster);
                if (problem) throw new InputError(vpcs[i].arg, problem);
            });
            return id;
        }),
    );
}
