import * as assert from "assert";
import type { PrivateClusterArgs } from "./args";
import { planPrivateCluster } from "./plan";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9"];
const HUB = "vpc-0f9e8d7c6b5a43211";
const HUB_SUBNETS = ["subnet-0b1c2d3e4f5a6b7c9", "subnet-0c2d3e4f5a6b7c8da"];
const base: PrivateClusterArgs = { vpcId: VPC, vpcCidrs: ["10.0.0.0/16"], subnetIds: SUBNETS, routeTableIds: ["rtb-0a1b2c3d4e5f60718"] };
const fails = (extra: Partial<PrivateClusterArgs>, message: string) => assert.throws(() => planPrivateCluster("prod", { ...base, ...extra }), { name: "InputError", message });

describe("planPrivateCluster", () => {
    it("plans the children by name, the endpoint services, the 443 sources and the key", () => {
        const plan = planPrivateCluster("prod", { ...base, connectedNetworks: ["192.168.0.0/20"], clusterAutoscaler: true, pullThroughCache: { registries: ["registry.k8s.io"] } });
        assert.deepStrictEqual(plan.names, {
            controlPlane: "prod-control-plane",
            access: "prod-access",
            endpoints: "prod-endpoints",
            secretsKey: "prod-secrets",
            eks: "prod-eks",
            dns: undefined,
            cacheRules: { "registry.k8s.io": "prod-cache-registry-k8s-io" },
        });
        // The minimal preset (ec2, ecr.api, ecr.dkr, s3, sts) and Cluster Autoscaler's autoscaling.
        assert.deepStrictEqual(plan.endpoints?.services, ["autoscaling", "ec2", "ecr.api", "ecr.dkr", "s3", "sts"]);
        assert.deepStrictEqual(plan.apiSources.map((s) => s.key), ["192-168-0-0-20"]);
        assert.deepStrictEqual([plan.access.endpointPublicAccess, plan.access.endpointPrivateAccess, plan.createsKey], [false, true, true]);
    });

    it("names every child's argument as PrivateCluster's user wrote it", () => {
        fails({ endpoints: { features: ["gpu" as never] } }, 'endpoints.features[0]: "gpu" is not a feature; use one of irsa, clusterAutoscaler, podIdentity, loadBalancerController, secretsEncryption, containerInsights, sessionManager, ebsCsiDriver, efsCsiDriver, karpenter, secretsManager, managedPrometheus, guardDutyRuntimeMonitoring, eksApi');
        fails({ endpoints: { defaultPolicy: "everyone" as never } }, 'endpoints.defaultPolicy: "everyone" is not one of "none", "organization", "account"');
        fails({ endpointAccess: "internal" as never }, 'endpointAccess: "internal" is not one of "public", "public-and-private", "private"');
        fails({ connectedNetworks: ["192.168.0.0/20", "192.168.0.0/20"] }, "connectedNetworks: 192.168.0.0/20 is listed twice; list each source once");
        const dns = { outboundVpcId: HUB, outboundSubnetIds: HUB_SUBNETS };
        fails({ connectedNetworks: ["10.100.0.0/16"], hybridDns: { ...dns, vpcIds: ["vpc-1"] } }, 'hybridDns.vpcIds[0]: "vpc-1" is not a VPC id (vpc- followed by 8 or 17 hex digits)');
        fails({ connectedNetworks: ["10.100.0.0/16"], hybridDns: { ...dns, scope: "zone" as never } }, 'hybridDns.scope: "zone" is not a scope (use "cluster" or "region")');
        fails({ connectedNetworks: ["10.100.0.0/16"], hybridDns: { inboundSubnetIds: [SUBNETS[0]] } }, "hybridDns.inboundSubnetIds: 1 subnet given; a Route 53 Resolver endpoint needs an IP in at least two subnets, in different Availability Zones so one AZ is not a single point of failure. List two or more subnets");
    });

    it("plans HybridDnsAccess on the cluster's subnets by default, its rule on the outbound VPC", () => {
        const plan = planPrivateCluster("prod", { ...base, connectedNetworks: ["10.100.0.0/16"], hybridDns: { outboundVpcId: HUB, outboundSubnetIds: HUB_SUBNETS, connectedDns: "no-internet" } });
        assert.strictEqual(plan.names.dns, "prod-dns");
        assert.strictEqual(plan.hybridDns?.ownInboundSubnets, false);
        assert.strictEqual(plan.hybridDns?.plan.names.inboundSubnetIds, "subnetIds");
        assert.deepStrictEqual(plan.hybridDns?.plan.outbound?.forwarding.vpcs, [{ key: HUB, vpcId: HUB }]);
        // Two inbound and two outbound IPs at $0.125 an hour, 730 hours.
        assert.strictEqual(plan.hybridDns?.plan.monthlyCostUsd, 365);
        assert.deepStrictEqual(plan.warnings, []);
    });

    it("warns, and plans no endpoints, when endpoints.create is false with add-ons that call AWS", () => {
        const plan = planPrivateCluster("prod", { ...base, endpoints: { create: false }, loadBalancerController: true });
        assert.strictEqual(plan.endpoints, undefined);
        assert.deepStrictEqual(plan.warnings, ["endpoints.create is false: the VPC must already have the endpoints the Load Balancer Controller (elasticloadbalancing, ec2) calls."]);
    });
});
