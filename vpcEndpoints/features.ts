// Every VPC endpoint feature once: its id (EndpointFeature), its description, the services it calls and why
// (featureTable). The map planEndpoints uses (featureEndpoints), the schema's enum descriptions (scripts/schema.ts
// passes featureDescriptions to scripts/schemaDocs.ts) and the README's features table (featureTableMarkdown) are
// derived from these two declarations.
//
// Adding a feature: one `Name: "id"` line in EndpointFeature and one `id: { description, services, why }` row in
// featureTable (tsc fails when either is missing), then `npm run build && npm run schema` and regenerate the README
// table. EndpointFeature stays an object literal of string literals: that is the shape the Pulumi schema analyser
// reads an enum from (@pulumi/pulumi provider/experimental analyzer, extractEnumMembers).
import { endpointCatalog } from "./catalog";

/** Something the cluster runs that calls AWS APIs from inside the VPC; each adds the endpoints it calls (featureEndpoints). */
export const EndpointFeature = {
    Irsa: "irsa",
    ClusterAutoscaler: "clusterAutoscaler",
    PodIdentity: "podIdentity",
    LoadBalancerController: "loadBalancerController",
    SecretsEncryption: "secretsEncryption",
    ContainerInsights: "containerInsights",
    SessionManager: "sessionManager",
    EbsCsiDriver: "ebsCsiDriver",
    EfsCsiDriver: "efsCsiDriver",
    Karpenter: "karpenter",
    SecretsManager: "secretsManager",
    ManagedPrometheus: "managedPrometheus",
    GuardDutyRuntimeMonitoring: "guardDutyRuntimeMonitoring",
    EksApi: "eksApi",
} as const;
export type EndpointFeature = (typeof EndpointFeature)[keyof typeof EndpointFeature];

/** One feature: what it is, the endpoint services it calls from inside the VPC, and why it calls them. */
export interface FeatureRow {
    /** The enum value's description in the schema and SDKs. */
    description: string;
    /** Short service ids (endpointCatalog keys). */
    services: readonly string[];
    /** Why the feature calls them, with the AWS page where one says so. */
    why: string;
}

/** Each feature's description, services and reason, by id. */
export const featureTable: Readonly<Record<EndpointFeature, FeatureRow>> = {
    irsa: {
        description: "IAM roles for service accounts.",
        services: ["sts"],
        why: "pods call AssumeRoleWithWebIdentity on the regional STS endpoint (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html)",
    },
    clusterAutoscaler: {
        description: "Cluster Autoscaler on Auto Scaling groups.",
        services: ["autoscaling", "ec2", "sts"],
        why: "resizes Auto Scaling groups and reads launch templates; the guide requires the autoscaling and STS endpoints (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, Considerations)",
    },
    podIdentity: {
        description: "EKS Pod Identity (the Pod Identity agent).",
        services: ["eks-auth"],
        why: "the Pod Identity agent calls AssumeRoleForPodIdentity on the EKS Auth API",
    },
    loadBalancerController: {
        description: "AWS Load Balancer Controller.",
        services: ["elasticloadbalancing", "ec2"],
        why: "creates load balancers and reads subnets and security groups",
    },
    secretsEncryption: {
        description: "Workloads that use the cluster's KMS key.",
        services: ["kms"],
        why: "KMS for workloads that use the cluster's key from inside the VPC (envelope encryption itself runs in the EKS control plane)",
    },
    containerInsights: {
        description: "CloudWatch Container Insights (the CloudWatch agent).",
        services: ["logs"],
        why: "the CloudWatch agent sends performance logs (EMF) to CloudWatch Logs",
    },
    sessionManager: {
        description: "Systems Manager Session Manager on the nodes.",
        services: ["ssm", "ssmmessages", "ec2messages"],
        why: "the SSM agent on nodes needs all three for Session Manager",
    },
    ebsCsiDriver: { description: "Amazon EBS CSI driver.", services: ["ec2"], why: "CreateVolume and AttachVolume are EC2 API calls" },
    efsCsiDriver: {
        description: "Amazon EFS CSI driver.",
        services: ["elasticfilesystem"],
        why: "dynamic provisioning creates EFS access points (mounts use the mount targets)",
    },
    karpenter: {
        description: "Karpenter.",
        services: ["ec2", "ssm", "sqs", "sts", "eks"],
        why: "launches instances, resolves AMIs from SSM parameters, reads its interruption queue, discovers the cluster",
    },
    secretsManager: {
        description: "Secrets Manager, read by External Secrets or the Secrets Store CSI driver.",
        services: ["secretsmanager"],
        why: "External Secrets / Secrets Store CSI read secrets",
    },
    managedPrometheus: {
        description: "Amazon Managed Service for Prometheus remote write.",
        services: ["aps-workspaces"],
        why: "remote write to an Amazon Managed Prometheus workspace",
    },
    guardDutyRuntimeMonitoring: {
        description: "GuardDuty EKS Runtime Monitoring.",
        services: ["guardduty-data"],
        why: "the GuardDuty agent reports runtime events",
    },
    eksApi: {
        description: "Tools in the VPC that call the EKS API itself (eksctl, the AWS CLI's eks commands).",
        services: ["eks"],
        why: "aws eks / eksctl / CI jobs calling the EKS API from inside the VPC",
    },
};

/** What each feature calls from inside the VPC, and why (featureTable without the descriptions). */
export const featureEndpoints: Readonly<Record<EndpointFeature, { services: readonly string[]; why: string }>> = Object.fromEntries(
    Object.entries(featureTable).map(([id, row]) => [id, { services: row.services, why: row.why }]),
) as Record<EndpointFeature, { services: readonly string[]; why: string }>;

/** The schema description of each EndpointFeature value, by value (for scripts/schemaDocs.ts). */
export function featureDescriptions(): Record<string, string> {
    return Object.fromEntries(Object.entries(featureTable).map(([id, row]) => [id, row.description]));
}

export const FEATURE_TABLE_START = "<!-- endpoint-features-table:start (generated from vpcEndpoints/features.ts) -->";
export const FEATURE_TABLE_END = "<!-- endpoint-features-table:end -->";

/** The README's features table between its markers: one row per feature, in featureTable's order. */
export function featureTableMarkdown(): string {
    const rows = Object.entries(featureTable).map(([id, row]) => {
        const unknown = row.services.filter((s) => endpointCatalog[s] === undefined);
        if (unknown.length > 0) throw new Error(`feature ${id} calls ${unknown.join(", ")}, which endpointCatalog does not list`);
        return `| \`${id}\` | ${row.services.join(", ")} | ${row.why.replace(/\|/g, "\\|")} |`;
    });
    return [FEATURE_TABLE_START, "| feature | endpoints | why |", "|---|---|---|", ...rows, FEATURE_TABLE_END].join("\n");
}

/** `readme` with the features table between the markers replaced by the current one; throws when the markers are missing. */
export function withFeatureTable(readme: string): string {
    const start = readme.indexOf(FEATURE_TABLE_START);
    const end = readme.indexOf(FEATURE_TABLE_END);
    if (start < 0 || end < start) throw new Error(`README.md has no ${FEATURE_TABLE_START} ... ${FEATURE_TABLE_END} section`);
    return readme.slice(0, start) + featureTableMarkdown() + readme.slice(end + FEATURE_TABLE_END.length);
}
