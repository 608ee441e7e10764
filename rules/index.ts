// Every rule of the policy pack, in one list, with the metadata the pack, the offline plan and the README use.
// Adding a rule: its file under eks/, vpc/ or resolver/ (named after the policy, `eks-foo-bar` -> eksFooBar.ts,
// exporting `eksFooBar`), its test beside it (eksFooBar.test.ts), and one line in `rules` below; then
// `npm run policy-profiles` rewrites policy/profiles/*.json and the README's policy table.
import { eksControlPlaneLogging } from "./eks/eksControlPlaneLogging";
import { eksEndpointAccessValid } from "./eks/eksEndpointAccessValid";
import { eksHybridNodesSingleEndpoint } from "./eks/eksHybridNodesSingleEndpoint";
import { eksKubernetesVersionAllowed } from "./eks/eksKubernetesVersionAllowed";
import { eksPrivateClusterVpcEndpoints } from "./eks/eksPrivateClusterVpcEndpoints";
import { eksPrivateEndpointVpcDns } from "./eks/eksPrivateEndpointVpcDns";
import { eksPublicAccessCidrsValid } from "./eks/eksPublicAccessCidrsValid";
import { eksPublicEndpointDisabled } from "./eks/eksPublicEndpointDisabled";
import { eksPublicEndpointNotOpen } from "./eks/eksPublicEndpointNotOpen";
import { eksRestrictedPublicEndpointPrivateAccess } from "./eks/eksRestrictedPublicEndpointPrivateAccess";
import { eksSecretsEncryption } from "./eks/eksSecretsEncryption";
import { resolverEndpointRedundancy } from "./resolver/resolverEndpointRedundancy";
import { resolverForwardRuleTargets } from "./resolver/resolverForwardRuleTargets";
import { resolverSecurityGroupDnsOnly } from "./resolver/resolverSecurityGroupDnsOnly";
import { EnforcementLevel, Profile, Rule, RuleMeta } from "./types";
import { noInternetHttpsDnsIngress } from "./vpc/noInternetHttpsDnsIngress";
import { vpcEndpointSecurityGroup } from "./vpc/vpcEndpointSecurityGroup";

export * from "./types";

/**
 * All rules, in the order the pack reports them: the API server endpoint, what the cluster's VPC must provide, who
 * may reach the endpoints, Route 53 Resolver, the scanners' cluster checks, then the version knob.
 */
export const rules: Rule[] = [
    eksPublicEndpointDisabled,
    eksPublicEndpointNotOpen,
    eksEndpointAccessValid,
    eksPublicAccessCidrsValid,
    eksRestrictedPublicEndpointPrivateAccess,
    eksHybridNodesSingleEndpoint,
    eksPrivateEndpointVpcDns,
    eksPrivateClusterVpcEndpoints,
    vpcEndpointSecurityGroup,
    noInternetHttpsDnsIngress,
    resolverEndpointRedundancy,
    resolverSecurityGroupDnsOnly,
    resolverForwardRuleTargets,
    eksSecretsEncryption,
    eksControlPlaneLogging,
    eksKubernetesVersionAllowed,
];

/** Metadata only (no check functions): for docs, `--json` and config files. */
export function ruleMetadata(): RuleMeta[] {
    return rules.map(({ name, description, severity, enforcement, remediation, link, source, resourceTypes, configSchema }) => ({
        name,
        description,
        severity,
        enforcement,
        remediation,
        link,
        source,
        resourceTypes,
        ...(configSchema ? { configSchema } : {}),
    }));
}

/** A rule's enforcement level in a profile. */
export function levelIn(rule: RuleMeta, profile: Profile): EnforcementLevel {
    return rule.enforcement[profile];
}

/**
 * A policy pack config file for a profile (`pulumi preview --policy-pack policy --policy-pack-config <file>`): each
 * policy's enforcement level in that profile. policy/profiles/*.json are this, written out by `npm run policy-profiles`.
 */
export function profileConfig(profile: Profile): Record<string, { enforcementLevel: EnforcementLevel }> {
    return Object.fromEntries(rules.map((r) => [r.name, { enforcementLevel: levelIn(r, profile) }]));
}
