import * as assert from "assert";
import { changed, privateStack, resource, urnOf, VPC_ID } from "../ruleTestResources";
import { DHCP_ASSOCIATION, DHCP_OPTIONS, VPC } from "../stackIndex";
import type { Props } from "../types";
import { eksPrivateEndpointVpcDns } from "./eksPrivateEndpointVpcDns";

const check = (stack: ReturnType<typeof privateStack>) => eksPrivateEndpointVpcDns.check(stack, {});
const prefix = 'Cluster "prod" has private endpoint access on: ';

describe("eks-private-endpoint-vpc-dns", () => {
    it("passes a private cluster in a VPC with DNS support and hostnames on, and AmazonProvidedDNS", () => {
        assert.deepStrictEqual(check(privateStack()), []);
        const amazonDns = [
            ...privateStack(),
            resource(DHCP_OPTIONS, "dns", { domainNameServers: ["AmazonProvidedDNS"] }, "dopt-0a1b2c3d"),
            resource(DHCP_ASSOCIATION, "dns-main", { vpcId: VPC_ID, dhcpOptionsId: "dopt-0a1b2c3d" }),
        ];
        assert.deepStrictEqual(check(amazonDns), []);
    });

    it("reports a DNS attribute that is off, on the VPC, by its id", () => {
        assert.deepStrictEqual(check(changed(privateStack(), "main", (v) => delete v.enableDnsHostnames)), [
            {
                urn: urnOf(VPC, "main"),
                message:
                    `${prefix}VPC ${VPC_ID} has enableDnsHostnames=false; private endpoint access needs it true, or the ` +
                    "EKS-managed private hosted zone does not resolve the endpoint. Set enableDnsHostnames: true on the " +
                    `aws.ec2.Vpc, or run: aws ec2 modify-vpc-attribute --vpc-id ${VPC_ID} --enable-dns-hostnames '{"Value":true}'`,
            },
        ]);
    });

    it("reports a DHCP options set without AmazonProvidedDNS", () => {
        const corpDns = [
            ...privateStack(),
            resource(DHCP_OPTIONS, "corp-dns", { domainNameServers: ["192.168.0.53"] }, "dopt-0c0c0c0c"),
            resource(DHCP_ASSOCIATION, "corp-dns-main", { vpcId: VPC_ID, dhcpOptionsId: "dopt-0c0c0c0c" }),
        ];
        assert.deepStrictEqual(
            check(corpDns).map((v) => v.message),
            [
                `${prefix}VPC ${VPC_ID}'s DHCP options set lists domain name servers ["192.168.0.53"] without AmazonProvidedDNS, ` +
                    "so instances never query the Route 53 Resolver that holds the EKS private hosted zone. Associate a DHCP options " +
                    'set whose domainNameServers include "AmazonProvidedDNS" (forward other names with Route 53 Resolver rules instead).',
            ],
        );
    });

    it("does not judge a cluster with private access off", () => {
        const publicOnly = changed(privateStack(), "prod", (c) => Object.assign(c.vpcConfig as Props, { endpointPublicAccess: true, endpointPrivateAccess: false }));
        assert.deepStrictEqual(check(changed(publicOnly, "main", (v) => (v.enableDnsSupport = false))), []);
    });
});
