// Ready-to-paste on-premises forwarder configuration for the cluster endpoint's domain: each DNS server sends
// queries for the domain to the Route 53 Resolver inbound endpoint's IPs, which answer from the EKS-managed
// private hosted zone of the cluster VPC (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Connecting from an on-premises environment": BIND
// forward zone, dnsmasq `server=/<fqdn>/<ip>`, Windows DNS conditional forwarder).
import * as ipaddr from "ipaddr.js";
import { InputError } from "../shared/errors";

/** The forwarding zone for the cluster's endpoint domain, in each common DNS server's configuration language. */
export interface ForwarderConfigs {
    /** BIND `named.conf` forward zone. */
    bind: string;
    /** dnsmasq configuration lines (`/etc/dnsmasq.d/`). */
    dnsmasq: string;
    /** Unbound `unbound.conf` clauses (`/etc/unbound/unbound.conf.d/`). */
    unbound: string;
    /** CoreDNS Corefile server block. */
    coredns: string;
    /** Windows DNS Server PowerShell command. */
    windowsDns: string;
}

export interface ForwarderConfigArgNames {
    /** Argument name used in errors about the domain; default `domain`. */
    domain?: string;
    /** Argument name used in errors about the IPs; default `resolverIps`. */
    resolverIps?: string;
}

const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The domain in lower case without a trailing dot; throws InputError naming `arg` when it is not a DNS name. */
export function normalizeDomain(domain: string, arg = "domain"): string {
    const text = typeof domain === "string" ? domain.trim().toLowerCase().replace(/\.$/, "") : "";
    const labels = text.split(".");
    if (!text || text.length > 253 || labels.length < 2 || !labels.every((l) => label.test(l))) {
        throw new InputError(
            arg,
            `${JSON.stringify(domain)} is not a domain name (expected dot-separated labels of letters, digits and ` +
                `dashes, like abc.gr7.us-east-1.eks.amazonaws.com)`,
        );
    }
    return text;
}

/** Why `ip` is not a plain IPv4 or IPv6 address, or undefined when it is one. */
export function ipProblem(ip: string): string | undefined {
    if (typeof ip !== "string" || ip.trim() !== ip || ip.includes("%") || !ipaddr.isValid(ip)) {
        return "not an IP address (expected one like 10.0.0.10 or 2001:db8::10)";
    }
    if (ipaddr.parse(ip).kind() === "ipv4" && !ipaddr.IPv4.isValidFourPartDecimal(ip)) {
        return "not an IP address (an IPv4 address needs four decimal parts)";
    }
    return undefined;
}

/** Validates the resolver IPs: at least one, each an IP address, none twice. Returns them unchanged. */
export function checkResolverIps(ips: string[], arg = "resolverIps"): string[] {
    if (!Array.isArray(ips) || ips.length === 0) {
        throw new InputError(arg, "no resolver IPs given; pass the IP addresses of the Route 53 Resolver inbound endpoint");
    }
    const seen = new Set<string>();
    ips.forEach((ip, i) => {
        const problem = ipProblem(ip);
        if (problem) throw new InputError(`${arg}[${i}]`, `${JSON.stringify(ip)} is ${problem}`);
        const canonical = ipaddr.parse(ip).toString();
        if (seen.has(canonical)) throw new InputError(`${arg}[${i}]`, `${ip} is listed twice; list each resolver IP once`);
        seen.add(canonical);
    });
    return ips;
}

/**
 * BIND forward zone. `forward only` because the answer exists only behind the inbound endpoint: falling back to
 * recursion when both resolver IPs time out would return the public answer (or none) instead of the private IPs.
 */
export function bindForwardZone(domain: string, ips: string[]): string {
    return [`zone "${domain}" {`, "    type forward;", "    forward only;", `    forwarders { ${ips.map((ip) => `${ip};`).join(" ")} };`, "};", ""].join(
        "\n",
    );
}

/**
 * dnsmasq lines: one `server=/<domain>/<ip>` per resolver IP (dnsmasq spreads queries over them), plus
 * `rebind-domain-ok`, because with `stop-dns-rebind` dnsmasq drops answers holding private addresses, which is
 * exactly what the endpoint resolves to.
 */
export function dnsmasqServers(domain: string, ips: string[]): string {
    return [...ips.map((ip) => `server=/${domain}/${ip}`), `rebind-domain-ok=/${domain}/`, ""].join("\n");
}

/**
 * Unbound clauses: a `forward-zone` with one `forward-addr` per resolver IP, and `private-domain` in a `server:`
 * clause, because with `private-address` set Unbound strips private addresses from answers outside private domains.
 */
export function unboundForwardZone(domain: string, ips: string[]): string {
    return [
        "server:",
        `    private-domain: "${domain}"`,
        "forward-zone:",
        `    name: "${domain}."`,
        ...ips.map((ip) => `    forward-addr: ${ip}`),
        "",
    ].join("\n");
}

/** CoreDNS server block for the domain, forwarding every query in it to the resolver IPs. */
export function corednsServerBlock(domain: string, ips: string[]): string {
    return [`${domain}:53 {`, `    forward . ${ips.join(" ")}`, "}", ""].join("\n");
}

/**
 * Windows DNS conditional forwarder. `-ReplicationScope Forest` stores it in Active Directory so every DNS
 * server in the forest forwards the same way; on a server that is not a domain controller the zone is local.
 */
export function windowsConditionalForwarder(domain: string, ips: string[]): string {
    return [
        "# On a DNS server that is not a domain controller, leave out -ReplicationScope.",
        `Add-DnsServerConditionalForwarderZone -Name "${domain}" -MasterServers ${ips.join(",")} -ReplicationScope "Forest"`,
        "",
    ].join("\n");
}

/** Every forwarder config for `domain` and the inbound endpoint's IPs, after validating both. */
export function forwarderConfigs(domain: string, resolverIps: string[], names: ForwarderConfigArgNames = {}): ForwarderConfigs {
    const name = normalizeDomain(domain, names.domain ?? "domain");
    const ips = checkResolverIps(resolverIps, names.resolverIps ?? "resolverIps");
    return {
        bind: bindForwardZone(name, ips),
        dnsmasq: dnsmasqServers(name, ips),
        unbound: unboundForwardZone(name, ips),
        coredns: corednsServerBlock(name, ips),
        windowsDns: windowsConditionalForwarder(name, ips),
    };
}
