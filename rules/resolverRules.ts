// Rule 11 of issue 5: Route 53 Resolver endpoints that keep resolving when one AZ fails and whose security
// groups admit only DNS, plus forwarding rules with a second target (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/: an inbound endpoint with an
// IP in each of two AZs, a forwarding rule to both IPs).
import { subnetAzProblem, tooFewSubnets } from "../hybridDns/resolverChecks";
import { ingressPermissions, groupRoles, permissionsByGroup, trafficText } from "./securityGroups";
import { EGRESS_RULE, INGRESS_RULE, RESOLVER_ENDPOINT, RESOLVER_RULE, SECURITY_GROUP, SECURITY_GROUP_RULE, StackIndex, SUBNET } from "./stack";
import { ResourceRule, StackResource, StackRule, Violation } from "./types";
import { untrackedResolverGroups } from "./untrackedResolver";
import { knownString, Maybe, peek, peekList, UNKNOWN } from "./values";

const RESOLVER_DOC = "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-inbound-queries.html";
const BLOG = "https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/";

function direction(endpoint: StackResource): string {
    const d = peek(() => endpoint.inputs.direction);
    return typeof d === "string" ? d.toLowerCase() : "";
}

/** The subnets of the endpoint's IPs: by id, or through the URNs `ipAddresses` depends on. */
function endpointSubnets(index: StackIndex, endpoint: StackResource, ids: Maybe<unknown>[]): StackResource[] | undefined {
    const refs = index.refs(endpoint, "ipAddresses", ids, SUBNET);
    if (refs.some((r) => r.resource === undefined) || refs.length === 0) return undefined;
    return refs.map((r) => r.resource!);
}

/** Rule 11a. At least two IPs, in at least two AZs. */
export const resolverEndpointRedundancy: StackRule = {
    kind: "stack",
    name: "resolver-endpoint-redundancy",
    description: "A Route 53 Resolver endpoint has at least two IP addresses, in subnets of at least two Availability Zones.",
    severity: "medium",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation: "Give the endpoint an IP address in a subnet of a second Availability Zone (ipAddresses: one entry per subnet).",
    link: RESOLVER_DOC,
    source: "https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, \"Create an inbound endpoint in the worker node VPC\" (an IP in each of two AZs)",
    resourceTypes: [RESOLVER_ENDPOINT, SUBNET],
    check(resources) {
        const index = new StackIndex(resources);
        const out: Violation[] = [];
        for (const endpoint of index.ofType(RESOLVER_ENDPOINT)) {
            const dir = direction(endpoint);
            const what = `Route 53 Resolver ${dir ? `${dir} ` : ""}endpoint "${endpoint.name}"`;
            const ips = peekList(() => endpoint.inputs.ipAddresses);
            if (ips === UNKNOWN) continue;
            const ids = ips.map((_, i) => peek(() => endpoint.inputs.ipAddresses[i].subnetId));
            if (ips.length < 2) {
                out.push({ urn: endpoint.urn, message: `${what}: ${tooFewSubnets(ips.length, "ipAddresses").message}` });
                continue;
            }
            const subnets = endpointSubnets(index, endpoint, ids);
            if (subnets === undefined) continue;
            const azs = subnets.map((s) => ({ s, az: knownString(peek(() => s.inputs.availabilityZone ?? s.inputs.availabilityZoneId)) }));
            if (azs.some((a) => a.az === undefined)) continue;
            const problem = subnetAzProblem(
                azs.map((a) => ({ id: index.idOf(a.s) ?? a.s.name, availabilityZone: a.az! })),
                "ipAddresses",
            );
            if (problem) out.push({ urn: endpoint.urn, message: `${what}: ${problem}` });
        }
        return out;
    },
};

/** Rule 11b. Resolver security groups admit DNS only. */
export const resolverSecurityGroupDnsOnly: StackRule = {
    kind: "stack",
    name: "resolver-security-group-dns-only",
    description: "A Route 53 Resolver endpoint's security groups admit only DNS: TCP and UDP port 53.",
    severity: "medium",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation: "Narrow each ingress rule of the resolver endpoint's security groups to TCP and UDP port 53.",
    link: BLOG,
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

/** Rule 11c. Forwarding rules name two targets, so one inbound IP going away does not stop resolution. */
export const resolverRuleTargets: ResourceRule = {
    kind: "resource",
    name: "resolver-forward-rule-targets",
    description: "A Route 53 Resolver FORWARD rule sends queries to at least two target IPs (both inbound endpoint IPs).",
    severity: "low",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation: "List every IP of the inbound endpoint (at least two, in different AZs) in targetIps.",
    link: BLOG,
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

export const resolverRules: (StackRule | ResourceRule)[] = [resolverEndpointRedundancy, resolverSecurityGroupDnsOnly, resolverRuleTargets];
