// The offline plan: runs a Pulumi program of this repo in-process under the mocks and reports what
// `pulumi up` would create, with every warning and error. One program per process: the Pulumi runtime's
// project, stack and config are process-wide, as they are under the Pulumi CLI.
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { evaluatePolicies, PolicyFinding, Profile } from "../rules/evaluate";
import { installMocks, MockAws, RecordedResource, valueOf } from "./mocks";
import { readProject, stackConfig } from "./engine/project";
import { keepTopFrame, programLocation } from "./programErrors";
import { typeErrors } from "./typeCheck";
import { planWorld } from "./world";
import { pricesFor } from "../aws/prices";
import { costOf, PlanCost } from "./cost";

export type { CostItem, PlanCost } from "./cost";

export interface PlanOptions {
    /** Stack whose `Pulumi.<stack>.yaml` config is loaded; default `sample` when that file exists. */
    stack?: string;
    /** Extra config, `key=value` (key without a namespace gets the project's), applied over the stack file. */
    config?: Record<string, string>;
    /** Policy profile the pack's rules run with: `recommended` (default, advisory) or `strict` (mandatory). */
    policy?: Profile;
    /** Policy config in the pack's format (`pulumi preview --policy-pack-config`). */
    policyConfig?: Record<string, unknown>;
    /** YAML file describing the account (VPCs, subnets, DHCP options, endpoints, region): `--world`. */
    world?: string;
    /** Type-check the program first and refuse it on type errors, as the CLI's ts-node does: `--typecheck`. */
    typecheck?: boolean;
    /** The day prices are taken for (an EKS version past standard support costs more); default today. */
    on?: Date;
}

export interface PlanDiagnostic {
    /** The resource that raised it, when known. */
    urn?: string;
    message: string;
}

/** A resource in the plan: what the mocks recorded, with wire forms made readable. */
export type PlannedResource = RecordedResource;

export interface PlanResult {
    program: string;
    project: string;
    stack: string;
    /** The config the program ran with, namespaced (`aws:region`, `<project>:mode`). */
    config: Record<string, string>;
    resources: PlannedResource[];
    /** The program's stack outputs. */
    outputs: Record<string, unknown>;
    warnings: PlanDiagnostic[];
    errors: PlanDiagnostic[];
    /** Facts the plan made up for ids its world did not hold (state them with `--world` to check them), by id. */
    assumptions: { id: string; message: string }[];
    /** The policy pack's findings on the planned resources (`policy/`, the same rules). */
    policy: { profile: Profile; findings: PolicyFinding[] };
    /**
     * Monthly estimate of every billed resource the program creates (aws/prices.ts: interface endpoints per AZ-hour,
     * Resolver endpoints per IP-hour, EKS control planes, KMS keys) at the stack's Region's list prices, us-east-1's
     * where none is recorded for it; traffic-priced parts are left out.
     */
    cost: PlanCost;
    /** Wall milliseconds of the program's run (load and registration), the policy evaluation and the cost estimate. */
    timings: { programMs: number; policyMs: number; costMs: number };
}

interface ProjectFile {
    name: string;
}

/**
 * Reads the project's Pulumi.yaml and the stack's config as the Pulumi CLI does (plan/engine/project: the CLI's
 * project checks, `value:`/`default:`, stack values over them, then `options.config`); a project or stack config
 * the CLI refuses throws its message.
 */
export function loadProject(dir: string, options: PlanOptions = {}): { project: ProjectFile; stack: string; config: Record<string, string>; main: string } {
    const info = readProject(dir);
    const stack = options.stack ?? (fs.existsSync(path.join(dir, "Pulumi.sample.yaml")) ? "sample" : "dev");
    const { config } = stackConfig(info, stack, options.config);
    // The program is imported in-process: `main` as the CLI resolves it, index.ts when it names a directory.
    const main = path.join(info.pwd, info.main === "." ? "index.ts" : info.main);
    return { project: { name: info.name }, stack, config, main };
}

