// Errors of the offline plan a user can act on: one line each, a user program's own error with its file and line
// (the plan keeps one stack frame per error for that), SDK wrappers stripped.
import * as assert from "assert";
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
});
