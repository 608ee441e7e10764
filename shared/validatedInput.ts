// One check per argument, whichever way the value arrives. A TypeScript program passes plain values; a Python,
// Go or YAML program that creates its VPC in the same program sends Outputs (the provider host wraps every input
// with dependencies, or unknown at preview, in a pulumi.Output), whole or inside a list. A plain value is checked
// at construction, before anything is registered; a computed one once it is known, inside the apply that gates
// its use, failing with the same one-line message (model: @pulumi/eks' `validatedInput` in
// nodejs/eks/cluster/authenticationMode.ts).
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "./errors";
import { isPlain, isPlainShape, outputOf } from "./outputs";

/** The component a computed value belongs to: its failures name it and are reported on it. */
export interface InputSite {
    component: string;
    name: string;
    resource: pulumi.Resource;
}

/**
 * Runs `check` and turns its InputError into the error Pulumi reports on the component: a ResourceError with the
 * component's type and name in front and no stack trace (the message says what to fix).
 */
export function checkedAt<R>(site: InputSite, check: () => R): R {
    try {
        return check();
    } catch (err) {
        if (err instanceof InputError) throw deployError(`${site.component} "${site.name}": ${err.message}`, site.resource);
        throw err;
    }
}

/**
 * A ResourceError whose message stays one line. The SDK prefixes the message of an error that fails an input
 * with `error serializing property "x": ` at each level it passes through (rpc.js serializeAllKeys assigns
 * `err.message`, keeping the error's identity); the user then reads up to nine wrappers before the reason. The
 * message here ignores those assignments, so `pulumi up` and the plan print the component, argument and fix only.
 */
export function deployError(message: string, resource: pulumi.Resource): pulumi.ResourceError {
    const err = new pulumi.ResourceError(message, resource, true);
    Object.defineProperty(err, "message", { get: () => message, set: () => undefined, enumerable: false, configurable: false });
    return err;
}

/** What `validatedInput` gives back: the checked value, plain when it was plain, else an Output gated on the check. */
export type Validated<R> = (site: InputSite) => pulumi.Input<R>;

/**
 * Checks `value` now when it is plain (an InputError propagates: call inside `inComponent`, before `super`), or
 * once it is known when it is computed. Call the result with the component to get the value to use: the plain
 * value itself (so plain programs register exactly what they did), or an Output that fails with `check`'s message
 * as a ResourceError on the component.
 */
export function validatedInput<T, R = pulumi.Unwrap<T>>(value: pulumi.Input<T> | undefined, check: (plain: pulumi.Unwrap<T> | undefined) => R): Validated<R> {
    if (isPlain(value)) {
        const checked = check(value as pulumi.Unwrap<T> | undefined);
        return () => checked;
    }
    return (site) => outputOf(value).apply((known) => checkedAt(site, () => check(known as pulumi.Unwrap<T>)));
}

/** Where in `value` an Output or Promise sits (`""` for the value itself, `[2]`, `.label`), or undefined. */
function computedPath(value: unknown): string | undefined {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) return "";
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
            const inner = computedPath(value[i]);
            if (inner !== undefined) return `[${i}]${inner}`;
        }
    } else if (value !== null && typeof value === "object") {
        for (const [key, v] of Object.entries(value)) {
            const inner = computedPath(v);
            if (inner !== undefined) return `.${key}${inner}`;
        }
    }
    return undefined;
}

/**
 * Fails with one line naming the argument when `value` holds an Output: arguments that decide which resources
 * exist, or their names, must be known before anything is registered. `why` says what the value decides and how
 * to give it plainly.
 */
export function requirePlain(value: unknown, arg: string, why: string): void {
    const path = computedPath(value);
    if (path !== undefined) throw new InputError(`${arg}${path}`, `is only known at deployment (an Output), but ${why}`);
}

/** `requirePlain` for several arguments of one object: `why` maps each argument that must be plain to its reason. */
export function requirePlainArgs(args: object, why: Record<string, string>): void {
    for (const [arg, reason] of Object.entries(why)) requirePlain((args as Record<string, unknown>)[arg], arg, reason);
}

/** Longest string a message quotes in full; longer ones are cut, with their length, so the message stays one readable line. */
const QUOTED_MAX = 60;

/**
 * The type a value from another language arrived as, for messages: `number 3`, `string "x"`, `null`, `undefined`,
 * `a list`, `an object`.
 */
export function described(value: unknown): string {
    if (Array.isArray(value)) return "a list";
    if (value === null || value === undefined) return String(value);
    if (typeof value === "object") return "an object";
    if (typeof value === "function") return "a function";
    if (typeof value === "string") return `string ${quoted(value)}`;
    const primitive: unknown = value; // a number, bigint, boolean or symbol: the rest returned above
    return `${typeof value} ${String(primitive)}`;
}

/** A string as a message quotes it: in JSON quotes, cut after QUOTED_MAX characters with its length (`"aaaa…"… (100000 characters)`). */
export function quoted(text: string): string {
    return text.length > QUOTED_MAX ? `${JSON.stringify(text.slice(0, QUOTED_MAX))}… (${text.length} characters)` : JSON.stringify(text);
}

/**
 * Checks a list argument's shape at the boundary (another language can send a number where a string belongs):
 * a list whose entries are strings or Outputs; `what` names one entry (`subnet id`). Returns the list.
 */
export function stringList(value: unknown, arg: string, what: string): pulumi.Input<string>[] | undefined {
    checkStringList(value, arg, what);
    return value as pulumi.Input<string>[] | undefined;
}

/**
 * `stringList` where only the check is wanted. Every index is checked, so a hole in a sparse list (`[, "a"]`,
 * which `forEach` and `map` skip) is reported as the missing entry it is.
 */
export function checkStringList(value: unknown, arg: string, what: string): void {
    if (value === undefined) return;
    if (!Array.isArray(value)) throw new InputError(arg, `expected a list of ${what}s, got ${described(value)}`);
    for (let i = 0; i < value.length; i++) {
        const entry: unknown = value[i];
        if (typeof entry !== "string" && isPlainShape(entry)) {
            throw new InputError(`${arg}[${i}]`, `expected ${/^[aeiou]/i.test(what) ? "an" : "a"} ${what} (a string), got ${described(entry)}`);
        }
    }
}

/** Checks that an optional scalar argument has the type the schema gives it. */
export function checkType(value: unknown, arg: string, type: "string" | "boolean" | "number"): void {
    if (value === undefined || !isPlainShape(value)) return;
    if (typeof value !== type) throw new InputError(arg, `expected a ${type}, got ${described(value)}`);
}
