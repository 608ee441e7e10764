import * as assert from "assert";
import {
    checkResolverIps,
    forwarderConfigs,
    ipProblem,
    normalizeDomain,
} from "./forwarderConfigs";

const host = "9ff86db0668dc670f27f426024e7cdbd.sk1.us-east-1.eks.amazonaws.com";

describe("forwarderConfigs", () => {
    it("generates every config for a cluster host and two inbound IPs", () => {
        const configs = forwarderConfigs(host, ["10.0.0.10", "10.0.32.10"]);
        assert.deepStrictEqual(configs, {
            bind:
                'zone "9ff86db0668dc670f27f426024e7cdbd.sk1.us-east-1.eks.amazonaws.com" {\n' +
                "    type forward;\n" +
                "    forward only;\n" +
                "    forwarders { 10.0.0.10; 10.0.32.10; };\n" +
                "};\n",
            dnsmasq:
                "server=/9ff86db0668dc670f27f426024e7cdbd.sk1.us-east-1.eks.amazonaws.com/10.0.0.10\n" +
                "server=/9ff86db0668dc670f27f426024e7cdbd.sk1.us-east-1.eks.amazonaws.com/10.0.32.10\n" +
                "rebind-domain-ok=/9ff86db0668dc670f27f426024e7cdbd.sk1.us-east-1.eks.amazonaws.com/\n",
            unbound:
                "server:\n" +
                '    private-domain: "9ff86db0668dc670f27f426024e7cdbd.sk1.us-east-1.eks.amazonaws.com"\n' +
                "forward-zone:\n" +
                '    name: "9ff86db0668dc670f27f426024e7cdbd.sk1.us-east-1.eks.amazonaws.com."\n' +
                "    forward-addr: 10.0.0.10\n" +
                "    forward-addr: 10.0.32.10\n",
            coredns:
                "9ff86db0668dc670f27f426024e7cdbd.sk1.us-east-1.eks.amazonaws.com:53 {\n" +
                "    forward . 10.0.0.10 10.0.32.10\n" +
                "}\n",
            windowsDns:
                "# On a DNS server that is not a domain controller, leave out -ReplicationScope.\n" +
                'Add-DnsServerConditionalForwarderZone -Name "9ff86db0668dc670f27f426024e7cdbd.sk1.us-east-1.eks.amazonaws.com" ' +
                '-MasterServers 10.0.0.10,10.0.32.10 -ReplicationScope "Forest"\n',
        });
    });

    it("lower-cases the domain, drops its trailing dot and keeps three IPs, one IPv6, in order", () => {
        const configs = forwarderConfigs("US-EAST-1.EKS.AMAZONAWS.COM.", ["10.0.64.5", "2001:db8::53", "10.0.0.9"]);
        assert.strictEqual(
            configs.bind,
            'zone "us-east-1.eks.amazonaws.com" {\n    type forward;\n    forward only;\n    forwarders { 10.0.64.5; 2001:db8::53; 10.0.0.9; };\n};\n',
        );
        assert.strictEqual(
            configs.dnsmasq,
            "server=/us-east-1.eks.amazonaws.com/10.0.64.5\nserver=/us-east-1.eks.amazonaws.com/2001:db8::53\n" +
                "server=/us-east-1.eks.amazonaws.com/10.0.0.9\nrebind-domain-ok=/us-east-1.eks.amazonaws.com/\n",
        );
        assert.strictEqual(
            configs.unbound,
            'server:\n    private-domain: "us-east-1.eks.amazonaws.com"\nforward-zone:\n    name: "us-east-1.eks.amazonaws.com."\n' +
                "    forward-addr: 10.0.64.5\n    forward-addr: 2001:db8::53\n    forward-addr: 10.0.0.9\n",
        );
        assert.strictEqual(configs.coredns, "us-east-1.eks.amazonaws.com:53 {\n    forward . 10.0.64.5 2001:db8::53 10.0.0.9\n}\n");
        assert.strictEqual(
            configs.windowsDns.split("\n")[1],
            'Add-DnsServerConditionalForwarderZone -Name "us-east-1.eks.amazonaws.com" -MasterServers 10.0.64.5,2001:db8::53,10.0.0.9 -ReplicationScope "Forest"',
        );
    });

    it("generates configs for the aws-cn dual-stack region domain", () => {
        const configs = forwarderConfigs("cn-north-1.api.amazonwebservices.com.cn", ["172.31.0.2", "172.31.16.2"]);
        assert.strictEqual(
            configs.dnsmasq,
            "server=/cn-north-1.api.amazonwebservices.com.cn/172.31.0.2\nserver=/cn-north-1.api.amazonwebservices.com.cn/172.31.16.2\n" +
                "rebind-domain-ok=/cn-north-1.api.amazonwebservices.com.cn/\n",
        );
    });

    it("rejects a domain that is not a DNS name, naming the argument", () => {
        assert.throws(() => forwarderConfigs("bad_name.example.com", ["10.0.0.10"]), {
            name: "InputError",
            message:
                'domain: "bad_name.example.com" is not a domain name (expected dot-separated labels of letters, digits and dashes, like abc.gr7.us-east-1.eks.amazonaws.com)',
        });
        assert.throws(() => normalizeDomain("localhost", "clusterEndpoint"), /^InputError: clusterEndpoint: "localhost" is not a domain name/);
        assert.throws(() => normalizeDomain("a..b"), /is not a domain name/);
        assert.throws(() => normalizeDomain(`${"a".repeat(64)}.com`), /is not a domain name/);
        assert.strictEqual(normalizeDomain(`${"a".repeat(63)}.com`), `${"a".repeat(63)}.com`);
    });

    it("rejects missing, malformed and duplicate IPs with the argument and index", () => {
        assert.throws(() => forwarderConfigs(host, []), {
            message: "resolverIps: no resolver IPs given; pass the IP addresses of the Route 53 Resolver inbound endpoint",
        });
        assert.throws(() => forwarderConfigs(host, ["10.0.0.10", "10.0.0"]), {
            message: 'resolverIps[1]: "10.0.0" is not an IP address (an IPv4 address needs four decimal parts)',
        });
        assert.throws(() => forwarderConfigs(host, ["10.0.0.10", "10.0.0.10"], { resolverIps: "ipAddresses" }), {
            message: "ipAddresses[1]: 10.0.0.10 is listed twice; list each resolver IP once",
        });
        assert.throws(() => checkResolverIps(["2001:db8::1", "2001:0db8::0001"]), {
            message: "resolverIps[1]: 2001:0db8::0001 is listed twice; list each resolver IP once",
        });
    });

    it("ipProblem accepts IPv4 and IPv6 addresses and rejects CIDRs, zones, short forms and padding", () => {
        assert.strictEqual(ipProblem("10.0.0.10"), undefined);
        assert.strictEqual(ipProblem("fd00::53"), undefined);
        assert.strictEqual(ipProblem("10.0.0.0/24"), "not an IP address (expected one like 10.0.0.10 or 2001:db8::10)");
        assert.strictEqual(ipProblem("fe80::1%eth0"), "not an IP address (expected one like 10.0.0.10 or 2001:db8::10)");
        assert.strictEqual(ipProblem(" 10.0.0.1"), "not an IP address (expected one like 10.0.0.10 or 2001:db8::10)");
        assert.strictEqual(ipProblem("0xa.0.0.1"), "not an IP address (an IPv4 address needs four decimal parts)");
    });
});
