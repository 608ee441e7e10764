// A throw-away DNS lab for the real-DNS tests: a network namespace of its own (`epa-dns-<pid>`) with 127.0.53.x
// addresses on its loopback, DNS servers from Debian's packages (bind9, dnsmasq, unbound) started in the
// foreground inside it, and `dig` run inside it. Nothing is sent outside 127.0.0.0/8 of that namespace.
// `stop()` ends every process it started, by pid, and deletes the namespace; an exit handler does the same if
// the test process dies first.
import { ChildProcess, execFile, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** Binaries the lab runs, by Debian package. */
export const labBinaries: Record<string, string> = {
    ip: "iproute2",
    named: "bind9",
    "named-checkconf": "bind9",
    dnsmasq: "dnsmasq",
    unbound: "unbound",
    "unbound-checkconf": "unbound",
    dig: "bind9-dnsutils",
};

/** Why the lab cannot run here: `root` when not root, `binaries` when a binary is missing; undefined when it can. */
export function labProblem(): { kind: "root" | "binaries"; message: string } | undefined {
    if (typeof process.getuid !== "function" || process.getuid() !== 0) {
        return { kind: "root", message: "real DNS tests need root (network namespaces and port 53); run them as root to include them" };
    }
    const missing = Object.keys(labBinaries).filter((bin) => !findBinary(bin));
    if (missing.length > 0) {
        const packages = [...new Set(missing.map((bin) => labBinaries[bin]))];
        return {
            kind: "binaries",
            message: `real DNS tests need ${missing.join(", ")}: apt-get install -y ${packages.join(" ")}`,
        };
    }
    return undefined;
}

function findBinary(name: string): string | undefined {
    const dirs = (process.env.PATH ?? "").split(":").concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]);
    return dirs.map((d) => path.join(d, name)).find((p) => fs.existsSync(p));
}

export interface DigResult {
    /** DNS response code (`NOERROR`, `NXDOMAIN`, `SERVFAIL`, `REFUSED`), or `TIMEOUT` when nothing answered. */
    status: string;
    /** A/AAAA addresses in the answer section, sorted. */
    addresses: string[];
}

interface Server {
    name: string;
    process: ChildProcess;
    log: string[];
}

export class DnsLab {
    readonly namespace = `epa-dns-${process.pid}`;
    readonly dir: string;
    private servers: Server[] = [];
    private namespaceCreated = false;
    private readonly onExit = () => this.stopSync();

    constructor() {
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "epa-dns-"));
        process.on("exit", this.onExit);
    }

    /** Creates the namespace with loopback up and each address on it. */
    up(addresses: string[]): void {
        run("ip", ["netns", "add", this.namespace]);
        this.namespaceCreated = true;
        this.exec("ip", ["link", "set", "lo", "up"]);
        for (const address of addresses) this.exec("ip", ["addr", "add", `${address}/32`, "dev", "lo"]);
    }

    /** Runs a command inside the namespace and returns its output; throws with its stderr when it fails. */
    exec(command: string, args: string[]): string {
        return run("ip", ["netns", "exec", this.namespace, command, ...args]);
    }

    /** Writes a file into the lab directory and returns its path. */
    write(relative: string, text: string): string {
        const file = path.join(this.dir, relative);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        return file;
    }

    /** Starts a server in the foreground inside the namespace and waits until `address` answers DNS. */
    async start(name: string, command: string, args: string[], address: string): Promise<void> {
        const child = spawn("ip", ["netns", "exec", this.namespace, command, ...args], { stdio: ["ignore", "pipe", "pipe"] });
        const server: Server = { name, process: child, log: [] };
        this.servers.push(server);
        const collect = (chunk: Buffer) => server.log.push(...chunk.toString().split("\n").filter(Boolean));
        child.stdout.on("data", collect);
        child.stderr.on("data", collect);
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
            if (child.exitCode !== null) break;
            // Every server answers version.bind itself, so the probe never depends on another server being up.
            const probe = ["netns", "exec", this.namespace, "dig", "+tries=1", "+time=1", `@${address}`, "-c", "CH", "-t", "TXT", "version.bind"];
            if (await new Promise<boolean>((resolve) => execFile("ip", probe, (error) => resolve(!error)))) return;
            await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`${name} did not start on ${address} (exit ${child.exitCode}):\n${server.log.slice(-20).join("\n")}`);
    }

    /** Log lines a server has written so far (query logs included). */
    log(name: string): string[] {
        const server = this.servers.find((s) => s.name === name);
        if (!server) throw new Error(`no server named ${name}`);
        return server.log;
    }

    /** Queries `server` for `name` inside the namespace (asynchronously, so server logs keep flowing meanwhile). */
    async dig(server: string, name: string, options: { type?: string; tries?: number; time?: number } = {}): Promise<DigResult> {
        const { type = "A", tries = 1, time = 3 } = options;
        const args = ["netns", "exec", this.namespace, "dig", `+tries=${tries}`, `+time=${time}`, `@${server}`, name, type, "+noall", "+comments", "+answer"];
        const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
            execFile("ip", args, { encoding: "utf8" }, (error, out, err) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout: out, stderr: err }));
        });
        if (code === 9) return { status: "TIMEOUT", addresses: [] };
        if (code !== 0) throw new Error(`dig @${server} ${name} failed: ${stderr}${stdout}`);
        const status = /status: ([A-Z]+)/.exec(stdout)?.[1] ?? "UNKNOWN";
        const addresses = stdout
            .split("\n")
            .filter((line) => line && !line.startsWith(";"))
            .map((line) => line.split(/\s+/))
            .filter((fields) => fields[3] === "A" || fields[3] === "AAAA")
            .map((fields) => fields[4])
            .sort();
        return { status, addresses };
    }

    /** Stops every server (TERM, then KILL after 2 s) and deletes the namespace and the lab directory. */
    async stop(): Promise<void> {
        await Promise.all(
            this.servers.map(
                (s) =>
                    new Promise<void>((resolve) => {
                        if (s.process.exitCode !== null || s.process.signalCode !== null) return resolve();
                        const timer = setTimeout(() => s.process.kill("SIGKILL"), 2000);
                        s.process.once("exit", () => {
                            clearTimeout(timer);
                            resolve();
                        });
                        s.process.kill("SIGTERM");
                    }),
            ),
        );
        this.stopSync();
    }

    private stopSync(): void {
        for (const s of this.servers) {
            if (s.process.exitCode === null && s.process.signalCode === null) s.process.kill("SIGKILL");
        }
        this.servers = [];
        if (this.namespaceCreated) {
            spawnSync("ip", ["netns", "del", this.namespace]);
            this.namespaceCreated = false;
        }
        fs.rmSync(this.dir, { recursive: true, force: true });
        process.off("exit", this.onExit);
    }
}

function run(command: string, args: string[]): string {
    const result = spawnSync(command, args, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr}${result.stdout}`);
    return result.stdout;
}
