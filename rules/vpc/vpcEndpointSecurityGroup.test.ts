import * as assert from "assert";
import { changed, privateStack, urnOf } from "../ruleTestResources";
import { VPC_ENDPOINT } from "../stackIndex";
import { vpcEndpointSecurityGroup } from "./vpcEndpointSecurityGroup";

const check = (stack: ReturnType<typeof privateStack>) => vpcEndpointSecurityGroup.check(stack, {});
const withIngress = (ingress: unknown[]) => changed(privateStack(), "endpoints", (sg) => (sg.ingress = ingress));

describe("vpc-endpoint-security-group", () => {
    it("passes endpoints admitting 443 from the VPC CIDR, from halves of it, or from a security group", () => {
        assert.deepStrictEqual(check(privateStack()), []);
        assert.deepStrictEqual(check(withIngress([{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.128.0/17", "10.0.0.0/17"] }])), []);
        assert.deepStrictEqual(check(withIngress([{ protocol: "tcp", fromPort: 443, toPort: 443, securityGroups: ["sg-0f0f0f0f0f0f0f0f0"] }])), []);
    });

    it("reports an endpoint that admits 443 from only part of its VPC", () => {
        const half = check(withIngress([{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/17"] }]));
        assert.deepStrictEqual(half.map((v) => v.urn), ["ec2", "ecr-api", "ecr-dkr", "sts"].map((n) => urnOf(VPC_ENDPOINT, n)));
        assert.strictEqual(
            half[0].message,
            'Interface endpoint "ec2" (com.amazonaws.us-east-1.ec2) does not admit TCP 443 from all of VPC "main" ' +
                "(vpc-0a1b2c3d4e5f60718) (10.0.0.0/16): its security groups allow it only from 10.0.0.0/17. Nodes and pods " +
                "elsewhere in the VPC cannot reach com.amazonaws.us-east-1.ec2. Allow TCP 443 from the VPC CIDR, or from the " +
                "node security group.",
        );
    });

    it("reports an endpoint open to the internet, naming the rule that opens it", () => {
        const open = check(withIngress([{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }]));
        assert.deepStrictEqual(open[0], {
            urn: urnOf(VPC_ENDPOINT, "ec2"),
            message:
                'Interface endpoint "ec2" (com.amazonaws.us-east-1.ec2) admits TCP 443 from the whole internet (0.0.0.0/0) through ' +
                'ingress[0] of security group "endpoints". An endpoint serves its VPC and connected networks; allow the VPC CIDR instead.',
        });
        assert.strictEqual(open.length, 4);
    });

    it("reports an endpoint without security groups, which gets the VPC's default group", () => {
        assert.deepStrictEqual(check(changed(privateStack(), "sts", (e) => (e.securityGroupIds = []))), [
            {
                urn: urnOf(VPC_ENDPOINT, "sts"),
                message:
                    'Interface endpoint "sts" (com.amazonaws.us-east-1.sts) lists no securityGroupIds, so AWS attaches the VPC\'s ' +
                    "default security group, which admits only its own members: nodes and pods cannot reach the endpoint on TCP 443. " +
                    "Attach a security group that allows TCP 443 from the VPC CIDR.",
            },
        ]);
    });
});
