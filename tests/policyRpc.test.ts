// The pack's policies behind @pulumi/policy's own analyzer RPC handlers (the functions `pulumi preview
// --policy-pack` talks to over gRPC), fed real protobuf requests: checks the wrapper against the SDK's own
// argument building, unknown handling, not-applicable reporting and enforcement levels, not only against fakes.
import * as assert from "assert";
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import * as policyServer from "@pulumi/policy/server";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
import { buildPolicies } from "../policy/policies";
import { sentinels } from "./support/policyArgs";

/** A gRPC unary handler as @grpc/grpc-js calls it: the request in `call`, the reply (or error) through `callback`. */
type Handler<Request> = (call: { request: Request }, callback: (err: unknown, resp?: analyzerpb.AnalyzeResponse) => void) => Promise<void>;

// @pulumi/policy exports its analyzer's RPC handlers at runtime; its typings mark them internal, so they are typed here.
const server = policyServer as unknown as {
    makeAnalyzeRpcFun(name: string, version: string, level: EnforcementLevel, policies: Policies): Handler<analyzerpb.AnalyzeRequest>;
    makeAnalyzeStackRpcFun(name: string, version: string, level: EnforcementLevel, policies: Policies): Handler<analyzerpb.AnalyzeStackRequest>;
};

const urnOf = (type: string, name: string) => `urn:pulumi:test::eks-private-access::${type}::${name}`;

function resource<R extends analyzerpb.AnalyzeRequest | analyzerpb.AnalyzerResource>(
    Kind: new () => R,
    type: string,
    name: string,
    props: Record<string, JavaScriptValue>,
): R {
    const r = new Kind();
    r.setType(type);
    r.setName(name);
    r.setUrn(urnOf(type, name));
    r.setProperties(Struct.fromJavaScript(props));
    r.setOptions(new analyzerpb.AnalyzerResourceOptions());
    return r;
}

interface Diagnostic {
    policy: string;
    level: string;
    message: string;
    urn: string;
}

function call<Request>(handler: Handler<Request>, request: Request): Promise<{ diagnostics: Diagnostic[]; notApplicable: string[] }> {
    const levels = Object.fromEntries(Object.entries(analyzerpb.EnforcementLevel).map(([k, v]) => [v, k.toLowerCase()]));
    return new Promise((resolve, reject) =>
        void handler({ request }, (err, resp) => {
            if (err) return reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
            if (!resp) return reject(new Error("the handler replied with neither an error nor a response"));
            resolve({
                diagnostics: resp.getDiagnosticsList().map((d) => ({
                    policy: d.getPolicyname(),
                    level: levels[d.getEnforcementlevel()],
                    message: d.getMessage(),
                    urn: d.getUrn(),
                })),
                notApplicable: resp.getNotApplicableList().map((n) => `${n.getPolicyName()}: ${n.getReason()}`),
            });
        }),
    );
}

