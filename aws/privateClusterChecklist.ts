// The rest of the private-cluster checklist (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html): values the endpoint components output so a
// program can pass them on (Helm values, pod environment), and the notes that are not values.
import { InputError } from "../shared/errors";

/**
 * AWS Load Balancer Controller flags for a cluster without internet access: Shield, WAF and WAFv2 have no VPC
 * endpoints, so the controller must not call them (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, Considerations). Certificate discovery from
 * Ingress host names does not work either: ACM has no endpoint; give certificate ARNs explicitly.
 */
export const loadBalancerControllerFlags: readonly string[] = ["--enable-shield=false", "--enable-waf=false", "--enable-wafv2=false"];

/**
 * Cluster Autoscaler flag: use the built-in instance type list instead of the pricing API, which has no endpoint
 * in the cluster's region (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, Considerations). It also needs the autoscaling and STS endpoints.
 */
export const clusterAutoscalerFlags: readonly string[] = ["--aws-use-static-instance-list=true"];

/**
 * Pod environment that makes AWS SDKs call the regional STS endpoint, the only one the STS interface endpoint
 * serves. Most v1 SDKs default to the global endpoint (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, STS bullet).
 */
export const stsPodEnvironment: Readonly<Record<string, string>> = { AWS_STS_REGIONAL_ENDPOINTS: "regional" };

export const globalStsNote =
    "The global STS endpoint sts.amazonaws.com does not go through the STS VPC endpoint: in a cluster without internet " +
    "access, pods that use it fail to get IAM-role credentials. Set AWS_STS_REGIONAL_ENDPOINTS=regional in the pods " +
    "(or the eks.amazonaws.com/sts-regional-endpoints: \"true\" service-account annotation) so SDKs use the regional endpoint.";

/** The regional STS endpoint URL pods must use (`https://sts.us-east-1.amazonaws.com`, `...amazonaws.com.cn`). */
export function regionalStsEndpoint(region: string, dnsSuffix: string): string {
    return `https://sts.${region}.${dnsSuffix}`;
}

/** Checklist items from https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html that are not endpoint settings. */
export const privateClusterNotes: readonly string[] = [
    "Endpoint private access must be on: nodes register with the cluster through the private endpoint.",
    "Self-managed nodes must run in subnets that have the interface endpoints, and need --apiserver-endpoint and --b64-cluster-ca bootstrap arguments.",
    "Managed node groups: the endpoint security group must allow the node subnets' CIDRs or the node security group (this component allows the VPC's CIDRs by default).",
    "Images must come from a registry reachable in the VPC (ECR in the cluster's region).",
    "The aws-auth ConfigMap must be created from inside the VPC.",
    `AWS Load Balancer Controller: ${loadBalancerControllerFlags.join(" ")}; ACM certificate discovery from Ingress hosts does not work.`,
    `Cluster Autoscaler: ${clusterAutoscalerFlags.join(" ")}, plus the autoscaling and sts endpoints.`,
    "EFS CSI driver: set its container images to the cluster's region before deploying it.",
    "Container products metered through AWS Marketplace cannot run: the Marketplace Metering Service is unreachable.",
    globalStsNote,
];

/**
 * Fails fast when the cluster's endpoint private access is known to be off (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html: "Your cluster must have
 * endpoint private access enabled").
 */
export function checkEndpointPrivateAccess(endpointPrivateAccess: boolean | undefined): void {
    if (endpointPrivateAccess === undefined || endpointPrivateAccess === true) return;
    if (endpointPrivateAccess !== false) throw new InputError("endpointPrivateAccess", "expected true or false");
    throw new InputError(
        "endpointPrivateAccess",
        "a cluster without internet access needs endpoint private access: nodes register through the private endpoint. " +
            "Set vpcConfig.endpointPrivateAccess: true on the cluster and pass true here",
    );
}
