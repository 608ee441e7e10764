// Rule 12 of issue 5: the two cluster checks scanners run on EKS, so users need no second tool. Secrets
// encryption matches Checkov CKV_AWS_58 and Trivy AWS-0039 (an encryption config with a KMS key for the
// "secrets" resource); control-plane logging matches Checkov CKV_AWS_37 and Trivy AWS-0038 (all five log types).
import { AWS_CLUSTER, CLUSTER_TYPES, skipComponentChild } from "./cluster";
import { ResourceRule } from "./types";
import { listText } from "./values";
import { controlPlaneLogTypes } from "../aws/ids";

/** The five EKS control-plane log types. */
export const CONTROL_PLANE_LOG_TYPES: string[] = [...controlPlaneLogTypes];

export const secretsEncryption: ResourceRule = {
    kind: "resource",
    name: "eks-secrets-encryption",
    description:
        "Kubernetes secrets are envelope-encrypted with a KMS key you control (Checkov CKV_AWS_58, Trivy AWS-0039).",
    severity: "high",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation:
        "aws.eks.Cluster: set encryptionConfig: { provider: { keyArn }, resources: [\"secrets\"] }; @pulumi/eks Cluster: set " +
        "encryptionConfigKeyArn.",
    link: "https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html",
    source: "Checkov CKV_AWS_58, Trivy AWS-0039",
    resourceTypes: CLUSTER_TYPES,
    check(r) {
        skipComponentChild(r);
        if (r.type !== AWS_CLUSTER) {
            const key = r.inputs.encryptionConfigKeyArn;
            return typeof key === "string" && key !== ""
                ? []
                : ["encryptionConfigKeyArn is unset: Kubernetes secrets are not envelope-encrypted with a KMS key you control. Set encryptionConfigKeyArn."];
        }
        const config = r.inputs.encryptionConfig;
        if (config === undefined || config === null) {
            return [
                "encryptionConfig is unset: Kubernetes secrets are not envelope-encrypted with a KMS key you control. Set " +
                    "encryptionConfig: { provider: { keyArn }, resources: [\"secrets\"] }.",
            ];
        }
        const resources: unknown[] = Array.isArray(config.resources) ? [...config.resources] : [];
        const keyArn = config.provider?.keyArn;
        const problems: string[] = [];
        if (!resources.includes("secrets")) problems.push(`resources ${JSON.stringify(resources)} does not include "secrets"`);
        if (typeof keyArn !== "string" || keyArn === "") problems.push("provider.keyArn is unset");
        return problems.length === 0
            ? []
            : [`encryptionConfig does not encrypt secrets: ${problems.join(" and ")}. Set encryptionConfig: { provider: { keyArn }, resources: ["secrets"] }.`];
    },
};

export const controlPlaneLogging: ResourceRule = {
    kind: "resource",
    name: "eks-control-plane-logging",
    description: "All five control-plane log types go to CloudWatch Logs (Checkov CKV_AWS_37, Trivy AWS-0038).",
    severity: "medium",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation: `Set enabledClusterLogTypes: ${JSON.stringify(CONTROL_PLANE_LOG_TYPES)}.`,
    link: "https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html",
    source: "Checkov CKV_AWS_37, Trivy AWS-0038",
    resourceTypes: CLUSTER_TYPES,
    configSchema: {
        requiredLogTypes: {
            type: "array",
            items: { type: "string" },
            description: "Control-plane log types that must be on.",
            default: CONTROL_PLANE_LOG_TYPES,
        },
    },
    check(r, config) {
        skipComponentChild(r);
        const required: string[] = config.requiredLogTypes ?? CONTROL_PLANE_LOG_TYPES;
        const given = r.inputs.enabledClusterLogTypes;
        const enabled: unknown[] = Array.isArray(given) ? [...given] : [];
        const missing = required.filter((t) => !enabled.includes(t));
        if (missing.length === 0) return [];
        const state = Array.isArray(given) ? `enabledClusterLogTypes ${JSON.stringify(enabled)} lacks` : "enabledClusterLogTypes is unset, so EKS sends no control-plane logs; missing";
        return [`${state} ${listText(missing)}. Set enabledClusterLogTypes: ${JSON.stringify(required)}.`];
    },
};

export const hardeningRules: ResourceRule[] = [secretsEncryption, controlPlaneLogging];
