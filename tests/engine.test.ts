// The mock engine (plan/engine/server.ts) and the language-host launcher (plan/engine/languageHost.ts): the
// flags, environment and config the Node language host gives cmd/run, the engine's gRPC answers to the SDK's
// own client stubs, and small programs started through @pulumi/pulumi/cmd/run in a child process.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import * as resourceRpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import * as resourceProto from "@pulumi/pulumi/proto/resource_pb";
import * as structProto from "google-protobuf/google/protobuf/struct_pb";
import { MockAws } from "../plan/mocks";
import { launchOf, locateModule, nodeOptions, ProgramRun, runProgram } from "../plan/engine/languageHost";
import { pwdMain, readProject, stackConfig } from "../plan/engine/project";
import { engineUrn, MockEngine, startMockEngine } from "../plan/engine/server";

const repoModules = path.resolve(__dirname, "..", "node_modules");

const made: string[] = [];
const tempDir = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
};
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A program directory in the temp dir, with this repo's node_modules linked in (files: name -> text). */
function program(files: Record<string, string>): string {
    const dir = tempDir("engine-test-");
    fs.symlinkSync(repoModules, path.join(dir, "node_modules"), "dir");
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

const errors = (run: ProgramRun) => run.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);

describe("language host: project, flags and environment", () => {
    it("main: none is the project root and '.', a file its directory and base name, a directory itself and '.'", () => {
        const dir = program({ "Pulumi.yaml": "name: p\nruntime: nodejs\n", "src/app.ts": "", "prog/index.ts": "" });
        assert.deepStrictEqual(pwdMain(dir), { pwd: dir, main: "." });
        assert.deepStrictEqual(pwdMain(dir, "src/app.ts"), { pwd: path.join(dir, "src"), main: "app.ts" });
        assert.deepStrictEqual(pwdMain(dir, "prog"), { pwd: path.join(dir, "prog"), main: "." });
        assert.throws(() => pwdMain(dir, "missing.ts"), /^Error: project 'main' could not be read: ENOENT/);
    });

    it("config: stack file over project defaults and values, shorthand rules, overrides last, objects as JSON", () => {
        const dir = program({
            "Pulumi.yaml": [
                "name: proj",
                "runtime: { name: nodejs, options: { typescript: false, tsconfig: tsconfig.pulumi.json } }",
                "config:",
                "  aws:region: eu-west-2", // shorthand, other namespace: a value
                "  mode: private", // shorthand, own key: a default
                "  cidrs: { type: array, items: { type: string }, default: [10.0.0.0/16] }",
                "  size: { type: integer, default: 3 }",
                "  valued: { value: from-value }",
            ].join("\n"),
            "Pulumi.dev.yaml": "config:\n  mode: public\n  proj:extra: { a: 1 }\n  aws:profile: ops\n",
        });
        const project = readProject(dir);
        assert.deepStrictEqual({ runtime: project.runtime, options: project.options }, { runtime: "nodejs", options: { typescript: false, tsconfig: "tsconfig.pulumi.json" } });
        assert.deepStrictEqual(stackConfig(project, "dev", { size: "5" }, ["size"]), {
            config: {
                "proj:mode": "public",
                "proj:extra": '{"a":1}',
                "aws:profile": "ops",
                "aws:region": "eu-west-2",
                "proj:cidrs": '["10.0.0.0/16"]',
                "proj:size": "5",
                "proj:valued": "from-value",
            },
            secretKeys: ["proj:size"],
        });
        assert.deepStrictEqual(stackConfig(project, "other").config["proj:mode"], "private");
    });

    it("a secure stack value is refused with the key and the way round it", () => {
        const dir = program({ "Pulumi.yaml": "name: p\nruntime: nodejs\n", "Pulumi.dev.yaml": "config:\n  p:token:\n    secure: AAAB\n" });
        assert.throws(() => stackConfig(readProject(dir), "dev"), /p:token is a secure value; this launcher has no secrets provider: pass it in config overrides instead$/);
    });

    it("arguments in constructArguments' order, config keys as <ns>:config:<name>, TypeScript env from the options", () => {
        const dir = program({ "Pulumi.yaml": "name: p\nruntime: { name: nodejs, options: { tsconfig: tsconfig.app.json, nodeargs: --max-old-space-size=4096 } }\nmain: src/app.ts\n", "src/app.ts": "" });
        const launch = launchOf({
            runPath: "/x/cmd/run/index.js",
            monitorAddress: "127.0.0.1:1",
            engineAddress: "127.0.0.1:2",
            project: readProject(dir),
            stack: "dev",
            organization: "organization",
            dryRun: true,
            parallel: 8,
            config: { "aws:region": "us-west-2", "p:mode": "private" },
            secretKeys: ["p:mode"],
        });
        assert.deepStrictEqual(launch, {
            args: [
                "--max-old-space-size=4096",
                "/x/cmd/run/index.js",
                ...["--monitor", "127.0.0.1:1", "--engine", "127.0.0.1:2", "--organization", "organization", "--project", "p"],
                ...["--root-directory", dir, "--stack", "dev", "--pwd", path.join(dir, "src"), "--dry-run", "--parallel", "8", "app.ts"],
            ],
            env: {
                PULUMI_CONFIG: '{"aws:config:region":"us-west-2","p:config:mode":"private"}',
                PULUMI_CONFIG_SECRET_KEYS: '["p:mode"]',
                PULUMI_NODEJS_TYPESCRIPT: "true",
                PULUMI_NODEJS_TSCONFIG_PATH: "tsconfig.app.json",
            },
        });
        assert.deepStrictEqual(nodeOptions({ typescript: false }), { typescript: false, tsconfig: undefined, nodeargs: [] });
        assert.throws(() => nodeOptions({ typescript: "yes" }), /^Error: typescript option must be a boolean$/);
    });

    it("cmd/run is resolved from the program directory, with the host's message when the SDK is missing", () => {
        const dir = program({});
        assert.strictEqual(locateModule("@pulumi/pulumi/cmd/run", dir), path.join(repoModules, "@pulumi/pulumi/cmd/run/index.js"));
        const bare = tempDir("engine-test-bare-");
        assert.throws(() => locateModule("@pulumi/pulumi/cmd/run", bare), /^Error: It looks like the Pulumi SDK has not been installed\. Have you run pulumi install\?$/);
    });
});

