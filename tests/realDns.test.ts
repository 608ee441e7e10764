// The generated forwarder configs, run by real DNS servers (Debian's bind9, dnsmasq and unbound) in a network
// namespace of their own. A BIND server plays the VPC resolver behind the inbound endpoint's two IPs: it is
// authoritative for each cluster endpoint name with the endpoint's private IPs, as the EKS-managed private
// hosted zone is (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Accessing the cluster endpoint"). A second BIND server plays public DNS, which
// answers the same names with public IPs. Each forwarder runs the generated text inside a minimal config whose
// default upstream is "public DNS", like an on-premises server: the endpoint's domain must come back with the
// private IPs from the VPC resolver, and every other name must go to public DNS, never to the VPC resolver.
import * as assert from "assert";
import { forwarderConfigs, ForwarderConfigs } from "../hybridDns/forwarderConfigs";
import { ruleDomain, ForwardingScope } from "../hybridDns/resolverChecks";
import { DigResult, DnsLab, labProblem } from "./support/dnsLab";

const RESOLVER_IPS = ["127.0.53.1", "127.0.53.2"]; // the inbound endpoint's IPs
const PUBLIC_DNS = "127.0.53.53";
const DEAD_RESOLVER_IP = "127.0.53.3"; // an inbound IP whose network interface is gone: nothing listens on it

// The blog's endpoint and answers (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/), a second cluster in the region, and one in another region.
// "Public" answers are plain public addresses, not documentation ranges: dnsmasq's rebind protection drops
// TEST-NET answers as it drops private ones. They are answer data only; nothing is ever sent to them.
const CLUSTER = { endpoint: "https://9FF86DB0668DC670F27F426024E7CDBD.sk1.us-east-1.eks.amazonaws.com", private: ["192.168.109.77", "192.168.74.42"], public: "52.4.0.10" };
const SIBLING = { host: "0a1b2c3d4e5f60718293a4b5c6d7e8f9.gr7.us-east-1.eks.amazonaws.com", private: ["10.0.77.10", "10.0.88.20"], public: "52.4.0.20" };
const WEST = { host: "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b.yl4.us-west-2.eks.amazonaws.com", private: ["10.9.0.10"], public: "54.68.0.30" };
const OUTSIDE_PRIVATE = "10.0.0.7";
const OUTSIDE_PUBLIC = "52.94.0.80";
const CLUSTER_HOST = CLUSTER.endpoint.slice("https://".length).toLowerCase();

const kinds = ["bind", "dnsmasq", "unbound"] as const;
type Kind = (typeof kinds)[number];

/** Forwarder sets: which domain and resolver IPs each set's generated configs use, and their addresses by kind. */
const sets = [
    { label: "cluster", scope: ForwardingScope.Cluster, ips: RESOLVER_IPS, at: { bind: "127.0.53.11", dnsmasq: "127.0.53.12", unbound: "127.0.53.13" } },
    { label: "region", scope: ForwardingScope.Region, ips: RESOLVER_IPS, at: { bind: "127.0.53.21", dnsmasq: "127.0.53.22", unbound: "127.0.53.23" } },
    { label: "failover", scope: ForwardingScope.Cluster, ips: [DEAD_RESOLVER_IP, RESOLVER_IPS[1]], at: { bind: "127.0.53.31", dnsmasq: "127.0.53.32", unbound: "127.0.53.33" } },
];

function zone(records: string[]): string {
    return ["$TTL 60", "@ IN SOA ns.lab.invalid. hostmaster.lab.invalid. 1 60 60 60 60", "@ IN NS ns.lab.invalid.", ...records, ""].join("\n");
}

function authoritativeNamed(dir: string, listen: string[], zones: Record<string, string>): string {
    return [
        "options {",
        `    directory "${dir}";`,
        `    pid-file "${dir}/named.pid";`,
        `    session-keyfile "${dir}/session.key";`,
        `    listen-on port 53 { ${listen.map((a) => `${a};`).join(" ")} };`,
        "    listen-on-v6 { none; };",
        "    recursion no;",
        "    allow-query { any; };",
        "    querylog yes;",
        "};",
        // Two named processes would both claim the control channel on port 953 otherwise.
        "controls { };",
        ...Object.keys(zones).map((name) => `zone "${name}" { type primary; file "${dir}/${name}.zone"; };`),
        "",
    ].join("\n");
}

