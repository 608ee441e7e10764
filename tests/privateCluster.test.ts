import * as assert from "assert";
import * as net from "net";
import * as pulumi from "@pulumi/pulumi";
import { PrivateCluster, PrivateClusterArgs } from "../privateCluster/privateCluster";
import { mockAws, valueOf } from "../plan/mocks";
import { programFailures } from "./support/failures";

const VPC = "vpc-0a1b2c3d4e5f60718";
const SUBNETS = ["subnet-0d1e2f3a4b5c6d7e8", "subnet-0e2f3a4b5c6d7e8f9", "subnet-0f3a4b5c6d7e8f90a"];
const RTB = "rtb-0a1b2c3d4e5f60718";
const ADMIN = "arn:aws:iam::123456789012:role/platform-admins";
const NODES = "arn:aws:iam::123456789012:role/prod-nodes";
// The guide's example endpoint (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html), served by the mocked cluster; the CA is the mock's for "prod".
const ENDPOINT = "https://EXAMPLE108C897D9B2F1B21D5EXAMPLE.sk1.us-east-1.eks.amazonaws.com";
const CA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM3ZDNjODBjODllNzQ3MzAwNWM5MzNjMjBmYzQ1MzEyMTA0N2NjYjQ4Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K";
const T = {
    eks: "eks:index:Cluster",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    cache: "aws:ecr/pullThroughCacheRule:PullThroughCacheRule",
    key: "aws:kms/key:Key",
};

function cluster(extra: Partial<PrivateClusterArgs> = {}): PrivateCluster {
    mockAws().world.clusterEndpoints = { prod: ENDPOINT };
    return new PrivateCluster("prod", { vpcId: VPC, vpcCidrs: ["10.0.0.0/16"], subnetIds: SUBNETS, routeTableIds: [RTB], ...extra });
}

async function settle(): Promise<void> {
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs().catch(() => undefined);
}

const names = (type: string) => mockAws().ofType(type).map((r) => r.name).sort();

/** Ingress rules on a security group, as "name: source". */
function rulesOn(groupId: string): string[] {
    return mockAws()
        .ofType(T.ingress)
        .filter((r) => r.inputs.securityGroupId === groupId)
        .map((r) => `${r.name}: ${r.inputs.cidrIpv4 ?? r.inputs.prefixListId ?? r.inputs.referencedSecurityGroupId}`)
        .sort();
}

