// A valid call of each function index.ts exports: its parameters' names (what a named error may start with,
// besides the keys of an options object) and the arguments, made afresh for each call. Label parameters (the
// argument name a caller passes for messages) are `fixed`: they are the caller's wording, not input.
import * as pulumi from "@pulumi/pulumi";
import * as lib from "../../index";
import { mockAws } from "../../plan/mocks";

const ENDPOINT = "https://EXAMPLE108C897D9B2F1B21D5EXAMPLE.sk1.us-east-1.eks.amazonaws.com";
const CA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==";
const ADDON = { clusterName: "prod", region: "us-east-1", vpcId: "vpc-0a1b2c3d4e5f60718", imagePrefixes: { "registry.k8s.io": "123456789012.dkr.ecr.us-east-1.amazonaws.com/k8s" } };
const BOOT = { clusterName: "prod", endpoint: ENDPOINT, certificateAuthority: CA, serviceCidr: "172.20.0.0/16", customServiceCidr: true, kubernetesVersion: "1.31" };
const IPS = ["10.0.12.10", "10.0.44.10"];

export interface FunctionCase {
    /** Parameter names, in order. */
    params: string[];
    /** Valid arguments, made for each call (Outputs and stack references need the mocks). */
    args(): unknown[];
    /** Parameters the fuzzer leaves as given (argument-name labels). */
    fixed?: number[];
    /** More names an error may start with: every argument an options parameter takes, where the valid set leaves some out. */
    names?: string[];
}

const call = (params: string[], args: () => unknown[], fixed?: number[], names?: string[]): FunctionCase => ({ params, args, fixed, names });
const stack = () => new pulumi.StackReference("acme/network/prod");

/** One valid call of each exported function, by export name. */
export const functionCases: Record<string, FunctionCase> = {
    resolveEndpointAccess: call(["args"], () => [
        { mode: "public-and-private", publicAccessCidrs: ["203.0.113.0/24"], ipFamily: "ipv4", hybridNodes: true, allowedCidrs: ["192.168.0.0/20"], allowedSecurityGroupIds: ["sg-0a1b2c3d4e5f60718"], allowedSecurityGroups: { ci: "sg-0b1c2d3e4f5a60718" }, clusterSecurityGroupId: "sg-0c1d2e3f4a5b6c7d8" },
    ]),
    parseClusterEndpoint: call(["endpoint", "arg"], () => [ENDPOINT, "clusterEndpoint"], [1]),
    planEndpoints: call(["selection"], () => [
        { preset: "eks-guide", additionalServices: ["ssm"], features: ["irsa", "karpenter"], existingEndpoints: ["logs"], s3EndpointType: "Interface" },
    ]),
    forwarderConfigs: call(["domain", "resolverIps", "names"], () => ["eks.amazonaws.com", IPS, { domain: "domain", resolverIps: "resolverIps" }], [2]),
    hybridDnsNeed: call(["mode", "connectedDns"], () => ["private", "no-internet"]),
    nodeBootstrap: call(["inputs"], () => [BOOT]),
    loadBalancerControllerValues: call(["ctx"], () => [ADDON]),
    clusterAutoscalerValues: call(["ctx"], () => [ADDON]),
    karpenterValues: call(["ctx"], () => [{ ...ADDON, clusterEndpoint: ENDPOINT, interruptionQueue: "prod-interruptions" }]),
    // A closed local port, resolved by the given look-up: the check answers within milliseconds.
    checkReachability: call(["options"], () => [{ host: "api.example.internal", port: 9, timeoutMs: 300, lookup: () => Promise.resolve({ address: "127.0.0.1", family: 4 }) }]),
    readNetworkOutputs: call(["ref"], () => [stack()]),
    readResolverOutputs: call(["ref"], () => [stack()]),
    readVpcEndpointOutputs: call(["ref"], () => [stack()]),
    readEndpointAccessOutputs: call(["ref"], () => {
        const outputs = { clusterName: "prod", clusterEndpoint: ENDPOINT, clusterSecurityGroupId: "sg-0c1d2e3f4a5b6c7d8", endpointPublicAccess: false, endpointPrivateAccess: true, publicAccessCidrs: [] };
        mockAws().world.stackOutputs["acme/cluster/prod"] = outputs;
        return [new pulumi.StackReference("acme/cluster/prod")];
    }),
};

/** Every function index.ts exports (classes and constants left out), by export name. */
export function exportedFunctions(): Record<string, (...args: unknown[]) => unknown> {
    return Object.fromEntries(
        Object.entries(lib).filter(([, v]) => typeof v === "function" && !/^class\b/.test(Function.prototype.toString.call(v))),
    ) as Record<string, (...args: unknown[]) => unknown>;
}
