// Rules 9 and 10 of issue 5: who may reach the interface VPC endpoints, and no security group of a cluster,
// endpoint or resolver that admits HTTPS or DNS from the whole internet.
import { cidrsCover } from "../shared/cidr";
import { EGRESS_RULE, INGRESS_RULE, Ref, SECURITY_GROUP, SECURITY_GROUP_RULE, StackIndex, VPC, VPC_ENDPOINT } from "./stack";
import { untrackedResolverGroups } from "./untrackedResolver";
import {
    admits,
    culprits,
    groupRefs,
    groupRoles,
    ingressPermissions,
    interfaceEndpoints,
    internetCovered,
    Permission,
    permissionList,
    permissionsByGroup,
} from "./securityGroups";
import { StackRule, Violation } from "./types";
import { knownString, listText, peek, peekList, UNKNOWN } from "./values";

const SG_TYPES = [SECURITY_GROUP, SECURITY_GROUP_RULE, INGRESS_RULE];

/** Known CIDR blocks of a VPC in the stack (primary IPv4 and the Amazon-provided IPv6 block when set). */
function vpcCidrs(ref: Ref): string[] | undefined {
    if (!ref.resource) return undefined;
    const inputs = ref.resource.inputs;
    const v4 = peek(() => inputs.cidrBlock);
    if (v4 === UNKNOWN || typeof v4 !== "string") return undefined;
    return [v4];
}

/** Rule 9. Interface endpoints admit TCP 443 from the whole VPC, and not from the internet. */
export const endpointSecurityGroup: StackRule = {
    kind: "stack",
    name: "vpc-endpoint-security-group",
    description:
        "An interface VPC endpoint's security groups admit TCP 443 from all of its VPC (or from a security group such as " +
        "the nodes'), and not from the whole internet.",
    severity: "high",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation:
        "Attach a security group that allows TCP 443 from the VPC CIDR (or from the node security group) to each interface " +
        "endpoint; remove 0.0.0.0/0 and ::/0 sources.",
    link: "https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html",
    source: "https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, \"Considerations\" (the endpoint security group must allow the subnets' CIDR or the node security group)",
    resourceTypes: [VPC_ENDPOINT, VPC, ...SG_TYPES],
    check(resources) {
        const index = new StackIndex(resources);
        const perms = ingressPermissions(index);
        const byGroup = permissionsByGroup(perms);
        const position = new Map(perms.map((p, i) => [p, i]));
        const out: Violation[] = [];
        for (const endpoint of interfaceEndpoints(index)) {
            const service = knownString(peek(() => endpoint.inputs.serviceName)) ?? "unknown service";
            const what = `Interface endpoint "${endpoint.name}" (${service})`;
            const listed = peekList(() => endpoint.inputs.securityGroupIds);
            const groups = groupRefs(index, endpoint, "securityGroupIds");
            if (listed !== UNKNOWN && listed.length === 0 && groups.length === 0) {
                out.push({
                    urn: endpoint.urn,
                    message:
                        `${what} lists no securityGroupIds, so AWS attaches the VPC's default security group, which admits ` +
                        `only its own members: nodes and pods cannot reach the endpoint on TCP 443. Attach a security group ` +
                        `that allows TCP 443 from the VPC CIDR.`,
                });
                continue;
            }
            // In the stack's order, as the messages list them.
            const mine = [...new Set(groups.flatMap((g) => byGroup.get(g.key) ?? []))].sort((a, b) => position.get(a)! - position.get(b)!);
            const https = mine.filter((p) => admits(p, "tcp", 443) === true);
            const open = internetCovered(https.flatMap((p) => p.cidrs));
            if (open.length > 0) {
                const through = culprits(https.filter((p) => p.cidrs.length > 0));
                out.push({
                    urn: endpoint.urn,
                    message:
                        `${what} admits TCP 443 from the whole internet (${listText(open)}) through ${permissionList(through)}. ` +
                        `An endpoint serves its VPC and connected networks; allow the VPC CIDR instead.`,
                });
            }
            const judgeable =
                groups.length > 0 &&
                groups.every((g) => g.resource !== undefined) &&
                !mine.some((p) => admits(p, "tcp", 443) === undefined || p.unknownCidrs);
            if (!judgeable || https.some((p) => p.otherSources)) continue;
            const vpc = index.vpcRefs(endpoint)[0];
            const cidrs = vpc ? vpcCidrs(vpc) : undefined;
            const allowed = https.flatMap((p) => p.cidrs);
            const covered = cidrs === undefined ? allowed.length > 0 : cidrs.every((c) => cidrsCover(allowed, c));
            if (covered) continue;
            const from = allowed.length > 0 ? `only from ${listText(allowed)}` : "from nowhere";
            const vpcText = vpc && cidrs ? `${index.label(vpc, "VPC")} (${listText(cidrs)})` : "its VPC";
            out.push({
                urn: endpoint.urn,
                message:
                    `${what} does not admit TCP 443 from all of ${vpcText}: its security groups allow it ${from}. Nodes and ` +
                    `pods elsewhere in the VPC cannot reach ${service}. Allow TCP 443 from the VPC CIDR, or from the node ` +
                    `security group.`,
            });
        }
        return out;
    },
};

