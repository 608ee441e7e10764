import * as assert from "assert";
import * as fc from "fast-check";
import { cidrProblem, cidrSlug, addressSpaceCovered } from "../shared/cidr";
import { InputError } from "../shared/errors";
import { defaultPublicAccessCidrs, isRestricted, publicAccessCidrsProblem, resolveEndpointAccess } from "./endpointAccess";

function inputError(fn: () => unknown): InputError {
    try {
        fn();
    } catch (err) {
        assert.ok(err instanceof InputError, `expected InputError, got ${String(err)}`);
        return err;
    }
    assert.fail("expected an InputError");
}

describe("resolveEndpointAccess: modes", () => {
    it("public is EKS's default: public on, private off, whole IPv4 internet", () => {
        assert.deepStrictEqual(resolveEndpointAccess({ mode: "public" }), {
            endpointPublicAccess: true,
            endpointPrivateAccess: false,
            publicAccessCidrs: ["0.0.0.0/0"],
            warnings: [],
            ingressSources: [],
        });
    });
    it("public-and-private turns both on", () => {
        const s = resolveEndpointAccess({ mode: "public-and-private", publicAccessCidrs: ["203.0.113.0/24"] });
        assert.deepStrictEqual([s.endpointPublicAccess, s.endpointPrivateAccess, s.publicAccessCidrs], [true, true, ["203.0.113.0/24"]]);
        assert.deepStrictEqual(s.warnings, []);
    });
    it("private turns public off and has no public CIDRs", () => {
        const s = resolveEndpointAccess({ mode: "private" });
        assert.deepStrictEqual([s.endpointPublicAccess, s.endpointPrivateAccess, s.publicAccessCidrs], [false, true, []]);
    });
    it("rejects a missing or unknown mode, naming the choices", () => {
        assert.strictEqual(inputError(() => resolveEndpointAccess({} as never)).message, 'mode: is required: one of "public", "public-and-private", "private"');
        assert.strictEqual(
            inputError(() => resolveEndpointAccess({ mode: "none" as never })).message,
            'mode: "none" is not one of "public", "public-and-private", "private"',
        );
    });
    it("rejects publicAccessCidrs in private mode", () => {
        const err = inputError(() => resolveEndpointAccess({ mode: "private", publicAccessCidrs: ["10.0.0.0/8"] }));
        assert.strictEqual(err.arg, "publicAccessCidrs");
        assert.match(err.message, /only applies when the public endpoint is on, and mode is "private"/);
    });
    it("rejects an empty publicAccessCidrs list instead of silently opening the endpoint", () => {
        assert.match(
            inputError(() => resolveEndpointAccess({ mode: "public", publicAccessCidrs: [] })).message,
            /^publicAccessCidrs: is empty, which EKS reads as 0\.0\.0\.0\/0\./,
        );
    });
    it("rejects legacyIpv6Endpoint on an IPv4 cluster and an unknown ipFamily", () => {
        assert.strictEqual(inputError(() => resolveEndpointAccess({ mode: "public", legacyIpv6Endpoint: true })).arg, "legacyIpv6Endpoint");
        assert.strictEqual(inputError(() => resolveEndpointAccess({ mode: "public", ipFamily: "dual" as never })).message, 'ipFamily: "dual" is not one of "ipv4", "ipv6"');
    });
});

