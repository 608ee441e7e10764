// Rules 7 and 8 of issue 5: what the cluster's VPC must provide once the private endpoint is on. Stack rules,
// because they join the cluster to its VPC and to the VPC endpoints and DHCP options created next to it.
import { endpointCatalog, requiredEndpointServices } from "../lib/endpointServices";
import { vpcDnsProblems } from "../lib/vpcDns";
import { endpointFlags } from "./cluster";
import { clustersOf, DHCP_ASSOCIATION, DHCP_OPTIONS, Ref, StackIndex, VPC_ENDPOINT } from "./stack";
import { StackResource, StackRule, Violation } from "./types";
import { knownString, knownStrings, listText, peek, peekList, UNKNOWN } from "./values";

/**
 * The VPC endpoints a cluster without outbound internet access needs (reference 001, the endpoint table of
 * "Private cluster requirements"): the services without which it does not work at all (lib/endpointServices)
 * plus CloudWatch Logs and Elastic Load Balancing, which issue 5 lists too (log shipping, the load balancer
 * controller).
 */
export const PRIVATE_CLUSTER_SERVICES: string[] = [...requiredEndpointServices, "logs", "elasticloadbalancing"];

/** `com.amazonaws.us-east-1.ecr.api` and `cn.com.amazonaws.cn-north-1.ecr.api` -> `ecr.api`. */
export function endpointServiceShortName(serviceName: string): string | undefined {
    const match = /^(?:[a-z]{2,3}\.)?com\.amazonaws\.[a-z]{2}(?:-[a-z]+)+-\d+\.(.+)$/.exec(serviceName);
    return match ? match[1] : undefined;
}

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
    source: "reference 000, \"Cluster private endpoint\"; reference 004, \"Prerequisites\"",
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

/** Rule 8. Private-only cluster whose VPC lacks the endpoints nodes need without internet access. */
export const privateClusterVpcEndpoints: StackRule = {
    kind: "stack",
    name: "eks-private-cluster-vpc-endpoints",
    description:
        "A private-only cluster's VPC has a VPC endpoint for each service nodes need without internet access (ec2, " +
        "ecr.api, ecr.dkr, s3, sts, logs, elasticloadbalancing by default), in the stack or listed as existing elsewhere.",
    severity: "high",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation:
        "Create the missing endpoints in the cluster's VPC (interface endpoints com.amazonaws.<region>.<service>; s3 as a " +
        "gateway endpoint), or list endpoints that exist outside this stack in the policy's existingEndpoints config.",
    link: "https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html",
    source: "reference 001, \"Private cluster requirements\" (VPC endpoint table)",
    resourceTypes: ["aws:eks/cluster:Cluster", "eks:index:Cluster", VPC_ENDPOINT],
    configSchema: {
        requiredServices: {
            type: "array",
            items: { type: "string" },
            description: "Short service names (ecr.api) a private-only cluster's VPC needs an endpoint for.",
            default: PRIVATE_CLUSTER_SERVICES,
        },
        existingEndpoints: {
            type: "array",
            items: { type: "string" },
            description: "Services whose endpoints exist outside this stack (shared VPC, central endpoints) and count as present.",
            default: [],
        },
    },
    check(resources, config) {
        const index = new StackIndex(resources);
        const required: string[] = config.requiredServices ?? PRIVATE_CLUSTER_SERVICES;
        const existing: string[] = config.existingEndpoints ?? [];
        const out: Violation[] = [];
        for (const cluster of clustersOf(index)) {
            const flags = flagsOf(cluster);
            if (!flags || flags.publicAccess || !flags.privateAccess) continue;
            const vpcs = index.clusterVpcRefs(cluster);
            if (vpcs.length === 0) continue;
            const keys = new Set(vpcs.map((v) => v.key));
            const present = new Set<string>();
            let unknownService = false;
            for (const endpoint of index.ofType(VPC_ENDPOINT)) {
                if (!index.vpcRefs(endpoint).some((r) => keys.has(r.key))) continue;
                const serviceName = knownString(peek(() => endpoint.inputs.serviceName));
                const short = serviceName === undefined ? undefined : endpointServiceShortName(serviceName);
                if (short === undefined) unknownService = true;
                else present.add(short);
            }
            const missing = required.filter((s) => !present.has(s) && !existing.includes(s));
            if (missing.length === 0 || unknownService) continue;
            const where = vpcs.map((v) => index.label(v, "VPC")).join(", ");
            out.push({
                urn: cluster.urn,
                message:
                    `Cluster "${cluster.name}" is private-only, but ${where} has no VPC endpoint for ${listText(missing)}. ` +
                    `Without internet access: ${missing.map((s) => `${s}: ${endpointCatalog[s]?.why ?? "workloads call it"}`).join("; ")}. ` +
                    `Create the endpoints, or list the ones that exist outside this stack in existingEndpoints.`,
            });
        }
        return out;
    },
};

export const vpcRules: StackRule[] = [privateEndpointVpcDns, privateClusterVpcEndpoints];
