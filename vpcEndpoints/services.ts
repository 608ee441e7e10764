// The VPC endpoints a private EKS cluster needs: validation of the service selection (features come from
// features.ts, the catalogue from catalog.ts), AZ placement and the cost estimate. Pure functions;
// vpcEndpoints/build.ts turns a plan into resources.
import { InputError, oneOf } from "../shared/errors";
import { described } from "../shared/validatedInput";
import { EndpointPreset, presetServices } from "./presets";
import { EndpointType, S3EndpointType, endpointCatalog } from "./catalog";
import { EndpointFeature, featureTable } from "./features";
import { interfaceEndpointMonthlyUsd, prices, sumUsd } from "../aws/prices";

export { EndpointType, S3EndpointType, endpointCatalog } from "./catalog";
export type { CatalogEntry } from "./catalog";
export { EndpointPreset, eksGuideEndpointServices, presetServices, requiredEndpointServices } from "./presets";

/** The default set, before features add what they call: what nodes need to join and pull images (the minimal preset). */
export const defaultEndpointServices: readonly string[] = presetServices[EndpointPreset.Minimal];

export { EndpointFeature, featureEndpoints } from "./features";

const serviceIdPattern = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/** Throws InputError unless `id` is a short AWS service id such as `ecr.api` or `eks-auth`. */
export function validateServiceId(id: unknown, arg: string): string {
    if (typeof id !== "string" || id.length === 0) throw new InputError(arg, `expected a service id such as "ecr.api", got ${JSON.stringify(id)}`);
    const full = /^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\.(.+)$/.exec(id);
    if (full) {
        throw new InputError(arg, `${JSON.stringify(id)} is a full service name; give the short id ${JSON.stringify(full[1])}: the full name is looked up for the region`);
    }
    if (!serviceIdPattern.test(id) || id.length > 64) {
        throw new InputError(arg, `${JSON.stringify(id)} is not a service id (lower-case letters, digits, dots and dashes, like "ecr.api")`);
    }
    return id;
}

export interface EndpointSelection {
    preset?: EndpointPreset;
    services?: string[];
    additionalServices?: string[];
    features?: EndpointFeature[];
    existingEndpoints?: string[];
    s3EndpointType?: S3EndpointType;
}

export interface PlannedEndpoint {
    service: string;
    type: EndpointType;
    /** Where the service came from: `default`, `services`, `additionalServices` or `feature <name>`. */
    reasons: string[];
}

export interface EndpointPlan {
    /** Endpoints to create, sorted by service id. */
    create: PlannedEndpoint[];
    /** Requested services that already have an endpoint in the VPC, sorted. */
    existing: string[];
}

function uniqueIds(list: unknown, arg: string): string[] {
    if (list === undefined) return [];
    if (!Array.isArray(list)) throw new InputError(arg, "expected a list of service ids");
    const seen = new Set<string>();
    return (list as unknown[]).map((item, i) => {
        validateServiceId(item, `${arg}[${i}]`);
        const id = item as string; // validateServiceId refused anything else
        if (seen.has(id)) throw new InputError(`${arg}[${i}]`, `${id} is listed twice; list each service once`);
        seen.add(id);
        return id;
    });
}

/**
 * Which endpoints to create: `services`, or the `preset`'s set (default: the minimal preset), plus `additionalServices` plus what the
 * `features` call, minus `existingEndpoints`, per service rather than all or nothing: eksctl's
 * skipEndpointCreation skips every endpoint, and without it eksctl fails with RouteAlreadyExists when the VPC
 * already has an S3 gateway endpoint (eksctl-io/eksctl#2510, #4377, #5335). Throws InputError for bad ids,
 * unknown features, repeats, an unknown S3 endpoint type or preset, a preset with `services`, and existing endpoints that are not in the set.
 */
