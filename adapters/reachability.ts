// Can this machine reach the cluster's API server? Run before anything that talks to the Kubernetes API, so a
// private endpoint out of reach fails in seconds with what to do, not as a provider time-out minutes later
// (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Accessing a private only API server": only the VPC or a connected network, with TCP 443 allowed
// on the control-plane security group).
import * as dns from "dns";
import * as net from "net";

export const ReachabilityStage = {
    /** The options were not usable (no host, a port or time-out that is not a positive number): nothing was tried. */
    Options: "options",
    /** The host name did not resolve. */
    Resolve: "resolve",
    /** It resolved, but nothing answered on the port. */
    Connect: "connect",
    /** Resolved and connected. */
    Reached: "reached",
} as const;
export type ReachabilityStage = (typeof ReachabilityStage)[keyof typeof ReachabilityStage];

export interface ReachabilityOptions {
    /** The API server's host name (or address). */
    host: string;
    /** Default 443, the only port EKS serves the API on. */
    port?: number;
    /** Per step: the look-up, then the connection. Default 5000 ms. */
    timeoutMs?: number;
    /** The resolver; default dns.promises.lookup (the system's, as kubectl and the providers use). */
    lookup?: (host: string) => Promise<{ address: string; family: number }>;
}

export interface ReachabilityResult {
    ok: boolean;
    stage: ReachabilityStage;
    host: string;
    port: number;
    /** The address the host resolved to. */
    address?: string;
    /** The failure, as the resolver or socket reported it (`ENOTFOUND`, `ECONNREFUSED`, `timed out after 5000 ms`). */
    error?: string;
    /** What happened and what to do. */
    message: string;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function connect(address: string, port: number, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
        const socket = net.connect({ host: address, port });
        socket.setTimeout(timeoutMs);
        socket.once("connect", () => {
            socket.destroy();
            resolve();
        });
        socket.once("timeout", () => {
            socket.destroy();
            reject(new Error(`timed out after ${timeoutMs} ms`));
        });
        socket.once("error", (err) => {
            socket.destroy();
            reject(err);
        });
    });
}

function reason(err: unknown): string {
    const e = err as NodeJS.ErrnoException;
    return e?.code ?? (e?.message || String(err));
}

/** Why an option cannot be used (the check then reports it instead of throwing), or undefined. */
function optionProblem(options: ReachabilityOptions | undefined): string | undefined {
    if (options === null || typeof options !== "object") return `expected options { host, port?, timeoutMs? }, got ${String(options)}`;
    if (typeof options.host !== "string" || options.host.length === 0) return `host: expected a host name or address, got ${JSON.stringify(options.host)}`;
    const { port, timeoutMs } = options;
    if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) return `port: expected a TCP port from 1 to 65535, got ${String(port)}`;
    // setTimeout and socket.setTimeout throw on NaN or negative delays; 0 would never time out.
    if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) return `timeoutMs: expected a positive number of milliseconds, got ${String(timeoutMs)}`;
    if (options.lookup !== undefined && typeof options.lookup !== "function") return "lookup: expected a function";
    return undefined;
}

/** Resolves `host`, then opens a TCP connection to it; never throws (unusable options are reported at stage `options`). */
export async function checkReachability(options: ReachabilityOptions): Promise<ReachabilityResult> {
    const problem = optionProblem(options);
    if (problem !== undefined) {
        const host = typeof options?.host === "string" ? options.host : String(options?.host);
        const port = typeof options?.port === "number" ? options.port : 443;
        return { ok: false, stage: ReachabilityStage.Options, host, port, error: problem, message: `checkReachability was not run: ${problem}.` };
    }
    const { host } = options;
    const port = options.port ?? 443;
    const timeoutMs = options.timeoutMs ?? 5000;
    const lookup = options.lookup ?? ((h: string) => dns.promises.lookup(h));
    let address: string;
    try {
        address = (await withTimeout(lookup(host), timeoutMs)).address;
    } catch (err) {
        return {
            ok: false,
            stage: ReachabilityStage.Resolve,
            host,
            port,
            error: reason(err),
            message:
                `${host} does not resolve from here (${reason(err)}). Run pulumi up inside the cluster's VPC, or in a connected ` +
                `network whose DNS forwards the name to the VPC's Resolver inbound endpoint (hybridDns resolverIps).`,
        };
    }
    try {
        await connect(address, port, timeoutMs);
    } catch (err) {
        return {
            ok: false,
            stage: ReachabilityStage.Connect,
            host,
            port,
            address,
            error: reason(err),
            message:
                `${host} resolves to ${address}, but TCP ${port} does not answer (${reason(err)}). Run pulumi up inside the ` +
                `cluster's VPC or a connected network (peering, transit gateway, VPN, Direct Connect) with a route to ${address}, ` +
                `and add this runner's CIDR to connectedNetworks so the control-plane security group allows TCP ${port} from it.`,
        };
    }
    return { ok: true, stage: ReachabilityStage.Reached, host, port, address, message: `${host} (${address}) answers on TCP ${port}.` };
}

/** What PrivateCluster's kubernetesApiAccess check calls: `checkReachability`'s shape. */
export type ReachabilityChecker = (options: ReachabilityOptions) => Promise<ReachabilityResult>;

let deploymentChecker: ReachabilityChecker | undefined = checkReachability;

/**
 * Replaces the check PrivateCluster runs during a deployment (reachabilityCheck "up"); undefined means this process
 * deploys nothing reachable (the offline plan and the tests' mocked AWS, whose endpoints are made up), so "up" skips
 * the check. reachabilityCheck "always" runs `checkReachability` itself whatever is set here.
 */
export function setReachabilityChecker(checker: ReachabilityChecker | undefined): void {
    deploymentChecker = checker;
}

/** The check for a deployment (`setReachabilityChecker`), or undefined when this process deploys nothing reachable. */
export function reachabilityChecker(): ReachabilityChecker | undefined {
    return deploymentChecker;
}
