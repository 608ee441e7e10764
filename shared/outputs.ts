// Inputs as Outputs, with as few Outputs as the SDK allows. A plan of many clusters spends its time on the promises
// every Output carries (about a dozen each, plus the garbage), not on the package's own code: `pulumi.all` and
// `pulumi.output` of n Outputs make 2n + 1 of them (each Output is wrapped again, `output.js` `outputRec`), and an
// apply one more; the helpers here make one per Output they are given. Dependencies, secrecy and unknowns carry as
// with `pulumi.all`.
import * as pulumi from "@pulumi/pulumi";

/** True when the value holds no Output or Promise at any depth, so it can be checked now. */
export function isPlain(value: unknown): boolean {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) return false;
    if (Array.isArray(value)) return value.every(isPlain);
    if (value !== null && typeof value === "object") return Object.values(value).every(isPlain);
    return true;
}

/** True unless the value itself is an Output or Promise (a map literal whose values are Outputs is a plain shape). */
export function isPlainShape(value: unknown): boolean {
    return !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}

/**
 * `value` as an Output, with one Output per Output it holds: itself when it is one; a list or map holding Outputs
 * through applyEach over its entries. (`pulumi.output` wraps each Output again, an Output and an apply for each,
 * then one for the whole: 2n + 1 where n will do.) Anything else goes through `pulumi.output`.
 */
export function outputOf<T>(value: pulumi.Input<T>): pulumi.Output<pulumi.Unwrap<T>> {
    if (pulumi.Output.isInstance(value)) return value as pulumi.Output<pulumi.Unwrap<T>>;
    if (Array.isArray(value) && !isPlain(value)) return applyEach(value as unknown[], (values) => values) as unknown as pulumi.Output<pulumi.Unwrap<T>>;
    if (isMap(value) && !isPlain(value)) return applyToMap(value, (plain) => plain) as pulumi.Output<pulumi.Unwrap<T>>;
    return pulumi.output<T>(value);
}

/** `f` of `map` with each of its values known: applyEach over the values, the keys put back. */
export function applyToMap<M extends object, R>(map: M, f: (plain: pulumi.Unwrap<M>) => pulumi.Input<R>): pulumi.Output<R> {
    const entries = Object.entries(map) as [string, pulumi.Input<unknown>][];
    return applyEach(
        entries.map(([, v]) => v),
        (values) => f(Object.fromEntries(entries.map(([k], i) => [k, values[i]])) as pulumi.Unwrap<M>),
    );
}

/** An object literal (not a Promise, a Resource or an instance of any other class). */
function isMap(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * `f` of the values of `inputs`, in order (typed as pulumi.all types a tuple), with one apply per Output among them
 * and none for a plain value (an Input that is neither goes through outputOf first). When one is unknown (a
 * preview of values not yet created), `f` does not run and the result is unknown, as with pulumi.all; it then
 * carries the dependencies of the inputs up to that one only (pulumi.all carries all of them), which a deployment,
 * where every value is known, never sees.
 */
export function applyEach<T extends readonly unknown[], R>(
    inputs: readonly [...{ [K in keyof T]: pulumi.Input<T[K]> }],
    f: (values: { [K in keyof T]: pulumi.Unwrap<T[K]> }) => pulumi.Input<R>,
): pulumi.Output<R> {
    const list = inputs as readonly pulumi.Input<unknown>[];
    const step = (i: number, values: unknown[]): pulumi.Input<R> => {
        if (i === list.length) return f(values as { [K in keyof T]: pulumi.Unwrap<T[K]> });
        const x = list[i];
        if (isPlain(x)) return step(i + 1, [...values, x]);
        return (outputOf(x) as pulumi.Output<unknown>).apply((v) => step(i + 1, [...values, v])) as pulumi.Output<R>;
    };
    return outputOf(step(0, [])) as pulumi.Output<R>;
}
