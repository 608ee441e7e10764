// Cluster endpoint URLs and host names, for every partition and both endpoint forms
// (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "IPv4 cluster endpoint format" and "IPv6 cluster endpoint format"):
//   IPv4 (and IPv6 clusters made before October 2024):  <id>.<x>.<region>.eks.amazonaws.com      (aws, aws-us-gov)
//                                                        <id>.<x>.<region>.eks.amazonaws.com.cn   (aws-cn; also
//                                                        written <region>.amazonwebservices.com.cn)
//   Dual-stack (IPv6 clusters made October 2024 on):     <id>.<x>.<region>.[eks.]api.aws           (aws, aws-us-gov)
//                                                        <id>.<x>.<region>.api.amazonwebservices.com.cn (aws-cn)
import { InputError } from "../shared/errors";

export const EndpointForm = {
    /** IPv4-only endpoint (`eks.amazonaws.com`, `amazonaws.com.cn`). */
    Ipv4: "ipv4",
    /** Dual-stack endpoint of IPv6 clusters made from October 2024 (`api.aws`, `api.amazonwebservices.com.cn`). */
    DualStack: "dual-stack",
} as const;
export type EndpointForm = (typeof EndpointForm)[keyof typeof EndpointForm];

export const AwsPartition = { Aws: "aws", AwsUsGov: "aws-us-gov", AwsCn: "aws-cn" } as const;
export type AwsPartition = (typeof AwsPartition)[keyof typeof AwsPartition];

export interface ClusterEndpointInfo {
    /** The endpoint's host name, lower case, without scheme, port or path. */
    hostName: string;
    /** AWS region the cluster runs in. */
    region: string;
    partition: AwsPartition;
    form: EndpointForm;
    /** The region's EKS endpoint domain (`us-east-1.eks.amazonaws.com`): one forwarding rule for it serves every cluster in the region. */
    regionDomain: string;
}

const regionPattern = /^(?:[a-z]{2})(?:-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

/** Domain suffixes that follow the region label, with the form and partition each implies. */
const suffixes: { suffix: string; form: EndpointForm; china: boolean }[] = [
    { suffix: "eks.amazonaws.com", form: EndpointForm.Ipv4, china: false },
    { suffix: "eks.amazonaws.com.cn", form: EndpointForm.Ipv4, china: true },
    { suffix: "amazonwebservices.com.cn", form: EndpointForm.Ipv4, china: true },
    { suffix: "api.aws", form: EndpointForm.DualStack, china: false },
    { suffix: "eks.api.aws", form: EndpointForm.DualStack, china: false },
    { suffix: "api.amazonwebservices.com.cn", form: EndpointForm.DualStack, china: true },
    { suffix: "eks.api.amazonwebservices.com.cn", form: EndpointForm.DualStack, china: true },
];

/**
 * The domain after the region label that EKS gives a new cluster's endpoint in `region`: the first of the forms
 * above for the partition (`eks.amazonaws.com`, `eks.amazonaws.com.cn`, `api.aws`, `api.amazonwebservices.com.cn`).
 */
export function clusterEndpointSuffix(region: string, form: EndpointForm): string {
    const china = region.startsWith("cn-");
    return suffixes.find((s) => s.form === form && s.china === china)!.suffix;
}

/**
 * Host name, region, partition and form of an EKS cluster endpoint, given its URL
 * (`https://ABC.gr7.us-east-1.eks.amazonaws.com`) or host name. Throws InputError naming `arg` when the
 * value is not an EKS cluster endpoint.
 */
export function parseClusterEndpoint(endpoint: string, arg = "clusterEndpoint"): ClusterEndpointInfo {
    const hostName = hostOf(endpoint);
    const labels = hostName.split(".");
    for (let i = 1; i < labels.length; i++) {
        if (!regionPattern.test(labels[i])) continue;
        const region = labels[i];
        const rest = labels.slice(i + 1).join(".");
        const match = suffixes.find((s) => s.suffix === rest);
        if (!match) continue;
        const china = region.startsWith("cn-");
        if (china !== match.china) {
            throw new InputError(arg, `${JSON.stringify(endpoint)} names region ${region} under ${rest}, which is not that region's partition`);
        }
        const partition = china ? AwsPartition.AwsCn : region.startsWith("us-gov-") ? AwsPartition.AwsUsGov : AwsPartition.Aws;
        return { hostName, region, partition, form: match.form, regionDomain: `${region}.${rest}` };
    }
    throw new InputError(
        arg,
        `${JSON.stringify(endpoint)} is not an EKS cluster endpoint (expected https://<id>.<x>.<region>.eks.amazonaws.com, ` +
            `...<region>.api.aws, or the aws-cn forms ending amazonaws.com.cn / amazonwebservices.com.cn)`,
    );
}

function hostOf(endpoint: string): string {
    const text = String(endpoint ?? "").trim();
    let host = text;
    if (/^[a-z]+:\/\//i.test(text)) {
        try {
            host = new URL(text).hostname;
        } catch {
            host = "";
        }
    } else {
        host = text.split("/")[0].replace(/:\d+$/, "");
    }
    return host.replace(/\.$/, "").toLowerCase();
}
