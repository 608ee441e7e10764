// The cluster resource policies (endpoint access, secrets encryption, control-plane logging, the version knob),
// called the way the pack's analyzer calls them: one passing baseline per resource type, mutated into each failing case.
import * as assert from "assert";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { buildPolicies } from "../policy/policies";
import type { Props } from "../rules/types";
import { sentinels, urnOf, validateResource } from "./support/policyArgs";

const AWS = "aws:eks/cluster:Cluster";
const EKS = "eks:index:Cluster";
const LOGS = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

const policies = buildPolicies("recommended");
function policy(name: string): ResourceValidationPolicy {
    const found = policies.find((p) => p.name === name);
    if (!found || !("validateResource" in found)) throw new Error(`no resource policy ${name}`);
    return found;
}

/** A private-only, encrypted, fully logged aws.eks.Cluster: passes every policy. */
function awsCluster(vpcConfig: Props = {}, extra: Props = {}): Props {
    return {
        name: "prod",
        roleArn: "arn:aws:iam::123456789012:role/eks",
        version: "1.33",
        vpcConfig: { subnetIds: ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9"], endpointPublicAccess: false, endpointPrivateAccess: true, ...vpcConfig },
        kubernetesNetworkConfig: { ipFamily: "ipv4" },
        encryptionConfig: { provider: { keyArn: KEY }, resources: ["secrets"] },
        enabledClusterLogTypes: LOGS,
        ...extra,
    };
}

/** The same cluster as a @pulumi/eks component. */
function eksCluster(extra: Props = {}): Props {
    return { vpcId: "vpc-0a1b2c3d4e5f60718", endpointPublicAccess: false, endpointPrivateAccess: true, encryptionConfigKeyArn: KEY, enabledClusterLogTypes: LOGS, ...extra };
}

const resourcePolicyNames = policies.filter((p) => "validateResource" in p && p.name !== "resolver-forward-rule-targets").map((p) => p.name);

describe("policy pack: cluster resource policies", () => {
    it("passes the baselines of both cluster types under every cluster policy", async () => {
        assert.deepStrictEqual(resourcePolicyNames, [
            "eks-public-endpoint-disabled",
            "eks-public-endpoint-not-open",
            "eks-endpoint-access-valid",
            "eks-public-access-cidrs-valid",
            "eks-restricted-public-endpoint-private-access",
            "eks-hybrid-nodes-single-endpoint",
            "eks-secrets-encryption",
            "eks-control-plane-logging",
            "eks-kubernetes-version-allowed",
        ]);
        for (const name of resourcePolicyNames.filter((n) => n !== "eks-kubernetes-version-allowed")) {
            assert.deepStrictEqual(await validateResource(policy(name), AWS, awsCluster()), { violations: [] }, name);
            if (name !== "eks-hybrid-nodes-single-endpoint") {
                assert.deepStrictEqual(await validateResource(policy(name), EKS, eksCluster()), { violations: [] }, name);
            }
        }
    });

    it("eks-public-endpoint-disabled: reports a public endpoint, reading an unset endpointPublicAccess as true", async () => {
        const p = policy("eks-public-endpoint-disabled");
        assert.deepStrictEqual((await validateResource(p, AWS, awsCluster({ endpointPublicAccess: undefined }))).violations, [
            {
                message:
                    "endpointPublicAccess is unset, which EKS treats as true: the Kubernetes API server answers on a public endpoint " +
                    "reachable from the internet (requests are still checked by IAM and RBAC). Set endpointPublicAccess: false with " +
                    "endpointPrivateAccess: true to keep the API server inside the VPC and connected networks.",
            },
        ]);
        assert.strictEqual(
            (await validateResource(p, EKS, eksCluster({ endpointPublicAccess: true }))).violations[0].message.slice(0, 40),
            "endpointPublicAccess is true: the Kubern",
        );
    });

    it("eks-public-endpoint-not-open: judges CIDRs numerically, and a missing or empty list as EKS's default", async () => {
        const p = policy("eks-public-endpoint-not-open");
        const open = (text: string, blocks: string) =>
            `The public API server endpoint is open to the whole internet: ${text} ${blocks}. List only the ` +
            `networks that need the API server, or turn the public endpoint off.`;
        const run = async (vpcConfig: Props, extra: Props = {}) =>
            (await validateResource(p, AWS, awsCluster({ endpointPublicAccess: true, ...vpcConfig }, extra))).violations.map((v) => v.message);
        assert.deepStrictEqual(await run({}), [open("publicAccessCidrs is unset, which EKS treats as", "0.0.0.0/0")]);
        assert.deepStrictEqual(await run({ publicAccessCidrs: [] }), [open("publicAccessCidrs is empty, which EKS treats as", "0.0.0.0/0")]);
        assert.deepStrictEqual(await run({ publicAccessCidrs: ["0.0.0.0/1", "128.0.0.0/1"] }), [
            open('publicAccessCidrs ["0.0.0.0/1","128.0.0.0/1"] covers all of', "0.0.0.0/0"),
        ]);
        assert.deepStrictEqual(await run({}, { kubernetesNetworkConfig: { ipFamily: "ipv6" } }), [
            open("publicAccessCidrs is unset, which EKS treats as", "0.0.0.0/0 and ::/0"),
        ]);
        assert.deepStrictEqual(await run({ publicAccessCidrs: ["203.0.113.0/24", "::/0"] }, { kubernetesNetworkConfig: { ipFamily: "ipv6" } }), [
            open('publicAccessCidrs ["203.0.113.0/24","::/0"] covers all of', "::/0"),
        ]);
        assert.deepStrictEqual(await run({ publicAccessCidrs: ["203.0.113.0/24"] }), []);
        assert.deepStrictEqual(await run({ endpointPublicAccess: false }), []);
    });

    it("eks-public-endpoint-not-open: with allowedCidrs configured, reports public CIDRs outside them", async () => {
        const p = policy("eks-public-endpoint-not-open");
        const outcome = await validateResource(p, EKS, eksCluster({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/25", "198.51.100.7/32"] }), {
            config: { allowedCidrs: ["203.0.113.0/24"] },
        });
        assert.deepStrictEqual(outcome.violations, [
            {
                message:
                    "publicAccessCidrs admits 198.51.100.7/32, outside the CIDRs this policy allows (203.0.113.0/24). Narrow " +
                    "publicAccessCidrs to the allowed networks.",
            },
        ]);
    });

    it("eks-endpoint-access-valid: reports both endpoints off, reading an unset endpointPrivateAccess as false", async () => {
        const p = policy("eks-endpoint-access-valid");
        assert.deepStrictEqual((await validateResource(p, AWS, awsCluster({ endpointPrivateAccess: undefined }))).violations, [
            {
                message:
                    "endpointPublicAccess is false and endpointPrivateAccess is unset, which EKS treats as false: no endpoint would " +
                    "serve the Kubernetes API, and EKS rejects this combination. Turn on endpointPrivateAccess.",
            },
        ]);
        assert.strictEqual((await validateResource(p, EKS, eksCluster({ endpointPrivateAccess: false }))).violations.length, 1);
    });

    it("eks-public-access-cidrs-valid: reports IPv6 CIDRs on an IPv4 cluster in EKS's words, and accepts them on an IPv6 cluster", async () => {
        const p = policy("eks-public-access-cidrs-valid");
        const cidrs = { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24", "2001:db8::/32"] };
        assert.deepStrictEqual((await validateResource(p, AWS, awsCluster(cidrs))).violations, [
            {
                message:
                    "The following CIDRs are invalid in publicAccessCidrs: 2001:db8::/32. 2001:db8::/32: an IPv4 cluster's public " +
                    "endpoint accepts IPv4 CIDRs only.",
            },
        ]);
        assert.deepStrictEqual((await validateResource(p, AWS, awsCluster(cidrs, { kubernetesNetworkConfig: { ipFamily: "ipv6" } }))).violations, []);
        assert.deepStrictEqual(
            (await validateResource(p, EKS, eksCluster({ endpointPublicAccess: true, publicAccessCidrs: ["::/0"] }))).violations.map((v) => v.message.split(".")[0]),
            ["The following CIDRs are invalid in publicAccessCidrs: ::/0"],
        );
    });

    it("eks-restricted-public-endpoint-private-access: reports a restricted public endpoint with private access off", async () => {
        const p = policy("eks-restricted-public-endpoint-private-access");
        const vpcConfig = { endpointPublicAccess: true, endpointPrivateAccess: false, publicAccessCidrs: ["203.0.113.0/24"] };
        assert.deepStrictEqual((await validateResource(p, AWS, awsCluster(vpcConfig))).violations, [
            {
                message:
                    'publicAccessCidrs ["203.0.113.0/24"] restricts the public endpoint while endpointPrivateAccess is false: nodes ' +
                    "and Fargate pods reach the API server through the public endpoint, so unless their NAT or public addresses are " +
                    "inside these CIDRs they cannot join the cluster. Set endpointPrivateAccess: true.",
            },
        ]);
        assert.deepStrictEqual((await validateResource(p, AWS, awsCluster({ ...vpcConfig, endpointPrivateAccess: true }))).violations, []);
        assert.deepStrictEqual((await validateResource(p, AWS, awsCluster({ ...vpcConfig, publicAccessCidrs: ["0.0.0.0/0"] }))).violations, []);
    });

    it("eks-hybrid-nodes-single-endpoint: reports hybrid nodes with both endpoints on", async () => {
        const p = policy("eks-hybrid-nodes-single-endpoint");
        const hybrid = { remoteNetworkConfig: { remoteNodeNetworks: { cidrs: ["172.16.0.0/16"] } } };
        assert.deepStrictEqual((await validateResource(p, AWS, awsCluster({ endpointPublicAccess: true }, hybrid))).violations, [
            {
                message:
                    "remoteNetworkConfig is set (hybrid nodes) and both endpointPublicAccess and endpointPrivateAccess are on: hybrid " +
                    "nodes run outside the VPC and resolve the endpoint to its public IPs. AWS recommends either public or private " +
                    "access for clusters with hybrid nodes.",
            },
        ]);
        assert.deepStrictEqual((await validateResource(p, AWS, awsCluster({}, hybrid))).violations, []);
        assert.deepStrictEqual(await validateResource(p, EKS, eksCluster()), {
            violations: [],
            notApplicable: "Policy only applies to resources of type 'aws:eks/cluster:Cluster'",
        });
    });

    it("eks-secrets-encryption and eks-control-plane-logging: secrets encryption and all five control-plane log types", async () => {
        const enc = policy("eks-secrets-encryption");
        const logs = policy("eks-control-plane-logging");
        assert.deepStrictEqual((await validateResource(enc, AWS, awsCluster({}, { encryptionConfig: undefined }))).violations, [
            {
                message:
                    "encryptionConfig is unset: Kubernetes secrets are not envelope-encrypted with a KMS key you control. Set " +
                    'encryptionConfig: { provider: { keyArn }, resources: ["secrets"] }.',
            },
        ]);
        assert.deepStrictEqual((await validateResource(enc, AWS, awsCluster({}, { encryptionConfig: { provider: {}, resources: [] } }))).violations, [
            {
                message:
                    'encryptionConfig does not encrypt secrets: resources [] does not include "secrets" and provider.keyArn is unset. ' +
                    'Set encryptionConfig: { provider: { keyArn }, resources: ["secrets"] }.',
            },
        ]);
        assert.deepStrictEqual((await validateResource(enc, EKS, eksCluster({ encryptionConfigKeyArn: undefined }))).violations, [
            { message: "encryptionConfigKeyArn is unset: Kubernetes secrets are not envelope-encrypted with a KMS key you control. Set encryptionConfigKeyArn." },
        ]);
        assert.deepStrictEqual((await validateResource(logs, AWS, awsCluster({}, { enabledClusterLogTypes: ["api", "audit"] }))).violations, [
            {
                message:
                    'enabledClusterLogTypes ["api","audit"] lacks authenticator, controllerManager and scheduler. Set ' +
                    'enabledClusterLogTypes: ["api","audit","authenticator","controllerManager","scheduler"].',
            },
        ]);
        assert.deepStrictEqual(
            (await validateResource(logs, EKS, eksCluster({ enabledClusterLogTypes: ["api"] }), { config: { requiredLogTypes: ["api"] } })).violations,
            [],
        );
    });

    it("version knob: idle until allowedVersions is set, then holds the cluster to it", async () => {
        const p = policy("eks-kubernetes-version-allowed");
        assert.deepStrictEqual(await validateResource(p, AWS, awsCluster()), { violations: [], notApplicable: "no allowedVersions configured" });
        const config = { allowedVersions: ["1.32", "1.33"] };
        assert.deepStrictEqual((await validateResource(p, AWS, awsCluster(), { config })).violations, []);
        assert.deepStrictEqual((await validateResource(p, AWS, awsCluster({}, { version: "1.29" }), { config })).violations, [
            { message: "Kubernetes version 1.29 is not allowed; use one of 1.32 and 1.33." },
        ]);
        assert.deepStrictEqual((await validateResource(p, EKS, eksCluster(), { config })).violations, [
            { message: "version is unset, so EKS picks its current default Kubernetes version; set one of 1.32 and 1.33." },
        ]);
    });

    it("is not applicable to other types, nor to the cluster @pulumi/eks creates inside its component", async () => {
        const p = policy("eks-public-endpoint-disabled");
        assert.deepStrictEqual(await validateResource(p, "aws:ec2/vpc:Vpc", { cidrBlock: "10.0.0.0/16" }), {
            violations: [],
            notApplicable: "Policy only applies to resources of type 'aws:eks/cluster:Cluster', 'eks:index:Cluster'",
        });
        const child = await validateResource(p, AWS, awsCluster({ endpointPublicAccess: true }), {
            name: "prod-eksCluster",
            urn: urnOf(AWS, "prod-eksCluster", EKS),
        });
        assert.deepStrictEqual(child, { violations: [], notApplicable: "judged on its parent eks:index:Cluster, whose inputs configure it" });
    });

    it("lets an unknown value through as the SDK's UnknownValueError (reported as \"can't run policy during preview\")", async () => {
        const p = policy("eks-public-endpoint-not-open");
        await assert.rejects(
            validateResource(p, AWS, awsCluster({ endpointPublicAccess: true, publicAccessCidrs: sentinels.unknownArrayValue })),
            { name: "Error", message: "Array value at .vpcConfig.publicAccessCidrs can't be known during preview" },
        );
        // Rules read only the fields they judge: unknown subnets do not stop eks-public-endpoint-disabled.
        assert.deepStrictEqual(
            (await validateResource(policy("eks-public-endpoint-disabled"), AWS, awsCluster({ subnetIds: sentinels.unknownArrayValue }))).violations,
            [],
        );
    });
});
