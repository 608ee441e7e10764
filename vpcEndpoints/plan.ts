// Plan, then build: what each VPC endpoint component creates, decided from its arguments alone (no look-up, no
// resource), so a composite (PrivateCluster) validates its children before registering any, with its own argument
// path in every message. vpcEndpoints/build.ts turns a plan into resources.
import type * as pulumi from "@pulumi/pulumi";
import { CheckedEndpointArgs, S3InterfaceDns, checkEndpointArgs, validatedPolicy } from "./args";
import { EndpointPlan, EndpointType, endpointChildName, planEndpoints } from "./services";
import type { EcrEndpointsArgs, PrivateClusterEndpointsArgs, StsEndpointArgs } from "./componentArgs";
import { interfaceEndpointMonthlyUsd } from "../aws/prices";
import { checkEndpointPrivateAccess } from "../aws/privateClusterChecklist";
import { underArgPath } from "../shared/errors";
import { KeyedSource } from "../shared/ruleSources";
import { PortSpec, plannedRules } from "../shared/ruleNames";
import { Validated } from "../shared/validatedInput";
import { isPlain } from "../shared/outputs";

/** A resource a component will register: its type token and name. */
export interface PlannedChild {
    type: string;
    name: string;
}

/** The endpoints' cost as far as the arguments tell: the AZs are only known once the subnets are looked up. */
export interface EndpointsCost {
    /** Interface endpoints created (each billed per AZ-hour; gateway endpoints are free). */
    interfaceEndpoints: number;
    /** USD a month each AZ with the interface endpoints adds (730 hours). */
    monthlyUsdPerAz: number;
    /** The most AZs they can be in: one per distinct subnet id, capped by endpointAzs; undefined when subnetIds is computed. */
    maxAzs?: number;
    /** monthlyUsdPerAz x maxAzs, rounded to cents: the most the endpoints cost a month; undefined without maxAzs. */
    maxMonthlyUsd?: number;
}

/** What a VPC endpoint component creates, before anything is registered. */
export interface VpcEndpointsPlan {
    /** The checked arguments the builder registers from. */
    checked: CheckedEndpointArgs;
    /** Services given an endpoint, sorted. */
    services: string[];
    /** Services skipped because existingEndpoints lists them, sorted. */
    existingServices: string[];
    /** Every resource the component registers, in registration order. */
    children: PlannedChild[];
    /** Advice known from the arguments alone (placement advice follows the subnet look-up). */
    warnings: string[];
    cost: EndpointsCost;
}

export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const PREFIX_LIST = "aws:ec2/managedPrefixList:ManagedPrefixList";
export const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const VPC_ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

/** The one port interface endpoints are reached on. */
export const endpointPorts: PortSpec[] = [{ protocol: "tcp", port: 443, purpose: "HTTPS to VPC endpoints" }];

/** Names of the endpoints' security group, its VPC CIDR prefix list, and the key of the prefix list's rule. */
export const endpointGroupName = (name: string) => `${name}-endpoints`;
export const vpcCidrsListName = (name: string) => `${name}-vpc-cidrs`;
export const VPC_CIDRS_KEY = "vpc-cidrs";
/** The key of the S3 gateway s3InterfaceDns "inboundResolverOnly" adds beside the interface endpoint. */
export const S3_GATEWAY_KEY = "s3-gateway";

/** The endpoints a plan registers, keyed by service (and S3_GATEWAY_KEY), in registration order. */
export function plannedEndpoints(checked: CheckedEndpointArgs): { key: string; service: string; type: EndpointType }[] {
    const gateway = checked.s3InterfaceDns === S3InterfaceDns.InboundResolverOnly ? [{ key: S3_GATEWAY_KEY, service: "s3", type: EndpointType.Gateway }] : [];
    return [...gateway, ...checked.plan.create.map((e) => ({ key: e.service, service: e.service, type: e.type }))];
}

/** The 443 rules' peers: the VPC CIDR prefix list first when the VPC's blocks are the default, then the allowed sources. */
export function plannedPeers(checked: CheckedEndpointArgs, vpcCidrsListId: pulumi.Input<string>): KeyedSource[] {
    return checked.vpcCidrs ? [{ key: VPC_CIDRS_KEY, prefixListId: vpcCidrsListId }, ...checked.sources] : [...checked.sources];
}

/** Whether the plan has interface endpoints and so the security group (unless the caller brings its own). */
export function createsSecurityGroup(checked: CheckedEndpointArgs): boolean {
    return checked.plan.create.some((e) => e.type === EndpointType.Interface) && checked.securityGroupIds === undefined;
}

