// ECR pull-through cache rules for a cluster without internet access (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html: "Your cluster must pull images
// from a container registry that's in your VPC"). ECR fetches from the upstream registry itself, so nodes reach
// ECR through the ecr.api, ecr.dkr and s3 endpoints; pods name images by the ECR prefix instead of the upstream
// host. Except on an image's first pull, which needs a NAT gateway in the VPC (firstPullNote below). Catalog: the upstream registries ECR supports for pull-through caching (ECR user guide, "Sync an
// upstream registry with an Amazon ECR private registry").
import { InputError } from "../shared/errors";

export interface UpstreamRegistry {
    /** The host ECR pulls from (the rule's upstreamRegistryUrl). */
    upstreamRegistryUrl: string;
    /** The host image references name (`docker.io/library/nginx`), the key of the image-prefix mapping. */
    imageHost: string;
    /** Default ECR repository prefix (`registry.k8s.io/pause` becomes `<registry>/k8s/pause`). */
    defaultPrefix: string;
    /** ECR needs a Secrets Manager secret (name prefixed `ecr-pullthroughcache/`) with the registry's credentials. */
    credentialsRequired: boolean;
}

/** Upstream registries by the host users write in image references. */
export const upstreamRegistries: Readonly<Record<string, UpstreamRegistry>> = {
    "public.ecr.aws": { upstreamRegistryUrl: "public.ecr.aws", imageHost: "public.ecr.aws", defaultPrefix: "ecr-public", credentialsRequired: false },
    "registry.k8s.io": { upstreamRegistryUrl: "registry.k8s.io", imageHost: "registry.k8s.io", defaultPrefix: "k8s", credentialsRequired: false },
    "quay.io": { upstreamRegistryUrl: "quay.io", imageHost: "quay.io", defaultPrefix: "quay", credentialsRequired: false },
    "docker.io": { upstreamRegistryUrl: "registry-1.docker.io", imageHost: "docker.io", defaultPrefix: "docker-hub", credentialsRequired: true },
    "ghcr.io": { upstreamRegistryUrl: "ghcr.io", imageHost: "ghcr.io", defaultPrefix: "github", credentialsRequired: true },
    "registry.gitlab.com": { upstreamRegistryUrl: "registry.gitlab.com", imageHost: "registry.gitlab.com", defaultPrefix: "gitlab", credentialsRequired: true },
};

export interface PullThroughCacheArgs {
    /** Upstream registries by image host (`registry.k8s.io`, `docker.io`). */
    registries: string[];
    /** ECR repository prefix per registry, overriding the catalog's. */
    repositoryPrefixes?: Record<string, string>;
    /** Registries whose credentials secret is given (values are checked by the caller when plain). */
    credentialRegistries?: string[];
}

export interface PlannedRule {
    /** The image host, the rule's key. */
    registry: string;
    upstreamRegistryUrl: string;
    ecrRepositoryPrefix: string;
    credentialsRequired: boolean;
}

// ECR: 2-30 characters, lower-case, segments of letters and digits joined by ., _, - or /.
const prefixPattern = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;

/** Validates the rules to create, sorted by registry. Throws InputError naming the argument (under `argPrefix`). */
export function planPullThroughCache(args: PullThroughCacheArgs, argPrefix = "pullThroughCache"): PlannedRule[] {
    if (!Array.isArray(args.registries) || args.registries.length === 0) {
        throw new InputError(`${argPrefix}.registries`, `list at least one upstream registry: ${Object.keys(upstreamRegistries).join(", ")}`);
    }
    const seen = new Set<string>();
    const prefixes = new Map<string, string>();
    const rules = args.registries.map((registry, i) => {
        const entry = upstreamRegistries[registry];
        if (!entry) {
            throw new InputError(
                `${argPrefix}.registries[${i}]`,
                `${JSON.stringify(registry)} is not a registry ECR can cache; use one of ${Object.keys(upstreamRegistries).join(", ")}`,
            );
        }
        if (seen.has(registry)) throw new InputError(`${argPrefix}.registries[${i}]`, `${registry} is listed twice; list each registry once`);
        seen.add(registry);
        const prefix = args.repositoryPrefixes?.[registry] ?? entry.defaultPrefix;
        if (prefix.length < 2 || prefix.length > 30 || !prefixPattern.test(prefix)) {
            throw new InputError(
                `${argPrefix}.repositoryPrefixes.${registry}`,
                `${JSON.stringify(prefix)} is not an ECR repository prefix (2 to 30 lower-case letters, digits, ., _, - and /)`,
            );
        }
        const other = prefixes.get(prefix);
        if (other) throw new InputError(`${argPrefix}.repositoryPrefixes.${registry}`, `${prefix} is already the prefix of ${other}; each rule needs its own`);
        prefixes.set(prefix, registry);
        return { registry, upstreamRegistryUrl: entry.upstreamRegistryUrl, ecrRepositoryPrefix: prefix, credentialsRequired: entry.credentialsRequired };
    });
    for (const registry of Object.keys(args.repositoryPrefixes ?? {})) {
        if (!seen.has(registry)) throw new InputError(`${argPrefix}.repositoryPrefixes.${registry}`, `${registry} is not in registries; add it there or drop the prefix`);
    }
    const credentials = new Set(args.credentialRegistries ?? []);
    for (const registry of credentials) {
        if (!seen.has(registry)) throw new InputError(`${argPrefix}.credentialArns.${registry}`, `${registry} is not in registries; add it there or drop the secret`);
        if (!upstreamRegistries[registry].credentialsRequired) {
            throw new InputError(`${argPrefix}.credentialArns.${registry}`, `${registry} is pulled anonymously; ECR takes no credentials for it, drop the secret`);
        }
    }
    for (const rule of rules) {
        if (rule.credentialsRequired && !credentials.has(rule.registry)) {
            throw new InputError(
                `${argPrefix}.credentialArns.${rule.registry}`,
                `ECR needs credentials to cache ${rule.registry}: store them in a Secrets Manager secret whose name starts with ` +
                    `"ecr-pullthroughcache/" and give its ARN here`,
            );
        }
    }
    return rules.sort((a, b) => a.registry.localeCompare(b.registry));
}

