// Bootstrap settings for self-managed nodes of a private cluster. The guide requires the API server endpoint and
// the CA to be given at launch, so the node never calls the EKS API to discover them (reference 001, "Self-managed
// Linux and Windows nodes must include the following bootstrap arguments"): with no EKS API in reach, the
// introspection call would hang the boot. One form per node OS: Amazon Linux 2 bootstrap.sh, Amazon Linux 2023
// nodeadm and Windows Start-EKSBootstrap.ps1.
import * as ipaddr from "ipaddr.js";
import * as yaml from "js-yaml";
import { parseCidr } from "./cidr";
import { InputError } from "./errors";

export interface BootstrapInputs {
    /** The cluster's name (aws eks describe-cluster --name). */
    clusterName: string;
    /** The API server endpoint URL (cluster.endpoint). */
    endpoint: string;
    /** The cluster CA, base64 as EKS returns it (cluster.certificateAuthority.data). */
    certificateAuthority: string;
    /** The service CIDR the cluster runs with (kubernetesNetworkConfig.serviceIpv4Cidr). */
    serviceCidr: string;
    /** True when the service CIDR was chosen by the user (kubernetesServiceIpAddressRange), not by EKS. */
    customServiceCidr: boolean;
}

export interface NodeBootstrap {
    /** Amazon Linux 2: the arguments the guide lists, for /etc/eks/bootstrap.sh. */
    al2Arguments: string;
    /** Amazon Linux 2: the whole bootstrap.sh line. */
    al2Command: string;
    /** Amazon Linux 2: EC2 user data running the bootstrap line. */
    al2UserData: string;
    /** Amazon Linux 2023: the nodeadm NodeConfig document (YAML), which is the user data itself. */
    al2023NodeConfig: string;
    /** Windows: the arguments the guide lists, for Start-EKSBootstrap.ps1. */
    windowsArguments: string;
    /** Windows: the whole Start-EKSBootstrap.ps1 line. */
    windowsCommand: string;
    /** Windows: EC2 user data running the bootstrap line. */
    windowsUserData: string;
}

/**
 * The address kube-dns listens on: the tenth address of the service CIDR (`10.100.0.10`, `172.20.0.10`), which
 * EKS gives the kube-dns service. bootstrap.sh guesses it from the VPC's CIDR when it is not given, which is
 * wrong for a custom service CIDR.
 */
export function dnsClusterIp(serviceCidr: string): string {
    const parsed = parseCidr(serviceCidr, "serviceCidr");
    if (parsed.version !== 4) throw new InputError("serviceCidr", `${serviceCidr} is not an IPv4 CIDR; IPv6 clusters are not supported here`);
    const bytes = ipaddr.IPv4.networkAddressFromCIDR(serviceCidr).toByteArray();
    const n = bytes.reduce((acc, b) => acc * 256 + b, 0) + 10;
    return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

function check(inputs: BootstrapInputs): void {
    if (!/^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/.test(inputs.clusterName)) {
        throw new InputError("clusterName", `${JSON.stringify(inputs.clusterName)} is not an EKS cluster name (letters, digits, - and _, at most 100)`);
    }
    if (!/^https:\/\/[^\s'"]+$/.test(inputs.endpoint)) throw new InputError("endpoint", `${JSON.stringify(inputs.endpoint)} is not an https:// URL`);
    if (!/^[A-Za-z0-9+/]+=*$/.test(inputs.certificateAuthority)) {
        throw new InputError("certificateAuthority", "is not base64 (give certificateAuthority.data as EKS returns it)");
    }
    parseCidr(inputs.serviceCidr, "serviceCidr");
}

/** Every bootstrap form for one cluster. Throws InputError for values that would break the generated text. */
export function nodeBootstrap(inputs: BootstrapInputs): NodeBootstrap {
    check(inputs);
    const { clusterName, endpoint, certificateAuthority, serviceCidr, customServiceCidr } = inputs;

    const al2Arguments =
        `--apiserver-endpoint ${endpoint} --b64-cluster-ca ${certificateAuthority}` +
        (customServiceCidr ? ` --dns-cluster-ip ${dnsClusterIp(serviceCidr)}` : "");
    const al2Command = `/etc/eks/bootstrap.sh ${clusterName} ${al2Arguments}`;

    const al2023NodeConfig = yaml.dump(
        {
            apiVersion: "node.eks.aws/v1alpha1",
            kind: "NodeConfig",
            spec: { cluster: { name: clusterName, apiServerEndpoint: endpoint, certificateAuthority, cidr: serviceCidr } },
        },
        { lineWidth: -1 },
    );

    // The guide: with a custom service CIDR, -ServiceCIDR is required, or DNS resolution for pods fails.
    const windowsArguments =
        `-APIServerEndpoint ${endpoint} -Base64ClusterCA ${certificateAuthority}` + (customServiceCidr ? ` -ServiceCIDR ${serviceCidr}` : "");
    const windowsCommand = `& $env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1 -EKSClusterName ${clusterName} ${windowsArguments}`;

    return {
        al2Arguments,
        al2Command,
        al2UserData: `#!/bin/bash\nset -o errexit -o xtrace\n${al2Command}\n`,
        al2023NodeConfig,
        windowsArguments,
        windowsCommand,
        windowsUserData: `<powershell>\n${windowsCommand} 3>&1 4>&1\n</powershell>\n`,
    };
}
