// npm run bench, "raw": the resources bench/programs/ours creates, written directly with @pulumi/aws (no checks,
// no look-ups: service names, CIDRs and AZ placement are written in, as a hand-written program would).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { clusterCount, clusterNetwork, hubCidr, hubNetwork, onPremisesCidr } from "../network";

const interfaceServices = ["ec2", "ecr.api", "ecr.dkr", "elasticloadbalancing", "logs", "sts", "xray"];
const region = "us-east-1";

function rules(direction: "ingress" | "egress", name: string, securityGroupId: pulumi.Input<string>, cidrs: string[], ports: { protocol: string; port: number }[]) {
    for (const { protocol, port } of ports) {
        for (const cidr of cidrs) {
            const ruleName = `${name}-${protocol}${port}-${direction === "ingress" ? "from" : "to"}-${cidr.replace(/[./]/g, "-")}`;
            const args = { securityGroupId, ipProtocol: protocol, fromPort: port, toPort: port, cidrIpv4: cidr };
            if (direction === "ingress") new aws.vpc.SecurityGroupIngressRule(ruleName, args);
            else new aws.vpc.SecurityGroupEgressRule(ruleName, args);
        }
    }
}
const dns = [
    { protocol: "udp", port: 53 },
    { protocol: "tcp", port: 53 },
];

const hub = hubNetwork();
const outboundSg = new aws.ec2.SecurityGroup("hub-outbound-sg", { vpcId: hub.vpc.id, description: "Route 53 Resolver outbound endpoint" });
rules("egress", "hub-outbound", outboundSg.id, ["10.0.0.0/8"], dns);
const outbound = new aws.route53.ResolverEndpoint("hub-outbound-endpoint", {
    name: "hub-outbound",
    direction: "OUTBOUND",
    securityGroupIds: [outboundSg.id],
    ipAddresses: hub.subnets.map((s) => ({ subnetId: s.id })),
    protocols: ["Do53"],
});

const endpoints: pulumi.Output<string>[] = [];
for (let i = 1; i <= clusterCount(); i++) {
    const name = `c${i}`;
    const net = clusterNetwork(name, i);
    rules("ingress", `${name}-api`, net.controlPlane.id, [hubCidr, onPremisesCidr], [{ protocol: "tcp", port: 443 }]);

    const endpointSg = new aws.ec2.SecurityGroup(`${name}-endpoints`, { vpcId: net.vpc.id, description: "Interface VPC endpoints", tags: { Name: `${name}-endpoints` } });
    const vpcCidrs = new aws.ec2.ManagedPrefixList(`${name}-vpc-cidrs`, { name: `${name}-vpc-cidrs`, addressFamily: "IPv4", maxEntries: 1, entries: [{ cidr: `10.${i}.0.0/16` }] });
    new aws.vpc.SecurityGroupIngressRule(`${name}-endpoints-tcp443-from-vpc-cidrs`, { securityGroupId: endpointSg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, prefixListId: vpcCidrs.id });
    const s3 = new aws.ec2.VpcEndpoint(`${name}-s3`, { vpcId: net.vpc.id, serviceName: `com.amazonaws.${region}.s3`, vpcEndpointType: "Gateway", routeTableIds: [net.routes.id] });
    const interfaces = interfaceServices.map(
        (service) =>
            new aws.ec2.VpcEndpoint(`${name}-${service}`, {
                vpcId: net.vpc.id,
                serviceName: `com.amazonaws.${region}.${service}`,
                vpcEndpointType: "Interface",
                subnetIds: net.subnetIds,
                securityGroupIds: [endpointSg.id],
                privateDnsEnabled: true,
            }),
    );

    const cluster = new aws.eks.Cluster(
        name,
        {
            roleArn: hub.clusterRole.arn,
            vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: false, subnetIds: net.subnetIds, securityGroupIds: [net.controlPlane.id] },
        },
        { dependsOn: [hub.policy, s3, ...interfaces] },
    );

    const inboundSg = new aws.ec2.SecurityGroup(`${name}-inbound-sg`, { vpcId: net.vpc.id, description: "Route 53 Resolver inbound endpoint" });
    rules("ingress", `${name}-inbound`, inboundSg.id, [hubCidr, onPremisesCidr], dns);
    const inbound = new aws.route53.ResolverEndpoint(`${name}-inbound-endpoint`, {
        name: `${name}-inbound`,
        direction: "INBOUND",
        securityGroupIds: [inboundSg.id],
        ipAddresses: net.subnetIds.map((subnetId) => ({ subnetId })),
        protocols: ["Do53"],
    });
    const rule = new aws.route53.ResolverRule(`${name}-rule`, {
        name,
        ruleType: "FORWARD",
        domainName: cluster.endpoint.apply((e) => new URL(e).hostname.toLowerCase()),
        resolverEndpointId: outbound.id,
        targetIps: inbound.ipAddresses.apply((ips) => ips.map((a) => ({ ip: a.ip, port: 53 }))),
    });
    new aws.route53.ResolverRuleAssociation(`${name}-assoc-hub`, { resolverRuleId: rule.id, vpcId: hub.vpc.id });
    endpoints.push(cluster.endpoint);
}

export const clusterEndpoints = endpoints;
