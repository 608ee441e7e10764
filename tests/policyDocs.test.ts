// The policy pack's generated documents are fresh: policy/profiles/*.json and the README's policy table are what
// rules/policyDocs.ts computes from the rule list (regenerate with `npm run policy-profiles`).
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { POLICY_TABLE_END, POLICY_TABLE_START, policyTableMarkdown, profileFiles, withPolicyTable } from "../rules/policyDocs";

const root = path.join(__dirname, "..");
const stale = "is stale: run `npm run policy-profiles` and commit the result";

describe("policy pack documents (npm run policy-profiles)", () => {
    it("policy/profiles/*.json hold each policy's level in that profile, byte for byte", () => {
        const files = profileFiles();
        assert.deepStrictEqual(files.map((f) => f.path), ["profiles/recommended.json", "profiles/strict.json"]);
        for (const file of files) assert.strictEqual(fs.readFileSync(path.join(root, "policy", file.path), "utf8"), file.text, `policy/${file.path} ${stale}`);
        const levels = (i: number) => Object.values(JSON.parse(files[i].text) as Record<string, { enforcementLevel: string }>).map((v) => v.enforcementLevel);
        assert.deepStrictEqual(levels(1), new Array(16).fill("mandatory"));
        assert.deepStrictEqual(levels(0).filter((l) => l === "mandatory").length, 2);
    });

    it("README.md holds the current policy table between its markers", () => {
        const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
        assert.ok(readme.includes(policyTableMarkdown()), `README.md's policy table ${stale}`);
        assert.strictEqual(withPolicyTable(readme), readme);
    });

    it("writes one row per policy: name, severity, what it checks with its knobs, level per profile, source", () => {
        const lines = policyTableMarkdown().split("\n");
        assert.deepStrictEqual(lines.slice(0, 3), [
            POLICY_TABLE_START,
            "| policy | severity | what it checks | recommended | strict | source |",
            "|---|---|---|---|---|---|",
        ]);
        assert.strictEqual(lines.length, 3 + 16 + 1);
        assert.strictEqual(lines[lines.length - 1], POLICY_TABLE_END);
        assert.strictEqual(
            lines.find((l) => l.startsWith("| `eks-control-plane-logging` |")),
            "| `eks-control-plane-logging` | medium | All five control-plane log types go to CloudWatch Logs (Checkov CKV_AWS_37, " +
                "Trivy AWS-0038). Knobs: `requiredLogTypes`. | advisory | mandatory | Checkov CKV_AWS_37, Trivy AWS-0038 |",
        );
    });

    it("refuses a README without the markers", () => {
        assert.throws(() => withPolicyTable("# no table"), {
            message: "README.md has no <!-- policy-table:start (npm run policy-profiles) --> ... <!-- policy-table:end --> section",
        });
    });
});
