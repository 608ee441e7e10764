// resolver-security-group-dns-only: a Route 53 Resolver endpoint's security groups admit only DNS, TCP and UDP
// port 53 (AWS Compute blog, https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/,
// "Create an inbound endpoint": a security group that allows DNS from the other networks). AWS's untracked outbound
// shape, every port in from 0.0.0.0/0, is accepted (Route 53 developer guide, "Resolver endpoint scaling":
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/best-practices-resolver-endpoint-scaling.html).
import { groupRoles, ingressPermissions, permissionsByGroup, trafficText } from "../securityGroupPermissions";
import { EGRESS_RULE, INGRESS_RULE, RESOLVER_ENDPOINT, SECURITY_GROUP, SECURITY_GROUP_RULE, StackIndex } from "../stackIndex";
import { StackRule, Violation } from "../types";
import { untrackedResolverGroups } from "../untrackedResolverGroups";
import { UNKNOWN } from "../values";

/** Resolver security groups admit DNS only. */
export const resolverSecurityGroupDnsOnly: StackRule = {
    kind: "stack",
    name: "resolver-security-group-dns-only",
    description: "A Route 53 Resolver endpoint's security groups admit only DNS: TCP and UDP port 53.",
    severity: "medium",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation: "Narrow each ingress rule of the resolver endpoint's security groups to TCP and UDP port 53.",
    link: "https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/",
    source: "https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, \"Create an inbound endpoint\" (a security group that allows DNS from the other networks)",
    resourceTypes: [RESOLVER_ENDPOINT, SECURITY_GROUP, SECURITY_GROUP_RULE, INGRESS_RULE, EGRESS_RULE],
    check(resources) {
        const index = new StackIndex(resources);
        const byGroup = permissionsByGroup(ingressPermissions(index));
        const out: Violation[] = [];
        const roles = groupRoles(index);
        // AWS's untracked outbound shape opens every port in, for answers from any source port ("Resolver endpoint scaling").
        const untracked = untrackedResolverGroups(index, roles);
        for (const [key, group] of roles) {
            if (!group.roles.has("Route 53 Resolver endpoint") || untracked.has(key)) continue;
            for (const p of byGroup.get(key) ?? []) {
                if (p.protocol === UNKNOWN || p.fromPort === UNKNOWN || p.toPort === UNKNOWN) continue;
                const dnsOnly = (p.protocol === "tcp" || p.protocol === "udp") && p.fromPort === 53 && p.toPort === 53;
                if (dnsOnly) continue;
                out.push({
                    urn: p.urn,
                    message:
                        `${group.label} (Route 53 Resolver endpoint) admits ${trafficText(p)} through ${p.label}; a Resolver ` +
                        `endpoint only needs DNS. Narrow the rule to TCP and UDP port 53.`,
                });
            }
        }
        return out;
    },
};