export function planEndpoints(selection: EndpointSelection): EndpointPlan {
    if (selection === null || typeof selection !== "object" || Array.isArray(selection)) {
        throw new InputError(
            "selection",
            `expected the endpoint selection (an object with preset, services, additionalServices, features, existingEndpoints or s3EndpointType; {} for the default set), got ${described(selection)}`,
        );
    }
    const s3Type = oneOf(selection.s3EndpointType ?? S3EndpointType.Gateway, S3EndpointType, "s3EndpointType");
    const reasons = new Map<string, string[]>();
    const add = (service: string, reason: string) => reasons.set(service, [...(reasons.get(service) ?? []), reason]);
    const preset = selection.preset;
    if (preset !== undefined) {
        oneOf(preset, EndpointPreset, "preset");
        if (selection.services !== undefined) throw new InputError("preset", "give preset or services, not both: services replaces the preset's set");
        presetServices[preset].forEach((s) => add(s, `preset ${preset}`));
    } else if (selection.services === undefined) defaultEndpointServices.forEach((s) => add(s, "default"));
    else uniqueIds(selection.services, "services").forEach((s) => add(s, "services"));
    uniqueIds(selection.additionalServices, "additionalServices").forEach((s) => add(s, "additionalServices"));
    const features = selection.features ?? [];
    if (!Array.isArray(features)) throw new InputError("features", "expected a list of features");
    const known = Object.values(EndpointFeature) as string[];
    features.forEach((feature, i) => {
        if (!known.includes(feature)) {
            throw new InputError(`features[${i}]`, `${JSON.stringify(feature)} is not a feature; use one of ${known.join(", ")}`);
        }
        if (features.indexOf(feature) !== i) throw new InputError(`features[${i}]`, `${feature} is listed twice; list each feature once`);
        featureTable[feature].services.forEach((s) => add(s, `feature ${feature}`));
    });
    const existing = uniqueIds(selection.existingEndpoints, "existingEndpoints");
    existing.forEach((service, i) => {
        if (!reasons.has(service)) {
            throw new InputError(`existingEndpoints[${i}]`, `${service} is not among the services this component would create (${[...reasons.keys()].sort().join(", ")}); remove it`);
        }
    });
    const create = [...reasons.keys()]
        .filter((service) => !existing.includes(service))
        .sort()
        .map((service) => ({ service, type: endpointTypeOf(service, s3Type), reasons: reasons.get(service)! }));
    return { create, existing: [...existing].sort() };
}

/** Gateway for S3 (unless asked otherwise) and DynamoDB, which are free that way; Interface for the rest. */
export function endpointTypeOf(service: string, s3EndpointType: S3EndpointType = S3EndpointType.Gateway): EndpointType {
    if (service === "s3") return s3EndpointType;
    return endpointCatalog[service]?.gateway ? EndpointType.Gateway : EndpointType.Interface;
}

/** Child resource name of a service's endpoint: keyed by the service id, so adding another never renames it. */
export function endpointChildName(name: string, service: string): string {
    return `${name}-${service}`;
}

export interface SubnetAz {
    subnetId: string;
    availabilityZone: string;
}

/**
 * At most one subnet per AZ (an interface endpoint takes one subnet per AZ): the lowest subnet id in each AZ,
 * so the choice does not depend on list order. Sorted by AZ. Duplicate subnet ids count once.
 */
export function onePerAz(subnets: SubnetAz[]): SubnetAz[] {
    const byAz = new Map<string, string>();
    for (const s of subnets) {
        const current = byAz.get(s.availabilityZone);
        if (current === undefined || s.subnetId < current) byAz.set(s.availabilityZone, s.subnetId);
    }
    return [...byAz.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([availabilityZone, subnetId]) => ({ subnetId, availabilityZone }));
}

export interface Placement {
    /** The subnets the endpoint goes in: one per AZ that both the nodes and the service are in. */
    subnetIds: string[];
    availabilityZones: string[];
    /** Node AZs the service is not offered in: nodes there reach it in another AZ. */
    missingAzs: string[];
}

/**
 * Places an interface endpoint in the chosen subnets whose AZ the service supports. Throws InputError
 * (`subnetIds`) when the service is offered in none of them.
 */
export function placeEndpoint(service: string, serviceAzs: string[], chosen: SubnetAz[]): Placement {
    const inService = chosen.filter((s) => serviceAzs.includes(s.availabilityZone));
    const nodeAzs = chosen.map((s) => s.availabilityZone);
    if (inService.length === 0) {
        throw new InputError(
            "subnetIds",
            `${service} is not offered in any AZ of the given subnets (${nodeAzs.join(", ") || "none"}); AWS offers it in ` +
                `${[...serviceAzs].sort().join(", ") || "no AZ of this region"}: add a subnet in one of those AZs, or leave ${service} out`,
        );
    }
    return {
        subnetIds: inService.map((s) => s.subnetId),
        availabilityZones: inService.map((s) => s.availabilityZone),
        missingAzs: nodeAzs.filter((az) => !serviceAzs.includes(az)),
    };
}

/**
 * Monthly USD for one endpoint (aws/prices.ts): an interface endpoint is billed for every hour it exists in each AZ
 * it has a subnet in, whatever its traffic; gateway endpoints (S3, DynamoDB) are free. `usdPerAzHour` overrides
 * the us-east-1 price for another region.
 */
export function endpointMonthlyCostUsd(type: EndpointType, azCount: number, usdPerAzHour: number = prices.interfaceEndpointUsdPerAzHour): number {
    return type === EndpointType.Gateway ? 0 : interfaceEndpointMonthlyUsd(azCount, usdPerAzHour);
}

/** Monthly USD for a set of endpoints, rounded to cents. */
export function monthlyCostUsd(endpoints: { type: EndpointType; azCount: number }[], usdPerAzHour?: number): number {
    return sumUsd(endpoints.map((e) => endpointMonthlyCostUsd(e.type, e.azCount, usdPerAzHour)));
}
