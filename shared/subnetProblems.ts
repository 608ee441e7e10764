// Why subnets cannot carry a component's network interfaces: outside its VPC, or all in one Availability Zone.
// Pure (no @pulumi/aws), so the policy rules read them too.

/**
 * Why subnets outside `vpcId` cannot carry the endpoint (`reason`: whose rule), or undefined when all are in it. An
 * endpoint's network interfaces take its security groups, and a security group belongs to one VPC and applies only
 * to network interfaces there (Amazon VPC User Guide, "Control traffic to your AWS resources using security groups",
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html).
 */
export function foreignSubnetsProblem(subnets: { id: string; vpcId: string }[], vpcId: string, reason: string): string | undefined {
    const elsewhere = subnets.filter((s) => s.vpcId !== vpcId);
    if (elsewhere.length === 0) return undefined;
    return `${elsewhere.map((s) => `${s.id} is in ${s.vpcId}`).join(", ")}, not in vpcId ${vpcId}; ${reason}. List subnets of ${vpcId}`;
}

export interface EndpointSubnetAz {
    id: string;
    availabilityZone: string;
}

/** Why the subnets fail the distinct-AZ rule (`reason` says whose rule), or undefined when they span at least two AZs. */
export function subnetAzProblem(subnets: EndpointSubnetAz[], arg: string, reason: string): string | undefined {
    const azs = [...new Set(subnets.map((s) => s.availabilityZone))];
    if (azs.length >= 2) return undefined;
    const where = subnets.map((s) => `${s.id} (${s.availabilityZone})`).join(", ");
    return `${arg}: every subnet is in ${azs.join(", ") || "no Availability Zone"}: ${where}. ${reason}`;
}
