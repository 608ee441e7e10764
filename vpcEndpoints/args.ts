// Arguments every VPC endpoint component shares, and their checks (run before the component registers, so a
// bad input creates nothing).
import * as pulumi from "@pulumi/pulumi";
import { checkEndpointAzs } from "./azs";
import { EndpointPlan, EndpointType } from "./services";
import { prices } from "../aws/prices";
import { InputError, oneOf } from "../shared/errors";
import { KeyedSource, keyedSources } from "../shared/ruleSources";
import { Validated, requirePlain, validatedInput, checkStringList } from "../shared/validatedInput";
import { isPlainShape } from "../shared/outputs";
import { Ec2IdPrefix, isEc2Id } from "../aws/ids";

/** The endpoint policy put on every interface endpoint that `policies` does not name. */
export const DefaultEndpointPolicy = {
    /** AWS's default policy: full access for any principal that reaches the endpoint. */
    None: "none",
    /** Allow only principals of the caller's AWS Organization (aws:PrincipalOrgID). */
    Organization: "organization",
    /** Allow only principals of the caller's account (aws:PrincipalAccount). */
    Account: "account",
} as const;
export type DefaultEndpointPolicy = (typeof DefaultEndpointPolicy)[keyof typeof DefaultEndpointPolicy];

/**
 * Who an S3 interface endpoint's private DNS answers (its `dnsOptions.privateDnsOnlyForInboundResolverEndpoint`).
 * AWS turns "private DNS only for inbound endpoints" on by default for S3 and then refuses the endpoint unless the
 * VPC has an S3 gateway endpoint: the VPC's own S3 traffic goes to the gateway, queries arriving through a Route 53
 * Resolver inbound endpoint (on premises, peered networks) get the interface endpoint (Amazon S3 user guide,
 * "AWS PrivateLink for Amazon S3", "Private DNS",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns; EC2 API
 * reference, DnsOptionsSpecification, "PrivateDnsOnlyForInboundResolverEndpoint").
 */
export const S3InterfaceDns = {
    /** Private DNS answers every resolver: the VPC's S3 traffic goes through the interface endpoint; no gateway needed. */
    AllResolvers: "allResolvers",
    /**
     * AWS's recommended hybrid set-up: an S3 gateway endpoint (created here, on routeTableIds) for the VPC's own
     * traffic, which is free, and the interface endpoint's private DNS answering only inbound Resolver queries.
     */
    InboundResolverOnly: "inboundResolverOnly",
} as const;
export type S3InterfaceDns = (typeof S3InterfaceDns)[keyof typeof S3InterfaceDns];

/** Args every endpoint component takes. */
export interface EndpointNetworkArgs {
    /** The cluster's VPC. */
    vpcId: pulumi.Input<string>;
    /**
     * Subnets for interface endpoints, normally the nodes' private subnets. One subnet per AZ is used (the lowest
     * id), and a service only in the AZs AWS offers it in. Plain ids are checked before anything is created; ids
     * that are Outputs (subnets made in the same program) are looked up once they exist, so a preview before then
     * shows the endpoints' subnets as unknown.
     */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** CIDR blocks allowed to reach the interface endpoints on TCP 443. Default: every IPv4 CIDR block of the VPC. Plain strings: each names its rule. */
    allowedCidrs?: string[];
    /** Security groups (the node or cluster security group) allowed to reach the endpoints on TCP 443; ids known at preview. */
    allowedSecurityGroupIds?: pulumi.Input<string>[];
    /** Like allowedSecurityGroupIds, keyed by a stable label, for ids only known at deployment ({ nodes: cluster.nodeSecurityGroupId }). */
    allowedSecurityGroups?: Record<string, pulumi.Input<string>>;
    /** Bring your own security groups for the interface endpoints instead of the one this component creates; ids may be Outputs. */
    securityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** Turn on private DNS, so the service's usual host name resolves to the endpoint in the VPC. Default true. */
    privateDnsEnabled?: boolean;
    /** Policy for endpoints without one in `policies`: "none" (AWS's full access, the default), "organization" or "account". */
    defaultPolicy?: DefaultEndpointPolicy;
    /** USD per interface endpoint per AZ-hour for the cost estimate. Default 0.01 (us-east-1 list price). */
    interfaceEndpointHourlyUsd?: number;
}

