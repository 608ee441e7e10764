import * as assert from "assert";
import { checkEndpointAzs, costPerAzUsd, endpointAzWarning, limitAzs } from "./azs";

const a = { subnetId: "subnet-0a00000000000000a", availabilityZone: "us-east-1a" };
const b = { subnetId: "subnet-0b00000000000000b", availabilityZone: "us-east-1b" };
const c = { subnetId: "subnet-0c00000000000000c", availabilityZone: "us-east-1c" };

describe("endpointAzs", () => {
    it("keeps the first N AZs by name whatever the order, all without N", () => {
        assert.deepStrictEqual(limitAzs([c, a, b], 2), [a, b]);
        assert.deepStrictEqual(limitAzs([b, c, a], 2), [a, b]);
        assert.deepStrictEqual(limitAzs([c, a, b], undefined), [a, b, c]);
        assert.deepStrictEqual(limitAzs([c, a], 5), [a, c]);
    });

    it("accepts whole numbers from 1, and says what else to do", () => {
        assert.strictEqual(checkEndpointAzs(undefined), undefined);
        assert.strictEqual(checkEndpointAzs(2), 2);
        for (const bad of [0, 1.5, "2", -1]) {
            assert.throws(() => checkEndpointAzs(bad, "endpoints.endpointAzs"), {
                message: `endpoints.endpointAzs: expected a whole number of AZs, 1 or more (leave it out for every AZ of the subnets), got ${JSON.stringify(bad)}`,
            });
        }
    });

    it("warns with the saving and the AZ-loss risk when node AZs are left out, and not otherwise", () => {
        // 4 interface endpoints x 1 AZ left out x $7.30 = $29.20 (the default set: $87.60 in 3 AZs, $58.40 in 2).
        assert.strictEqual(
            endpointAzWarning({ nodeAzs: ["us-east-1a", "us-east-1b", "us-east-1c"], endpointAzs: ["us-east-1a", "us-east-1b"], interfaceCount: 4 }),
            "endpointAzs 2: the 4 interface endpoints are in us-east-1a, us-east-1b only, not in us-east-1c: $29.20 a month less. " +
                "Nodes in us-east-1c reach them across AZs (cross-AZ data is billed), and if those AZs fail no node can pull images or get " +
                "credentials. For non-production stacks; leave endpointAzs out in production.",
        );
        assert.strictEqual(
            endpointAzWarning({ nodeAzs: ["us-east-1a", "us-east-1b"], endpointAzs: ["us-east-1a"], interfaceCount: 1, usdPerAzHour: 0.02 }),
            "endpointAzs 1: the 1 interface endpoint is in us-east-1a only, not in us-east-1b: $14.60 a month less. " +
                "Nodes in us-east-1b reach it across AZs (cross-AZ data is billed), and if that AZ fails no node can pull images or get " +
                "credentials. For non-production stacks; leave endpointAzs out in production.",
        );
        assert.strictEqual(endpointAzWarning({ nodeAzs: ["us-east-1a", "us-east-1b"], endpointAzs: ["us-east-1a", "us-east-1b"], interfaceCount: 4 }), undefined);
        assert.strictEqual(endpointAzWarning({ nodeAzs: ["us-east-1a", "us-east-1b"], endpointAzs: ["us-east-1a"], interfaceCount: 0 }), undefined);
    });

    it("costs each AZ by the interface endpoints in it", () => {
        assert.deepStrictEqual(costPerAzUsd([["us-east-1b", "us-east-1a"], ["us-east-1a"], ["us-east-1a", "us-east-1b"]]), { "us-east-1a": 21.9, "us-east-1b": 14.6 });
        assert.deepStrictEqual(costPerAzUsd([]), {});
        assert.deepStrictEqual(costPerAzUsd([["us-east-1a"]], 0.013), { "us-east-1a": 9.49 });
    });
});
