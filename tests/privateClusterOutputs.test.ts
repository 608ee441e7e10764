// PrivateCluster's outputs for nodes and add-ons (bootstrap forms, kubeconfig, Helm values) and the reachability
// check behind kubeconfig, injected through adapters/reachability.ts.
import * as assert from "assert";
import * as net from "net";
import type { PrivateClusterArgs } from "../privateCluster/privateCluster";
import { PrivateCluster } from "../privateCluster/privateCluster";
import { mockAws, valueOf } from "../plan/mocks";
import { programFailures } from "./support/failures";
import { CA, ENDPOINT, RTB, SUBNETS, VPC, cluster, settle } from "./support/privateCluster";
import { setReachabilityChecker } from "../adapters/reachability";

/** The kubeconfig fields these tests read (https://kubernetes.io/docs/reference/config-api/kubeconfig.v1/). */
interface Kubeconfig {
    clusters: { name: string; cluster: { server: string; "certificate-authority-data": string } }[];
    users: { user: { exec: { args: string[] } } }[];
}

describe("PrivateCluster outputs", () => {
    afterEach(settle);

    it("outputs every bootstrap form, the kubeconfig and the add-on values for the cluster's endpoint and CA", async () => {
        const c = cluster({ serviceIpv4Cidr: "10.200.0.0/16" });
        const b = await valueOf(c.bootstrap);
        assert.strictEqual(b.al2Command, `/etc/eks/bootstrap.sh prod --apiserver-endpoint ${ENDPOINT} --b64-cluster-ca ${CA} --dns-cluster-ip 10.200.0.10`);
        assert.strictEqual(
            b.al2023NodeConfig,
            `apiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  cluster:\n    name: prod\n    apiServerEndpoint: ${ENDPOINT}\n    certificateAuthority: ${CA}\n    cidr: 10.200.0.0/16\n`,
        );
        assert.strictEqual(b.windowsArguments, `-APIServerEndpoint ${ENDPOINT} -Base64ClusterCA ${CA} -ServiceCIDR 10.200.0.0/16`);
        const kubeconfig = JSON.parse(await valueOf(c.kubeconfig)) as Kubeconfig;
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
            const kubeconfig = JSON.parse(await valueOf(at(port, { reachabilityCheck: "always" }).kubeconfig)) as Kubeconfig;
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

        // The deployment's checker is injected (adapters/reachability.ts): the mocks set none, a deployment the real one.
        it("runs the injected checker for the default \"up\" during a deployment, and fails with its answer", async () => {
            mockAws().world.clusterEndpoints = { prod: `https://127.0.0.1:${port}` };
            const asked: string[] = [];
            setReachabilityChecker((options) => {
                asked.push(`${options.host}:${options.port}`);
                return Promise.resolve({ ok: false, stage: "connect", host: options.host, port: options.port ?? 443, message: "nothing answers from this runner." });
            });
            try {
                const failures = await programFailures(() => valueOf(at(port, {}).kubeconfig).catch(() => undefined));
                assert.deepStrictEqual(failures, ['PrivateCluster "prod": kubernetesApiAccess: the API server is out of reach (connect failed). nothing answers from this runner.']);
                assert.deepStrictEqual(asked, [`127.0.0.1:${port}`]);
            } finally {
                setReachabilityChecker(undefined);
            }
        });

        it("does not check under mocks unless asked (the default runs it during pulumi up only)", async () => {
            await new Promise<void>((resolve) => server.close(() => resolve()));
            server = net.createServer().listen(0, "127.0.0.1");
            mockAws().world.clusterEndpoints = { prod: `https://127.0.0.1:${port}` };
            const kubeconfig = JSON.parse(await valueOf(at(port, {}).kubeconfig)) as Kubeconfig;
            assert.strictEqual(kubeconfig.clusters[0].cluster.server, `https://127.0.0.1:${port}`);
        });
    });
});
