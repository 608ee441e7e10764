// The package as `pulumi package add` consumers reach it: started the way pulumi-language-nodejs RunPlugin starts
// a Node plugin (tests/support/pluginHost.ts), then driven over the ResourceProvider gRPC service the way the
// engine drives it for a Python, Go, .NET, Java or YAML program. Construct inputs are marshalled as the engine
// marshals them (sdk/go/common/resource/plugin/provider_plugin.go Construct: KeepOutputValues because the provider's
// Configure accepts outputs): a value from another resource is an output value `{sig, value, dependencies}`, one
// not known during preview has no `value`, and `inputDependencies` lists the same URNs. Children register with the
// mock engine (plan/engine/server.ts) the ConstructRequest points at; ids come from plan/mocks' default world.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import * as emptyProto from "google-protobuf/google/protobuf/empty_pb";
import * as structProto from "google-protobuf/google/protobuf/struct_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import { MockAws } from "../plan/mocks";
import { MockEngine, Registration, startMockEngine } from "../plan/engine/server";
import { PluginProcess, startPlugin } from "../plan/engine/pluginHost";
import { CLUSTER, constructRequest, known, NETWORK, secret, secretValue, unknown, UNKNOWN } from "./support/constructInputs";

const ROOT = path.resolve(__dirname, "..");
const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
const RTB = "rtb-0a1b2c3d4e5f60718";
const ENDPOINT = "https://A1B2C3D4E5F6.gr7.us-east-1.eks.amazonaws.com";
const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"];
const SG = "aws:ec2/securityGroup:SecurityGroup";
const VPCE = "aws:ec2/vpcEndpoint:VpcEndpoint";
const PREFIX_LIST = "aws:ec2/managedPrefixList:ManagedPrefixList";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const RESOLVER_ENDPOINT = "aws:route53/resolverEndpoint:ResolverEndpoint";
const token = (component: string) => `eks-private-access:index:${component}`;
/** The default endpoint set (what nodes need to join and pull images, eksctl's fully-private set), each an endpoint named `<component>-<service>`. */
const DEFAULT_SERVICES = ["ec2", "ecr.api", "ecr.dkr", "s3", "sts"];

const schemaJson = JSON.parse(fs.readFileSync(path.join(ROOT, "schema.json"), "utf8")) as {
    version: string;
    resources: Record<string, { properties: Record<string, unknown>; required?: string[] }>;
};

let engine: MockEngine;
let plugin: PluginProcess;

/** Every resource registered below `urn` (children, grandchildren), as `type name` lines in arrival order. */
function descendants(urn: string): Registration[] {
    const below = new Set([urn]);
    const found: Registration[] = [];
    for (const r of engine.registrations) {
        if (r.parent !== undefined && below.has(r.parent)) {
            below.add(r.urn);
            found.push(r);
        }
    }
    return found;
}
const tree = (urn: string) => descendants(urn).map((r) => `${r.type} ${r.name}`).sort();
const child = (urn: string, type: string, name: string) => {
    const found = descendants(urn).find((r) => r.type === type && r.name === name);
    assert.ok(found, `no ${type} ${name} under ${urn}`);
    return found;
};

/** A constructed component: its URN, its outputs (`State` types the ones a test reads deeper) and their dependencies. */
interface Constructed<State> {
    urn: string;
    state: Record<string, unknown> & State;
    deps: Record<string, string[]>;
}

async function construct<State extends object = object>(component: string, name: string, inputs: Record<string, unknown>): Promise<Constructed<State>> {
    const request = constructRequest(token(component), name, inputs, engine.monitorAddress);
    const resp = await plugin.call<providerProto.ConstructResponse>("construct", request);
    const deps = Object.fromEntries([...resp.getStatedependenciesMap().entries()].map(([key, list]) => [key, [...new Set(list.getUrnsList())].sort()]));
    const state = resp.getState()!.toJavaScript() as Record<string, unknown> & State;
    // Construct returns every output the schema requires, and optional ones only when set (the SDK's
    // serializeResourceProperties leaves undefined out); nothing the schema does not list.
    const schema = schemaJson.resources[token(component)];
    const required = schema.required ?? [];
    assert.deepStrictEqual(Object.keys(state).filter((k) => required.includes(k)).sort(), [...required].sort(), `${component}: required outputs`);
    assert.deepStrictEqual(Object.keys(state).filter((k) => !(k in schema.properties)), [], `${component}: outputs outside the schema`);
    return { urn: resp.getUrn(), state, deps };
}

