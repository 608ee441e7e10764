// Bootstrap settings for self-managed nodes of a private cluster. The guide requires the API server endpoint and
// the CA to be given at launch, so the node never calls the EKS API to discover them (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, "Self-managed
// Linux and Windows nodes must include the following bootstrap arguments"): with no EKS API in reach, the
// introspection call would hang the boot. One form per node OS: Amazon Linux 2023 nodeadm (the default), Bottlerocket
// settings, Windows Start-EKSBootstrap.ps1, and Amazon Linux 2 bootstrap.sh for clusters still on versions that have
// AL2 AMIs.
import * as ipaddr from "ipaddr.js";
import * as yaml from "js-yaml";
import { parseCidr } from "../shared/cidr";
import { InputError } from "../shared/errors";
import { clusterNamePattern, clusterNameRule } from "../aws/ids";
import { described } from "../shared/validatedInput";

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
    /** The cluster's Kubernetes version ("1.33"): decides whether the Amazon Linux 2 forms exist. Unknown: they do. */
    kubernetesVersion?: string;
}

export interface Al2Bootstrap {
    /** Amazon Linux 2: the arguments the guide lists, for /etc/eks/bootstrap.sh. */
    al2Arguments: string;
    /** Amazon Linux 2: the whole bootstrap.sh line. */
    al2Command: string;
    /** Amazon Linux 2: EC2 user data running the bootstrap line. */
    al2UserData: string;
}

/**
 * Self-managed node bootstrap, per node OS. Amazon Linux 2023 (`al2023NodeConfig`) is the default: EKS publishes
 * no Amazon Linux 2 AMIs after Kubernetes 1.32, so the `al2*` fields are only there for clusters on 1.32 or older.
 */
