// eks-public-endpoint-disabled: the EKS API server's public endpoint is off. EKS turns it on by default for a new
// cluster; with it on, the API server answers from the internet, still behind IAM and RBAC (EKS user guide,
// https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, introduction and "Modifying cluster endpoint
// access").
import { CLUSTER_TYPES, EKS_ENDPOINT_DOC, endpointFlags, skipComponentChild } from "../clusterSettings";
import { ResourceRule } from "../types";

/** Public endpoint off: mandatory in the strict profile, advice otherwise. */
export const eksPublicEndpointDisabled: ResourceRule = {
    kind: "resource",
    name: "eks-public-endpoint-disabled",
    description: "The EKS API server's public endpoint is turned off (an unset endpointPublicAccess counts as on, as in the EKS API).",
    severity: "medium",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation:
        "Set endpointPublicAccess: false and endpointPrivateAccess: true, then reach the API server from the VPC or a " +
        "connected network (VPN, Direct Connect, transit gateway, a bastion).",
    link: EKS_ENDPOINT_DOC,
    source: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, introduction and \"Modifying cluster endpoint access\"",
    resourceTypes: CLUSTER_TYPES,
    check(r) {
        skipComponentChild(r);
        const flags = endpointFlags(r);
        if (!flags.publicAccess) return [];
        return [
            `${flags.publicText}: the Kubernetes API server answers on a public endpoint reachable from the internet ` +
                `(requests are still checked by IAM and RBAC). Set endpointPublicAccess: false with endpointPrivateAccess: ` +
                `true to keep the API server inside the VPC and connected networks.`,
        ];
    },
};
