import * as assert from "assert";
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
