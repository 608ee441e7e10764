// The Route 53 Resolver endpoint resource the inbound and outbound endpoint components build, once their subnets
// have passed the look-up check (shared/subnetChecks.ts).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resolverNameFrom } from "./resolverNames";

export interface EndpointSpec {
    direction: "INBOUND" | "OUTBOUND";
    subnetIds: pulumi.Output<string[]>;
    securityGroupId: pulumi.Input<string>;
    endpointName?: string;
    tags?: Record<string, string>;
}

/**
 * The Route 53 Resolver endpoint, with one automatically chosen IP in each checked subnet, speaking plain DNS; named
 * `endpointName` (checked by the component) or a Resolver-compliant name derived from the resource name.
 */
export function resolverEndpoint(name: string, spec: EndpointSpec, parent: pulumi.Resource): aws.route53.ResolverEndpoint {
    return new aws.route53.ResolverEndpoint(
        `${name}-endpoint`,
        {
            name: spec.endpointName ?? resolverNameFrom(name),
            direction: spec.direction,
            securityGroupIds: [spec.securityGroupId],
            ipAddresses: spec.subnetIds.apply((ids) => ids.map((subnetId) => ({ subnetId }))),
            protocols: ["Do53"],
            tags: spec.tags,
        },
        { parent },
    );
}
