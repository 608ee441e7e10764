import * as assert from "assert";
import { privateStack, resource, RESOLVER_SG_ID, urnOf } from "../ruleTestResources";
import { EGRESS_RULE, INGRESS_RULE, SECURITY_GROUP, SECURITY_GROUP_RULE } from "../stackIndex";
import { noInternetHttpsDnsIngress } from "./noInternetHttpsDnsIngress";

const check = (stack: ReturnType<typeof privateStack>) => noInternetHttpsDnsIngress.check(stack, {});
const rule = (type: string, name: string, protocol: string, from: number, to: number) =>
    resource(type, name, { securityGroupId: RESOLVER_SG_ID, ipProtocol: protocol, fromPort: from, toPort: to, cidrIpv4: "0.0.0.0/0" });
/** Route 53 "Resolver endpoint scaling": DNS in from 0.0.0.0/0 and every port out, both protocols. */
const untrackedInbound = ["tcp", "udp"].flatMap((p) => [rule(INGRESS_RULE, `in-${p}53`, p, 53, 53), rule(EGRESS_RULE, `out-${p}-all`, p, 0, 65535)]);

describe("no-internet-https-dns-ingress", () => {
    it("passes groups open only to the VPC and connected networks, and AWS's untracked Resolver shape", () => {
        assert.deepStrictEqual(check(privateStack()), []);
        const untracked = privateStack().filter((r) => r.type !== SECURITY_GROUP_RULE);
        assert.deepStrictEqual(check([...untracked, ...untrackedInbound]), []);
    });

    it("reports DNS from the whole internet on a Resolver group, judged on the union of its rules", () => {
        const v6 = resource(SECURITY_GROUP_RULE, "resolver-v6", {
            type: "ingress",
            securityGroupId: RESOLVER_SG_ID,
            protocol: "udp",
            fromPort: 53,
            toPort: 53,
            ipv6CidrBlocks: ["::/0"],
        });
        assert.deepStrictEqual(check([...privateStack(), v6]), [
            {
                urn: urnOf(SECURITY_GROUP, "resolver"),
                message:
                    'security group "resolver" (sg-0d0d0d0d0d0d0d0d0) (Route 53 Resolver endpoint) admits DNS (port 53) from the ' +
                    'whole internet (::/0) through aws.ec2.SecurityGroupRule "resolver-v6". Admit the VPC CIDR and the connected ' +
                    "networks that need DNS instead.",
            },
        ]);
        // The untracked shape without its all-ports egress is tracked and open.
        const tracked = [...privateStack(), ...untrackedInbound.filter((r) => r.type === INGRESS_RULE)];
        assert.deepStrictEqual(
            check(tracked).map((v) => v.message),
            [
                'security group "resolver" (sg-0d0d0d0d0d0d0d0d0) (Route 53 Resolver endpoint) admits DNS (port 53) from the ' +
                    'whole internet (0.0.0.0/0) through aws.vpc.SecurityGroupIngressRule "in-tcp53" and ' +
                    'aws.vpc.SecurityGroupIngressRule "in-udp53". Admit the VPC CIDR and the connected networks that need DNS instead.',
            ],
        );
    });

    it("reports HTTPS from the internet on an endpoint group, through halves of 0.0.0.0/0", () => {
        const halves = ["0.0.0.0/1", "128.0.0.0/1"].map((cidr, i) =>
            resource(INGRESS_RULE, `anywhere-${i}`, { securityGroupId: "sg-0e0e0e0e0e0e0e0e0", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: cidr }),
        );
        assert.deepStrictEqual(check([...privateStack(), ...halves]), [
            {
                urn: urnOf(SECURITY_GROUP, "endpoints"),
                message:
                    'security group "endpoints" (sg-0e0e0e0e0e0e0e0e0) (VPC endpoint) admits TCP 443 from the whole internet ' +
                    '(0.0.0.0/0) through aws.vpc.SecurityGroupIngressRule "anywhere-0" and aws.vpc.SecurityGroupIngressRule ' +
                    '"anywhere-1". Admit the VPC CIDR and the connected networks that need HTTPS instead.',
            },
        ]);
    });
});
