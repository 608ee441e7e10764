// Prices as AWS's pages state them (aws/prices.ts cites each), and the monthly arithmetic on them.
import * as assert from "assert";
import {
    eksClusterMonthlyUsd,
    eksSupport,
    formatMoney,
    interfaceEndpointMonthlyUsd,
    ListedPrices,
    PriceKey,
    pricesFor,
    resolverEndpointMonthlyUsd,
    resourceCost,
    resourceMonthlyCost,
    sumUsd,
} from "./prices";

const DEC_2026 = new Date("2026-12-07T00:00:00Z");

describe("prices", () => {
    it("a month is 730 hours: an interface endpoint in 3 AZs is $21.90, a two-IP Resolver endpoint $182.50", () => {
        // PrivateLink: $0.01 per AZ-hour; Route 53 Resolver: $0.125 per IP-hour (AWS's Knowledge Center: "about USD 182.50" for two IPs).
        assert.strictEqual(interfaceEndpointMonthlyUsd(3), 21.9);
        assert.strictEqual(interfaceEndpointMonthlyUsd(2, 0.013), 18.98);
        assert.strictEqual(resolverEndpointMonthlyUsd(2), 182.5);
        assert.strictEqual(sumUsd([0.1, 0.2, 21.9]), 22.2);
    });

    it("EKS: $73 a month in standard support, $438 once the version is past its end of standard support", () => {
        // Kubernetes version calendar: 1.34 standard support ends 2 December 2026, 1.35 on 27 March 2027.
        assert.deepStrictEqual(eksClusterMonthlyUsd("1.35", DEC_2026), { usd: 73, support: "standard" });
        assert.deepStrictEqual(eksClusterMonthlyUsd("1.34", DEC_2026), { usd: 438, support: "extended" });
        assert.deepStrictEqual(eksClusterMonthlyUsd("1.34", new Date("2026-12-02T12:00:00Z")), { usd: 73, support: "standard" });
        assert.strictEqual(eksSupport(undefined, DEC_2026), "unknown");
        assert.deepStrictEqual(eksClusterMonthlyUsd("1.99", DEC_2026), { usd: 73, support: "unknown" });
    });

    it("prices each billed resource from its inputs, and leaves unbilled ones out", () => {
        const cost = (type: string, inputs: Record<string, unknown>) => resourceMonthlyCost(type, inputs, DEC_2026);
        assert.deepStrictEqual(cost("aws:ec2/vpcEndpoint:VpcEndpoint", { vpcEndpointType: "Interface", subnetIds: ["a", "b"] }), {
            monthlyUsd: 14.6,
            basis: "interface endpoint, 2 AZs x $0.01/h",
        });
        assert.deepStrictEqual(cost("aws:ec2/vpcEndpoint:VpcEndpoint", { serviceName: "com.amazonaws.us-east-1.s3" }), { monthlyUsd: 0, basis: "Gateway endpoint, free" });
        assert.deepStrictEqual(cost("aws:ec2/vpcEndpoint:VpcEndpoint", { vpcEndpointType: "Interface" }), { monthlyUsd: 0, basis: "interface endpoint, subnets known after apply" });
        assert.deepStrictEqual(cost("aws:route53/resolverEndpoint:ResolverEndpoint", { ipAddresses: [{}, {}, {}] }), {
            monthlyUsd: 273.75,
            basis: "Resolver endpoint, 3 IPs x $0.125/h",
        });
        assert.deepStrictEqual(cost("aws:eks/cluster:Cluster", { version: "1.33" }), { monthlyUsd: 438, basis: "EKS control plane, 1.33, extended support" });
        assert.deepStrictEqual(cost("eks:index:Cluster", {}), { monthlyUsd: 73, basis: "EKS control plane, default version, priced as standard support" });
        assert.deepStrictEqual(cost("aws:kms/key:Key", {}), { monthlyUsd: 1, basis: "KMS customer managed key" });
        assert.strictEqual(cost("aws:ec2/securityGroup:SecurityGroup", {}), undefined);
    });

    describe("by Region", () => {
        const allPrices: PriceKey[] = ["interfaceEndpointPerAzHour", "resolverPerIpHour", "eksStandardPerClusterHour", "eksExtendedPerClusterHour", "kmsKeyPerMonth"];
        const usEast1 = (amount: number) => ({ amount, currency: "USD", region: "us-east-1" });

        it("us-east-1: its own list prices in USD, nothing falls back", () => {
            // PrivateLink $0.01 per AZ-hour, Resolver $0.125 per ENI-hour, EKS $0.10 / $0.60 per cluster-hour, KMS $1 a key-month.
            assert.deepStrictEqual(pricesFor("us-east-1"), {
                region: "us-east-1",
                currency: "USD",
                prices: {
                    interfaceEndpointPerAzHour: usEast1(0.01),
                    resolverPerIpHour: usEast1(0.125),
                    eksStandardPerClusterHour: usEast1(0.1),
                    eksExtendedPerClusterHour: usEast1(0.6),
                    kmsKeyPerMonth: usEast1(1),
                },
                fallbacks: [],
                checked: "2026-12",
            });
        });

        it("a Region with no prices recorded (eu-west-1, GovCloud) bills in USD and uses us-east-1's, each named as a fallback", () => {
            for (const region of ["eu-west-1", "us-gov-west-1"]) {
                const regional = pricesFor(region);
                assert.deepStrictEqual([regional.currency, regional.fallbacks, regional.prices.interfaceEndpointPerAzHour], ["USD", allPrices, usEast1(0.01)], region);
            }
        });

        it("the China Regions bill in CNY; with no CNY price recorded, us-east-1's USD price is used and marked, not converted", () => {
            // docs.amazonaws.cn, Billing and Payment: "priced and billed in local currency (CNY)".
            for (const region of ["cn-north-1", "cn-northwest-1"]) {
                const regional = pricesFor(region);
                assert.deepStrictEqual([regional.currency, regional.fallbacks], ["CNY", allPrices], region);
                assert.deepStrictEqual(resourceCost("aws:ec2/vpcEndpoint:VpcEndpoint", { vpcEndpointType: "Interface", subnetIds: ["a", "b", "c"] }, DEC_2026, regional), {
                    monthly: 21.9,
                    currency: "USD",
                    basis: "interface endpoint, 3 AZs x $0.01/h",
                    price: "interfaceEndpointPerAzHour",
                    fallback: true,
                });
            }
        });

        it("a Region's own row is used where it has a price, in its currency, and us-east-1's elsewhere", () => {
            // A test table, not AWS's figures: cn-north-1 with a KMS key and a Resolver price only.
            const table: Record<string, ListedPrices> = { "cn-north-1": { currency: "CNY", checked: "test table", prices: { kmsKeyPerMonth: 2, resolverPerIpHour: 0.5 } } };
            const regional = pricesFor("cn-north-1", table);
            assert.deepStrictEqual(regional.fallbacks, ["interfaceEndpointPerAzHour", "eksStandardPerClusterHour", "eksExtendedPerClusterHour"]);
            assert.strictEqual(regional.checked, "test table");
            assert.deepStrictEqual(resourceCost("aws:kms/key:Key", {}, DEC_2026, regional), {
                monthly: 2,
                currency: "CNY",
                basis: "KMS customer managed key",
                price: "kmsKeyPerMonth",
                fallback: false,
            });
            // 2 IPs x 0.5 x 730 hours = 730.
            assert.deepStrictEqual(resourceCost("aws:route53/resolverEndpoint:ResolverEndpoint", { ipAddresses: [{}, {}] }, DEC_2026, regional), {
                monthly: 730,
                currency: "CNY",
                basis: "Resolver endpoint, 2 IPs x ¥0.5/h",
                price: "resolverPerIpHour",
                fallback: false,
            });
            assert.deepStrictEqual(resourceCost("aws:eks/cluster:Cluster", { version: "1.34" }, DEC_2026, regional), {
                monthly: 438,
                currency: "USD",
                basis: "EKS control plane, 1.34, extended support",
                price: "eksExtendedPerClusterHour",
                fallback: true,
            });
        });

        it("amounts carry their currency's sign", () => {
            assert.deepStrictEqual([formatMoney(21.9, "USD"), formatMoney(7, "CNY"), formatMoney(0.125, "USD", true)], ["$21.90", "¥7.00", "$0.125"]);
        });
    });
});