function children(checked: CheckedEndpointArgs): PlannedChild[] {
    const { name } = checked;
    const group: PlannedChild[] = [];
    if (createsSecurityGroup(checked)) {
        group.push({ type: SECURITY_GROUP, name: endpointGroupName(name) });
        if (checked.vpcCidrs) group.push({ type: PREFIX_LIST, name: vpcCidrsListName(name) });
        for (const rule of plannedRules("ingress", endpointGroupName(name), plannedPeers(checked, ""), endpointPorts)) group.push({ type: INGRESS_RULE, name: rule.name });
    }
    return [...group, ...plannedEndpoints(checked).map((e) => ({ type: VPC_ENDPOINT, name: endpointChildName(name, e.key) }))];
}

function cost(checked: CheckedEndpointArgs, subnetIds: unknown): EndpointsCost {
    const interfaceEndpoints = checked.plan.create.filter((e) => e.type === EndpointType.Interface).length;
    const monthlyUsdPerAz = interfaceEndpointMonthlyUsd(interfaceEndpoints, checked.usdPerAzHour);
    if (!isPlain(subnetIds) || !Array.isArray(subnetIds)) return { interfaceEndpoints, monthlyUsdPerAz };
    const distinct = new Set(subnetIds).size;
    const maxAzs = checked.endpointAzs === undefined ? distinct : Math.min(distinct, checked.endpointAzs);
    return { interfaceEndpoints, monthlyUsdPerAz, maxAzs, maxMonthlyUsd: interfaceEndpointMonthlyUsd(interfaceEndpoints * maxAzs, checked.usdPerAzHour) };
}

/** The plan of a component from its checked arguments. */
export function planFromChecked(checked: CheckedEndpointArgs, subnetIds: unknown): VpcEndpointsPlan {
    return {
        checked,
        services: checked.plan.create.map((e) => e.service),
        existingServices: [...checked.plan.existing],
        children: children(checked),
        warnings: [],
        cost: cost(checked, subnetIds),
    };
}

type SharedArgs = Parameters<typeof checkEndpointArgs>[2];

/** Checks `args` for `selection` and plans the component; errors name `argPath` + the argument when given. */
function planComponent(component: string, name: string, args: SharedArgs, selection: () => EndpointPlan, argPath?: string): VpcEndpointsPlan {
    return underArgPath(argPath, () => planFromChecked(checkEndpointArgs(component, name, args, selection()), args.subnetIds));
}

/**
 * PrivateClusterEndpoints' plan: the service set (preset or services, additionalServices, features, minus
 * existingEndpoints), the security group and rules, the endpoints and their cost per AZ. Throws InputError, under
 * `argPath` when given (`endpoints.allowedCidrs[0]`).
 */
export function planPrivateClusterEndpoints(name: string, args: PrivateClusterEndpointsArgs, argPath?: string): VpcEndpointsPlan {
    return planComponent(
        "PrivateClusterEndpoints",
        name,
        args,
        () => {
            checkEndpointPrivateAccess(args.endpointPrivateAccess);
            return planEndpoints(args);
        },
        argPath,
    );
}

/** What a node pulling from ECR calls: the ECR API, the registry, and S3 where the image layers are. */
export const ecrServices: readonly string[] = ["ecr.api", "ecr.dkr", "s3"];

/** EcrEndpoints' plan: ecr.api, ecr.dkr and S3 (a gateway unless s3EndpointType says otherwise), minus existingEndpoints. */
export function planEcrEndpoints(name: string, args: EcrEndpointsArgs, argPath?: string): VpcEndpointsPlan {
    const selection = () => planEndpoints({ services: [...ecrServices], s3EndpointType: args.s3EndpointType, existingEndpoints: args.existingEndpoints });
    return planComponent("EcrEndpoints", name, args, selection, argPath);
}

/** StsEndpoint's plan: the one STS interface endpoint, with `policy` as its endpoint policy when given. */
export function planStsEndpoint(name: string, args: StsEndpointArgs, argPath?: string): VpcEndpointsPlan {
    return underArgPath(argPath, () => {
        const plan = planComponent("StsEndpoint", name, args, () => planEndpoints({ services: ["sts"] }));
        const policies: Record<string, Validated<string>> = args.policy === undefined ? {} : { sts: validatedPolicy(args.policy, "policy") };
        return { ...plan, checked: { ...plan.checked, policies } };
    });
}
