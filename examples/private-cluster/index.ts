// A fully private EKS cluster (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html), the complete starting point:
// - a VPC with no internet or NAT gateway (unless firstPullNat, below), and private subnets in three Availability Zones;
// - PrivateCluster: private-only API endpoint, the VPC endpoints nodes and pods call, access entries instead of
//   the aws-auth ConfigMap (so `pulumi up` makes no Kubernetes API call), connected networks allowed on TCP 443
//   and DNS, a Route 53 Resolver inbound endpoint for them, and ECR pull-through cache rules;
// - a managed node group that joins through the private endpoint (EKS gives its role an access entry itself);
// - outputs for self-managed nodes (bootstrap that skips EKS introspection: Amazon Linux 2023 nodeadm by default,
//   Bottlerocket settings, Windows) and for the add-ons' Helm releases.
//
// Whoever runs `pulumi up` is cluster admin already: @pulumi/eks has EKS make the cluster's creator admin
// (clusterCreatorArn), so adminRoleArns must not list that role (PrivateCluster refuses it).
//
// Nothing here talks to the Kubernetes API, so `pulumi up` can run from anywhere with AWS credentials. Helm releases
// or a Kubernetes provider built from `kubeconfig` need a runner inside the VPC or a connected network: set
// `kubernetesApiAccess: true` and PrivateCluster checks first that the endpoint resolves and answers.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateCluster } from "eks-private-access";

const config = new pulumi.Config();
const name = "private-cluster";
const vpcCidr = "10.40.0.0/16";
/** Networks outside the VPC that use the cluster: a peered hub VPC and an on-premises range over VPN or Direct Connect. */
const connectedNetworks = config.getObject<string[]>("connectedNetworks") ?? ["10.100.0.0/16", "192.168.0.0/20"];
/** IAM roles that administer the cluster (AmazonEKSClusterAdminPolicy through access entries), besides the deployer. */
const admins = config.getObject<string[]>("adminRoleArns") ?? [];
/**
 * ECR's first pull of each image through a pull-through cache rule needs a NAT gateway in the VPC; later pulls come
 * through the endpoints (ECR user guide, VPC endpoints, Considerations). Either pre-warm the cache: pull each image
 * once through its cache prefix (the imagePrefixes output) from a network with internet access, before pods use it;
 * or set firstPullNat: true for a NAT gateway the private subnets route through (billed hourly: turn it off again
 * once the images are cached). Without either, PrivateCluster warns and first pulls fail.
 */
const firstPullNat = config.getBoolean("firstPullNat") ?? false;

const vpc = new aws.ec2.Vpc(name, {
    cidrBlock: vpcCidr,
    // The private endpoint's EKS-managed hosted zone and the interface endpoints' private DNS both need these.
    enableDnsSupport: true,
    enableDnsHostnames: true,
    tags: { Name: name },
});

// Three private subnets, one per AZ, each with its own route table: only the local route and, once the endpoints
// exist, the S3 gateway endpoint's prefix list. No route to the internet, except through the first-pull NAT.
const zones = aws.getAvailabilityZonesOutput({ state: "available" }).names;
const subnets = [0, 1, 2].map(
    (i) =>
        new aws.ec2.Subnet(`${name}-private-${i + 1}`, {
            vpcId: vpc.id,
            cidrBlock: `10.40.${i * 64}.0/18`,
            availabilityZone: zones.apply((z) => z[i]),
            tags: { Name: `${name}-private-${i + 1}`, "kubernetes.io/role/internal-elb": "1" },
        }),
);
const nat = firstPullNat ? firstPullNatGateway() : undefined;
const routeTables = subnets.map((subnet, i) => {
    const table = new aws.ec2.RouteTable(`${name}-private-${i + 1}`, {
        vpcId: vpc.id,
        // Inline, so the route exists when PrivateCluster reads the route table.
        routes: nat ? [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }] : undefined,
        tags: { Name: `${name}-private-${i + 1}` },
    });
    new aws.ec2.RouteTableAssociation(`${name}-private-${i + 1}`, { subnetId: subnet.id, routeTableId: table.id });
    return table;
});

const cluster = new PrivateCluster(name, {
    vpcId: vpc.id,
    vpcCidrs: [vpcCidr],
    subnetIds: subnets.map((s) => s.id),
    routeTableIds: routeTables.map((t) => t.id),
    // Default "private": no internet endpoint; connected networks reach it through the control-plane 443 rules.
    endpointAccess: "private",
    connectedNetworks,
    adminPrincipalArns: admins,
    // A custom service CIDR outside the VPC and the connected networks; the Windows bootstrap then gets -ServiceCIDR.
    serviceIpv4Cidr: "172.20.0.0/16",
    endpoints: { features: ["irsa", "podIdentity"], defaultPolicy: "account" },
    clusterAutoscaler: true,
    loadBalancerController: true,
    // Public DNS answers a private-only endpoint's name with its private IPs, so connected networks whose DNS reaches
    // public DNS need no forwarding. On-premises resolvers often drop private answers to public names (rebinding
    // protection): they forward the name to the inbound endpoint's IPs (dnsForwarderIps) instead. Two IPs in two AZs
    // is Route 53's minimum ($182.50 a month); drop hybridDns if your resolvers keep private answers.
    hybridDns: { connectedDns: "rebinding-protection", inboundSubnetIds: subnets.slice(0, 2).map((s) => s.id) },
    // Images from ECR Public and registry.k8s.io come through ECR; add "docker.io" with a credentialArns entry.
    // First pulls need the cache pre-warmed or firstPullNat (above).
    pullThroughCache: { registries: ["public.ecr.aws", "registry.k8s.io"] },
    tags: { Project: name },
});