/** The generated text inside a minimal server config whose default upstream is "public DNS". */
function forwarderConfig(kind: Kind, dir: string, address: string, generated: ForwarderConfigs): string {
    switch (kind) {
        case "bind":
            return [
                "options {",
                `    directory "${dir}";`,
                `    pid-file "${dir}/named.pid";`,
                `    session-keyfile "${dir}/session.key";`,
                `    listen-on port 53 { ${address}; };`,
                "    listen-on-v6 { none; };",
                "    recursion yes;",
                "    allow-query { any; };",
                "    allow-recursion { any; };",
                `    forwarders { ${PUBLIC_DNS}; };`,
                "    forward only;",
                // The lab has no signed root to validate from; a real server keeps its validation setting.
                "    dnssec-validation no;",
                "};",
                "controls { };",
                generated.bind,
            ].join("\n");
        case "dnsmasq":
            return [generated.dnsmasq.trimEnd(), `server=${PUBLIC_DNS}`, ""].join("\n");
        case "unbound":
            return [
                "server:",
                `    interface: ${address}`,
                "    port: 53",
                '    username: ""',
                '    chroot: ""',
                `    directory: "${dir}"`,
                `    pidfile: "${dir}/unbound.pid"`,
                "    use-syslog: no",
                '    logfile: ""',
                "    log-queries: yes",
                "    do-ip6: no",
                "    num-threads: 1",
                "    do-not-query-localhost: no",
                "    access-control: 127.0.0.0/8 allow",
                '    module-config: "iterator"',
                // DNS-rebinding protection, as many on-premises resolvers run it: private answers are dropped
                // outside private domains, so the generated private-domain line is what lets the endpoint through.
                "    private-address: 10.0.0.0/8",
                "    private-address: 192.168.0.0/16",
                generated.unbound.trimEnd(),
                "forward-zone:",
                '    name: "."',
                `    forward-addr: ${PUBLIC_DNS}`,
                "",
            ].join("\n");
    }
}

