import * as assert from "assert";
import { AWS_CLUSTER } from "../clusterSettings";
import { changed, privateStack, resource, SUBNET_A, urnOf } from "../ruleTestResources";
import { SUBNET, VPC, VPC_ENDPOINT } from "../stackIndex";
import { configWithDefaults, Props, StackResource } from "../types";
import { EKS_ADDON, ENDPOINTS_COMPONENT, eksPrivateClusterVpcEndpoints, endpointServiceShortName, neededServices } from "./eksPrivateClusterVpcEndpoints";

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

describe("eks-private-cluster-vpc-endpoints", () => {
    const check = (stack: StackResource[], config: Record<string, unknown> = {}) =>
        eksPrivateClusterVpcEndpoints.check(stack, configWithDefaults(eksPrivateClusterVpcEndpoints, config));
    const noSts = privateStack().filter((r) => r.name !== "sts");
    const missing = (service: string, why: string) =>
        `Cluster "prod" is private-only, but VPC "main" (vpc-0a1b2c3d4e5f60718) has no VPC endpoint for ${service}. Without ` +
        `internet access: ${service}: ${why}. Create the endpoints, or list the ones that exist outside this stack in existingEndpoints.`;
    const logsWhy = "called by feature containerInsights (the CloudWatch agent sends performance logs (EMF) to CloudWatch Logs)";

    it("passes a private-only cluster whose VPC has the required endpoints, and a cluster with a public endpoint", () => {
        assert.deepStrictEqual(check(privateStack()), []);
        assert.deepStrictEqual(check(changed(noSts, "prod", (c) => ((c.vpcConfig as Props).endpointPublicAccess = true))), []);
    });

    it("reports a missing required endpoint on the cluster, unless it exists elsewhere or is not required", () => {
        assert.deepStrictEqual(check(noSts), [
            { urn: urnOf(AWS_CLUSTER, "prod"), message: missing("sts", "IAM roles for service accounts: pods exchange their token for credentials") },
        ]);
        assert.deepStrictEqual(check(noSts, { existingEndpoints: ["sts"] }), []);
        assert.deepStrictEqual(check(noSts, { requiredServices: ["ec2", "ecr.api", "ecr.dkr", "s3"] }), []);
    });

    it("names the feature that calls a missing endpoint: from the features knob, or an EKS add-on of the cluster", () => {
        assert.deepStrictEqual(
            check(privateStack(), { features: ["containerInsights"] }).map((v) => v.message),
            [missing("logs", logsWhy)],
        );
        const addon = (clusterName: string) => resource(EKS_ADDON, "observability", { addonName: "amazon-cloudwatch-observability", clusterName });
        assert.deepStrictEqual(check([...privateStack(), addon("prod")]).map((v) => v.message), [missing("logs", logsWhy)]);
        assert.deepStrictEqual(check([...privateStack(), addon("staging")]), []);
    });

    it("joins each cluster of a mixed stack to its own VPC's endpoints and components and its own add-ons", () => {
        // Two clusters share VPC "main"; "edge" has its own VPC with only an S3 gateway and an endpoint component.
        const edgeVpc = "vpc-0e0e0e0e0e0e0e0e0";
        const edgeSubnet = "subnet-0ccccccccccccccc3";
        const privateCluster = (name: string, subnetId: string) =>
            resource(AWS_CLUSTER, name, { name, vpcConfig: { subnetIds: [subnetId], endpointPublicAccess: false, endpointPrivateAccess: true } });
        const stack: StackResource[] = [
            ...privateStack(),
            privateCluster("staging", SUBNET_A),
            resource(VPC, "edge", { cidrBlock: "10.9.0.0/16" }, edgeVpc),
            resource(SUBNET, "c", { vpcId: edgeVpc, cidrBlock: "10.9.0.0/19" }, edgeSubnet),
            privateCluster("edge", edgeSubnet),
            resource(VPC_ENDPOINT, "edge-s3", { vpcId: edgeVpc, serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway" }),
            resource(ENDPOINTS_COMPONENT, "edge-endpoints", { vpcId: edgeVpc, features: ["podIdentity"], existingEndpoints: ["ec2", "ecr.api", "ecr.dkr"] }),
            // Joined to "staging" by its clusterName's dependency (the value names no cluster of the stack).
            {
                ...resource(EKS_ADDON, "staging-observability", { addonName: "amazon-cloudwatch-observability", clusterName: "staging-eks" }),
                propertyDependencies: { clusterName: [urnOf(AWS_CLUSTER, "staging")] },
            },
            // Joined to "edge" by name.
            resource(EKS_ADDON, "edge-ebs", { addonName: "aws-ebs-csi-driver", clusterName: "edge" }),
        ];
        const tail = "Create the endpoints, or list the ones that exist outside this stack in existingEndpoints.";
        assert.deepStrictEqual(check(stack), [
            {
                urn: urnOf(AWS_CLUSTER, "staging"),
                message: `Cluster "staging" is private-only, but VPC "main" (vpc-0a1b2c3d4e5f60718) has no VPC endpoint for logs. Without internet access: logs: ${logsWhy}. ${tail}`,
            },
            {
                urn: urnOf(AWS_CLUSTER, "edge"),
                message:
                    `Cluster "edge" is private-only, but VPC "edge" (${edgeVpc}) has no VPC endpoint for sts and eks-auth. Without internet access: ` +
                    "sts: IAM roles for service accounts: pods exchange their token for credentials; " +
                    "eks-auth: called by feature podIdentity (the Pod Identity agent calls AssumeRoleForPodIdentity on the EKS Auth API). " +
                    tail,
            },
        ]);
    });
});
