import * as assert from "assert";
import { parseClusterEndpoint } from "./clusterEndpoint";

describe("parseClusterEndpoint", () => {
    const cases: [string, Record<string, string>][] = [
        [
            "https://EXAMPLE108C897D9B2F1B21D5EXAMPLE.sk1.us-east-1.eks.amazonaws.com",
            { hostName: "example108c897d9b2f1b21d5example.sk1.us-east-1.eks.amazonaws.com", region: "us-east-1", partition: "aws", form: "ipv4", regionDomain: "us-east-1.eks.amazonaws.com" },
        ],
        [
            "https://ABC.gr7.us-west-2.api.aws/",
            { hostName: "abc.gr7.us-west-2.api.aws", region: "us-west-2", partition: "aws", form: "dual-stack", regionDomain: "us-west-2.api.aws" },
        ],
        [
            "abc.gr7.eu-central-1.eks.api.aws",
            { hostName: "abc.gr7.eu-central-1.eks.api.aws", region: "eu-central-1", partition: "aws", form: "dual-stack", regionDomain: "eu-central-1.eks.api.aws" },
        ],
        [
            "https://ABC.yl4.us-gov-west-1.eks.amazonaws.com:443",
            { hostName: "abc.yl4.us-gov-west-1.eks.amazonaws.com", region: "us-gov-west-1", partition: "aws-us-gov", form: "ipv4", regionDomain: "us-gov-west-1.eks.amazonaws.com" },
        ],
        [
            "https://ABC.yl4.us-gov-east-1.api.aws",
            { hostName: "abc.yl4.us-gov-east-1.api.aws", region: "us-gov-east-1", partition: "aws-us-gov", form: "dual-stack", regionDomain: "us-gov-east-1.api.aws" },
        ],
        [
            "https://ABC.yl4.cn-north-1.eks.amazonaws.com.cn",
            { hostName: "abc.yl4.cn-north-1.eks.amazonaws.com.cn", region: "cn-north-1", partition: "aws-cn", form: "ipv4", regionDomain: "cn-north-1.eks.amazonaws.com.cn" },
        ],
        [
            "abc.cn-northwest-1.amazonwebservices.com.cn.",
            { hostName: "abc.cn-northwest-1.amazonwebservices.com.cn", region: "cn-northwest-1", partition: "aws-cn", form: "ipv4", regionDomain: "cn-northwest-1.amazonwebservices.com.cn" },
        ],
        [
            "https://ABC.gr7.cn-north-1.api.amazonwebservices.com.cn",
            { hostName: "abc.gr7.cn-north-1.api.amazonwebservices.com.cn", region: "cn-north-1", partition: "aws-cn", form: "dual-stack", regionDomain: "cn-north-1.api.amazonwebservices.com.cn" },
        ],
    ];
    for (const [input, expected] of cases) {
        it(`parses ${input}`, () => assert.deepStrictEqual(parseClusterEndpoint(input), expected));
    }
    it("rejects what is not an EKS endpoint, naming the argument", () => {
        assert.throws(() => parseClusterEndpoint("https://example.com"), /^InputError: clusterEndpoint: "https:\/\/example.com" is not an EKS cluster endpoint/);
        assert.throws(() => parseClusterEndpoint("abc.us-east-1.eks.amazonaws.com.cn", "endpoint"), /^InputError: endpoint: .*names region us-east-1 under eks.amazonaws.com.cn, which is not that region's partition/);
        assert.throws(() => parseClusterEndpoint("eks.amazonaws.com"), /is not an EKS cluster endpoint/);
    });
});
