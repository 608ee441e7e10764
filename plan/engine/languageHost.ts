// Starts a Pulumi program the way `pulumi preview`/`pulumi up` does through the Node language host, against the
// mock engine (./server): `node <@pulumi/pulumi/cmd/run resolved from the program directory> <flags> <entry>`
// with the config in the environment.
//
// It mirrors, in pulumi/pulumi, sdk/nodejs/cmd/pulumi-language-nodejs/main.go (copy at /tmp/langhost.go):
// - `locateModule`: cmd/run is `require.resolve`d by `node -e` in the program directory, so a project runs
//   with its own SDK;
// - `constructArguments`: the flags and their order (`--monitor`, `--engine`, `--organization`, `--project`,
//   `--root-directory`, `--stack`, `--pwd`, `--dry-run`, `--parallel`, then the entry point);
// - `constructConfig` / `constructConfigSecretKeys`: `PULUMI_CONFIG` with keys as `<ns>:config:<name>`,
//   `PULUMI_CONFIG_SECRET_KEYS`;
// - `parseOptions` / `execRuntime`: `PULUMI_NODEJS_TYPESCRIPT=true` unless `typescript: false`,
//   `PULUMI_NODEJS_TSCONFIG_PATH` from `tsconfig`, `nodeargs` before the script;
// and pkg/engine/project.go `getPwdMain` (through ./project) and pkg/cmd/pulumi/operations/up.go
// `defaultParallel` (4 per CPU).
// Not mirrored: the host's own ResourceMonitor proxy and `--sync` pipes (legacy synchronous invokes, which
// SDK 3.248 does not use), tracing, debugging, the bun runtime.
import { spawn, spawnSync } from "child_process";
import * as os from "os";
import { MockAws } from "../mocks";
import { Diagnostic, InvokeRecord, MockEngine, Registration, startMockEngine } from "./server";
import { ProjectInfo, readProject, stackConfig } from "./project";

/** cmd/run's exit code after it has logged a user-actionable error (the host then "bails" without more text). */
export const EXIT_AFTER_LOGGED_ERROR = 32;

/** What the language host puts on cmd/run's command line and in its environment. */
export interface Launch {
    /** Arguments after the node binary: node args, the cmd/run path, flags, entry point. */
    args: string[];
    /** Variables the host adds to the inherited environment. */
    env: Record<string, string>;
}

export interface LaunchInputs {
    /** The resolved cmd/run script. */
    runPath: string;
    monitorAddress: string;
    engineAddress: string;
    project: ProjectInfo;
    stack: string;
    /** The CLI's organization; the DIY backend always says "organization". */
    organization: string;
    dryRun: boolean;
    parallel: number;
    /** Namespaced config (`aws:region`). */
    config: Record<string, string>;
    secretKeys: string[];
}

/** The `typescript`, `tsconfig` and `nodeargs` runtime options as parseOptions reads them. */
export function nodeOptions(options: Record<string, unknown>): { typescript: boolean; tsconfig?: string; nodeargs: string[] } {
    const typescript = options.typescript ?? true;
    if (typeof typescript !== "boolean") throw new Error("typescript option must be a boolean");
    if (options.tsconfig !== undefined && typeof options.tsconfig !== "string") throw new Error("tsconfigpath option must be a string");
    if (options.nodeargs !== undefined && typeof options.nodeargs !== "string") throw new Error("nodeargs option must be a string");
    // shlex.Split of plain space-separated words; quoted node args are not supported here.
    const nodeargs = (options.nodeargs ?? "").split(/\s+/).filter((a) => a !== "");
    return { typescript, tsconfig: options.tsconfig, nodeargs };
}

/** constructArguments + constructConfig + the env part of execRuntime. */
export function launchOf(inputs: LaunchInputs): Launch {
    const opts = nodeOptions(inputs.project.options);
    const args = [...opts.nodeargs, inputs.runPath];
    const flag = (name: string, value: string) => {
        if (value !== "") args.push(`--${name}`, value);
    };
    flag("monitor", inputs.monitorAddress);
    flag("engine", inputs.engineAddress);
    flag("organization", inputs.organization);
    flag("project", inputs.project.name);
    flag("root-directory", inputs.project.root);
    flag("stack", inputs.stack);
    flag("pwd", inputs.project.pwd);
    if (inputs.dryRun) args.push("--dry-run");
    flag("parallel", String(inputs.parallel));
    args.push(inputs.project.main);

    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(inputs.config)) {
        const [namespace, name] = key.split(":");
        config[`${namespace}:config:${name}`] = value;
    }
    const env: Record<string, string> = {
        PULUMI_CONFIG: JSON.stringify(config),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(inputs.secretKeys),
    };
    if (opts.typescript) env.PULUMI_NODEJS_TYPESCRIPT = "true";
    if (opts.tsconfig) env.PULUMI_NODEJS_TSCONFIG_PATH = opts.tsconfig;
    return { args, env };
}

