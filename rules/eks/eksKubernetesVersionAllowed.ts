// eks-kubernetes-version-allowed: the cluster runs a Kubernetes version the platform team allows. Idle until the
// allowedVersions knob is set. An unset version is EKS's current default, which changes over time (EKS user guide,
// https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html, "Available versions on standard
// support"); an allowed "1.32" admits "1.32" and any "1.32.x".
import { CLUSTER_TYPES, skipComponentChild } from "../clusterSettings";
import { ResourceRule, RuleNotApplicable } from "../types";
import { configStrings, listText } from "../values";

/** The allowed-Kubernetes-versions knob: idle until `allowedVersions` is configured. */
export const eksKubernetesVersionAllowed: ResourceRule = {
    kind: "resource",
    name: "eks-kubernetes-version-allowed",
    description: "The cluster's Kubernetes version is one the platform team allows (only when allowedVersions is configured).",
    severity: "low",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation: "Set version to one of the allowed Kubernetes versions.",
    link: "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html",
    source: "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html, \"Available versions on standard support\" (allowed versions are a config knob)",
    resourceTypes: CLUSTER_TYPES,
    configSchema: {
        allowedVersions: {
            type: "array",
            items: { type: "string" },
            description: "Kubernetes minor versions allowed, like \"1.32\"; empty turns the rule off.",
            default: [],
        },
    },
    check(r, config) {
        const allowed = configStrings(config, "allowedVersions") ?? [];
        if (allowed.length === 0) throw new RuleNotApplicable("no allowedVersions configured");
        skipComponentChild(r);
        const version = r.inputs.version;
        if (typeof version !== "string" || version === "") {
            return [`version is unset, so EKS picks its current default Kubernetes version; set one of ${listText(allowed)}.`];
        }
        const minor = version.split(".").slice(0, 2).join(".");
        return allowed.includes(version) || allowed.includes(minor)
            ? []
            : [`Kubernetes version ${version} is not allowed; use one of ${listText(allowed)}.`];
    },
};
