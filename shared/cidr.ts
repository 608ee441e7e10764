// CIDR parsing and checks, on ipaddr.js. One place for every CIDR rule the package applies.
import * as ipaddr from "ipaddr.js";
import { InputError } from "./errors";
import { quoted, requirePlain } from "./validatedInput";

export type IpVersion = 4 | 6;

export interface ParsedCidr {
    /** The CIDR as given. */
    text: string;
    version: IpVersion;
    address: ipaddr.IPv4 | ipaddr.IPv6;
    prefix: number;
}

/** Why a CIDR is unusable, as a predicate to follow the CIDR (`is not a CIDR block …`, `has host bits set …`), or undefined when it is a valid network address. */
export function cidrProblem(text: string): string | undefined {
    if (typeof text !== "string" || !/^[0-9a-fA-F.:]+\/\d{1,3}$/.test(text.trim()) || text.trim() !== text) {
        return "is not a CIDR block (expected address/prefix, like 10.0.0.0/16 or 2001:db8::/32)";
    }
    let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
    try {
        parsed = ipaddr.parseCIDR(text);
    } catch {
        return "is not a CIDR block (expected address/prefix, like 10.0.0.0/16 or 2001:db8::/32)";
    }
    const [address, prefix] = parsed;
    if (address.kind() === "ipv4" && !ipaddr.IPv4.isValidFourPartDecimal(text.split("/")[0])) {
        return "is not a CIDR block (an IPv4 address needs four decimal parts)";
    }
    const network = networkAddress(address, prefix);
    if (network !== address.toString()) {
        return `has host bits set (the network address for /${prefix} is ${network}/${prefix})`;
    }
    return undefined;
}

function networkAddress(address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): string {
    if (address.kind() === "ipv4") return ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`).toString();
    return ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`).toString();
}

/** Parses a CIDR that `cidrProblem` accepts; throws InputError naming `arg` otherwise. */
export function parseCidr(text: string, arg: string): ParsedCidr {
    requirePlain(text, arg, "this CIDR is checked, and names what it opens, before anything is created: pass the literal CIDR string");
    const problem = cidrProblem(text);
    if (problem) throw new InputError(arg, `${typeof text === "string" ? quoted(text) : JSON.stringify(text) ?? String(text)} ${problem}`);
    const [address, prefix] = ipaddr.parseCIDR(text);
    return { text, version: address.kind() === "ipv4" ? 4 : 6, address, prefix };
}

/**
 * Refuses a CIDR that holds every address of its IP version (`0.0.0.0/0`, `::/0`) in a list of who may reach a
 * port: a security group rule for it opens the port to everyone who can route to it. The one rule every
 * component's source list follows (security group rules, connected networks, Resolver endpoint clients).
 */
export function checkNotOpen(text: string, arg: string): ParsedCidr {
    const parsed = parseCidr(text, arg);
    if (parsed.prefix === 0) {
        throw new InputError(arg, `${text} is open to everyone (every IPv${parsed.version} address); list the networks that need this access`);
    }
    return parsed;
}

/** The IP version of a CIDR string, or undefined when it is not a valid CIDR. */
export function cidrVersion(text: string): IpVersion | undefined {
    try {
        return ipaddr.parseCIDR(text)[0].kind() === "ipv4" ? 4 : 6;
    } catch {
        return undefined;
    }
}

/**
 * True when CIDR `inner` lies wholly inside CIDR `outer` (same IP version). Total: a value that is not a CIDR
 * block contains nothing and lies in nothing, so a caller's unchecked list never leaks ipaddr.js's own error.
 */
export function cidrContains(outer: string, inner: string): boolean {
    const o = parsedOrUndefined(outer);
    const i = parsedOrUndefined(inner);
    if (o === undefined || i === undefined || o[0].kind() !== i[0].kind() || i[1] < o[1]) return false;
    return i[0].match(o[0], o[1]);
}

