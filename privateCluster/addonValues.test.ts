import * as assert from "assert";
import { clusterAutoscalerValues, karpenterValues, loadBalancerControllerValues, parseFlag } from "./addonValues";
import { planEndpoints } from "../vpcEndpoints/services";

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

    // Karpenter's guide, "Private Clusters": --set settings.isolatedVPC=true, and the cluster's name and endpoint.
    it("Karpenter: isolatedVPC on, the cluster name and endpoint, and the interruption queue only when given", () => {
        const endpoint = "https://EXAMPLE108C897D9B2F1B21D5EXAMPLE.sk1.eu-west-1.eks.amazonaws.com";
        assert.deepStrictEqual(karpenterValues({ ...CTX, clusterEndpoint: endpoint }), {
            settings: { clusterName: "prod", clusterEndpoint: endpoint, isolatedVPC: true },
        });
        assert.deepStrictEqual(karpenterValues({ ...CTX, clusterEndpoint: endpoint, interruptionQueue: "prod-karpenter" }), {
            settings: { clusterName: "prod", clusterEndpoint: endpoint, isolatedVPC: true, interruptionQueue: "prod-karpenter" },
        });
        const cached = karpenterValues({ ...CTX, clusterEndpoint: endpoint, imagePrefixes: { "public.ecr.aws": `${MIRROR}/ecr-public` } });
        assert.deepStrictEqual(cached.controller, { image: { repository: `${MIRROR}/ecr-public/karpenter/controller` } });
    });

    // The same page lists the endpoints a private cluster needs for Karpenter: ec2, ecr.api, ecr.dkr, s3, sts, ssm,
    // sqs and eks. The default set plus the karpenter feature must create every one.
    it("the karpenter endpoint feature, with the default set, creates every endpoint Karpenter's private-cluster guide lists", () => {
        const created = planEndpoints({ features: ["karpenter"] }).create.map((e) => e.service);
        const listed = ["ec2", "ecr.api", "ecr.dkr", "s3", "sts", "ssm", "sqs", "eks"];
        assert.deepStrictEqual(listed.filter((s) => !created.includes(s)), []);
    });

    it("reads --name=value flags", () => {
        assert.deepStrictEqual(parseFlag("--enable-wafv2=false"), ["enable-wafv2", false]);
        assert.deepStrictEqual(parseFlag("--expander=least-waste"), ["expander", "least-waste"]);
        assert.throws(() => parseFlag("-v"), { message: '"-v" is not a --name=value flag' });
    });

    it("refuses a context that is not an object, lacks a setting its chart uses, or has no imagePrefixes map", () => {
        const shape = "ctx: expected the add-on context (an object with clusterName, region, vpcId and imagePrefixes), got";
        const lbc = (ctx: unknown) => () => loadBalancerControllerValues(ctx as typeof CTX);
        assert.throws(lbc(null), { name: "InputError", message: `${shape} null` });
        assert.throws(lbc(true), { name: "InputError", message: `${shape} boolean true` });
        assert.throws(lbc([CTX]), { name: "InputError", message: `${shape} a list` });
        assert.throws(lbc({ ...CTX, vpcId: undefined }), { name: "InputError", message: "vpcId: expected a string, got undefined" });
        const prefixes = "imagePrefixes: expected a map of image host to ECR pull-through prefix ({} for none), got";
        assert.throws(lbc({ ...CTX, imagePrefixes: undefined }), { name: "InputError", message: `${prefixes} undefined` });
        assert.throws(() => clusterAutoscalerValues({ ...CTX, imagePrefixes: null as never }), { name: "InputError", message: `${prefixes} null` });
        assert.throws(() => clusterAutoscalerValues({ ...CTX, region: 1 as never }), { name: "InputError", message: "region: expected a string, got number 1" });
        assert.throws(() => karpenterValues(CTX as never), { name: "InputError", message: "clusterEndpoint: expected a string, got undefined" });
        assert.throws(() => karpenterValues(undefined as never), { name: "InputError", message: `${shape} undefined` });
    });
});
