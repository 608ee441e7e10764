// AWS Regions and the names AWS gives VPC endpoint services in them. Pure data and functions: the offline plan's
// mocked account answers look-ups from these, and refuses what AWS would refuse.

/**
 * Every public AWS Region by partition. Source: AWS STS Regions and endpoints
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_region-endpoints.html, the Regions table)
 * and Endpoints for Amazon Web Services in China (https://docs.amazonaws.cn/en_us/general/latest/gr/rande.html).
 */
export const awsRegions: Readonly<Record<"aws" | "aws-cn" | "aws-us-gov", readonly string[]>> = {
    aws: [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1",
        "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
        "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
        "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1",
    ],
    "aws-cn": ["cn-north-1", "cn-northwest-1"],
    "aws-us-gov": ["us-gov-east-1", "us-gov-west-1"],
};

export type AwsPartition = keyof typeof awsRegions;

/**
 * The domain of each partition's service endpoints (`ec2.us-east-1.amazonaws.com`, `ec2.cn-north-1.amazonaws.com.cn`).
 * Sources: AWS General Reference, "AWS service endpoints" (https://docs.aws.amazon.com/general/latest/gr/rande.html,
 * "Regional endpoints"); Endpoints and ARNs for Amazon Web Services in China
 * (https://docs.amazonaws.cn/en_us/general/latest/gr/rande.html, "Endpoints"); AWS GovCloud (US) User Guide,
 * "Service endpoints" (https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/using-govcloud-endpoints.html).
 */
export const partitionDnsSuffix: Readonly<Record<AwsPartition, string>> = {
    aws: "amazonaws.com",
    "aws-cn": "amazonaws.com.cn",
    "aws-us-gov": "amazonaws.com",
};

/** The partition of a known Region, or undefined for a name AWS does not have. */
export function partitionOfRegion(region: string): AwsPartition | undefined {
    return (Object.keys(awsRegions) as AwsPartition[]).find((p) => awsRegions[p].includes(region));
}

/**
 * Services whose interface endpoints are named `cn.com.amazonaws.<region>.<service>` in the China Regions instead
 * of `com.amazonaws.<region>.<service>`. Source: `aws ec2 describe-vpc-endpoint-services` in cn-north-1 (as the
 * Amazon VPC User Guide for China, "AWS services that integrate with AWS PrivateLink", says to list them).
 */
export const chinaPrefixedServices: readonly string[] = ["ec2", "ecr.api", "ecr.dkr", "sts", "autoscaling", "elasticfilesystem", "monitoring"];

/** The endpoint service name AWS uses for `service` in `region`. */
export function endpointServiceName(service: string, region: string): string {
    const china = partitionOfRegion(region) === "aws-cn" && chinaPrefixedServices.includes(service);
    return `${china ? "cn." : ""}com.amazonaws.${region}.${service}`;
}