/** The arguments after the checks, ready for `buildVpcEndpoints`. */
export interface CheckedEndpointArgs {
    component: string;
    name: string;
    plan: EndpointPlan;
    vpcId: Validated<string>;
    subnetIds: Validated<string[]>;
    routeTableIds: Validated<string[]>;
    /** Validated rule sources; `vpcCidrs` adds the VPC's CIDR blocks through a prefix list. */
    sources: KeyedSource[];
    vpcCidrs: boolean;
    securityGroupIds?: Validated<string[]>;
    privateDnsEnabled: boolean;
    /** The S3 interface endpoint's private DNS; undefined without an S3 interface endpoint with private DNS. */
    s3InterfaceDns?: S3InterfaceDns;
    defaultPolicy: DefaultEndpointPolicy;
    policies: Record<string, Validated<string>>;
    usdPerAzHour: number;
    /** Interface endpoints in only this many of the subnets' AZs (the first by name); undefined for every AZ. */
    endpointAzs?: number;
}

/** Checks a list of resource ids (shape, pattern, each once) and returns it; `required` lists may not be empty. */
function idList(list: pulumi.Input<string>[] | undefined, arg: string, prefix: Ec2IdPrefix, what: string, required: boolean): string[] {
    checkStringList(list, arg, `${what} id`);
    if (list === undefined && !required) return [];
    if (!Array.isArray(list) || (required && list.length === 0)) throw new InputError(arg, `expected a non-empty list of ${what} ids`);
    const seen = new Set<string>();
    (list as string[]).forEach((id, i) => {
        if (!isEc2Id(id, prefix)) throw new InputError(`${arg}[${i}]`, `${JSON.stringify(id)} is not a ${what} id`);
        if (seen.has(id)) throw new InputError(`${arg}[${i}]`, `${id} is listed twice; list each ${what} once`);
        seen.add(id);
    });
    return list as string[];
}

/** Why these endpoint arguments are plain (used in `requirePlain` messages). */
const decidesEndpoints = "it decides which endpoints, look-ups and policies are planned before anything is created: pass a literal value";

/**
 * Checks the shared arguments against the plan; throws InputError. Call inside `inComponent` before `super`.
 * `routeTableIds` is only needed when the plan has a gateway endpoint.
 */