describe("resolveEndpointAccess: publicAccessCidrs", () => {
    it("an IPv4 cluster rejects an IPv6 CIDR with EKS's words", () => {
        assert.strictEqual(
            inputError(() => resolveEndpointAccess({ mode: "public", publicAccessCidrs: ["203.0.113.0/24", "2001:db8::/32"] })).message,
            "publicAccessCidrs: The following CIDRs are invalid in publicAccessCidrs: 2001:db8::/32. " +
                "2001:db8::/32: an IPv4 cluster's public endpoint accepts IPv4 CIDRs only.",
        );
    });
    it("a dual-stack IPv6 cluster accepts IPv4 and IPv6, and defaults to both internets", () => {
        const s = resolveEndpointAccess({ mode: "public", ipFamily: "ipv6", publicAccessCidrs: ["203.0.113.0/24", "2001:db8::/32"] });
        assert.deepStrictEqual(s.publicAccessCidrs, ["203.0.113.0/24", "2001:db8::/32"]);
        assert.deepStrictEqual(resolveEndpointAccess({ mode: "public", ipFamily: "ipv6" }).publicAccessCidrs, ["0.0.0.0/0", "::/0"]);
    });
    it("an IPv6 cluster made before October 2024 accepts IPv4 only", () => {
        assert.deepStrictEqual(defaultPublicAccessCidrs("ipv6", true), ["0.0.0.0/0"]);
        assert.match(
            inputError(() =>
                resolveEndpointAccess({ mode: "public", ipFamily: "ipv6", legacyIpv6Endpoint: true, publicAccessCidrs: ["2001:db8::/32"] }),
            ).message,
            /The following CIDRs are invalid in publicAccessCidrs: 2001:db8::\/32\. 2001:db8::\/32: IPv6 CIDRs are only accepted by IPv6 clusters made from October 2024/,
        );
    });
    it("rejects host bits, garbage and every bad entry in one message", () => {
        assert.strictEqual(
            publicAccessCidrsProblem(["10.0.0.1/8", "banana", "10.0.0.0/33", "203.0.113.0/24", "1.2.3/24"]),
            "The following CIDRs are invalid in publicAccessCidrs: 10.0.0.1/8, banana, 10.0.0.0/33, 1.2.3/24. " +
                "10.0.0.1/8 has host bits set (the network address for /8 is 10.0.0.0/8). " +
                "banana is not a CIDR block (expected address/prefix, like 10.0.0.0/16 or 2001:db8::/32). " +
                "10.0.0.0/33 is not a CIDR block (expected address/prefix, like 10.0.0.0/16 or 2001:db8::/32). " +
                "1.2.3/24 is not a CIDR block (an IPv4 address needs four decimal parts).",
        );
        assert.strictEqual(publicAccessCidrsProblem(["203.0.113.0/24"]), undefined);
    });
    it("rejects duplicates and more than 40 CIDRs", () => {
        assert.strictEqual(
            inputError(() => resolveEndpointAccess({ mode: "public", publicAccessCidrs: ["203.0.113.0/24", "203.0.113.0/24"] })).message,
            "publicAccessCidrs: 203.0.113.0/24 is listed twice; list each CIDR once",
        );
        const many = Array.from({ length: 41 }, (_, i) => `10.${i}.0.0/16`);
        assert.match(inputError(() => resolveEndpointAccess({ mode: "public", publicAccessCidrs: many })).message, /lists 41 CIDRs; EKS allows at most 40/);
    });
    it("judges restriction numerically: two halves of the internet are not a restriction", () => {
        assert.strictEqual(isRestricted(["0.0.0.0/1", "128.0.0.0/1"]), false);
        assert.strictEqual(isRestricted(["0.0.0.0/0"]), false);
        assert.strictEqual(isRestricted(["203.0.113.0/24"]), true);
        assert.strictEqual(isRestricted(["0.0.0.0/0"], "ipv6"), true, "dual-stack without ::/0 leaves IPv6 clients out");
    });
});

