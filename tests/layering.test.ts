// The import layering (.dependency-cruiser.cjs) holds for the repository: dependency-cruiser's CLI, run as a user
// would run it, finds no violation outside the config's known-violations list, and every listed one still occurs.
// A fixture with one planted violation per rule proves each rule fires, and that what the layers allow passes.
// Runs in `npm run test:unit`.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import { createRequire } from "module";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const configPath = path.join(root, ".dependency-cruiser.cjs");
const depcruise = path.join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

interface LayeringConfig {
    COMPONENTS: string[];
    BUILDERS: string[];
    KNOWN_VIOLATIONS: { rule: string; from: string; to: string }[];
}
/** The config as dependency-cruiser loads it (a CommonJS file), with the lists it keeps beside its rules. */
const config = createRequire(__filename)(configPath) as LayeringConfig;

interface CruiseResult {
    summary: { violations: { from: string; to: string; rule: { name: string; severity: string } }[]; totalCruised: number };
}

/** "rule: from → to" for every violation dependency-cruiser reports when run over `dir` with our config, sorted. */
function violations(dir: string, ...paths: string[]): { found: string[]; cruised: number } {
    const run = spawnSync(process.execPath, [depcruise, "--config", configPath, "--output-type", "json", ...paths], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    assert.ok(run.stdout.startsWith("{"), `depcruise printed no result (exit ${run.status}): ${run.stderr}`);
    const result = JSON.parse(run.stdout) as CruiseResult;
    // A package reached through a symlinked node_modules (the fixture's) is named from its own node_modules.
    const found = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^(\.\.\/)+.*?\/node_modules\//, "node_modules/")}`).sort();
    return { found, cruised: result.summary.totalCruised };
}

/** The repository's .ts sources under the layered folders, tests aside, as paths from the root. */
function layeredSources(): string[] {
    const folders = ["aws", "shared", "adapters", "apiEndpoint", "vpcEndpoints", "hybridDns", "privateCluster", "rules", "policy"];
    const walk = (dir: string): string[] =>
        fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
            const rel = `${dir}/${e.name}`;
            if (e.isDirectory()) return ["dist", "node_modules"].includes(e.name) ? [] : walk(rel);
            return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [rel] : [];
        });
    return folders.filter((f) => fs.existsSync(path.join(root, f))).flatMap(walk);
}

