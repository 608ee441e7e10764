// The common hybrid case in one component (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Solution overview"): an inbound endpoint in the
// cluster VPC, optionally an outbound endpoint in a peered VPC with a forwarding rule for the endpoint's domain,
// the on-premises forwarder configs, and the control-plane security group rule for TCP 443 from the connected
// networks, without which the name resolves and connections still fail (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Add a
// rule to the EKS cluster control plane security group"; https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Accessing a private only API server").
// The plan (accessPlan.ts) checks everything before the first child; the look-up checks (reach.ts) gate every child.
import * as pulumi from "@pulumi/pulumi";
import { sumUsd } from "../aws/prices";
import { InputError, inComponent } from "../shared/errors";
import { securityGroupRules } from "../shared/securityGroupRuleResources";
import type { HybridDnsAccessArgs } from "./args";
import { hybridDnsAccessAdvice, planHybridDnsAccess } from "./accessPlan";
import { ClusterDnsForwarding } from "./clusterDnsForwarding";
import { ForwarderConfigs, forwarderConfigs } from "./forwarderConfigs";
import { hybridDnsChecks } from "./reach";
import { after, once } from "../shared/gates";
import { applyEach, outputOf } from "../shared/outputs";
import { ResolverInboundEndpoint } from "./resolverInboundEndpoint";
import { ResolverOutboundEndpoint } from "./resolverOutboundEndpoint";

export type { HybridDnsAccessArgs } from "./args";

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
    /** Advice that does not stop the deployment (also logged as warnings): forwarding that may not be needed. */
    public readonly warnings: pulumi.Output<string[]>;

    constructor(name: string, args: HybridDnsAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = inComponent("HybridDnsAccess", name, () => {
            if (args.clusterEndpoint === undefined) throw new InputError("clusterEndpoint", "is required: the cluster endpoint URL or host name");
            if (args.clusterSecurityGroupId === undefined && args.controlPlaneRules !== false) {
                throw new InputError("clusterSecurityGroupId", "is required for the TCP 443 rules: the cluster's control-plane security group (or set controlPlaneRules: false)");
            }
            return { ...planHybridDnsAccess(name, args), advice: hybridDnsAccessAdvice(args) };
        });
        super("eks-private-access:index:HybridDnsAccess", name, {}, opts);
        for (const warning of plan.advice) void pulumi.log.warn(warning, this);
        const site = { component: "HybridDnsAccess", name, resource: this };

        // Every look-up check (subnets, what each endpoint reaches, the rule's VPCs) gates every child.
        const checks = hybridDnsChecks(site, plan, args.clusterVpcId);
        const passed = after(checks.inboundSubnetIds, checks.outboundSubnetIds, checks.ruleVpcs);
        const gated = { parent: this, dependsOn: passed };
        const inbound = new ResolverInboundEndpoint(
            `${name}-inbound`,
            {
                vpcId: args.clusterVpcId,
                subnetIds: checks.inboundSubnetIds,
                allowedCidrs: plan.untracked ? undefined : plan.networks,
                untrackedConnections: args.untrackedConnections,
                tags: args.tags,
            },
            gated,
        );

        let outboundEndpointId: pulumi.Output<string | undefined> = pulumi.output(undefined);
        let ruleId: pulumi.Output<string | undefined> = pulumi.output(undefined);
        let outboundUsd: pulumi.Output<number> = pulumi.output(0);
        const out = plan.outbound;
        if (out !== undefined && checks.outboundSubnetIds !== undefined) {
            const outbound = new ResolverOutboundEndpoint(
                `${name}-outbound`,
                { vpcId: out.vpcId, subnetIds: checks.outboundSubnetIds, targetCidrs: plan.untracked ? undefined : plan.vpcCidrs, untrackedConnections: args.untrackedConnections, tags: args.tags },
                gated,
            );
            const forwarding = new ClusterDnsForwarding(
                `${name}-forwarding`,
                {
                    clusterEndpoint: args.clusterEndpoint,
                    scope: args.scope,
                    resolverIps: inbound.ipAddresses,
                    outboundEndpointId: outbound.endpointId,
                    vpcIds: out.vpcIds,
                    vpcs: out.vpcs,
                    shareWith: args.shareWith,
                    allowExternalPrincipals: args.allowExternalPrincipals,
                },
                gated,
            );
            outboundEndpointId = outbound.endpointId;
            ruleId = forwarding.ruleId;
            outboundUsd = outbound.monthlyCostUsd;
        }

        // The control plane's security group must let the connected networks in on 443 (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Add a rule
        // to the EKS cluster control plane security group"): DNS alone only tells them where the API server is.
        if (plan.apiSources.length > 0) {
            securityGroupRules("ingress", name, args.clusterSecurityGroupId, plan.apiSources, [{ protocol: "tcp", port: 443, purpose: "EKS API" }], gated);
        }

        this.domain = outputOf(plan.domain!(site));
        // The outputs fail with a failed check (the children they come from are then never registered).
        this.inboundEndpointId = once(passed, inbound.endpointId);
        this.resolverIps = once(passed, inbound.ipAddresses);
        this.inboundSecurityGroupId = once(passed, inbound.securityGroupId);
        this.outboundEndpointId = once(passed, outboundEndpointId);
        this.ruleId = once(passed, ruleId);
        this.forwarderConfigs = applyEach([this.domain, inbound.ipAddresses], ([domain, ips]) => forwarderConfigs(domain, ips));
        // Each endpoint prices itself (one billed IP per subnet); the rule and its associations are free.
        this.monthlyCostUsd = once(passed, applyEach([inbound.monthlyCostUsd, outboundUsd], (parts) => sumUsd(parts)));
        this.warnings = pulumi.output(plan.advice);
        this.registerOutputs({
            inboundEndpointId: this.inboundEndpointId,
            resolverIps: this.resolverIps,
            inboundSecurityGroupId: this.inboundSecurityGroupId,
            outboundEndpointId: this.outboundEndpointId,
            ruleId: this.ruleId,
            domain: this.domain,
            forwarderConfigs: this.forwarderConfigs,
            monthlyCostUsd: this.monthlyCostUsd,
            warnings: this.warnings,
        });
    }
}
