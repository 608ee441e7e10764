// npm run policy-profiles: writes the policy pack's profile config files (policy/profiles/<profile>.json) and the
// README's policy table (between its markers) from the rule list in rules/index.ts (rules/policyDocs.ts computes
// both). tests/policyDocs.test.ts fails when the committed copies are stale.
import * as fs from "fs";
import * as path from "path";
import { profileFiles, withPolicyTable } from "../rules/policyDocs";

const root = path.join(__dirname, "..");

if (require.main === module) {
    for (const file of profileFiles()) fs.writeFileSync(path.join(root, "policy", file.path), file.text);
    const readme = path.join(root, "README.md");
    fs.writeFileSync(readme, withPolicyTable(fs.readFileSync(readme, "utf8")));
    console.log(`wrote ${profileFiles().map((f) => `policy/${f.path}`).join(", ")} and README.md's policy table`);
}