describe("policy pack through @pulumi/policy's analyzer handlers", () => {
    it("analyze: reports a public, unencrypted cluster, with the profile's levels", async () => {
        const analyze = server.makeAnalyzeRpcFun("eks-private-access", "0.1.0", "advisory", buildPolicies("strict"));
        const req = resource(analyzerpb.AnalyzeRequest, "aws:eks/cluster:Cluster", "prod", {
            vpcConfig: { subnetIds: [sentinels.unknownStringValue], endpointPublicAccess: true, endpointPrivateAccess: true, publicAccessCidrs: ["203.0.113.0/24"] },
            enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
        });
        const out = await call(analyze, req);
        assert.deepStrictEqual(
            out.diagnostics.map((d) => [d.policy, d.level]),
            [
                ["eks-public-endpoint-disabled", "mandatory"],
                ["eks-secrets-encryption", "mandatory"],
            ],
        );
        // The SDK puts the policy's description in front of each message.
        assert.strictEqual(
            out.diagnostics[0].message,
            "The EKS API server's public endpoint is turned off (an unset endpointPublicAccess counts as on, as in the EKS API).\n" +
                "endpointPublicAccess is true: the Kubernetes API server answers on a public endpoint reachable from the internet " +
                "(requests are still checked by IAM and RBAC). Set endpointPublicAccess: false with endpointPrivateAccess: true to " +
                "keep the API server inside the VPC and connected networks.",
        );
        assert.deepStrictEqual(out.notApplicable, [
            "resolver-forward-rule-targets: Policy only applies to resources of type 'aws:route53/resolverRule:ResolverRule'",
            "eks-kubernetes-version-allowed: no allowedVersions configured",
        ]);
    });

    it("analyze: an unknown publicAccessCidrs becomes the SDK's advisory \"can't run policy\" note", async () => {
        const analyze = server.makeAnalyzeRpcFun("eks-private-access", "0.1.0", "advisory", buildPolicies("strict"));
        const req = resource(analyzerpb.AnalyzeRequest, "eks:index:Cluster", "prod", {
            endpointPublicAccess: true,
            endpointPrivateAccess: true,
            publicAccessCidrs: sentinels.unknownArrayValue,
            encryptionConfigKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1",
            enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
        });
        const out = await call(analyze, req);
        assert.deepStrictEqual(out.diagnostics.map((d) => [d.policy, d.level, d.message]), [
            ["eks-public-endpoint-disabled", "mandatory", out.diagnostics[0].message],
            [
                "eks-public-endpoint-not-open",
                "advisory",
                "can't run policy 'eks-public-endpoint-not-open' from policy pack 'eks-private-access@v0.1.0' during preview: Array value at .publicAccessCidrs can't be known during preview",
            ],
            [
                "eks-public-access-cidrs-valid",
                "advisory",
                "can't run policy 'eks-public-access-cidrs-valid' from policy pack 'eks-private-access@v0.1.0' during preview: Array value at .publicAccessCidrs can't be known during preview",
            ],
            [
                "eks-restricted-public-endpoint-private-access",
                "advisory",
                "can't run policy 'eks-restricted-public-endpoint-private-access' from policy pack 'eks-private-access@v0.1.0' during preview: Array value at .publicAccessCidrs can't be known during preview",
            ],
        ]);
    });

    it("analyzeStack: joins through property dependencies and reports on the VPC's URN", async () => {
        const analyzeStack = server.makeAnalyzeStackRpcFun("eks-private-access", "0.1.0", "advisory", buildPolicies("recommended"));
        const vpc = resource(analyzerpb.AnalyzerResource, "aws:ec2/vpc:Vpc", "main", { cidrBlock: "10.0.0.0/16", enableDnsSupport: true, enableDnsHostnames: false });
        const subnet = resource(analyzerpb.AnalyzerResource, "aws:ec2/subnet:Subnet", "a", { vpcId: sentinels.unknownStringValue, availabilityZone: "us-east-1a" });
        const deps = (r: analyzerpb.AnalyzerResource, prop: string, on: analyzerpb.AnalyzerResource[]) => {
            const d = new analyzerpb.AnalyzerPropertyDependencies();
            d.setUrnsList(on.map((x) => x.getUrn()));
            r.getPropertydependenciesMap().set(prop, d);
        };
        deps(subnet, "vpcId", [vpc]);
        const cluster = resource(analyzerpb.AnalyzerResource, "aws:eks/cluster:Cluster", "prod", {
            vpcConfig: { subnetIds: [sentinels.unknownStringValue], endpointPublicAccess: true, endpointPrivateAccess: true },
        });
        deps(cluster, "vpcConfig", [subnet]);
        const req = new analyzerpb.AnalyzeStackRequest();
        req.setResourcesList([vpc, subnet, cluster]);
        const out = await call(analyzeStack, req);
        assert.deepStrictEqual(
            out.diagnostics.map((d) => [d.policy, d.level, d.urn, d.message.split("\n")[1].split(";")[0]]),
            [["eks-private-endpoint-vpc-dns", "advisory", urnOf("aws:ec2/vpc:Vpc", "main"), 'Cluster "prod" has private endpoint access on: VPC <id of VPC "main"> has enableDnsHostnames=false']],
        );
    });
});
