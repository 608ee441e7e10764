// Identifier formats AWS documents, written once: resource ids, ARN partitions, EKS cluster names, EKS control-plane
// log types. Validators across the package and the offline plan's world file take their patterns from here.
import { awsRegions } from "./regions";

/**
 * EC2 resource ids: a prefix for the resource type, a hyphen and 8 or 17 hexadecimal characters (the longer form
 * since 2016-2018). Source: Amazon EC2 User Guide, "Resource IDs"
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html).
 */
export type Ec2IdPrefix = "vpc" | "subnet" | "sg" | "rtb" | "pl" | "vpce" | "dopt";

/** The regular-expression source (unanchored) of an EC2 id with `prefix`. */
export function ec2IdSource(prefix: Ec2IdPrefix): string {
    return `${prefix}-[0-9a-f]{8}(?:[0-9a-f]{9})?`;
}

const anchoredIds = new Map<Ec2IdPrefix, RegExp>();

/** True when `id` is an EC2 id with `prefix` (`vpc-0a1b2c3d`, `subnet-0123456789abcdef0`). */
export function isEc2Id(id: unknown, prefix: Ec2IdPrefix): id is string {
    let pattern = anchoredIds.get(prefix);
    if (pattern === undefined) anchoredIds.set(prefix, (pattern = new RegExp(`^${ec2IdSource(prefix)}$`)));
    return typeof id === "string" && pattern.test(id);
}

/**
 * The partition part of an ARN (`arn:<partition>:...`), one alternative per partition this package knows.
 * Source: AWS Identity and Access Management User Guide, "IAM ARNs"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
 */
export const arnPartitionSource = `(?:${Object.keys(awsRegions).join("|")})`;

/**
 * EKS cluster names: 1 to 100 characters, beginning with a letter or digit, then letters, digits, hyphens and
 * underscores. Source: Amazon EKS API Reference, CreateCluster, `name`
 * (https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html#AmazonEKS-CreateCluster-request-name).
 */
export const clusterNamePattern = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/;

/** What `clusterNamePattern` allows, in words, for error messages. */
export const clusterNameRule = "a letter or digit, then letters, digits, - and _; at most 100 characters";

/**
 * The EKS control-plane log types. Source: Amazon EKS User Guide, "Send control plane logs to CloudWatch Logs"
 * (https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html).
 */
export const controlPlaneLogTypes: readonly string[] = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
