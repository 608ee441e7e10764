// A TypeScript user installs the packed tarball: `npm pack` of this repository (which runs `prepare`, the build),
// a fresh project outside the repository (so nothing resolves from its node_modules) with Pulumi's nodejs
// template tsconfig, `npm install`, a strict compile, plain `require` under node, and a plan through cmd/run the
// way `pulumi preview` starts it (plan/engine/languageHost.ts: the project's own SDK and its vendored ts-node
// 7.0.1, which skips node_modules, so the package must ship JavaScript).
import * as assert from "assert";
import { execFile, ExecFileException } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { importClosure } from "./support/closure";
import * as ts from "typescript";
import { promisify } from "util";
import { ProgramRun, runProgram } from "../plan/engine/languageHost";

const run = promisify(execFile);
const repo = path.resolve(__dirname, "..");
const fixture = path.join(__dirname, "fixtures", "consumer");

/** The library's entry points (tsconfig.build.json `files`); tsc emits them and every module they import. */
const entries = ["index.ts", "provider.ts", "plugin.ts"];

/** Repository-relative .ts files reachable from `entries` through relative imports (type-only ones too). */
const libraryClosure = (): string[] => importClosure(repo, entries);

/** The names index.ts exports as values (not `export type`), which `require("eks-private-access")` must have. */
function indexValueExports(): string[] {
    const source = ts.createSourceFile("index.ts", fs.readFileSync(path.join(repo, "index.ts"), "utf8"), ts.ScriptTarget.Latest);
    const reExported = source.statements
        .filter(ts.isExportDeclaration)
        .filter((d) => !d.isTypeOnly && d.exportClause !== undefined && ts.isNamedExports(d.exportClause))
        .flatMap((d) => (d.exportClause as ts.NamedExports).elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text));
    const declared = source.statements
        .filter(ts.isVariableStatement)
        .filter((v) => v.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
        .flatMap((v) => v.declarationList.declarations.map((d) => d.name.getText(source)));
    return [...reExported, ...declared].sort();
}