describe("mock engine over gRPC (the SDK's client stubs)", () => {
    let engine: MockEngine;
    let monitor: resourceRpc.ResourceMonitorClient;
    let engineClient: engineRpc.EngineClient;
    /** One unary call through a client stub: `call` starts it with the callback the stubs take; resolves to the reply. */
    const unary = <Resp>(call: (done: (err: grpc.ServiceError | null, resp: Resp) => void) => unknown) =>
        new Promise<Resp>((resolve, reject) => call((err, resp) => (err ? reject(err) : resolve(resp))));

    before(async () => {
        engine = await startMockEngine(new MockAws(), { project: "proj", stack: "dev" });
        monitor = new resourceRpc.ResourceMonitorClient(engine.monitorAddress, grpc.credentials.createInsecure());
        engineClient = new engineRpc.EngineClient(engine.engineAddress, grpc.credentials.createInsecure());
    });
    after(async () => {
        monitor.close();
        engineClient.close();
        await engine.close();
    });

    it("answers features as setMocks does, and an unknown feature as an old engine: no", async () => {
        const ask = async (id: string) =>
            (await unary<resourceProto.SupportsFeatureResponse>((done) => monitor.supportsFeature(new resourceProto.SupportsFeatureRequest().setId(id), done))).getHassupport();
        assert.deepStrictEqual(
            await Promise.all(["secrets", "resourceReferences", "outputValues", "transforms", "someFutureFeature"].map(ask)),
            [true, true, false, false, false],
        );
    });

    it("URNs as the engine makes them: children of the stack unprefixed, children of a component prefixed", async () => {
        const register = (type: string, name: string, custom: boolean, parent = "", object: Record<string, unknown> = {}) =>
            unary<resourceProto.RegisterResourceResponse>((done) =>
                monitor.registerResource(
                    new resourceProto.RegisterResourceRequest()
                        .setType(type)
                        .setName(name)
                        .setCustom(custom)
                        .setParent(parent)
                        .setObject(structProto.Struct.fromJavaScript(object as Record<string, structProto.JavaScriptValue>)),
                    done,
                ),
            );
        const stack = await register("pulumi:pulumi:Stack", "proj-dev", false);
        const component = await register("eks-private-access:index:Thing", "thing", false, stack.getUrn());
        const vpc = await register("aws:ec2/vpc:Vpc", "net", true, component.getUrn(), { cidrBlock: "10.5.0.0/16" });
        assert.deepStrictEqual(
            [stack.getUrn(), component.getUrn(), vpc.getUrn()],
            [
                "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev",
                "urn:pulumi:dev::proj::eks-private-access:index:Thing::thing",
                "urn:pulumi:dev::proj::eks-private-access:index:Thing$aws:ec2/vpc:Vpc::net",
            ],
        );
        assert.strictEqual(engineUrn("proj", "dev", "a:b:C", "x", vpc.getUrn()), "urn:pulumi:dev::proj::eks-private-access:index:Thing$aws:ec2/vpc:Vpc$a:b:C::x");
        const recorded = engine.registrations.find((r) => r.name === "net");
        assert.deepStrictEqual(recorded?.inputs, { cidrBlock: "10.5.0.0/16" });
        assert.ok(recorded?.id?.startsWith("vpc-"), `a VPC id from the mocks: ${recorded?.id}`);
    });

    it("records logs with severity and URN, and the root resource", async () => {
        await unary((done) => engineClient.log(new engineProto.LogRequest().setSeverity(engineProto.LogSeverity.WARNING).setMessage("careful").setUrn("urn:x"), done));
        await unary((done) => engineClient.setRootResource(new engineProto.SetRootResourceRequest().setUrn("urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev"), done));
        const root = await unary<engineProto.GetRootResourceResponse>((done) => engineClient.getRootResource(new engineProto.GetRootResourceRequest(), done));
        assert.deepStrictEqual(engine.diagnostics, [{ severity: "warning", message: "careful", urn: "urn:x" }]);
        assert.strictEqual(root.getUrn(), "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev");
    });
});

