// Amazon EKS in the fake AWS. One cluster has one set of facts whichever resource answers for it: the
// aws.eks.Cluster resource and @pulumi/eks' Cluster (a remote component: one resource under mocks, whose
// `core.cluster` is that aws.eks.Cluster) give the same endpoint, certificate authority, OIDC issuer and cluster
// security group, in the partition's domain (aws/regions.ts, aws/clusterEndpoint.ts).
import type * as aws from "@pulumi/aws";
import type * as eks from "@pulumi/eks";
import { clusterEndpointSuffix, EndpointForm } from "../../aws/clusterEndpoint";
import { InputsOf, MockArgs, OutputsOf, ResourceMock, StateOf } from "./types";
import { arnOf, MockWorld, partitionOf, stableHex } from "./world";

type ClusterState = StateOf<aws.eks.ClusterState>;

/** What EKS chooses when the request leaves it out (https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html). */
const defaults = {
    /** The mocked account's default Kubernetes version. */
    version: "1.33",
    // "If you don't specify a block, Kubernetes assigns addresses from either the 10.100.0.0/16 or 172.20.0.0/16
    // CIDR blocks" (KubernetesNetworkConfigRequest, serviceIpv4Cidr); the mocks take the second.
    serviceIpv4Cidr: "172.20.0.0/16",
    // VpcConfigRequest: endpointPublicAccess defaults to true, endpointPrivateAccess to false, publicAccessCidrs to 0.0.0.0/0.
    publicAccessCidrs: ["0.0.0.0/0"],
};

/**
 * The cluster's endpoint (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "IPv4 cluster
 * endpoint format" and "IPv6 cluster endpoint format"), or the world's stand-in for it (a local listener in tests).
 */
export function clusterEndpoint(world: MockWorld, name: string, ipv6: boolean): string {
    const hex = clusterHex(name);
    const suffix = clusterEndpointSuffix(world.region, ipv6 ? EndpointForm.DualStack : EndpointForm.Ipv4);
    return world.clusterEndpoints?.[name] ?? `https://${hex}.gr7.${world.region}.${suffix}`;
}

/** The cluster's certificate authority as EKS returns it: a PEM certificate, base64-encoded (certificateAuthority.data). */
export function clusterCa(name: string): string {
    return Buffer.from(`-----BEGIN CERTIFICATE-----\nMIIC${stableHex(`ca:${name}`, 40)}\n-----END CERTIFICATE-----\n`).toString("base64");
}

/**
 * The cluster's OIDC issuer URL, `https://oidc.eks.<region>.<partition domain>/id/<id>`
 * (https://docs.aws.amazon.com/eks/latest/userguide/enable-iam-roles-for-service-accounts.html; in China
 * `oidc.eks.cn-north-1.amazonaws.com.cn`, https://docs.amazonaws.cn/en_us/eks/latest/userguide/enable-iam-roles-for-service-accounts.html).
 */
export function oidcIssuerUrl(world: MockWorld, name: string): string {
    return `https://oidc.eks.${world.region}.${partitionOf(world.region).dnsSuffix}/id/${clusterHex(name)}`;
}

/**
 * The IAM OIDC provider for the issuer: IAM names it by the issuer's host and path, in the account's partition
 * (`arn:aws-cn:iam::<account>:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/<id>`;
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html, "IAM ARNs").
 */
