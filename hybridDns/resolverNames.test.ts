import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { planClusterDnsForwarding, planResolverInbound, planResolverOutbound } from "./plan";
import { checkResolverName, resolverNameFrom, resourceShareNameFrom } from "./resolverNames";

// Route 53 API Reference, CreateResolverEndpoint / CreateResolverRule, Name: "Length Constraints: Maximum length of
// 64. Pattern: (?!^[0-9]+$)([a-zA-Z0-9\-_' ']+)", as AWS writes it, anchored to the whole name; the quotes in the
// class only quote the space (the text: "letters (a-z, A-Z), numbers (0-9), hyphens (-), underscores (_), and spaces").
const awsAccepts = (name: string) => name.length <= 64 && /^(?!^[0-9]+$)([a-zA-Z0-9\-_' ']+)$/.test(name) && !name.includes("'");
const long78 = "platform-shared-services-hub-eu-west-1-production-cluster-dns-inbound-endpoint";

describe("Route 53 Resolver names", () => {
    it("the examples are what the rule says: a dot, 78 characters and only digits are refused, the rest accepted", () => {
        assert.strictEqual(long78.length, 78);
        for (const name of ["prod.eu-west-1", long78, "12345"]) assert.strictEqual(awsAccepts(name), false, name);
        for (const name of ["prod-eu-west-1", "prod dns_1", "a".repeat(64)]) assert.strictEqual(awsAccepts(name), true, name);
    });

    it("resolverNameFrom gives every resource name a name AWS accepts, unchanged when it already complies", () => {
        for (const name of ["prod.eu-west-1", long78, "12345", "dns/hub:1", "x".repeat(200)]) assert.ok(awsAccepts(resolverNameFrom(name)), resolverNameFrom(name));
        assert.strictEqual(resolverNameFrom("prod-dns-inbound"), "prod-dns-inbound");
        assert.strictEqual(resolverNameFrom("prod.eu-west-1"), "prod-eu-west-1");
        assert.strictEqual(resolverNameFrom("12345"), "r-12345");
        const short = resolverNameFrom(long78);
        assert.strictEqual(short.length, 64);
        assert.strictEqual(short.slice(0, 56), `${long78.slice(0, 55)}-`);
        assert.match(short.slice(56), /^[0-9a-f]{8}$/);
        assert.notStrictEqual(resolverNameFrom(`${long78}-a`), resolverNameFrom(`${long78}-b`));
    });

    it("checkResolverName refuses a name AWS refuses, naming the argument and a compliant name", () => {
        assert.throws(() => checkResolverName("prod.eu-west-1", "endpointName"), {
            name: "InputError",
            message:
                'endpointName: "prod.eu-west-1" has characters Route 53 Resolver does not allow ("."); use letters, digits, spaces, - and _. "prod-eu-west-1" would do, or leave endpointName out to derive one from the resource name',
        });
    });

    it("checkResolverName refuses a name known only at deployment (an Output) or one that is not text, naming the argument and the fix", () => {
        assert.throws(() => checkResolverName(pulumi.output("eks-prod"), "ruleName"), {
            name: "InputError",
            message:
                "ruleName: is only known at deployment (an Output), but it must be known at preview, where it is checked against Route 53 Resolver's naming rules " +
                "before anything is created: give it as a string, or leave ruleName out to derive one from the resource name",
        });
        assert.throws(() => checkResolverName(3, "endpointName"), {
            name: "InputError",
            message: "endpointName: expected a string, got number 3; give it as a string, or leave endpointName out to derive one from the resource name",
        });
        assert.throws(() => checkResolverName(null, "ruleName"), {
            name: "InputError",
            message: "ruleName: expected a string, got null; give it as a string, or leave ruleName out to derive one from the resource name",
        });
    });

    it("the planners refuse an Output endpointName or ruleName before using it", () => {
        const [vpcId, subnetIds] = ["vpc-0a1b2c3d4e5f60718", ["subnet-0a1b2c3d4e5f60718", "subnet-0b1c2d3e4f5a60718"]];
        const output = (arg: string) =>
            `${arg}: is only known at deployment (an Output), but it must be known at preview, where it is checked against Route 53 Resolver's naming rules ` +
            `before anything is created: give it as a string, or leave ${arg} out to derive one from the resource name`;
        const endpointName = pulumi.output("dns-in") as unknown as string;
        assert.throws(() => planResolverInbound({ vpcId, subnetIds, allowedCidrs: ["10.1.0.0/16"], endpointName }), { name: "InputError", message: output("endpointName") });
        assert.throws(() => planResolverOutbound({ vpcId, subnetIds, targetCidrs: ["10.0.0.0/16"], endpointName }), { name: "InputError", message: output("endpointName") });
        const ruleName = pulumi.output("eks-prod") as unknown as string;
        assert.throws(() => planClusterDnsForwarding({ vpcIds: ["vpc-0b1c2d3e4f5a60718"], ruleName }, "fwd"), { name: "InputError", message: output("ruleName") });
    });
});

// AWS RAM API Reference, CreateResourceShare, name: "Type: String. Required: Yes", no length or pattern documented.
describe("AWS RAM resource share names", () => {
    it("names the share after the rule name when given, else the resource name, and never empty", () => {
        assert.strictEqual(resourceShareNameFrom("fwd"), "fwd");
        assert.strictEqual(resourceShareNameFrom("prod.eu-west-1"), "prod.eu-west-1");
        assert.strictEqual(resourceShareNameFrom("fwd", "eks-prod"), "eks-prod");
        assert.strictEqual(resourceShareNameFrom(""), "r-");
    });
});
