import * as assert from "assert";
import { awsCluster, componentChildCluster, eksCluster } from "../ruleTestResources";
import { RuleNotApplicable } from "../types";
import { eksPublicEndpointDisabled } from "./eksPublicEndpointDisabled";

const check = eksPublicEndpointDisabled.check;
const tail =
    ": the Kubernetes API server answers on a public endpoint reachable from the internet (requests are still checked by " +
    "IAM and RBAC). Set endpointPublicAccess: false with endpointPrivateAccess: true to keep the API server inside the VPC " +
    "and connected networks.";

describe("eks-public-endpoint-disabled", () => {
    it("passes a cluster with the public endpoint off, of either type", () => {
        assert.deepStrictEqual(check(awsCluster(), {}), []);
        assert.deepStrictEqual(check(eksCluster(), {}), []);
    });

    it("reports a public endpoint, reading an unset endpointPublicAccess as EKS does (on)", () => {
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: true }), {}), [`endpointPublicAccess is true${tail}`]);
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: undefined }), {}), [
            `endpointPublicAccess is unset, which EKS treats as true${tail}`,
        ]);
        assert.deepStrictEqual(check(eksCluster({ endpointPublicAccess: undefined }), {}), [
            `endpointPublicAccess is unset, which EKS treats as true${tail}`,
        ]);
    });

    it("leaves the cluster @pulumi/eks creates to its component", () => {
        assert.throws(() => check(componentChildCluster({ endpointPublicAccess: true }), {}), RuleNotApplicable);
    });
});
