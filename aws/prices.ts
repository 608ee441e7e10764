// What the resources this package creates cost by the hour, from AWS's public price pages, and the monthly
// estimates built on them. One source for every price: the components' `monthlyCostUsd` outputs and the offline
// plan's total both come from here. Traffic-priced parts (DNS queries, data processed by endpoints, cross-AZ
// transfer, KMS requests) depend on use and are left out.
//
// Prices differ by Region and partition: AWS's PrivateLink page lists the interface endpoint hour per Region, GovCloud
// has its own figures, and the China Regions are "priced and billed in local currency (CNY)" by Sinnet (Beijing) and
// NWCD (Ningxia) (https://docs.amazonaws.cn/en_us/aws/latest/userguide/billing-and-payment.html, "Billing and
// Payment"). `regionalPrices` holds what was read for each Region; `pricesFor(region)` takes from it and falls back
// to us-east-1's list price, in USD, for anything not recorded there, saying which prices fell back.

import { AwsPartition, partitionOfRegion } from "./regions";

/** When the prices below were read from the pages they cite. */
export const pricesChecked = "2026-12";

/** The region whose list prices `prices` are, and the one every other Region falls back to. */
export const pricedRegion = "us-east-1";

/** AWS's billing month: 730 hours (365 days x 24 hours / 12). */
export const HOURS_PER_MONTH = 730;

/** us-east-1's hourly and monthly list prices, USD, with where each comes from. */
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

/** The currencies AWS bills in. */
export type Currency = "USD" | "CNY";

/** What each partition bills in: CNY in the China Regions (Billing and Payment page above), USD elsewhere. */
export const partitionCurrency: Readonly<Record<AwsPartition, Currency>> = { aws: "USD", "aws-us-gov": "USD", "aws-cn": "CNY" };

/** The priced things, per hour except the KMS key (per month). */
export type PriceKey = "interfaceEndpointPerAzHour" | "resolverPerIpHour" | "eksStandardPerClusterHour" | "eksExtendedPerClusterHour" | "kmsKeyPerMonth";

/** How the estimate names each price, `interface endpoint per AZ-hour`. */
export const priceNames: Readonly<Record<PriceKey, string>> = {
    interfaceEndpointPerAzHour: "interface endpoint per AZ-hour",
    resolverPerIpHour: "Resolver endpoint per IP-hour",
    eksStandardPerClusterHour: "EKS cluster-hour, standard support",
    eksExtendedPerClusterHour: "EKS cluster-hour, extended support",
    kmsKeyPerMonth: "KMS key per month",
};

/** List prices read for one Region, in its partition's currency, on `checked`; a price not read is absent. */
export interface ListedPrices {
    currency: Currency;
    checked: string;
    prices: Readonly<Partial<Record<PriceKey, number>>>;
}

/**
 * The documented table of list prices by Region. Only what was read from AWS's pages is here; everything else falls
 * back to us-east-1's price (`pricesFor`). Not recorded, as of 2026-12-07, because no copy of the figure could be read
 * from AWS's pages then: the interface endpoint hour in the other commercial Regions (the PrivateLink page shows it per
 * Region), GovCloud's figures, and every CNY price of the China Regions (https://www.amazonaws.cn/en/privatelink/pricing/,
 * https://www.amazonaws.cn/en/route53/pricing/, https://www.amazonaws.cn/en/eks/pricing/, https://www.amazonaws.cn/en/kms/pricing/).
 * Add a Region's row with its page and date when its prices are read.
 */
export const regionalPrices: Readonly<Record<string, ListedPrices>> = {
    "us-east-1": {
        currency: "USD",
        checked: pricesChecked,
        prices: {
            interfaceEndpointPerAzHour: prices.interfaceEndpointUsdPerAzHour,
            resolverPerIpHour: prices.resolverUsdPerIpHour,
            eksStandardPerClusterHour: prices.eksStandardUsdPerClusterHour,
            eksExtendedPerClusterHour: prices.eksExtendedUsdPerClusterHour,
            kmsKeyPerMonth: prices.kmsKeyUsdPerMonth,
        },
    },
};

/** One price as used: its amount, currency, and the Region whose list price it is. */
export interface Price {
    amount: number;
    currency: Currency;
    region: string;
}

/** The prices an estimate for `region` uses. */
export interface RegionPrices {
    region: string;
    /** What the Region bills in. A fallback price can be in another currency (us-east-1's USD in a China Region). */
    currency: Currency;
    prices: Readonly<Record<PriceKey, Price>>;
    /** The prices not recorded for `region`: us-east-1's list price is used for them. */
    fallbacks: PriceKey[];
    /** When the Region's own prices were read (us-east-1's date when all fell back). */
    checked: string;
}

const priceKeys = Object.keys(priceNames) as PriceKey[];

