import * as assert from "assert";
import * as fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { blueprintsSet, eksctlSet } from "./presets";
import { costRows, costTableMarkdown, setMonthlyUsd, withCostTable } from "./costTable";
import { EndpointFeature, monthlyCostUsd, planEndpoints } from "./services";

const readme = path.join(__dirname, "..", "README.md");

describe("endpoint cost table", () => {
    it("ours, the eks-guide preset, eksctl's and Blueprints' sets in 2 and 3 AZs", () => {
        assert.deepStrictEqual(
            costRows().map((r) => [r.name, r.interfaces.length, r.usd2, r.usd3]),
            [
                ["ours, default (`minimal`)", 4, 58.4, 87.6],
                ['ours, `preset: "eks-guide"`', 7, 102.2, 153.3],
                ["eksctl, `privateCluster.enabled`", 4, 58.4, 87.6],
                ["EKS Blueprints, fully-private-cluster", 11, 160.6, 240.9],
            ],
        );
        // eksctl's RequiredEndpointServices less the S3 gateway; Blueprints' fully-private-cluster list.
        assert.deepStrictEqual([...eksctlSet.interfaces].sort(), ["ec2", "ecr.api", "ecr.dkr", "sts"]);
        assert.strictEqual(blueprintsSet.interfaces.length, 11);
    });

    it("property: the default with any features never costs more than eksctl with the same services in the same AZs", () => {
        fc.assert(
            fc.property(fc.uniqueArray(fc.constantFrom(...Object.values(EndpointFeature))), fc.integer({ min: 1, max: 6 }), (features, azCount) => {
                const plan = planEndpoints({ features });
                const ours = monthlyCostUsd(plan.create.map((e) => ({ type: e.type, azCount })));
                // eksctl: its four interface endpoints plus each other interface service as an additional endpoint service.
                const extra = plan.create.filter((e) => e.type === "Interface" && !eksctlSet.interfaces.includes(e.service)).length;
                const eksctl = setMonthlyUsd(eksctlSet.interfaces.length + extra, azCount);
                assert.ok(ours <= eksctl, `${features.join(",")} in ${azCount} AZs: ours ${ours} > eksctl ${eksctl}`);
            }),
        );
        assert.strictEqual(monthlyCostUsd(planEndpoints({}).create.map((e) => ({ type: e.type, azCount: 3 }))), setMonthlyUsd(eksctlSet.interfaces.length, 3));
    });

    it("README.md holds the current table (regenerate with `npm run cost-table`)", () => {
        const text = fs.readFileSync(readme, "utf8");
        assert.ok(text.includes(costTableMarkdown()), "README.md's endpoint cost table is stale: run `npm run cost-table` and commit it");
        assert.strictEqual(withCostTable(text), text);
    });

    it("refuses a README without the markers", () => {
        assert.throws(() => withCostTable("# no table"), {
            message: "README.md has no <!-- endpoint-cost-table:start (npm run cost-table) --> ... <!-- endpoint-cost-table:end --> section",
        });
    });
});
