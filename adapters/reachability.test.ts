// Only 127.0.0.1 is ever contacted: a listener started here, or a port just closed. Host names are resolved by an
// injected resolver (a `.invalid` name is answered locally with ENOTFOUND), so no DNS query leaves the machine.
import * as assert from "assert";
import * as net from "net";
import { checkReachability } from "./reachability";

const HOST = "abc.gr7.us-east-1.eks.amazonaws.com";
const local = (host: string) =>
    host.endsWith(".invalid")
        ? Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" }))
        : Promise.resolve({ address: "127.0.0.1", family: 4 });

function listen(): Promise<net.Server> {
    return new Promise((resolve) => {
        const server = net.createServer((socket) => socket.destroy());
        server.listen(0, "127.0.0.1", () => resolve(server));
    });
}
const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;
const close = (server: net.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe("checkReachability", () => {
    it("reaches a listener: resolved, then connected", async () => {
        const server = await listen();
        try {
            const port = portOf(server);
            assert.deepStrictEqual(await checkReachability({ host: HOST, port, lookup: local }), {
                ok: true,
                stage: "reached",
                host: HOST,
                port,
                address: "127.0.0.1",
                message: `${HOST} (127.0.0.1) answers on TCP ${port}.`,
            });
        } finally {
            await close(server);
        }
    });

    it("uses the system resolver by default (an address literal resolves without a query)", async () => {
        const server = await listen();
        try {
            const result = await checkReachability({ host: "127.0.0.1", port: portOf(server) });
            assert.strictEqual(result.stage, "reached");
        } finally {
            await close(server);
        }
    });

    it("says the name did not resolve, and where to run instead", async () => {
        assert.deepStrictEqual(await checkReachability({ host: "cluster.invalid", lookup: local }), {
            ok: false,
            stage: "resolve",
            host: "cluster.invalid",
            port: 443,
            error: "ENOTFOUND",
            message:
                "cluster.invalid does not resolve from here (ENOTFOUND). Run pulumi up inside the cluster's VPC, or in a connected " +
                "network whose DNS forwards the name to the VPC's Resolver inbound endpoint (hybridDns resolverIps).",
        });
    });

    it("times out a resolver that does not answer", async () => {
        const result = await checkReachability({ host: HOST, timeoutMs: 50, lookup: () => new Promise(() => undefined) });
        assert.strictEqual(result.stage, "resolve");
        assert.strictEqual(result.error, "timed out after 50 ms");
    });

    it("says the name resolved but TCP did not answer, and to add the runner's CIDR", async () => {
        const server = await listen();
        const port = portOf(server);
        await close(server);
        assert.deepStrictEqual(await checkReachability({ host: HOST, port, lookup: local }), {
            ok: false,
            stage: "connect",
            host: HOST,
            port,
            address: "127.0.0.1",
            error: "ECONNREFUSED",
            message:
                `${HOST} resolves to 127.0.0.1, but TCP ${port} does not answer (ECONNREFUSED). Run pulumi up inside the cluster's ` +
                `VPC or a connected network (peering, transit gateway, VPN, Direct Connect) with a route to 127.0.0.1, and add this ` +
                `runner's CIDR to connectedNetworks so the control-plane security group allows TCP ${port} from it.`,
        });
    });
});

describe("checkReachability options", () => {
    // It promises never to throw: options another language or a config file got wrong are reported, not thrown.
    const cases: [Parameters<typeof checkReachability>[0], string][] = [
        [{ host: HOST, timeoutMs: NaN }, "timeoutMs: expected a positive number of milliseconds, got NaN"],
        [{ host: HOST, timeoutMs: -1 }, "timeoutMs: expected a positive number of milliseconds, got -1"],
        [{ host: HOST, port: 70000 }, "port: expected a TCP port from 1 to 65535, got 70000"],
        [{ host: "" }, 'host: expected a host name or address, got ""'],
    ];
    for (const [options, problem] of cases) {
        it(`reports ${problem.split(":")[0]} ${JSON.stringify(options)} without trying anything`, async () => {
            const result = await checkReachability({ ...options, lookup: local });
            assert.deepStrictEqual(
                { ok: result.ok, stage: result.stage, error: result.error, message: result.message },
                { ok: false, stage: "options", error: problem, message: `checkReachability was not run: ${problem}.` },
            );
        });
    }

    it("reports missing options instead of throwing", async () => {
        const result = await checkReachability(undefined as never);
        assert.deepStrictEqual([result.ok, result.stage, result.error], [false, "options", "expected options { host, port?, timeoutMs? }, got undefined"]);
    });
});
