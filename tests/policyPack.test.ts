// The policy pack as `pulumi policy publish` ships it and the Pulumi service runs it, outside this repository:
// - publish: `npm pack --loglevel=error` in policy/, reading the tarball's name from stdout (pulumi/pulumi
//   sdk/nodejs/npm/npm.go, npmManager.Pack);
// - install: the tarball extracted into a fresh folder, then `npm install --loglevel=error` inside its `package`
//   directory (pkg/backend/httpstate/policypack.go, installRequiredPolicy, through the Node language host);
// - run: the host resolves @pulumi/pulumi/cmd/run-policy-pack from the pack's directory and starts
//   `node <run-policy-pack> <engine> <pack dir>` there (sdk/nodejs/cmd/pulumi-language-nodejs/main.go, RunPlugin and
//   locateModule); the pack prints its gRPC port, and the engine calls the Analyzer service on it.
// The pack's process sees no NODE_PATH and lives outside the repository, so only the pack's own dependencies resolve.
import * as assert from "assert";
import * as grpc from "@grpc/grpc-js";
import * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as yaml from "js-yaml";
import * as os from "os";
import * as path from "path";
import { rules } from "../rules/index";
import { importClosure } from "./support/closure";

const repo = path.resolve(__dirname, "..");
const policyDir = path.join(repo, "policy");

/** What the tests read of PulumiPolicy.yaml (pulumi/pulumi sdk/go/common/workspace/project.go, PolicyPackProject). */
interface PolicyProject {
    runtime: { name: string; options?: { typescript?: boolean } };
}
/** What the tests read of a package.json. */
interface PackManifest {
    main?: string;
    version: string;
    dependencies: Record<string, string>;
}

