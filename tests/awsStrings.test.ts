// Every name, description and tag the components build, including those made from the user's names and labels,
// within the character sets and lengths AWS documents (aws/strings.ts cites each).
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ClusterEndpointAccess } from "../apiEndpoint/clusterEndpointAccess";
import { HybridDnsAccess } from "../hybridDns/hybridDnsAccess";
import { PrivateCluster } from "../privateCluster/privateCluster";
import { ec2TextProblem, resourceStringProblems, tagProblem } from "../aws/strings";
import { mockAws } from "../plan/mocks";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
const TAGS = { "team:owner": "platform@example.com", CostCentre: "EKS 42" };

describe("AWS string rules", () => {
    it("EC2 text: the documented set, so an apostrophe or a 256th character is refused", () => {
        assert.strictEqual(ec2TextProblem("Interface VPC endpoints: HTTPS from the VPC (10.0.0.0/16) #1 [a+b=c&d;{e}!$*]"), undefined);
        assert.strictEqual(ec2TextProblem("the cluster's VPC"), "has characters EC2 does not allow: '");
        assert.strictEqual(ec2TextProblem("x".repeat(256)), "is 256 characters long; EC2 allows at most 255");
    });

    it("tags: keys 1-128 characters and not aws:, values up to 256, letters of any script", () => {
        assert.strictEqual(tagProblem("Équipe", "plateforme données"), undefined);
        assert.strictEqual(tagProblem("aws:owner", "x"), 'key "aws:owner" starts with aws:, which AWS reserves');
        assert.strictEqual(tagProblem("owner", "a,b"), 'value "a,b" of owner has characters tags do not allow');
        assert.strictEqual(tagProblem("k".repeat(129), ""), `key "${"k".repeat(129)}" is 129 characters long; tag keys take 1 to 128`);
    });

    it("every component's generated strings pass, with names and labels from the user", async () => {
        mockAws().world.clusterEndpoints = { "prod_eu-west-1": "https://EXAMPLE108C897D9B2F1B21D5EXAMPLE.sk1.us-east-1.eks.amazonaws.com" };
        new PrivateCluster("prod_eu-west-1", {
            vpcId: VPC,
            vpcCidrs: ["10.0.0.0/16"],
            subnetIds: SUBNETS,
            routeTableIds: ["rtb-0a1b2c3d4e5f60718"],
            connectedNetworks: ["192.168.0.0/20"],
            allowedSecurityGroups: { "ci-runners-2": "sg-0a9b8c7d6e5f40312" },
            hybridDns: { connectedDns: "no-internet" },
            pullThroughCache: { registries: ["public.ecr.aws", "registry.k8s.io"] },
            tags: TAGS,
        });
        new ClusterEndpointAccess("api.prod", { mode: "private", vpcId: VPC, clusterSecurityGroupId: "sg-0c1d2e3f4a5b6c7d8", allowedSecurityGroups: { "bastion-hosts": "sg-0a9b8c7d6e5f40312" } });
        new HybridDnsAccess("dns.prod.eu-west-1.with-a-name-longer-than-route-53-resolver-takes", {
            clusterEndpoint: "https://EXAMPLE108C897D9B2F1B21D5EXAMPLE.sk1.us-east-1.eks.amazonaws.com",
            clusterSecurityGroupId: "sg-0c1d2e3f4a5b6c7d8",
            clusterVpcId: VPC,
            clusterVpcCidr: "10.0.0.0/16",
            inboundSubnetIds: SUBNETS.slice(0, 2),
            onPremisesCidrs: ["192.168.0.0/20"],
            tags: TAGS,
        });
        await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
        const resources = [...mockAws().resources.values()];
        const checked = (type: string) => resources.filter((r) => r.type === type).length;
        // The strings exist to be checked: groups with descriptions, rules, Resolver endpoints, tagged resources.
        assert.ok(checked("aws:ec2/securityGroup:SecurityGroup") >= 4 && checked("aws:route53/resolverEndpoint:ResolverEndpoint") === 2);
        const problems = resources.flatMap((r) => resourceStringProblems(r.type, r.inputs).map((p) => `${r.type} ${r.name}: ${p}`));
        assert.deepStrictEqual(problems, []);
    });
});
