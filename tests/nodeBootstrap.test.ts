import * as assert from "assert";
import { dnsClusterIp, nodeBootstrap } from "../lib/nodeBootstrap";

const ENDPOINT = "https://EXAMPLE108C897D9B2F1B21D5EXAMPLE.sk1.us-west-2.eks.amazonaws.com";
const CA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM=";

describe("nodeBootstrap", () => {
    it("gives every form with the endpoint and CA and, for the default service CIDR, no DNS or service CIDR arguments", () => {
        const b = nodeBootstrap({ clusterName: "my-cluster", endpoint: ENDPOINT, certificateAuthority: CA, serviceCidr: "172.20.0.0/16", customServiceCidr: false });
        assert.deepStrictEqual(b, {
            al2Arguments: `--apiserver-endpoint ${ENDPOINT} --b64-cluster-ca ${CA}`,
            al2Command: `/etc/eks/bootstrap.sh my-cluster --apiserver-endpoint ${ENDPOINT} --b64-cluster-ca ${CA}`,
            al2UserData: `#!/bin/bash\nset -o errexit -o xtrace\n/etc/eks/bootstrap.sh my-cluster --apiserver-endpoint ${ENDPOINT} --b64-cluster-ca ${CA}\n`,
            al2023NodeConfig:
                "apiVersion: node.eks.aws/v1alpha1\n" +
                "kind: NodeConfig\n" +
                "spec:\n" +
                "  cluster:\n" +
                "    name: my-cluster\n" +
                `    apiServerEndpoint: ${ENDPOINT}\n` +
                `    certificateAuthority: ${CA}\n` +
                "    cidr: 172.20.0.0/16\n",
            windowsArguments: `-APIServerEndpoint ${ENDPOINT} -Base64ClusterCA ${CA}`,
            windowsCommand: `& $env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1 -EKSClusterName my-cluster -APIServerEndpoint ${ENDPOINT} -Base64ClusterCA ${CA}`,
            windowsUserData:
                `<powershell>\n& $env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1 -EKSClusterName my-cluster -APIServerEndpoint ${ENDPOINT} ` +
                `-Base64ClusterCA ${CA} 3>&1 4>&1\n</powershell>\n`,
        });
    });

    it("with a custom service CIDR: -ServiceCIDR on Windows (the guide: else pod DNS fails), --dns-cluster-ip on AL2, cidr in NodeConfig", () => {
        const b = nodeBootstrap({ clusterName: "my-cluster", endpoint: ENDPOINT, certificateAuthority: CA, serviceCidr: "10.200.0.0/16", customServiceCidr: true });
        assert.strictEqual(b.windowsArguments, `-APIServerEndpoint ${ENDPOINT} -Base64ClusterCA ${CA} -ServiceCIDR 10.200.0.0/16`);
        assert.strictEqual(b.al2Arguments, `--apiserver-endpoint ${ENDPOINT} --b64-cluster-ca ${CA} --dns-cluster-ip 10.200.0.10`);
        assert.match(b.al2023NodeConfig, /\n {4}cidr: 10\.200\.0\.0\/16\n$/);
    });

    it("puts kube-dns at the tenth address of the service CIDR", () => {
        assert.strictEqual(dnsClusterIp("172.20.0.0/16"), "172.20.0.10");
        assert.strictEqual(dnsClusterIp("10.100.0.0/16"), "10.100.0.10");
        assert.strictEqual(dnsClusterIp("192.168.255.0/24"), "192.168.255.10");
    });

    it("refuses values that would break the generated text", () => {
        const good = { clusterName: "c", endpoint: ENDPOINT, certificateAuthority: CA, serviceCidr: "172.20.0.0/16", customServiceCidr: false };
        assert.throws(() => nodeBootstrap({ ...good, clusterName: "my cluster" }), { message: 'clusterName: "my cluster" is not an EKS cluster name (letters, digits, - and _, at most 100)' });
        assert.throws(() => nodeBootstrap({ ...good, endpoint: "http://x" }), { message: 'endpoint: "http://x" is not an https:// URL' });
        assert.throws(() => nodeBootstrap({ ...good, certificateAuthority: "not base64!" }), {
            message: "certificateAuthority: is not base64 (give certificateAuthority.data as EKS returns it)",
        });
        assert.throws(() => dnsClusterIp("fd00::/108"), { message: "serviceCidr: fd00::/108 is not an IPv4 CIDR; IPv6 clusters are not supported here" });
    });
});