describe("import layering (dependency-cruiser)", function () {
    this.timeout(180_000);

    it("the repository has no violation beyond the known list, and every known one still occurs", () => {
        const { found, cruised } = violations(root, ".");
        assert.ok(cruised > 150, `cruised only ${cruised} modules`);
        const known = config.KNOWN_VIOLATIONS.map((v) => `${v.rule}: ${v.from} → ${v.to}`).sort();
        assert.deepStrictEqual(
            found.filter((v) => !known.includes(v)),
            [],
            "import layering violated (see the rules' comments in .dependency-cruiser.cjs; `npx depcruise --config .dependency-cruiser.cjs .` shows them)",
        );
        assert.deepStrictEqual(
            known.filter((v) => !found.includes(v)),
            [],
            "fixed: remove these from KNOWN_VIOLATIONS in .dependency-cruiser.cjs",
        );
    });

    it("the config's component and builder lists are the files that define components and register resources", () => {
        const sources = layeredSources();
        const text = (f: string) => fs.readFileSync(path.join(root, f), "utf8");
        const components = sources.filter((f) => /\bextends\s+pulumi\.ComponentResource\b/.test(text(f)));
        const registrants = sources.filter((f) => /\bnew\s+(aws|eks)\.[\w.]+\s*\(/.test(text(f)));
        assert.deepStrictEqual([...config.COMPONENTS].sort(), components.sort(), "COMPONENTS in .dependency-cruiser.cjs");
        assert.deepStrictEqual([...config.BUILDERS].sort(), registrants.filter((f) => !components.includes(f)).sort(), "BUILDERS in .dependency-cruiser.cjs");
    });

    it("catches one planted violation per rule, and lets through what the layers allow", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "layering-"));
        try {
            const files: Record<string, string> = {
                "tsconfig.json": JSON.stringify({ compilerOptions: { module: "commonjs", strict: true } }),
                // A fact reading a domain.
                "aws/facts.ts": 'import { resolverName } from "../hybridDns/names";\nexport const fact = resolverName;\n',
                "aws/ok.ts": "export const ok = 1;\n",
                "hybridDns/names.ts": 'export const resolverName = "r";\n',
                // Components (by the config's list); a composite may construct one of another domain.
                "apiEndpoint/clusterEndpointAccess.ts": 'import * as pulumi from "@pulumi/pulumi";\nexport class ClusterEndpointAccess extends pulumi.ComponentResource {}\n',
                "privateCluster/privateCluster.ts": 'import { ClusterEndpointAccess } from "../apiEndpoint/clusterEndpointAccess";\nexport const pc = ClusterEndpointAccess;\n',
                "hybridDns/resolverInboundEndpoint.ts": "export const inbound = 1;\n",
                "hybridDns/clusterDnsForwarding.ts": 'import { inbound } from "./resolverInboundEndpoint";\nexport const fwd = inbound;\n',
                // A pure module of one domain importing another domain's component; a rule importing a builder.
                "vpcEndpoints/services.ts": 'import { ClusterEndpointAccess } from "../apiEndpoint/clusterEndpointAccess";\nexport const c = ClusterEndpointAccess;\n',
                "vpcEndpoints/build.ts": "export const build = 1;\n",
                "rules/rule.ts": 'import { build } from "../vpcEndpoints/build";\nimport { ok } from "../aws/ok";\nimport { p } from "../policy/pack";\nexport const r = [build, ok, p];\n',
                // Layers reaching up: a sibling domain into privateCluster/, privateCluster/ into another domain's builder.
                "hybridDns/up.ts": 'import { args } from "../privateCluster/args";\nimport { resolverName } from "./names";\nexport const up = [args, resolverName];\n',
                "privateCluster/args.ts": "export const args = 1;\n",
                "privateCluster/subnets.ts": 'import { build } from "../vpcEndpoints/build";\nexport const subnets = build;\n',
                "policy/pack.ts": 'import { fact } from "../aws/facts";\nexport const p = fact;\n',
                // A rule that loads @pulumi/aws through a shared look-up, which the published policy pack cannot.
                "shared/lookup.ts": 'import * as aws from "@pulumi/aws";\nexport const l = aws;\n',
                "rules/azRule.ts": 'import { l } from "../shared/lookup";\nexport const z = l;\n',
                // A cycle; a builder constructing a component; an import that does not resolve.
                "shared/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
                "shared/b.ts": 'import { a } from "./a";\nexport const b = () => a;\n',
                "shared/securityGroupRuleResources.ts": 'import { ClusterEndpointAccess } from "../apiEndpoint/clusterEndpointAccess";\nexport const sg = ClusterEndpointAccess;\n',
                "adapters/io.ts": '// @ts-expect-error: missing on purpose\nimport { gone } from "./missing";\nimport { resolverName } from "../hybridDns/names";\nexport const io = [gone, resolverName];\n',
                // Production code using the mocks; the library entry reaching into plan/.
                "privateCluster/plan.ts": 'import { world } from "../plan/mocks/world";\nimport { MockMonitor } from "@pulumi/pulumi/runtime/mocks";\nexport const w = [world, MockMonitor];\n',
                "plan/mocks/world.ts": "export const world = {};\n",
                "plan/run.ts": 'import { world } from "./mocks/world";\nexport const run = world;\n',
                "index.ts": 'import { run } from "./plan/run";\nexport { pc } from "./privateCluster/privateCluster";\nexport const r = run;\n',
            };
            for (const [name, text] of Object.entries(files)) {
                fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
                fs.writeFileSync(path.join(dir, name), text);
            }
            fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
            assert.deepStrictEqual(violations(dir, ".").found, [
                "builders-import-no-component: shared/securityGroupRuleResources.ts → apiEndpoint/clusterEndpointAccess.ts",
                "layer-adapters: adapters/io.ts → hybridDns/names.ts",
                "layer-aws: aws/facts.ts → hybridDns/names.ts",
                "layer-domains: hybridDns/up.ts → privateCluster/args.ts",
                "layer-entry: index.ts → plan/run.ts",
                "layer-policy: policy/pack.ts → aws/facts.ts",
                "layer-privateCluster: privateCluster/plan.ts → plan/mocks/world.ts",
                "layer-rules: rules/rule.ts → policy/pack.ts",
                "layer-shared: shared/securityGroupRuleResources.ts → apiEndpoint/clusterEndpointAccess.ts",
                "no-circular: shared/a.ts → shared/b.ts",
                "no-foreign-builder: privateCluster/subnets.ts → vpcEndpoints/build.ts",
                "no-foreign-component: vpcEndpoints/services.ts → apiEndpoint/clusterEndpointAccess.ts",
                "no-mocks-in-production: privateCluster/plan.ts → node_modules/@pulumi/pulumi/runtime/mocks.js",
                "no-mocks-in-production: privateCluster/plan.ts → plan/mocks/world.ts",
                "not-to-unresolvable: adapters/io.ts → ./missing",
                "only-composites-compose: hybridDns/clusterDnsForwarding.ts → hybridDns/resolverInboundEndpoint.ts",
                "policy-without-provider-sdks: rules/azRule.ts → node_modules/@pulumi/aws/index.js",
                "pure-imports-no-wiring: privateCluster/subnets.ts → vpcEndpoints/build.ts",
                "pure-imports-no-wiring: rules/rule.ts → vpcEndpoints/build.ts",
                "pure-imports-no-wiring: vpcEndpoints/services.ts → apiEndpoint/clusterEndpointAccess.ts",
            ]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