describe("PrivateCluster", () => {
    afterEach(settle);

    it("gives @pulumi/eks a private, API-authenticated cluster on its own control-plane group, with an encryption key and all logs", async () => {
        const c = cluster({ adminPrincipalArns: [ADMIN], nodeRoleArn: NODES });
        assert.strictEqual(await valueOf(c.clusterName), "prod");
        await settle();
        const eks = mockAws().get(T.eks, "prod-eks");
        const controlPlane = mockAws().get(T.sg, "prod-control-plane");
        const { clusterSecurityGroup, ...inputs } = eks.inputs;
        assert.strictEqual(await valueOf((clusterSecurityGroup as pulumi.CustomResource).id), controlPlane.id);
        assert.deepStrictEqual(inputs, {
            name: "prod",
            vpcId: VPC,
            privateSubnetIds: SUBNETS,
            endpointPublicAccess: false,
            endpointPrivateAccess: true,
            authenticationMode: "API",
            accessEntries: {
                "admin-123456789012-role-platform-admins": {
                    principalArn: ADMIN,
                    type: "STANDARD",
                    accessPolicies: {
                        "cluster-admin": { policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", accessScope: { type: "cluster" } },
                    },
                },
                "nodes-linux": { principalArn: NODES, type: "EC2_LINUX" },
            },
            encryptionConfigKeyArn: `arn:aws:kms:us-east-1:123456789012:key/${mockAws().get(T.key, "prod-secrets").id}`,
            enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
            createOidcProvider: true,
            nodeAssociatePublicIpAddress: false,
            skipDefaultNodeGroup: true,
        });
        assert.deepStrictEqual(mockAws().get(T.key, "prod-secrets").inputs.enableKeyRotation, true);
        assert.strictEqual(await valueOf(c.clusterSecurityGroupId), controlPlane.id);
    });

    it("passes a Windows node role, a service CIDR, a public endpoint's CIDRs and its own key through", async () => {
        cluster({
            endpointAccess: "public-and-private",
            publicAccessCidrs: ["203.0.113.0/24"],
            windowsNodeRoleArn: NODES,
            serviceIpv4Cidr: "10.200.0.0/16",
            secretsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/existing",
            createOidcProvider: false,
        });
        await settle();
        const inputs = mockAws().get(T.eks, "prod-eks").inputs;
        assert.deepStrictEqual(
            [inputs.endpointPublicAccess, inputs.publicAccessCidrs, inputs.kubernetesServiceIpAddressRange, inputs.encryptionConfigKeyArn, inputs.createOidcProvider],
            [true, ["203.0.113.0/24"], "10.200.0.0/16", "arn:aws:kms:us-east-1:123456789012:key/existing", false],
        );
        assert.deepStrictEqual(inputs.accessEntries, { "nodes-windows": { principalArn: NODES, type: "EC2_WINDOWS" } });
        assert.deepStrictEqual(names(T.key), []);
    });

    it("warns that hybridDns may be unneeded on a private-only cluster unless connectedDns says why", async () => {
        // Public DNS answers a private-only endpoint with its private IPs; each Resolver IP is $0.125 x 730 h.
        const unstated = cluster({ connectedNetworks: ["192.168.0.0/20"], hybridDns: {} });
        assert.deepStrictEqual(await valueOf(unstated.warnings), [
            "hybridDns: Resolver forwarding costs $91.25 a month per IP, at least two per endpoint, and may not be needed: public DNS answers a private-only cluster's " +
                "endpoint name with its private IPs (since December 2019), so connected networks whose DNS reaches public DNS resolve it " +
                'without forwarding. Keep it and set connectedDns to "no-internet" or "rebinding-protection" if that is why, otherwise drop hybridDns',
        ]);
        await settle();
        mockAws().reset();
        const stated = cluster({ connectedNetworks: ["192.168.0.0/20"], hybridDns: { connectedDns: "no-internet" } });
        assert.deepStrictEqual(await valueOf(stated.warnings), []);
        await settle();
        mockAws().reset();
        const both = cluster({ connectedNetworks: ["192.168.0.0/20"], endpointAccess: "public-and-private", hybridDns: {} });
        assert.deepStrictEqual(await valueOf(both.warnings), []);
        assert.throws(() => cluster({ connectedNetworks: ["192.168.0.0/20"], hybridDns: { connectedDns: "maybe" as "no-internet" } }), {
            message: 'PrivateCluster "prod": hybridDns.connectedDns: "maybe" is not one of "public-dns", "no-internet", "rebinding-protection"',
        });
    });

    it("applies connectedNetworks to the control plane, the endpoints and the Resolver inbound endpoint, once each", async () => {
        const c = cluster({ connectedNetworks: ["192.168.0.0/20", "10.60.0.0/16"], hybridDns: {} });
        assert.deepStrictEqual(await valueOf(c.resolverIps), ["10.0.25.216", "10.0.60.116", "10.0.93.101"]);
        await valueOf(c.endpointIds);
        await settle();
        assert.deepStrictEqual(rulesOn(mockAws().get(T.sg, "prod-control-plane").id!), [
            "prod-access-api-tcp443-from-10-60-0-0-16: 10.60.0.0/16",
            "prod-access-api-tcp443-from-192-168-0-0-20: 192.168.0.0/20",
        ]);
        assert.deepStrictEqual(rulesOn(mockAws().get(T.sg, "prod-endpoints-endpoints").id!), [
            "prod-endpoints-endpoints-tcp443-from-10-0-0-0-16: 10.0.0.0/16",
            "prod-endpoints-endpoints-tcp443-from-10-60-0-0-16: 10.60.0.0/16",
            "prod-endpoints-endpoints-tcp443-from-192-168-0-0-20: 192.168.0.0/20",
        ]);
        assert.deepStrictEqual(rulesOn(mockAws().get(T.sg, "prod-dns-inbound-sg").id!), [
            "prod-dns-inbound-tcp53-from-10-60-0-0-16: 10.60.0.0/16",
            "prod-dns-inbound-tcp53-from-192-168-0-0-20: 192.168.0.0/20",
            "prod-dns-inbound-udp53-from-10-60-0-0-16: 10.60.0.0/16",
            "prod-dns-inbound-udp53-from-192-168-0-0-20: 192.168.0.0/20",
        ]);
        assert.strictEqual(mockAws().get("aws:route53/resolverEndpoint:ResolverEndpoint", "prod-dns-inbound-endpoint").inputs.ipAddresses.length, 3);
        // 73 control plane + 4 interface endpoints x 3 AZs x 7.30 (87.60, eksctl's) + 3 Resolver IPs x 0.125 x 730 (273.75) + 1 key.
        assert.strictEqual(await valueOf(c.monthlyCostUsd), 435.35);
    });

    it("adds the autoscaling endpoint for Cluster Autoscaler, and not by default", async () => {
        await valueOf(cluster().endpointIds);
        await settle();
        assert.ok(!names(T.endpoint).includes("prod-endpoints-autoscaling"));
        mockAws().reset();
        await valueOf(cluster({ clusterAutoscaler: true }).endpointIds);
        await settle();
        assert.deepStrictEqual(names(T.endpoint), [
            "prod-endpoints-autoscaling",
            "prod-endpoints-ec2",
            "prod-endpoints-ecr.api",
            "prod-endpoints-ecr.dkr",
            "prod-endpoints-s3",
            "prod-endpoints-sts",
        ]);
        mockAws().reset();
        await valueOf(cluster({ endpoints: { preset: "eks-guide", features: ["clusterAutoscaler"], existingEndpoints: ["xray"] } }).endpointIds);
        await settle();
        assert.ok(names(T.endpoint).includes("prod-endpoints-autoscaling"));
        assert.ok(names(T.endpoint).includes("prod-endpoints-logs"));
        assert.ok(!names(T.endpoint).includes("prod-endpoints-xray"));
    });

    it("endpoints.preset eks-guide adds the guide's logs, elasticloadbalancing and xray; endpointAzs 2 costs 2 AZs", async () => {
        const guide = cluster({ endpoints: { preset: "eks-guide" } });
        await valueOf(guide.endpointIds);
        await settle();
        assert.deepStrictEqual(names(T.endpoint), [
            "prod-endpoints-ec2",
            "prod-endpoints-ecr.api",
            "prod-endpoints-ecr.dkr",
            "prod-endpoints-elasticloadbalancing",
            "prod-endpoints-logs",
            "prod-endpoints-s3",
            "prod-endpoints-sts",
            "prod-endpoints-xray",
        ]);
        mockAws().reset();
        const dev = cluster({ endpoints: { endpointAzs: 2 } });
        await valueOf(dev.endpointIds);
        await settle();
        assert.deepStrictEqual(mockAws().get(T.endpoint, "prod-endpoints-sts").inputs.subnetIds, SUBNETS.slice(0, 2));
        // 73 control plane + 4 interface endpoints x 2 AZs x 7.30 (58.40, eksctl's in 2 AZs) + 1 key.
        assert.strictEqual(await valueOf(dev.monthlyCostUsd), 132.4);
        assert.throws(() => cluster({ endpoints: { endpointAzs: 1.5 } }), {
            message: 'PrivateCluster "prod": endpoints.endpointAzs: expected a whole number of AZs, 1 or more (leave it out for every AZ of the subnets), got 1.5',
        });
    });

    it("creates no endpoints with endpoints.create false", async () => {
        const c = cluster({ endpoints: { create: false } });
        assert.deepStrictEqual(await valueOf(c.endpointIds), {});
        await settle();
        assert.deepStrictEqual(names(T.endpoint), []);
        assert.deepStrictEqual(mockAws().get(T.eks, "prod-eks").inputs.endpointPrivateAccess, true);
    });

    it("creates one pull-through cache rule per upstream registry and outputs the image-prefix mapping", async () => {
        const secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf";
        const c = cluster({ pullThroughCache: { registries: ["registry.k8s.io", "docker.io"], credentialArns: { "docker.io": secret } } });
        assert.deepStrictEqual(await valueOf(c.imagePrefixes), {
            "docker.io": "123456789012.dkr.ecr.us-east-1.amazonaws.com/docker-hub",
            "registry.k8s.io": "123456789012.dkr.ecr.us-east-1.amazonaws.com/k8s",
        });
        await settle();
        const rule = (n: string) => {
            const { arn: _arn, ...inputs } = mockAws().get(T.cache, n).inputs;
            return inputs;
        };
        assert.deepStrictEqual(names(T.cache), ["prod-cache-docker-io", "prod-cache-registry-k8s-io"]);
        assert.deepStrictEqual(rule("prod-cache-docker-io"), { ecrRepositoryPrefix: "docker-hub", upstreamRegistryUrl: "registry-1.docker.io", credentialArn: secret });
        assert.deepStrictEqual(rule("prod-cache-registry-k8s-io"), { ecrRepositoryPrefix: "k8s", upstreamRegistryUrl: "registry.k8s.io" });
        assert.match(await valueOf(c.pullThroughCacheNodePolicy), /"ecr:BatchImportUpstreamImage"/);
        assert.deepStrictEqual((await valueOf(c.clusterAutoscalerValues)).image, {
            repository: "123456789012.dkr.ecr.us-east-1.amazonaws.com/k8s/autoscaling/cluster-autoscaler",
        });
    });

    // ECR user guide, VPC endpoints, Considerations: an image's first pull through a pull-through cache rule needs a
    // NAT gateway in the VPC. The route tables are looked up (stubbed here: DescribeRouteTables' routes).
    it("warns when the nodes' route tables have no route to a NAT gateway for the cache's first pulls", async () => {
        const aws = mockAws();
        const call = aws.call.bind(aws);
        const routes: Record<string, Record<string, string>[]> = { [RTB]: [{ cidrBlock: "10.0.0.0/16", gatewayId: "local" }] };
        aws.call = (args) =>
            args.token === "aws:ec2/getRouteTable:getRouteTable" ? { id: args.inputs.routeTableId, routeTableId: args.inputs.routeTableId, routes: routes[args.inputs.routeTableId] } : call(args);
        try {
            const isolated = cluster({ pullThroughCache: { registries: ["registry.k8s.io"] } });
            assert.deepStrictEqual(await valueOf(isolated.warnings), [
                `pullThroughCache: route table ${RTB} has no route to a NAT gateway. ECR's first pull of each image through a pull-through cache rule over ` +
                    "the VPC endpoints needs a NAT gateway in the VPC; later pulls do not (ECR user guide, VPC endpoints, Considerations). Pre-warm the cache " +
                    "by pulling each image once through the cache prefix from a network with internet access, or route these subnets to a NAT gateway for the first pull.",
            ]);
            await settle();
            aws.reset();
            routes[RTB].push({ cidrBlock: "0.0.0.0/0", natGatewayId: "nat-0a1b2c3d4e5f60718" });
            assert.deepStrictEqual(await valueOf(cluster({ pullThroughCache: { registries: ["registry.k8s.io"] } }).warnings), []);
        } finally {
            await settle();
            aws.call = call;
        }
    });

    it("outputs every bootstrap form, the kubeconfig and the add-on values for the cluster's endpoint and CA", async () => {
        const c = cluster({ serviceIpv4Cidr: "10.200.0.0/16" });
        const b = await valueOf(c.bootstrap);
        assert.strictEqual(b.al2Command, `/etc/eks/bootstrap.sh prod --apiserver-endpoint ${ENDPOINT} --b64-cluster-ca ${CA} --dns-cluster-ip 10.200.0.10`);
        assert.strictEqual(
            b.al2023NodeConfig,
            `apiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  cluster:\n    name: prod\n    apiServerEndpoint: ${ENDPOINT}\n    certificateAuthority: ${CA}\n    cidr: 10.200.0.0/16\n`,
        );
        assert.strictEqual(b.windowsArguments, `-APIServerEndpoint ${ENDPOINT} -Base64ClusterCA ${CA} -ServiceCIDR 10.200.0.0/16`);
        const kubeconfig = JSON.parse(await valueOf(c.kubeconfig));
        assert.deepStrictEqual(kubeconfig.clusters, [{ name: "prod", cluster: { server: ENDPOINT, "certificate-authority-data": CA } }]);
        assert.deepStrictEqual(kubeconfig.users[0].user.exec.args, ["eks", "get-token", "--cluster-name", "prod", "--region", "us-east-1", "--output", "json"]);
        assert.deepStrictEqual(await valueOf(c.loadBalancerControllerValues), {
            clusterName: "prod",
            region: "us-east-1",
            vpcId: VPC,
            enableShield: false,
            enableWaf: false,
            enableWafv2: false,
        });
        assert.strictEqual(await valueOf(c.oidcIssuer), "oidc.eks.us-east-1.amazonaws.com/id/9EBBAA23467A816CBD357633D5C5156A");
    });

    // EKS user guide, AL2 AMI deprecation FAQs: no AL2 AMIs after 1.32; Bottlerocket's aws-k8s settings name the
    // API server, CA, cluster name and cluster DNS IP.
    it("bootstraps Kubernetes 1.33 nodes with AL2023 and Bottlerocket only, and 1.32 nodes with AL2 as well", async () => {
        const b133 = await valueOf(cluster({ version: "1.33" }).bootstrap);
        assert.deepStrictEqual(Object.keys(b133).sort(), ["al2023NodeConfig", "bottlerocketSettings", "windowsArguments", "windowsCommand", "windowsUserData"]);
        assert.strictEqual(
            b133.bottlerocketSettings,
            `[settings.kubernetes]\napi-server = "${ENDPOINT}"\ncluster-certificate = "${CA}"\ncluster-name = "prod"\ncluster-dns-ip = "172.20.0.10"\n`,
        );
        await settle();
        mockAws().reset();
        const b132 = await valueOf(cluster({ version: "1.32" }).bootstrap);
        assert.strictEqual(b132.al2Command, `/etc/eks/bootstrap.sh prod --apiserver-endpoint ${ENDPOINT} --b64-cluster-ca ${CA}`);
    });

    // Karpenter's guide, Private Clusters: settings.isolatedVPC, clusterName, clusterEndpoint, interruptionQueue.
    it("outputs Karpenter values for an isolated VPC with the cluster's endpoint and the interruption queue", async () => {
        const c = cluster({ karpenterInterruptionQueue: "prod-karpenter" });
        assert.deepStrictEqual(await valueOf(c.karpenterValues), {
            settings: { clusterName: "prod", clusterEndpoint: ENDPOINT, isolatedVPC: true, interruptionQueue: "prod-karpenter" },
        });
    });

    // CreateAccessConfigRequest: bootstrapClusterCreatorAdminPermissions (true in @pulumi/eks) makes the creator admin;
    // CreateAccessEntry for it again is a 409 ResourceInUseException. The mocked caller is role/platform-deployer.
    it("outputs the principal EKS makes admin, and refuses it in adminPrincipalArns before the cluster is created", async () => {
        assert.strictEqual(await valueOf(cluster({ adminPrincipalArns: [ADMIN] }).clusterCreatorArn), "arn:aws:iam::123456789012:role/platform-deployer");
        await settle();
        mockAws().reset();
        const deployer = "arn:aws:iam::123456789012:role/ci/platform-deployer";
        const failures = await programFailures(() => valueOf(cluster({ adminPrincipalArns: [ADMIN, deployer] }).clusterCreatorArn).catch(() => undefined));
        assert.deepStrictEqual(failures, [
            `PrivateCluster "prod": adminPrincipalArns[1]: ${deployer} is the principal running this deployment (arn:aws:iam::123456789012:role/platform-deployer); ` +
                "EKS already gives it cluster admin as the cluster's creator, and a second access entry for it fails with 409 ResourceInUseException: remove it from adminPrincipalArns",
        ]);
        assert.deepStrictEqual(names(T.eks), []);
    });

    it("rejects bad inputs before registering anything", () => {
        const fails = (extra: Partial<PrivateClusterArgs>, message: string) => {
            assert.throws(() => cluster(extra), { message: `PrivateCluster "prod": ${message}` });
            assert.deepStrictEqual([...mockAws().resources.values()].map((r) => r.name), []);
        };
        fails({ version: "latest" }, 'version: "latest" is not an EKS Kubernetes version; give major.minor, like "1.33"');
        fails({ connectedNetworks: ["10.0.128.0/20"] }, "connectedNetworks[0]: 10.0.128.0/20 overlaps the VPC's 10.0.0.0/16; the VPC routes those addresses locally, so list only networks outside it");
        fails(
            { endpointAccess: "public" },
            'endpointAccess: "public" leaves the private endpoint off, and nodes without internet access register through it (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html). ' +
                'Use "private" or "public-and-private", or set endpoints.create: false for nodes that reach the internet',
        );
        fails(
            { adminPrincipalArns: ["arn:aws:sts::123456789012:assumed-role/admins/alice"] },
            "adminPrincipalArns[0]: arn:aws:sts::123456789012:assumed-role/admins/alice is a session (assumed-role) ARN; access entries take the role itself: arn:<partition>:iam::<account>:role/<name>",
        );
        fails({ hybridDns: {} }, "connectedNetworks: hybridDns needs the networks that forward the endpoint's name to the Resolver inbound endpoint: list them here");
        fails({ serviceIpv4Cidr: "10.0.0.0/16" }, "serviceIpv4Cidr: 10.0.0.0/16 overlaps the VPC's 10.0.0.0/16; service addresses must be unique across the networks pods talk to");
        fails({ endpoints: { features: ["gpu" as never] } }, 'endpoints.features[0]: "gpu" is not a feature; use one of irsa, clusterAutoscaler, podIdentity, loadBalancerController, secretsEncryption, containerInsights, sessionManager, ebsCsiDriver, efsCsiDriver, karpenter, secretsManager, managedPrometheus, guardDutyRuntimeMonitoring, eksApi');
        fails({ subnetIds: [SUBNETS[0]] }, "subnetIds: EKS needs subnets in at least two Availability Zones; list two or more private subnets (three recommended)");
        fails({ reachabilityCheck: "sometimes" as never }, 'reachabilityCheck: "sometimes" is not one of "up", "always", "never"');
    });

    describe("kubernetesApiAccess: the reachability check (local listener only)", () => {
        let server: net.Server;
        let port: number;
        beforeEach(async () => {
            server = net.createServer((socket) => socket.destroy());
            await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
            port = (server.address() as net.AddressInfo).port;
        });
        afterEach(async () => {
            await new Promise<void>((resolve) => server.close(() => resolve()));
        });
        const at = (p: number, extra: Partial<PrivateClusterArgs>) => {
            const c = new PrivateCluster("prod", { vpcId: VPC, vpcCidrs: ["10.0.0.0/16"], subnetIds: SUBNETS, routeTableIds: [RTB], kubernetesApiAccess: true, ...extra });
            return c;
        };

        it("hands out the kubeconfig once the endpoint answers", async () => {
            mockAws().world.clusterEndpoints = { prod: `https://127.0.0.1:${port}` };
            const kubeconfig = JSON.parse(await valueOf(at(port, { reachabilityCheck: "always" }).kubeconfig));
            assert.strictEqual(kubeconfig.clusters[0].cluster.server, `https://127.0.0.1:${port}`);
        });

        it("fails with which step failed and what to do when nothing answers", async () => {
            await new Promise<void>((resolve) => server.close(() => resolve()));
            server = net.createServer().listen(0, "127.0.0.1");
            mockAws().world.clusterEndpoints = { prod: `https://127.0.0.1:${port}` };
            const failures = await programFailures(() => valueOf(at(port, { reachabilityCheck: "always" }).kubeconfig).catch(() => undefined));
            // It fails `pulumi up` on the component with one line: no "error serializing property" wrappers.
            assert.deepStrictEqual(failures, [
                `PrivateCluster "prod": kubernetesApiAccess: the API server is out of reach (connect failed). 127.0.0.1 resolves to 127.0.0.1, ` +
                    `but TCP ${port} does not answer (ECONNREFUSED). Run pulumi up inside the cluster's VPC or a connected network (peering, ` +
                    `transit gateway, VPN, Direct Connect) with a route to 127.0.0.1, and add this runner's CIDR to connectedNetworks so the ` +
                    `control-plane security group allows TCP ${port} from it.`,
            ]);
        });

        it("does not check under mocks unless asked (the default runs it during pulumi up only)", async () => {
            await new Promise<void>((resolve) => server.close(() => resolve()));
            server = net.createServer().listen(0, "127.0.0.1");
            mockAws().world.clusterEndpoints = { prod: `https://127.0.0.1:${port}` };
            const kubeconfig = JSON.parse(await valueOf(at(port, {}).kubeconfig));
            assert.strictEqual(kubeconfig.clusters[0].cluster.server, `https://127.0.0.1:${port}`);
        });
    });
});
