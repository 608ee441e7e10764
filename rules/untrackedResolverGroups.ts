// AWS's recommended security groups for Route 53 Resolver endpoints (Route 53 Developer Guide, "Resolver endpoint
// scaling": https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/best-practices-resolver-endpoint-scaling.html):
// tracked connections can throttle an endpoint to about 1,500 queries per second per IP, so AWS recommends rules that
// leave them untracked. Inbound endpoint: TCP and UDP 53 in from 0.0.0.0/0, all TCP and UDP ports out to 0.0.0.0/0;
// outbound endpoint: all TCP and UDP ports in from 0.0.0.0/0, TCP and UDP 53 out to 0.0.0.0/0. The policies that
// otherwise refuse DNS from the internet or non-DNS ports on a Resolver group accept exactly these shapes.
import { Permission, Role, admits, egressPermissions, ingressPermissions, permissionsByGroup } from "./securityGroupPermissions";
import { internetCovered } from "../shared/cidr";
import { StackIndex } from "./stackIndex";

/** True when the permissions admit `protocol` on every port in `ports` from (or to) all of 0.0.0.0/0. */
function openOn(perms: Permission[], protocol: "tcp" | "udp", ports: number[]): boolean {
    const through = perms.filter((p) => ports.every((port) => admits(p, protocol, port) === true));
    return internetCovered(through.flatMap((p) => p.cidrs)).includes("0.0.0.0/0");
}

const DNS = [53];
const ALL = [0, 53, 1024, 65535];
const both = (perms: Permission[], ports: number[]) => openOn(perms, "tcp", ports) && openOn(perms, "udp", ports);

/**
 * Keys of security groups used only by Resolver endpoints whose rules are one of AWS's untracked shapes: DNS from
 * 0.0.0.0/0 with every port open out (inbound endpoint), or every port open in with DNS to 0.0.0.0/0 (outbound).
 */
export function untrackedResolverGroups(index: StackIndex, roles: Map<string, { roles: Set<Role> }>): Set<string> {
    const ingress = permissionsByGroup(ingressPermissions(index));
    const egress = permissionsByGroup(egressPermissions(index));
    const out = new Set<string>();
    for (const [key, group] of roles) {
        if (group.roles.size !== 1 || !group.roles.has("Route 53 Resolver endpoint")) continue;
        const inPerms = ingress.get(key) ?? [];
        const outPerms = egress.get(key) ?? [];
        const inboundShape = both(inPerms, DNS) && both(outPerms, ALL);
        const outboundShape = both(inPerms, ALL) && both(outPerms, DNS);
        if (inboundShape || outboundShape) out.add(key);
    }
    return out;
}
