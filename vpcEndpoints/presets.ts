// Which endpoint set a cluster starts from: the lean default (what nodes need to join and pull images) or the EKS
// guide's whole table as a named preset; and the sets other tools create, for the README's cost comparison.
// No imports: vpcEndpoints/services.ts builds on these lists.

/**
 * What nodes need to join the cluster and pull images: pod networking (ec2, called by the VPC CNI), image pulls
 * (ecr.api, ecr.dkr, s3 for the layers) and pod credentials through IRSA (sts). The EKS private-cluster guide lists
 * each of them (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, "Considerations", the VPC
 * endpoint table); eksctl's fully-private default is the same set (eksctlSet). The policy pack's
 * "eks-private-cluster-vpc-endpoints" rule checks these.
 */
export const requiredEndpointServices: readonly string[] = ["ec2", "ecr.api", "ecr.dkr", "s3", "sts"];

/**
 * The EKS private-cluster guide's whole table (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html,
 * "Considerations": "Your cluster's VPC subnets must have a VPC interface endpoint for any AWS services that your
 * Pods need access to"): the required set plus CloudWatch Logs, Elastic Load Balancing and X-Ray.
 */
export const eksGuideEndpointServices: readonly string[] = [...requiredEndpointServices, "logs", "elasticloadbalancing", "xray"];

/** The service set endpoints start from, before `additionalServices` and `features` add to it. */
export const EndpointPreset = {
    /** The default: what nodes need to join and pull images (ec2, ecr.api, ecr.dkr, sts, and S3 as a free gateway); features add what they call. */
    Minimal: "minimal",
    /** The EKS private-cluster guide's whole table: the minimal set plus logs, elasticloadbalancing and xray, whether or not anything calls them. */
    EksGuide: "eks-guide",
} as const;
export type EndpointPreset = (typeof EndpointPreset)[keyof typeof EndpointPreset];

/** The services of each preset. */
export const presetServices: Readonly<Record<EndpointPreset, readonly string[]>> = {
    minimal: requiredEndpointServices,
    "eks-guide": eksGuideEndpointServices,
};

/** Another tool's endpoint set, for the README's cost table. */
export interface ComparedEndpointSet {
    /** The tool and setting. */
    name: string;
    /** Its interface endpoints, by service id (S3 is a free gateway in every set compared). */
    interfaces: readonly string[];
    /** Where the list comes from. */
    source: string;
}

/**
 * eksctl with `privateCluster.enabled: true` and no additional services: interface endpoints for ec2, ecr.api,
 * ecr.dkr and sts, and an S3 gateway (eksctl-io/eksctl pkg/apis/eksctl.io/v1alpha5/endpoint_service.go,
 * RequiredEndpointServices; pkg/cfn/builder/vpc_endpoint.go; https://eksctl.io/usage/eks-private-cluster/,
 * "Configuring private access to additional AWS services"). eksctl also adds logs when the cluster's CloudWatch
 * logging is on.
 */
export const eksctlSet: ComparedEndpointSet = {
    name: "eksctl, `privateCluster.enabled`",
    interfaces: ["ec2", "ecr.api", "ecr.dkr", "sts"],
    source: "eksctl-io/eksctl pkg/apis/eksctl.io/v1alpha5/endpoint_service.go (RequiredEndpointServices)",
};

/**
 * EKS Blueprints for Terraform, fully-private-cluster pattern: 11 interface endpoints and an S3 gateway
 * (aws-ia/terraform-aws-eks-blueprints patterns/fully-private-cluster/main.tf, module "vpc_endpoints").
 */
export const blueprintsSet: ComparedEndpointSet = {
    name: "EKS Blueprints, fully-private-cluster",
    interfaces: ["autoscaling", "ec2", "ec2messages", "ecr.api", "ecr.dkr", "elasticloadbalancing", "kms", "logs", "ssm", "ssmmessages", "sts"],
    source: "aws-ia/terraform-aws-eks-blueprints patterns/fully-private-cluster/main.tf (module vpc_endpoints)",
};