describe("plugin: started as pulumi-language-nodejs RunPlugin starts it, driven over gRPC", function () {
    this.timeout(120_000);

    before(async () => {
        engine = await startMockEngine(new MockAws(), { project: "consumer", stack: "dev" });
        const options = (yaml.load(fs.readFileSync(path.join(ROOT, "PulumiPlugin.yaml"), "utf8")) as { runtime: { options?: { typescript?: boolean } } }).runtime.options;
        plugin = await startPlugin({ dir: ROOT, engineAddress: engine.engineAddress, typescript: options?.typescript === true });
    });
    after(async () => {
        await plugin?.stop();
        await engine?.close();
    });

    it("GetPluginInfo is package.json's version, GetSchema is exactly schema.json", async () => {
        const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
        const info = await plugin.call<pluginProto.PluginInfo>("getPluginInfo", new emptyProto.Empty());
        assert.strictEqual(info.getVersion(), version);
        const schema = await plugin.call<providerProto.GetSchemaResponse>("getSchema", new providerProto.GetSchemaRequest());
        assert.deepStrictEqual(JSON.parse(schema.getSchema()), schemaJson);
    });

    it("Configure accepts secrets, resources and output values: the engine then sends Construct inputs as output values", async () => {
        const resp = await plugin.call<providerProto.ConfigureResponse>("configure", new providerProto.ConfigureRequest().setArgs(structProto.Struct.fromJavaScript({})));
        assert.deepStrictEqual([resp.getAcceptsecrets(), resp.getAcceptresources(), resp.getAcceptoutputs()], [true, true, true]);
    });

    it("StsEndpoint: the regional STS endpoint and its security group, in the VPC and subnets the program passed as outputs", async () => {
        const sts = await construct("StsEndpoint", "irsa", { vpcId: known(VPC, NETWORK), subnetIds: known(SUBNETS, NETWORK), allowedCidrs: ["10.0.0.0/16"] });
        assert.strictEqual(sts.urn, `urn:pulumi:dev::consumer::${token("StsEndpoint")}::irsa`);
        assert.deepStrictEqual(tree(sts.urn), [`${SG} irsa-endpoints`, `${VPCE} irsa-sts`, `${INGRESS} irsa-endpoints-tcp443-from-10-0-0-0-16`].sort());
        const endpoint = child(sts.urn, VPCE, "irsa-sts");
        assert.deepStrictEqual(
            { vpcId: endpoint.inputs.vpcId, subnetIds: endpoint.inputs.subnetIds, type: endpoint.inputs.vpcEndpointType, dns: endpoint.inputs.privateDnsEnabled },
            { vpcId: VPC, subnetIds: SUBNETS, type: "Interface", dns: true },
        );
        assert.ok(endpoint.dependencies.includes(NETWORK), `the endpoint waits for the program's VPC: ${endpoint.dependencies.join(", ")}`);
        assert.deepStrictEqual(
            [sts.state.endpointId, sts.state.securityGroupId, sts.state.serviceName, sts.state.availabilityZones, sts.state.regionalEndpoint, sts.state.podEnvironment],
            [endpoint.id, child(sts.urn, SG, "irsa-endpoints").id, "com.amazonaws.us-east-1.sts", AZS, "https://sts.us-east-1.amazonaws.com", { AWS_STS_REGIONAL_ENDPOINTS: "regional" }],
        );
        // One interface endpoint in three AZs at $0.01 per AZ-hour, 730 hours a month.
        assert.strictEqual(sts.state.monthlyCostUsd, 21.9);
        assert.deepStrictEqual(sts.deps.endpointId, [NETWORK, endpoint.urn].sort());
    });

    it("EcrEndpoints: ecr.api, ecr.dkr and the S3 gateway on the program's route tables", async () => {
        const ecr = await construct("EcrEndpoints", "ecr", { vpcId: known(VPC, NETWORK), subnetIds: known(SUBNETS, NETWORK), routeTableIds: known([RTB], NETWORK) });
        assert.deepStrictEqual(
            tree(ecr.urn),
            [`${SG} ecr-endpoints`, `${PREFIX_LIST} ecr-vpc-cidrs`, `${INGRESS} ecr-endpoints-tcp443-from-vpc-cidrs`, ...["ecr.api", "ecr.dkr", "s3"].map((s) => `${VPCE} ecr-${s}`)].sort(),
        );
        const s3 = child(ecr.urn, VPCE, "ecr-s3");
        assert.deepStrictEqual([s3.inputs.vpcEndpointType, s3.inputs.routeTableIds], ["Gateway", [RTB]]);
        assert.deepStrictEqual(ecr.state.serviceNames, { "ecr.api": "com.amazonaws.us-east-1.ecr.api", "ecr.dkr": "com.amazonaws.us-east-1.ecr.dkr", s3: "com.amazonaws.us-east-1.s3" });
        assert.deepStrictEqual(ecr.state.endpointIds, Object.fromEntries(["ecr.api", "ecr.dkr", "s3"].map((s) => [s, child(ecr.urn, VPCE, `ecr-${s}`).id])));
        // Two interface endpoints in three AZs; gateway endpoints are free.
        assert.strictEqual(ecr.state.monthlyCostUsd, 43.8);
    });

    it("PrivateClusterEndpoints: the default five endpoints; route tables unknown in preview", async () => {
        const pce = await construct<{ endpointIds: Record<string, string> }>("PrivateClusterEndpoints", "pce", { vpcId: known(VPC, NETWORK), subnetIds: known(SUBNETS, NETWORK), routeTableIds: unknown(NETWORK) });
        assert.deepStrictEqual(
            tree(pce.urn),
            [`${SG} pce-endpoints`, `${PREFIX_LIST} pce-vpc-cidrs`, `${INGRESS} pce-endpoints-tcp443-from-vpc-cidrs`, ...DEFAULT_SERVICES.map((s) => `${VPCE} pce-${s}`)].sort(),
        );
        const s3 = child(pce.urn, VPCE, "pce-s3");
        assert.deepStrictEqual([s3.inputs.vpcEndpointType, s3.inputs.routeTableIds], ["Gateway", undefined]);
        assert.deepStrictEqual(Object.keys(pce.state.endpointIds).sort(), DEFAULT_SERVICES);
        // Four interface endpoints in three AZs at $0.01 per AZ-hour: eksctl's $87.60.
        assert.strictEqual(pce.state.monthlyCostUsd, 87.6);
    });

    it("ResolverInboundEndpoint: the endpoint with one IP in each subnet, DNS from the allowed CIDRs", async () => {
        const subnets = SUBNETS.slice(0, 2);
        const inbound = await construct<{ ipAddresses: string[] }>("ResolverInboundEndpoint", "dns-in", { vpcId: known(VPC, NETWORK), subnetIds: known(subnets, NETWORK), allowedCidrs: ["192.168.0.0/16"] });
        assert.deepStrictEqual(
            tree(inbound.urn),
            [`${SG} dns-in-sg`, `${RESOLVER_ENDPOINT} dns-in-endpoint`, `${INGRESS} dns-in-udp53-from-192-168-0-0-16`, `${INGRESS} dns-in-tcp53-from-192-168-0-0-16`].sort(),
        );
        const endpoint = child(inbound.urn, RESOLVER_ENDPOINT, "dns-in-endpoint");
        assert.deepStrictEqual(
            [endpoint.inputs.direction, (endpoint.inputs.ipAddresses as { subnetId: string }[]).map((a) => a.subnetId), endpoint.inputs.securityGroupIds],
            ["INBOUND", subnets, [child(inbound.urn, SG, "dns-in-sg").id]],
        );
        assert.strictEqual(inbound.state.endpointId, endpoint.id);
        // The mock gives each IP from its subnet's CIDR (10.0.0.0/19, 10.0.32.0/19).
        assert.deepStrictEqual(inbound.state.ipAddresses.map((ip: string) => ip.split(".").slice(0, 2).join(".") + "." + (Number(ip.split(".")[2]) & ~31)), ["10.0.0", "10.0.32"]);
    });

    it("ResolverOutboundEndpoint: the endpoint and DNS egress to the target CIDRs; a secret tag reaches its children still secret", async () => {
        const outbound = await construct("ResolverOutboundEndpoint", "dns-out", {
            vpcId: known(VPC, NETWORK),
            subnetIds: known(SUBNETS.slice(0, 2), NETWORK),
            targetCidrs: ["192.168.0.0/16"],
            tags: secret({ team: "network" }),
        });
        assert.deepStrictEqual(
            tree(outbound.urn),
            [`${SG} dns-out-sg`, `${RESOLVER_ENDPOINT} dns-out-endpoint`, `${EGRESS} dns-out-udp53-to-192-168-0-0-16`, `${EGRESS} dns-out-tcp53-to-192-168-0-0-16`].sort(),
        );
        const endpoint = child(outbound.urn, RESOLVER_ENDPOINT, "dns-out-endpoint");
        const sg = child(outbound.urn, SG, "dns-out-sg");
        assert.deepStrictEqual([endpoint.inputs.direction, outbound.state.endpointId, outbound.state.securityGroupId], ["OUTBOUND", endpoint.id, sg.id]);
        assert.deepStrictEqual([sg.inputs.tags, endpoint.inputs.tags], [secretValue({ team: "network" }), secretValue({ team: "network" })]);
    });

    it("ClusterDnsForwarding: the FORWARD rule for the endpoint host, associated by VPC id; the rule id unknown while the outbound endpoint is", async () => {
        const fwd = await construct<{ forwarderConfigs: { bind: string } }>("ClusterDnsForwarding", "fwd", {
            clusterEndpoint: known(ENDPOINT, CLUSTER),
            resolverIps: known(["10.0.0.10", "10.0.32.10"], NETWORK),
            outboundEndpointId: unknown(NETWORK),
            vpcIds: [VPC],
        });
        assert.deepStrictEqual(tree(fwd.urn), ["aws:route53/resolverRule:ResolverRule fwd-rule", `aws:route53/resolverRuleAssociation:ResolverRuleAssociation fwd-assoc-${VPC}`]);
        const domain = "a1b2c3d4e5f6.gr7.us-east-1.eks.amazonaws.com";
        const rule = child(fwd.urn, "aws:route53/resolverRule:ResolverRule", "fwd-rule");
        assert.deepStrictEqual([rule.inputs.domainName, rule.inputs.ruleType, rule.inputs.resolverEndpointId], [domain, "FORWARD", undefined]);
        assert.deepStrictEqual([fwd.state.domain, fwd.state.ruleId, fwd.deps.domain], [domain, UNKNOWN, [CLUSTER]]);
        assert.ok(!("resourceShareArn" in fwd.state), "no RAM share without shareWith");
        assert.strictEqual(fwd.state.forwarderConfigs.bind, `zone "${domain}" {\n    type forward;\n    forward only;\n    forwarders { 10.0.0.10; 10.0.32.10; };\n};\n`);
    });

    it("HybridDnsAccess: the inbound endpoint and TCP 443 from on-premises on a cluster security group unknown in preview", async () => {
        const hybrid = await construct("HybridDnsAccess", "hybrid", {
            clusterEndpoint: known(ENDPOINT, CLUSTER),
            clusterSecurityGroupId: unknown(CLUSTER),
            clusterVpcId: known(VPC, NETWORK),
            clusterVpcCidr: "10.0.0.0/16",
            inboundSubnetIds: known(SUBNETS.slice(0, 2), NETWORK),
            onPremisesCidrs: ["192.168.0.0/16"],
        });
        const inboundUrn = `urn:pulumi:dev::consumer::${token("HybridDnsAccess")}$${token("ResolverInboundEndpoint")}::hybrid-inbound`;
        assert.deepStrictEqual(
            tree(hybrid.urn),
            [
                `${token("ResolverInboundEndpoint")} hybrid-inbound`,
                `${INGRESS} hybrid-tcp443-from-192-168-0-0-16`,
                `${SG} hybrid-inbound-sg`,
                `${RESOLVER_ENDPOINT} hybrid-inbound-endpoint`,
                `${INGRESS} hybrid-inbound-udp53-from-192-168-0-0-16`,
                `${INGRESS} hybrid-inbound-tcp53-from-192-168-0-0-16`,
            ].sort(),
        );
        const api = child(hybrid.urn, INGRESS, "hybrid-tcp443-from-192-168-0-0-16");
        assert.deepStrictEqual([api.inputs.securityGroupId, api.inputs.cidrIpv4, api.inputs.fromPort, api.inputs.toPort], [undefined, "192.168.0.0/16", 443, 443]);
        assert.ok(api.dependencies.includes(CLUSTER), `the rule waits for the cluster: ${api.dependencies.join(", ")}`);
        assert.deepStrictEqual([hybrid.state.outboundEndpointId, hybrid.state.ruleId], [undefined, undefined], "no outbound side without outboundSubnetIds");
        assert.deepStrictEqual([hybrid.state.inboundEndpointId, hybrid.state.domain], [child(inboundUrn, RESOLVER_ENDPOINT, "hybrid-inbound-endpoint").id, "a1b2c3d4e5f6.gr7.us-east-1.eks.amazonaws.com"]);
    });

    it("PrivateCluster: the @pulumi/eks cluster (a remote component) on the program's subnets, with its own control plane, key and endpoints", async () => {
        const pc = await construct("PrivateCluster", "pc", {
            vpcId: known(VPC, NETWORK),
            vpcCidrs: ["10.0.0.0/16"],
            subnetIds: known(SUBNETS, NETWORK),
            routeTableIds: known([RTB], NETWORK),
        });
        const direct = engine.registrations.filter((r) => r.parent === pc.urn).map((r) => `${r.type} ${r.name}`).sort();
        assert.deepStrictEqual(direct, [
            `${SG} pc-control-plane`,
            `${token("ClusterEndpointAccess")} pc-access`,
            `${token("PrivateClusterEndpoints")} pc-endpoints`,
            "aws:kms/key:Key pc-secrets",
            "eks:index:Cluster pc-eks",
        ].sort());
        const cluster = child(pc.urn, "eks:index:Cluster", "pc-eks");
        assert.deepStrictEqual(
            { remote: cluster.remote, vpcId: cluster.inputs.vpcId, subnets: cluster.inputs.privateSubnetIds, pub: cluster.inputs.endpointPublicAccess, priv: cluster.inputs.endpointPrivateAccess, sg: cluster.inputs.clusterSecurityGroup },
            { remote: true, vpcId: VPC, subnets: SUBNETS, pub: false, priv: true, sg: child(pc.urn, SG, "pc-control-plane").id },
        );
        assert.ok(cluster.dependencies.includes(NETWORK), `the cluster waits for the program's VPC: ${cluster.dependencies.join(", ")}`);
        const endpoints = descendants(pc.urn).filter((r) => r.type === VPCE).map((r) => r.name).sort();
        assert.deepStrictEqual(endpoints, DEFAULT_SERVICES.map((s) => `pc-endpoints-${s}`).sort());
        assert.strictEqual(pc.state.clusterName, "pc");
    });

    it("ClusterEndpointAccess: private mode, TCP 443 from the allowed CIDR on a cluster security group unknown in preview", async () => {
        const access = await construct("ClusterEndpointAccess", "access", {
            mode: "private",
            vpcId: known(VPC, NETWORK),
            clusterSecurityGroupId: unknown(CLUSTER),
            allowedCidrs: ["10.20.0.0/16"],
        });
        assert.deepStrictEqual(tree(access.urn), [`${INGRESS} access-api-tcp443-from-10-20-0-0-16`]);
        const rule = child(access.urn, INGRESS, "access-api-tcp443-from-10-20-0-0-16");
        assert.deepStrictEqual(
            { sg: rule.inputs.securityGroupId, cidr: rule.inputs.cidrIpv4, protocol: rule.inputs.ipProtocol, from: rule.inputs.fromPort, to: rule.inputs.toPort },
            { sg: undefined, cidr: "10.20.0.0/16", protocol: "tcp", from: 443, to: 443 },
        );
        assert.deepStrictEqual(
            { ...access.state, ingressRuleIds: undefined },
            { endpointPrivateAccess: true, endpointPublicAccess: false, publicAccessCidrs: [], warnings: [], vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: false }, ingressRuleIds: undefined },
        );
        assert.deepStrictEqual(access.state.ingressRuleIds, { "access-api-tcp443-from-10-20-0-0-16": rule.id });
        // The endpoint settings wait for the VPC DNS check on the program's VPC.
        assert.deepStrictEqual(access.deps.vpcConfig, [NETWORK]);
    });

    it("an unknown type fails with the package's component list", async () => {
        await assert.rejects(construct("Nope", "x", {}), (err: Error) => {
            assert.strictEqual(err.message, `2 UNKNOWN: unknown resource type ${token("Nope")}; this package has ${Object.keys(schemaJson.resources).join(", ")}`);
            return true;
        });
    });
});