describe("real DNS: generated forwarder configs on BIND, dnsmasq and Unbound", function () {
    this.timeout(30_000);
    let lab: DnsLab | undefined;
    const files: { kind: Kind; file: string; set: string }[] = [];

    before(async function () {
        const problem = labProblem();
        if (problem) {
            // In CI the packages are part of the job: a missing binary is a broken job, not a reason to skip.
            if (problem.kind === "binaries" && process.env.CI) throw new Error(`${problem.message} (CI is set, so this fails instead of skipping)`);
            console.warn(`      skipped: ${problem.message}`);
            this.skip();
        }
        lab = new DnsLab();
        lab.up([...RESOLVER_IPS, DEAD_RESOLVER_IP, PUBLIC_DNS, ...sets.flatMap((s) => Object.values(s.at))]);

        const vpcZones: Record<string, string> = {
            [CLUSTER_HOST]: zone(CLUSTER.private.map((ip) => `@ IN A ${ip}`)),
            [SIBLING.host]: zone(SIBLING.private.map((ip) => `@ IN A ${ip}`)),
            [WEST.host]: zone(WEST.private.map((ip) => `@ IN A ${ip}`)),
            "onprem.example.com": zone([`* IN A ${OUTSIDE_PRIVATE}`]),
        };
        const publicZones: Record<string, string> = {
            "eks.amazonaws.com": zone([
                `${CLUSTER_HOST.replace(/\.eks\.amazonaws\.com$/, "")} IN A ${CLUSTER.public}`,
                `${SIBLING.host.replace(/\.eks\.amazonaws\.com$/, "")} IN A ${SIBLING.public}`,
                `${WEST.host.replace(/\.eks\.amazonaws\.com$/, "")} IN A ${WEST.public}`,
            ]),
            "onprem.example.com": zone([`* IN A ${OUTSIDE_PUBLIC}`]),
        };
        const starts: Promise<void>[] = [];
        for (const [name, listen, zones] of [
            ["vpc-resolver", RESOLVER_IPS, vpcZones],
            ["public-dns", [PUBLIC_DNS], publicZones],
        ] as const) {
            const dir = `${lab.dir}/${name}`;
            for (const [zoneName, text] of Object.entries(zones)) lab.write(`${name}/${zoneName}.zone`, text);
            const conf = lab.write(`${name}/named.conf`, authoritativeNamed(dir, [...listen], zones));
            starts.push(lab.start(name, "named", ["-g", "-n", "1", "-c", conf], listen[0]));
        }
        for (const set of sets) {
            const generated = forwarderConfigs(ruleDomain(CLUSTER.endpoint, set.scope), set.ips);
            for (const kind of kinds) {
                const dir = `${lab.dir}/${set.label}-${kind}`;
                const address = set.at[kind];
                const file = lab.write(`${set.label}-${kind}/${kind}.conf`, forwarderConfig(kind, dir, address, generated));
                files.push({ kind, file, set: set.label });
                const name = `${set.label}-${kind}`;
                if (kind === "bind") starts.push(lab.start(name, "named", ["-g", "-n", "1", "-c", file], address));
                if (kind === "dnsmasq") {
                    const args = ["--keep-in-foreground", "--no-resolv", "--no-hosts", "--bind-interfaces", `--listen-address=${address}`];
                    // --stop-dns-rebind drops private answers unless the domain is exempt: the generated rebind-domain-ok line.
                    args.push(`--conf-file=${file}`, `--pid-file=${dir}/dnsmasq.pid`, "--stop-dns-rebind", "--log-queries", "--log-facility=-");
                    starts.push(lab.start(name, "dnsmasq", args, address));
                }
                if (kind === "unbound") starts.push(lab.start(name, "unbound", ["-d", "-c", file], address));
            }
        }
        await Promise.all(starts);
    });

    after(async () => {
        await lab?.stop();
    });

    it("every generated config passes its server's own checker", () => {
        for (const { kind, file } of files) {
            if (kind === "bind") lab!.exec("named-checkconf", [file]);
            if (kind === "unbound") lab!.exec("unbound-checkconf", [file]);
            if (kind === "dnsmasq") lab!.exec("dnsmasq", ["--test", `--conf-file=${file}`]);
        }
    });

    /** Runs `dig` through `server` and returns the answer and the VPC resolver's query-log lines naming `name`. */
    async function digAndWatch(server: string, name: string): Promise<{ result: DigResult; resolverSaw: string[] }> {
        const log = lab!.log("vpc-resolver");
        const mark = log.length;
        const result = await lab!.dig(server, name);
        // named writes its query log line before answering; give the pipe a moment to deliver it.
        await new Promise((r) => setTimeout(r, 100));
        return { result, resolverSaw: log.slice(mark).filter((line) => line.toLowerCase().includes(`query: ${name} `)) };
    }

    for (const set of sets.slice(0, 2)) {
        for (const kind of kinds) {
            const server = set.at[kind];
            it(`${kind}, scope ${set.label}: the endpoint resolves to its private IPs through the VPC resolver`, async () => {
                const { result, resolverSaw } = await digAndWatch(server, CLUSTER_HOST);
                assert.deepStrictEqual(result, { status: "NOERROR", addresses: ["192.168.109.77", "192.168.74.42"] });
                assert.ok(resolverSaw.length > 0, "the VPC resolver logged no query for the endpoint");
            });

            it(`${kind}, scope ${set.label}: names outside the forwarded domain go to public DNS, never the VPC resolver`, async () => {
                const outside = `${set.label}-${kind}.onprem.example.com`;
                const checks: [string, string[]][] = [
                    [outside, [OUTSIDE_PUBLIC]],
                    [WEST.host, [WEST.public]],
                    // One rule per region serves every cluster in it; a cluster-scoped rule serves its cluster only.
                    ...(set.scope === ForwardingScope.Cluster ? ([[SIBLING.host, [SIBLING.public]]] as [string, string[]][]) : []),
                ];
                for (const [name, expected] of checks) {
                    const { result, resolverSaw } = await digAndWatch(server, name);
                    assert.deepStrictEqual(result, { status: "NOERROR", addresses: expected }, name);
                    assert.deepStrictEqual(resolverSaw, [], `the VPC resolver was asked for ${name}`);
                }
            });
        }
    }

    for (const kind of kinds) {
        it(`${kind}, scope region: another cluster in the region resolves to its private IPs with the same config`, async () => {
            assert.deepStrictEqual(await lab!.dig(sets[1].at[kind], SIBLING.host), { status: "NOERROR", addresses: ["10.0.77.10", "10.0.88.20"] });
        });

        it(`${kind}: with one of the two resolver IPs gone, the other still answers`, async () => {
            // A forwarder that picks the dead IP first waits out its own timeout before trying the other; the
            // client retries meanwhile, as a stub resolver does.
            assert.deepStrictEqual(await lab!.dig(sets[2].at[kind], CLUSTER_HOST, { tries: 3, time: 3 }), { status: "NOERROR", addresses: ["192.168.109.77", "192.168.74.42"] });
        });
    }
});
