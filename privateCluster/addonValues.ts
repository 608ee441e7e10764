// Helm values for add-ons that need private-cluster settings (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html, Considerations). The flags come from
// aws/privateClusterChecklist.ts, turned into each chart's own value names, so the two never disagree.
import { clusterAutoscalerFlags, loadBalancerControllerFlags, stsPodEnvironment } from "../aws/privateClusterChecklist";
import { InputError } from "../shared/errors";
import { described } from "../shared/validatedInput";
import { rewriteImage } from "./pullThroughCache";

export interface AddonContext {
    clusterName: string;
    region: string;
    vpcId: string;
    /** Image host -> ECR pull-through prefix; images on a mapped host are pulled through the cache. */
    imagePrefixes: Record<string, string>;
}

/**
 * Checks the context a chart's values are made from (another language may send any value): an object, with the
 * text `fields` the chart uses and `imagePrefixes` a map (`{}` when no image is pulled through a cache).
 */
function checkContext(ctx: unknown, fields: readonly string[]): void {
    if (ctx === null || typeof ctx !== "object" || Array.isArray(ctx)) {
        throw new InputError("ctx", `expected the add-on context (an object with clusterName, region, vpcId and imagePrefixes), got ${described(ctx)}`);
    }
    const values = ctx as Record<string, unknown>;
    for (const field of fields) {
        if (typeof values[field] !== "string") throw new InputError(field, `expected a string, got ${described(values[field])}`);
    }
    const prefixes = values.imagePrefixes;
    if (prefixes === null || typeof prefixes !== "object" || Array.isArray(prefixes)) {
        throw new InputError("imagePrefixes", `expected a map of image host to ECR pull-through prefix ({} for none), got ${described(prefixes)}`);
    }
}

/** `--enable-wafv2=false` -> ["enable-wafv2", false]; "true"/"false" become booleans, other values stay text. */
export function parseFlag(flag: string): [string, string | boolean] {
    const match = /^--([a-z0-9-]+)=(.*)$/.exec(flag);
    if (!match) throw new Error(`${JSON.stringify(flag)} is not a --name=value flag`);
    const value = match[2] === "true" ? true : match[2] === "false" ? false : match[2];
    return [match[1], value];
}

/** `enable-wafv2` -> `enableWafv2`: the aws-load-balancer-controller chart names its values in camel case. */
function camel(name: string): string {
    return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The upstream image repositories of the two charts (their values.yaml defaults). */
export const addonImages = {
    loadBalancerController: "public.ecr.aws/eks/aws-load-balancer-controller",
    clusterAutoscaler: "registry.k8s.io/autoscaling/cluster-autoscaler",
    karpenter: "public.ecr.aws/karpenter/controller",
} as const;

/**
 * Values for the eks-charts aws-load-balancer-controller chart: Shield, WAF and WAFv2 off (they have no VPC
 * endpoint), and region and VPC given, so the controller does not ask the instance metadata service.
 */
export function loadBalancerControllerValues(ctx: AddonContext): Record<string, unknown> {
    checkContext(ctx, ["clusterName", "region", "vpcId"]);
    const flags = Object.fromEntries(loadBalancerControllerFlags.map(parseFlag).map(([k, v]) => [camel(k), v]));
    const values: Record<string, unknown> = { clusterName: ctx.clusterName, region: ctx.region, vpcId: ctx.vpcId, ...flags };
    const image = rewriteImage(addonImages.loadBalancerController, ctx.imagePrefixes);
    if (image !== addonImages.loadBalancerController) values.image = { repository: image };
    return values;
}

/**
 * Values for the kubernetes/autoscaler cluster-autoscaler chart: the static instance list (the pricing API has no
 * endpoint), auto-discovery of the cluster's node groups, and the regional STS endpoint for IRSA.
 */
export function clusterAutoscalerValues(ctx: AddonContext): Record<string, unknown> {
    checkContext(ctx, ["clusterName", "region"]);
    const values: Record<string, unknown> = {
        autoDiscovery: { clusterName: ctx.clusterName },
        awsRegion: ctx.region,
        extraArgs: Object.fromEntries(clusterAutoscalerFlags.map(parseFlag)),
        extraEnv: { ...stsPodEnvironment },
    };
    const image = rewriteImage(addonImages.clusterAutoscaler, ctx.imagePrefixes);
    if (image !== addonImages.clusterAutoscaler) values.image = { repository: image };
    return values;
}

export interface KarpenterContext extends AddonContext {
    /** The API server endpoint URL: Karpenter needs it given, or it asks the EKS API (settings.clusterEndpoint). */
    clusterEndpoint: string;
    /** The SQS queue for interruption events (settings.interruptionQueue); none: interruption handling off. */
    interruptionQueue?: string;
}

/**
 * Values for the Karpenter chart (oci://public.ecr.aws/karpenter/karpenter) in a VPC without internet access, as
 * Karpenter's guide sets it up (Karpenter, "Getting Started with Karpenter", "Private Clusters",
 * https://karpenter.sh/docs/getting-started/getting-started-with-karpenter/#private-clusters): `settings.isolatedVPC`
 * (the Price List API has no VPC endpoint, so Karpenter uses its bundled on-demand prices), the cluster's name and
 * endpoint, and the interruption queue when there is one. The endpoints that page lists (ec2, ecr.api, ecr.dkr, s3,
 * sts, ssm, sqs, eks) are the default set plus the `karpenter` endpoint feature. IAM has no VPC endpoint either:
 * EC2NodeClasses must name an existing `instanceProfile`, as Karpenter cannot create one. A controller role given
 * through EKS Pod Identity needs the `podIdentity` feature (eks-auth) as well.
 */
export function karpenterValues(ctx: KarpenterContext): Record<string, unknown> {
    checkContext(ctx, ["clusterName", "clusterEndpoint"]);
    const settings: Record<string, unknown> = { clusterName: ctx.clusterName, clusterEndpoint: ctx.clusterEndpoint, isolatedVPC: true };
    if (ctx.interruptionQueue !== undefined && ctx.interruptionQueue !== "") settings.interruptionQueue = ctx.interruptionQueue;
    const values: Record<string, unknown> = { settings };
    const image = rewriteImage(addonImages.karpenter, ctx.imagePrefixes);
    if (image !== addonImages.karpenter) values.controller = { image: { repository: image } };
    return values;
}
