// resolver-forward-rule-targets: a Route 53 Resolver FORWARD rule sends queries to at least two target IPs, both
// IPs of the inbound endpoint, so one of them going away does not stop resolution (AWS Compute blog,
// https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Create a
// forwarding rule for the cluster endpoint").
import { RESOLVER_RULE } from "../stackIndex";
import { ResourceRule } from "../types";

/** Forwarding rules name two targets, so one inbound IP going away does not stop resolution. */
export const resolverForwardRuleTargets: ResourceRule = {
    kind: "resource",
    name: "resolver-forward-rule-targets",
    description: "A Route 53 Resolver FORWARD rule sends queries to at least two target IPs (both inbound endpoint IPs).",
    severity: "low",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation: "List every IP of the inbound endpoint (at least two, in different AZs) in targetIps.",
    link: "https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/",
    source: "https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, \"Create a forwarding rule for the cluster endpoint\" (the inbound endpoint's IP addresses)",
    resourceTypes: [RESOLVER_RULE],
    check(r) {
        const type = r.inputs.ruleType;
        if (typeof type !== "string" || type.toUpperCase() !== "FORWARD") return [];
        const targets = Array.isArray(r.inputs.targetIps) ? r.inputs.targetIps.length : 0;
        if (targets >= 2) return [];
        return [
            `FORWARD rule for ${JSON.stringify(r.inputs.domainName)} has ${targets} target IP${targets === 1 ? "" : "s"}: ` +
                `when that resolver is unreachable the name stops resolving. List both IPs of the inbound endpoint in targetIps.`,
        ];
    },
};
