import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { keyedSources, RuleSources } from "./ruleSources";

const ARGS = { cidrs: "allowedCidrs", securityGroupIds: "allowedSecurityGroupIds", securityGroups: "allowedSecurityGroups" };
const keyed = (sources: unknown) => keyedSources(sources as RuleSources, ARGS);

describe("ruleSources: keyed security group rule sources", () => {
    it("keys each source by what it is, never by its position", () => {
        const sg = pulumi.output("sg-0b1c2d3e4f5a60718");
        const out = keyed({ cidrs: ["192.168.0.0/20", "2001:db8::/32"], securityGroupIds: ["sg-0a1b2c3d4e5f60718"], securityGroups: { ci: sg } });
        assert.deepStrictEqual(out, [
            { key: "192-168-0-0-20", cidr: "192.168.0.0/20", version: 4 },
            { key: "2001-db8---32", cidr: "2001:db8::/32", version: 6 },
            { key: "sg-0a1b2c3d4e5f60718", securityGroupId: "sg-0a1b2c3d4e5f60718" },
            { key: "ci", securityGroupId: sg },
        ]);
    });

    it("refuses a value where the list of security group ids belongs, and a hole in it", () => {
        assert.throws(() => keyed({ securityGroupIds: "sg-0a1b2c3d4e5f60718" }), {
            name: "InputError",
            message: 'allowedSecurityGroupIds: expected a list of security group ids, got string "sg-0a1b2c3d4e5f60718"',
        });
        assert.throws(() => keyed({ securityGroupIds: { x: { y: [1] } } }), { message: "allowedSecurityGroupIds: expected a list of security group ids, got an object" });
        assert.throws(() => keyed({ securityGroupIds: [, "sg-0a1b2c3d4e5f60718"] }), { message: "allowedSecurityGroupIds[0]: expected a security group id (a string), got undefined" });
        assert.throws(() => keyed({ securityGroupIds: [7] }), { message: "allowedSecurityGroupIds[0]: expected a security group id (a string), got number 7" });
        assert.throws(() => keyed({ securityGroupIds: [null] }), { message: "allowedSecurityGroupIds[0]: expected a security group id (a string), got null" });
    });

    it("refuses a hole in the CIDR list instead of skipping it", () => {
        assert.throws(() => keyed({ cidrs: [, "10.1.0.0/16"] }), { message: "allowedCidrs[0]: expected a CIDR block (a string), got undefined" });
        assert.throws(() => keyed({ cidrs: [null] }), { message: "allowedCidrs[0]: expected a CIDR block (a string), got null" });
    });

    it("refuses a map of security groups that is not a map, or whose value is not an id", () => {
        assert.throws(() => keyed({ securityGroups: ["sg-0a1b2c3d4e5f60718"] }), {
            message: "allowedSecurityGroups: expected a map of stable labels to security group ids ({ bastion: bastionSg.id }), got a list",
        });
        assert.throws(() => keyed({ securityGroups: "object" }), {
            message: 'allowedSecurityGroups: expected a map of stable labels to security group ids ({ bastion: bastionSg.id }), got string "object"',
        });
        assert.throws(() => keyed({ securityGroups: { bastion: 5 } }), { message: "allowedSecurityGroups.bastion: expected a security group id (a string or an Output), got number 5" });
        assert.throws(() => keyed({ securityGroups: { bastion: undefined } }), { message: "allowedSecurityGroups.bastion: expected a security group id (a string or an Output), got undefined" });
    });

    it("quotes a huge id cut to one line", () => {
        assert.throws(() => keyed({ securityGroupIds: ["sg-" + "f".repeat(1000)] }), {
            message: `allowedSecurityGroupIds[0]: "sg-${"f".repeat(57)}"… (1003 characters) is not a security group id (sg- followed by 8 or 17 hex digits)`,
        });
    });
});
