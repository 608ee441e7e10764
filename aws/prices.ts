// What the resources this package creates cost by the hour, from AWS's public price pages, and the monthly
// estimates built on them. One source for every price: the components' `monthlyCostUsd` outputs and the offline
// plan's total both come from here. Prices are AWS's us-east-1 list prices in USD as checked on `pricesChecked`;
// other commercial regions often cost more, GovCloud differs, and the China regions bill in CNY through Sinnet and
// NWCD: an estimate outside us-east-1 says so rather than guessing a figure. Traffic-priced parts (DNS queries,
// data processed by endpoints, cross-AZ transfer, KMS requests) depend on use and are left out.

/** When the prices below were read from the pages they cite. */
export const pricesChecked = "2026-12";

/** The region whose list prices these are. */
export const pricedRegion = "us-east-1";

/** AWS's billing month: 730 hours (365 days x 24 hours / 12). */
export const HOURS_PER_MONTH = 730;

/** Hourly and monthly list prices, USD, with where each comes from. */
export const prices = {
    /**
     * AWS PrivateLink interface endpoint, per endpoint per AZ per hour, billed while it exists whatever its traffic
     * (https://aws.amazon.com/privatelink/pricing/, "Interface Endpoint pricing"). Gateway endpoints (S3, DynamoDB)
     * are free (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html, "Pricing").
     */
    interfaceEndpointUsdPerAzHour: 0.01,
    /**
     * Route 53 Resolver endpoint, per IP address (elastic network interface) per hour; every endpoint has at least
     * two (https://aws.amazon.com/route53/pricing/, "Route 53 Resolver endpoints";
     * https://repost.aws/knowledge-center/route-53-resolver-endpoint-costs).
     */
    resolverUsdPerIpHour: 0.125,
    /** EKS cluster on a Kubernetes version in standard support, per cluster per hour (https://aws.amazon.com/eks/pricing/). */
    eksStandardUsdPerClusterHour: 0.1,
    /**
     * EKS cluster on a version in extended support, per cluster per hour in total
     * (https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/).
     */
    eksExtendedUsdPerClusterHour: 0.6,
    /** KMS customer managed key, per key per month (https://aws.amazon.com/kms/pricing/, "Customer managed keys"). */
    kmsKeyUsdPerMonth: 1,
} as const;

/**
 * End of standard support per EKS Kubernetes minor version: after it a cluster is in extended support for 12 more
 * months and billed the extended price (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html,
 * "Amazon EKS Kubernetes release calendar").
 */
export const eksStandardSupportEnds: Readonly<Record<string, string>> = {
    "1.29": "2025-03-23",
    "1.30": "2025-07-23",
    "1.31": "2025-11-26",
    "1.32": "2026-03-23",
    "1.33": "2026-07-29",
    "1.34": "2026-12-02",
    "1.35": "2027-03-27",
};

/** Monthly USD for an hourly price, rounded to cents. */
export function monthlyUsd(usdPerHour: number, units = 1): number {
    return Math.round(usdPerHour * units * HOURS_PER_MONTH * 100) / 100;
}

/** Sums monthly amounts to the cent, without floating-point drift. */
export function sumUsd(amounts: readonly number[]): number {
    return amounts.reduce((cents, usd) => cents + Math.round(usd * 100), 0) / 100;
}

/** An interface endpoint in `azCount` AZs; `usdPerAzHour` overrides the us-east-1 price for another region. */
export function interfaceEndpointMonthlyUsd(azCount: number, usdPerAzHour: number = prices.interfaceEndpointUsdPerAzHour): number {
    return monthlyUsd(usdPerAzHour, azCount);
}

/** A Route 53 Resolver endpoint with `ipCount` IP addresses. */
export function resolverEndpointMonthlyUsd(ipCount: number): number {
    return monthlyUsd(prices.resolverUsdPerIpHour, ipCount);
}

/** Which support an EKS version is in on `on`; "unknown" when the version is not in the calendar or not given. */
export function eksSupport(version: string | undefined, on: Date): "standard" | "extended" | "unknown" {
    const ends = version === undefined ? undefined : eksStandardSupportEnds[version];
    if (ends === undefined) return "unknown";
    return on.getTime() > Date.parse(`${ends}T23:59:59Z`) ? "extended" : "standard";
}

/** An EKS cluster's control plane for a month: the extended price once its version is past standard support. */
export function eksClusterMonthlyUsd(version: string | undefined, on: Date): { usd: number; support: "standard" | "extended" | "unknown" } {
    const support = eksSupport(version, on);
    return { usd: monthlyUsd(support === "extended" ? prices.eksExtendedUsdPerClusterHour : prices.eksStandardUsdPerClusterHour), support };
}

/** One priced resource of a program, as the offline plan shows it. */
export interface ResourceCost {
    /** USD a month at the prices above. */
    monthlyUsd: number;
    /** What was counted: `2 AZs x $0.01/h`, `EKS 1.33, extended support`. */
    basis: string;
}

const countOf = (value: unknown): number | undefined => (Array.isArray(value) ? value.length : undefined);

/**
 * The monthly cost of one resource from its type and inputs, or undefined for a resource with no hourly price
 * (security groups, rules, routes, IAM). A count only known after apply (subnets of an endpoint still being
 * created) is priced as unknown: `monthlyUsd` 0 and the basis says so.
 */
export function resourceMonthlyCost(type: string, inputs: Record<string, unknown>, on: Date): ResourceCost | undefined {
    switch (type) {
        case "aws:ec2/vpcEndpoint:VpcEndpoint": {
            // The provider's default endpoint type is Gateway; an interface endpoint has one network interface per subnet, one subnet per AZ.
            if ((inputs.vpcEndpointType ?? "Gateway") !== "Interface") return { monthlyUsd: 0, basis: `${inputs.vpcEndpointType ?? "Gateway"} endpoint, free` };
            const azs = countOf(inputs.subnetIds) ?? countOf(inputs.subnetConfigurations);
            if (azs === undefined) return { monthlyUsd: 0, basis: "interface endpoint, subnets known after apply" };
            return { monthlyUsd: interfaceEndpointMonthlyUsd(azs), basis: `interface endpoint, ${azs} AZ${azs === 1 ? "" : "s"} x $${prices.interfaceEndpointUsdPerAzHour}/h` };
        }
        case "aws:route53/resolverEndpoint:ResolverEndpoint": {
            const ips = countOf(inputs.ipAddresses);
            if (ips === undefined) return { monthlyUsd: 0, basis: "Resolver endpoint, IPs known after apply" };
            return { monthlyUsd: resolverEndpointMonthlyUsd(ips), basis: `Resolver endpoint, ${ips} IP${ips === 1 ? "" : "s"} x $${prices.resolverUsdPerIpHour}/h` };
        }
        case "aws:eks/cluster:Cluster":
        case "eks:index:Cluster": {
            const version = typeof inputs.version === "string" ? inputs.version : undefined;
            const { usd, support } = eksClusterMonthlyUsd(version, on);
            const which = support === "unknown" ? `${version === undefined ? "default version" : `version ${version}`}, priced as standard support` : `${version}, ${support} support`;
            return { monthlyUsd: usd, basis: `EKS control plane, ${which}` };
        }
        case "aws:kms/key:Key":
            return { monthlyUsd: prices.kmsKeyUsdPerMonth, basis: "KMS customer managed key" };
        default:
            return undefined;
    }
}
