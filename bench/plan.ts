// npm run bench [-- --sizes 1,10,100 --runs 1 --default-heap]: offline plan time and peak memory of N private clusters (each in
// its own VPC with its VPC endpoints, control-plane rules, Resolver inbound endpoint and forwarding rule) written
// with this package's components (bench/programs/ours) and the same resources written directly with @pulumi/aws
// (bench/programs/raw), each plan in its own child process, in one run. Then the monthly endpoint cost table
// from PrivateClusterEndpoints' own estimate.
import { execFile } from "child_process";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import * as pulumi from "@pulumi/pulumi";
import { Variant, median, root, table, variants } from "./stats";


interface Measurement {
    variant: Variant;
    clusters: number;
    /** runPlan's wall time: loading the program, registering every resource under the mocks, policy and cost. */
    planMs: number;
    /** CPU seconds (user + system) of the child for the plan (process.cpuUsage). */
    cpuS: number;
    /** Wall time of the program's registration alone, then of the policy evaluation and the cost estimate. */
    programMs: number;
    policyMs: number;
    costMs: number;
    /** Peak resident set of the child process (process.resourceUsage().maxRSS). */
    maxRssMb: number;
    resources: number;
    components: number;
    errors: string[];
}

/** Child mode: plans one program and prints its measurement as JSON. */
async function child(variant: Variant, clusters: number): Promise<void> {
    const { runPlan } = await import("../plan/run");
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const plan = await runPlan(path.join(root, "bench/programs", variant), { config: { clusters: String(clusters) } });
    const planMs = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    const m: Measurement = {
        variant,
        clusters,
        planMs,
        cpuS: (used.user + used.system) / 1e6,
        programMs: plan.timings.programMs,
        policyMs: plan.timings.policyMs,
        costMs: plan.timings.costMs,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
        resources: plan.resources.filter((r) => r.custom).length,
        components: plan.resources.filter((r) => !r.custom).length,
        errors: plan.errors.map((e) => e.message),
    };
    process.stdout.write(`${JSON.stringify(m)}\n`);
}

/** Heap for the child (unless --default-heap): Node's default old space is too small for a thousand clusters of either variant. */
const CHILD_HEAP_MB = 12288;

function measure(variant: Variant, clusters: number, defaultHeap: boolean): Promise<Measurement> {
    return new Promise((resolve, reject) => {
        execFile(
            process.execPath,
            [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "bench/plan.ts"), "--child", variant, String(clusters)],
            // tsx runs the program in a node process of its own: the heap size reaches it through NODE_OPTIONS.
            { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: defaultHeap ? "" : `--max-old-space-size=${CHILD_HEAP_MB}` } },
            (err, stdout, stderr) => {
                const line = stdout.trim().split("\n").pop() ?? "";
                try {
                    const m = JSON.parse(line) as Measurement;
                    if (m.errors.length > 0) reject(new Error(`${variant} x${clusters} planned with errors: ${m.errors.join("; ")}`));
                    else resolve(m);
                } catch {
                    reject(new Error(`${variant} x${clusters} printed no measurement (${err?.message ?? "exit 0"}): ${stderr}${stdout}`));
                }
            },
        );
    });
}

async function timing(sizes: number[], runs: number, defaultHeap: boolean): Promise<void> {
    const all: Measurement[] = [];
    for (const clusters of sizes) {
        // Interleaved pairs: ours then raw, `runs` times, so load on the machine falls on both alike.
        for (let run = 0; run < runs; run++) {
            for (const variant of variants) {
                const m = await measure(variant, clusters, defaultHeap);
                all.push(m);
                process.stderr.write(`  ${variant} x${clusters}: ${m.cpuS.toFixed(2)} s CPU, ${(m.planMs / 1000).toFixed(2)} s wall, ${m.maxRssMb.toFixed(0)} MB\n`);
            }
        }
    }
    const med = (v: Variant, n: number, pick: (m: Measurement) => number) => median(all.filter((m) => m.variant === v && m.clusters === n).map(pick));
    const one = (v: Variant, n: number) => all.find((m) => m.variant === v && m.clusters === n)!;
    const rows = sizes.map((n) => {
        const [oursCpu, rawCpu] = [med("ours", n, (m) => m.cpuS), med("raw", n, (m) => m.cpuS)];
        const ratios = all.filter((m) => m.variant === "ours" && m.clusters === n).map((m, i) => m.cpuS / all.filter((r) => r.variant === "raw" && r.clusters === n)[i].cpuS);
        const oursPolicy = med("ours", n, (m) => m.policyMs) / 1000;
        return [
            String(n),
            `${one("ours", n).resources} (+${one("ours", n).components})`,
            oursCpu.toFixed(2),
            rawCpu.toFixed(2),
            median(ratios).toFixed(2),
            (med("ours", n, (m) => m.planMs) / 1000).toFixed(2),
            (med("raw", n, (m) => m.planMs) / 1000).toFixed(2),
            (med("ours", n, (m) => m.programMs) / 1000).toFixed(2),
            `${oursPolicy.toFixed(2)} (${((oursPolicy * 1000 * 100) / med("ours", n, (m) => m.planMs)).toFixed(1)} %)`,
            med("ours", n, (m) => m.maxRssMb).toFixed(0),
            med("raw", n, (m) => m.maxRssMb).toFixed(0),
        ];
    });
    const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
    console.log(`Offline plan, median of ${runs} interleaved pair(s), one child process per plan (${os.cpus().length} CPUs, Node ${process.version}, load average ${load})\n`);
    console.log(table(["clusters", "resources (+components)", "ours CPU s", "raw CPU s", "ours/raw CPU", "ours wall s", "raw wall s", "ours program s", "ours policy s", "ours MB", "raw MB"], rows));
    const growth: string[][] = [];
    for (let i = 1; i < sizes.length; i++) {
        const [a, b] = [sizes[i - 1], sizes[i]];
        const per = (v: Variant) => ((med(v, b, (m) => m.cpuS) - med(v, a, (m) => m.cpuS)) * 1000) / (b - a);
        const mem = (v: Variant) => (med(v, b, (m) => m.maxRssMb) - med(v, a, (m) => m.maxRssMb)) / (b - a);
        growth.push([`${a} -> ${b}`, per("ours").toFixed(1), per("raw").toFixed(1), mem("ours").toFixed(2), mem("raw").toFixed(2)]);
    }
    console.log(`\nGrowth per added cluster\n`);
    console.log(table(["clusters", "ours CPU ms/cluster", "raw CPU ms/cluster", "ours MB/cluster", "raw MB/cluster"], growth));
}

