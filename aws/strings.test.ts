import * as assert from "assert";
import { resolverNameProblem, resourceShareNameProblem } from "./strings";

// Route 53 API Reference, CreateResolverEndpoint / CreateResolverRule, Name: "Length Constraints: Maximum length of
// 64. Pattern: (?!^[0-9]+$)([a-zA-Z0-9\-_' ']+)", as AWS writes it, anchored to the whole name; the quotes in the
// class only quote the space (the text: "letters (a-z, A-Z), numbers (0-9), hyphens (-), underscores (_), and spaces").
const awsAccepts = (name: string) => name.length <= 64 && /^(?!^[0-9]+$)([a-zA-Z0-9\-_' ']+)$/.test(name) && !name.includes("'");
const long78 = "platform-shared-services-hub-eu-west-1-production-cluster-dns-inbound-endpoint";

describe("Route 53 Resolver names (aws/strings)", () => {
    it("resolverNameProblem refuses what AWS refuses and accepts what it accepts", () => {
        for (const name of ["prod.eu-west-1", long78, "12345", "", "a".repeat(65), "dns/hub", "it's"]) {
            assert.strictEqual(awsAccepts(name), false);
            assert.notStrictEqual(resolverNameProblem(name), undefined, name);
        }
        for (const name of ["prod-eu-west-1", "prod dns_1", "a".repeat(64), "1a"]) assert.strictEqual(resolverNameProblem(name), undefined, name);
        assert.strictEqual(resolverNameProblem(long78), "is 78 characters long; Route 53 Resolver allows at most 64");
        assert.strictEqual(resolverNameProblem("prod.eu-west-1"), 'has characters Route 53 Resolver does not allow ("."); use letters, digits, spaces, - and _');
        assert.strictEqual(resolverNameProblem("12345"), "is only digits, which Route 53 Resolver does not allow");
    });
});

// AWS RAM API Reference, CreateResourceShare, name: "Type: String. Required: Yes", no length or pattern documented.
describe("AWS RAM resource share names (aws/strings)", () => {
    it("refuses only the empty name, which RAM's required name rules out", () => {
        assert.strictEqual(resourceShareNameProblem(""), "is empty; AWS RAM requires a resource share name");
        for (const name of ["fwd", "prod.eu-west-1", long78, "12345", "dns/hub share"]) assert.strictEqual(resourceShareNameProblem(name), undefined, name);
    });
});
