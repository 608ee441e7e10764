import * as assert from "assert";
import { awsCluster, eksCluster } from "../ruleTestResources";
import { configWithDefaults } from "../types";
import { eksControlPlaneLogging } from "./eksControlPlaneLogging";

const check = eksControlPlaneLogging.check;
const defaults = configWithDefaults(eksControlPlaneLogging, {});
const setAll = 'Set enabledClusterLogTypes: ["api","audit","authenticator","controllerManager","scheduler"].';

describe("eks-control-plane-logging", () => {
    it("passes all five log types, and fewer when requiredLogTypes asks for fewer", () => {
        assert.deepStrictEqual(check(awsCluster(), defaults), []);
        assert.deepStrictEqual(check(eksCluster({ enabledClusterLogTypes: ["api"] }), { requiredLogTypes: ["api"] }), []);
    });

    it("reports the missing types, and an unset list as no logs at all", () => {
        assert.deepStrictEqual(check(awsCluster({}, { enabledClusterLogTypes: ["api", "audit"] }), defaults), [
            `enabledClusterLogTypes ["api","audit"] lacks authenticator, controllerManager and scheduler. ${setAll}`,
        ]);
        assert.deepStrictEqual(check(eksCluster({ enabledClusterLogTypes: undefined }), { requiredLogTypes: ["audit"] }), [
            'enabledClusterLogTypes is unset, so EKS sends no control-plane logs; missing audit. Set enabledClusterLogTypes: ["audit"].',
        ]);
    });
});
