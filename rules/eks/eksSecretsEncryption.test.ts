import * as assert from "assert";
import { awsCluster, eksCluster } from "../ruleTestResources";
import { eksSecretsEncryption } from "./eksSecretsEncryption";

const check = eksSecretsEncryption.check;
const set = 'Set encryptionConfig: { provider: { keyArn }, resources: ["secrets"] }.';

describe("eks-secrets-encryption", () => {
    it("passes secrets encrypted with a KMS key, on either cluster type", () => {
        assert.deepStrictEqual(check(awsCluster(), {}), []);
        assert.deepStrictEqual(check(eksCluster(), {}), []);
    });

    it("reports a missing encryption config, and one without the secrets resource or a key", () => {
        assert.deepStrictEqual(check(awsCluster({}, { encryptionConfig: undefined }), {}), [
            `encryptionConfig is unset: Kubernetes secrets are not envelope-encrypted with a KMS key you control. ${set}`,
        ]);
        assert.deepStrictEqual(check(awsCluster({}, { encryptionConfig: { provider: {}, resources: [] } }), {}), [
            `encryptionConfig does not encrypt secrets: resources [] does not include "secrets" and provider.keyArn is unset. ${set}`,
        ]);
        assert.deepStrictEqual(check(eksCluster({ encryptionConfigKeyArn: "" }), {}), [
            "encryptionConfigKeyArn is unset: Kubernetes secrets are not envelope-encrypted with a KMS key you control. Set encryptionConfigKeyArn.",
        ]);
    });
});
