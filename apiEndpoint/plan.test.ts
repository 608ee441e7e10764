import * as assert from "assert";
import { INGRESS_RULE, planClusterEndpointAccess } from "./plan";

const SG = "sg-0a9b8c7d6e5f40312";

describe("planClusterEndpointAccess", () => {
    it("private with connected networks: the VPC DNS check, one 443 rule per source named after it, no cost", () => {
        const plan = planClusterEndpointAccess("prod", {
            mode: "private",
            vpcId: "vpc-0a1b2c3d4e5f60718",
            clusterSecurityGroupId: SG,
            allowedCidrs: ["10.20.0.0/16"],
            allowedSecurityGroups: { bastion: "sg-0123456789abcdef0" },
        });
        assert.deepStrictEqual(plan.children, [
            { type: INGRESS_RULE, name: "prod-api-tcp443-from-10-20-0-0-16" },
            { type: INGRESS_RULE, name: "prod-api-tcp443-from-bastion" },
        ]);
        assert.deepStrictEqual([plan.checksVpcDns, plan.warnings, plan.monthlyCostUsd], [true, [], 0]);
        assert.deepStrictEqual([plan.settings.endpointPublicAccess, plan.settings.endpointPrivateAccess, plan.settings.publicAccessCidrs], [false, true, []]);
    });

    it("public mode: no DNS check, no rules without a security group, the restricted-public warning", () => {
        const plan = planClusterEndpointAccess("prod", { mode: "public", vpcId: "vpc-0a1b2c3d4e5f60718", publicAccessCidrs: ["203.0.113.0/24"] });
        assert.deepStrictEqual([plan.checksVpcDns, plan.children], [false, []]);
        assert.deepStrictEqual(plan.warnings, [
            "publicAccessCidrs restricts the public endpoint while private access is off: nodes and Fargate pods reach the API server through " +
                "the public endpoint, so their public (NAT) addresses must be inside 203.0.113.0/24, or they cannot join. AWS recommends mode \"public-and-private\" here.",
        ]);
    });

    it("errors name the argument under the composite's path", () => {
        assert.throws(() => planClusterEndpointAccess("prod", { mode: "private", allowedCidrs: ["10.20.0.0/16"] }, "endpointAccess"), {
            message:
                "endpointAccess.clusterSecurityGroupId: is required with allowedCidrs, allowedSecurityGroupIds or allowedSecurityGroups: the 443 rules go on the " +
                "control plane's security group (the cluster security group, or one you attach in vpcConfig.securityGroupIds)",
        });
        assert.throws(() => planClusterEndpointAccess("prod", { mode: "sideways" as "public" }, "endpointAccess"), {
            message: 'endpointAccess.mode: "sideways" is not one of "public", "public-and-private", "private"',
        });
    });
});
