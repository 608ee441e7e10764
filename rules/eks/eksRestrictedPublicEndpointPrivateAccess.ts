// eks-restricted-public-endpoint-private-access: a public endpoint restricted by publicAccessCidrs comes with private
// access on. With private access off, nodes and Fargate pods reach the API server through the public endpoint, so
// their egress addresses must be in the list; AWS recommends turning private access on instead (EKS user guide,
// https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Modifying cluster endpoint access",
// the Enabled/Disabled row).
import { isRestricted } from "../../apiEndpoint/endpointAccess";
import { CLUSTER_TYPES, EKS_ENDPOINT_DOC, endpointFlags, ipFamily, publicAccessCidrs, skipComponentChild } from "../clusterSettings";
import { ResourceRule } from "../types";

/** Restricted public endpoint without private access: nodes may be locked out. */
export const eksRestrictedPublicEndpointPrivateAccess: ResourceRule = {
    kind: "resource",
    name: "eks-restricted-public-endpoint-private-access",
    description:
        "A public endpoint restricted by publicAccessCidrs comes with private access on, so nodes and Fargate pods do not " +
        "depend on their egress addresses being in the list.",
    severity: "medium",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation:
        "Set endpointPrivateAccess: true (AWS's recommendation), or make sure publicAccessCidrs includes the NAT or public " +
        "addresses the nodes and Fargate pods reach the endpoint from.",
    link: EKS_ENDPOINT_DOC,
    source: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, \"Modifying cluster endpoint access\" (Enabled/Disabled row)",
    resourceTypes: CLUSTER_TYPES,
    check(r) {
        skipComponentChild(r);
        const flags = endpointFlags(r);
        const cidrs = publicAccessCidrs(r);
        if (!flags.publicAccess || flags.privateAccess || cidrs === undefined || cidrs.length === 0) return [];
        if (!isRestricted(cidrs, ipFamily(r))) return [];
        return [
            `publicAccessCidrs ${JSON.stringify(cidrs)} restricts the public endpoint while ${flags.privateText}: nodes ` +
                `and Fargate pods reach the API server through the public endpoint, so unless their NAT or public addresses ` +
                `are inside these CIDRs they cannot join the cluster. Set endpointPrivateAccess: true.`,
        ];
    },
};
