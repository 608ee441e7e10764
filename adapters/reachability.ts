// Can this machine reach the cluster's API server? Run before anything that talks to the Kubernetes API, so a
// private endpoint out of reach fails in seconds with what to do, not as a provider time-out minutes later
// (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Accessing a private only API server": only the VPC or a connected network, with TCP 443 allowed
// on the control-plane security group).
import * as dns from "dns";
import * as net from "net";

export const ReachabilityStage = {
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

/** Resolves `host`, then opens a TCP connection to it; never throws. */
export async function checkReachability(options: ReachabilityOptions): Promise<ReachabilityResult> {
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