/**
 * ECR's own rule for pull-through cache over PrivateLink: the first pull of an image through a pull-through cache
 * rule needs a NAT gateway in the VPC, later pulls of it are served from ECR through the endpoints (Amazon ECR user
 * guide, "Amazon ECR interface VPC endpoints (AWS PrivateLink)", "Considerations for Amazon ECR VPC endpoints",
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-vpc-endpoint-considerations).
 * So a VPC without internet egress needs the cache pre-warmed (each image pulled once from a network that has
 * egress) or a NAT route for the first pull.
 */
export const firstPullNote =
    "ECR's first pull of each image through a pull-through cache rule over the VPC endpoints needs a NAT gateway in the VPC; later pulls do not " +
    "(ECR user guide, VPC endpoints, Considerations). Pre-warm the cache by pulling each image once through the cache prefix from a network with " +
    "internet access, or route these subnets to a NAT gateway for the first pull";

/** A route table's routes, as ec2 DescribeRouteTables (getRouteTable) gives them; targets that are not set are empty. */
export interface RouteTableRoutes {
    id: string;
    routes: { cidrBlock?: string; natGatewayId?: string; transitGatewayId?: string; gatewayId?: string; networkInterfaceId?: string; instanceId?: string }[];
}

/**
 * True when the route table can reach the internet for a first pull: a route to a NAT gateway, or a default route
 * (0.0.0.0/0) to another target that may lead to one (a transit gateway to a central egress VPC, a NAT instance's
 * interface, an internet gateway).
 */
function hasEgress(table: RouteTableRoutes): boolean {
    return table.routes.some(
        (r) => !!r.natGatewayId || (r.cidrBlock === "0.0.0.0/0" && !!(r.transitGatewayId || r.gatewayId || r.networkInterfaceId || r.instanceId)),
    );
}

/**
 * The warning for pull-through cache rules in subnets whose route tables have no way to a NAT gateway (see
 * firstPullNote), naming those route tables; undefined without rules, or when every route table has one.
 */
export function firstPullWarning(rules: PlannedRule[], routeTables: RouteTableRoutes[]): string | undefined {
    const closed = routeTables.filter((t) => !hasEgress(t)).map((t) => t.id);
    if (rules.length === 0 || closed.length === 0) return undefined;
    return `pullThroughCache: route table${closed.length > 1 ? "s" : ""} ${closed.join(", ")} ${closed.length > 1 ? "have" : "has"} no route to a NAT gateway. ${firstPullNote}.`;
}

/** Throws unless `arn` is a Secrets Manager secret ARN whose name starts with `ecr-pullthroughcache/`, as ECR requires. */
export function checkCredentialArn(arn: string, arg: string): void {
    if (!/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:ecr-pullthroughcache\/.+$/.test(arn)) {
        throw new InputError(arg, `${JSON.stringify(arn)} is not the ARN of a Secrets Manager secret named ecr-pullthroughcache/...; ECR only reads secrets with that prefix`);
    }
}

/** The private registry host of an account and region (`123456789012.dkr.ecr.us-east-1.amazonaws.com`). */
export function ecrRegistryHost(accountId: string, region: string, dnsSuffix: string): string {
    return `${accountId}.dkr.ecr.${region}.${dnsSuffix}`;
}

/** Image host -> what replaces it in image references: `{ "registry.k8s.io": "<registry host>/k8s" }`. */
export function imagePrefixMapping(rules: PlannedRule[], registryHost: string): Record<string, string> {
    return Object.fromEntries(rules.map((r) => [upstreamRegistries[r.registry].imageHost, `${registryHost}/${r.ecrRepositoryPrefix}`]));
}

/** An image reference rewritten through the mapping, or unchanged when its host has no rule. */
export function rewriteImage(image: string, mapping: Record<string, string>): string {
    const slash = image.indexOf("/");
    if (slash > 0 && mapping[image.slice(0, slash)] !== undefined) return `${mapping[image.slice(0, slash)]}${image.slice(slash)}`;
    return image;
}

/**
 * The IAM policy the nodes' role needs on top of AmazonEC2ContainerRegistryReadOnly: the first pull of a cached
 * image creates the repository and imports the image (ECR user guide, "IAM permissions required to sync an
 * upstream registry").
 */
export function pullThroughCacheNodePolicy(rules: PlannedRule[], partition: string, region: string, accountId: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "PullThroughCache",
                Effect: "Allow",
                Action: ["ecr:CreateRepository", "ecr:BatchImportUpstreamImage"],
                Resource: rules.map((r) => `arn:${partition}:ecr:${region}:${accountId}:repository/${r.ecrRepositoryPrefix}/*`),
            },
        ],
    });
}
