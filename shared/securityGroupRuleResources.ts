// Security group rules keyed by source, shared by every component that opens a port: one
// aws.vpc.SecurityGroupIngressRule / SecurityGroupEgressRule per (port, protocol, source), named after the
// source, so adding or removing one source never replaces the rule of another.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { KeyedSource } from "./ruleSources";
import { PortSpec, RuleDirection, plannedRules, portRange } from "./ruleNames";

export { plannedRules } from "./ruleNames";
export type { PlannedRule, PortSpec, RuleDirection } from "./ruleNames";

export { keyedSources } from "./ruleSources";
export type { KeyedSource, RuleSources } from "./ruleSources";

/**
 * Creates one rule per peer and port on `securityGroupId`: ingress rules allow traffic from each peer, egress
 * rules allow it to each peer. Returns them keyed by resource name (`<name>-tcp443-from-10-0-0-0-16`).
 */
export function securityGroupRules(
    direction: RuleDirection,
    name: string,
    securityGroupId: pulumi.Input<string>,
    peers: KeyedSource[],
    ports: PortSpec[],
    opts: pulumi.CustomResourceOptions,
): Record<string, pulumi.CustomResource> {
    const rules: Record<string, pulumi.CustomResource> = {};
    const word = direction === "ingress" ? "from" : "to";
    for (const { name: ruleName, peer, port } of plannedRules(direction, name, peers, ports)) {
        const args = {
            securityGroupId,
            ipProtocol: port.protocol,
            fromPort: port.port,
            toPort: port.toPort ?? port.port,
            cidrIpv4: peer.version === 4 ? peer.cidr : undefined,
            cidrIpv6: peer.version === 6 ? peer.cidr : undefined,
            referencedSecurityGroupId: peer.securityGroupId,
            prefixListId: peer.prefixListId,
            description: `${port.purpose} (${port.protocol.toUpperCase()} ${portRange(port)}) ${word} ${peer.cidr ?? peer.key}`,
        };
        rules[ruleName] =
            direction === "ingress" ? new aws.vpc.SecurityGroupIngressRule(ruleName, args, opts) : new aws.vpc.SecurityGroupEgressRule(ruleName, args, opts);
    }
    return rules;
}
