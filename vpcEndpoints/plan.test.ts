import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { INGRESS_RULE, PREFIX_LIST, SECURITY_GROUP, VPC_ENDPOINT, planEcrEndpoints, planPrivateClusterEndpoints, planStsEndpoint } from "./plan";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
const RTB = "rtb-0a1b2c3d4e5f60718";
const net = { vpcId: VPC, subnetIds: SUBNETS, routeTableIds: [RTB] };

const messageOf = (fn: () => unknown): string => {
    try {
        fn();
    } catch (e) {
        return (e as Error).message;
    }
    throw new Error("expected an error");
};

describe("VPC endpoint planners", () => {
    it("PrivateClusterEndpoints: the group, its VPC CIDR prefix list and rule, then one endpoint per service, with the cost per AZ", () => {
        const plan = planPrivateClusterEndpoints("net", net);
        assert.deepStrictEqual(plan.children, [
            { type: SECURITY_GROUP, name: "net-endpoints" },
            { type: PREFIX_LIST, name: "net-vpc-cidrs" },
            { type: INGRESS_RULE, name: "net-endpoints-tcp443-from-vpc-cidrs" },
            ...["ec2", "ecr.api", "ecr.dkr", "s3", "sts"].map((s) => ({ type: VPC_ENDPOINT, name: `net-${s}` })),
        ]);
        assert.deepStrictEqual([plan.services, plan.existingServices, plan.warnings], [["ec2", "ecr.api", "ecr.dkr", "s3", "sts"], [], []]);
        // 4 interface endpoints x $7.30 per AZ (730 h x $0.01); 3 subnets, so at most 3 AZs: $87.60, eksctl's figure.
        assert.deepStrictEqual(plan.cost, { interfaceEndpoints: 4, monthlyUsdPerAz: 29.2, maxAzs: 3, maxMonthlyUsd: 87.6 });
    });

    it("allowed sources replace the VPC CIDR prefix list; endpointAzs caps the AZs priced; computed subnets leave the AZ count open", () => {
        const plan = planPrivateClusterEndpoints("net", { ...net, allowedCidrs: ["10.1.0.0/16"], allowedSecurityGroups: { nodes: pulumi.output("sg-0123456789abcdef0") }, endpointAzs: 2 });
        assert.deepStrictEqual(
            plan.children.slice(0, 3).map((c) => c.name),
            ["net-endpoints", "net-endpoints-tcp443-from-10-1-0-0-16", "net-endpoints-tcp443-from-nodes"],
        );
        assert.deepStrictEqual(plan.cost, { interfaceEndpoints: 4, monthlyUsdPerAz: 29.2, maxAzs: 2, maxMonthlyUsd: 58.4 });
        const computed = planPrivateClusterEndpoints("net", { ...net, subnetIds: pulumi.output(SUBNETS) });
        assert.deepStrictEqual(computed.cost, { interfaceEndpoints: 4, monthlyUsdPerAz: 29.2 });
    });

    it("own security groups: no group, prefix list or rule; gateway-only plans need no group either", () => {
        const own = planPrivateClusterEndpoints("net", { ...net, securityGroupIds: ["sg-0123456789abcdef0"], services: ["sts"] });
        assert.deepStrictEqual(own.children, [{ type: VPC_ENDPOINT, name: "net-sts" }]);
        const gateway = planPrivateClusterEndpoints("net", { ...net, services: ["s3"] });
        assert.deepStrictEqual(gateway.children, [{ type: VPC_ENDPOINT, name: "net-s3" }]);
        assert.deepStrictEqual(gateway.cost, { interfaceEndpoints: 0, monthlyUsdPerAz: 0, maxAzs: 3, maxMonthlyUsd: 0 });
    });

    it("EcrEndpoints and StsEndpoint: their fixed services; inboundResolverOnly adds the S3 gateway before the interface endpoint", () => {
        assert.deepStrictEqual(planEcrEndpoints("ecr", net).children.slice(3).map((c) => c.name), ["ecr-ecr.api", "ecr-ecr.dkr", "ecr-s3"]);
        const hybrid = planEcrEndpoints("ecr", { ...net, s3EndpointType: "Interface", s3InterfaceDns: "inboundResolverOnly" });
        assert.deepStrictEqual(hybrid.children.slice(3).map((c) => c.name), ["ecr-s3-gateway", "ecr-ecr.api", "ecr-ecr.dkr", "ecr-s3"]);
        assert.strictEqual(hybrid.cost.monthlyUsdPerAz, 21.9, "3 interface endpoints; the added gateway is free");
        const sts = planStsEndpoint("sts", { vpcId: VPC, subnetIds: SUBNETS, policy: '{"Statement":[]}' });
        assert.deepStrictEqual(sts.children.slice(3).map((c) => c.name), ["sts-sts"]);
        assert.deepStrictEqual(Object.keys(sts.checked.policies), ["sts"]);
    });

    it("errors name the argument, under the composite's argument path when one is given", () => {
        assert.strictEqual(
            messageOf(() => planPrivateClusterEndpoints("net", { ...net, allowedCidrs: ["10.0.0.1/16"] }, "endpoints")),
            'endpoints.allowedCidrs[0]: "10.0.0.1/16" has host bits set (the network address for /16 is 10.0.0.0/16)',
        );
        assert.strictEqual(
            messageOf(() => planPrivateClusterEndpoints("net", { ...net, endpointPrivateAccess: false }, "endpoints")),
            "endpoints.endpointPrivateAccess: a cluster without internet access needs endpoint private access: nodes register through the private endpoint. " +
                "Set vpcConfig.endpointPrivateAccess: true on the cluster and pass true here",
        );
        assert.strictEqual(messageOf(() => planStsEndpoint("sts", { vpcId: VPC, subnetIds: SUBNETS, policy: "{}" }, "sts")), "sts.policy: is not an IAM policy document (JSON with a Statement)");
        assert.strictEqual(messageOf(() => planEcrEndpoints("ecr", { ...net, existingEndpoints: ["sts"] })), "existingEndpoints[0]: sts is not among the services this component would create (ecr.api, ecr.dkr, s3); remove it");
    });
});
