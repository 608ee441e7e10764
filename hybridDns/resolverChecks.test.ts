import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    checkAllowedCidrs,
    checkEndpointSubnets,
    checkedVpcId,
    keyedVpcs,
    ruleDomain,
    sharePrincipals,
} from "./resolverChecks";

describe("resolverChecks", () => {
    describe("ruleDomain", () => {
        // undefined: scope region is refused, the region domain being the parent of AWS's dual-stack service names.
        const cases: [string, string, string | undefined][] = [
            ["https://9FF86DB0668DC670F27F426024E7CDBD.sk1.us-east-1.eks.amazonaws.com", "9ff86db0668dc670f27f426024e7cdbd.sk1.us-east-1.eks.amazonaws.com", "us-east-1.eks.amazonaws.com"],
            ["ABC123.gr7.eu-west-1.api.aws", "abc123.gr7.eu-west-1.api.aws", undefined],
            ["https://ABC123.yl4.us-west-2.eks.api.aws/", "abc123.yl4.us-west-2.eks.api.aws", "us-west-2.eks.api.aws"],
            ["https://ABC123.yl4.cn-north-1.eks.amazonaws.com.cn", "abc123.yl4.cn-north-1.eks.amazonaws.com.cn", "cn-north-1.eks.amazonaws.com.cn"],
            ["ABC123.yl4.cn-northwest-1.amazonwebservices.com.cn", "abc123.yl4.cn-northwest-1.amazonwebservices.com.cn", "cn-northwest-1.amazonwebservices.com.cn"],
            ["https://ABC123.yl4.cn-north-1.api.amazonwebservices.com.cn", "abc123.yl4.cn-north-1.api.amazonwebservices.com.cn", undefined],
            ["https://ABC123.gr7.us-gov-west-1.eks.amazonaws.com", "abc123.gr7.us-gov-west-1.eks.amazonaws.com", "us-gov-west-1.eks.amazonaws.com"],
        ];
        for (const [endpoint, host, region] of cases) {
            it(`derives ${host} (cluster) and ${region ?? "no region domain"} (region) from ${endpoint}`, () => {
                assert.strictEqual(ruleDomain(endpoint), host);
                assert.strictEqual(ruleDomain(endpoint, "cluster"), host);
                if (region !== undefined) assert.strictEqual(ruleDomain(endpoint, "region"), region);
                else assert.throws(() => ruleDomain(endpoint, "region"), (e: Error) => e.message.startsWith(`scope: "region" would forward ${host.split(".").slice(2).join(".")}, the parent of every AWS dual-stack service name`));
            });
        }

        it("rejects an endpoint that is not an EKS endpoint and an unknown scope", () => {
            assert.throws(() => ruleDomain("https://kubernetes.example.com"), {
                name: "InputError",
                message:
                    'clusterEndpoint: "https://kubernetes.example.com" is not an EKS cluster endpoint (expected https://<id>.<x>.<region>.eks.amazonaws.com, ...<region>.api.aws, or the aws-cn forms ending amazonaws.com.cn / amazonwebservices.com.cn)',
            });
            assert.throws(() => ruleDomain("abc.gr7.us-east-1.eks.amazonaws.com", "account" as never), {
                message: 'scope: "account" is not a scope (use "cluster" or "region")',
            });
        });
    });

    describe("checkEndpointSubnets", () => {
        it("needs at least two subnets", () => {
            assert.throws(() => checkEndpointSubnets(["subnet-0d1e2f3a4b5c6d7e8"]), {
                message:
                    "subnetIds: 1 subnet given; a Route 53 Resolver endpoint needs an IP in at least two subnets, in different Availability Zones so one AZ is not a single point of failure. List two or more subnets",
            });
            assert.throws(() => checkEndpointSubnets([], "inboundSubnetIds"), /^InputError: inboundSubnetIds: 0 subnets given;/);
        });

        it("rejects malformed and repeated plain ids and counts Output ids without checking them", () => {
            assert.throws(() => checkEndpointSubnets(["subnet-0d1e2f3a4b5c6d7e8", "sn-1"]), {
                message: 'subnetIds[1]: "sn-1" is not a subnet id (subnet- followed by 8 or 17 hex digits)',
            });
            assert.throws(() => checkEndpointSubnets(["subnet-0d1e2f3a", "subnet-0d1e2f3a"]), {
                message: "subnetIds[1]: subnet-0d1e2f3a is listed twice; each subnet gives the endpoint one IP, list it once",
            });
            assert.strictEqual(checkEndpointSubnets([pulumi.output("x"), "subnet-0d1e2f3a"]), undefined);
        });
    });

    describe("checkAllowedCidrs", () => {
        it("requires CIDRs, valid ones, and no /0", () => {
            assert.throws(() => checkAllowedCidrs(undefined), /^InputError: allowedCidrs: no CIDRs given; list the networks whose DNS servers forward to this endpoint/);
            assert.throws(() => checkAllowedCidrs(["10.1.0.0/16", "0.0.0.0/0"]), {
                message: "allowedCidrs[1]: 0.0.0.0/0 is open to everyone (every IPv4 address); list the networks that need this access",
            });
            assert.throws(() => checkAllowedCidrs(["::/0"], "onPremisesCidrs"), {
                message: "onPremisesCidrs[0]: ::/0 is open to everyone (every IPv6 address); list the networks that need this access",
            });
            assert.throws(() => checkAllowedCidrs(["10.1.0.1/16"]), {
                message: 'allowedCidrs[0]: "10.1.0.1/16" has host bits set (the network address for /16 is 10.1.0.0/16)',
            });
            assert.strictEqual(checkAllowedCidrs(["10.1.0.0/16", "2001:db8::/56"]), undefined);
        });
    });

    describe("keyedVpcs", () => {
        it("keys plain ids by id and Output ids by label", () => {
            const id = pulumi.output("vpc-0123456789abcdef0");
            const keyed = keyedVpcs(["vpc-0b1c2d3e4f5a60718"], { peered: id });
            assert.deepStrictEqual(
                keyed.map((k) => k.key),
                ["vpc-0b1c2d3e4f5a60718", "peered"],
            );
            assert.strictEqual(keyed[1].vpcId, id);
        });

        it("explains Output ids in vpcIds, bad ids, repeats and bad labels", () => {
            assert.throws(() => keyedVpcs([pulumi.output("vpc-1")], undefined), {
                message:
                    "vpcIds[0]: this VPC id is only known at deployment, so an association named after it cannot be planned. Pass it in vpcs instead, keyed by a stable label ({ peered: peeredVpc.id })",
            });
            assert.throws(() => keyedVpcs(["vpc-xyz"], undefined), { message: 'vpcIds[0]: "vpc-xyz" is not a VPC id (vpc- followed by 8 or 17 hex digits)' });
            assert.throws(() => keyedVpcs(["vpc-0b1c2d3e", "vpc-0b1c2d3e"], undefined), { message: "vpcIds[1]: vpc-0b1c2d3e is listed twice; list each VPC once" });
            assert.throws(() => keyedVpcs([], { Peered: "vpc-0b1c2d3e" }), {
                message: "vpcs.Peered: labels name child resources: use lower-case letters, digits and dashes",
            });
        });

        it("refuses a vpcs value that is not a VPC id, naming its label; an Output is the component's to check once known", () => {
            const cases: [unknown, string][] = [
                [undefined, "vpcs.peered: expected a VPC id (a string, or an Output of one), got undefined"],
                [42, "vpcs.peered: expected a VPC id (a string, or an Output of one), got number 42"],
                [["vpc-0b1c2d3e"], "vpcs.peered: expected a VPC id (a string, or an Output of one), got a list"],
                ["peered-vpc", 'vpcs.peered: "peered-vpc" is not a VPC id (vpc- followed by 8 or 17 hex digits)'],
            ];
            for (const [id, message] of cases) {
                assert.throws(() => keyedVpcs(undefined, { peered: id as string }), { name: "InputError", message });
            }
            assert.throws(() => keyedVpcs(undefined, { hub: undefined as unknown as string }, { vpcIds: "hybridDns.vpcIds", vpcs: "hybridDns.vpcs" }), {
                message: "hybridDns.vpcs.hub: expected a VPC id (a string, or an Output of one), got undefined",
            });
            assert.throws(() => checkedVpcId(null, "vpcs.peered"), { message: "vpcs.peered: expected a VPC id (a string, or an Output of one), got null" });
            assert.strictEqual(checkedVpcId("vpc-0b1c2d3e", "vpcs.peered"), "vpc-0b1c2d3e");
        });
    });

    describe("sharePrincipals", () => {
        it("keys accounts, organizations and OUs", () => {
            assert.deepStrictEqual(
                sharePrincipals([
                    "210987654321",
                    "arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5",
                    "arn:aws:organizations::123456789012:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56",
                ]),
                [
                    { key: "210987654321", principal: "210987654321" },
                    { key: "o-a1b2c3d4e5", principal: "arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5" },
                    { key: "ou-ab12-cd34ef56", principal: "arn:aws:organizations::123456789012:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56" },
                ],
            );
        });

        it("rejects IAM ARNs and repeats", () => {
            assert.throws(() => sharePrincipals(["arn:aws:iam::210987654321:role/admin"]), {
                message:
                    'shareWith[0]: "arn:aws:iam::210987654321:role/admin" is not an AWS account id (12 digits), organization ARN (arn:aws:organizations::<account>:organization/o-...) or OU ARN (...:ou/o-.../ou-...)',
            });
            assert.throws(() => sharePrincipals(["210987654321", "210987654321"]), {
                message: "shareWith[1]: 210987654321 is listed twice; list each principal once",
            });
        });
    });
});
