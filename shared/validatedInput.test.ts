import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { checkStringList, described, quoted, requirePlain, stringList } from "./validatedInput";

describe("validatedInput: list and type checks at the boundary", () => {
    it("reports a hole in a sparse list as the missing entry (forEach and map skip holes)", () => {
        assert.throws(() => checkStringList([, "subnet-0d1e2f3a4b5c6d7e8"], "subnetIds", "subnet id"), {
            name: "InputError",
            message: "subnetIds[0]: expected a subnet id (a string), got undefined",
        });
        assert.throws(() => checkStringList(Object.assign(new Array(3), { 1: "a" }), "vpcIds", "VPC id"), { message: "vpcIds[0]: expected a VPC id (a string), got undefined" });
    });

    it("names what arrived instead of a list or a string", () => {
        assert.throws(() => checkStringList("10.0.0.0/16", "allowedCidrs", "CIDR block"), { message: 'allowedCidrs: expected a list of CIDR blocks, got string "10.0.0.0/16"' });
        assert.throws(() => checkStringList({ 0: "a", length: 1 }, "shareWith", "principal"), { message: "shareWith: expected a list of principals, got an object" });
        assert.throws(() => checkStringList(null, "vpcIds", "VPC id"), { message: "vpcIds: expected a list of VPC ids, got null" });
        assert.throws(() => checkStringList(["a", NaN], "ips", "IP address"), { message: "ips[1]: expected an IP address (a string), got number NaN" });
        assert.throws(() => checkStringList([null], "ips", "IP address"), { message: "ips[0]: expected an IP address (a string), got null" });
        assert.throws(() => checkStringList([["a"]], "ips", "IP address"), { message: "ips[0]: expected an IP address (a string), got a list" });
    });

    it("accepts strings and Outputs as entries, and no list at all", () => {
        const list = ["subnet-0d1e2f3a4b5c6d7e8", pulumi.output("subnet-0e2f3a4b5c6d7e8f9")];
        assert.strictEqual(stringList(list, "subnetIds", "subnet id"), list);
        assert.strictEqual(stringList(undefined, "subnetIds", "subnet id"), undefined);
    });

    it("quotes a huge string cut, with its length, so the message stays one readable line", () => {
        const huge = "a".repeat(100_000);
        assert.strictEqual(quoted(huge), `"${"a".repeat(60)}"… (100000 characters)`);
        assert.strictEqual(quoted("sg-1"), '"sg-1"');
        assert.strictEqual(described(huge), `string "${"a".repeat(60)}"… (100000 characters)`);
    });

    it("describes each kind of value another language can send", () => {
        assert.deepStrictEqual(
            [undefined, null, 3, true, "x", [], {}, () => 1].map(described),
            ["undefined", "null", "number 3", "boolean true", 'string "x"', "a list", "an object", "a function"],
        );
    });

    it("names where an Output sits inside a value that must be plain", () => {
        assert.throws(() => requirePlain(["10.0.0.0/16", pulumi.output("10.1.0.0/16")], "allowedCidrs", "each names a rule"), {
            message: "allowedCidrs[1]: is only known at deployment (an Output), but each names a rule",
        });
        assert.doesNotThrow(() => requirePlain({ a: ["x"] }, "tags", "why"));
    });
});
