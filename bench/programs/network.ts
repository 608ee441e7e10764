// What both benchmark programs share, written the same way in each: the hub VPC with its subnets, the cluster
// role, and per cluster a VPC with three private subnets in three AZs and one route table.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export const hubCidr = "10.200.0.0/16";
export const onPremisesCidr = "192.168.0.0/20";

const zones = aws.getAvailabilityZonesOutput({ state: "available" }).names;

export function hubNetwork() {
    const vpc = new aws.ec2.Vpc("hub", { cidrBlock: hubCidr, enableDnsSupport: true, enableDnsHostnames: true, tags: { Name: "hub" } });
    const subnets = [0, 1].map(
        (i) => new aws.ec2.Subnet(`hub-${i + 1}`, { vpcId: vpc.id, cidrBlock: `10.200.${i}.0/24`, availabilityZone: zones.apply((z) => z[i]), tags: { Name: `hub-${i + 1}` } }),
    );
    const clusterRole = new aws.iam.Role("clusters", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }],
        }),
    });
    const policy = new aws.iam.RolePolicyAttachment("clusters", { role: clusterRole.name, policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy" });
    return { vpc, subnets, clusterRole, policy };
}

/** Cluster `i`'s VPC (10.i.0.0/16), three private subnets and their route table. */
export function clusterNetwork(name: string, i: number) {
    const vpc = new aws.ec2.Vpc(name, { cidrBlock: `10.${i}.0.0/16`, enableDnsSupport: true, enableDnsHostnames: true, tags: { Name: name } });
    const subnets = [0, 1, 2].map(
        (az) =>
            new aws.ec2.Subnet(`${name}-private-${az + 1}`, {
                vpcId: vpc.id,
                cidrBlock: `10.${i}.${az * 32}.0/19`,
                availabilityZone: zones.apply((z) => z[az]),
                tags: { Name: `${name}-private-${az + 1}` },
            }),
    );
    const routes = new aws.ec2.RouteTable(`${name}-private`, { vpcId: vpc.id, tags: { Name: `${name}-private` } });
    subnets.forEach((s, az) => new aws.ec2.RouteTableAssociation(`${name}-private-${az + 1}`, { subnetId: s.id, routeTableId: routes.id }));
    const controlPlane = new aws.ec2.SecurityGroup(`${name}-control-plane`, { vpcId: vpc.id, description: `EKS control plane of ${name}` });
    return { vpc, subnets, routes, controlPlane, subnetIds: subnets.map<pulumi.Output<string>>((s) => s.id) };
}

export function clusterCount(): number {
    return new pulumi.Config().requireNumber("clusters");
}
