// Data-source look-ups shared within one program: components that ask the same aws provider the same question
// (the region, the partition, an endpoint service's name, a VPC or subnet) get one invoke and share its Output.
// A program with 100 clusters in one region otherwise sends the same ~16 look-ups 100 times.
//
// The answer depends on the provider (its region, account and credentials) and the arguments, so both are the key:
// - the provider is the one the invoke itself would use, `parent.getProvider(token)` (an explicit provider object
//   passed down the parent chain, or undefined for the program's default provider), held in a WeakMap so a
//   provider for another region or account never sees another's answers;
// - the default provider is per program run: entries live under the stack resource when there is one (the
//   automation API can run several stacks, each with its own config, in one process), otherwise in one map that
//   `resetLookups()` clears (tests/hooks.ts does before each test, as the mocked account changes between tests).
import * as pulumi from "@pulumi/pulumi";
import { isPlain } from "./validatedInput";

type Invoke<A, R> = (args: A, opts?: pulumi.InvokeOutputOptions) => pulumi.Output<R>;
type Cache = Map<Invoke<any, any>, Map<string, pulumi.Output<any>>>;

/** By explicit provider, or by stack resource for the default provider (a resource is never both). */
let scoped = new WeakMap<pulumi.Resource, Cache>();
let unscoped: Cache = new Map();

/** Forgets every default-provider answer kept outside a stack (tests: the mocked account is reset before each). */
export function resetLookups(): void {
    scoped = new WeakMap();
    unscoped = new Map();
}

function cacheFor(provider: pulumi.ProviderResource | undefined): Cache {
    const key: pulumi.Resource | undefined = provider ?? pulumi.runtime.getStackResource();
    if (key === undefined) return unscoped;
    let cache = scoped.get(key);
    if (!cache) {
        cache = new Map();
        scoped.set(key, cache);
    }
    return cache;
}

/** JSON with object keys sorted, so `{ a, b }` and `{ b, a }` are one key. */
function keyOf(value: unknown): string {
    return JSON.stringify(value, (_k, v) =>
        v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
    );
}

function cached<A, R>(invoke: Invoke<A, R>, args: A, parent: pulumi.Resource): pulumi.Output<R> {
    // Every function of @pulumi/aws resolves its provider by package, so any aws token finds the same one.
    const cache = cacheFor(parent.getProvider("aws::lookup"));
    let results = cache.get(invoke);
    if (!results) {
        results = new Map();
        cache.set(invoke, results);
    }
    const key = keyOf(args);
    let result = results.get(key) as pulumi.Output<R> | undefined;
    if (!result) {
        result = invoke(args, { parent });
        results.set(key, result);
    }
    return result;
}

/**
 * `invoke(args, { parent })` (an @pulumi/aws `get…Output` function), run once per aws provider and arguments in
 * this program: a later call with the same provider and arguments returns the first call's Output. Arguments that
 * are Outputs are resolved first; the result then also carries their dependencies.
 */
export function lookup<A extends object, R>(invoke: Invoke<A, R>, args: A, parent: pulumi.Resource): pulumi.Output<R> {
    if (isPlain(args)) return cached(invoke, args, parent);
    return pulumi.output(args).apply((plain) => cached(invoke, plain as A, parent));
}
