import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { PrivateClusterArgs } from "../privateCluster/privateCluster";
import { PrivateCluster } from "../privateCluster/privateCluster";
import { mockAws, valueOf } from "../plan/mocks";
import { programFailures } from "./support/failures";
import { ADMIN, ENDPOINT, NODES, RTB, SUBNETS, T, VPC, cluster, names, rulesOn, settle } from "./support/privateCluster";
import { registeredBesides } from "./support/hybridDns";

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
        assert.strictEqual((mockAws().get("aws:route53/resolverEndpoint:ResolverEndpoint", "prod-dns-inbound-endpoint").inputs.ipAddresses as unknown[]).length, 3);
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
            const inputs = { ...mockAws().get(T.cache, n).inputs };
            delete inputs.arn;
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
        aws.call = (args) => {
            if (args.token !== "aws:ec2/getRouteTable:getRouteTable") return call(args);
            const { routeTableId } = args.inputs as { routeTableId: string };
            return { id: routeTableId, routeTableId, routes: routes[routeTableId] };
        };
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
        // Every child waits for the check, not only the cluster.
        assert.deepStrictEqual(registeredBesides("prod"), []);
    });

    // The S3 gateway endpoint ECR's layers come through adds a route to the subnets' route tables: without
    // routeTableIds PrivateClusterEndpoints' own check refuses it, now in PrivateCluster's plan, before any child.
    it("refuses the plainest cluster without routeTableIds before registering anything, naming routeTableIds", () => {
        mockAws().world.clusterEndpoints = { prod: ENDPOINT };
        assert.throws(() => new PrivateCluster("prod", { vpcId: VPC, vpcCidrs: ["10.0.0.0/16"], subnetIds: SUBNETS }), {
            message:
                'PrivateCluster "prod": routeTableIds: the s3 gateway endpoint adds a route to the route tables of the nodes\' subnets: pass them, or list the service in existingEndpoints if the VPC already has one',
        });
        assert.strictEqual(mockAws().resources.size, 0);
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

});
