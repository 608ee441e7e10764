// Pure parts of PrivateCluster its plan (plan.ts) and builder use: argument checks, access entries, the kubeconfig
// and the cost estimate.
import { checkNotOpen, cidrsOverlap, parseCidr } from "../shared/cidr";
import { IpFamily, checkClusterIpFamily } from "../apiEndpoint/endpointAccess";
import { InputError } from "../shared/errors";
import { eksClusterMonthlyUsd, prices, sumUsd } from "../aws/prices";
import { cidrsNameRules } from "../shared/ruleSources";
import { requirePlain, checkStringList } from "../shared/validatedInput";
import { arnPartitionSource, controlPlaneLogTypes } from "../aws/ids";

/** When PrivateCluster checks, from where Pulumi runs, that the API server answers. */
export const ReachabilityCheck = {
    /** During `pulumi up` only (not previews, not under mocks). */
    Up: "up",
    /** Previews too, and under mocks (tests that point the endpoint at a local listener). */
    Always: "always",
    /** Never. */
    Never: "never",
} as const;
export type ReachabilityCheck = (typeof ReachabilityCheck)[keyof typeof ReachabilityCheck];

/** Control-plane log types; the policy pack's control-plane logging rule wants all five. */
export const allClusterLogTypes: readonly string[] = controlPlaneLogTypes;

/**
 * Monthly USD (aws/prices.ts): the EKS control plane (the extended-support price once `version` is past standard
 * support on `on`), the VPC endpoints' and hybrid DNS children's own estimates, and the secrets key when the
 * component creates it.
 */
export function clusterMonthlyCostUsd(parts: { endpointsUsd: number; hybridDnsUsd: number; kmsKey: boolean; version?: string; on: Date }): number {
    return sumUsd([eksClusterMonthlyUsd(parts.version, parts.on).usd, parts.endpointsUsd, parts.hybridDnsUsd, parts.kmsKey ? prices.kmsKeyUsdPerMonth : 0]);
}

const principalPattern = new RegExp(`^arn:(${arnPartitionSource.slice(3, -1)}):iam::(\\d{12}):(role|user)/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]+)$`);

/**
 * The access entry key of an IAM principal ARN: `admin-<account>-<role|user>-<name>`, lower case, so it names the
 * principal and not its place in a list. Throws InputError for ARNs access entries do not take.
 */
export function adminEntryKey(arn: string, arg: string): string {
    if (/^arn:[\w-]+:sts::\d{12}:assumed-role\//.test(String(arn))) {
        throw new InputError(arg, `${arn} is a session (assumed-role) ARN; access entries take the role itself: arn:<partition>:iam::<account>:role/<name>`);
    }
    const m = principalPattern.exec(String(arn));
    if (!m) throw new InputError(arg, `${JSON.stringify(arn)} is not an IAM role or user ARN (arn:aws:iam::123456789012:role/platform-admins)`);
    return `admin-${m[2]}-${m[3]}-${m[4]}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");
}

/** The ARN of an EKS access policy in a partition. */
export function accessPolicyArn(partition: string, policy: string): string {
    return `arn:${partition}:eks::aws:cluster-access-policy/${policy}`;
}

export interface ServiceCidrFacts {
    serviceIpv4Cidr?: string;
    vpcCidrs: string[];
    connectedNetworks: string[];
}

/**
 * Checks a custom service CIDR the way EKS does (inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, between /12
 * and /24, not overlapping the VPC), and also not overlapping a connected network, whose addresses pods would
 * otherwise never reach.
 */
export function checkServiceCidr(facts: ServiceCidrFacts): void {
    const cidr = facts.serviceIpv4Cidr;
    if (cidr === undefined) return;
    const parsed = parseCidr(cidr, "serviceIpv4Cidr");
    const privateBlocks = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];
    if (parsed.version !== 4 || !privateBlocks.some((b) => cidrsOverlap(b, cidr) && Number(b.split("/")[1]) <= parsed.prefix)) {
        throw new InputError("serviceIpv4Cidr", `${cidr} is not inside ${privateBlocks.join(", ")}, as EKS requires`);
    }
    if (parsed.prefix < 12 || parsed.prefix > 24) throw new InputError("serviceIpv4Cidr", `${cidr} must be between /12 and /24`);
    for (const other of [...facts.vpcCidrs, ...facts.connectedNetworks]) {
        if (cidrsOverlap(other, cidr)) {
            const what = facts.vpcCidrs.includes(other) ? "the VPC's" : "the connected network";
            throw new InputError("serviceIpv4Cidr", `${cidr} overlaps ${what} ${other}; service addresses must be unique across the networks pods talk to`);
        }
    }
}

/**
 * Connected networks are outside the VPC: a range inside it is routed locally and never reaches the network it
 * names. Checks every VPC CIDR, not only the primary one.
 */
export function checkConnectedNetworks(vpcCidrs: string[], connectedNetworks: string[]): void {
    requirePlain(vpcCidrs, "vpcCidrs", cidrsNameRules);
    requirePlain(connectedNetworks, "connectedNetworks", cidrsNameRules);
    checkStringList(connectedNetworks, "connectedNetworks", "CIDR block");
    if (!Array.isArray(vpcCidrs) || vpcCidrs.length === 0) throw new InputError("vpcCidrs", "list the VPC's IPv4 CIDR blocks, primary first");
    vpcCidrs.forEach((c, i) => parseCidr(c, `vpcCidrs[${i}]`));
    connectedNetworks.forEach((cidr, i) => {
        checkNotOpen(cidr, `connectedNetworks[${i}]`);
        checkClusterIpFamily(cidr, IpFamily.Ipv4, `connectedNetworks[${i}]`);
        const inside = vpcCidrs.find((v) => cidrsOverlap(v, cidr));
        if (inside) {
            throw new InputError(
                `connectedNetworks[${i}]`,
                `${cidr} overlaps the VPC's ${inside}; the VPC routes those addresses locally, so list only networks outside it`,
            );
        }
    });
}

/** A kubeconfig (JSON) whose server is the endpoint; credentials come from `aws eks get-token`. */
export function kubeconfigJson(clusterName: string, endpoint: string, certificateAuthority: string, region: string): string {
    return JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name: clusterName, cluster: { server: endpoint, "certificate-authority-data": certificateAuthority } }],
        contexts: [{ name: clusterName, context: { cluster: clusterName, user: clusterName } }],
        "current-context": clusterName,
        users: [
            {
                name: clusterName,
                user: {
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: "aws",
                        args: ["eks", "get-token", "--cluster-name", clusterName, "--region", region, "--output", "json"],
                    },
                },
            },
        ],
    });
}
