// Reading resource properties that may be unknown. During `pulumi preview` a property computed from another
// resource's output (a new VPC's id, a subnet's AZ) has no value yet; @pulumi/policy wraps every resource in
// `unknownCheckingProxy`, which throws UnknownValueError when such a property is read. Resource rules let that
// error through (the SDK then reports "can't run policy ... during preview"); stack rules read through `peek`
// so one unknown id does not stop the whole stack from being judged.
import * as policy from "@pulumi/policy";
import * as proxy from "@pulumi/policy/proxy";
import type { Props, RuleConfig } from "./types";

// @pulumi/policy exports these at runtime; its typings mark them internal, so they are typed here.
const sdk = policy as unknown as {
    unknownCheckingProxy: <T extends object>(value: T) => T;
    UnknownValueError: new (...args: never[]) => Error;
};
// The sentinel the engine sends for a string that is unknown during preview (any of the SDK's sentinels works the same).
const { unknownStringValue } = proxy as unknown as { unknownStringValue: string };

/** The SDK's unknown-checking proxy, as the pack wraps every resource's properties. */
export const unknownCheckingProxy = sdk.unknownCheckingProxy;
export const UnknownValueError = sdk.UnknownValueError;
/** What the engine sends for a value unknown during preview. */
export const UNKNOWN_SENTINEL = unknownStringValue;

/** The offline plan's readable marker for a value only known after apply. */
export const PLAN_UNKNOWN = "(known after apply)";

/**
 * Turns the ways a plan writes unknown values (the offline plan's "(known after apply)", the SDK's
 * `{ __pulumiUnknown: true }` wire form) into the engine's sentinel, so the proxy treats them as the pack would.
 */
export function withSentinels(value: unknown): unknown {
    if (value === PLAN_UNKNOWN) return UNKNOWN_SENTINEL;
    if (Array.isArray(value)) return value.map(withSentinels);
    if (value === null || typeof value !== "object") return value;
    if ((value as Record<string, unknown>).__pulumiUnknown === true) return UNKNOWN_SENTINEL;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSentinels(v)]));
}

/** Marks a value that is not known until deployment. */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Maybe<T> = T | typeof UNKNOWN;

/** Runs `read`; an unknown value anywhere on its path gives UNKNOWN instead of an exception. */
export function peek<T>(read: () => T): Maybe<T> {
    try {
        return read();
    } catch (err) {
        if (err instanceof UnknownValueError) return UNKNOWN;
        throw err;
    }
}

/** The elements of a list property, each peeked; [] when unset, UNKNOWN when the list itself is unknown. */
export function peekList(read: () => unknown): Maybe<Maybe<unknown>[]> {
    const list = peek(read);
    if (list === UNKNOWN) return UNKNOWN;
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list)) return UNKNOWN;
    const items: unknown[] = list;
    const out: Maybe<unknown>[] = [];
    for (let i = 0; i < items.length; i++) out.push(peek(() => items[i]));
    return out;
}

/** A known string, or undefined for unset and unknown values alike. */
export function knownString(value: Maybe<unknown>): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}

/** The known strings of a peeked list, and whether any element (or the list) was unknown. */
export function knownStrings(list: Maybe<Maybe<unknown>[]>): { values: string[]; unknown: boolean } {
    if (list === UNKNOWN) return { values: [], unknown: true };
    const values = list.filter((v): v is string => typeof v === "string");
    return { values, unknown: list.some((v) => v === UNKNOWN) };
}

/** `value`'s properties when it is an object and not a list (a nested input such as vpcConfig), else undefined. */
export function propsOf(value: unknown): Props | undefined {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Props) : undefined;
}

/** A list knob of a rule's config (its schema says strings): its strings, or undefined when unset. */
export function configStrings(config: RuleConfig, key: string): string[] | undefined {
    const value = config[key];
    if (value === undefined || value === null) return undefined;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Element `i` of a list property, or undefined when the value is not a list. */
export function itemOf(list: unknown, i: number): unknown {
    const items: unknown[] = Array.isArray(list) ? list : [];
    return items[i];
}

/** "a, b and c" */
export function listText(items: string[]): string {
    if (items.length <= 1) return items.join("");
    return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