export function oidcProviderArn(world: MockWorld, name: string): string {
    const host = oidcIssuerUrl(world, name).replace(/^https:\/\//, "");
    return `arn:${partitionOf(world.region).partition}:iam::${world.accountId}:oidc-provider/${host}`;
}

const clusterHex = (name: string) => stableHex(`cluster:${name}`, 32).toUpperCase();
const clusterSecurityGroupId = (name: string) => `sg-${stableHex(`cluster-sg:${name}`, 17)}`;

/** What EKS returns for a cluster made from `inputs` (aws.eks.Cluster's inputs). */
function clusterState(inputs: Partial<InputsOf<aws.eks.ClusterArgs>>, world: MockWorld, name: string): ClusterState {
    const ipv6 = inputs.kubernetesNetworkConfig?.ipFamily === "ipv6";
    const vpcConfig: Partial<NonNullable<typeof inputs.vpcConfig>> = inputs.vpcConfig ?? {};
    const subnetIds = vpcConfig.subnetIds ?? [];
    return {
        name,
        arn: arnOf(world, "eks", `cluster/${name}`),
        endpoint: clusterEndpoint(world, name, ipv6),
        version: inputs.version ?? defaults.version,
        platformVersion: "eks.5",
        status: "ACTIVE",
        certificateAuthority: { data: clusterCa(name) },
        identities: [{ oidcs: [{ issuer: oidcIssuerUrl(world, name) }] }],
        vpcConfig: {
            ...vpcConfig,
            subnetIds,
            endpointPublicAccess: vpcConfig.endpointPublicAccess ?? true,
            endpointPrivateAccess: vpcConfig.endpointPrivateAccess ?? false,
            publicAccessCidrs: vpcConfig.publicAccessCidrs ?? defaults.publicAccessCidrs,
            clusterSecurityGroupId: clusterSecurityGroupId(name),
            // The VPC of the cluster's subnets.
            vpcId: world.subnets[subnetIds[0]]?.vpcId ?? Object.keys(world.vpcs)[0],
        },
        kubernetesNetworkConfig: {
            ipFamily: ipv6 ? "ipv6" : "ipv4",
            serviceIpv4Cidr: inputs.kubernetesNetworkConfig?.serviceIpv4Cidr ?? defaults.serviceIpv4Cidr,
        },
    };
}

/** @pulumi/eks' Cluster outputs under mocks; `core.cluster` is the inner aws.eks.Cluster's state. */
type EksClusterOutputs = Omit<OutputsOf<eks.Cluster>, "core"> & { core?: { endpoint: string; cluster: ClusterState } };

export const eksMocks: Record<string, ResourceMock> = {
    "aws:eks/cluster:Cluster": {
        state: (args: MockArgs<InputsOf<aws.eks.ClusterArgs>>, world): StateOf<aws.eks.ClusterState> => clusterState(args.inputs, world, args.inputs.name ?? args.name),
    },
    // @pulumi/eks' Cluster is a remote component: under mocks it is one resource, so its outputs are made here
    // from the aws.eks.Cluster it would create (https://www.pulumi.com/registry/packages/eks/api-docs/cluster/).
    "eks:index:Cluster": {
        state: (args: MockArgs<InputsOf<eks.ClusterOptions>>, world): EksClusterOutputs => {
            const name = args.inputs.name ?? args.name;
            const inner = clusterState(
                {
                    version: args.inputs.version,
                    vpcConfig: { subnetIds: args.inputs.privateSubnetIds ?? args.inputs.subnetIds ?? [] },
                    kubernetesNetworkConfig: { ipFamily: args.inputs.ipFamily, serviceIpv4Cidr: args.inputs.kubernetesServiceIpAddressRange },
                },
                world,
                name,
            );
            const endpoint = inner.endpoint!;
            const kubeconfig = {
                apiVersion: "v1",
                kind: "Config",
                clusters: [{ name, cluster: { server: endpoint, "certificate-authority-data": inner.certificateAuthority!.data } }],
                contexts: [{ name: "aws", context: { cluster: name, user: "aws" } }],
                "current-context": "aws",
                users: [{ name: "aws", user: { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws", args: ["eks", "get-token", "--cluster-name", name] } } }],
            };
            return {
                kubeconfig,
                kubeconfigJson: JSON.stringify(kubeconfig),
                clusterSecurityGroupId: clusterSecurityGroupId(name),
                nodeSecurityGroupId: `sg-${stableHex(`node-sg:${name}`, 17)}`,
                oidcIssuer: oidcIssuerUrl(world, name).replace(/^https:\/\//, ""),
                oidcProviderArn: oidcProviderArn(world, name),
                oidcProviderUrl: oidcIssuerUrl(world, name),
                // Without a version the inner cluster reports none (EKS would report its default): PrivateCluster
                // then plans the node bootstrap forms of every version, AL2's among them.
                core: { endpoint, cluster: { ...inner, version: args.inputs.version } },
            };
        },
    },
};
