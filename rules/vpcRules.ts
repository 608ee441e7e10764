// Rules 7 and 8 of issue 5: what the cluster's VPC must provide once the private endpoint is on. Stack rules,
// because they join the cluster to its VPC and to the VPC endpoints and DHCP options created next to it. Rule 8
// is in privateClusterEndpointsRule.ts.
import { vpcDnsProblems } from "../apiEndpoint/vpcDns";
import { endpointFlags } from "./cluster";
import { privateClusterVpcEndpoints } from "./privateClusterEndpointsRule";
import { clustersOf, DHCP_ASSOCIATION, DHCP_OPTIONS, Ref, StackIndex } from "./stack";
import { StackResource, StackRule, Violation } from "./types";
import { knownString, knownStrings, listText, peek, peekList, UNKNOWN } from "./values";

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

/** Domain name servers of the DHCP options set associated with the VPC in this stack, when known. */
function domainNameServers(index: StackIndex, vpc: Ref): string[] | undefined {
    for (const assoc of index.ofType(DHCP_ASSOCIATION)) {
        if (!index.vpcRefs(assoc).some((r) => r.key === vpc.key)) continue;
        const options = index.refs(assoc, "dhcpOptionsId", [peek(() => assoc.inputs.dhcpOptionsId)], DHCP_OPTIONS);
        for (const o of options) {
            if (!o.resource) continue;
            const servers = knownStrings(peekList(() => o.resource!.inputs.domainNameServers));
            if (!servers.unknown) return servers.values;
        }
    }
    return undefined;
}

/** Rule 7. Private access on, but the VPC's DNS does not let the EKS private hosted zone answer. */
export const privateEndpointVpcDns: StackRule = {
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
        for (const cluster of clustersOf(index)) {
            if (!flagsOf(cluster)?.privateAccess) continue;
            for (const vpc of index.clusterVpcRefs(cluster)) {
                if (!vpc.resource) continue;
                const problems = vpcDnsProblems({
                    vpcId: vpcId(index, vpc),
                    enableDnsSupport: dnsAttribute(vpc.resource, "enableDnsSupport"),
                    enableDnsHostnames: dnsAttribute(vpc.resource, "enableDnsHostnames"),
                    domainNameServers: domainNameServers(index, vpc),
                });
                for (const problem of problems) {
                    out.push({ urn: vpc.resource.urn, message: `Cluster "${cluster.name}" has private endpoint access on: ${problem}` });
                }
            }
        }
        return out;
    },
};

export const vpcRules: StackRule[] = [privateEndpointVpcDns, privateClusterVpcEndpoints];
