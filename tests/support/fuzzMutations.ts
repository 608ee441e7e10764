// Argument sets mutated from valid ones, the way another language's program or a careless one gets them wrong:
// a value where a list belongs, sparse lists, null and undefined, the wrong primitive, empty and huge strings,
// an Output where a plain value is expected, an enum value that does not exist, objects of the wrong shape.
//
// A mutation is plain data ({ at, kind }: which place in the argument set, which replacement), so fast-check
// shrinks a failing set to the fewest, simplest mutations.
import * as pulumi from "@pulumi/pulumi";

/** Where in an argument set: parameter index, then keys and list indexes. */
export type Path = (string | number)[];

export interface Mutation {
    /** Which place (modulo the number of places). */
    at: number;
    /** Which replacement (modulo the number that fit the value there). */
    kind: number;
}

/** A replacement for the value at a place: its label (for counterexamples) and how to make it. */
interface Replacement {
    label: string;
    make: (original: unknown) => unknown;
}

const HUGE = 100_000;

/** A value the walk descends into: a plain list or a plain object (not an Output, Resource, Date or function). */
function isContainer(value: unknown): value is Record<string | number, unknown> {
    if (Array.isArray(value)) return true;
    if (value === null || typeof value !== "object") return false;
    const proto: unknown = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

/** Every place in `args` a mutation can hit, parents before children. */
export function places(args: unknown[]): Path[] {
    const out: Path[] = [];
    const walk = (value: unknown, path: Path) => {
        out.push(path);
        if (!isContainer(value)) return;
        for (const [key, inner] of Object.entries(value)) walk(inner, [...path, Array.isArray(value) ? Number(key) : key]);
    };
    args.forEach((arg, i) => walk(arg, [i]));
    return out;
}

const anyValue: Replacement[] = [
    { label: "undefined", make: () => undefined },
    { label: "null", make: () => null },
    { label: '""', make: () => "" },
    { label: "42", make: () => 42 },
    { label: "true", make: () => true },
    { label: "{}", make: () => ({}) },
    { label: "{ x: { y: [1] } }", make: () => ({ x: { y: [1] } }) },
    { label: "[]", make: () => [] },
    { label: "Output(value)", make: (v) => pulumi.output(v) },
    { label: "Output(null)", make: () => pulumi.output(null) },
];

const forLists: Replacement[] = [
    { label: "its first entry instead of a list", make: (v) => (v as unknown[])[0] ?? "10.0.0.0/16" },
    { label: "a string instead of a list", make: (v) => String((v as unknown[]).join(",")) },
    { label: "sparse: a hole in front", make: (v) => [, ...(v as unknown[])] },
    { label: "sparse: length 3 with one entry", make: (v) => Object.assign(new Array(3), { 1: (v as unknown[])[0] ?? "x" }) },
    { label: "an undefined entry", make: (v) => [...(v as unknown[]), undefined] },
    { label: "a null entry", make: (v) => [null, ...(v as unknown[])] },
    { label: "a number entry", make: (v) => [...(v as unknown[]), 7] },
    { label: "a nested list", make: (v) => [v] },
    { label: "entries as Outputs", make: (v) => (v as unknown[]).map((x) => pulumi.output(x)) },
    { label: "an object with list keys", make: (v) => ({ ...(v as unknown[]), length: (v as unknown[]).length }) },
];

const forStrings: Replacement[] = [
    { label: "a huge string", make: () => "a".repeat(HUGE) },
    { label: "repeated to a huge string", make: (v) => String(v).repeat(Math.ceil(HUGE / Math.max(1, String(v).length))) },
    { label: "upper case (an enum value that does not exist)", make: (v) => String(v).toUpperCase() },
    { label: "an unknown enum value", make: () => "not-a-choice" },
    { label: "with a space in front", make: (v) => ` ${String(v)}` },
    { label: "a number", make: () => 3 },
    { label: "NaN", make: () => NaN },
    { label: "a list of it", make: (v) => [v] },
];

const forNumbers: Replacement[] = [
    { label: "NaN", make: () => NaN },
    { label: "-1", make: () => -1 },
    { label: "Infinity", make: () => Infinity },
    { label: "1.5", make: () => 1.5 },
    { label: "1e9", make: () => 1e9 },
    { label: "a numeric string", make: (v) => String(v) },
];

const forBooleans: Replacement[] = [
    { label: '"true"', make: () => "true" },
    { label: "1", make: () => 1 },
    { label: "the other boolean", make: (v) => !v },
];

const forObjects: Replacement[] = [
    { label: "a list of its values", make: (v) => Object.values(v as Record<string, unknown>) },
    { label: "a string instead of an object", make: () => "object" },
    { label: "a key with an undefined value", make: (v) => ({ ...(v as object), "a-label": undefined }) },
    { label: "a key with a number value", make: (v) => ({ ...(v as object), "a-label": 5 }) },
    { label: "a key with a nested object", make: (v) => ({ ...(v as object), "a-label": { nested: true } }) },
    { label: "values as Outputs", make: (v) => Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, pulumi.output(x)])) },
];

/** What a component's arguments object may become: always an object, as every language host sends one. */
const forArgsObjects = forObjects.filter((r) => r.label.startsWith("a key") || r.label === "values as Outputs");

/** The replacements that fit a value: the type-specific ones first, then those for any value. */
function replacementsFor(value: unknown): Replacement[] {
    if (Array.isArray(value)) return [...forLists, ...anyValue];
    if (typeof value === "string") return [...forStrings, ...anyValue];
    if (typeof value === "number") return [...forNumbers, ...anyValue];
    if (typeof value === "boolean") return [...forBooleans, ...anyValue];
    if (isContainer(value)) return [...forObjects, ...anyValue];
    return anyValue;
}

function at(args: unknown[], path: Path): unknown {
    return path.reduce<unknown>((v, key) => (isContainer(v) ? v[key] : undefined), args);
}

/** `args` with the value at `path` replaced; containers on the way are copied (holes kept), the rest shared. */
function replaced(value: unknown, path: Path, make: (original: unknown) => unknown): unknown {
    if (path.length === 0) return make(value);
    if (!isContainer(value)) return value;
    const copy = (Array.isArray(value) ? value.slice() : { ...value }) as Record<string | number, unknown>;
    copy[path[0]] = replaced(value[path[0]], path.slice(1), make);
    return copy;
}

/** An applied mutation, for the counterexample: where (`args[0].subnetIds[1]`) and what. */
export interface Applied {
    where: string;
    what: string;
}

/**
 * Applies `mutations` in turn (each on the places of the set the ones before it left), leaving the parameters in
 * `fixed` as they are (and, with `objectArgs`, each parameter an object: a component's arguments); returns the
 * set and what was done.
 */
export function mutate(valid: unknown[], mutations: Mutation[], fixed: number[] = [], objectArgs = false): { args: unknown[]; applied: Applied[] } {
    let args = valid;
    const applied: Applied[] = [];
    for (const m of mutations) {
        const all = places(args).filter((p) => !fixed.includes(p[0] as number));
        if (all.length === 0) break;
        const path = all[m.at % all.length];
        const options = objectArgs && path.length === 1 ? forArgsObjects : replacementsFor(at(args, path));
        const choice = options[m.kind % options.length];
        args = replaced(args, path, choice.make) as unknown[];
        applied.push({ where: describePath(path), what: choice.label });
    }
    return { args, applied };
}

function describePath(path: Path): string {
    const [param, ...rest] = path;
    return `args[${param}]` + rest.map((k) => (typeof k === "number" ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join("");
}
