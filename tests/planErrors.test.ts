// Errors of the offline plan a user can act on: one line each, a user program's own error with its file and line
// (the plan keeps one stack frame per error for that), SDK wrappers stripped.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planJson } from "./support/planCli";

describe("offline plan errors", function () {
    this.timeout(120_000);

    it("an error thrown in the user's program keeps its TypeScript file, line and column", async () => {
        const { code, plan } = await planJson(["tests/fixtures/program-error"]);
        assert.strictEqual(code, 1);
        // index.ts line 11: `    if (!team.cidrs) throw new Error(...)`, the Error constructed at column 28.
        assert.deepStrictEqual(plan.errors, [{ message: "team search has no cidrs (tests/fixtures/program-error/index.ts:11:28)" }]);
    });

    it("a component's error names the component and argument, without a program location or SDK wrappers", async () => {
        const { code, plan } = await planJson(["--config", 'endpointAccess={"mode":"private","publicAccessCidrs":["10.0.0.0/8"]}']);
        assert.strictEqual(code, 1);
        assert.strictEqual(plan.errors.length, 1);
        assert.match(plan.errors[0].message, /^ClusterEndpointAccess "sample-endpoint": publicAccessCidrs: only applies when the public endpoint is on, [^\n]*Drop publicAccessCidrs, or use mode "public-and-private" to keep a restricted public endpoint$/);
    });

    it("--typecheck refuses a program tsc rejects, with file, line and tsc's message; without it the typo is dropped", async () => {
        // Written at run time outside the repo: a file that does not type-check cannot live in the repo's tsconfig.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "type-error-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: type-error\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n");
        const program = [
            `import { ClusterEndpointAccess } from ${JSON.stringify(path.resolve("index"))};`,
            "",
            'const access = new ClusterEndpointAccess("typo", {',
            '    mode: "private",',
            '    vpcId: "vpc-0a1b2c3d4e5f60718",',
            '    clusterSecurityGroupId: "sg-0c1d2e3f4a5b6c7d8",',
            '    allowedCidr: ["10.20.0.0/16"],',
            "});",
            "export const rules = access.ingressRuleIds;",
            "",
        ];
        fs.writeFileSync(path.join(dir, "index.ts"), program.join("\n"));
        const unchecked = await planJson([dir]);
        assert.deepStrictEqual([unchecked.code, unchecked.plan.errors], [0, []]);
        assert.deepStrictEqual(unchecked.plan.outputs.rules, {}, "allowedCidr is not an argument, so no 443 rule was planned");
        const { code, plan } = await planJson([dir, "--typecheck"]);
        assert.strictEqual(code, 1);
        assert.deepStrictEqual(plan.resources, []);
        assert.deepStrictEqual(plan.errors, [
            {
                message:
                    `${path.relative(process.cwd(), path.join(dir, "index.ts"))}(7,5): error TS2561: Object literal may only specify known properties, ` +
                    "but 'allowedCidr' does not exist in type 'ClusterEndpointAccessArgs'. Did you mean to write 'allowedCidrs'?",
            },
        ]);
    });
});
