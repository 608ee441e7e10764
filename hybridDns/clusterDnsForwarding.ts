// A Route 53 Resolver FORWARD rule for the cluster endpoint's domain: VPCs associated with it send queries for
// the endpoint through an outbound endpoint to the inbound endpoint's IPs in the cluster VPC, because the
// EKS-managed private hosted zone that answers them is associated with the cluster VPC only (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/,
// "Create a forwarding rule for the cluster endpoint"). Optionally shared through AWS RAM, so other accounts
// associate the same rule with their VPCs.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { inComponent } from "../shared/errors";
import { after, once } from "../shared/gates";
import { checkedAt } from "../shared/validatedInput";
import { applyEach, isPlainShape, outputOf } from "../shared/outputs";
import type { ClusterDnsForwardingArgs } from "./args";
import { ForwarderConfigs, forwarderConfigs } from "./forwarderConfigs";
import { checkedResolverIps, planClusterDnsForwarding } from "./plan";
import { checkedVpcId, ruleDomain, ForwardingScope } from "./resolverChecks";

export type { ClusterDnsForwardingArgs } from "./args";

/**
 * A FORWARD resolver rule for the cluster endpoint's domain (its host, or the region's EKS domain) to the inbound
 * endpoint's IPs on port 53, through an outbound endpoint, associated with each VPC that must resolve the private
 * endpoint and optionally shared through AWS RAM (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/).
 */
export class ClusterDnsForwarding extends pulumi.ComponentResource {
    /** The rule's id (`rslvr-rr-...`). */
    public readonly ruleId: pulumi.Output<string>;
    /** The rule's ARN. */
    public readonly ruleArn: pulumi.Output<string>;
    /** The domain the rule forwards: the endpoint host (scope `cluster`) or the region's EKS domain (scope `region`). */
    public readonly domain: pulumi.Output<string>;
    /** Ready-to-paste on-premises forwarder configuration (BIND, dnsmasq, Unbound, CoreDNS, Windows DNS) for the same domain and IPs. */
    public readonly forwarderConfigs: pulumi.Output<ForwarderConfigs>;
    /** The AWS RAM resource share's ARN, when `shareWith` is given. */
    public readonly resourceShareArn: pulumi.Output<string | undefined>;

    constructor(name: string, args: ClusterDnsForwardingArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = inComponent("ClusterDnsForwarding", name, () => planClusterDnsForwarding(args, name));
        super("eks-private-access:index:ClusterDnsForwarding", name, {}, opts);

        const site = { component: "ClusterDnsForwarding", name, resource: this };
        const scope = args.scope ?? ForwardingScope.Cluster;
        this.domain = outputOf(args.clusterEndpoint).apply((endpoint) => checkedAt(site, () => ruleDomain(endpoint, scope)));
        const ips = outputOf(args.resolverIps).apply((list) => checkedAt(site, () => checkedResolverIps(list)));
        // A VPC id given as an Output (in vpcs, under its label) is checked once known; plain ones were checked in the plan.
        const vpcIds = plan.vpcs.map((vpc) => (isPlainShape(vpc.vpcId) ? vpc.vpcId : outputOf(vpc.vpcId).apply((id) => checkedAt(site, () => checkedVpcId(id, `vpcs.${vpc.key}`)))));
        // Every check of a value known only at deployment (the endpoint, the IPs, the VPC ids) gates every child:
        // when one fails, nothing is registered (the checks of plain values ran above, before super).
        const passed = after(this.domain, ips, args.outboundEndpointId, ...vpcIds);
        const gated = { parent: this, dependsOn: passed };

        const rule = new aws.route53.ResolverRule(
            `${name}-rule`,
            {
                name: plan.ruleName,
                ruleType: "FORWARD",
                domainName: this.domain,
                resolverEndpointId: args.outboundEndpointId,
                targetIps: ips.apply((list) => list.map((ip) => (ip.includes(":") ? { ipv6: ip, port: 53 } : { ip, port: 53 }))),
            },
            gated,
        );
        // The outputs fail with a failed check instead of waiting for a rule that is never registered.
        const ruleId = once(passed, rule.id);
        const ruleArn = once(passed, rule.arn);
        plan.vpcs.forEach((vpc, i) => {
            new aws.route53.ResolverRuleAssociation(`${name}-assoc-${vpc.key}`, { resolverRuleId: ruleId, vpcId: vpcIds[i] }, gated);
        });

        let shareArn: pulumi.Output<string> | undefined;
        if (plan.shareName !== undefined) {
            const share = new aws.ram.ResourceShare(
                `${name}-share`,
                { name: plan.shareName, allowExternalPrincipals: args.allowExternalPrincipals ?? false },
                gated,
            );
            new aws.ram.ResourceAssociation(`${name}-share-rule`, { resourceArn: ruleArn, resourceShareArn: share.arn }, gated);
            for (const p of plan.principals) {
                new aws.ram.PrincipalAssociation(`${name}-share-to-${p.key}`, { principal: p.principal, resourceShareArn: share.arn }, gated);
            }
            shareArn = once(passed, share.arn);
        }

        this.ruleId = ruleId;
        this.ruleArn = ruleArn;
        this.forwarderConfigs = applyEach([this.domain, ips], ([domain, list]) => forwarderConfigs(domain, list));
        this.resourceShareArn = shareArn ?? pulumi.output(undefined);
        this.registerOutputs({
            ruleId: this.ruleId,
            ruleArn: this.ruleArn,
            domain: this.domain,
            forwarderConfigs: this.forwarderConfigs,
            resourceShareArn: this.resourceShareArn,
        });
    }
}
