import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { HybridDnsAccessPlanArgs, hybridDnsAccessAdvice, hybridDnsAccessNames, planHybridDnsAccess } from "./accessPlan";

const VPC = "vpc-0a1b2c3d4e5f60718";
const HUB = "vpc-0b1c2d3e4f5a60718";
const base: HybridDnsAccessPlanArgs = {
    clusterVpcId: VPC,
    clusterVpcCidrs: ["10.0.0.0/16"],
    inboundSubnetIds: ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9"],
    connectedNetworks: ["10.1.0.0/16"],
    outboundVpcId: HUB,
    outboundSubnetIds: ["subnet-0a9b8c7d6e5f40312", "subnet-0b8c7d6e5f4031201"],
};
// PrivateCluster's names for the same arguments.
const composite = { ...hybridDnsAccessNames(base), outboundVpcId: "hybridDns.outboundVpcId", outboundSubnetIds: "hybridDns.outboundSubnetIds", vpcIds: "hybridDns.vpcIds", shareWith: "hybridDns.shareWith" };

describe("planHybridDnsAccess", () => {
    it("plans both endpoints, the rule on the outbound VPC and the 443 sources; 4 IPs x $91.25", () => {
        const plan = planHybridDnsAccess("hy", base);
        assert.deepStrictEqual(plan.inbound.peers.map((p) => p.key), ["10-1-0-0-16"]);
        assert.deepStrictEqual(plan.outbound?.endpoint.peers.map((p) => p.key), ["10-0-0-0-16"]);
        assert.deepStrictEqual(plan.outbound?.forwarding, { ruleName: "hy-forwarding", shareName: undefined, vpcs: [{ key: HUB, vpcId: HUB }], principals: [] });
        assert.deepStrictEqual(plan.apiSources.map((p) => p.key), ["10-1-0-0-16"]);
        assert.strictEqual(plan.monthlyCostUsd, 365);
    });

    it("names the caller's arguments: the rule's checks under a composite's paths", () => {
        assert.throws(() => planHybridDnsAccess("dns", { ...base, shareWith: ["123456789012", "123456789012"] }, composite), {
            message: "hybridDns.shareWith[1]: 123456789012 is listed twice; list each principal once",
        });
        assert.throws(() => planHybridDnsAccess("dns", { ...base, outboundSubnetIds: undefined }, composite), {
            message:
                "hybridDns.outboundSubnetIds: the outbound endpoint needs both hybridDns.outboundVpcId and hybridDns.outboundSubnetIds; give both, or neither for on-premises forwarding only",
        });
        assert.throws(() => planHybridDnsAccess("dns", { ...base, vpcIds: [VPC] }, composite), (e: Error) => e.message.startsWith(`hybridDns.vpcIds[0]: ${VPC} is the cluster VPC`));
    });

    it("leaves the cost unknown while a subnet list is only known at deployment", () => {
        const plan = planHybridDnsAccess("hy", { ...base, outboundSubnetIds: undefined, outboundVpcId: undefined, inboundSubnetIds: Promise.resolve(["subnet-0d1e2f3a4b5c6d7e8"]) });
        assert.strictEqual(plan.monthlyCostUsd, undefined);
        assert.strictEqual(plan.outbound, undefined);
    });
});

// When forwarding is needed (EKS User Guide, cluster-endpoint.html, access table; the Compute Blog's December 2019
// update): both endpoints on need it; a private-only cluster's name already resolves to private IPs in public DNS.
describe("hybridDnsAccessAdvice", () => {
    const cost = "Resolver forwarding costs $91.25 a month per IP, at least two per endpoint,";
    const publicAnswer =
        "public DNS answers a private-only cluster's endpoint name with its private IPs (since December 2019), so connected networks whose DNS reaches public DNS resolve it without forwarding";

    it("says nothing without endpointAccess, or when forwarding is needed", () => {
        assert.deepStrictEqual(hybridDnsAccessAdvice({}), []);
        assert.deepStrictEqual(hybridDnsAccessAdvice({ endpointAccess: "public-and-private" }), []);
        assert.deepStrictEqual(hybridDnsAccessAdvice({ endpointAccess: "private", connectedDns: "no-internet" }), []);
        assert.deepStrictEqual(hybridDnsAccessAdvice({ endpointAccess: "private", connectedDns: "rebinding-protection" }), []);
    });

    it("warns for a private-only cluster with no reason stated, and says to drop it when the networks reach public DNS", () => {
        assert.deepStrictEqual(hybridDnsAccessAdvice({ endpointAccess: "private" }), [
            `HybridDnsAccess: ${cost} and may not be needed: ${publicAnswer}. Keep it and set connectedDns to "no-internet" or "rebinding-protection" if that is why, otherwise drop HybridDnsAccess`,
        ]);
        assert.deepStrictEqual(hybridDnsAccessAdvice({ endpointAccess: "private", connectedDns: "public-dns" }), [
            `HybridDnsAccess: ${cost} and is not needed: ${publicAnswer}. Drop HybridDnsAccess`,
        ]);
    });

    it("refuses a public-only cluster, unknown values and Outputs, naming the argument", () => {
        assert.throws(() => hybridDnsAccessAdvice({ endpointAccess: "public" }), {
            message:
                'endpointAccess: "public": the cluster has no private endpoint: connected networks reach the public endpoint, which public DNS answers; turn private access on, or drop HybridDnsAccess',
        });
        assert.throws(() => hybridDnsAccessAdvice({ endpointAccess: "both" as never }), {
            message: 'endpointAccess: "both" is not one of "public", "public-and-private", "private"',
        });
        assert.throws(() => hybridDnsAccessAdvice({ endpointAccess: "private", connectedDns: "none" as never }), {
            message: 'connectedDns: "none" is not one of "public-dns", "no-internet", "rebinding-protection"',
        });
        assert.throws(() => hybridDnsAccessAdvice({ endpointAccess: pulumi.output("private") as never }), {
            message: 'endpointAccess: is only known at deployment (an Output), but it decides whether forwarding is needed: pass "public-and-private" or "private"',
        });
    });
});