describe("resolveEndpointAccess: warnings", () => {
    it("warns when a restricted public endpoint has private access off", () => {
        const s = resolveEndpointAccess({ mode: "public", publicAccessCidrs: ["203.0.113.0/24"] });
        assert.deepStrictEqual(s.warnings, [
            "publicAccessCidrs restricts the public endpoint while private access is off: nodes and Fargate pods reach the API " +
                "server through the public endpoint, so their public (NAT) addresses must be inside 203.0.113.0/24, or they " +
                'cannot join. AWS recommends mode "public-and-private" here.',
        ]);
    });
    it("warns about hybrid nodes with public-and-private only", () => {
        assert.match(resolveEndpointAccess({ mode: "public-and-private", hybridNodes: true }).warnings.join(), /hybrid nodes run outside the VPC/);
        assert.deepStrictEqual(resolveEndpointAccess({ mode: "private", hybridNodes: true }).warnings, []);
        assert.deepStrictEqual(resolveEndpointAccess({ mode: "public", hybridNodes: true }).warnings, []);
    });
    it("requires clusterSecurityGroupId for 443 sources and warns when they cannot matter", () => {
        assert.strictEqual(inputError(() => resolveEndpointAccess({ mode: "private", allowedCidrs: ["10.20.0.0/16"] })).arg, "clusterSecurityGroupId");
        const s = resolveEndpointAccess({ mode: "public", allowedCidrs: ["10.20.0.0/16"], clusterSecurityGroupId: "sg-0123456789abcdef0" });
        assert.match(s.warnings[0], /only guards the private endpoint, and mode is "public"/);
    });
    it("rejects bad or duplicate 443 sources, and Output security group ids that cannot name a rule", () => {
        const base = { mode: "private" as const, clusterSecurityGroupId: "sg-0123456789abcdef0" };
        assert.strictEqual(
            inputError(() => resolveEndpointAccess({ ...base, allowedCidrs: ["10.20.0.0/16", "10.20.0.1/16"] })).message,
            'allowedCidrs[1]: "10.20.0.1/16" has host bits set (the network address for /16 is 10.20.0.0/16)',
        );
        assert.strictEqual(
            inputError(() => resolveEndpointAccess({ ...base, allowedCidrs: ["10.20.0.0/16", "10.20.0.0/16"] })).message,
            "allowedCidrs: 10.20.0.0/16 is listed twice; list each source once",
        );
        assert.match(
            inputError(() => resolveEndpointAccess({ ...base, allowedSecurityGroupIds: [{ apply() {} }] })).message,
            /^allowedSecurityGroupIds\[0\]: this security group id is only known at deployment.*Pass it in allowedSecurityGroups instead/,
        );
        assert.strictEqual(inputError(() => resolveEndpointAccess({ ...base, allowedSecurityGroupIds: ["sg-xyz"] })).arg, "allowedSecurityGroupIds[0]");
    });
});

describe("CIDR helpers", () => {
    it("cidrSlug is stable and distinct for distinct CIDRs", () => {
        assert.strictEqual(cidrSlug("10.0.0.0/16"), "10-0-0-0-16");
        assert.strictEqual(cidrSlug("2001:DB8::/32"), "2001-db8---32");
        fc.assert(
            fc.property(fc.ipV4(), fc.ipV4(), fc.integer({ min: 0, max: 32 }), (a, b, p) => {
                return a === b || cidrSlug(`${a}/${p}`) !== cidrSlug(`${b}/${p}`);
            }),
        );
    });
    it("every network address with its prefix is accepted; any host bit is rejected", () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), (n, prefix) => {
                const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
                const net = (n & mask) >>> 0;
                const ip = (x: number) => [24, 16, 8, 0].map((s) => (x >>> s) & 255).join(".");
                const ok = cidrProblem(`${ip(net)}/${prefix}`) === undefined;
                const withHost = n !== net ? cidrProblem(`${ip(n)}/${prefix}`) !== undefined : true;
                return ok && withHost;
            }),
        );
    });
    it("addressSpaceCovered counts overlaps once", () => {
        assert.strictEqual(addressSpaceCovered(["0.0.0.0/1", "0.0.0.0/2", "128.0.0.0/1"], 4), 1);
        assert.strictEqual(addressSpaceCovered(["10.0.0.0/8", "10.0.0.0/9"], 4), 1 / 256);
        assert.strictEqual(addressSpaceCovered(["::/1", "8000::/1"], 6), 1);
    });
});
