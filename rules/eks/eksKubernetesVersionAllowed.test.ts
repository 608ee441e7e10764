import * as assert from "assert";
import { awsCluster, eksCluster } from "../ruleTestResources";
import { RuleNotApplicable } from "../types";
import { eksKubernetesVersionAllowed } from "./eksKubernetesVersionAllowed";

const check = eksKubernetesVersionAllowed.check;
const config = { allowedVersions: ["1.32", "1.33"] };

describe("eks-kubernetes-version-allowed", () => {
    it("is idle until allowedVersions is configured", () => {
        assert.throws(() => check(awsCluster({}, { version: "1.20" }), { allowedVersions: [] }), new RuleNotApplicable("no allowedVersions configured"));
    });

    it("passes an allowed minor version, with or without a patch", () => {
        assert.deepStrictEqual(check(awsCluster(), config), []);
        assert.deepStrictEqual(check(awsCluster({}, { version: "1.32.4" }), config), []);
    });

    it("reports another version, and an unset one", () => {
        assert.deepStrictEqual(check(awsCluster({}, { version: "1.29" }), config), ["Kubernetes version 1.29 is not allowed; use one of 1.32 and 1.33."]);
        assert.deepStrictEqual(check(eksCluster(), config), [
            "version is unset, so EKS picks its current default Kubernetes version; set one of 1.32 and 1.33.",
        ]);
    });
});
