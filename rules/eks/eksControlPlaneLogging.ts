// eks-control-plane-logging: all five control-plane log types (api, audit, authenticator, controllerManager,
// scheduler) go to CloudWatch Logs (EKS user guide, https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html,
// "Enable or disable control plane logs"). The same check as Checkov CKV_AWS_37 and Trivy AWS-0038; the
// requiredLogTypes knob narrows the set.
import { CLUSTER_TYPES, skipComponentChild } from "../clusterSettings";
import { ResourceRule } from "../types";
import { configStrings, listText } from "../values";
import { controlPlaneLogTypes } from "../../aws/ids";

/** The five EKS control-plane log types. */
export const CONTROL_PLANE_LOG_TYPES: string[] = [...controlPlaneLogTypes];

/** Every required control-plane log type enabled; an unset list sends none. */
export const eksControlPlaneLogging: ResourceRule = {
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
        const required: string[] = configStrings(config, "requiredLogTypes") ?? CONTROL_PLANE_LOG_TYPES;
        const given = r.inputs.enabledClusterLogTypes;
        const enabled: unknown[] = Array.isArray(given) ? [...(given as unknown[])] : [];
        const missing = required.filter((t) => !enabled.includes(t));
        if (missing.length === 0) return [];
        const state = Array.isArray(given) ? `enabledClusterLogTypes ${JSON.stringify(enabled)} lacks` : "enabledClusterLogTypes is unset, so EKS sends no control-plane logs; missing";
        return [`${state} ${listText(missing)}. Set enabledClusterLogTypes: ${JSON.stringify(required)}.`];
    },
};