export function checkEndpointArgs(
    component: string,
    name: string,
    args: EndpointNetworkArgs & {
        routeTableIds?: pulumi.Input<pulumi.Input<string>[]>;
        policies?: Record<string, pulumi.Input<string>>;
        s3InterfaceDns?: S3InterfaceDns;
        endpointAzs?: number;
    },
    plan: EndpointPlan,
): CheckedEndpointArgs {
    const s3InterfaceDns = checkS3InterfaceDns(args, plan);
    if (args.vpcId === undefined) throw new InputError("vpcId", "the cluster's VPC id is required");
    const vpcId = validatedInput(args.vpcId, (id) => {
        if (!isEc2Id(id, "vpc")) throw new InputError("vpcId", `${JSON.stringify(id)} is not a VPC id`);
        return id;
    });
    const interfaces = plan.create.filter((e) => e.type === EndpointType.Interface);
    const gateways = plan.create.filter((e) => e.type === EndpointType.Gateway);
    const gatewayReason =
        s3InterfaceDns === S3InterfaceDns.InboundResolverOnly
            ? `the s3 gateway endpoint s3InterfaceDns "inboundResolverOnly" needs (AWS refuses the interface endpoint without one) adds a route to the route tables of the nodes' subnets: pass them`
            : gateways.length > 0
              ? `the ${gateways.map((g) => g.service).join(" and ")} gateway endpoint adds a route to the route tables of the nodes' subnets: ` +
                `pass them, or list the service in existingEndpoints if the VPC already has one`
              : undefined;
    const subnetIds = validatedInput(args.subnetIds, (ids) => idList(ids, "subnetIds", "subnet", "subnet", interfaces.length > 0));
    const routeTableIds = validatedInput(args.routeTableIds, (ids) => {
        const checked = idList(ids, "routeTableIds", "rtb", "route table", false);
        if (gatewayReason !== undefined && checked.length === 0) throw new InputError("routeTableIds", gatewayReason);
        return checked;
    });
    const securityGroupIds =
        args.securityGroupIds === undefined
            ? undefined
            : validatedInput(args.securityGroupIds, (ids) => idList(ids, "securityGroupIds", "sg", "security group", false));
    requirePlain(args.privateDnsEnabled, "privateDnsEnabled", "it decides whether the VPC's DNS attributes are checked before the endpoints exist: pass true or false");
    requirePlain(args.defaultPolicy, "defaultPolicy", decidesEndpoints);
    requirePlain(args.interfaceEndpointHourlyUsd, "interfaceEndpointHourlyUsd", "it is a price for the cost estimate: pass a number");
    if (!isPlainShape(args.policies)) requirePlain(args.policies, "policies", "its keys pick the endpoints they apply to: give a map literal, whose values may be Outputs");
    const bringOwn = args.securityGroupIds !== undefined;
    if (bringOwn && (args.allowedCidrs || args.allowedSecurityGroupIds || args.allowedSecurityGroups)) {
        throw new InputError(
            "securityGroupIds",
            "with your own security groups, their rules are yours: drop allowedCidrs, allowedSecurityGroupIds and allowedSecurityGroups",
        );
    }
    const sources = keyedSources(
        { cidrs: args.allowedCidrs, securityGroupIds: args.allowedSecurityGroupIds, securityGroups: args.allowedSecurityGroups },
        { cidrs: "allowedCidrs", securityGroupIds: "allowedSecurityGroupIds", securityGroups: "allowedSecurityGroups" },
    );
    if (!bringOwn && args.allowedCidrs !== undefined && sources.length === 0) {
        throw new InputError("allowedCidrs", "is empty and no security group is allowed either, so nothing could reach the endpoints");
    }
    if (args.privateDnsEnabled !== undefined && typeof args.privateDnsEnabled !== "boolean") {
        throw new InputError("privateDnsEnabled", "expected true or false");
    }
    const defaultPolicy = oneOf(args.defaultPolicy ?? DefaultEndpointPolicy.None, DefaultEndpointPolicy, "defaultPolicy");
    const planned = plan.create.map((e) => e.service);
    const policies: Record<string, Validated<string>> = {};
    for (const [service, policy] of Object.entries(args.policies ?? {})) {
        if (!planned.includes(service)) {
            throw new InputError(`policies.${service}`, `no ${service} endpoint is created here (created: ${planned.join(", ") || "none"})`);
        }
        policies[service] = validatedPolicy(policy, `policies.${service}`);
    }
    const usdPerAzHour = args.interfaceEndpointHourlyUsd ?? prices.interfaceEndpointUsdPerAzHour;
    if (typeof usdPerAzHour !== "number" || !Number.isFinite(usdPerAzHour) || usdPerAzHour < 0) {
        throw new InputError("interfaceEndpointHourlyUsd", `${JSON.stringify(usdPerAzHour)} is not a price (USD per AZ-hour, like 0.01)`);
    }
    return {
        component,
        name,
        plan,
        vpcId,
        subnetIds,
        routeTableIds,
        sources,
        vpcCidrs: !bringOwn && args.allowedCidrs === undefined,
        securityGroupIds,
        privateDnsEnabled: args.privateDnsEnabled ?? true,
        s3InterfaceDns,
        defaultPolicy,
        policies,
        usdPerAzHour,
        endpointAzs: checkEndpointAzs(args.endpointAzs),
    };
}

/**
 * The S3 interface endpoint's private DNS setting: `allResolvers` by default (so AWS's inbound-only default does
 * not refuse an endpoint in a VPC without an S3 gateway), undefined when there is no S3 interface endpoint with
 * private DNS. Throws InputError for a setting that would not apply.
 */