/** locateModule: resolves `mod` with `node -e require.resolve(...)` run in `programDir`; throws the host's message. */
export function locateModule(mod: string, programDir: string): string {
    const script =
        `try { console.log(require.resolve(${JSON.stringify(mod)})); } catch (error) { if (error.code === 'MODULE_NOT_FOUND') ` +
        `{ console.error("It looks like the Pulumi SDK has not been installed. Have you run pulumi install?") } ` +
        `else { console.error(error.message); } process.exit(1); }`;
    const result = spawnSync(process.execPath, ["-e", script], { cwd: programDir, encoding: "utf8" });
    if (result.status !== 0) throw new Error((result.stderr || String(result.error)).trim());
    return result.stdout.trim();
}

export interface RunOptions {
    /** Stack name; its `Pulumi.<stack>.yaml` is read when present. Default `dev`. */
    stack?: string;
    /** Config over the stack file (`--config`); a key without a namespace is the project's. */
    config?: Record<string, string>;
    /** Keys of `config` that are secrets (`--config-secret`). */
    secretKeys?: string[];
    /** Preview (`--dry-run`); default true. */
    dryRun?: boolean;
    /** `--parallel`; default 4 per CPU, as the CLI. */
    parallel?: number;
    /** The world the engine answers from; default a fresh `MockAws` in the region of `aws:region`. */
    mocks?: MockAws;
    /** Extra environment for the program (e.g. `PULUMI_NODEJS_TRANSPILE_ONLY`). */
    env?: Record<string, string>;
    /** Kill the program after this long; default 10 minutes. */
    timeoutMs?: number;
}

export interface ProgramRun {
    /** cmd/run's exit code (0 success, 32 after it logged the error), null when killed. */
    exitCode: number | null;
    stdout: string;
    stderr: string;
    /** Everything registered or read, in arrival order, the root stack first. */
    resources: Registration[];
    /** The stack outputs, `{}` when the program registered none. */
    outputs: Record<string, unknown>;
    diagnostics: Diagnostic[];
    invokes: InvokeRecord[];
    /** What was launched, to check or print. */
    launch: Launch;
    /** The project as the CLI reads it (pwd, entry point, runtime options). */
    project: ProjectInfo;
    /** The namespaced config the program got. */
    config: Record<string, string>;
    /** The mocks the engine answered from (their `resources`, `world`). */
    mocks: MockAws;
    durationMs: number;
}

/** Variables a parent Pulumi process (or an earlier run) may have set, which the CLI would not pass. */
const inheritedPulumi = /^PULUMI_(CONFIG|CONFIG_SECRET_KEYS|NODEJS_.*)$/;

/** Runs `cmd/run` for `launch` and waits for it to exit. */
function spawnProgram(launch: Launch, cwd: string, extraEnv: Record<string, string>, timeoutMs: number) {
    const env: Record<string, string | undefined> = Object.fromEntries(Object.entries(process.env).filter(([k]) => !inheritedPulumi.test(k)));
    return new Promise<{ exitCode: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, launch.args, { cwd, env: { ...env, ...launch.env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
        child.on("error", (err) => {
            clearTimeout(timer);
            reject(err);
        });
        child.on("close", (code) => {
            clearTimeout(timer);
            resolve({ exitCode: code, stdout, stderr });
        });
    });
}

/**
 * Plans (or, with `dryRun: false`, "deploys" against mocks) the Pulumi program at `projectDir` as
 * `pulumi preview --stack <stack>` would launch it, and returns what it registered and logged.
 */
export async function runProgram(projectDir: string, options: RunOptions = {}): Promise<ProgramRun> {
    const started = Date.now();
    const project = readProject(projectDir);
    if (project.runtime !== "nodejs") throw new Error(`${project.root}: runtime ${project.runtime} is not the Node language host's`);
    const stack = options.stack ?? "dev";
    const { config, secretKeys } = stackConfig(project, stack, options.config, options.secretKeys);
    const mocks = options.mocks ?? new MockAws();
    if (!options.mocks) mocks.reset(config["aws:region"] ?? "us-east-1");
    const runPath = locateModule("@pulumi/pulumi/cmd/run", project.pwd);
    const engine: MockEngine = await startMockEngine(mocks, { project: project.name, stack });
    try {
        const launch = launchOf({
            runPath,
            monitorAddress: engine.monitorAddress,
            engineAddress: engine.engineAddress,
            project,
            stack,
            organization: "organization",
            dryRun: options.dryRun ?? true,
            parallel: options.parallel ?? os.availableParallelism() * 4,
            config,
            secretKeys,
        });
        const exited = await spawnProgram(launch, project.pwd, options.env ?? {}, options.timeoutMs ?? 10 * 60_000);
        return {
            ...exited,
            resources: [...engine.registrations],
            outputs: engine.outputs ?? {},
            diagnostics: [...engine.diagnostics],
            invokes: [...engine.invokes],
            launch,
            project,
            config,
            mocks,
            durationMs: Date.now() - started,
        };
    } finally {
        await engine.close();
    }
}
