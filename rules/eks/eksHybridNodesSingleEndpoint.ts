// eks-hybrid-nodes-single-endpoint: a cluster with hybrid nodes (remoteNetworkConfig) uses public or private
// endpoint access, not both. With both on, hybrid nodes outside the VPC resolve the endpoint to its public IPs; AWS
// recommends one or the other for such clusters (EKS user guide,
// https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Modifying cluster endpoint access", the
// Enabled/Enabled row). Only aws.eks.Cluster has remoteNetworkConfig.
import { AWS_CLUSTER, EKS_ENDPOINT_DOC, endpointFlags, hasHybridNodes } from "../clusterSettings";
import { ResourceRule } from "../types";

/** Hybrid nodes with both endpoints on. */
export const eksHybridNodesSingleEndpoint: ResourceRule = {
    kind: "resource",
    name: "eks-hybrid-nodes-single-endpoint",
    description: "A cluster with hybrid nodes (remoteNetworkConfig) uses public or private endpoint access, not both.",
    severity: "medium",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation: "Turn off one of endpointPublicAccess and endpointPrivateAccess; with private access, give the hybrid nodes a route and DNS to the VPC.",
    link: EKS_ENDPOINT_DOC,
    source: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, \"Modifying cluster endpoint access\" (Enabled/Enabled row, hybrid nodes)",
    resourceTypes: [AWS_CLUSTER],
    check(r) {
        const flags = endpointFlags(r);
        if (!hasHybridNodes(r) || !flags.publicAccess || !flags.privateAccess) return [];
        return [
            `remoteNetworkConfig is set (hybrid nodes) and both endpointPublicAccess and endpointPrivateAccess are on: hybrid ` +
                `nodes run outside the VPC and resolve the endpoint to its public IPs. AWS recommends either public or ` +
                `private access for clusters with hybrid nodes.`,
        ];
    },
};
