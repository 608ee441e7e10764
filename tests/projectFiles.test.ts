// Every Pulumi.yaml in the repo loads under the Pulumi CLI's project loader (plan/engine/projectSchema, from
// pulumi/pulumi's project.json and project.go), the loader's refusals in its own words, and the launcher and the
// plan runner refusing what the CLI refuses while reading `value:`/`default:` as it does.
import * as assert from "assert";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runProgram } from "../plan/engine/languageHost";
import { readProject, stackConfig } from "../plan/engine/project";
import { validateProject } from "../plan/engine/projectSchema";
import { loadProject } from "../plan/run";

const root = path.resolve(__dirname, "..");
const skipped = new Set(["node_modules", ".git", "dist"]);

/** Every Pulumi.yaml under `dir`, walking the tree (node_modules, .git and build output aside). */
function projectFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return skipped.has(entry.name) ? [] : projectFiles(full);
        return entry.name === "Pulumi.yaml" ? [full] : [];
    });
}

const file = "/p/Pulumi.yaml";
const check = (...lines: string[]) => validateProject(lines.join("\n") + "\n", file);

function tempProject(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "project-files-"));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
}

describe("Pulumi.yaml files under the CLI's project loader", () => {
    it("the schema is Pulumi's project.json at 1b59498, unmodified", () => {
        const text = fs.readFileSync(path.join(root, "tests/data/pulumi-project.schema.json"));
        assert.strictEqual(crypto.createHash("sha256").update(text).digest("hex"), "55b50752803a9b595675fa3119e710f91e907821deef1674e9e25e7b5ebc5daf");
    });

    it("every Pulumi.yaml in the repo loads with no problem", () => {
        const files = projectFiles(root);
        const relative = files.map((f) => path.relative(root, f));
        for (const expected of ["Pulumi.yaml", "examples/hybrid-dns/Pulumi.yaml", "examples/stack-refs/cluster/Pulumi.yaml", "bench/programs/ours/Pulumi.yaml"]) {
            assert.ok(relative.includes(expected), `${expected} not found by the walk`);
        }
        assert.deepStrictEqual(files.flatMap((f) => validateProject(fs.readFileSync(f, "utf8"), f)), []);
    });

    it("the root stack declares its own keys; the sample stack satisfies them and optional sections default to {}", () => {
        const project = readProject(root);
        assert.deepStrictEqual(
            Object.fromEntries(Object.entries(project.config).map(([k, v]) => [k, (v as { type: string }).type])),
            { vpcId: "string", endpointAccess: "object", vpcEndpoints: "object", hybridDns: "object", privateCluster: "object" },
        );
        const { config } = stackConfig(project, "sample");
        assert.strictEqual(config["eks-private-access:vpcId"], "vpc-0a1b2c3d4e5f60718");
        assert.strictEqual(config["eks-private-access:privateCluster"], "{}");
        assert.strictEqual(config["aws:region"], "us-east-1");
        // endpointAccess defaults to {} as well: a stack may use privateCluster alone (stack/configCheck needs one of the two).
        assert.throws(() => stackConfig(project, "none"), /^Error: Stack 'none' is missing configuration value 'vpcId'$/);
    });
});

