// npm run bench:promises [-- --clusters 10 --top 25]: where a plan's time goes. A plan under mocks spends most of
// its CPU on the promises the SDK creates for every Output, registration and invoke, and on collecting them, so
// this counts the promises each program creates while it plans (bench/programs/ours and raw, each in its own child
// process) and, for ours, which line of this package or of the bench program made them. A promise made inside the
// SDK with none of our lines on the stack (a continuation after an await) counts for the promise that started it.
import { createHook, executionAsyncId } from "async_hooks";
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { Variant, root, table, variants } from "./stats";


interface Count {
    variant: Variant;
    clusters: number;
    promises: number;
    /** Promises by the line of this repository that made them (or the promise that started them). */
    bySource: Record<string, number>;
}

/** The first frame of this repository (not node_modules, not the plan runner) on the current stack. */
function ourFrame(): string | undefined {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back on Error below, never called detached
    const saved = { limit: Error.stackTraceLimit, prepare: Error.prepareStackTrace };
    Error.stackTraceLimit = 60;
    delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
    const stack = new Error().stack ?? "";
    Error.stackTraceLimit = saved.limit;
    Error.prepareStackTrace = saved.prepare;
    for (const line of stack.split("\n").slice(2)) {
        const m = /\(?(\/[^()]+):(\d+):\d+\)?$/.exec(line.trim());
        if (!m || !m[1].startsWith(root) || m[1].includes("node_modules") || m[1].includes("/plan/") || m[1] === __filename) continue;
        return `${path.relative(root, m[1])}:${m[2]}`;
    }
    return undefined;
}

async function child(variant: Variant, clusters: number): Promise<void> {
    const { runPlan } = await import("../plan/run");
    const labels = new Map<number, string>();
    const bySource: Record<string, number> = {};
    let promises = 0;
    let counting = false;
    const hook = createHook({
        init(id, type, trigger) {
            if (!counting || type !== "PROMISE") return;
            promises++;
            const label = ourFrame() ?? labels.get(trigger) ?? labels.get(executionAsyncId()) ?? "(the SDK, started by none of our lines)";
            labels.set(id, label);
            bySource[label] = (bySource[label] ?? 0) + 1;
        },
        destroy(id) {
            labels.delete(id);
        },
    });
    hook.enable();
    counting = true;
    const plan = await runPlan(path.join(root, "bench/programs", variant), { config: { clusters: String(clusters) } });
    counting = false;
    hook.disable();
    if (plan.errors.length > 0) throw new Error(`${variant} planned with errors: ${plan.errors.map((e) => e.message).join("; ")}`);
    const count: Count = { variant, clusters, promises, bySource };
    process.stdout.write(`${JSON.stringify(count)}\n`);
}

function count(variant: Variant, clusters: number): Promise<Count> {
    return new Promise((resolve, reject) => {
        execFile(
            process.execPath,
            [path.join(root, "node_modules/tsx/dist/cli.mjs"), __filename, "--child", variant, String(clusters)],
            { cwd: root, maxBuffer: 64 * 1024 * 1024 },
            (err, stdout, stderr) => {
                try {
                    resolve(JSON.parse(stdout.trim().split("\n").pop() ?? "") as Count);
                } catch {
                    reject(new Error(`${variant} x${clusters} printed no count (${err?.message ?? "exit 0"}): ${stderr}`));
                }
            },
        );
    });
}

/** The domain folder (or bench program) a source line belongs to. */
const area = (source: string) => (source.startsWith("(") ? source : source.split("/").slice(0, source.startsWith("bench/") ? 3 : 1).join("/").replace(/:\d+$/, ""));

const lines = new Map<string, string[]>();
/**
 * What a source line does, read from the line itself: registers a resource of the provider (`new aws.…`, the same
 * resources in both programs), registers a component (`super(…)`), or derives Outputs (checks, look-ups, gates,
 * outputs).
 */
function kind(source: string): string {
    const m = /^(.+):(\d+)$/.exec(source);
    if (!m) return source;
    if (!lines.has(m[1])) lines.set(m[1], fs.readFileSync(path.join(root, m[1]), "utf8").split("\n"));
    const text = lines.get(m[1])![Number(m[2]) - 1] ?? "";
    if (/\bnew aws\./.test(text)) return "registering AWS resources (new aws.…)";
    if (/\bsuper\(/.test(text)) return "registering components (super)";
    return "deriving Outputs (checks, look-ups, gates, outputs)";
}

/** `counts` summed by `key` of each source line. */
function grouped(counts: Record<string, number>, key: (source: string) => string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [source, n] of Object.entries(counts)) out[key(source)] = (out[key(source)] ?? 0) + n;
    return out;
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        allowPositionals: true,
        options: { child: { type: "boolean", default: false }, clusters: { type: "string", default: "10" }, top: { type: "string", default: "25" } },
    });
    if (values.child) {
        const [variant, clusters] = process.argv.slice(process.argv.indexOf("--child") + 1);
        if (!variants.includes(variant as Variant)) throw new Error(`--child takes ${variants.join(" or ")} and a cluster count`);
        return child(variant as Variant, Number(clusters));
    }
    const clusters = Number(values.clusters);
    const [ours, raw] = [await count("ours", clusters), await count("raw", clusters)];
    const per = (n: number) => (n / clusters).toFixed(0);
    console.log(`Promises created while planning ${clusters} clusters (per cluster): ours ${per(ours.promises)}, raw ${per(raw.promises)}, ours/raw ${(ours.promises / raw.promises).toFixed(2)}\n`);
    const byCount = (o: Record<string, number>) => Object.entries(o).sort((a, b) => b[1] - a[1]);
    const [oursKinds, rawKinds] = [grouped(ours.bySource, kind), grouped(raw.bySource, kind)];
    console.log(
        table(
            ["by what the line does", "ours per cluster", "raw per cluster", "ours - raw"],
            byCount(oursKinds).map(([k, n]) => [k, per(n), per(rawKinds[k] ?? 0), per(n - (rawKinds[k] ?? 0))]),
        ),
    );
    console.log("");
    console.log(table(["ours, by folder", "per cluster", "share"], byCount(grouped(ours.bySource, area)).map(([k, n]) => [k, per(n), `${((100 * n) / ours.promises).toFixed(1)} %`])));
    console.log("");
    console.log(table(["ours, by line", "per cluster"], byCount(ours.bySource).slice(0, Number(values.top)).map(([k, n]) => [k, per(n)])));
}

main().then(
    () => process.exit(0),
    (err) => {
        console.error(`bench:promises: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
    },
);
