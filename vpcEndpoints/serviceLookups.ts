// The look-ups every endpoint component of a provider shares: the region, each endpoint service's name and AZs, and
// the regional STS URL. Each is one Output per aws provider in the program (shared/lookups.ts `shared`), so the
// hundredth cluster of a region derives nothing the first did not.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EndpointType } from "./services";
import { regionalStsEndpoint } from "../aws/privateClusterChecklist";
import { lookup, shared } from "../shared/lookups";
import { applyEach, outputOf } from "../shared/outputs";

/** What AWS says about one endpoint service in the region. */
export type ServiceFacts = aws.ec2.GetVpcEndpointServiceResult;

/** The provider's region name. */
export function providerRegion(parent: pulumi.Resource): pulumi.Output<string> {
    return shared("region", parent, () => lookup(aws.getRegionOutput, {}, parent).region);
}

/**
 * AWS names most endpoint services `com.amazonaws.<region>.<id>`, but some in the China regions
 * `cn.com.amazonaws.<region>.<id>` (both exist there for S3: the gateway and the interface). The provider's
 * `service` argument only tries the first form (terraform-provider-aws builds `com.amazonaws.<region>.<service>`
 * in its aws_vpc_endpoint_service data source), so the look-up filters on both names and lets AWS say which one
 * exists for the endpoint type.
 */
export function serviceFacts(service: string, type: EndpointType, parent: pulumi.Resource): pulumi.Output<ServiceFacts> {
    return shared(`service:${type}:${service}`, parent, () =>
        providerRegion(parent).apply((r) =>
            lookup(
                aws.ec2.getVpcEndpointServiceOutput,
                { serviceType: type, filters: [{ name: "service-name", values: [`com.amazonaws.${r}.${service}`, `cn.com.amazonaws.${r}.${service}`] }] },
                parent,
            ),
        ),
    );
}

/** The service name AWS returned for `service` and `type`: one Output per provider, for every endpoint's input. */
export function serviceName(service: string, type: EndpointType, parent: pulumi.Resource): pulumi.Output<string> {
    return shared(`service-name:${type}:${service}`, parent, () => serviceFacts(service, type, parent).serviceName);
}

/** An endpoint a component registers: its key (the service id, or `s3-gateway`), service and type. */
export interface EndpointKey {
    key: string;
    service: string;
    type: EndpointType;
}

const setKey = (endpoints: EndpointKey[]) => endpoints.map((e) => `${e.key}=${e.type}:${e.service}`).join(",");

/** The facts of every endpoint of a component, by key: one Output per provider and endpoint set. */
export function serviceSet(endpoints: EndpointKey[], parent: pulumi.Resource): pulumi.Output<Record<string, ServiceFacts>> {
    return shared(`services:${setKey(endpoints)}`, parent, () =>
        outputOf(Object.fromEntries(endpoints.map((e) => [e.key, serviceFacts(e.service, e.type, parent)]))),
    );
}

/** The service names of an endpoint set, by key (a component's `serviceNames` output). */
export function serviceNames(endpoints: EndpointKey[], parent: pulumi.Resource): pulumi.Output<Record<string, string>> {
    return shared(`service-names:${setKey(endpoints)}`, parent, () =>
        serviceSet(endpoints, parent).apply((facts) => Object.fromEntries(Object.entries(facts).map(([k, f]) => [k, f.serviceName]))),
    );
}

/** The regional STS endpoint URL for the provider's region and partition. */
export function regionalStsUrl(parent: pulumi.Resource): pulumi.Output<string> {
    return shared("regional-sts-url", parent, () => {
        const dnsSuffix = lookup(aws.getPartitionOutput, {}, parent).dnsSuffix;
        return applyEach([providerRegion(parent), dnsSuffix], ([r, d]) => regionalStsEndpoint(r, d));
    });
}