/** True when the two CIDRs share any address (false when either is not a CIDR block). */
export function cidrsOverlap(a: string, b: string): boolean {
    return cidrContains(a, b) || cidrContains(b, a);
}

function parsedOrUndefined(text: unknown): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
    if (typeof text !== "string") return undefined;
    try {
        return ipaddr.parseCIDR(text);
    } catch {
        return undefined;
    }
}

/** Fraction of the IPv4 or IPv6 address space a set of CIDRs covers (overlaps counted once). */
export function addressSpaceCovered(cidrs: string[], version: IpVersion): number {
    const bits = version === 4 ? 32 : 128;
    const blocks = cidrs
        .filter((c) => cidrVersion(c) === version)
        .map((c) => ipaddr.parseCIDR(c))
        .map(([a, p]) => ({ start: toBigInt(a), size: 1n << BigInt(bits - p) }))
        .sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
    let covered = 0n;
    let end = 0n;
    for (const { start, size } of blocks) {
        const s = start > end ? start : end;
        const e = start + size;
        if (e > s) covered += e - s;
        if (e > end) end = e;
    }
    return Number(covered) / Number(1n << BigInt(bits));
}

/**
 * False when the blocks' sizes cannot add up to the whole `bits`-bit address space, read from the prefix lengths
 * alone: a cheap necessary condition checked before parsing every address (parsing was most of the security group
 * rules' time in a stack of a thousand clusters). Each string counts towards both IP versions and a string without
 * a readable prefix length counts as covering everything, so it never says false where the union could cover it.
 */
function mayCoverAll(cidrs: string[], bits: number): boolean {
    const whole = 1n << BigInt(bits);
    let total = 0n;
    for (const cidr of cidrs) {
        const prefix = /\/(\d+)$/.exec(cidr);
        if (!prefix) return true;
        total += 1n << BigInt(bits - Math.min(Number(prefix[1]), bits));
        if (total >= whole) return true;
    }
    return false;
}

/** The whole-internet blocks a set of CIDRs covers: "0.0.0.0/0", "::/0", both or none. */
export function internetCovered(cidrs: string[]): string[] {
    const v4 = mayCoverAll(cidrs, 32) && addressSpaceCovered(cidrs, 4) >= 1;
    const v6 = mayCoverAll(cidrs, 128) && addressSpaceCovered(cidrs, 6) >= 1;
    return [v4 ? "0.0.0.0/0" : "", v6 ? "::/0" : ""].filter((c) => c !== "");
}

/**
 * True when the union of `cidrs` holds every address of `target` (blocks of the other IP version are ignored):
 * `["10.0.0.0/17", "10.0.128.0/17"]` covers `10.0.0.0/16`. Exact, for any prefix length.
 */
export function cidrsCover(cidrs: string[], target: string): boolean {
    const version = cidrVersion(target);
    if (version === undefined) return false;
    const range = (cidr: string): [bigint, bigint] => {
        const [address, prefix] = ipaddr.parseCIDR(cidr);
        const size = 1n << BigInt((version === 4 ? 32 : 128) - prefix);
        const start = toBigInt(address) - (toBigInt(address) % size);
        return [start, start + size];
    };
    const [start, end] = range(target);
    const blocks = cidrs.filter((c) => cidrVersion(c) === version).map(range).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    let reached = start;
    for (const [s, e] of blocks) {
        if (s > reached) break;
        if (e > reached) reached = e;
    }
    return reached >= end;
}

function toBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
    return address.toByteArray().reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);
}

/**
 * A resource-name suffix for a CIDR: stable and readable (`10.0.0.0/16` -> `10-0-0-0-16`,
 * `2001:db8::/32` -> `2001-db8--32`), so a child keyed by CIDR keeps its name when the list is reordered.
 */
export function cidrSlug(cidr: string): string {
    return cidr.toLowerCase().replace(/[.:/]/g, "-");
}
