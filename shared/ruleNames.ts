// The names and ports of security group rules, decided before anything is registered: pure, so planners list the
// rules a component will create (shared/securityGroupRuleResources.ts registers them under these names).
import type { KeyedSource } from "./ruleSources";

export interface PortSpec {
    /** `tcp` or `udp`. */
    protocol: "tcp" | "udp";
    port: number;
    /** The last port of a range (`port` is the first); default: `port` alone. */
    toPort?: number;
    /** Why the port is open, used in the rule description (`EKS API`, `DNS`). */
    purpose: string;
}

export type RuleDirection = "ingress" | "egress";

/** One rule of `securityGroupRules`: its resource name, peer and port. */
export interface PlannedRule {
    name: string;
    peer: KeyedSource;
    port: PortSpec;
}

/**
 * The rules `securityGroupRules` creates, in its order: one per port and peer, named
 * `<name>-<protocol><port or range>-<from|to>-<peer key>` (`prod-endpoints-tcp443-from-10-0-0-0-16`). Pure, so a
 * plan can list them before anything is registered.
 */
export function plannedRules(direction: RuleDirection, name: string, peers: KeyedSource[], ports: PortSpec[]): PlannedRule[] {
    const word = direction === "ingress" ? "from" : "to";
    return ports.flatMap((port) => peers.map((peer) => ({ name: `${name}-${port.protocol}${portRange(port)}-${word}-${peer.key}`, peer, port })));
}

/** `443`, or `1024-65535` for a range. */
export function portRange(port: PortSpec): string {
    return port.toPort !== undefined && port.toPort !== port.port ? `${port.port}-${port.toPort}` : `${port.port}`;
}
