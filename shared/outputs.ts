// Combining Outputs with as few Outputs as the SDK allows. A plan of many clusters spends its time on the promises
// every Output carries (about a dozen each, plus the garbage), not on the package's own code: `pulumi.all` of n
// Outputs makes 2n + 1 of them (each input is wrapped again by `pulumi.output`) and its apply one more; the helpers
// here make one per Output they are given. Dependencies, secrecy and unknowns carry as with `pulumi.all`.
import * as pulumi from "@pulumi/pulumi";
import { isPlain, outputOf } from "./validatedInput";

/**
 * `f` of the values of `inputs`, in order, with one apply per Output among them and none for a plain value (an
 * Input that is neither goes through pulumi.output first). When one is unknown (a preview of values not yet
 * created), `f` does not run and the result is unknown, as with pulumi.all; it then carries the dependencies of the
 * inputs up to that one only (pulumi.all carries all of them), which a deployment, where every value is known, never sees.
 */
export function applyEach<R>(inputs: pulumi.Input<unknown>[], f: (values: unknown[]) => pulumi.Input<R>): pulumi.Output<R> {
    const step = (i: number, values: unknown[]): pulumi.Input<R> => {
        if (i === inputs.length) return f(values);
        const x = inputs[i];
        if (isPlain(x)) return step(i + 1, [...values, x]);
        return (outputOf(x) as pulumi.Output<unknown>).apply((v) => step(i + 1, [...values, v])) as pulumi.Output<R>;
    };
    return outputOf(step(0, [])) as pulumi.Output<R>;
}

/** `applyEach` over two inputs, typed. */
export function applyBoth<A, B, R>(a: pulumi.Input<A>, b: pulumi.Input<B>, f: (a: pulumi.Unwrap<A>, b: pulumi.Unwrap<B>) => pulumi.Input<R>): pulumi.Output<R> {
    return applyEach([a, b], ([x, y]) => f(x as pulumi.Unwrap<A>, y as pulumi.Unwrap<B>));
}
