// The stack policies on a cluster's VPC (eks-private-endpoint-vpc-dns, eks-private-cluster-vpc-endpoints), called the
// way the pack's analyzer calls them at the end of a preview: every resource's properties behind the unknown-checking
// proxy, ids of resources not yet created unknown, and the joins made through property dependencies.
import * as assert from "assert";
import { FakeResource, urnOf, validateStack } from "./support/policyArgs";
import { baseline, CLUSTER, FakeClusterProps, mutate, policies, STACK_POLICIES, stackPolicy, U, VPC } from "./support/policyStack";

describe("policy pack: stack policies", () => {
    it("passes the baseline stack under every stack policy, although no id is known yet", async () => {
        assert.deepStrictEqual(policies.filter((p) => "validateStack" in p).map((p) => p.name), STACK_POLICIES);
        for (const name of STACK_POLICIES) assert.deepStrictEqual(await validateStack(stackPolicy(name), baseline()), { violations: [] }, name);
    });

    it("is not applicable to a stack without the resource types it reads", async () => {
        assert.deepStrictEqual(await validateStack(stackPolicy("resolver-endpoint-redundancy"), [{ type: "aws:s3/bucket:Bucket", name: "logs", props: {} }]), {
            violations: [],
            notApplicable: "Policy only applies to stacks with resources of type 'aws:route53/resolverEndpoint:ResolverEndpoint', 'aws:ec2/subnet:Subnet'",
        });
    });

    it("eks-private-endpoint-vpc-dns: reports the VPC DNS attributes and DHCP options a private endpoint needs, on the VPC", async () => {
        const p = stackPolicy("eks-private-endpoint-vpc-dns");
        const noHostnames = await validateStack(p, mutate("main", (v) => delete v.enableDnsHostnames));
        assert.deepStrictEqual(noHostnames.violations, [
            {
                urn: urnOf(VPC, "main"),
                message:
                    'Cluster "prod" has private endpoint access on: VPC <id of VPC "main"> has enableDnsHostnames=false; private ' +
                    "endpoint access needs it true, or the EKS-managed private hosted zone does not resolve the endpoint. Set " +
                    'enableDnsHostnames: true on the aws.ec2.Vpc, or run: aws ec2 modify-vpc-attribute --vpc-id <id of VPC "main"> ' +
                    "--enable-dns-hostnames '{\"Value\":true}'",
            },
        ]);
        const existing = await validateStack(p, mutate("main", (v) => Object.assign(v, { id: "vpc-0a1b2c3d4e5f60718", enableDnsSupport: false })));
        assert.strictEqual(existing.violations[0].message.split(";")[0], 'Cluster "prod" has private endpoint access on: VPC vpc-0a1b2c3d4e5f60718 has enableDnsSupport=false');

        const dhcp = [
            ...baseline(),
            { type: "aws:ec2/vpcDhcpOptions:VpcDhcpOptions", name: "corp-dns", props: { domainNameServers: ["10.0.0.2", "192.168.0.53"] } },
            {
                type: "aws:ec2/vpcDhcpOptionsAssociation:VpcDhcpOptionsAssociation",
                name: "corp-dns-main",
                props: { vpcId: U, dhcpOptionsId: U },
                deps: { vpcId: ["main"], dhcpOptionsId: ["corp-dns"] },
            },
        ];
        assert.deepStrictEqual((await validateStack(p, dhcp)).violations.map((v) => v.message), [
            'Cluster "prod" has private endpoint access on: VPC <id of VPC "main">\'s DHCP options set lists domain name servers ' +
                '["10.0.0.2","192.168.0.53"] without AmazonProvidedDNS, so instances never query the Route 53 Resolver that holds ' +
                'the EKS private hosted zone. Associate a DHCP options set whose domainNameServers include "AmazonProvidedDNS" ' +
                "(forward other names with Route 53 Resolver rules instead).",
        ]);
        const publicOnly = mutate("prod", (c: FakeClusterProps) => Object.assign(c.vpcConfig, { endpointPublicAccess: true, endpointPrivateAccess: false }));
        assert.deepStrictEqual((await validateStack(p, mutate("main", (v) => delete v.enableDnsHostnames, publicOnly))).violations, []);
    });

    it("eks-private-cluster-vpc-endpoints: reports the endpoints a private-only cluster's VPC lacks, unless listed as existing elsewhere", async () => {
        const p = stackPolicy("eks-private-cluster-vpc-endpoints");
        const stack = baseline().filter((r) => r.name !== "sts" && r.name !== "logs");
        // The required set is eksctl's (ec2, ecr.api, ecr.dkr, s3, sts): logs is needed only by a feature that calls it.
        assert.deepStrictEqual((await validateStack(p, stack)).violations, [
            {
                urn: urnOf(CLUSTER, "prod"),
                message:
                    'Cluster "prod" is private-only, but VPC "main" has no VPC endpoint for sts. Without internet access: ' +
                    "sts: IAM roles for service accounts: pods exchange their token for credentials. Create the endpoints, or list " +
                    "the ones that exist outside this stack in existingEndpoints.",
            },
        ]);
        assert.deepStrictEqual(await validateStack(p, stack, { existingEndpoints: ["sts"] }), { violations: [] });
        assert.deepStrictEqual(await validateStack(p, stack, { requiredServices: ["ec2", "ecr.api", "ecr.dkr", "s3"] }), { violations: [] });
        const withPublic = mutate("prod", (c: FakeClusterProps) => (c.vpcConfig.endpointPublicAccess = true), stack);
        assert.deepStrictEqual(await validateStack(p, withPublic), { violations: [] });
    });

    it("eks-private-cluster-vpc-endpoints: names the feature whose endpoint is missing, from the features knob or a PrivateClusterEndpoints in the VPC", async () => {
        const p = stackPolicy("eks-private-cluster-vpc-endpoints");
        const noLogs = baseline().filter((r) => r.name !== "logs");
        assert.deepStrictEqual((await validateStack(p, noLogs, { features: ["containerInsights"] })).violations, [
            {
                urn: urnOf(CLUSTER, "prod"),
                message:
                    'Cluster "prod" is private-only, but VPC "main" has no VPC endpoint for logs. Without internet access: ' +
                    "logs: called by feature containerInsights (the CloudWatch agent sends performance logs (EMF) to CloudWatch Logs). " +
                    "Create the endpoints, or list the ones that exist outside this stack in existingEndpoints.",
            },
        ]);
        assert.deepStrictEqual(await validateStack(p, baseline(), { features: ["containerInsights"] }), { violations: [] });
        const component = (features: string[], existingEndpoints: string[] = []): FakeResource => ({
            type: "eks-private-access:index:PrivateClusterEndpoints",
            name: "net",
            props: { vpcId: U, features, existingEndpoints },
            deps: { vpcId: ["main"] },
        });
        const noElb = baseline().filter((r) => r.name !== "elasticloadbalancing");
        assert.deepStrictEqual((await validateStack(p, [...noElb, component(["loadBalancerController", "irsa"])])).violations.map((v) => v.message), [
            'Cluster "prod" is private-only, but VPC "main" has no VPC endpoint for elasticloadbalancing. Without internet access: ' +
                "elasticloadbalancing: called by feature loadBalancerController (creates load balancers and reads subnets and security groups). " +
                "Create the endpoints, or list the ones that exist outside this stack in existingEndpoints.",
        ]);
        assert.deepStrictEqual(await validateStack(p, [...noElb, component(["loadBalancerController"], ["elasticloadbalancing"])]), { violations: [] });
        assert.deepStrictEqual(await validateStack(p, noElb), { violations: [] });
    });

    it("eks-private-cluster-vpc-endpoints: an EKS add-on of the cluster (by clusterName dependency or name) is its feature: amazon-cloudwatch-observability calls logs", async () => {
        const p = stackPolicy("eks-private-cluster-vpc-endpoints");
        const noLogs = baseline().filter((r) => r.name !== "logs");
        const addon = (addonName: string, props: Record<string, unknown>, deps?: Record<string, string[]>): FakeResource => ({
            type: "aws:eks/addon:Addon",
            name: addonName,
            props: { addonName, ...props },
            deps,
        });
        const expected = [
            'Cluster "prod" is private-only, but VPC "main" has no VPC endpoint for logs. Without internet access: ' +
                "logs: called by feature containerInsights (the CloudWatch agent sends performance logs (EMF) to CloudWatch Logs). " +
                "Create the endpoints, or list the ones that exist outside this stack in existingEndpoints.",
        ];
        const byDependency = await validateStack(p, [...noLogs, addon("amazon-cloudwatch-observability", { clusterName: U }, { clusterName: ["prod"] })]);
        assert.deepStrictEqual(byDependency.violations.map((v) => v.message), expected);
        const named = mutate("prod", (c) => (c.name = "prod-eks"), [...noLogs, addon("amazon-cloudwatch-observability", { clusterName: "prod-eks" })]);
        assert.deepStrictEqual((await validateStack(p, named)).violations.map((v) => v.message), expected);
        const otherCluster = mutate("prod", (c) => (c.name = "prod-eks"), [...noLogs, addon("amazon-cloudwatch-observability", { clusterName: "staging-eks" })]);
        assert.deepStrictEqual(await validateStack(p, otherCluster), { violations: [] });
        assert.deepStrictEqual(await validateStack(p, [...noLogs, addon("coredns", { clusterName: U }, { clusterName: ["prod"] })]), { violations: [] });
    });
});