/** Runs the program at `dir` under the mocks and returns the plan. Call once per process. */
export async function runPlan(dir: string, options: PlanOptions = {}): Promise<PlanResult> {
    const { project, stack, config, main } = loadProject(dir, options);
    const world = planWorld(options.world, project.name, config, main);
    const errors: PlanDiagnostic[] = [];
    const runtimeWarnings: string[] = [];

    pulumi.runtime.setAllConfig(config);
    const mocks = await installMocks(project.name, stack, true);
    mocks.world = world;

    // Under mocks the SDK prints `pulumi.log` messages to the console; keep them as diagnostics instead.
    const restoreConsole = captureRuntimeLog(runtimeWarnings, errors);
    const report = (err: unknown) => errors.push(...programErrors(err, path.dirname(main)));
    const onRejection = (reason: unknown) => report(reason);
    process.on("unhandledRejection", onRejection);
    const idle = whenIdle();

    let outputs: Record<string, unknown> = {};
    const started = performance.now();
    const restoreFrames = keepTopFrame(programStackTraceLimit());
    try {
        const problems = options.typecheck ? typeErrors(main) : [];
        if (problems.length > 0) throw new pulumi.RunError(problems.join("\n"));
        const exported = (await import(main)) as Record<string, unknown>;
        const programOutputs: unknown = typeof exported.default === "function" ? await (exported.default as () => unknown)() : exported;
        outputs = await resolveOutputs(programOutputs, errors, idle.reached);
        // `waitForRPCs` is the SDK's own drain of outstanding registrations (marked internal in its typings).
        await Promise.race([(pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs(), idle.reached]);
        // Let rejected registrations reach the unhandledRejection handler.
        await new Promise((resolve) => setTimeout(resolve, 20));
    } catch (err) {
        report(err);
    } finally {
        restoreFrames();
        idle.dispose();
        process.off("unhandledRejection", onRejection);
        restoreConsole();
    }

    const resources = [...mocks.resources.values()].map(toPlanned);
    const profile = options.policy ?? "recommended";
    const programMs = performance.now() - started;
    const findings = evaluatePolicies(resources, { profile, config: options.policyConfig });
    const policyMs = performance.now() - started - programMs;
    const cost = costOf(resources, options.on ?? new Date(), pricesFor(world.region));
    const costMs = performance.now() - started - programMs - policyMs;
    return {
        program: path.relative(process.cwd(), path.resolve(dir)) || ".",
        project: project.name,
        stack,
        config,
        resources,
        outputs,
        warnings: collectWarnings(mocks, runtimeWarnings),
        errors: dedupe(errors),
        assumptions: Object.entries(mocks.world.assumptions).map(([id, message]) => ({ id, message })),
        policy: { profile, findings },
        cost,
        timings: { programMs, policyMs, costMs },
    };
}

/**
 * The stack depth errors capture while the program runs. The SDK stamps a stack trace on every promise it tracks
 * (`debuggablePromise` reads `new Error().stack` for its leak report): several per resource registration, property
 * serialization and invoke. Under tsx each trace is also mapped through the program's source maps, so at 100
 * clusters that was most of the plan's time (24.6 s -> 9 s) and a quarter of its memory. One frame, formatted
 * without source maps while the program runs (programErrors.ts keepTopFrame), keeps where a user's error was thrown
 * at no measurable cost (bench program, 30 clusters: 3.56-4.00 CPU s against 3.68-3.92 s with no frame); that frame
 * is mapped to the TypeScript line only for an error the plan reports. The SDK's source positions of resources
 * (`Resource.callsites`) raise the limit themselves. PULUMI_DEBUG_PROMISE_LEAKS asks for those stacks, so it keeps
 * Node's default (and its formatting).
 */
function programStackTraceLimit(): number {
    return process.env.PULUMI_DEBUG_PROMISE_LEAKS ? Error.stackTraceLimit : 1;
}

/**
 * An error of the program as plan diagnostics: one per line of its message (a program may report several problems
 * at once, as the root stack's config check does), the first with the program file and line it was thrown at when
 * that is the user's own code. ResourceErrors name their component instead, and a RunError is the program's own
 * report, whose location Pulumi does not print either.
 */
function programErrors(err: unknown, programDir: string): PlanDiagnostic[] {
    const lines = reasonOf(err).split("\n");
    const located = pulumi.RunError.isInstance(err) || pulumi.ResourceError.isInstance(err) ? undefined : programLocation(err, programDir);
    if (located) lines[0] = `${lines[0]} (${located})`;
    return lines.map((message) => ({ message }));
}

/** Marker for a value the provider only knows after it creates the resource. */
export const UNKNOWN = "(known after apply)";

/** Replaces the SDK's wire forms (resource references, unknowns) with readable values. */
function readable(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(readable);
    if (value === null || typeof value !== "object") return value;
    const fields = value as Record<string, unknown>;
    if (fields.__pulumiUnknown === true) return UNKNOWN;
    if (fields.__pulumiResource === true) return `${String(fields.__pulumiType)}::${String(fields.__name)}`;
    return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, readable(v)]));
}