/** The prices for `region` from `table` (default the documented one), us-east-1's where the Region has none. */
export function pricesFor(region: string, table: Readonly<Record<string, ListedPrices>> = regionalPrices): RegionPrices {
    const listed = table[region];
    const base = regionalPrices[pricedRegion];
    const currency = partitionCurrency[partitionOfRegion(region) ?? "aws"];
    const entries = priceKeys.map((key): [PriceKey, Price, boolean] => {
        const own = listed?.prices[key];
        if (own !== undefined) return [key, { amount: own, currency: listed.currency, region }, false];
        return [key, { amount: base.prices[key]!, currency: base.currency, region: pricedRegion }, true];
    });
    return {
        region,
        currency,
        prices: Object.fromEntries(entries.map(([key, price]) => [key, price])) as Record<PriceKey, Price>,
        fallbacks: entries.filter(([, , fellBack]) => fellBack).map(([key]) => key),
        checked: listed?.checked ?? base.checked,
    };
}

const symbols: Readonly<Record<Currency, string>> = { USD: "$", CNY: "¥" };

/** An amount with its currency's sign, to the cent (`$21.90`, `¥7.00`), or `exact` as written (a rate, `$0.125`). */
export function formatMoney(amount: number, currency: Currency, exact = false): string {
    return `${symbols[currency]}${exact ? amount : amount.toFixed(2)}`;
}

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

/** Monthly amount for an hourly price, rounded to the cent (fen). */
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

/** One priced resource of a program at us-east-1's prices, as `resourceMonthlyCost` returns it. */
export interface ResourceCost {
    /** USD a month at us-east-1's prices. */
    monthlyUsd: number;
    /** What was counted: `2 AZs x $0.01/h`, `EKS 1.33, extended support`. */
    basis: string;
}

/** One priced resource at a Region's prices. */
export interface RegionalCost {
    /** A month at the price used, in `currency`. */
    monthly: number;
    currency: Currency;
    /** What was counted: `interface endpoint, 2 AZs x $0.01/h`. */
    basis: string;
    /** The price used; absent for what is free or not yet countable. */
    price?: PriceKey;
    /** True when that price is us-east-1's because the Region has none recorded. */
    fallback: boolean;
}

const countOf = (value: unknown): number | undefined => (Array.isArray(value) ? value.length : undefined);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The monthly cost of one resource from its type and inputs at `regional`'s prices, or undefined for a resource with
 * no hourly price (security groups, rules, routes, IAM). A count only known after apply (subnets of an endpoint still
 * being created) is priced as unknown: `monthly` 0 and the basis says so.
 */
export function resourceCost(type: string, inputs: Record<string, unknown>, on: Date, regional: RegionPrices = pricesFor(pricedRegion)): RegionalCost | undefined {
    const priced = (key: PriceKey, units: number, basis: (rate: string) => string): RegionalCost => {
        const price = regional.prices[key];
        const monthly = key === "kmsKeyPerMonth" ? Math.round(price.amount * units * 100) / 100 : monthlyUsd(price.amount, units);
        return { monthly, currency: price.currency, basis: basis(formatMoney(price.amount, price.currency, true)), price: key, fallback: regional.fallbacks.includes(key) };
    };
    const free = (basis: string): RegionalCost => ({ monthly: 0, currency: regional.currency, basis, fallback: false });
    switch (type) {
        case "aws:ec2/vpcEndpoint:VpcEndpoint": {
            // The provider's default endpoint type is Gateway; an interface endpoint has one network interface per subnet, one subnet per AZ.
            const endpointType: unknown = inputs.vpcEndpointType ?? "Gateway";
            if (endpointType !== "Interface") return free(`${String(endpointType)} endpoint, free`);
            const azs = countOf(inputs.subnetIds) ?? countOf(inputs.subnetConfigurations);
            if (azs === undefined) return free("interface endpoint, subnets known after apply");
            return priced("interfaceEndpointPerAzHour", azs, (rate) => `interface endpoint, ${plural(azs, "AZ")} x ${rate}/h`);
        }
        case "aws:route53/resolverEndpoint:ResolverEndpoint": {
            const ips = countOf(inputs.ipAddresses);
            if (ips === undefined) return free("Resolver endpoint, IPs known after apply");
            return priced("resolverPerIpHour", ips, (rate) => `Resolver endpoint, ${plural(ips, "IP")} x ${rate}/h`);
        }
        case "aws:eks/cluster:Cluster":
        case "eks:index:Cluster": {
            const version = typeof inputs.version === "string" ? inputs.version : undefined;
            const support = eksSupport(version, on);
            const which = support === "unknown" ? `${version === undefined ? "default version" : `version ${version}`}, priced as standard support` : `${version}, ${support} support`;
            return priced(support === "extended" ? "eksExtendedPerClusterHour" : "eksStandardPerClusterHour", 1, () => `EKS control plane, ${which}`);
        }
        case "aws:kms/key:Key":
            return priced("kmsKeyPerMonth", 1, () => "KMS customer managed key");
        default:
            return undefined;
    }
}

/** `resourceCost` at us-east-1's prices in USD, as earlier releases returned it. */
export function resourceMonthlyCost(type: string, inputs: Record<string, unknown>, on: Date): ResourceCost | undefined {
    const cost = resourceCost(type, inputs, on);
    return cost === undefined ? undefined : { monthlyUsd: cost.monthly, basis: cost.basis };
}
