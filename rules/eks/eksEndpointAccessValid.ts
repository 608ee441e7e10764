// eks-endpoint-access-valid: at least one API server endpoint is on. EKS supports three combinations of public and
// private access and rejects both off (EKS user guide, https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html,
// "Modifying cluster endpoint access"), so this rule is mandatory in every profile.
import { CLUSTER_TYPES, EKS_ENDPOINT_DOC, endpointFlags, skipComponentChild } from "../clusterSettings";
import { ResourceRule } from "../types";

/** Both endpoints off: EKS has no such mode. */
export const eksEndpointAccessValid: ResourceRule = {
    kind: "resource",
    name: "eks-endpoint-access-valid",
    description: "At least one API server endpoint is on: EKS rejects a cluster with both public and private access off.",
    severity: "critical",
    enforcement: { recommended: "mandatory", strict: "mandatory" },
    remediation: "Turn on endpointPrivateAccess (and endpointPublicAccess too if clients outside the VPC need the API server).",
    link: EKS_ENDPOINT_DOC,
    source: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, \"Modifying cluster endpoint access\" (the three supported combinations)",
    resourceTypes: CLUSTER_TYPES,
    check(r) {
        skipComponentChild(r);
        const flags = endpointFlags(r);
        if (flags.publicAccess || flags.privateAccess) return [];
        return [
            `${flags.publicText} and ${flags.privateText}: no endpoint would serve the Kubernetes API, and EKS rejects ` +
                `this combination. Turn on endpointPrivateAccess.`,
        ];
    },
};
