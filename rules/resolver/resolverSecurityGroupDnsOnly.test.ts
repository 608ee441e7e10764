import * as assert from "assert";
import { changed, privateStack, resource, RESOLVER_SG_ID, urnOf } from "../ruleTestResources";
import { EGRESS_RULE, INGRESS_RULE, SECURITY_GROUP_RULE } from "../stackIndex";
import { resolverSecurityGroupDnsOnly } from "./resolverSecurityGroupDnsOnly";

const check = (stack: ReturnType<typeof privateStack>) => resolverSecurityGroupDnsOnly.check(stack, {});
const tail = "; a Resolver endpoint only needs DNS. Narrow the rule to TCP and UDP port 53.";

describe("resolver-security-group-dns-only", () => {
    it("passes a group admitting TCP and UDP 53, and AWS's untracked outbound shape (every port in)", () => {
        assert.deepStrictEqual(check(privateStack()), []);
        const rule = (type: string, name: string, protocol: string, from: number, to: number) =>
            resource(type, name, { securityGroupId: RESOLVER_SG_ID, ipProtocol: protocol, fromPort: from, toPort: to, cidrIpv4: "0.0.0.0/0" });
        const outboundShape = ["tcp", "udp"].flatMap((p) => [rule(INGRESS_RULE, `in-${p}-all`, p, 0, 65535), rule(EGRESS_RULE, `out-${p}53`, p, 53, 53)]);
        assert.deepStrictEqual(check([...privateStack().filter((r) => r.type !== SECURITY_GROUP_RULE), ...outboundShape]), []);
    });

    it("reports each rule that admits more than DNS", () => {
        const wide = changed(privateStack(), "resolver-tcp", (r) => Object.assign(r, { fromPort: 0, toPort: 65535 }));
        assert.deepStrictEqual(check(wide), [
            {
                urn: urnOf(SECURITY_GROUP_RULE, "resolver-tcp"),
                message:
                    'security group "resolver" (sg-0d0d0d0d0d0d0d0d0) (Route 53 Resolver endpoint) admits TCP 0-65535 through ' +
                    `aws.ec2.SecurityGroupRule "resolver-tcp"${tail}`,
            },
        ]);
        const all = changed(privateStack(), "resolver", (sg) => (sg.ingress = [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["192.168.0.0/16"] }]));
        assert.deepStrictEqual(
            check(all).map((v) => v.message),
            [`security group "resolver" (sg-0d0d0d0d0d0d0d0d0) (Route 53 Resolver endpoint) admits all traffic through ingress[0] of security group "resolver"${tail}`],
        );
    });
});
