import * as assert from "assert";
import { awsCluster, eksCluster } from "../ruleTestResources";
import { eksPublicAccessCidrsValid } from "./eksPublicAccessCidrsValid";

const check = eksPublicAccessCidrsValid.check;
const cidrs = { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24", "2001:db8::/32"] };

describe("eks-public-access-cidrs-valid", () => {
    it("passes IPv6 blocks on an IPv6 cluster, and ignores the list while the public endpoint is off", () => {
        assert.deepStrictEqual(check(awsCluster(cidrs, { kubernetesNetworkConfig: { ipFamily: "ipv6" } }), {}), []);
        assert.deepStrictEqual(check(awsCluster({ ...cidrs, endpointPublicAccess: false }), {}), []);
        assert.deepStrictEqual(check(eksCluster({ endpointPublicAccess: true }), {}), []);
    });

    it("reports IPv6 blocks on an IPv4 cluster in EKS's words", () => {
        assert.deepStrictEqual(check(awsCluster(cidrs), {}), [
            "The following CIDRs are invalid in publicAccessCidrs: 2001:db8::/32. 2001:db8::/32: an IPv4 cluster's public " +
                "endpoint accepts IPv4 CIDRs only.",
        ]);
        assert.deepStrictEqual(
            check(eksCluster({ endpointPublicAccess: true, publicAccessCidrs: ["::/0"] }), {}).map((m) => m.split(".")[0]),
            ["The following CIDRs are invalid in publicAccessCidrs: ::/0"],
        );
    });
});