/** A recorded property map, readable (readable keeps an object an object). */
const readableMap = (map: Record<string, unknown>) => readable(map) as Record<string, unknown>;

function toPlanned(r: RecordedResource): PlannedResource {
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        ...(r.parent ? { parent: r.parent } : {}),
        custom: r.custom,
        ...(r.id ? { id: r.id } : {}),
        inputs: readableMap(r.inputs),
        ...(r.outputs ? { outputs: readableMap(r.outputs) } : {}),
    };
}

/** Component warnings (their `warnings` output, attributed) plus any other runtime warning. */
function collectWarnings(mocks: MockAws, runtimeWarnings: string[]): PlanDiagnostic[] {
    const attributed: PlanDiagnostic[] = [];
    for (const r of mocks.resources.values()) {
        const list = r.outputs?.warnings;
        if (Array.isArray(list)) for (const message of list) attributed.push({ urn: r.urn, message: String(message) });
    }
    const known = new Set(attributed.map((w) => w.message));
    return [...attributed, ...runtimeWarnings.filter((m) => !known.has(m)).map((message) => ({ message }))];
}

const IDLE = Symbol("idle");

/**
 * Resolves when the event loop has nothing left to run. An output still pending then never resolves: a resource
 * it reads failed to register (its failure is already reported). The CLI's program exits at that point with the
 * failure logged; the plan stops waiting and reports what it has.
 */
function whenIdle(): { reached: Promise<typeof IDLE>; dispose(): void } {
    let listener: () => void = () => undefined;
    const reached = new Promise<typeof IDLE>((resolve) => {
        listener = () => resolve(IDLE);
        process.once("beforeExit", listener);
    });
    return { reached, dispose: () => process.off("beforeExit", listener) };
}

async function resolveOutputs(exported: unknown, errors: PlanDiagnostic[], idle: Promise<typeof IDLE>): Promise<Record<string, unknown>> {
    const outputs: Record<string, unknown> = {};
    const pending: string[] = [];
    for (const [key, value] of Object.entries((exported ?? {}) as Record<string, unknown>)) {
        if (key === "default" || key === "__esModule") continue;
        try {
            const resolved: unknown = await Promise.race([valueOf(value), idle]);
            if (resolved === IDLE) pending.push(key);
            else outputs[key] = resolved;
        } catch (err) {
            errors.push({ message: reasonOf(err) });
        }
    }
    // Unresolved outputs are a consequence of a reported failure; alone, they are the failure.
    if (pending.length > 0 && errors.length === 0) {
        errors.push({ message: `stack outputs never resolved: ${pending.join(", ")} (a resource they read was never registered)` });
    }
    return outputs;
}

function captureRuntimeLog(warnings: string[], errors: PlanDiagnostic[]): () => void {
    const { warn, error, log } = console;
    const pattern = /^(warning|error|info|debug): \[runtime\] ([\s\S]*)$/;
    const route = (original: (...a: unknown[]) => void) => (...args: unknown[]) => {
        const match = typeof args[0] === "string" ? pattern.exec(args[0]) : null;
        if (!match) return original(...args);
        if (match[1] === "warning") warnings.push(match[2]);
        else if (match[1] === "error") errors.push({ message: reasonOf(match[2]) });
    };
    console.warn = route(warn);
    console.error = route(error);
    console.log = route(log);
    return () => {
        console.warn = warn;
        console.error = error;
        console.log = log;
    };
}

export function messageOf(err: unknown): string {
    if (err instanceof Error) return err.message;
    return String(err);
}

/**
 * What the plan reports, one line: the message without the SDK's `error serializing property "x": ` prefixes,
 * which it adds at every level an input's failure passes through (shared/validatedInput deployError explains).
 */
export function reasonOf(err: unknown): string {
    return messageOf(err).replace(/^(?:error serializing property "[^"]*": )+/, "");
}

function dedupe(list: PlanDiagnostic[]): PlanDiagnostic[] {
    const seen = new Set<string>();
    return list.filter((d) => (seen.has(d.message) ? false : (seen.add(d.message), true)));
}