function checkS3InterfaceDns(args: { s3InterfaceDns?: S3InterfaceDns; privateDnsEnabled?: boolean }, plan: EndpointPlan): S3InterfaceDns | undefined {
    const value = args.s3InterfaceDns;
    requirePlain(value, "s3InterfaceDns", "it decides whether an S3 gateway endpoint is created too: pass a literal value");
    const s3Interface = plan.create.some((e) => e.service === "s3" && e.type === EndpointType.Interface);
    const privateDns = args.privateDnsEnabled ?? true;
    if (value === undefined) return s3Interface && privateDns ? S3InterfaceDns.AllResolvers : undefined;
    oneOf(value, S3InterfaceDns, "s3InterfaceDns");
    if (!s3Interface) throw new InputError("s3InterfaceDns", `no S3 interface endpoint is created here: set s3EndpointType: "Interface" (and leave s3 out of existingEndpoints), or drop s3InterfaceDns`);
    if (!privateDns) throw new InputError("s3InterfaceDns", "it is a private DNS option and privateDnsEnabled is false: turn private DNS on, or drop s3InterfaceDns");
    return value;
}

/** An endpoint policy argument, checked now when plain and once known when computed. */
export function validatedPolicy(policy: pulumi.Input<string>, arg: string): Validated<string> {
    return validatedInput(policy, (text) => {
        if (typeof text !== "string" || !isPolicyDocument(text)) throw new InputError(arg, "is not an IAM policy document (JSON with a Statement)");
        return text;
    });
}

/** True when `text` parses as a JSON IAM policy document (an object with a Statement). */
export function isPolicyDocument(text: string): boolean {
    try {
        const doc: unknown = JSON.parse(text);
        return typeof doc === "object" && doc !== null && "Statement" in doc;
    } catch {
        return false;
    }
}

/** Who the restricted default policy lets through: the caller's organization or account. */
export interface PolicyScope {
    policy: Exclude<DefaultEndpointPolicy, "none">;
    /** The organization id (o-...) or account id. */
    id: string;
}

/**
 * The restricted default endpoint policy for a service: any action by principals of the organization or account.
 * Two calls through a private cluster's endpoints are not made by one of its principals, so they get their own
 * statements:
 * - S3: ECR hands out image layers as S3 URLs signed by ECR itself, from prod-<region>-starport-layer-bucket
 *   (the ECR user guide's "minimum Amazon S3 bucket permissions" for the S3 gateway endpoint);
 * - STS: AssumeRoleWithWebIdentity (IRSA) is unsigned, so it is allowed for roles in the organization or account.
 * Anonymous S3 reads (Amazon Linux package repositories) stay denied: give s3 its own entry in `policies` if
 * nodes install packages.
 */
export function restrictedEndpointPolicy(service: string, scope: PolicyScope, partition: string, region: string): string {
    const org = scope.policy === DefaultEndpointPolicy.Organization;
    const statements: Record<string, unknown>[] = [
        {
            Sid: "OnlyOurPrincipals",
            Effect: "Allow",
            Principal: "*",
            Action: "*",
            Resource: "*",
            Condition: { StringEquals: { [org ? "aws:PrincipalOrgID" : "aws:PrincipalAccount"]: scope.id } },
        },
    ];
    if (service === "s3") {
        statements.push({
            Sid: "EcrImageLayers",
            Effect: "Allow",
            Principal: "*",
            Action: "s3:GetObject",
            Resource: `arn:${partition}:s3:::prod-${region}-starport-layer-bucket/*`,
        });
    }
    if (service === "sts") {
        statements.push({
            Sid: "WebIdentityToOurRoles",
            Effect: "Allow",
            Principal: "*",
            Action: "sts:AssumeRoleWithWebIdentity",
            Resource: "*",
            Condition: { StringEquals: { [org ? "aws:ResourceOrgID" : "aws:ResourceAccount"]: scope.id } },
        });
    }
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}