async function costs(): Promise<void> {
    const { installMocks, mockAws, valueOf } = await import("../plan/mocks");
    const { PrivateClusterEndpoints } = await import("../vpcEndpoints/privateClusterEndpoints");
    const { defaultEndpointServices, monthlyCostUsd } = await import("../vpcEndpoints/services");
    await installMocks("bench-costs", "bench", true);
    const world = mockAws().world;
    const vpcId = Object.keys(world.vpcs)[0];
    const threeAz = Object.keys(world.subnets).filter((id) => world.subnets[id].vpcId === vpcId);
    // A second private subnet per AZ (pods on a secondary range, or one subnet per node group), as many VPCs have.
    const sixSubnets = [...threeAz];
    threeAz.forEach((id, i) => {
        const extra = `subnet-1${id.slice(8)}`;
        world.subnets[extra] = { ...world.subnets[id], id: extra, cidrBlock: `10.0.${128 + i * 32}.0/19` };
        sixSubnets.push(extra);
    });
    const routeTableId = "rtb-0a1b2c3d4e5f60718";
    const estimate = async (name: string, subnetIds: string[], existingEndpoints?: string[]) =>
        valueOf(new PrivateClusterEndpoints(name, { vpcId, subnetIds, routeTableIds: [routeTableId], existingEndpoints, endpointPrivateAccess: true }).monthlyCostUsd);
    const interfaces = defaultEndpointServices.filter((s) => s !== "s3").length;
    const twoAz = await estimate("two-az", threeAz.slice(0, 2));
    const three = await estimate("three-az", threeAz);
    const six = await estimate("six-subnets", sixSubnets);
    const sharer = await estimate("sharing", threeAz, [...defaultEndpointServices]);
    // What a naive set-up creates: every service (S3 too) as an interface endpoint in every subnet, one subnet each.
    const naive = (subnets: number) => monthlyCostUsd(defaultEndpointServices.flatMap(() => Array.from({ length: subnets }, () => ({ type: "Interface" as const, azCount: 1 }))));
    const usd = (n: number) => `$${n.toFixed(2)}`;
    const rows = [
        ["1 cluster, 2 AZs (PrivateClusterEndpoints)", String(interfaces * 2), usd(twoAz)],
        ["1 cluster, 3 AZs (PrivateClusterEndpoints)", String(interfaces * 3), usd(three)],
        ["1 cluster, 6 subnets in 3 AZs (PrivateClusterEndpoints: one per AZ)", String(interfaces * 3), usd(six)],
        ["1 cluster, naive: every service incl. S3 as interface, in each of 3 subnets", String(defaultEndpointServices.length * 3), usd(naive(3))],
        ["1 cluster, naive: every service incl. S3 as interface, in each of 6 subnets", String(defaultEndpointServices.length * 6), usd(naive(6))],
        ["10 clusters, 3 AZs, own endpoints each", String(interfaces * 3 * 10), usd(three * 10)],
        ["10 clusters, 3 AZs, sharing one VPC's endpoints (9 list existingEndpoints)", String(interfaces * 3), usd(three + 9 * sharer)],
        ["10 clusters, naive, 6 subnets each", String(defaultEndpointServices.length * 6 * 10), usd(naive(6) * 10)],
    ];
    console.log(`\nMonthly VPC endpoint cost (PrivateClusterEndpoints.monthlyCostUsd; default services ${defaultEndpointServices.join(", ")};`);
    console.log(`S3 as a free gateway endpoint; interface endpoints $0.01 per AZ-hour, 730 h; data processing not included)\n`);
    console.log(table(["set-up", "interface endpoint ENIs", "USD/month"], rows));
    // Let the estimates' endpoint registrations finish before the process exits (the SDK's own drain).
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        allowPositionals: true,
        options: {
            child: { type: "boolean", default: false },
            sizes: { type: "string", default: "1,10,100" },
            runs: { type: "string", default: "1" },
            "skip-timing": { type: "boolean", default: false },
            "default-heap": { type: "boolean", default: false },
        },
    });
    if (values.child) {
        const [variant, clusters] = process.argv.slice(process.argv.indexOf("--child") + 1);
        if (!variants.includes(variant as Variant)) throw new Error(`--child takes ${variants.join(" or ")} and a cluster count`);
        return child(variant as Variant, Number(clusters));
    }
    if (!values["skip-timing"]) await timing(values.sizes.split(",").map(Number), Number(values.runs), values["default-heap"]);
    await costs();
}

main().then(
    () => process.exit(0),
    (err) => {
        console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
    },
);
