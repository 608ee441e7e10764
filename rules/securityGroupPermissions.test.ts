import * as assert from "assert";
import { internetCovered } from "./securityGroupPermissions";

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