describe("project loader refusals, in the CLI's words", () => {
    it("a provider's key with type and default", () => {
        assert.deepStrictEqual(check("name: p", "runtime: nodejs", "config:", "  aws:region:", "    type: string", "    default: us-east-1"), [
            "/p/Pulumi.yaml: Configuration key 'aws:region' is not namespaced by the project and should not define a type",
        ]);
        assert.deepStrictEqual(check("name: p", "runtime: nodejs", "config:", "  aws:region: { default: us-east-1 }"), [
            "/p/Pulumi.yaml: Configuration key 'aws:region' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?",
        ]);
        assert.deepStrictEqual(check("name: p", "runtime: nodejs", "config:", "  aws:region: { description: where }"), [
            "/p/Pulumi.yaml: Configuration key 'aws:region' is namespaced and must provide an attribute 'value'",
        ]);
    });

    it("an array without items, and nested arrays without items", () => {
        assert.deepStrictEqual(check("name: p", "runtime: nodejs", "config:", "  cidrs: { type: array }"), [
            "/p/Pulumi.yaml: The configuration key 'cidrs' declares an array but does not specify the underlying type via the 'items' attribute",
        ]);
        assert.deepStrictEqual(check("name: p", "runtime: nodejs", "config:", "  grid: { type: array, items: { type: array } }"), [
            "/p/Pulumi.yaml: #/config/grid/items: missing properties: 'items'",
        ]);
    });

    it("a default of the wrong type, with the full type name", () => {
        assert.deepStrictEqual(
            check("name: p", "runtime: nodejs", "config:", "  size: { type: integer, default: big }", "  cidrs: { type: array, items: { type: string }, default: [10, 11] }", "  tags: { type: object, default: [a] }"),
            [
                "/p/Pulumi.yaml: The default value specified for configuration key 'cidrs' is not of the expected type 'array<string>'",
                "/p/Pulumi.yaml: The default value specified for configuration key 'size' is not of the expected type 'integer'",
                "/p/Pulumi.yaml: The default value specified for configuration key 'tags' is not of the expected type 'object'",
            ],
        );
        assert.deepStrictEqual(check("name: p", "runtime: nodejs", "config:", "  size: { type: integer, default: '3' }", "  on: { type: boolean, default: 'true' }"), []);
    });

    it("default and value together", () => {
        assert.deepStrictEqual(check("name: p", "runtime: nodejs", "config:", "  mode: { default: a, value: b }"), [
            "/p/Pulumi.yaml: project config 'mode' cannot have both a 'default' and 'value' attribute",
        ]);
    });

    it("unknown fields: refused in closed objects with the CLI's hint; at the top level the CLI keeps them", () => {
        assert.deepStrictEqual(check("name: p", "runtime: nodejs", "backend: { url: file://., name: x }", "template: { displatName: x }"), [
            "/p/Pulumi.yaml: #/backend: additionalProperties 'name' not allowed; the only allowed attribute is 'url'",
            "/p/Pulumi.yaml: #/template: additionalProperties 'displatName' not allowed; did you mean 'displayName'?",
        ]);
        assert.deepStrictEqual(check("name: p", "runtime: nodejs", "config:", "  mode: { type: string, dfault: a }"), [
            "/p/Pulumi.yaml: #/config/mode: additionalProperties 'dfault' not allowed",
        ]);
        // project.json has additionalProperties: true at the top and Project keeps them (AdditionalKeys).
        assert.deepStrictEqual(check("name: p", "runtime: nodejs", "mian: index.ts"), []);
    });

    it("a config value of no allowed type, and a runtime of the wrong shape", () => {
        assert.deepStrictEqual(check("name: p", "runtime: { name: nodejs, option: {} }", "config:", "  ratio: 1.5"), [
            "/p/Pulumi.yaml: #/runtime: additionalProperties 'option' not allowed",
            "/p/Pulumi.yaml: #/config/ratio: expected string, integer, boolean, array or object, but got number",
        ]);
    });

    it("missing name or runtime, a name near 'name', a main that does not exist", () => {
        assert.deepStrictEqual(check("runtime: nodejs"), ["/p/Pulumi.yaml: project is missing a 'name' attribute"]);
        assert.deepStrictEqual(check("Name: p", "runtime: nodejs"), ["/p/Pulumi.yaml: project is missing a 'name' attribute; found 'Name' instead"]);
        assert.deepStrictEqual(check("name: ''", "runtime: nodejs"), ["/p/Pulumi.yaml: project is missing a non-empty string 'name' attribute"]);
        assert.deepStrictEqual(check("name: p"), ["/p/Pulumi.yaml: project is missing a 'runtime' attribute"]);
        assert.deepStrictEqual(check("name: p", "runtime: nodejs", "main: src/app.ts"), [
            "/p/Pulumi.yaml: project 'main' could not be read: stat /p/src/app.ts: no such file or directory",
        ]);
    });
});

describe("the launcher and the plan runner read projects as the CLI does", () => {
    const refused = "name: p\nruntime: nodejs\nconfig:\n  aws:region: { type: string, default: us-east-1 }\n";
    const message = "Configuration key 'aws:region' is not namespaced by the project and should not define a type";

    it("runProgram and the plan runner refuse a project the loader refuses, with its message", async () => {
        const dir = tempProject({ "Pulumi.yaml": refused, "index.ts": "" });
        const expected = `${path.join(dir, "Pulumi.yaml")}: ${message}`;
        await assert.rejects(runProgram(dir), (err: Error) => err.message === expected);
        assert.throws(() => loadProject(dir), (err: Error) => err.message === expected);
    });

    it("value: for a provider's key, default: for the project's, stack values over both, overrides last", () => {
        const dir = tempProject({
            "Pulumi.yaml": "name: p\nruntime: nodejs\nconfig:\n  aws:region: { value: eu-west-1 }\n  aws:profile: ops\n  mode: { type: string, default: private }\n  tags: { type: object, default: { team: net } }\n  size: { type: integer, default: 2 }\n",
            "Pulumi.dev.yaml": "config:\n  p:size: 4\n",
            "index.ts": "",
        });
        const { config, main } = loadProject(dir, { stack: "dev", config: { mode: "public" } });
        assert.deepStrictEqual(config, { "aws:region": "eu-west-1", "aws:profile": "ops", "p:mode": "public", "p:tags": '{"team":"net"}', "p:size": "4" });
        assert.strictEqual(main, path.join(dir, "index.ts"));
        assert.deepStrictEqual(stackConfig(readProject(dir), "dev").config, { "aws:region": "eu-west-1", "aws:profile": "ops", "p:mode": "private", "p:tags": '{"team":"net"}', "p:size": "4" });
    });

    it("a stack value of the wrong type, a plain value for a secret key, a missing required key", () => {
        const dir = tempProject({
            "Pulumi.yaml": "name: p\nruntime: nodejs\nconfig:\n  access: { type: object }\n  token: { type: string, secret: true }\n",
            "Pulumi.bad.yaml": "config:\n  access: private\n  token: x\n",
            "Pulumi.plain.yaml": "config:\n  access: { mode: private }\n  token: x\n",
            "Pulumi.half.yaml": "config:\n  access: { mode: private }\n",
            "index.ts": "",
        });
        const project = readProject(dir);
        assert.throws(() => stackConfig(project, "bad"), /^Error: Stack 'bad' with configuration key 'access' must be of type 'object'$/);
        assert.throws(() => stackConfig(project, "plain"), /^Error: Stack 'plain' with configuration key 'token' must be encrypted as it's secret$/);
        assert.throws(() => stackConfig(project, "half"), /^Error: Stack 'half' is missing configuration value 'token'$/);
        assert.deepStrictEqual(stackConfig(project, "half", { token: "t" }, ["token"]), { config: { "p:access": '{"mode":"private"}', "p:token": "t" }, secretKeys: ["p:token"] });
    });
});
