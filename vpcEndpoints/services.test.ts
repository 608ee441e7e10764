import * as assert from "assert";
import * as fc from "fast-check";
import {
    EndpointFeature,
    EndpointType,
    defaultEndpointServices,
    endpointCatalog,
    endpointChildName,
    endpointMonthlyCostUsd,
    featureEndpoints,
    monthlyCostUsd,
    onePerAz,
    placeEndpoint,
    planEndpoints,
    requiredEndpointServices,
    validateServiceId,
} from "./services";
import { planPrivateClusterEndpoints } from "./plan";
import { checkEndpointPrivateAccess, regionalStsEndpoint } from "../aws/privateClusterChecklist";

const net = { vpcId: "vpc-0a1b2c3d4e5f60718", subnetIds: ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9"], routeTableIds: ["rtb-0a1b2c3d4e5f60718"] };
const endpointNames = (services: string[]) => planPrivateClusterEndpoints("net", { ...net, services }).children.map((c) => c.name);

const errorMessage = (fn: () => unknown): string => {
    try {
        fn();
    } catch (e) {
        return (e as Error).message;
    }
    throw new Error("expected an error");
};

describe("endpointServices", () => {
    it("the default set is what nodes need to join and pull images (eksctl's fully-private set), S3 as a free gateway", () => {
        const plan = planEndpoints({});
        // eksctl's RequiredEndpointServices: ec2, ecr.api, ecr.dkr, s3 (gateway), sts.
        assert.deepStrictEqual(
            plan.create.map((e) => [e.service, e.type, e.reasons]),
            [
                ["ec2", "Interface", ["default"]],
                ["ecr.api", "Interface", ["default"]],
                ["ecr.dkr", "Interface", ["default"]],
                ["s3", "Gateway", ["default"]],
                ["sts", "Interface", ["default"]],
            ],
        );
        assert.deepStrictEqual(plan.existing, []);
    });

    it("the eks-guide preset is the guide's whole table; minimal named is the default", () => {
        assert.deepStrictEqual(
            planEndpoints({ preset: "eks-guide" }).create.map((e) => [e.service, e.type, e.reasons]),
            [
                ["ec2", "Interface", ["preset eks-guide"]],
                ["ecr.api", "Interface", ["preset eks-guide"]],
                ["ecr.dkr", "Interface", ["preset eks-guide"]],
                ["elasticloadbalancing", "Interface", ["preset eks-guide"]],
                ["logs", "Interface", ["preset eks-guide"]],
                ["s3", "Gateway", ["preset eks-guide"]],
                ["sts", "Interface", ["preset eks-guide"]],
                ["xray", "Interface", ["preset eks-guide"]],
            ],
        );
        assert.deepStrictEqual(
            planEndpoints({ preset: "minimal" }).create.map((e) => e.service),
            planEndpoints({}).create.map((e) => e.service),
        );
    });

    it("features add only what they call to the lean default: containerInsights logs, loadBalancerController elasticloadbalancing", () => {
        assert.deepStrictEqual(
            planEndpoints({ features: ["containerInsights", "loadBalancerController"] }).create.map((e) => [e.service, e.reasons]),
            [
                ["ec2", ["default", "feature loadBalancerController"]],
                ["ecr.api", ["default"]],
                ["ecr.dkr", ["default"]],
                ["elasticloadbalancing", ["feature loadBalancerController"]],
                ["logs", ["feature containerInsights"]],
                ["s3", ["default"]],
                ["sts", ["default"]],
            ],
        );
    });

    it("the required set is the default set and every catalogued service has a reason", () => {
        assert.deepStrictEqual([...requiredEndpointServices], ["ec2", "ecr.api", "ecr.dkr", "s3", "sts"]);
        assert.deepStrictEqual([...defaultEndpointServices], [...requiredEndpointServices]);
        for (const f of Object.values(featureEndpoints)) for (const s of f.services) assert.ok(endpointCatalog[s], s);
    });

    it("features add exactly the endpoints they call", () => {
        const cases: [EndpointFeature, string[]][] = [
            ["clusterAutoscaler", ["autoscaling", "ec2", "sts"]],
            ["podIdentity", ["eks-auth"]],
            ["loadBalancerController", ["ec2", "elasticloadbalancing"]],
            ["secretsEncryption", ["kms"]],
            ["containerInsights", ["logs"]],
            ["sessionManager", ["ec2messages", "ssm", "ssmmessages"]],
            ["efsCsiDriver", ["elasticfilesystem"]],
            ["karpenter", ["ec2", "eks", "sqs", "ssm", "sts"]],
        ];
        for (const [feature, services] of cases) {
            assert.deepStrictEqual(
                planEndpoints({ services: [], features: [feature] }).create.map((e) => e.service),
                services,
                feature,
            );
        }
        const plan = planEndpoints({ features: ["clusterAutoscaler"] });
        assert.deepStrictEqual(plan.create.find((e) => e.service === "sts")!.reasons, ["default", "feature clusterAutoscaler"]);
        assert.deepStrictEqual(plan.create.find((e) => e.service === "autoscaling")!.reasons, ["feature clusterAutoscaler"]);
    });

    it("services replaces the default set; additionalServices and an interface S3 add to it", () => {
        const plan = planEndpoints({ services: ["sts", "s3"], additionalServices: ["kms"], s3EndpointType: "Interface" });
        assert.deepStrictEqual(
            plan.create.map((e) => [e.service, e.type, e.reasons]),
            [
                ["kms", "Interface", ["additionalServices"]],
                ["s3", "Interface", ["services"]],
                ["sts", "Interface", ["services"]],
            ],
        );
        assert.strictEqual(planEndpoints({ services: ["dynamodb"] }).create[0].type, EndpointType.Gateway);
    });

    it("existing endpoints are skipped, an existing S3 gateway included", () => {
        const plan = planEndpoints({ existingEndpoints: ["s3", "ecr.dkr"] });
        assert.deepStrictEqual(plan.existing, ["ecr.dkr", "s3"]);
        assert.deepStrictEqual(
            plan.create.map((e) => e.service),
            ["ec2", "ecr.api", "sts"],
        );
    });

    it("rejects bad selections with the argument and the fix", () => {
        const cases: [Parameters<typeof planEndpoints>[0], string][] = [
            [{ services: ["com.amazonaws.us-east-1.ecr.api"] }, 'services[0]: "com.amazonaws.us-east-1.ecr.api" is a full service name; give the short id "ecr.api": the full name is looked up for the region'],
            [{ additionalServices: ["ECR API"] }, 'additionalServices[0]: "ECR API" is not a service id (lower-case letters, digits, dots and dashes, like "ecr.api")'],
            [{ services: ["sts", "sts"] }, "services[1]: sts is listed twice; list each service once"],
            [{ services: [""] }, 'services[0]: expected a service id such as "ecr.api", got ""'],
            [{ features: ["autoscaler" as EndpointFeature] }, `features[0]: "autoscaler" is not a feature; use one of ${Object.values(EndpointFeature).join(", ")}`],
            [{ features: ["podIdentity", "podIdentity"] }, "features[1]: podIdentity is listed twice; list each feature once"],
            [{ services: ["sts"], existingEndpoints: ["s3"] }, "existingEndpoints[0]: s3 is not among the services this component would create (sts); remove it"],
            [{ s3EndpointType: "gateway" as "Gateway" }, 's3EndpointType: "gateway" is not one of "Gateway", "Interface"'],
            [{ preset: "guide" as "eks-guide" }, 'preset: "guide" is not one of "minimal", "eks-guide"'],
            [{ preset: "eks-guide", services: ["sts"] }, "preset: give preset or services, not both: services replaces the preset's set"],
        ];
        for (const [selection, message] of cases) assert.strictEqual(errorMessage(() => planEndpoints(selection)), message);
        assert.strictEqual(validateServiceId("guardduty-data", "x"), "guardduty-data");
    });

    it("rejects a selection that is not an object (another language may send any value)", () => {
        const shape =
            "selection: expected the endpoint selection (an object with preset, services, additionalServices, features, existingEndpoints or s3EndpointType; {} for the default set), got";
        const cases: [unknown, string][] = [
            [null, "null"],
            [undefined, "undefined"],
            ["minimal", 'string "minimal"'],
            [["sts"], "a list"],
        ];
        for (const [selection, got] of cases) {
            assert.throws(() => planEndpoints(selection as Parameters<typeof planEndpoints>[0]), { name: "InputError", message: `${shape} ${got}` });
        }
    });

    it("keeps one subnet per AZ, the lowest id, whatever the order", () => {
        const subnets = [
            { subnetId: "subnet-0f00000000000000b", availabilityZone: "us-east-1b" },
            { subnetId: "subnet-0b00000000000000a", availabilityZone: "us-east-1a" },
            { subnetId: "subnet-0a00000000000000a", availabilityZone: "us-east-1a" },
            { subnetId: "subnet-0a00000000000000a", availabilityZone: "us-east-1a" },
        ];
        const expected = [
            { subnetId: "subnet-0a00000000000000a", availabilityZone: "us-east-1a" },
            { subnetId: "subnet-0f00000000000000b", availabilityZone: "us-east-1b" },
        ];
        assert.deepStrictEqual(onePerAz(subnets), expected);
        assert.deepStrictEqual(onePerAz([...subnets].reverse()), expected);
    });

    it("places an endpoint only in AZs the service is offered in, and fails when there is none", () => {
        const chosen = [
            { subnetId: "subnet-0a00000000000000a", availabilityZone: "us-east-1a" },
            { subnetId: "subnet-0c00000000000000c", availabilityZone: "us-east-1c" },
        ];
        assert.deepStrictEqual(placeEndpoint("xray", ["us-east-1a", "us-east-1b"], chosen), {
            subnetIds: ["subnet-0a00000000000000a"],
            availabilityZones: ["us-east-1a"],
            missingAzs: ["us-east-1c"],
        });
        assert.strictEqual(
            errorMessage(() => placeEndpoint("xray", ["us-east-1d", "us-east-1b"], chosen)),
            "subnetIds: xray is not offered in any AZ of the given subnets (us-east-1a, us-east-1c); AWS offers it in us-east-1b, us-east-1d: " +
                "add a subnet in one of those AZs, or leave xray out",
        );
    });

    it("prices interface endpoints per AZ-hour at 730 hours and gateway endpoints at nothing", () => {
        assert.strictEqual(endpointMonthlyCostUsd("Interface", 1), 7.3);
        assert.strictEqual(endpointMonthlyCostUsd("Interface", 3), 21.9);
        assert.strictEqual(endpointMonthlyCostUsd("Gateway", 3), 0);
        assert.strictEqual(endpointMonthlyCostUsd("Interface", 2, 0.013), 18.98);
        // The default set in 3 AZs: 4 interface endpoints x 3 AZs x $7.30, S3 gateway free: eksctl's $87.60.
        assert.strictEqual(
            monthlyCostUsd(planEndpoints({}).create.map((e) => ({ type: e.type, azCount: 3 }))),
            87.6,
        );
        // The guide's table in 3 AZs: 7 interface endpoints, $153.30.
        assert.strictEqual(
            monthlyCostUsd(planEndpoints({ preset: "eks-guide" }).create.map((e) => ({ type: e.type, azCount: 3 }))),
            153.3,
        );
    });

    it("property: adding a service never changes another endpoint's type or cost", () => {
        const ids = Object.keys(endpointCatalog);
        fc.assert(
            fc.property(
                fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: ids.length }),
                fc.constantFrom(...ids),
                fc.integer({ min: 1, max: 6 }),
                (services, extra, azCount) => {
                    const before = planEndpoints({ services });
                    const after = planEndpoints({ services, additionalServices: [extra] });
                    for (const e of before.create) {
                        const same = after.create.find((x) => x.service === e.service)!;
                        assert.strictEqual(same.type, e.type);
                        assert.strictEqual(endpointMonthlyCostUsd(same.type, azCount), endpointMonthlyCostUsd(e.type, azCount));
                    }
                    const total = (p: typeof before) => monthlyCostUsd(p.create.map((e) => ({ type: e.type, azCount })));
                    const added = services.includes(extra) ? 0 : endpointMonthlyCostUsd(after.create.find((x) => x.service === extra)!.type, azCount);
                    assert.strictEqual(Math.round((total(after) - total(before)) * 100), Math.round(added * 100));
                },
            ),
        );
    });

    it("property: the child names (planPrivateClusterEndpoints) for a service set are a subset of those for the set plus one service, and do not depend on its order", () => {
        const ids = Object.keys(endpointCatalog);
        fc.assert(
            fc.property(
                fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: ids.length }).chain((s) =>
                    fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length }), fc.constantFrom(...ids)),
                ),
                ([services, reordered, extra]) => {
                    const names = endpointNames(services);
                    const more = new Set(endpointNames(services.includes(extra) ? services : [...services, extra]));
                    for (const n of names) assert.ok(more.has(n), `${n} is gone once ${extra} is added`);
                    assert.ok(more.has(`net-${extra}`), `${extra} has its endpoint`);
                    assert.deepStrictEqual(endpointNames(reordered), names);
                },
            ),
            { seed: 12 },
        );
    });

    it("child names are keyed by the service id", () => {
        assert.strictEqual(endpointChildName("prod", "ecr.api"), "prod-ecr.api");
    });

    it("checklist: fails fast on private access off and builds the regional STS URL per partition", () => {
        assert.strictEqual(
            errorMessage(() => checkEndpointPrivateAccess(false)),
            "endpointPrivateAccess: a cluster without internet access needs endpoint private access: nodes register through the private endpoint. " +
                "Set vpcConfig.endpointPrivateAccess: true on the cluster and pass true here",
        );
        assert.strictEqual(regionalStsEndpoint("cn-north-1", "amazonaws.com.cn"), "https://sts.cn-north-1.amazonaws.com.cn");
        assert.strictEqual(regionalStsEndpoint("us-gov-west-1", "amazonaws.com"), "https://sts.us-gov-west-1.amazonaws.com");
    });
});
