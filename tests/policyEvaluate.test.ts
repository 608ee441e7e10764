// evaluatePolicies, the offline plan's entry to the rules: hand-built plan resources (ids known, references by
// value, no dependency graph), profiles and config, unknown markers, the profile config files, and the insecure
// fixture program run under the mocks.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { mockAws } from "../plan/mocks";
import { evaluatePolicies, PlanResource, PolicyFinding } from "../rules/evaluate";
import { profileConfig, rules } from "../rules/index";

const VPC_ID = "vpc-0a1b2c3d4e5f60718";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const LOGS = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
const urn = (type: string, name: string) => `urn:pulumi:sample::demo::${type}::${name}`;

/** A private-only @pulumi/eks cluster in a VPC without DNS hostnames and without endpoints, as the offline plan records it. */
function planned(): PlanResource[] {
    return [
        { urn: urn("aws:ec2/vpc:Vpc", "main"), type: "aws:ec2/vpc:Vpc", name: "main", id: VPC_ID, inputs: { cidrBlock: "10.0.0.0/16", enableDnsSupport: true } },
        { urn: urn("aws:ec2/securityGroup:SecurityGroup", "cp"), type: "aws:ec2/securityGroup:SecurityGroup", name: "cp", id: "sg-0123456789abcdef0", inputs: { vpcId: VPC_ID } },
        {
            urn: urn("eks:index:Cluster", "prod"),
            type: "eks:index:Cluster",
            name: "prod",
            inputs: {
                vpcId: VPC_ID,
                endpointPublicAccess: false,
                endpointPrivateAccess: true,
                clusterSecurityGroup: "aws:ec2/securityGroup:SecurityGroup::cp",
                encryptionConfigKeyArn: KEY,
                enabledClusterLogTypes: LOGS,
            },
        },
    ];
}

const brief = (findings: PolicyFinding[]) => findings.map((f) => [f.policy, f.enforcementLevel, f.urn]);

