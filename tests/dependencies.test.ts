import * as assert from "assert";
import * as path from "path";

describe("dependency tree", () => {
    it("has one copy of @pulumi/pulumi: a nested copy would run outside the mocks", () => {
        const root = require.resolve("@pulumi/pulumi");
        for (const pkg of ["@pulumi/aws", "@pulumi/eks", "@pulumi/policy", "@pulumi/kubernetes"]) {
            const fromPkg = require.resolve("@pulumi/pulumi", { paths: [path.dirname(require.resolve(`${pkg}/package.json`))] });
            assert.strictEqual(fromPkg, root, `${pkg} resolves its own @pulumi/pulumi at ${fromPkg}`);
        }
    });
});
