import * as assert from "assert";
import { forwardingLoopProblem, inboundReachProblem, outboundAdmissionProblem } from "./checks";

const A = { id: "subnet-0d1e2f3a4b5c6d7e8", vpcId: "vpc-0a1b2c3d4e5f60718", cidrBlock: "10.0.0.0/19" };
const C = { id: "subnet-0c1d2e3f4a5b6c7d8", vpcId: "vpc-0a1b2c3d4e5f60718", cidrBlock: "100.64.0.0/20" };
const P = { id: "subnet-0a9b8c7d6e5f40312", vpcId: "vpc-0b1c2d3e4f5a60718", cidrBlock: "10.1.0.0/20" };

describe("hybridDnsChecks", () => {
    // An inbound IP is an address of its subnet; the outbound endpoint's security group sends DNS to its targets only.
    it("inboundReachProblem: every inbound subnet inside a target, or the secondary block to add", () => {
        assert.strictEqual(inboundReachProblem([A, C], ["10.0.0.0/16", "100.64.0.0/16"], ["10.0.0.0/16", "100.64.0.0/16"], { cidrs: "vpcCidrs", fix: "vpcCidrs" }), undefined);
        assert.strictEqual(
            inboundReachProblem([A, C], ["10.0.0.0/16"], ["10.0.0.0/16", "100.64.0.0/16"], { cidrs: "vpcCidrs", fix: "vpcCidrs" }),
            "subnet-0c1d2e3f4a5b6c7d8 (100.64.0.0/20) is outside vpcCidrs (10.0.0.0/16), the outbound endpoint's only DNS targets, so the queries it forwards " +
                "to the inbound IP there are dropped. List every CIDR block of the cluster VPC in vpcCidrs: 10.0.0.0/16, 100.64.0.0/16",
        );
    });

    // The inbound endpoint's security group admits DNS from the listed networks only; queries come from the outbound IPs.
    it("outboundAdmissionProblem: the outbound subnets covered by the admitted networks, together or alone", () => {
        assert.strictEqual(outboundAdmissionProblem([P], ["10.1.0.0/21", "10.1.8.0/21"], ["10.1.0.0/16"], { admitted: "connectedNetworks", fix: "connectedNetworks" }), undefined);
        assert.strictEqual(
            outboundAdmissionProblem([P], ["10.1.0.0/21"], ["10.1.0.0/16"], { admitted: "connectedNetworks", fix: "connectedNetworks" }),
            "subnet-0a9b8c7d6e5f40312 (10.1.0.0/20) is outside connectedNetworks, and the inbound endpoint admits DNS from those networks only, so every query " +
                "the outbound endpoint forwards is dropped. Add the outbound VPC's 10.1.0.0/16 to connectedNetworks",
        );
    });

    it("forwardingLoopProblem: only the cluster VPC itself", () => {
        assert.strictEqual(forwardingLoopProblem("vpc-0b1c2d3e4f5a60718", "vpc-0a1b2c3d4e5f60718"), undefined);
        assert.match(forwardingLoopProblem("vpc-0a1b2c3d4e5f60718", "vpc-0a1b2c3d4e5f60718")!, /^vpc-0a1b2c3d4e5f60718 is the cluster VPC, which holds the inbound endpoint: /);
    });
});
