import * as assert from "assert";
import { awsCluster } from "../ruleTestResources";
import { eksRestrictedPublicEndpointPrivateAccess } from "./eksRestrictedPublicEndpointPrivateAccess";

const check = eksRestrictedPublicEndpointPrivateAccess.check;
const restricted = { endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ["203.0.113.0/24"] };

describe("eks-restricted-public-endpoint-private-access", () => {
    it("passes a restricted public endpoint with private access on, and an unrestricted one", () => {
        assert.deepStrictEqual(check(awsCluster({ ...restricted, endpointPrivateAccess: true }), {}), []);
        assert.deepStrictEqual(check(awsCluster({ ...restricted, publicAccessCidrs: ["0.0.0.0/0"] }), {}), []);
        assert.deepStrictEqual(check(awsCluster({ ...restricted, publicAccessCidrs: undefined }), {}), []);
    });

    it("reports a restricted public endpoint with private access off or unset", () => {
        const message = (privateText: string) =>
            `publicAccessCidrs ["203.0.113.0/24"] restricts the public endpoint while ${privateText}: nodes and Fargate pods ` +
            "reach the API server through the public endpoint, so unless their NAT or public addresses are inside these " +
            "CIDRs they cannot join the cluster. Set endpointPrivateAccess: true.";
        assert.deepStrictEqual(check(awsCluster(restricted), {}), [message("endpointPrivateAccess is false")]);
        assert.deepStrictEqual(check(awsCluster({ ...restricted, endpointPrivateAccess: undefined }), {}), [
            message("endpointPrivateAccess is unset, which EKS treats as false"),
        ]);
    });
});
