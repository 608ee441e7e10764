// Availability Zone spread of interface VPC endpoints. An interface endpoint has one network interface in each
// subnet it is given, one subnet per Availability Zone (AWS PrivateLink Guide, "Create a VPC endpoint", Subnets:
// https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html), so an endpoint placed in one AZ
// is unreachable from every AZ while that one is down.

/** The warning for an interface endpoint that ended up in a single AZ, or undefined when it spans two or more. */
export function singleAzEndpointWarning(service: string, availabilityZones: string[]): string | undefined {
    const azs = [...new Set(availabilityZones)];
    if (azs.length !== 1) return undefined;
    return (
        `the ${service} interface endpoint is in one Availability Zone only (${azs[0]}): while that AZ is down, nodes in every AZ lose ${service}. ` +
        `Give the endpoints subnets in two or more AZs where ${service} is offered`
    );
}