/** The environment of a process outside the repository: no NODE_PATH, no npm or Pulumi settings, no repo bin dirs. */
function outsideEnv(): NodeJS.ProcessEnv {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|NODE_PATH$|NODE_OPTIONS$|PULUMI_|TS_NODE_)/i.test(k)));
    env.PATH = (process.env.PATH ?? "")
        .split(path.delimiter)
        .filter((dir) => dir !== "" && !path.resolve(dir).startsWith(repo + path.sep))
        .join(path.delimiter);
    return env;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = outsideEnv()): string {
    return execFileSync(cmd, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** One unary call of the Analyzer client, given the callback it answers through. */
type Unary<T> = (callback: (err: grpc.ServiceError | null, response: T) => void) => unknown;

function rpc<T>(call: Unary<T>): Promise<T> {
    return new Promise((resolve, reject) => call((err, resp) => (err ? reject(err) : resolve(resp))));
}

const levels = Object.fromEntries(Object.entries(analyzerpb.EnforcementLevel).map(([k, v]) => [v, k.toLowerCase()]));
const urnOf = (type: string, name: string) => `urn:pulumi:prod::network::${type}::${name}`;

async function analyze(client: analyzerGrpc.AnalyzerClient, type: string, name: string, props: Record<string, JavaScriptValue>): Promise<[string, string, string][]> {
    const req = new analyzerpb.AnalyzeRequest();
    req.setType(type);
    req.setName(name);
    req.setUrn(urnOf(type, name));
    req.setProperties(Struct.fromJavaScript(props));
    req.setOptions(new analyzerpb.AnalyzerResourceOptions());
    const resp = await rpc<analyzerpb.AnalyzeResponse>((done) => client.analyze(req, done));
    return resp.getDiagnosticsList().map((d) => [d.getPolicyname(), levels[d.getEnforcementlevel()], d.getMessage()]);
}

const LOGS = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
/** A private-only, encrypted, fully logged aws.eks.Cluster, with the public endpoint settings given. */
function cluster(vpcConfig: Record<string, JavaScriptValue>): Record<string, JavaScriptValue> {
    return {
        roleArn: "arn:aws:iam::123456789012:role/eks",
        version: "1.33",
        vpcConfig: { subnetIds: ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9"], endpointPublicAccess: false, endpointPrivateAccess: true, ...vpcConfig },
        encryptionConfig: { provider: { keyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" }, resources: ["secrets"] },
        enabledClusterLogTypes: LOGS,
    };
}
const OPEN = { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] };

const PUBLIC_DISABLED =
    "The EKS API server's public endpoint is turned off (an unset endpointPublicAccess counts as on, as in the EKS API).\n" +
    "endpointPublicAccess is true: the Kubernetes API server answers on a public endpoint reachable from the internet " +
    "(requests are still checked by IAM and RBAC). Set endpointPublicAccess: false with endpointPrivateAccess: true to " +
    "keep the API server inside the VPC and connected networks.";
const NOT_OPEN =
    "A public API server endpoint admits only listed networks: publicAccessCidrs must not cover all of 0.0.0.0/0 or ::/0 " +
    "(a missing or empty list is EKS's default, the whole internet).\n" +
    'The public API server endpoint is open to the whole internet: publicAccessCidrs ["0.0.0.0/0"] covers all of 0.0.0.0/0. ' +
    "List only the networks that need the API server, or turn the public endpoint off.";

describe("policy pack: published tarball, installed alone and run by run-policy-pack", function () {
    this.timeout(60000);
    let tmp: string;
    let tarball: string;
    let packDir: string;
    let child: ChildProcess | undefined;
    let client: analyzerGrpc.AnalyzerClient;

    before(async function () {
        this.timeout(240000);
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "eks-policy-pack-"));
        run("npm", ["run", "--silent", "build"], policyDir);
        const name = run("npm", ["pack", "--loglevel=error"], policyDir).trim();
        assert.strictEqual(name, "eks-private-access-policy-0.1.0.tgz", "npm pack's stdout is only the tarball's name (Pulumi reads it)");
        tarball = path.join(tmp, name);
        fs.renameSync(path.join(policyDir, name), tarball);
        run("tar", ["-xzf", tarball, "-C", tmp], tmp);
        packDir = path.join(tmp, "package");
        run("npm", ["install", "--loglevel=error", "--no-audit", "--no-fund", "--prefer-offline"], packDir);

        const options = (yaml.load(fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8")) as PolicyProject).runtime.options ?? {};
        const env = outsideEnv();
        if (options.typescript !== false) env.PULUMI_NODEJS_TYPESCRIPT = "true";
        const runPath = run(process.execPath, ["-e", "console.log(require.resolve('@pulumi/pulumi/cmd/run-policy-pack'))"], packDir).trim();
        assert.strictEqual(runPath, path.join(packDir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack", "index.js"));
        const proc = spawn(process.execPath, [runPath, "127.0.0.1:1", packDir], { cwd: packDir, env, stdio: ["ignore", "pipe", "pipe"] });
        child = proc;
        let stderr = "";
        proc.stderr.on("data", (d) => (stderr += d));
        const port = await new Promise<string>((resolve, reject) => {
            let out = "";
            proc.stdout.on("data", (d) => {
                out += d;
                if (out.includes("\n")) resolve(out.split("\n")[0].trim());
            });
            proc.on("exit", (code) => reject(new Error(`run-policy-pack exited with ${code} before printing a port:\n${stderr}`)));
        });
        assert.match(port, /^\d+$/);
        client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    });

    after(() => {
        client?.close();
        child?.kill();
        if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("ships the compiled pack, its manifest and profiles: no TypeScript sources, no tests", () => {
        const files = run("tar", ["-tzf", tarball], tmp).split("\n").filter((f) => f !== "").sort();
        // tsc compiles policy/index.ts and every module it imports (policy/tsconfig.json, rootDir ..), nothing else.
        const compiled = importClosure(path.resolve(__dirname, ".."), ["policy/index.ts"]).map((f) => `package/dist/${f.replace(/\.ts$/, ".js")}`);
        assert.deepStrictEqual(
            files,
            [
                "package/PulumiPolicy.yaml",
                ...compiled,
                "package/package.json",
                "package/profiles/recommended.json",
                "package/profiles/strict.json",
            ],
        );
    });

    it("PulumiPolicy.yaml uses only the CLI's policy-pack keys and tells the Node host the pack is JavaScript", () => {
        // pulumi/pulumi sdk/go/common/workspace/project.go, PolicyPackProject; runtime options: the Node host's parseOptions.
        const project = yaml.load(fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8")) as Record<string, unknown>;
        const known = ["runtime", "version", "main", "description", "author", "website", "license"];
        assert.deepStrictEqual(Object.keys(project).filter((k) => !known.includes(k)), []);
        assert.deepStrictEqual(project.runtime, { name: "nodejs", options: { typescript: false } });
        // A PulumiPolicy.yaml main would move the directory `pulumi policy publish` packs and runs (pkg/engine/project.go,
        // getPwdMain) to dist/policy, away from package.json; the Node host loads package.json main instead.
        assert.strictEqual(project.main, undefined);
    });

    it("declares every package its compiled code requires, and Pulumi's runner", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as PackManifest;
        assert.strictEqual(manifest.main, "dist/policy/index.js");
        assert.deepStrictEqual(manifest.dependencies, { "@pulumi/policy": "~1.21.0", "@pulumi/pulumi": "~3.248.0", "ipaddr.js": "^2.5.0" });
        const required = new Set<string>();
        for (const file of fs.readdirSync(path.join(packDir, "dist"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"))) {
            for (const [, spec] of fs.readFileSync(path.join(packDir, "dist", file), "utf8").matchAll(/require\("([^".][^"]*)"\)/g)) {
                required.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
            }
        }
        // @pulumi/pulumi is also where the language host finds cmd/run-policy-pack, so it is a direct dependency.
        assert.deepStrictEqual([...required].sort(), ["@pulumi/policy", "@pulumi/pulumi", "ipaddr.js"]);
        const script = `for (const m of ${JSON.stringify(Object.keys(manifest.dependencies))}) console.log(require.resolve(m + "/package.json"))`;
        const resolved = run(process.execPath, ["-e", script], path.join(packDir, "dist", "rules")).trim().split("\n");
        assert.deepStrictEqual(resolved, Object.keys(manifest.dependencies).map((m) => path.join(packDir, "node_modules", m, "package.json")));
        const version = (pkg: string) => (JSON.parse(fs.readFileSync(path.join(packDir, "node_modules", pkg, "package.json"), "utf8")) as PackManifest).version;
        assert.match(version("@pulumi/pulumi"), /^3\.248\.\d+$/);
        assert.match(version("@pulumi/policy"), /^v?1\.21\.\d+$/);
    });

    it("serves the pack's name, version and every rule of rules/", async () => {
        const info = await rpc<analyzerpb.AnalyzerInfo>((done) => client.getAnalyzerInfo(new Empty(), done));
        assert.strictEqual(info.getName(), "eks-private-access");
        assert.strictEqual(info.getVersion(), "0.1.0");
        const names: string[] = info.getPoliciesList().map((p) => p.getName());
        assert.deepStrictEqual(names, rules.map((r) => r.name));
        assert.ok(names.includes("eks-public-endpoint-disabled") && names.includes("eks-public-endpoint-not-open"));
    });

    it("reports a cluster open to 0.0.0.0/0, with the recommended levels, and nothing for a private one", async () => {
        assert.deepStrictEqual(await analyze(client, "aws:eks/cluster:Cluster", "open", cluster(OPEN)), [
            ["eks-public-endpoint-disabled", "advisory", PUBLIC_DISABLED],
            ["eks-public-endpoint-not-open", "advisory", NOT_OPEN],
        ]);
        assert.deepStrictEqual(await analyze(client, "aws:eks/cluster:Cluster", "private", cluster({})), []);
    });

    it("takes the shipped strict profile as the engine's Configure call (--policy-pack-config)", async () => {
        const strict = JSON.parse(fs.readFileSync(path.join(packDir, "profiles", "strict.json"), "utf8")) as Record<string, { enforcementLevel: string }>;
        const req = new analyzerpb.ConfigureAnalyzerRequest();
        for (const [name, { enforcementLevel }] of Object.entries(strict)) {
            const config = new analyzerpb.PolicyConfig();
            config.setEnforcementlevel(analyzerpb.EnforcementLevel[enforcementLevel.toUpperCase() as keyof typeof analyzerpb.EnforcementLevel]);
            config.setProperties(Struct.fromJavaScript({}));
            req.getPolicyconfigMap().set(name, config);
        }
        await rpc<Empty>((done) => client.configure(req, done));
        assert.deepStrictEqual(await analyze(client, "aws:eks/cluster:Cluster", "open", cluster(OPEN)), [
            ["eks-public-endpoint-disabled", "mandatory", PUBLIC_DISABLED],
            ["eks-public-endpoint-not-open", "mandatory", NOT_OPEN],
        ]);
    });
});
