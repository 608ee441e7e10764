// Why AWS services need subnets in two Availability Zones: the reasons the subnet checks give.

/** Why a Route 53 Resolver endpoint needs two AZs (https://aws.amazon.com/blogs/compute/enabling-dns-resolution-for-amazon-eks-cluster-endpoints/, "Create an inbound endpoint": an IP in each of two AZs). */
export const resolverAzReason = "A Route 53 Resolver endpoint in one AZ stops resolving when that AZ fails; list subnets in at least two different Availability Zones";

/**
 * Why an EKS cluster needs two AZs: "When you create a cluster, you specify a VPC and at least two subnets that are in
 * different Availability Zones" (EKS User Guide, "View Amazon EKS networking requirements for VPC and subnets",
 * https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html); EKS refuses the cluster otherwise.
 */
export const eksAzReason = "EKS creates a cluster only with subnets in at least two different Availability Zones; list private subnets in two or more AZs (three recommended)";
