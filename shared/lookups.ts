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
import { applyToMap, isPlain } from "./outputs";

type Invoke<A, R> = (args: A, opts?: pulumi.InvokeOutputOptions) => pulumi.Output<R>;
/** Any invoke function (or `derived`) as a cache slot: only its identity is used. */
type Slot = (args: never, opts?: pulumi.InvokeOutputOptions) => pulumi.Output<unknown>;
type Cache = Map<Slot, Map<string, pulumi.Output<unknown>>>;

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
    return JSON.stringify(value, (_k, v: unknown): unknown =>
        v !== null && typeof v === "object" && !Array.isArray(v)
            ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
            : v,
    );
}

/** The answer kept in `slot` (an invoke function, or `derived`) under `key` for the parent's provider, made once. */
function memo<R>(slot: Slot, key: string, parent: pulumi.Resource, make: () => pulumi.Output<R>): pulumi.Output<R> {
    // Every function of @pulumi/aws resolves its provider by package, so any aws token finds the same one.
    const cache = cacheFor(parent.getProvider("aws::lookup"));
    let results = cache.get(slot);
    if (!results) {
        results = new Map();
        cache.set(slot, results);
    }
    let result = results.get(key) as pulumi.Output<R> | undefined;
    if (!result) {
        result = make();
        results.set(key, result);
    }
    return result;
}

function cached<A, R>(invoke: Invoke<A, R>, args: A, parent: pulumi.Resource): pulumi.Output<R> {
    return memo(invoke, keyOf(args), parent, () => invoke(args, { parent }));
}

/** The cache key of values derived from look-ups (`shared`), beside the invoke functions' own. */
const derived: Invoke<unknown, unknown> = () => {
    throw new Error("not an invoke");
};

/**
 * `make()` once per aws provider and `key` in this program: an Output derived from look-ups only (the region's
 * name, an endpoint service's AZs), so every component of a provider shares one Output instead of deriving its own.
 */
export function shared<R>(key: string, parent: pulumi.Resource, make: () => pulumi.Output<R>): pulumi.Output<R> {
    return memo(derived, key, parent, make);
}

/**
 * `invoke(args, { parent })` (an @pulumi/aws `get…Output` function), run once per aws provider and arguments in
 * this program: a later call with the same provider and arguments returns the first call's Output. Arguments that
 * are Outputs are resolved first; the result then also carries their dependencies.
 */
export function lookup<A extends object, R>(invoke: Invoke<A, R>, args: A, parent: pulumi.Resource): pulumi.Output<R> {
    if (isPlain(args)) return cached(invoke, args, parent);
    return applyToMap(args, (plain) => cached(invoke, plain as A, parent));
}
