// Plan, then build: what ClusterEndpointAccess creates, decided from its arguments alone, so a composite
// (PrivateCluster) validates it before registering anything, with its own argument path in every message.
import type * as pulumi from "@pulumi/pulumi";
import { EndpointAccessSettings, EndpointAccessSettingsArgs, resolveEndpointAccess } from "./endpointAccess";
import { underArgPath } from "../shared/errors";
import { PortSpec, plannedRules } from "../shared/ruleNames";

/** A resource the component will register: its type token and name. */
export interface PlannedResource {
    type: string;
    name: string;
}

/** ClusterEndpointAccess's arguments as the planner reads them (ClusterEndpointAccessArgs is one). */
export interface EndpointAccessPlanArgs extends EndpointAccessSettingsArgs {
    vpcId?: pulumi.Input<string>;
    clusterSecurityGroupId?: pulumi.Input<string>;
    allowedCidrs?: string[];
    allowedSecurityGroupIds?: pulumi.Input<string>[];
    allowedSecurityGroups?: Record<string, pulumi.Input<string>>;
}

/** What ClusterEndpointAccess creates, before anything is registered. */
export interface ClusterEndpointAccessPlan {
    /** The endpoint settings, warnings and the sources of the control-plane 443 rules. */
    settings: EndpointAccessSettings;
    /** Whether the VPC's DNS attributes and DHCP options are looked up (private access on and vpcId given); every output and rule waits for it. */
    checksVpcDns: boolean;
    /** The control-plane 443 rules, in registration order. */
    children: PlannedResource[];
    /** Advice that does not stop the deployment (settings.warnings). */
    warnings: string[];
    /** USD a month: security group rules are free. */
    monthlyCostUsd: number;
}

export const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

/** The port of the control-plane rules: the private endpoint answers on HTTPS. */
export const apiPorts: PortSpec[] = [{ protocol: "tcp", port: 443, purpose: "EKS API" }];

/** The name prefix of the component's rules (`<name>-api-tcp443-from-<source>`). */
export const apiRulesName = (name: string) => `${name}-api`;

/**
 * ClusterEndpointAccess's plan: the settings EKS needs (resolveEndpointAccess), whether the VPC DNS check runs, and
 * the 443 rules. Throws InputError, under `argPath` when given (`endpointAccess.allowedCidrs[0]`).
 */
export function planClusterEndpointAccess(name: string, args: EndpointAccessPlanArgs, argPath?: string): ClusterEndpointAccessPlan {
    return underArgPath(argPath, () => {
        const settings = resolveEndpointAccess(args);
        const rules = args.clusterSecurityGroupId === undefined ? [] : plannedRules("ingress", apiRulesName(name), settings.ingressSources, apiPorts);
        return {
            settings,
            checksVpcDns: settings.endpointPrivateAccess && args.vpcId !== undefined,
            children: rules.map((r) => ({ type: INGRESS_RULE, name: r.name })),
            warnings: [...settings.warnings],
            monthlyCostUsd: 0,
        };
    });
}
