import * as assert from "assert";
import { changed, privateStack, SUBNET_A, urnOf } from "../ruleTestResources";
import { RESOLVER_ENDPOINT } from "../stackIndex";
import { resolverEndpointRedundancy } from "./resolverEndpointRedundancy";

const check = (stack: ReturnType<typeof privateStack>) => resolverEndpointRedundancy.check(stack, {});

describe("resolver-endpoint-redundancy", () => {
    it("passes an endpoint with IPs in two subnets of two AZs", () => {
        assert.deepStrictEqual(check(privateStack()), []);
    });

    it("reports an endpoint with one IP", () => {
        assert.deepStrictEqual(check(changed(privateStack(), "inbound", (e) => (e.ipAddresses = [{ subnetId: SUBNET_A }]))), [
            {
                urn: urnOf(RESOLVER_ENDPOINT, "inbound"),
                message:
                    'Route 53 Resolver inbound endpoint "inbound": ipAddresses: 1 subnet given; a Route 53 Resolver endpoint needs ' +
                    "an IP in at least two subnets, in different Availability Zones so one AZ is not a single point of failure. List " +
                    "two or more subnets",
            },
        ]);
    });

    it("reports an endpoint whose subnets share one AZ, naming the subnets by id", () => {
        assert.deepStrictEqual(check(changed(privateStack(), "b", (s) => (s.availabilityZone = "us-east-1a"))), [
            {
                urn: urnOf(RESOLVER_ENDPOINT, "inbound"),
                message:
                    'Route 53 Resolver inbound endpoint "inbound": ipAddresses: every subnet is in us-east-1a: ' +
                    "subnet-0aaaaaaaaaaaaaaa1 (us-east-1a), subnet-0bbbbbbbbbbbbbbb2 (us-east-1a). A Route 53 Resolver endpoint in " +
                    "one AZ stops resolving when that AZ fails; list subnets in at least two different Availability Zones",
            },
        ]);
    });
});
