// eks-secrets-encryption: Kubernetes secrets are envelope-encrypted with a KMS key you control (EKS user guide,
// https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html). The same check as Checkov CKV_AWS_58
// and Trivy AWS-0039: an encryption config with a KMS key whose resources include "secrets"; for the @pulumi/eks
// component, its encryptionConfigKeyArn. Scanners run it on EKS, so users need no second tool.
import { AWS_CLUSTER, CLUSTER_TYPES, skipComponentChild } from "../clusterSettings";
import { ResourceRule } from "../types";
import { propsOf } from "../values";

/** Secrets envelope-encrypted with a KMS key: aws.eks.Cluster's encryptionConfig, or the component's key ARN. */
export const eksSecretsEncryption: ResourceRule = {
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
        const settings = propsOf(config) ?? {};
        const resources: unknown[] = Array.isArray(settings.resources) ? [...(settings.resources as unknown[])] : [];
        const keyArn = propsOf(settings.provider)?.keyArn;
        const problems: string[] = [];
        if (!resources.includes("secrets")) problems.push(`resources ${JSON.stringify(resources)} does not include "secrets"`);
        if (typeof keyArn !== "string" || keyArn === "") problems.push("provider.keyArn is unset");
        return problems.length === 0
            ? []
            : [`encryptionConfig does not encrypt secrets: ${problems.join(" and ")}. Set encryptionConfig: { provider: { keyArn }, resources: ["secrets"] }.`];
    },
};
