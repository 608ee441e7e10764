// vpc-endpoint-security-group: an interface VPC endpoint's security groups admit TCP 443 from all of its VPC (or
// from a security group such as the nodes'), and not from the whole internet. A private cluster's endpoints must
// admit the nodes' subnets or security group (EKS user guide,
// https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, "Considerations"); an endpoint listing no
// security group gets the VPC's default group (EC2 API reference,
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html, "Request Parameters",
// SecurityGroupId.N), which admits only its own members.
import { cidrsCover } from "../../shared/cidr";
import { INGRESS_RULE, Ref, SECURITY_GROUP, SECURITY_GROUP_RULE, StackIndex, VPC, VPC_ENDPOINT } from "../stackIndex";
import {
    admits,
    culprits,
    groupRefs,
    ingressPermissions,
    interfaceEndpoints,
    permissionList,
    permissionsByGroup,
} from "../securityGroupPermissions";
import { internetCovered } from "../../shared/cidr";
import { StackRule, Violation } from "../types";
import { knownString, listText, peek, peekList, UNKNOWN } from "../values";

const SG_TYPES = [SECURITY_GROUP, SECURITY_GROUP_RULE, INGRESS_RULE];

/** Known CIDR blocks of a VPC in the stack (primary IPv4 and the Amazon-provided IPv6 block when set). */
function vpcCidrs(ref: Ref): string[] | undefined {
    if (!ref.resource) return undefined;
    const inputs = ref.resource.inputs;
    const v4 = peek(() => inputs.cidrBlock);
    if (v4 === UNKNOWN || typeof v4 !== "string") return undefined;
    return [v4];
}

/** Interface endpoints admit TCP 443 from the whole VPC, and not from the internet. */
export const vpcEndpointSecurityGroup: StackRule = {
    kind: "stack",
    name: "vpc-endpoint-security-group",
    description:
        "An interface VPC endpoint's security groups admit TCP 443 from all of its VPC (or from a security group such as " +
        "the nodes'), and not from the whole internet.",
    severity: "high",
    enforcement: { recommended: "advisory", strict: "mandatory" },
    remediation:
        "Attach a security group that allows TCP 443 from the VPC CIDR (or from the node security group) to each interface " +
        "endpoint; remove 0.0.0.0/0 and ::/0 sources.",
    link: "https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html",
    source: "https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, \"Considerations\" (the endpoint security group must allow the subnets' CIDR or the node security group)",
    resourceTypes: [VPC_ENDPOINT, VPC, ...SG_TYPES],
    check(resources) {
        const index = new StackIndex(resources);
        const perms = ingressPermissions(index);
        const byGroup = permissionsByGroup(perms);
        const position = new Map(perms.map((p, i) => [p, i]));
        const out: Violation[] = [];
        for (const endpoint of interfaceEndpoints(index)) {
            const service = knownString(peek(() => endpoint.inputs.serviceName)) ?? "unknown service";
            const what = `Interface endpoint "${endpoint.name}" (${service})`;
            const listed = peekList(() => endpoint.inputs.securityGroupIds);
            const groups = groupRefs(index, endpoint, "securityGroupIds");
            if (listed !== UNKNOWN && listed.length === 0 && groups.length === 0) {
                out.push({
                    urn: endpoint.urn,
                    message:
                        `${what} lists no securityGroupIds, so AWS attaches the VPC's default security group, which admits ` +
                        `only its own members: nodes and pods cannot reach the endpoint on TCP 443. Attach a security group ` +
                        `that allows TCP 443 from the VPC CIDR.`,
                });
                continue;
            }
            // In the stack's order, as the messages list them.
            const mine = [...new Set(groups.flatMap((g) => byGroup.get(g.key) ?? []))].sort((a, b) => position.get(a)! - position.get(b)!);
            const https = mine.filter((p) => admits(p, "tcp", 443) === true);
            const open = internetCovered(https.flatMap((p) => p.cidrs));
            if (open.length > 0) {
                const through = culprits(https.filter((p) => p.cidrs.length > 0));
                out.push({
                    urn: endpoint.urn,
                    message:
                        `${what} admits TCP 443 from the whole internet (${listText(open)}) through ${permissionList(through)}. ` +
                        `An endpoint serves its VPC and connected networks; allow the VPC CIDR instead.`,
                });
            }
            const judgeable =
                groups.length > 0 &&
                groups.every((g) => g.resource !== undefined) &&
                !mine.some((p) => admits(p, "tcp", 443) === undefined || p.unknownCidrs);
            if (!judgeable || https.some((p) => p.otherSources)) continue;
            const vpc = index.vpcRefs(endpoint)[0];
            const cidrs = vpc ? vpcCidrs(vpc) : undefined;
            const allowed = https.flatMap((p) => p.cidrs);
            const covered = cidrs === undefined ? allowed.length > 0 : cidrs.every((c) => cidrsCover(allowed, c));
            if (covered) continue;
            const from = allowed.length > 0 ? `only from ${listText(allowed)}` : "from nowhere";
            const vpcText = vpc && cidrs ? `${index.label(vpc, "VPC")} (${listText(cidrs)})` : "its VPC";
            out.push({
                urn: endpoint.urn,
                message:
                    `${what} does not admit TCP 443 from all of ${vpcText}: its security groups allow it ${from}. Nodes and ` +
                    `pods elsewhere in the VPC cannot reach ${service}. Allow TCP 443 from the VPC CIDR, or from the node ` +
                    `security group.`,
            });
        }
        return out;
    },
};