const SERVICES: { text: string; admitted: (p: Permission) => boolean; why: string }[] = [
    { text: "TCP 443", admitted: (p) => admits(p, "tcp", 443) === true, why: "HTTPS" },
    { text: "DNS (port 53)", admitted: (p) => admits(p, "udp", 53) === true || admits(p, "tcp", 53) === true, why: "DNS" },
];

/** Rule 10. No HTTPS or DNS from the whole internet on a cluster, endpoint or resolver security group. */
export const noInternetIngress: StackRule = {
    kind: "stack",
    name: "no-internet-https-dns-ingress",
    description:
        "No security group of an EKS cluster, interface VPC endpoint or Route 53 Resolver endpoint admits TCP 443 or DNS " +
        "(53) from all of 0.0.0.0/0 or ::/0 (judged on the union of its rules).",
    severity: "high",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation: "Replace the 0.0.0.0/0 and ::/0 sources with the VPC CIDR and the connected networks that need access.",
    link: "https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/",
    source:
        "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, \"Accessing a private only API server\" (443 from the connected network or bastion); https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, " +
        "inbound endpoint security group (DNS from external CIDRs)",
    resourceTypes: [VPC_ENDPOINT, "aws:eks/cluster:Cluster", "eks:index:Cluster", "aws:route53/resolverEndpoint:ResolverEndpoint", ...SG_TYPES, EGRESS_RULE],
    check(resources) {
        const index = new StackIndex(resources);
        const byGroup = permissionsByGroup(ingressPermissions(index));
        const out: Violation[] = [];
        const roles = groupRoles(index);
        // AWS's recommended untracked Resolver shapes admit 0.0.0.0/0 by design ("Resolver endpoint scaling").
        const untracked = untrackedResolverGroups(index, roles);
        for (const [key, group] of roles) {
            if (untracked.has(key)) continue;
            const mine = byGroup.get(key) ?? [];
            for (const service of SERVICES) {
                const through = mine.filter((p) => service.admitted(p) && p.cidrs.length > 0);
                const open = internetCovered(through.flatMap((p) => p.cidrs));
                if (open.length === 0) continue;
                out.push({
                    urn: group.urn ?? through[0].urn,
                    message:
                        `${group.label} (${listText([...group.roles])}) admits ${service.text} from the whole internet ` +
                        `(${listText(open)}) through ${permissionList(culprits(through))}. Admit the VPC CIDR and the connected networks ` +
                        `that need ${service.why} instead.`,
                });
            }
        }
        return out;
    },
};

export const securityGroupRules: StackRule[] = [endpointSecurityGroup, noInternetIngress];