/** The installed version of `name` in this repository, which the consumer pins (the npm cache holds it). */
const installed = (name: string): string => (JSON.parse(fs.readFileSync(path.join(repo, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

/** A second file with a misspelt argument and a misspelt export, to show the types come from the package. */
const wrongFile = [
    `import { ClusterEndpointAccess, EndpointAccessMode, ClusterEndpointAcess } from "eks-private-access";`,
    `new ClusterEndpointAccess("wrong", { mode: EndpointAccessMode.Private, allowedCidr: ["10.0.0.0/8"] });`,
    `export const typo = ClusterEndpointAcess;`,
    "",
].join("\n");

const T = {
    stack: "pulumi:pulumi:Stack",
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    vpce: "aws:ec2/vpcEndpoint:VpcEndpoint",
    access: "eks-private-access:index:ClusterEndpointAccess",
    endpoints: "eks-private-access:index:PrivateClusterEndpoints",
} as const;
/** The default endpoint set (what nodes need to join and pull images, eksctl's fully-private set), plus podIdentity's eks-auth. */
const endpointServices = ["ec2", "ecr.api", "ecr.dkr", "s3", "sts", "eks-auth"];
const label = (r: { type: string; name: string }) => `${r.type} ${r.name}`;
const sorted = (xs: string[]) => [...xs].sort();

describe("consumer: a TypeScript project installs the packed tarball, compiles, requires and plans it", function () {
    // npm pack (the build) + npm install of the SDKs from the npm cache + two type checks of @pulumi/aws's types.
    this.timeout(300_000);
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), "eks-private-access-consumer-"));
    const project = path.join(temp, "project");
    let packed: string[];
    let tarball: string;
    let ls: string;
    let tsc: { code: number; out: string };
    let required: { names: string[]; resolved: string };
    let plan: ProgramRun;

    before(async () => {
        const pack = await run("npm", ["pack", "--pack-destination", temp, "--json"], { cwd: repo, maxBuffer: 64 << 20 }).catch((e: ExecFileException) => {
            throw new Error(`npm pack failed (prepare builds dist/ with tsc -p tsconfig.build.json):\n${e.stdout}\n${e.stderr}`);
        });
        const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
        packed = info.files.map((f) => f.path).sort();
        tarball = path.join(temp, info.filename);

        fs.mkdirSync(project);
        for (const file of ["index.ts", "tsconfig.json", "Pulumi.yaml"]) fs.copyFileSync(path.join(fixture, file), path.join(project, file));
        const manifest = JSON.parse(fs.readFileSync(path.join(fixture, "package.template.json"), "utf8")) as Record<"dependencies" | "devDependencies", Record<string, string>>;
        for (const deps of [manifest.dependencies, manifest.devDependencies]) {
            for (const name of Object.keys(deps)) deps[name] = deps[name] === "TARBALL" ? `file:${tarball}` : installed(name);
        }
        fs.writeFileSync(path.join(project, "package.json"), JSON.stringify(manifest, null, 2));
        await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: project, maxBuffer: 64 << 20 }).catch((e: ExecFileException) => {
            throw new Error(`npm install of the tarball failed:\n${e.stderr}`);
        });
        ls = (await run("npm", ["ls", "@pulumi/pulumi", "--all", "--parseable"], { cwd: project })).stdout;

        // The template tsconfig with the wrong file added: index.ts must contribute no error at all.
        fs.writeFileSync(path.join(project, "wrong.ts"), wrongFile);
        fs.writeFileSync(path.join(project, "tsconfig.check.json"), JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noEmit: true, pretty: false }, files: ["index.ts", "wrong.ts"] }));
        const typeCheck = run(process.execPath, [path.join(project, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.check.json"], { cwd: project }).then(
            (r) => ({ code: 0, out: r.stdout }),
            (e: ExecFileException) => ({ code: e.code as number, out: e.stdout as string }),
        );
        const script = `const m = require("eks-private-access"); console.log(JSON.stringify({ names: Object.keys(m).sort(), resolved: require.resolve("eks-private-access") }))`;
        const plainNode = run(process.execPath, ["-e", script], { cwd: project }).then((r) => JSON.parse(r.stdout) as { names: string[]; resolved: string });
        // The plan must not see the wrong file: Pulumi.yaml's main is index.ts and ts-node compiles what it imports.
        [tsc, required, plan] = await Promise.all([typeCheck, plainNode, runProgram(project, { stack: "dev", dryRun: true })]);
    });
    after(() => fs.rmSync(temp, { recursive: true, force: true }));

    it("npm pack ships exactly the compiled library closure, schema.json, PulumiPlugin.yaml, CHANGELOG, README and package.json", () => {
        const closure = libraryClosure();
        // package.json `files` lists the compiled entry files and one dist/<folder>/ per domain folder.
        const files = (JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as { files: string[] }).files;
        const folders = files.filter((f) => /^dist\/\w+\/$/.test(f)).map((f) => f.slice("dist/".length));
        const outside = closure.filter((f) => !/^(index|provider|plugin)\.ts$/.test(f) && !folders.some((d) => f.startsWith(d)));
        assert.deepStrictEqual(outside, [], "the library imports modules outside the packaged directories (package.json files)");
        // JavaScript and declarations only: source maps would point at ../lib/*.ts, which the package does not ship.
        const dist = closure.flatMap((f) => [`dist/${f.replace(/\.ts$/, ".js")}`, `dist/${f.replace(/\.ts$/, ".d.ts")}`]);
        const expected = [...dist, "schema.json", "PulumiPlugin.yaml", "CHANGELOG.md", "README.md", "package.json"];
        assert.deepStrictEqual(packed, sorted(expected), "tarball contents (a stale dist/ file, a map or a source slipped in, or a module is missing)");
    });

    it("the install holds one @pulumi/pulumi, the project's, with none nested under eks-private-access", () => {
        assert.deepStrictEqual(ls.trim().split("\n"), [path.join(project, "node_modules", "@pulumi", "pulumi")]);
        assert.strictEqual(fs.existsSync(path.join(project, "node_modules", "eks-private-access", "node_modules", "@pulumi")), false);
    });

    it("the program compiles under the template's strict tsconfig and the wrong file fails with TypeScript's own errors", () => {
        const [line1, line2] = wrongFile.split("\n");
        assert.deepStrictEqual(tsc.out.trim().split("\n"), [
            `wrong.ts(1,${line1.indexOf("ClusterEndpointAcess") + 1}): error TS2724: '"eks-private-access"' has no exported member named 'ClusterEndpointAcess'. Did you mean 'ClusterEndpointAccess'?`,
            `wrong.ts(2,${line2.indexOf("allowedCidr") + 1}): error TS2561: Object literal may only specify known properties, but 'allowedCidr' does not exist in type 'ClusterEndpointAccessArgs'. Did you mean to write 'allowedCidrs'?`,
        ]);
        assert.strictEqual(tsc.code, 2);
    });

    it("plain node requires the package's compiled entry and gets every value index.ts exports", () => {
        assert.strictEqual(required.resolved, path.join(fs.realpathSync(project), "node_modules", "eks-private-access", "dist", "index.js"));
        assert.deepStrictEqual(required.names, indexValueExports());
    });

    it("cmd/run plans the program with the package from node_modules: exactly its resources and the components' children", () => {
        const errors = plan.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
        assert.deepStrictEqual(errors, [], plan.stderr);
        assert.strictEqual(plan.exitCode, 0, plan.stderr);
        const [root, ...rest] = plan.resources;
        assert.strictEqual(label(root), `${T.stack} consumer-dev`);
        const childrenOf = (type: string, name: string, childType?: string) => {
            const parent = rest.find((r) => r.type === type && r.name === name);
            assert.ok(parent, `no ${type} ${name}`);
            return sorted(rest.filter((r) => r.parent === parent.urn && (childType === undefined || r.type === childType)).map(label));
        };
        assert.deepStrictEqual(
            sorted(rest.filter((r) => r.parent === root.urn).map(label)),
            sorted([
                `${T.vpc} consumer`,
                `${T.subnet} consumer-a`,
                `${T.subnet} consumer-b`,
                `${T.routeTable} consumer`,
                `${T.sg} consumer-control-plane`,
                `${T.access} consumer`,
                `${T.endpoints} consumer`,
            ]),
        );
        // Private mode, one allowed CIDR: only its 443 rule on the control plane's group.
        assert.deepStrictEqual(childrenOf(T.access, "consumer"), [`${T.ingress} consumer-api-tcp443-from-192-168-0-0-20`]);
        assert.deepStrictEqual(childrenOf(T.endpoints, "consumer", T.vpce), sorted(endpointServices.map((s) => `${T.vpce} consumer-${s}`)));
        assert.deepStrictEqual(childrenOf(T.endpoints, "consumer", T.sg), [`${T.sg} consumer-endpoints`]);
        assert.deepStrictEqual(Object.keys(plan.outputs).sort(), ["endpointIds", "vpcConfig"]);
    });
});
