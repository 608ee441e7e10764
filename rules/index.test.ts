// The shape adding a rule relies on: one file per rule, named after its policy and exporting it under that name,
// its unit test beside it, and one line in `rules`. A rule file missing from the list fails here.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { rules } from "./index";

const FOLDERS = ["eks", "vpc", "resolver"];

/** `eks-public-endpoint-disabled` -> `eksPublicEndpointDisabled`. */
function camel(name: string): string {
    return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

describe("rules/index.ts: the rule list", () => {
    it("names every rule once, in kebab case", () => {
        assert.strictEqual(new Set(rules.map((r) => r.name)).size, rules.length);
        for (const r of rules) assert.match(r.name, /^[a-z0-9]+(-[a-z0-9]+)+$/, r.name);
    });

    it("holds exactly the rule files of eks/, vpc/ and resolver/, each exporting its rule under its file name, with a test beside it", () => {
        const files = FOLDERS.flatMap((folder) =>
            fs
                .readdirSync(path.join(__dirname, folder))
                .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
                .map((f) => `${folder}/${f.replace(/\.ts$/, "")}`),
        );
        const listed = rules.map((r) => {
            const file = files.find((f) => path.basename(f) === camel(r.name));
            assert.ok(file, `${r.name}: no file ${camel(r.name)}.ts in ${FOLDERS.join(", ")}`);
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- the rule file is only known at run time (read from the folder), and import() of a .ts file fails under mocha's tsx/cjs hook
            const exported = require(`./${file}`) as Record<string, unknown>;
            assert.strictEqual(exported[camel(r.name)], r, `${file}.ts exports ${camel(r.name)}`);
            assert.ok(fs.existsSync(path.join(__dirname, `${file}.test.ts`)), `${file}.test.ts`);
            return file;
        });
        assert.deepStrictEqual([...listed].sort(), [...files].sort());
    });
});
