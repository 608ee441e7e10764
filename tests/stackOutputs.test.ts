// Reading this package's outputs across stacks: the typed readers (exact errors for missing, mistyped and
// secret outputs), a StackReference under the mocks, and the network/cluster example pair planned by the CLI.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    checkStackOutputs,
    endpointAccessOutputs,
    networkOutputs,
    readNetworkOutputs,
    readResolverOutputs,
    readVpcEndpointOutputs,
    resolverOutputs,
    vpcEndpointOutputs,
} from "../adapters/stackOutputs";
import { mockAws, NETWORK_STACK } from "../plan/mocks";
import type clusterProgram from "../examples/stack-refs/cluster";
import { ProgramOutputs, planJson } from "./support/planCli";

const STACK = "acme/network/prod";
const details = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value }]));

describe("stack outputs: checkStackOutputs", () => {
    it("returns the values typed, optional ones absent when the stack does not export them", () => {
        const values = checkStackOutputs("readNetworkOutputs", STACK, networkOutputs, details({ vpcId: "vpc-1", vpcCidr: "10.0.0.0/16", privateSubnetIds: ["subnet-1"] }));
        assert.deepStrictEqual(values, { vpcId: "vpc-1", vpcCidr: "10.0.0.0/16", privateSubnetIds: ["subnet-1"] });
    });

    it("names the missing output, its kind and the stack", () => {
        assert.throws(
            () => checkStackOutputs("readResolverOutputs", STACK, resolverOutputs, details({ resolverInboundEndpointId: "rslvr-in-1", resolverOutboundEndpointId: "rslvr-out-1" })),
            {
                name: "StackOutputError",
                message: 'readResolverOutputs: stack "acme/network/prod" has no output "resolverIps" (a list of strings); export it from that stack',
            },
        );
    });

    it("reports every problem at once: missing, mistyped, secret", () => {
        const found = { vpcEndpointIds: { value: ["vpce-1"] }, vpcEndpointSecurityGroupId: { secretValue: "sg-1" } };
        assert.throws(() => checkStackOutputs("readVpcEndpointOutputs", STACK, vpcEndpointOutputs, found), {
            message:
                'readVpcEndpointOutputs: output "vpcEndpointIds" of stack "acme/network/prod" is a list of strings, expected a map of strings; ' +
                'output "vpcEndpointSecurityGroupId" is a secret; these helpers return plain values, so read it with ref.requireOutput("vpcEndpointSecurityGroupId")',
        });
        assert.throws(
            () =>
                checkStackOutputs("readEndpointAccessOutputs", "acme/payments/prod", endpointAccessOutputs, details({
                    clusterName: "payments",
                    clusterEndpoint: "https://A.gr7.us-east-1.eks.amazonaws.com",
                    endpointPublicAccess: "false",
                    endpointPrivateAccess: true,
                    publicAccessCidrs: [],
                })),
            {
                message:
                    'readEndpointAccessOutputs: stack "acme/payments/prod" has no output "clusterSecurityGroupId" (a string); export it from that stack; ' +
                    'output "endpointPublicAccess" of stack "acme/payments/prod" is a string, expected a boolean',
            },
        );
    });
});

describe("stack outputs: through a StackReference", () => {
    it("reads the referenced network stack's resolver, network and VPC endpoint outputs", async () => {
        const ref = new pulumi.StackReference("network", { name: NETWORK_STACK });
        // The readers pass the stack's values through: the expected values are the mocked stack's own.
        const network = mockAws().world.stackOutputs[NETWORK_STACK];
        const pick = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, network[k]]));
        assert.deepStrictEqual(await readResolverOutputs(ref), pick("resolverInboundEndpointId", "resolverIps", "resolverOutboundEndpointId"));
        assert.deepStrictEqual(await readNetworkOutputs(ref), pick("vpcId", "vpcCidr", "privateSubnetIds", "hubVpcId", "hubVpcCidr", "onPremisesCidrs"));
        assert.deepStrictEqual(await readVpcEndpointOutputs(ref), pick("vpcEndpointIds", "vpcEndpointSecurityGroupId"));
    });

    it("a stack that does not export an output: the error names it and the stack", async () => {
        delete mockAws().world.stackOutputs[NETWORK_STACK].resolverOutboundEndpointId;
        const ref = new pulumi.StackReference("network", { name: NETWORK_STACK });
        await assert.rejects(readResolverOutputs(ref), {
            message: 'readResolverOutputs: stack "acme/network/prod" has no output "resolverOutboundEndpointId" (a string); export it from that stack',
        });
    });
});

