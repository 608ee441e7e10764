// eks-public-access-cidrs-valid: publicAccessCidrs holds only blocks EKS accepts, reported in EKS's own words
// (apiEndpoint/endpointAccess.ts publicAccessCidrsProblem): valid network addresses, and no IPv6 blocks on an IPv4
// cluster (EKS user guide, https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "CIDR blocks in
// the public endpoint (IPv4 cluster)" and "(IPv6 cluster)"). EKS rejects the rest at apply time, so this rule is
// mandatory in every profile.
import { publicAccessCidrsProblem } from "../../apiEndpoint/endpointAccess";
import { CLUSTER_TYPES, EKS_ENDPOINT_DOC, endpointFlags, ipFamily, publicAccessCidrs, skipComponentChild } from "../clusterSettings";
import { ResourceRule } from "../types";

/** CIDRs EKS rejects in publicAccessCidrs, in EKS's own words. */
export const eksPublicAccessCidrsValid: ResourceRule = {
    kind: "resource",
    name: "eks-public-access-cidrs-valid",
    description:
        "publicAccessCidrs holds only CIDRs EKS accepts: valid network addresses, and no IPv6 blocks on an IPv4 cluster " +
        "(EKS rejects them at apply time).",
    severity: "high",
    enforcement: { recommended: "mandatory", strict: "mandatory" },
    remediation: "Remove the invalid CIDRs; reach an IPv4 cluster's public endpoint from IPv6 clients through an IPv4 address.",
    link: EKS_ENDPOINT_DOC,
    source: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, \"CIDR blocks in the public endpoint (IPv4 cluster)\" and \"(IPv6 cluster)\"",
    resourceTypes: CLUSTER_TYPES,
    check(r) {
        skipComponentChild(r);
        const cidrs = publicAccessCidrs(r);
        if (!endpointFlags(r).publicAccess || cidrs === undefined || cidrs.length === 0) return [];
        const problem = publicAccessCidrsProblem(cidrs, ipFamily(r));
        return problem ? [problem] : [];
    },
};
