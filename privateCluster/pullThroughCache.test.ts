import * as assert from "assert";
import { checkCredentialArn, ecrRegistryHost, firstPullWarning, imagePrefixMapping, planPullThroughCache, pullThroughCacheNodePolicy, rewriteImage } from "./pullThroughCache";

const HOST = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

describe("pull-through cache", () => {
    it("plans one rule per registry, sorted, with the catalog's upstream URL and prefix", () => {
        const rules = planPullThroughCache({ registries: ["registry.k8s.io", "docker.io", "public.ecr.aws"], credentialRegistries: ["docker.io"] });
        assert.deepStrictEqual(rules, [
            { registry: "docker.io", upstreamRegistryUrl: "registry-1.docker.io", ecrRepositoryPrefix: "docker-hub", credentialsRequired: true },
            { registry: "public.ecr.aws", upstreamRegistryUrl: "public.ecr.aws", ecrRepositoryPrefix: "ecr-public", credentialsRequired: false },
            { registry: "registry.k8s.io", upstreamRegistryUrl: "registry.k8s.io", ecrRepositoryPrefix: "k8s", credentialsRequired: false },
        ]);
        assert.deepStrictEqual(imagePrefixMapping(rules, HOST), {
            "docker.io": `${HOST}/docker-hub`,
            "public.ecr.aws": `${HOST}/ecr-public`,
            "registry.k8s.io": `${HOST}/k8s`,
        });
    });

    it("takes prefixes per registry and rewrites image references on mapped hosts only", () => {
        const rules = planPullThroughCache({ registries: ["quay.io"], repositoryPrefixes: { "quay.io": "mirror/quay" } });
        const mapping = imagePrefixMapping(rules, HOST);
        assert.deepStrictEqual(mapping, { "quay.io": `${HOST}/mirror/quay` });
        assert.strictEqual(rewriteImage("quay.io/prometheus/node-exporter:v1.8.0", mapping), `${HOST}/mirror/quay/prometheus/node-exporter:v1.8.0`);
        assert.strictEqual(rewriteImage("ghcr.io/org/app:1", mapping), "ghcr.io/org/app:1");
    });

    it("names the registry host of an account and partition", () => {
        assert.strictEqual(ecrRegistryHost("123456789012", "cn-north-1", "amazonaws.com.cn"), "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn");
    });

    it("fails for unknown registries, repeats, bad or shared prefixes and wrong credentials", () => {
        const fails = (args: Parameters<typeof planPullThroughCache>[0], message: string) => assert.throws(() => planPullThroughCache(args), { message });
        fails({ registries: [] }, "pullThroughCache.registries: list at least one upstream registry: public.ecr.aws, registry.k8s.io, quay.io, docker.io, ghcr.io, registry.gitlab.com");
        fails(
            { registries: ["gcr.io"] },
            'pullThroughCache.registries[0]: "gcr.io" is not a registry ECR can cache; use one of public.ecr.aws, registry.k8s.io, quay.io, docker.io, ghcr.io, registry.gitlab.com',
        );
        fails({ registries: ["quay.io", "quay.io"] }, "pullThroughCache.registries[1]: quay.io is listed twice; list each registry once");
        fails(
            { registries: ["quay.io"], repositoryPrefixes: { "quay.io": "Quay" } },
            'pullThroughCache.repositoryPrefixes.quay.io: "Quay" is not an ECR repository prefix (2 to 30 lower-case letters, digits, ., _, - and /)',
        );
        fails(
            { registries: ["quay.io", "registry.k8s.io"], repositoryPrefixes: { "quay.io": "k8s" } },
            "pullThroughCache.repositoryPrefixes.registry.k8s.io: k8s is already the prefix of quay.io; each rule needs its own",
        );
        fails(
            { registries: ["ghcr.io"] },
            'pullThroughCache.credentialArns.ghcr.io: ECR needs credentials to cache ghcr.io: store them in a Secrets Manager secret whose name starts with "ecr-pullthroughcache/" and give its ARN here',
        );
        fails(
            { registries: ["registry.k8s.io"], credentialRegistries: ["registry.k8s.io"] },
            "pullThroughCache.credentialArns.registry.k8s.io: registry.k8s.io is pulled anonymously; ECR takes no credentials for it, drop the secret",
        );
        assert.throws(() => checkCredentialArn("arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf", "x"), {
            message: 'x: "arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf" is not the ARN of a Secrets Manager secret named ecr-pullthroughcache/...; ECR only reads secrets with that prefix',
        });
    });

    // ECR user guide, VPC endpoints, Considerations: the first pull through a pull-through cache rule needs a NAT
    // gateway in the VPC; later pulls do not.
    it("warns about route tables with no way to a NAT gateway when there are cache rules, naming them and the two ways out", () => {
        const rules = planPullThroughCache({ registries: ["registry.k8s.io"] });
        const local = { cidrBlock: "10.0.0.0/16", gatewayId: "local" };
        const isolated = { id: "rtb-0a1b2c3d4e5f60718", routes: [local] };
        const s3Only = { id: "rtb-0b2c3d4e5f6071829", routes: [local, { cidrBlock: "", gatewayId: "vpce-0123456789abcdef0" }] };
        assert.strictEqual(
            firstPullWarning(rules, [isolated, s3Only]),
            "pullThroughCache: route tables rtb-0a1b2c3d4e5f60718, rtb-0b2c3d4e5f6071829 have no route to a NAT gateway. ECR's first pull of each image " +
                "through a pull-through cache rule over the VPC endpoints needs a NAT gateway in the VPC; later pulls do not (ECR user guide, VPC endpoints, " +
                "Considerations). Pre-warm the cache by pulling each image once through the cache prefix from a network with internet access, or route " +
                "these subnets to a NAT gateway for the first pull.",
        );
        const nat = { id: "rtb-0c3d4e5f60718293a", routes: [local, { cidrBlock: "0.0.0.0/0", natGatewayId: "nat-0123456789abcdef0" }] };
        const centralEgress = { id: "rtb-0d4e5f60718293a4b", routes: [local, { cidrBlock: "0.0.0.0/0", transitGatewayId: "tgw-0123456789abcdef0" }] };
        assert.strictEqual(firstPullWarning(rules, [nat, centralEgress]), undefined);
        assert.match(firstPullWarning(rules, [nat, isolated])!, /^pullThroughCache: route table rtb-0a1b2c3d4e5f60718 has no route to a NAT gateway\. /);
        assert.strictEqual(firstPullWarning([], [isolated]), undefined);
    });

    it("gives the node role what a first pull needs: create the repository and import the image, under the rules' prefixes", () => {
        const rules = planPullThroughCache({ registries: ["registry.k8s.io"] });
        assert.deepStrictEqual(JSON.parse(pullThroughCacheNodePolicy(rules, "aws", "us-east-1", "123456789012")), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "PullThroughCache",
                    Effect: "Allow",
                    Action: ["ecr:CreateRepository", "ecr:BatchImportUpstreamImage"],
                    Resource: ["arn:aws:ecr:us-east-1:123456789012:repository/k8s/*"],
                },
            ],
        });
    });
});
