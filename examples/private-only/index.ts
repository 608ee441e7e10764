// A private-only cluster built with @pulumi/eks. The API server has no internet endpoint; connected networks
// and a bastion reach the private endpoint through TCP 443 rules on a control-plane security group that is
// attached to the cluster at creation, so the rules exist before anyone needs them.
//
// `pulumi up` must itself run somewhere that reaches the private endpoint if anything talks to the Kubernetes
// API; this program does not (access entries, no aws-auth ConfigMap, no Kubernetes provider).
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as pulumi from "@pulumi/pulumi";
import { ClusterEndpointAccess, EndpointAccessMode, EndpointFeature, PrivateClusterEndpoints } from "eks-private-access";

const config = new pulumi.Config();
/** On-premises and peered ranges that reach the VPC over VPN, Direct Connect or a transit gateway. */
const connectedNetworks = config.getObject<string[]>("connectedNetworks") ?? ["192.168.0.0/20", "10.60.0.0/16"];

const vpc = new aws.ec2.Vpc("private-only", {
    cidrBlock: "10.50.0.0/16",
    // Both are required for the private endpoint's EKS-managed hosted zone; ClusterEndpointAccess checks them.
    enableDnsSupport: true,
    enableDnsHostnames: true,
    tags: { Name: "private-only" },
});
// No internet or NAT gateway: the subnets' only route out of the VPC is through the endpoints below.
const routeTable = new aws.ec2.RouteTable("private-only", { vpcId: vpc.id, tags: { Name: "private-only" } });
const subnetIds = ["a", "b", "c"].map((az, i) => {
    const subnet = new aws.ec2.Subnet(`private-only-${az}`, {
        vpcId: vpc.id,
        cidrBlock: `10.50.${i * 64}.0/18`,
        availabilityZone: aws.getRegionOutput().name.apply((region) => `${region}${az}`),
        tags: { Name: `private-only-${az}`, "kubernetes.io/role/internal-elb": "1" },
    });
    new aws.ec2.RouteTableAssociation(`private-only-${az}`, { subnetId: subnet.id, routeTableId: routeTable.id });
    return subnet.id;
});

const bastion = new aws.ec2.SecurityGroup("private-only-bastion", {
    vpcId: vpc.id,
    description: "Bastion hosts that run kubectl against the private endpoint",
});
const controlPlane = new aws.ec2.SecurityGroup("private-only-control-plane", {
    vpcId: vpc.id,
    description: "Additional control-plane security group: TCP 443 from connected networks and the bastion",
});

const access = new ClusterEndpointAccess("private-only", {
    mode: EndpointAccessMode.Private,
    vpcId: vpc.id,
    clusterSecurityGroupId: controlPlane.id,
    allowedCidrs: connectedNetworks,
    allowedSecurityGroups: { bastion: bastion.id },
});

// What nodes and pods call without internet access: the guide's set, plus what IRSA and Pod Identity need.
const endpoints = new PrivateClusterEndpoints("private-only", {
    vpcId: vpc.id,
    subnetIds,
    routeTableIds: [routeTable.id],
    features: [EndpointFeature.Irsa, EndpointFeature.PodIdentity],
    defaultPolicy: "organization",
    endpointPrivateAccess: true,
});

const secretsKey = new aws.kms.Key("private-only-secrets", {
    description: "EKS secrets encryption for private-only",
    enableKeyRotation: true,
});

const cluster = new eks.Cluster("private-only", {
    vpcId: vpc.id,
    privateSubnetIds: subnetIds,
    endpointPublicAccess: access.endpointPublicAccess,
    endpointPrivateAccess: access.endpointPrivateAccess,
    clusterSecurityGroup: controlPlane,
    authenticationMode: eks.AuthenticationMode.Api,
    encryptionConfigKeyArn: secretsKey.arn,
    enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
    skipDefaultNodeGroup: true,
});

export const kubeconfig = cluster.kubeconfigJson;
export const clusterSecurityGroupId = controlPlane.id;
export const endpointPublicAccess = access.endpointPublicAccess;
export const endpointPrivateAccess = access.endpointPrivateAccess;
export const controlPlaneIngressRuleIds = access.ingressRuleIds;
export const vpcEndpointIds = endpoints.endpointIds;
export const vpcEndpointsMonthlyCostUsd = endpoints.monthlyCostUsd;
