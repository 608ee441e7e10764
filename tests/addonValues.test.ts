import * as assert from "assert";
import { clusterAutoscalerValues, loadBalancerControllerValues, parseFlag } from "../lib/addonValues";

const CTX = { clusterName: "prod", region: "eu-west-1", vpcId: "vpc-0a1b2c3d4e5f60718", imagePrefixes: {} };
const MIRROR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";

describe("add-on values", () => {
    it("AWS Load Balancer Controller: Shield, WAF and WAFv2 off, region and VPC given", () => {
        assert.deepStrictEqual(loadBalancerControllerValues(CTX), {
            clusterName: "prod",
            region: "eu-west-1",
            vpcId: "vpc-0a1b2c3d4e5f60718",
            enableShield: false,
            enableWaf: false,
            enableWafv2: false,
        });
    });

    it("Cluster Autoscaler: the static instance list, auto-discovery and the regional STS endpoint", () => {
        assert.deepStrictEqual(clusterAutoscalerValues(CTX), {
            autoDiscovery: { clusterName: "prod" },
            awsRegion: "eu-west-1",
            extraArgs: { "aws-use-static-instance-list": true },
            extraEnv: { AWS_STS_REGIONAL_ENDPOINTS: "regional" },
        });
    });

    it("pulls each chart's image through the cache when its registry has a rule", () => {
        const ctx = { ...CTX, imagePrefixes: { "public.ecr.aws": `${MIRROR}/ecr-public`, "registry.k8s.io": `${MIRROR}/k8s` } };
        assert.deepStrictEqual(loadBalancerControllerValues(ctx).image, { repository: `${MIRROR}/ecr-public/eks/aws-load-balancer-controller` });
        assert.deepStrictEqual(clusterAutoscalerValues(ctx).image, { repository: `${MIRROR}/k8s/autoscaling/cluster-autoscaler` });
    });

    it("reads --name=value flags", () => {
        assert.deepStrictEqual(parseFlag("--enable-wafv2=false"), ["enable-wafv2", false]);
        assert.deepStrictEqual(parseFlag("--expander=least-waste"), ["expander", "least-waste"]);
        assert.throws(() => parseFlag("-v"), { message: '"-v" is not a --name=value flag' });
    });
});
