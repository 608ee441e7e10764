// npm run bench:plugin [-- --runs 3]: what another language's first `pulumi preview` pays to start this package as
// a plugin. The package is started as pulumi-language-nodejs starts it (plan/engine/pluginHost.ts: node
// run-plugin <dir> <engine>) and timed to its first GetSchema and its first Construct (a StsEndpoint against the
// mock engine), in CPU seconds and peak RSS of the plugin process. Two ways, in one run:
// - compiled: this repository as published (package.json main dist/plugin.js, the prebuilt schema.json);
// - source: the 0.1.0 way, main index.ts under run-plugin's ts-node with type checking and the SDK's schema
//   analysis on start (a temporary copy of the TypeScript sources with that package.json).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import * as structProto from "google-protobuf/google/protobuf/struct_pb";
import { MockAws } from "../plan/mocks";
import { startMockEngine } from "../plan/engine/server";
import { startPlugin } from "../plan/engine/pluginHost";
import { median, root } from "./stats";
import { constructRequest, known, NETWORK } from "../tests/support/constructInputs";


interface StartFigures {
    way: "compiled" | "source";
    schemaCpuS: number;
    schemaWallS: number;
    constructCpuS: number;
    constructWallS: number;
    peakRssMb: number;
}

/** A copy of the TypeScript library whose package.json main is index.ts, as the package shipped in 0.1.0. */
function sourceCopy(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eks-private-access-source-plugin-"));
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { name: string; version: string; files: string[] };
    // The folders the package publishes (package.json files: dist/<folder>/), as TypeScript sources.
    const folders = pkg.files.filter((f) => /^dist\/[^/.]+\/$/.test(f)).map((f) => f.slice("dist/".length, -1));
    for (const entry of ["index.ts", "provider.ts", "plugin.ts", ...folders, "schema.json", "tsconfig.json"]) {
        fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
    }
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: pkg.name, version: pkg.version, main: "index.ts" }));
    fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
    return dir;
}

async function measure(way: StartFigures["way"]): Promise<StartFigures> {
    const engine = await startMockEngine(new MockAws(), { project: "consumer", stack: "dev" });
    const dir = way === "compiled" ? root : sourceCopy();
    const started = process.hrtime.bigint();
    const wall = () => Number(process.hrtime.bigint() - started) / 1e9;
    const plugin = await startPlugin({ dir, engineAddress: engine.engineAddress, typescript: way === "source" });
    try {
        await plugin.call("getSchema", new providerProto.GetSchemaRequest());
        const schemaCpuS = plugin.cpuSeconds();
        const schemaWallS = wall();
        await plugin.call("configure", new providerProto.ConfigureRequest().setArgs(structProto.Struct.fromJavaScript({})));
        const inputs = { vpcId: known("vpc-0a1b2c3d4e5f60718", NETWORK), subnetIds: known(["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9"], NETWORK) };
        await plugin.call("construct", constructRequest("eks-private-access:index:StsEndpoint", "sts", inputs, engine.monitorAddress));
        return { way, schemaCpuS, schemaWallS, constructCpuS: plugin.cpuSeconds(), constructWallS: wall(), peakRssMb: plugin.peakRssMb() };
    } finally {
        await plugin.stop();
        await engine.close();
        if (dir !== root) fs.rmSync(dir, { recursive: true, force: true });
    }
}


async function main(): Promise<void> {
    const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
    const runs = Number(values.runs);
    const all: StartFigures[] = [];
    // Interleaved, so a busy moment on the machine lands on both ways alike.
    for (let i = 0; i < runs; i++) for (const way of ["compiled", "source"] as const) all.push(await measure(way));
    console.log(`plugin start, median of ${runs} interleaved runs (${os.cpus().length} cores, Node ${process.versions.node})\n`);
    console.log("| plugin | to GetSchema CPU s | wall s | to first Construct CPU s | wall s | peak RSS MB |");
    console.log("|---|---|---|---|---|---|");
    for (const way of ["compiled", "source"] as const) {
        const mine = all.filter((m) => m.way === way);
        const cell = (k: keyof Omit<StartFigures, "way">, digits: number) => median(mine.map((m) => m[k])).toFixed(digits);
        const label = way === "compiled" ? "compiled (dist/plugin.js, schema.json)" : "source (index.ts under ts-node, schema analysed)";
        console.log(`| ${label} | ${cell("schemaCpuS", 2)} | ${cell("schemaWallS", 2)} | ${cell("constructCpuS", 2)} | ${cell("constructWallS", 2)} | ${cell("peakRssMb", 0)} |`);
    }
}

main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : String(err));
    process.exit(1);
});
