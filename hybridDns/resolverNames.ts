// Names of Route 53 Resolver endpoints and rules and of the AWS RAM share, made to pass the rules in aws/strings.ts.
import * as crypto from "crypto";
import { InputError } from "../shared/errors";
import { described, requirePlain } from "../shared/validatedInput";
import { RESOLVER_NAME_MAX_LENGTH, resolverNameProblem, resourceShareNameProblem } from "../aws/strings";

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

/**
 * Checks a name the user gave an endpoint or rule (`endpointName`, `ruleName`); throws InputError naming `arg` with
 * a compliant name. The name must be known at preview, where it is checked (another language may send an Output of
 * it, or a value that is not text).
 */
export function checkResolverName(name: unknown, arg: string): void {
    if (name === undefined) return;
    const fix = `give it as a string, or leave ${arg} out to derive one from the resource name`;
    requirePlain(name, arg, `it must be known at preview, where it is checked against Route 53 Resolver's naming rules before anything is created: ${fix}`);
    if (typeof name !== "string") throw new InputError(arg, `expected a string, got ${described(name)}`, fix);
    const problem = resolverNameProblem(name);
    if (problem) throw new InputError(arg, `${JSON.stringify(name)} ${problem}. ${JSON.stringify(resolverNameFrom(name))} would do, or leave ${arg} out to derive one from the resource name`);
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