// The managed node group. EKS creates its role's access entry, so it is not listed in PrivateCluster.
const assumedBy = (service: string) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
const partition = aws.getPartitionOutput().partition;
const nodeRole = new aws.iam.Role(`${name}-nodes`, { assumeRolePolicy: assumedBy("ec2.amazonaws.com") });
const nodePolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly", "AmazonEKS_CNI_Policy"].map(
    (policy) =>
        new aws.iam.RolePolicyAttachment(`${name}-nodes-${policy}`, { role: nodeRole.name, policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/${policy}` }),
);
// The first pull of a cached image creates its repository and imports the image: the node role needs both.
const pullThroughCache = new aws.iam.RolePolicy(`${name}-nodes-pull-through-cache`, { role: nodeRole.name, policy: cluster.pullThroughCacheNodePolicy });
new aws.eks.NodeGroup(
    `${name}-default`,
    {
        clusterName: cluster.clusterName,
        nodeRoleArn: nodeRole.arn,
        subnetIds: subnets.map((s) => s.id),
        amiType: "AL2023_x86_64_STANDARD",
        instanceTypes: ["m7i.large"],
        scalingConfig: { minSize: 2, desiredSize: 3, maxSize: 6 },
        // Cluster Autoscaler finds the group by these tags.
        tags: { [`k8s.io/cluster-autoscaler/${name}`]: "owned", "k8s.io/cluster-autoscaler/enabled": "true" },
    },
    { dependsOn: [cluster, ...nodePolicies, pullThroughCache] },
);

/** A public subnet with an internet gateway and the NAT gateway the private subnets use for first pulls. */
function firstPullNatGateway(): aws.ec2.NatGateway {
    const igw = new aws.ec2.InternetGateway(`${name}-first-pull`, { vpcId: vpc.id, tags: { Name: `${name}-first-pull` } });
    const publicSubnet = new aws.ec2.Subnet(`${name}-first-pull`, {
        vpcId: vpc.id,
        cidrBlock: "10.40.192.0/24",
        availabilityZone: zones.apply((z) => z[0]),
        tags: { Name: `${name}-first-pull` },
    });
    const publicRoutes = new aws.ec2.RouteTable(`${name}-first-pull`, { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }], tags: { Name: `${name}-first-pull` } });
    new aws.ec2.RouteTableAssociation(`${name}-first-pull`, { subnetId: publicSubnet.id, routeTableId: publicRoutes.id });
    const eip = new aws.ec2.Eip(`${name}-first-pull`, { domain: "vpc", tags: { Name: `${name}-first-pull` } });
    return new aws.ec2.NatGateway(`${name}-first-pull`, { allocationId: eip.id, subnetId: publicSubnet.id, tags: { Name: `${name}-first-pull` } }, { dependsOn: [igw] });
}

export const clusterName = cluster.clusterName;
export const endpoint = cluster.endpoint;
export const certificateAuthority = cluster.certificateAuthority;
export const oidcIssuer = cluster.oidcIssuer;
export const kubeconfig = cluster.kubeconfig;
export const clusterSecurityGroupId = cluster.clusterSecurityGroupId;
export const endpointSecurityGroupId = cluster.endpointSecurityGroupId;
export const vpcEndpointIds = cluster.endpointIds;
/** Where connected networks forward the endpoint's name (BIND, dnsmasq, Windows DNS conditional forwarders). */
export const dnsForwarderIps = cluster.resolverIps;
/**
 * For self-managed node groups: user data per OS, with the endpoint and CA so nodes skip EKS introspection.
 * Amazon Linux 2023 is the default; EKS publishes no Amazon Linux 2 AMIs after Kubernetes 1.32.
 */
export const al2023NodeConfig = cluster.bootstrap.al2023NodeConfig;
export const bottlerocketSettings = cluster.bootstrap.bottlerocketSettings;
export const windowsBootstrapCommand = cluster.bootstrap.windowsCommand;
/** The principal EKS made cluster admin: whoever ran `pulumi up`. */
export const clusterCreatorArn = cluster.clusterCreatorArn;
/** Advice that did not stop the deployment (first pulls without a NAT route, among others). */
export const warnings = cluster.warnings;
export const loadBalancerControllerValues = cluster.loadBalancerControllerValues;
export const clusterAutoscalerValues = cluster.clusterAutoscalerValues;
export const imagePrefixes = cluster.imagePrefixes;
export const stsPodEnvironment = cluster.stsPodEnvironment;
export const monthlyCostUsd = cluster.monthlyCostUsd;
