// no-internet-https-dns-ingress: no security group of an EKS cluster, interface VPC endpoint or Route 53 Resolver
// endpoint admits TCP 443 or DNS (53) from all of 0.0.0.0/0 or ::/0, judged on the union of its rules. A private
// API server is reached from the VPC, a connected network or a bastion (EKS user guide,
// https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Accessing a private only API server"); an
// inbound Resolver endpoint answers the networks that forward to it (AWS Compute blog,
// https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/). AWS's untracked
// Resolver shapes are accepted (untrackedResolverGroups.ts).
import { EGRESS_RULE, INGRESS_RULE, SECURITY_GROUP, SECURITY_GROUP_RULE, StackIndex, VPC_ENDPOINT } from "../stackIndex";
import { untrackedResolverGroups } from "../untrackedResolverGroups";
import { admits, culprits, groupRoles, ingressPermissions, Permission, permissionList, permissionsByGroup } from "../securityGroupPermissions";
import { internetCovered } from "../../shared/cidr";
import { StackRule, Violation } from "../types";
import { listText } from "../values";

const SG_TYPES = [SECURITY_GROUP, SECURITY_GROUP_RULE, INGRESS_RULE];

const SERVICES: { text: string; admitted: (p: Permission) => boolean; why: string }[] = [
    { text: "TCP 443", admitted: (p) => admits(p, "tcp", 443) === true, why: "HTTPS" },
    { text: "DNS (port 53)", admitted: (p) => admits(p, "udp", 53) === true || admits(p, "tcp", 53) === true, why: "DNS" },
];

/** No HTTPS or DNS from the whole internet on a cluster, endpoint or resolver security group. */
export const noInternetHttpsDnsIngress: StackRule = {
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
