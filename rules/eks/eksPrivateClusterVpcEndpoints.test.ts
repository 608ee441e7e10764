import * as assert from "assert";
import { endpointServiceShortName, neededServices } from "./eksPrivateClusterVpcEndpoints";

describe("eks-private-cluster-vpc-endpoints decisions", () => {
    it("needs the required services, then each feature's services with the features that call them", () => {
        assert.deepStrictEqual(
            [...neededServices(["ec2", "ecr.api", "ecr.dkr", "s3", "sts"], ["containerInsights", "loadBalancerController", "clusterAutoscaler", "notAFeature"])],
            [
                ["ec2", ["loadBalancerController", "clusterAutoscaler"]],
                ["ecr.api", []],
                ["ecr.dkr", []],
                ["s3", []],
                ["sts", ["clusterAutoscaler"]],
                ["logs", ["containerInsights"]],
                ["elasticloadbalancing", ["loadBalancerController"]],
                ["autoscaling", ["clusterAutoscaler"]],
            ],
        );
        assert.deepStrictEqual([...neededServices([], ["containerInsights", "containerInsights"])], [["logs", ["containerInsights"]]]);
    });

    it("reads the short id from AWS's service names in every partition form", () => {
        assert.strictEqual(endpointServiceShortName("com.amazonaws.us-east-1.ecr.api"), "ecr.api");
        assert.strictEqual(endpointServiceShortName("cn.com.amazonaws.cn-north-1.ecr.dkr"), "ecr.dkr");
        assert.strictEqual(endpointServiceShortName("com.amazonaws.us-gov-west-1.logs"), "logs");
        assert.strictEqual(endpointServiceShortName("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"), undefined);
    });
});
