// Prices as AWS's pages state them (aws/prices.ts cites each), and the monthly arithmetic on them.
import * as assert from "assert";
import { eksClusterMonthlyUsd, eksSupport, interfaceEndpointMonthlyUsd, resolverEndpointMonthlyUsd, resourceMonthlyCost, sumUsd } from "./prices";

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
});
