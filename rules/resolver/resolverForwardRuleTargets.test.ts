import * as assert from "assert";
import { resource } from "../ruleTestResources";
import { RESOLVER_RULE } from "../stackIndex";
import { resolverForwardRuleTargets } from "./resolverForwardRuleTargets";

const check = resolverForwardRuleTargets.check;
const rule = (inputs: Record<string, unknown>) => resource(RESOLVER_RULE, "eks", { domainName: "eks.amazonaws.com", ...inputs });

describe("resolver-forward-rule-targets", () => {
    it("passes a FORWARD rule with two targets, and rules of other types", () => {
        assert.deepStrictEqual(check(rule({ ruleType: "FORWARD", targetIps: [{ ip: "10.0.0.10" }, { ip: "10.0.32.10" }] }), {}), []);
        assert.deepStrictEqual(check(rule({ ruleType: "SYSTEM" }), {}), []);
    });

    it("reports a FORWARD rule with fewer than two targets", () => {
        const tail = ": when that resolver is unreachable the name stops resolving. List both IPs of the inbound endpoint in targetIps.";
        assert.deepStrictEqual(check(rule({ ruleType: "forward", targetIps: [{ ip: "10.0.0.10" }] }), {}), [
            `FORWARD rule for "eks.amazonaws.com" has 1 target IP${tail}`,
        ]);
        assert.deepStrictEqual(check(rule({ ruleType: "FORWARD" }), {}), [`FORWARD rule for "eks.amazonaws.com" has 0 target IPs${tail}`]);
    });
});
