// Names of Route 53 Resolver endpoints and rules. Route 53 takes a `Name` of at most 64 characters of letters,
// digits, hyphens, underscores and spaces, and not only digits: Route 53 API Reference, CreateResolverEndpoint
// and CreateResolverRule, "Request Parameters", Name ("Length Constraints: Maximum length of 64. Pattern:
// (?!^[0-9]+$)([a-zA-Z0-9\-_' ']+)"),
// https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_CreateResolverEndpoint.html and
// https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_CreateResolverRule.html.
import * as crypto from "crypto";
import { InputError } from "../shared/errors";

/** Route 53 Resolver's longest endpoint or rule name. */
export const RESOLVER_NAME_MAX_LENGTH = 64;
const allowed = /^[a-zA-Z0-9\-_ ]+$/;

/** Why Route 53 Resolver would refuse `name` as an endpoint or rule name, or undefined when it accepts it. */
export function resolverNameProblem(name: string): string | undefined {
    if (name.length === 0) return "is empty";
    if (name.length > RESOLVER_NAME_MAX_LENGTH) return `is ${name.length} characters long; Route 53 Resolver allows at most ${RESOLVER_NAME_MAX_LENGTH}`;
    if (!allowed.test(name)) {
        const bad = [...new Set(name.replace(/[a-zA-Z0-9\-_ ]/g, ""))].map((c) => JSON.stringify(c)).join(" ");
        return `has characters Route 53 Resolver does not allow (${bad}); use letters, digits, spaces, - and _`;
    }
    if (/^[0-9]+$/.test(name)) return "is only digits, which Route 53 Resolver does not allow";
    return undefined;
}

/**
 * A name Route 53 Resolver accepts, made from a Pulumi resource name: unchanged when it already complies;
 * otherwise each disallowed character becomes `-`, an all-digit name gets `r-` in front, and a name over 64
 * characters keeps its first 55 and ends with `-` and 8 hex digits of its hash, so two long names stay distinct.
 */
export function resolverNameFrom(resourceName: string): string {
    if (resolverNameProblem(resourceName) === undefined) return resourceName;
    let name = resourceName.replace(/[^a-zA-Z0-9\-_ ]/g, "-");
    if (/^[0-9]*$/.test(name)) name = `r-${name}`;
    if (name.length > RESOLVER_NAME_MAX_LENGTH) {
        const hash = crypto.createHash("sha256").update(resourceName).digest("hex").slice(0, 8);
        name = `${name.slice(0, RESOLVER_NAME_MAX_LENGTH - 9)}-${hash}`;
    }
    return name;
}

/** Checks a name the user gave an endpoint or rule (`endpointName`, `ruleName`); throws InputError naming `arg` with a compliant name. */
export function checkResolverName(name: string | undefined, arg: string): void {
    if (name === undefined) return;
    const problem = resolverNameProblem(name);
    if (problem) throw new InputError(arg, `${JSON.stringify(name)} ${problem}. ${JSON.stringify(resolverNameFrom(name))} would do, or leave ${arg} out to derive one from the resource name`);
}

/**
 * Why AWS RAM would refuse `name` as a resource share's name, or undefined. AWS RAM API Reference,
 * CreateResourceShare, "Request Body", name: "Type: String. Required: Yes"
 * (https://docs.aws.amazon.com/ram/latest/APIReference/API_CreateResourceShare.html): no length limit or pattern is
 * documented (the service model, botocore's ram/2018-01-04 service-2.json, gives the plain `String` shape), so an
 * empty name is the only one the documentation rules out.
 */
export function resourceShareNameProblem(name: string): string | undefined {
    return name.length === 0 ? "is empty; AWS RAM requires a resource share name" : undefined;
}

/**
 * The resource share's name for a forwarding rule: the rule's own name when one is given, else the component's
 * resource name (what it has always been), or the Resolver-compliant form of it should that be empty. Any of these
 * passes `resourceShareNameProblem`.
 */
export function resourceShareNameFrom(resourceName: string, ruleName?: string): string {
    const name = ruleName ?? resourceName;
    return resourceShareNameProblem(name) === undefined ? name : resolverNameFrom(name);
}