export interface NodeBootstrap {
    /** Amazon Linux 2023 (the default): the nodeadm NodeConfig document (YAML), which is the user data itself. */
    al2023NodeConfig: string;
    /** Bottlerocket: the `[settings.kubernetes]` TOML user data (API server, CA, cluster name and cluster DNS IP). */
    bottlerocketSettings: string;
    /** Amazon Linux 2, Kubernetes 1.32 and older only: the arguments the guide lists, for /etc/eks/bootstrap.sh. */
    al2Arguments?: string;
    /** Amazon Linux 2, Kubernetes 1.32 and older only: the whole bootstrap.sh line. */
    al2Command?: string;
    /** Amazon Linux 2, Kubernetes 1.32 and older only: EC2 user data running the bootstrap line. */
    al2UserData?: string;
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

/**
 * The newest Kubernetes version EKS publishes Amazon Linux 2 AMIs for: "Kubernetes version 1.32 is the last version
 * for which Amazon EKS will release AL2 AMIs" (EKS user guide, "Amazon EKS AL2 AMI deprecation FAQs",
 * https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-deprecation-faqs.html). Nodes of later versions run
 * AL2023 or Bottlerocket.
 */
export const lastAl2KubernetesVersion = "1.32";

/** Minor version of "1.33" (or "1.33.2"); throws InputError naming `arg` for anything else. */
function minorOf(version: string, arg: string): number {
    const match = /^1\.(\d+)(?:\.\d+)?$/.exec(version);
    if (!match) throw new InputError(arg, `${JSON.stringify(version)} is not a Kubernetes version like "1.33"`);
    return Number(match[1]);
}

/** True when EKS publishes Amazon Linux 2 AMIs for this Kubernetes version (1.32 and older). */
export function hasAl2Amis(version: string, arg = "kubernetesVersion"): boolean {
    return minorOf(version, arg) <= minorOf(lastAl2KubernetesVersion, arg);
}

/** The fields every bootstrap form needs, as text (another language may send any value). */
const requiredText = ["clusterName", "endpoint", "certificateAuthority", "serviceCidr"] as const;

function check(inputs: BootstrapInputs): void {
    if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) {
        throw new InputError(
            "inputs",
            `expected the cluster's bootstrap settings (an object with clusterName, endpoint, certificateAuthority, serviceCidr and customServiceCidr), got ${described(inputs)}`,
        );
    }
    for (const field of requiredText) {
        if (typeof inputs[field] !== "string") throw new InputError(field, `expected a string, got ${described(inputs[field])}`);
    }
    if (!clusterNamePattern.test(inputs.clusterName)) {
        throw new InputError("clusterName", `${JSON.stringify(inputs.clusterName)} is not an EKS cluster name (${clusterNameRule})`);
    }
    if (!/^https:\/\/[^\s'"]+$/.test(inputs.endpoint)) throw new InputError("endpoint", `${JSON.stringify(inputs.endpoint)} is not an https:// URL`);
    if (!/^[A-Za-z0-9+/]+=*$/.test(inputs.certificateAuthority)) {
        throw new InputError("certificateAuthority", "is not base64 (give certificateAuthority.data as EKS returns it)");
    }
    parseCidr(inputs.serviceCidr, "serviceCidr");
}

/**
 * The Amazon Linux 2 bootstrap.sh forms. Throws InputError (`kubernetesVersion`) for a Kubernetes version EKS publishes no AL2
 * AMI for, with the forms to use instead.
 */
export function al2Bootstrap(inputs: BootstrapInputs): Al2Bootstrap {
    check(inputs);
    const { clusterName, endpoint, certificateAuthority, serviceCidr, customServiceCidr, kubernetesVersion } = inputs;
    if (kubernetesVersion !== undefined && !hasAl2Amis(kubernetesVersion)) {
        throw new InputError(
            "kubernetesVersion",
            `Kubernetes ${kubernetesVersion} has no Amazon Linux 2 EKS AMI (EKS publishes them up to ${lastAl2KubernetesVersion}): ` +
                `bootstrap nodes with al2023NodeConfig (Amazon Linux 2023, nodeadm) or bottlerocketSettings`,
        );
    }
    const al2Arguments =
        `--apiserver-endpoint ${endpoint} --b64-cluster-ca ${certificateAuthority}` +
        (customServiceCidr ? ` --dns-cluster-ip ${dnsClusterIp(serviceCidr)}` : "");
    const al2Command = `/etc/eks/bootstrap.sh ${clusterName} ${al2Arguments}`;
    return { al2Arguments, al2Command, al2UserData: `#!/bin/bash\nset -o errexit -o xtrace\n${al2Command}\n` };
}

/**
 * Bottlerocket user data for an aws-k8s variant: the settings Bottlerocket needs to join an EKS cluster
 * (api-server, cluster-certificate, cluster-name) and cluster-dns-ip, which Bottlerocket otherwise derives from the
 * cluster's service CIDR by calling the EKS API (Bottlerocket settings reference, "settings.kubernetes.*",
 * https://bottlerocket.dev/en/os/1.20.x/api/settings/kubernetes/, "Settings needed for aws-k8s-* variants"); a
 * private cluster's nodes may have no EKS endpoint to call. Values are checked, so they are valid TOML strings.
 */
export function bottlerocketSettings(inputs: BootstrapInputs): string {
    check(inputs);
    const settings: [string, string][] = [
        ["api-server", inputs.endpoint],
        ["cluster-certificate", inputs.certificateAuthority],
        ["cluster-name", inputs.clusterName],
        ["cluster-dns-ip", dnsClusterIp(inputs.serviceCidr)],
    ];
    return `[settings.kubernetes]\n${settings.map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join("\n")}\n`;
}

/**
 * Every bootstrap form for one cluster; the Amazon Linux 2 forms only for Kubernetes versions EKS still publishes AL2
 * AMIs for (or an unknown version). Throws InputError for values that would break the generated text.
 */
export function nodeBootstrap(inputs: BootstrapInputs): NodeBootstrap {
    check(inputs);
    const { clusterName, endpoint, certificateAuthority, serviceCidr, customServiceCidr, kubernetesVersion } = inputs;
    const al2 = kubernetesVersion === undefined || hasAl2Amis(kubernetesVersion) ? al2Bootstrap(inputs) : {};

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
        ...al2,
        al2023NodeConfig,
        bottlerocketSettings: bottlerocketSettings(inputs),
        windowsArguments,
        windowsCommand,
        windowsUserData: `<powershell>\n${windowsCommand} 3>&1 4>&1\n</powershell>\n`,
    };
}
