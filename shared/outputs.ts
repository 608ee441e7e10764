// Combining Outputs with as few Outputs as the SDK allows. A plan of many clusters spends its time on the promises
// every Output carries (about a dozen each, plus the garbage), not on the package's own code: `pulumi.all` of n
// Outputs makes 2n + 1 of them (each input is wrapped again by `pulumi.output`) and its apply one more; the helpers
// here make one per Output they are given. Dependencies, secrecy and unknowns carry as with `pulumi.all`.
import * as pulumi from "@pulumi/pulumi";
import { isPlain, outputOf } from "./validatedInput";

/**
 * `f` of the values of `inputs`, in order (typed as pulumi.all types a tuple), with one apply per Output among them
 * and none for a plain value (an Input that is neither goes through pulumi.output first). When one is unknown (a
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
