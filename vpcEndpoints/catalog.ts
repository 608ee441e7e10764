// The endpoint services this package knows by short id, and the two endpoint kinds. No imports: services.ts,
// features.ts and the offline plan's mocks build on it.

/** How a VPC endpoint is reached: network interfaces in the subnets, or a route-table entry. */
export const EndpointType = {
    /** Elastic network interfaces in the VPC's subnets, reached over TCP 443; billed per AZ-hour. */
    Interface: "Interface",
    /** A route-table entry to the service's prefix list (S3, DynamoDB); free. */
    Gateway: "Gateway",
} as const;
export type EndpointType = (typeof EndpointType)[keyof typeof EndpointType];

/** Which kind of endpoint S3 gets: a free gateway, or a billed interface endpoint that connected networks can reach. */
export const S3EndpointType = {
    /** Free, and what ECR layer pulls use (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, endpoint table). Needs the subnets' route tables. */
    Gateway: "Gateway",
    /** Billed per AZ-hour; reachable from peered networks and on premises, which a gateway endpoint is not. */
    Interface: "Interface",
} as const;
export type S3EndpointType = (typeof S3EndpointType)[keyof typeof S3EndpointType];

export interface CatalogEntry {
    title: string;
    /** Why a private cluster calls it. */
    why: string;
    /** Offered as a (free) gateway endpoint as well as an interface endpoint. */
    gateway?: boolean;
}

/** Services this package knows by short id. Other ids are accepted and looked up as interface endpoints. */
export const endpointCatalog: Readonly<Record<string, CatalogEntry>> = {
    ec2: { title: "Amazon EC2", why: "the VPC CNI assigns pod addresses and the EBS CSI driver attaches volumes through the EC2 API" },
    "ecr.api": { title: "Amazon ECR API", why: "image pulls start with ECR authentication and manifest calls" },
    "ecr.dkr": { title: "Amazon ECR Docker registry", why: "the container runtime pulls images through the registry API" },
    s3: { title: "Amazon S3", why: "ECR serves image layers from S3", gateway: true },
    sts: { title: "AWS STS", why: "IAM roles for service accounts: pods exchange their token for credentials" },
    logs: { title: "Amazon CloudWatch Logs", why: "log shipping (Fluent Bit, CloudWatch agent, Container Insights)" },
    elasticloadbalancing: { title: "Elastic Load Balancing", why: "the AWS Load Balancer Controller manages ALBs and NLBs" },
    xray: { title: "AWS X-Ray", why: "the X-Ray daemon and ADOT collector send traces" },
    autoscaling: { title: "Amazon EC2 Auto Scaling", why: "Cluster Autoscaler resizes node groups" },
    "eks-auth": { title: "EKS Auth", why: "the EKS Pod Identity agent gets pod credentials" },
    eks: { title: "Amazon EKS API", why: "aws eks / eksctl / Karpenter calls to the EKS API from inside the VPC" },
    kms: { title: "AWS KMS", why: "workloads in the VPC that encrypt or decrypt with KMS keys" },
    ssm: { title: "AWS Systems Manager", why: "Session Manager and SSM parameters (Karpenter AMI discovery)" },
    ssmmessages: { title: "SSM messages", why: "Session Manager shell channels" },
    ec2messages: { title: "EC2 messages", why: "the SSM agent's command channel" },
    elasticfilesystem: { title: "Amazon EFS API", why: "the EFS CSI controller creates access points" },
    secretsmanager: { title: "AWS Secrets Manager", why: "External Secrets and the Secrets Store CSI provider read secrets" },
    sqs: { title: "Amazon SQS", why: "Karpenter's interruption queue" },
    "aps-workspaces": { title: "Amazon Managed Service for Prometheus", why: "Prometheus remote write" },
    "guardduty-data": { title: "GuardDuty runtime monitoring", why: "the GuardDuty security agent sends runtime events" },
    monitoring: { title: "Amazon CloudWatch metrics", why: "PutMetricData from agents and applications" },
    dynamodb: { title: "Amazon DynamoDB", why: "applications using DynamoDB", gateway: true },
};