describe("examples/stack-refs: network and cluster stacks", function () {
    this.timeout(180_000);

    it("the network stack exports every output the readers need", async () => {
        const { code, plan } = await planJson(["examples/stack-refs/network"]);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        const exported = details(plan.outputs);
        for (const [reader, spec] of [["network", networkOutputs], ["resolver", resolverOutputs], ["vpcEndpoint", vpcEndpointOutputs]] as const) {
            const values = checkStackOutputs(reader, "network", spec, exported) as Record<string, unknown>;
            assert.deepStrictEqual(Object.keys(values).sort(), Object.keys(spec).map((k) => k.replace(/\?$/, "")).sort(), reader);
        }
        const inbound = plan.resources.find((r) => r.type === "aws:route53/resolverEndpoint:ResolverEndpoint" && r.inputs.direction === "INBOUND");
        assert.deepStrictEqual(plan.outputs.resolverInboundEndpointId, inbound?.id);
        assert.deepStrictEqual([plan.warnings, plan.errors], [[], []]);
    });

    it("the cluster stack adds its endpoint access, forwarding rule and missing endpoints from the network's outputs", async () => {
        const { code, plan } = await planJson<ProgramOutputs<Awaited<ReturnType<typeof clusterProgram>>>>(["examples/stack-refs/cluster"]);
        assert.strictEqual(code, 0, JSON.stringify(plan.errors));
        const network = mockAws().world.stackOutputs[NETWORK_STACK] as Record<string, unknown> & {
            onPremisesCidrs: string[];
            vpcEndpointIds: Record<string, string>;
            resolverIps: string[];
        };
        const byName = (type: string, name: string) => {
            const found = plan.resources.find((r) => r.type === type && r.name === name);
            assert.ok(found, `${type} ${name} is not in the plan`);
            return found;
        };
        assert.deepStrictEqual(plan.resources.map((r) => `${r.type} ${r.name}`).sort(), [
            "aws:ec2/securityGroup:SecurityGroup payments-control-plane",
            "aws:ec2/vpcEndpoint:VpcEndpoint payments-eks-auth",
            "aws:eks/cluster:Cluster payments",
            "aws:iam/role:Role payments-cluster",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment payments-cluster",
            "aws:kms/key:Key payments-secrets",
            "aws:route53/resolverRule:ResolverRule payments-rule",
            "aws:route53/resolverRuleAssociation:ResolverRuleAssociation payments-assoc-vpc-0f9e8d7c6b5a43210",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule payments-api-tcp443-from-10-100-0-0-16",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule payments-api-tcp443-from-192-168-0-0-20",
            "eks-private-access:index:ClusterDnsForwarding payments",
            "eks-private-access:index:ClusterEndpointAccess payments",
            "eks-private-access:index:PrivateClusterEndpoints payments",
        ]);
        const controlPlane = byName("aws:ec2/securityGroup:SecurityGroup", "payments-control-plane");
        assert.deepStrictEqual(byName("eks-private-access:index:ClusterEndpointAccess", "payments").inputs, {
            mode: "private",
            vpcId: network.vpcId,
            clusterSecurityGroupId: controlPlane.id,
            allowedCidrs: [network.hubVpcCidr, ...network.onPremisesCidrs],
        });
        assert.deepStrictEqual(byName("eks-private-access:index:PrivateClusterEndpoints", "payments").inputs.existingEndpoints, Object.keys(network.vpcEndpointIds));
        assert.deepStrictEqual(byName("aws:ec2/vpcEndpoint:VpcEndpoint", "payments-eks-auth").inputs.securityGroupIds, [network.vpcEndpointSecurityGroupId]);
        const cluster = byName("aws:eks/cluster:Cluster", "payments");
        assert.deepStrictEqual(cluster.inputs.vpcConfig, {
            endpointPublicAccess: false,
            endpointPrivateAccess: true,
            subnetIds: network.privateSubnetIds,
            securityGroupIds: [controlPlane.id],
        });
        const rule = byName("aws:route53/resolverRule:ResolverRule", "payments-rule");
        assert.deepStrictEqual(rule.inputs, {
            name: "payments",
            ruleType: "FORWARD",
            domainName: plan.outputs.forwardedDomain,
            resolverEndpointId: network.resolverOutboundEndpointId,
            targetIps: network.resolverIps.map((ip: string) => ({ ip, port: 53 })),
        });
        assert.strictEqual(plan.outputs.forwardedDomain, new URL(plan.outputs.clusterEndpoint).hostname.toLowerCase());
        assert.deepStrictEqual(byName("aws:route53/resolverRuleAssociation:ResolverRuleAssociation", "payments-assoc-vpc-0f9e8d7c6b5a43210").inputs.vpcId, network.hubVpcId);
        // What the cluster stack exports is what readEndpointAccessOutputs reads in the stacks after it.
        assert.deepStrictEqual(checkStackOutputs("readEndpointAccessOutputs", "cluster", endpointAccessOutputs, details(plan.outputs)), {
            clusterName: "payments",
            clusterEndpoint: plan.outputs.clusterEndpoint,
            clusterSecurityGroupId: controlPlane.id,
            endpointPublicAccess: false,
            endpointPrivateAccess: true,
            publicAccessCidrs: [],
        });
        assert.deepStrictEqual([plan.warnings, plan.errors], [[], []]);
    });

    it("a cluster stack pointed at a stack that does not exist fails the plan", async () => {
        const { code, plan } = await planJson(["examples/stack-refs/cluster", "--config", "networkStack=acme/network/dev"]);
        assert.strictEqual(code, 1);
        assert.ok(
            plan.errors.some((e) => e.message.includes('unknown stack "acme/network/dev" (mocked stacks: acme/network/prod)')),
            JSON.stringify(plan.errors),
        );
    });
});
