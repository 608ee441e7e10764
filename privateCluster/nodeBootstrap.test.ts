import * as assert from "assert";
import { al2Bootstrap, bottlerocketSettings, dnsClusterIp, hasAl2Amis, nodeBootstrap } from "./nodeBootstrap";

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
            bottlerocketSettings:
                "[settings.kubernetes]\n" +
                `api-server = "${ENDPOINT}"\n` +
                `cluster-certificate = "${CA}"\n` +
                'cluster-name = "my-cluster"\n' +
                'cluster-dns-ip = "172.20.0.10"\n',
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

    // EKS user guide, "Amazon EKS AL2 AMI deprecation FAQs": 1.32 is the last Kubernetes version with AL2 AMIs.
    it("gives Amazon Linux 2 forms up to Kubernetes 1.32 only, and refuses them after, naming the forms to use", () => {
        const inputs = { clusterName: "my-cluster", endpoint: ENDPOINT, certificateAuthority: CA, serviceCidr: "172.20.0.0/16", customServiceCidr: false };
        assert.deepStrictEqual([hasAl2Amis("1.31"), hasAl2Amis("1.32"), hasAl2Amis("1.32.5"), hasAl2Amis("1.33"), hasAl2Amis("1.34")], [true, true, true, false, false]);
        assert.strictEqual(nodeBootstrap({ ...inputs, kubernetesVersion: "1.32" }).al2Command, `/etc/eks/bootstrap.sh my-cluster --apiserver-endpoint ${ENDPOINT} --b64-cluster-ca ${CA}`);
        const b133 = nodeBootstrap({ ...inputs, kubernetesVersion: "1.33" });
        assert.deepStrictEqual(Object.keys(b133).sort(), ["al2023NodeConfig", "bottlerocketSettings", "windowsArguments", "windowsCommand", "windowsUserData"]);
        assert.throws(() => al2Bootstrap({ ...inputs, kubernetesVersion: "1.33" }), {
            message:
                "kubernetesVersion: Kubernetes 1.33 has no Amazon Linux 2 EKS AMI (EKS publishes them up to 1.32): " +
                "bootstrap nodes with al2023NodeConfig (Amazon Linux 2023, nodeadm) or bottlerocketSettings",
        });
        assert.throws(() => nodeBootstrap({ ...inputs, kubernetesVersion: "latest" }), { message: 'kubernetesVersion: "latest" is not a Kubernetes version like "1.33"' });
    });

    // Bottlerocket settings reference, settings.kubernetes.*: api-server, cluster-certificate and cluster-name are
    // needed on aws-k8s variants; cluster-dns-ip is the service CIDR's tenth address (kube-dns).
    it("gives Bottlerocket its [settings.kubernetes] TOML with the cluster DNS IP from a custom service CIDR", () => {
        const toml = bottlerocketSettings({ clusterName: "prod", endpoint: ENDPOINT, certificateAuthority: CA, serviceCidr: "10.200.0.0/16", customServiceCidr: true });
        assert.strictEqual(
            toml,
            `[settings.kubernetes]\napi-server = "${ENDPOINT}"\ncluster-certificate = "${CA}"\ncluster-name = "prod"\ncluster-dns-ip = "10.200.0.10"\n`,
        );
    });

    it("puts kube-dns at the tenth address of the service CIDR", () => {
        assert.strictEqual(dnsClusterIp("172.20.0.0/16"), "172.20.0.10");
        assert.strictEqual(dnsClusterIp("10.100.0.0/16"), "10.100.0.10");
        assert.strictEqual(dnsClusterIp("192.168.255.0/24"), "192.168.255.10");
    });

    it("refuses values that would break the generated text", () => {
        const good = { clusterName: "c", endpoint: ENDPOINT, certificateAuthority: CA, serviceCidr: "172.20.0.0/16", customServiceCidr: false };
        assert.throws(() => nodeBootstrap({ ...good, clusterName: "my cluster" }), { message: 'clusterName: "my cluster" is not an EKS cluster name (a letter or digit, then letters, digits, - and _; at most 100 characters)' });
        assert.throws(() => nodeBootstrap({ ...good, endpoint: "http://x" }), { message: 'endpoint: "http://x" is not an https:// URL' });
        assert.throws(() => nodeBootstrap({ ...good, certificateAuthority: "not base64!" }), {
            message: "certificateAuthority: is not base64 (give certificateAuthority.data as EKS returns it)",
        });
        assert.throws(() => dnsClusterIp("fd00::/108"), { message: "serviceCidr: fd00::/108 is not an IPv4 CIDR; IPv6 clusters are not supported here" });
    });

    it("refuses inputs that are not an object of text settings (another language may send any value)", () => {
        const shape = "inputs: expected the cluster's bootstrap settings (an object with clusterName, endpoint, certificateAuthority, serviceCidr and customServiceCidr), got";
        const call = (inputs: unknown) => () => nodeBootstrap(inputs as Parameters<typeof nodeBootstrap>[0]);
        assert.throws(call(null), { name: "InputError", message: `${shape} null` });
        assert.throws(call("my-cluster"), { name: "InputError", message: `${shape} string "my-cluster"` });
        assert.throws(call([]), { name: "InputError", message: `${shape} a list` });
        const good = { clusterName: "c", endpoint: ENDPOINT, certificateAuthority: CA, serviceCidr: "172.20.0.0/16", customServiceCidr: false };
        assert.throws(call({ ...good, clusterName: undefined }), { name: "InputError", message: "clusterName: expected a string, got undefined" });
        assert.throws(call({ ...good, serviceCidr: 16 }), { name: "InputError", message: "serviceCidr: expected a string, got number 16" });
        assert.throws(() => bottlerocketSettings(null as never), { name: "InputError", message: `${shape} null` });
    });
});
