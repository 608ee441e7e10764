import * as assert from "assert";
import { awsCluster, eksCluster } from "../ruleTestResources";
import { eksEndpointAccessValid } from "./eksEndpointAccessValid";

const check = eksEndpointAccessValid.check;
const tail = ": no endpoint would serve the Kubernetes API, and EKS rejects this combination. Turn on endpointPrivateAccess.";

describe("eks-endpoint-access-valid", () => {
    it("passes any of EKS's three combinations", () => {
        assert.deepStrictEqual(check(awsCluster(), {}), []);
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: true, endpointPrivateAccess: true }), {}), []);
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: true, endpointPrivateAccess: false }), {}), []);
        assert.deepStrictEqual(check(awsCluster({ endpointPublicAccess: undefined, endpointPrivateAccess: undefined }), {}), []);
    });

    it("reports both endpoints off, reading an unset endpointPrivateAccess as false", () => {
        assert.deepStrictEqual(check(awsCluster({ endpointPrivateAccess: undefined }), {}), [
            `endpointPublicAccess is false and endpointPrivateAccess is unset, which EKS treats as false${tail}`,
        ]);
        assert.deepStrictEqual(check(eksCluster({ endpointPrivateAccess: false }), {}), [
            `endpointPublicAccess is false and endpointPrivateAccess is false${tail}`,
        ]);
    });
});
