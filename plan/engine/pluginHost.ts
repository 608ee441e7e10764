// Starts this package as the Pulumi CLI starts a Node plugin (pulumi-language-nodejs RunPlugin,
// sdk/nodejs/cmd/pulumi-language-nodejs/main.go): `node <@pulumi/pulumi/cmd/run-plugin resolved from the plugin
// directory> <plugin directory> <engine address>`, working directory the plugin directory, and
// PULUMI_NODEJS_TYPESCRIPT=true only when PulumiPlugin.yaml's `typescript` option is true. The provider prints its
// port on stdout (provider/server.js `main`); the client is the SDK's generated ResourceProvider stub.
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as grpc from "@grpc/grpc-js";
import * as providerRpc from "@pulumi/pulumi/proto/provider_grpc_pb";

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times. */
const CLOCK_TICKS = 100;

export interface PluginProcess {
    child: ChildProcess;
    port: number;
    client: providerRpc.ResourceProviderClient;
    /** Everything the plugin wrote to stderr so far. */
    stderr(): string;
    /** Calls one unary ResourceProvider method. */
    call<Res>(method: string, request: unknown): Promise<Res>;
    /** CPU seconds (user + system) the plugin process has used so far, from /proc (Linux). */
    cpuSeconds(): number;
    /** The plugin process's peak resident set so far in MB (VmHWM), from /proc (Linux). */
    peakRssMb(): number;
    /** Kills the plugin (as the engine does at the end of a deployment) and waits for it to exit. */
    stop(): Promise<void>;
}

export interface PluginLaunch {
    /** The plugin directory (PulumiPlugin.yaml, package.json). */
    dir: string;
    /** The engine's gRPC address, run-plugin's first program argument. */
    engineAddress: string;
    /** PulumiPlugin.yaml `options.typescript`. */
    typescript?: boolean;
    /** Extra environment over this process's (e.g. NODE_PATH for a temp copy). */
    env?: Record<string, string>;
}

/** Launches the plugin and waits for the port it prints. */
export async function startPlugin(launch: PluginLaunch): Promise<PluginProcess> {
    const runPlugin = require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [launch.dir] });
    const env: Record<string, string | undefined> = { ...process.env, ...launch.env };
    delete env.PULUMI_NODEJS_TYPESCRIPT;
    if (launch.typescript) env.PULUMI_NODEJS_TYPESCRIPT = "true";
    const child = spawn(process.execPath, [runPlugin, launch.dir, launch.engineAddress], { cwd: launch.dir, env, stdio: ["ignore", "pipe", "pipe"] });
    let errText = "";
    child.stderr.on("data", (d: Buffer) => (errText += d.toString()));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const port = await new Promise<number>((resolve, reject) => {
        let out = "";
        const onData = (d: Buffer) => {
            out += d.toString();
            const line = out.split("\n");
            if (line.length > 1) {
                child.stdout.off("data", onData);
                const value = Number(line[0].trim());
                if (Number.isInteger(value) && value > 0) resolve(value);
                else reject(new Error(`plugin printed ${JSON.stringify(line[0])} instead of its port; stderr: ${errText}`));
            }
        };
        child.stdout.on("data", onData);
        child.once("exit", (code) => reject(new Error(`plugin exited with ${code} before printing its port; stderr: ${errText}`)));
    });
    const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    type Method = (req: unknown, cb: (err: grpc.ServiceError | null, res: unknown) => void) => void;
    const methods = client as unknown as Record<string, Method>;
    return {
        child,
        port,
        client,
        stderr: () => errText,
        cpuSeconds: () => {
            // /proc/<pid>/stat: fields after the parenthesised command; utime and stime are the 14th and 15th.
            const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
            return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
        },
        peakRssMb: () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? NaN) / 1024,
        call: <Res>(method: string, request: unknown) =>
            new Promise<Res>((resolve, reject) => methods[method].call(client, request, (err, res) => (err ? reject(err) : resolve(res as Res)))),
        stop: async () => {
            client.close();
            if (child.exitCode === null && child.signalCode === null) child.kill();
            await exited;
        },
    };
}
