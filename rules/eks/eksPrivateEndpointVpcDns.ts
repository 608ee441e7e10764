// eks-private-endpoint-vpc-dns: a cluster with private endpoint access is in a VPC whose DNS lets the EKS private
// hosted zone answer: enableDnsSupport and enableDnsHostnames on, and AmazonProvidedDNS in the DHCP options (EKS user
// guide, https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Cluster private endpoint"; AWS
// Compute blog, https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/,
// "Prerequisites"). A stack rule: it joins the cluster to its VPC and to the DHCP options created next to it, and
// judges a VPC only when it is in the same stack.
import { vpcDnsProblems } from "../../apiEndpoint/vpcDns";
import { endpointFlags } from "../clusterSettings";
import { appendTo, clustersOf, DHCP_ASSOCIATION, DHCP_OPTIONS, Ref, StackIndex } from "../stackIndex";
import { StackResource, StackRule, Violation } from "../types";
import { knownStrings, peek, peekList, UNKNOWN } from "../values";

/** Cluster endpoint flags, or undefined while any of them is unknown. */
function flagsOf(cluster: StackResource) {
    const flags = peek(() => endpointFlags(cluster));
    return flags === UNKNOWN ? undefined : flags;
}

/** The VPC's id, or a placeholder naming the resource while the id is not known. */
function vpcId(index: StackIndex, ref: Ref): string {
    return ref.id ?? (ref.resource ? index.idOf(ref.resource) : undefined) ?? `<id of VPC "${ref.resource?.name ?? ref.key}">`;
}

/** AWS defaults for a VPC's DNS attributes when the input is unset; unknown values are not judged. */
function dnsAttribute(vpc: StackResource, attr: "enableDnsSupport" | "enableDnsHostnames"): boolean | undefined {
    const value = peek(() => vpc.inputs[attr]);
    if (value === UNKNOWN) return true;
    if (typeof value === "boolean") return value;
    return attr === "enableDnsSupport";
}

/** The stack's DHCP options associations by the key of each VPC they refer to, in stack order (built once per stack). */
function associationsByVpc(index: StackIndex): Map<string, StackResource[]> {
    const out = new Map<string, StackResource[]>();
    for (const assoc of index.ofType(DHCP_ASSOCIATION)) for (const ref of index.vpcRefs(assoc)) appendTo(out, ref.key, assoc);
    return out;
}

/** Domain name servers of the DHCP options set associated with the VPC in this stack, when known. */
function domainNameServers(index: StackIndex, associations: Map<string, StackResource[]>, vpc: Ref): string[] | undefined {
    for (const assoc of associations.get(vpc.key) ?? []) {
        const options = index.refs(assoc, "dhcpOptionsId", [peek(() => assoc.inputs.dhcpOptionsId)], DHCP_OPTIONS);
        for (const o of options) {
            if (!o.resource) continue;
            const servers = knownStrings(peekList(() => o.resource!.inputs.domainNameServers));
            if (!servers.unknown) return servers.values;
        }
    }
    return undefined;
}

/** Private access on, but the VPC's DNS does not let the EKS private hosted zone answer. */
export const eksPrivateEndpointVpcDns: StackRule = {
    kind: "stack",
    name: "eks-private-endpoint-vpc-dns",
    description:
        "A cluster with private endpoint access is in a VPC with enableDnsSupport and enableDnsHostnames on and " +
        "AmazonProvidedDNS in its DHCP options (checked when the VPC is in the same stack).",
    severity: "high",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation:
        "Set enableDnsSupport: true and enableDnsHostnames: true on the aws.ec2.Vpc, and keep AmazonProvidedDNS in its DHCP " +
        "options set's domainNameServers.",
    link: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
    source: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, \"Cluster private endpoint\"; https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, \"Prerequisites\"",
    resourceTypes: ["aws:eks/cluster:Cluster", "eks:index:Cluster", "aws:ec2/vpc:Vpc", DHCP_ASSOCIATION, DHCP_OPTIONS],
    check(resources) {
        const index = new StackIndex(resources);
        const out: Violation[] = [];
        // Indexed once, so each cluster's VPC looks up its associations instead of scanning all of them.
        const associations = associationsByVpc(index);
        for (const cluster of clustersOf(index)) {
            if (!flagsOf(cluster)?.privateAccess) continue;
            for (const vpc of index.clusterVpcRefs(cluster)) {
                if (!vpc.resource) continue;
                const problems = vpcDnsProblems({
                    vpcId: vpcId(index, vpc),
                    enableDnsSupport: dnsAttribute(vpc.resource, "enableDnsSupport"),
                    enableDnsHostnames: dnsAttribute(vpc.resource, "enableDnsHostnames"),
                    domainNameServers: domainNameServers(index, associations, vpc),
                });
                for (const problem of problems) {
                    out.push({ urn: vpc.resource.urn, message: `Cluster "${cluster.name}" has private endpoint access on: ${problem}` });
                }
            }
        }
        return out;
    },
};
