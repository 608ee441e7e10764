import * as assert from "assert";
import { awsCluster, eksCluster } from "../ruleTestResources";
import { eksPublicEndpointNotOpen } from "./eksPublicEndpointNotOpen";

const check = eksPublicEndpointNotOpen.check;
const open = (text: string, blocks: string) =>
    `The public API server endpoint is open to the whole internet: ${text} ${blocks}. List only the networks that need ` +
    `the API server, or turn the public endpoint off.`;
const ipv6 = { kubernetesNetworkConfig: { ipFamily: "ipv6" } };

describe("eks-public-endpoint-not-open", () => {
    it("passes a private endpoint, and a public one restricted to listed networks", () => {
        assert.deepStrictEqual(check(awsCluster(), { allowedCidrs: [] }), []);
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }), {}), []);
        assert.deepStrictEqual(
            check(eksCluster({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/25"] }), { allowedCidrs: ["203.0.113.0/24"] }),
            [],
        );
    });

    it("reads a missing or empty list as EKS's default, the whole internet (both families on IPv6)", () => {
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: true }), {}), [open("publicAccessCidrs is unset, which EKS treats as", "0.0.0.0/0")]);
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: true, publicAccessCidrs: [] }), {}), [
            open("publicAccessCidrs is empty, which EKS treats as", "0.0.0.0/0"),
        ]);
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: true }, ipv6), {}), [
            open("publicAccessCidrs is unset, which EKS treats as", "0.0.0.0/0 and ::/0"),
        ]);
    });

    it("judges the blocks numerically: two halves cover the internet", () => {
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/1", "128.0.0.0/1"] }), {}), [
            open('publicAccessCidrs ["0.0.0.0/1","128.0.0.0/1"] covers all of', "0.0.0.0/0"),
        ]);
    });

    it("with allowedCidrs, reports the public CIDRs outside them", () => {
        const cluster = eksCluster({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/25", "198.51.100.7/32"] });
        assert.deepStrictEqual(check(cluster, { allowedCidrs: ["203.0.113.0/24", "not a cidr"] }), [
            "publicAccessCidrs admits 198.51.100.7/32, outside the CIDRs this policy allows (203.0.113.0/24). Narrow " +
                "publicAccessCidrs to the allowed networks.",
        ]);
    });
});
