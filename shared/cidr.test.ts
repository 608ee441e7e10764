import * as assert from "assert";
import { checkNotOpen, cidrContains, cidrProblem, cidrsOverlap, internetCovered, parseCidr } from "./cidr";

describe("cidr", () => {
    it("contains and overlaps by address, for IPv4 and IPv6", () => {
        assert.strictEqual(cidrContains("10.0.0.0/16", "10.0.32.0/19"), true);
        assert.strictEqual(cidrContains("10.0.32.0/19", "10.0.0.0/16"), false);
        assert.strictEqual(cidrsOverlap("10.0.32.0/19", "10.0.0.0/16"), true);
        assert.strictEqual(cidrsOverlap("10.0.0.0/16", "10.1.0.0/16"), false);
        assert.strictEqual(cidrContains("2001:db8::/32", "2001:db8:1::/48"), true);
        assert.strictEqual(cidrContains("::/0", "10.0.0.0/8"), false);
    });

    it("is total: a value that is not a CIDR block contains nothing and lies in nothing, instead of leaking ipaddr.js's error", () => {
        for (const bad of [undefined, null, "", "10.0.0.0", "not-a-cidr", 42, ["10.0.0.0/16"]] as unknown as string[]) {
            assert.strictEqual(cidrContains("10.0.0.0/8", bad), false, String(bad));
            assert.strictEqual(cidrContains(bad, "10.0.0.0/16"), false, String(bad));
            assert.strictEqual(cidrsOverlap(bad, "10.0.0.0/16"), false, String(bad));
        }
    });

    it("names the argument, and quotes a huge value cut to one line", () => {
        assert.throws(() => parseCidr("a".repeat(5000), "allowedCidrs[0]"), {
            name: "InputError",
            message: `allowedCidrs[0]: "${"a".repeat(60)}"… (5000 characters) is not a CIDR block (expected address/prefix, like 10.0.0.0/16 or 2001:db8::/32)`,
        });
        assert.throws(() => parseCidr(undefined as unknown as string, "vpcCidrs[1]"), {
            message: "vpcCidrs[1]: undefined is not a CIDR block (expected address/prefix, like 10.0.0.0/16 or 2001:db8::/32)",
        });
        assert.throws(() => parseCidr(7 as unknown as string, "vpcCidrs[0]"), { message: "vpcCidrs[0]: 7 is not a CIDR block (expected address/prefix, like 10.0.0.0/16 or 2001:db8::/32)" });
        assert.throws(() => checkNotOpen("10.0.0.1/16", "connectedNetworks[0]"), {
            message: 'connectedNetworks[0]: "10.0.0.1/16" has host bits set (the network address for /16 is 10.0.0.0/16)',
        });
        assert.throws(() => checkNotOpen("::/0", "allowedCidrs[2]"), { message: "allowedCidrs[2]: ::/0 is open to everyone (every IPv6 address); list the networks that need this access" });
    });

    it("says why a CIDR is unusable, or nothing when it is a network address", () => {
        assert.strictEqual(cidrProblem("10.0.0.0/16"), undefined);
        assert.strictEqual(cidrProblem(" 10.0.0.0/16"), "is not a CIDR block (expected address/prefix, like 10.0.0.0/16 or 2001:db8::/32)");
        assert.strictEqual(cidrProblem("10.0/16"), "is not a CIDR block (an IPv4 address needs four decimal parts)");
        assert.strictEqual(cidrProblem(null as unknown as string), "is not a CIDR block (expected address/prefix, like 10.0.0.0/16 or 2001:db8::/32)");
    });
});

describe("internetCovered", () => {
    it("names the whole IPv4 or IPv6 space a union of blocks covers", () => {
        assert.deepStrictEqual(internetCovered(["0.0.0.0/0"]), ["0.0.0.0/0"]);
        assert.deepStrictEqual(internetCovered(["0.0.0.0/0", "::/0"]), ["0.0.0.0/0", "::/0"]);
        assert.deepStrictEqual(internetCovered(["0.0.0.0/1", "128.0.0.0/1"]), ["0.0.0.0/0"]);
        assert.deepStrictEqual(internetCovered(["10.0.0.0/8", "::/1", "8000::/1"]), ["::/0"]);
        // 256 /8 blocks: the sizes add up to the space exactly.
        assert.deepStrictEqual(internetCovered(Array.from({ length: 256 }, (_, i) => `${i}.0.0.0/8`)), ["0.0.0.0/0"]);
    });

    it("covers nothing when the blocks leave a gap, even if their sizes add up", () => {
        assert.deepStrictEqual(internetCovered(["10.0.0.0/8", "192.168.0.0/16", "fd00::/8"]), []);
        assert.deepStrictEqual(internetCovered(["0.0.0.0/1", "0.0.0.0/1"]), []);
        assert.deepStrictEqual(internetCovered(Array.from({ length: 255 }, (_, i) => `${i}.0.0.0/8`)), []);
        assert.deepStrictEqual(internetCovered(["not a cidr", "0.0.0.0"]), []);
    });
});
