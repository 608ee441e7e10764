// Rules 1-6 of issue 5: the API server endpoint of an EKS cluster (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Modifying cluster endpoint
// access" and the "CIDR blocks in the public endpoint" sections), plus the allowed-Kubernetes-versions knob.
import { addressSpaceCovered, cidrContains, cidrProblem } from "../shared/cidr";
import { defaultPublicAccessCidrs, isRestricted, publicAccessCidrsProblem } from "../apiEndpoint/endpointAccess";
import {
    AWS_CLUSTER,
    CLUSTER_TYPES,
    endpointFlags,
    hasHybridNodes,
    ipFamily,
    publicAccessCidrs,
    skipComponentChild,
} from "./cluster";
import { ResourceRule, RuleNotApplicable, RuleResource } from "./types";
import { listText } from "./values";

const ENDPOINT_DOC = "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html";

/**
 * The CIDRs the public endpoint admits (the list given, or EKS's default when it is missing or empty), and a
 * sentence start that names them: `publicAccessCidrs ["0.0.0.0/1","128.0.0.0/1"] covers all of` or
 * `publicAccessCidrs is unset, which EKS treats as`.
 */
function effectiveCidrs(r: RuleResource): { cidrs: string[]; text: string } {
    const given = publicAccessCidrs(r);
    if (given !== undefined && given.length > 0) return { cidrs: given, text: `publicAccessCidrs ${JSON.stringify(given)} covers all of` };
    const state = given === undefined ? "unset" : "empty";
    return { cidrs: defaultPublicAccessCidrs(ipFamily(r)), text: `publicAccessCidrs is ${state}, which EKS treats as` };
}