describe("evaluatePolicies", () => {
    it("joins a @pulumi/eks cluster to its VPC by id and reports eks-private-endpoint-vpc-dns and eks-private-cluster-vpc-endpoints with metadata", () => {
        const findings = evaluatePolicies(planned(), { profile: "recommended" });
        assert.deepStrictEqual(brief(findings), [
            ["eks-private-endpoint-vpc-dns", "advisory", urn("aws:ec2/vpc:Vpc", "main")],
            ["eks-private-cluster-vpc-endpoints", "advisory", urn("eks:index:Cluster", "prod")],
        ]);
        assert.deepStrictEqual(findings[0], {
            policy: "eks-private-endpoint-vpc-dns",
            enforcementLevel: "advisory",
            severity: "high",
            urn: urn("aws:ec2/vpc:Vpc", "main"),
            message:
                'Cluster "prod" has private endpoint access on: VPC vpc-0a1b2c3d4e5f60718 has enableDnsHostnames=false; private ' +
                "endpoint access needs it true, or the EKS-managed private hosted zone does not resolve the endpoint. Set " +
                "enableDnsHostnames: true on the aws.ec2.Vpc, or run: aws ec2 modify-vpc-attribute --vpc-id vpc-0a1b2c3d4e5f60718 " +
                "--enable-dns-hostnames '{\"Value\":true}'",
            remediation:
                "Set enableDnsSupport: true and enableDnsHostnames: true on the aws.ec2.Vpc, and keep AmazonProvidedDNS in its DHCP " +
                "options set's domainNameServers.",
            link: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
        });
        assert.strictEqual(
            findings[1].message.split(". ")[0],
            'Cluster "prod" is private-only, but VPC "main" (vpc-0a1b2c3d4e5f60718) has no VPC endpoint for ec2, ecr.api, ecr.dkr, s3 and sts',
        );
    });

    it("makes every finding mandatory under strict, and applies config levels and knobs over the profile", () => {
        assert.deepStrictEqual(brief(evaluatePolicies(planned(), { profile: "strict" })).map((b) => b[1]), ["mandatory", "mandatory"]);
        const configured = evaluatePolicies(planned(), {
            profile: "recommended",
            config: {
                "eks-private-endpoint-vpc-dns": { enforcementLevel: "mandatory" },
                "eks-private-cluster-vpc-endpoints": { existingEndpoints: ["ec2", "ecr.api", "ecr.dkr", "s3", "sts"] },
            },
        });
        assert.deepStrictEqual(brief(configured), [["eks-private-endpoint-vpc-dns", "mandatory", urn("aws:ec2/vpc:Vpc", "main")]]);
        assert.deepStrictEqual(evaluatePolicies(planned(), { profile: "strict", config: { "eks-private-endpoint-vpc-dns": "disabled", "eks-private-cluster-vpc-endpoints": "advisory" } }).map((f) => [f.policy, f.enforcementLevel]), [
            ["eks-private-cluster-vpc-endpoints", "advisory"],
        ]);
    });

    it("finds the cluster security group a @pulumi/eks cluster references, and judges its rules", () => {
        const resources = [
            ...planned(),
            {
                urn: urn("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "cp-anywhere"),
                type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                name: "cp-anywhere",
                inputs: { securityGroupId: "sg-0123456789abcdef0", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0" },
            },
        ];
        const open = evaluatePolicies(resources, { profile: "recommended" }).filter((f) => f.policy === "no-internet-https-dns-ingress");
        assert.deepStrictEqual(
            open.map((f) => f.message),
            [
                'security group "cp" (sg-0123456789abcdef0) (EKS cluster) admits TCP 443 from the whole internet (::/0) through ' +
                    'aws.vpc.SecurityGroupIngressRule "cp-anywhere". Admit the VPC CIDR and the connected networks that need HTTPS instead.',
            ],
        );
    });

    it("turns a value the plan only knows after apply into the SDK's \"can't run during preview\" advisory", () => {
        const cluster: PlanResource = {
            urn: urn("aws:eks/cluster:Cluster", "c"),
            type: "aws:eks/cluster:Cluster",
            name: "c",
            inputs: {
                vpcConfig: { subnetIds: ["(known after apply)"], endpointPublicAccess: true, endpointPrivateAccess: true, publicAccessCidrs: "(known after apply)" },
                encryptionConfig: { provider: { keyArn: KEY }, resources: ["secrets"] },
                enabledClusterLogTypes: LOGS,
            },
        };
        const findings = evaluatePolicies([cluster], { profile: "strict" });
        assert.deepStrictEqual(
            findings.map((f) => [f.policy, f.enforcementLevel, f.message.split(":")[0]]),
            [
                ["eks-public-endpoint-disabled", "mandatory", "endpointPublicAccess is true"],
                ["eks-public-endpoint-not-open", "advisory", "can't run policy 'eks-public-endpoint-not-open' during preview"],
                ["eks-public-access-cidrs-valid", "advisory", "can't run policy 'eks-public-access-cidrs-valid' during preview"],
                ["eks-restricted-public-endpoint-private-access", "advisory", "can't run policy 'eks-restricted-public-endpoint-private-access' during preview"],
            ],
        );
        assert.strictEqual(
            findings[1].message,
            "can't run policy 'eks-public-endpoint-not-open' during preview: string value at .vpcConfig.publicAccessCidrs can't be known during preview",
        );
    });

    it("ships profile config files that match the rules' levels", () => {
        for (const profile of ["recommended", "strict"] as const) {
            const file: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "policy", "profiles", `${profile}.json`), "utf8"));
            assert.deepStrictEqual(file, profileConfig(profile), `policy/profiles/${profile}.json`);
        }
        assert.deepStrictEqual(
            rules.filter((r) => r.enforcement.recommended === "mandatory").map((r) => r.name),
            ["eks-endpoint-access-valid", "eks-public-access-cidrs-valid"],
        );
        assert.ok(rules.every((r) => r.enforcement.strict === "mandatory"));
    });

    it("raises exactly the documented findings on the insecure-cluster fixture run under the mocks", async () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the fixture program must run after the mocks are installed, and import() of a .ts file fails under mocha's tsx/cjs hook
        require("./fixtures/insecure-cluster/index");
        await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
        const resources: PlanResource[] = [...mockAws().resources.values()].map((r) => ({ urn: r.urn, type: r.type, name: r.name, parent: r.parent, id: r.id, inputs: r.inputs }));
        const findings = evaluatePolicies(resources, { profile: "recommended" });
        const name = (u: string | undefined) => (u ?? "").split("::").slice(-2).join(" ");
        assert.deepStrictEqual(
            findings.map((f) => [f.policy, f.enforcementLevel, name(f.urn)]),
            [
                ["eks-public-endpoint-disabled", "advisory", "aws:eks/cluster:Cluster insecure"],
                ["eks-public-endpoint-not-open", "advisory", "aws:eks/cluster:Cluster insecure"],
                ["eks-public-access-cidrs-valid", "mandatory", "aws:eks/cluster:Cluster insecure"],
                ["eks-private-endpoint-vpc-dns", "advisory", "aws:ec2/vpc:Vpc insecure"],
                ["vpc-endpoint-security-group", "advisory", "aws:ec2/vpcEndpoint:VpcEndpoint insecure-sts"],
                ["no-internet-https-dns-ingress", "advisory", "aws:ec2/securityGroup:SecurityGroup insecure-endpoints"],
                ["resolver-endpoint-redundancy", "advisory", "aws:route53/resolverEndpoint:ResolverEndpoint insecure-inbound"],
                ["resolver-security-group-dns-only", "advisory", "aws:ec2/securityGroup:SecurityGroup insecure-resolver"],
                ["eks-secrets-encryption", "advisory", "aws:eks/cluster:Cluster insecure"],
                ["eks-control-plane-logging", "advisory", "aws:eks/cluster:Cluster insecure"],
            ],
        );
    });
});