const tinyProject = "name: tiny\nruntime: nodejs\nconfig:\n  aws:region: eu-west-1\n  cidr: 10.9.0.0/16\n";

describe("programs through @pulumi/pulumi/cmd/run", function () {
    // ts-node type-checks each program in its own process: seconds of CPU each.
    this.timeout(180_000);

    it("a VPC, a look-up of the world's VPC and the region: exact registrations, invoke answers and stack outputs", async () => {
        const dir = program({
            "Pulumi.yaml": tinyProject,
            // No `main` in Pulumi.yaml: cmd/run takes package.json's.
            "package.json": JSON.stringify({ name: "tiny", main: "src/program.ts" }),
            "src/program.ts": [
                'import * as aws from "@pulumi/aws";',
                'import * as pulumi from "@pulumi/pulumi";',
                "const config = new pulumi.Config();",
                'const vpc = new aws.ec2.Vpc("main", { cidrBlock: config.require("cidr"), tags: { Stack: pulumi.getStack() } });',
                'const existing = aws.ec2.getVpcOutput({ id: "vpc-0a1b2c3d4e5f60718" });',
                "export const vpcId = vpc.id;",
                "export const existingCidr = existing.cidrBlock;",
                "export const region = aws.getRegionOutput().name;",
            ].join("\n"),
        });
        const run = await runProgram(dir, { stack: "dev" });
        assert.deepStrictEqual(errors(run), []);
        assert.strictEqual(run.exitCode, 0, run.stderr);
        const stackUrn = "urn:pulumi:dev::tiny::pulumi:pulumi:Stack::tiny-dev";
        assert.deepStrictEqual(
            run.resources.map((r) => ({ urn: r.urn, parent: r.parent, custom: r.custom, inputs: r.inputs })),
            [
                { urn: stackUrn, parent: undefined, custom: false, inputs: {} },
                { urn: "urn:pulumi:dev::tiny::aws:ec2/vpc:Vpc::main", parent: stackUrn, custom: true, inputs: { cidrBlock: "10.9.0.0/16", tags: { Stack: "dev" } } },
            ],
        );
        const vpcId = run.resources[1].id;
        // The world's VPC (plan/mocks defaultWorld) and the region from Pulumi.yaml's aws:region value.
        assert.deepStrictEqual(run.outputs, { vpcId, existingCidr: run.mocks.world.vpcs["vpc-0a1b2c3d4e5f60718"].cidrBlock, region: "eu-west-1" });
        assert.deepStrictEqual(run.invokes.map((i) => i.token).sort(), ["aws:ec2/getVpc:getVpc", "aws:index/getRegion:getRegion"]);
        assert.strictEqual(run.launch.args[run.launch.args.length - 1], ".");
    });

    it("a resource passed to a remote component reaches the engine as its id, whatever packages this process loaded", async () => {
        // The engine runs in this process, where @pulumi/aws has registered its resource modules; the SDK's
        // MockMonitor would turn the reference into a SecurityGroup read through this process's mocks.
        assert.ok((await import("@pulumi/aws")).ec2.SecurityGroup);
        const dir = program({
            "Pulumi.yaml": "name: remote\nruntime: nodejs\nmain: index.ts\n",
            "index.ts": [
                'import * as aws from "@pulumi/aws";',
                'import * as pulumi from "@pulumi/pulumi";',
                'const sg = new aws.ec2.SecurityGroup("control-plane", { description: "EKS control plane" });',
                "class Remote extends pulumi.ComponentResource {",
                '    constructor(name: string, args: pulumi.Inputs) { super("test:index:Remote", name, args, {}, true); }',
                "}",
                'new Remote("cluster", { clusterSecurityGroup: sg, name: "prod" });',
            ].join("\n"),
        });
        const run = await runProgram(dir, { stack: "dev" });
        assert.deepStrictEqual(errors(run), [], run.stderr);
        const sg = run.resources.find((r) => r.name === "control-plane");
        const remote = run.resources.find((r) => r.name === "cluster");
        assert.ok(sg?.id);
        assert.deepStrictEqual({ type: remote?.type, remote: remote?.remote, inputs: remote?.inputs }, {
            type: "test:index:Remote",
            remote: true,
            inputs: { clusterSecurityGroup: sg.id, name: "prod" },
        });
    });

    it("a program error is an error diagnostic with its message, and cmd/run's exit code 32", async () => {
        const dir = program({
            "Pulumi.yaml": "name: failing\nruntime: nodejs\nmain: index.ts\n",
            "index.ts": 'import * as pulumi from "@pulumi/pulumi";\nconst mode = new pulumi.Config().get("mode") ?? "none";\nthrow new Error(`mode ${mode} is not known`);\n',
        });
        const run = await runProgram(dir, { config: { mode: "sideways" } });
        assert.strictEqual(run.exitCode, 32);
        const messages = errors(run);
        assert.strictEqual(messages.length, 1, messages.join("\n"));
        assert.match(messages[0], /^Running program '.*index\.ts' failed with an unhandled exception:\nError: mode sideways is not known\n/);
    });

    it("a type error fails under ts-node's type checking with file:line and the TypeScript code", async () => {
        const dir = program({
            "Pulumi.yaml": "name: typo\nruntime: nodejs\nmain: index.ts\n",
            "index.ts": 'import * as pulumi from "@pulumi/pulumi";\nexport const stack = pulumi.getStack();\nexport const count: number = "three";\n',
        });
        const run = await runProgram(dir);
        assert.strictEqual(run.exitCode, 32);
        assert.deepStrictEqual(run.resources.map((r) => r.type), ["pulumi:pulumi:Stack"]);
        const messages = errors(run);
        assert.strictEqual(messages.length, 1, messages.join("\n"));
        assert.match(messages[0], /TSError: ⨯ Unable to compile TypeScript:\nindex\.ts\(3,14\): error TS2322: Type 'string' is not assignable to type 'number'\./);
    });
});