/** Rule 1. Public endpoint off: mandatory in the strict profile, advice otherwise. */
export const publicEndpointDisabled: ResourceRule = {
    kind: "resource",
    name: "eks-public-endpoint-disabled",
    description: "The EKS API server's public endpoint is turned off (an unset endpointPublicAccess counts as on, as in the EKS API).",
    severity: "medium",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation:
        "Set endpointPublicAccess: false and endpointPrivateAccess: true, then reach the API server from the VPC or a " +
        "connected network (VPN, Direct Connect, transit gateway, a bastion).",
    link: ENDPOINT_DOC,
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

/** Rule 2. Public endpoint open to the internet, judged numerically; plus the allowedCidrs knob. */
export const publicEndpointNotOpen: ResourceRule = {
    kind: "resource",
    name: "eks-public-endpoint-not-open",
    description:
        "A public API server endpoint admits only listed networks: publicAccessCidrs must not cover all of 0.0.0.0/0 or ::/0 " +
        "(a missing or empty list is EKS's default, the whole internet).",
    severity: "high",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation:
        "List only the networks that need the API server in publicAccessCidrs (office ranges, CI runners' NAT addresses), " +
        "or turn the public endpoint off.",
    link: ENDPOINT_DOC,
    source: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, \"Modifying cluster endpoint access\" (public access with optional CIDR limits) and the CIDR sections",
    resourceTypes: CLUSTER_TYPES,
    configSchema: {
        allowedCidrs: {
            type: "array",
            items: { type: "string" },
            description: "When set, every publicAccessCidrs block must lie inside one of these CIDRs.",
            default: [],
        },
    },
    check(r, config) {
        skipComponentChild(r);
        if (!endpointFlags(r).publicAccess) return [];
        const { cidrs, text } = effectiveCidrs(r);
        const messages: string[] = [];
        const open = [addressSpaceCovered(cidrs, 4) >= 1 ? "0.0.0.0/0" : "", addressSpaceCovered(cidrs, 6) >= 1 ? "::/0" : ""].filter(
            (c) => c !== "",
        );
        if (open.length > 0) {
            messages.push(
                `The public API server endpoint is open to the whole internet: ${text} ${listText(open)}. ` +
                    `List only the networks that need the API server, or turn the public endpoint off.`,
            );
        }
        const allowed: string[] = (config.allowedCidrs ?? []).filter((c: unknown) => typeof c === "string" && !cidrProblem(c));
        if (allowed.length > 0) {
            const outside = cidrs.filter((c) => !cidrProblem(c) && !allowed.some((a) => cidrContains(a, c)));
            if (outside.length > 0) {
                messages.push(
                    `publicAccessCidrs admits ${listText(outside)}, outside the CIDRs this policy allows ` +
                        `(${listText(allowed)}). Narrow publicAccessCidrs to the allowed networks.`,
                );
            }
        }
        return messages;
    },
};

/** Rule 3. Both endpoints off: EKS has no such mode. */
export const endpointAccessValid: ResourceRule = {
    kind: "resource",
    name: "eks-endpoint-access-valid",
    description: "At least one API server endpoint is on: EKS rejects a cluster with both public and private access off.",
    severity: "critical",
    enforcement: { recommended: "mandatory", strict: "mandatory" },
    remediation: "Turn on endpointPrivateAccess (and endpointPublicAccess too if clients outside the VPC need the API server).",
    link: ENDPOINT_DOC,
    source: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, \"Modifying cluster endpoint access\" (the three supported combinations)",
    resourceTypes: CLUSTER_TYPES,
    check(r) {
        skipComponentChild(r);
        const flags = endpointFlags(r);
        if (flags.publicAccess || flags.privateAccess) return [];
        return [
            `${flags.publicText} and ${flags.privateText}: no endpoint would serve the Kubernetes API, and EKS rejects ` +
                `this combination. Turn on endpointPrivateAccess.`,
        ];
    },
};

/** Rule 4. CIDRs EKS rejects in publicAccessCidrs, in EKS's own words (apiEndpoint/endpointAccess). */
export const publicAccessCidrsValid: ResourceRule = {
    kind: "resource",
    name: "eks-public-access-cidrs-valid",
    description:
        "publicAccessCidrs holds only CIDRs EKS accepts: valid network addresses, and no IPv6 blocks on an IPv4 cluster " +
        "(EKS rejects them at apply time).",
    severity: "high",
    enforcement: { recommended: "mandatory", strict: "mandatory" },
    remediation: "Remove the invalid CIDRs; reach an IPv4 cluster's public endpoint from IPv6 clients through an IPv4 address.",
    link: ENDPOINT_DOC,
    source: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, \"CIDR blocks in the public endpoint (IPv4 cluster)\" and \"(IPv6 cluster)\"",
    resourceTypes: CLUSTER_TYPES,
    check(r) {
        skipComponentChild(r);
        const cidrs = publicAccessCidrs(r);
        if (!endpointFlags(r).publicAccess || cidrs === undefined || cidrs.length === 0) return [];
        const problem = publicAccessCidrsProblem(cidrs, ipFamily(r));
        return problem ? [problem] : [];
    },
};

/** Rule 5. Restricted public endpoint without private access: nodes may be locked out. */
export const restrictedPublicNeedsPrivate: ResourceRule = {
    kind: "resource",
    name: "eks-restricted-public-endpoint-private-access",
    description:
        "A public endpoint restricted by publicAccessCidrs comes with private access on, so nodes and Fargate pods do not " +
        "depend on their egress addresses being in the list.",
    severity: "medium",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation:
        "Set endpointPrivateAccess: true (AWS's recommendation), or make sure publicAccessCidrs includes the NAT or public " +
        "addresses the nodes and Fargate pods reach the endpoint from.",
    link: ENDPOINT_DOC,
    source: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, \"Modifying cluster endpoint access\" (Enabled/Disabled row)",
    resourceTypes: CLUSTER_TYPES,
    check(r) {
        skipComponentChild(r);
        const flags = endpointFlags(r);
        const cidrs = publicAccessCidrs(r);
        if (!flags.publicAccess || flags.privateAccess || cidrs === undefined || cidrs.length === 0) return [];
        if (!isRestricted(cidrs, ipFamily(r))) return [];
        return [
            `publicAccessCidrs ${JSON.stringify(cidrs)} restricts the public endpoint while ${flags.privateText}: nodes ` +
                `and Fargate pods reach the API server through the public endpoint, so unless their NAT or public addresses ` +
                `are inside these CIDRs they cannot join the cluster. Set endpointPrivateAccess: true.`,
        ];
    },
};

/** Rule 6. Hybrid nodes with both endpoints on. */
export const hybridNodesSingleEndpoint: ResourceRule = {
    kind: "resource",
    name: "eks-hybrid-nodes-single-endpoint",
    description: "A cluster with hybrid nodes (remoteNetworkConfig) uses public or private endpoint access, not both.",
    severity: "medium",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation: "Turn off one of endpointPublicAccess and endpointPrivateAccess; with private access, give the hybrid nodes a route and DNS to the VPC.",
    link: ENDPOINT_DOC,
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

/** The allowed-Kubernetes-versions knob: idle until `allowedVersions` is configured. */
export const kubernetesVersionAllowed: ResourceRule = {
    kind: "resource",
    name: "eks-kubernetes-version-allowed",
    description: "The cluster's Kubernetes version is one the platform team allows (only when allowedVersions is configured).",
    severity: "low",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation: "Set version to one of the allowed Kubernetes versions.",
    link: "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html",
    source: "issue 5 (config knob: allowed Kubernetes versions)",
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
        const allowed: string[] = (config.allowedVersions ?? []).filter((v: unknown) => typeof v === "string");
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

export const endpointRules: ResourceRule[] = [
    publicEndpointDisabled,
    publicEndpointNotOpen,
    endpointAccessValid,
    publicAccessCidrsValid,
    restrictedPublicNeedsPrivate,
    hybridNodesSingleEndpoint,
    kubernetesVersionAllowed,
];
