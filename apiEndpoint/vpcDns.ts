// The VPC DNS prerequisites of private endpoint access (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html, "Cluster private endpoint"): EKS
// creates a Route 53 private hosted zone for the endpoint and associates it with the cluster's VPC; it only
// answers when the VPC has enableDnsSupport and enableDnsHostnames set to true and its DHCP options set
// lists AmazonProvidedDNS among its domain name servers.

export interface VpcDnsFacts {
    vpcId: string;
    enableDnsSupport?: boolean;
    enableDnsHostnames?: boolean;
    /** Domain name servers of the VPC's DHCP options set; undefined when not known. */
    domainNameServers?: string[];
}

/** Each unmet prerequisite, as a sentence that names the attribute and how to fix it. Empty when all are met. */
export function vpcDnsProblems(vpc: VpcDnsFacts): string[] {
    const problems: string[] = [];
    for (const attr of ["enableDnsSupport", "enableDnsHostnames"] as const) {
        if (vpc[attr] !== true) {
            const flag = attr === "enableDnsSupport" ? "--enable-dns-support" : "--enable-dns-hostnames";
            problems.push(
                `VPC ${vpc.vpcId} has ${attr}=${vpc[attr] ?? "unset"}; private endpoint access needs it true, or the ` +
                    `EKS-managed private hosted zone does not resolve the endpoint. Set ${attr}: true on the aws.ec2.Vpc, ` +
                    `or run: aws ec2 modify-vpc-attribute --vpc-id ${vpc.vpcId} ${flag} '{"Value":true}'`,
            );
        }
    }
    if (vpc.domainNameServers && !vpc.domainNameServers.includes("AmazonProvidedDNS")) {
        problems.push(
            `VPC ${vpc.vpcId}'s DHCP options set lists domain name servers ${JSON.stringify(vpc.domainNameServers)} without ` +
                `AmazonProvidedDNS, so instances never query the Route 53 Resolver that holds the EKS private hosted zone. ` +
                `Associate a DHCP options set whose domainNameServers include "AmazonProvidedDNS" (forward other names ` +
                `with Route 53 Resolver rules instead).`,
        );
    }
    return problems;
}
