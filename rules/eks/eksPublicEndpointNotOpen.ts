// eks-public-endpoint-not-open: a public API server endpoint admits only listed networks. EKS's publicAccessCidrs
// defaults to 0.0.0.0/0 (and ::/0 on an IPv6 cluster) when missing or empty (EKS user guide,
// https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Modifying cluster endpoint access" and
// "CIDR blocks in the public endpoint"); the union of the blocks is judged numerically, so 0.0.0.0/1 + 128.0.0.0/1
// counts as open. The allowedCidrs knob narrows what the platform team accepts.
import { cidrContains, cidrProblem, internetCovered } from "../../shared/cidr";
import { defaultPublicAccessCidrs } from "../../apiEndpoint/endpointAccess";
import { CLUSTER_TYPES, EKS_ENDPOINT_DOC, endpointFlags, ipFamily, publicAccessCidrs, skipComponentChild } from "../clusterSettings";
import { ResourceRule, RuleResource } from "../types";
import { configStrings, listText } from "../values";

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

/** Public endpoint open to the internet, judged numerically; plus the allowedCidrs knob. */
export const eksPublicEndpointNotOpen: ResourceRule = {
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
    link: EKS_ENDPOINT_DOC,
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
        const open = internetCovered(cidrs);
        if (open.length > 0) {
            messages.push(
                `The public API server endpoint is open to the whole internet: ${text} ${listText(open)}. ` +
                    `List only the networks that need the API server, or turn the public endpoint off.`,
            );
        }
        const allowed = (configStrings(config, "allowedCidrs") ?? []).filter((c) => !cidrProblem(c));
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
