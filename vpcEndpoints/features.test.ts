import * as assert from "assert";
import { EndpointFeature, FEATURE_TABLE_END, FEATURE_TABLE_START, featureDescriptions, featureEndpoints, featureTable, featureTableMarkdown, withFeatureTable } from "./features";
import { endpointCatalog } from "./catalog";

describe("endpoint features (one table)", () => {
    it("every enum value has a row and every row an enum value; every service is catalogued", () => {
        assert.deepStrictEqual(Object.keys(featureTable).sort(), Object.values(EndpointFeature).sort());
        for (const [id, row] of Object.entries(featureTable)) for (const s of row.services) assert.ok(endpointCatalog[s], `${id}: ${s}`);
    });

    it("the planner's map and the schema's descriptions come from the table", () => {
        assert.deepStrictEqual(featureEndpoints.irsa, {
            services: ["sts"],
            why: "pods call AssumeRoleWithWebIdentity on the regional STS endpoint (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html)",
        });
        assert.strictEqual(featureDescriptions().podIdentity, "EKS Pod Identity (the Pod Identity agent).");
        assert.strictEqual(Object.keys(featureDescriptions()).length, 14);
    });

    it("the README table: header, one row per feature in table order, between the markers", () => {
        const lines = featureTableMarkdown().split("\n");
        assert.deepStrictEqual(lines.slice(0, 3), [FEATURE_TABLE_START, "| feature | endpoints | why |", "|---|---|---|"]);
        assert.strictEqual(lines[4], "| `clusterAutoscaler` | autoscaling, ec2, sts | resizes Auto Scaling groups and reads launch templates; the guide requires the autoscaling and STS endpoints (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, Considerations) |");
        assert.strictEqual(lines.length, 14 + 4);
        assert.strictEqual(lines[lines.length - 1], FEATURE_TABLE_END);
    });

    it("replaces the table between the markers, and refuses a README without them", () => {
        const readme = `intro\n${FEATURE_TABLE_START}\nold\n${FEATURE_TABLE_END}\nrest`;
        assert.strictEqual(withFeatureTable(readme), `intro\n${featureTableMarkdown()}\nrest`);
        assert.throws(() => withFeatureTable("no markers"), { message: `README.md has no ${FEATURE_TABLE_START} ... ${FEATURE_TABLE_END} section` });
    });
});
