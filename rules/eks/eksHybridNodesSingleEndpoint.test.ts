import * as assert from "assert";
import { awsCluster, eksCluster } from "../ruleTestResources";
import { eksHybridNodesSingleEndpoint } from "./eksHybridNodesSingleEndpoint";

const check = eksHybridNodesSingleEndpoint.check;
const hybrid = { remoteNetworkConfig: { remoteNodeNetworks: { cidrs: ["172.16.0.0/16"] } } };

describe("eks-hybrid-nodes-single-endpoint", () => {
    it("passes hybrid nodes with one endpoint, and both endpoints without hybrid nodes", () => {
        assert.deepStrictEqual(check(awsCluster({}, hybrid), {}), []);
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: true, endpointPrivateAccess: false }, hybrid), {}), []);
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: true }), {}), []);
        assert.deepStrictEqual(check(eksCluster({ endpointPublicAccess: true }), {}), []);
    });

    it("reports hybrid nodes with both endpoints on", () => {
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: true }, hybrid), {}), [
            "remoteNetworkConfig is set (hybrid nodes) and both endpointPublicAccess and endpointPrivateAccess are on: hybrid " +
                "nodes run outside the VPC and resolve the endpoint to its public IPs. AWS recommends either public or private " +
                "access for clusters with hybrid nodes.",
        ]);
    });
});
