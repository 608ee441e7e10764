// What became of one fuzzed call: planned, a named error, or a defect.
//
// A named error is an InputError or ResourceError whose message is one line that names an argument as the user
// wrote it: for a component `Type "name": <argument>...: ...` with the argument one of the component's own
// (a child's name or argument is not what the user wrote); for a function an InputError whose argument path
// starts with one of its parameters, an options key, or the label the caller passed. Anything else is a defect:
// a TypeError, a raw library error, an uncaught rejection, a run that hangs, or a failed run that had already
// registered some of the component's children (half-registered).
import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../../shared/errors";
import { StackOutputError } from "../../adapters/stackOutputs";
import { reasonOf } from "../../plan/run";
import { descendants, ProgramRun } from "./fuzzProgram";

export type OutcomeKind = "planned" | "named" | "defect";

export interface Outcome {
    kind: OutcomeKind;
    /** A defect's class: target, kind of failure and the message with values taken out (one per distinct defect). */
    signature?: string;
    /** The error's message as it was, and for a half-registered run what was registered. */
    detail?: string;
}

/**
 * The message with values taken out, so one cause gives one signature: quoted strings, ids, numbers, JSON and
 * literals become placeholders; a property read on null or undefined is one crash whatever the property; `x.map
 * is not a function` and `x is not iterable` say the same of `x`.
 */
export function normalized(message: string): string {
    if (message.includes("Calling [toString] on an [Output")) return "the message prints an Output (an Output where a plain value was expected)";
    return message
        .split("\n")[0]
        .replace(/Cannot read properties of (?:null|undefined) \(reading [^)]*\)/, "Cannot read properties of a missing value")
        .replace(/^\(?([A-Za-z_$][\w$]*)\b.*? is not (?:a function|iterable).*$/, "$1 is not what was expected (not a list or not callable)")
        .replace(/"(?:[^"\\]|\\.)*"|[[{][^\s]*[\]}]|\b(?:null|undefined|true|false|NaN|Infinity)\b|-?\d+(?:\.\d+)?/g, "<value>")
        .replace(/\b(?:vpc|subnet|sg|rtb|rslvr-out|rslvr-in)-[0-9a-f]+\b/g, "<id>")
        .slice(0, 200);
}

function root(argPath: string): string {
    return argPath.split(/[.[]/)[0];
}

function errorName(err: unknown): string {
    return err instanceof Error ? err.constructor.name || err.name : typeof err;
}

/** The component and argument path a one-line InputError or ResourceError names (`Type "name": path: ...`). */
function named(err: unknown): { component: string; argPath: string } | undefined {
    if (!(err instanceof InputError) && !pulumi.ResourceError.isInstance(err)) return undefined;
    const match = /^(\w+ "[^"]*"): ([^ :]+): /.exec(reasonOf(err));
    return match && !reasonOf(err).includes("\n") ? { component: match[1], argPath: match[2] } : undefined;
}

/** `subnetIds[2].x` -> `subnetIds[N].x`: one signature for every index. */
const pathShape = (argPath: string) => argPath.replace(/\[\d+\]/g, "[N]");

/**
 * Classifies a component run: `type` the component's export name, `args` the names the user may write. A defect's
 * signature says what is wrong, not with which value: an error that names a child (`ClusterDnsForwarding "x-dns":
 * shareWith[N]`) or a name the user did not write (`mode`), the check a half-registered run failed, or the raw error.
 */
export function componentOutcome(run: ProgramRun, type: string, name: string, args: Set<string>): Outcome {
    if (run.hung) return { kind: "defect", signature: `${type}: hung`, detail: "still running after the time limit" };
    const errors = run.thrown === undefined ? run.failures : [run.thrown, ...run.failures];
    if (errors.length === 0) return { kind: "planned" };
    const self = `${type} "${name}"`;
    for (const err of errors) {
        const message = reasonOf(err);
        const detail = message.split("\n")[0].slice(0, 400);
        const found = named(err);
        if (found === undefined) return { kind: "defect", signature: `${type}: ${errorName(err)}: ${normalized(message)}`, detail };
        if (found.component !== self) {
            const child = found.component.split(" ")[0];
            return { kind: "defect", signature: `${type}: error names its child ${child}'s ${pathShape(found.argPath)}, not the argument the user wrote`, detail };
        }
        if (!args.has(root(found.argPath))) {
            return { kind: "defect", signature: `${type}: error names ${pathShape(found.argPath)}, which is not an argument of ${type}`, detail };
        }
    }
    const component = run.registered.find((r) => r.parent === undefined && r.name === name && !r.custom);
    const built = run.thrown !== undefined ? run.registered : component ? descendants(run.registered, component.urn) : [];
    const first = named(errors[0])!;
    if (built.length > 0) {
        const what = [...new Set(built.map((r) => r.type.split(":").pop()))].join(", ");
        return {
            kind: "defect",
            signature: `${type}: half-registered: children registered before the ${pathShape(first.argPath)} check failed`,
            detail: `${built.length} resources registered (${what}) before: ${reasonOf(errors[0]).slice(0, 300)}`,
        };
    }
    return { kind: "named", detail: reasonOf(errors[0]) };
}

/** Classifies a function call: what it threw or rejected with, and the rejections nobody handled while it ran. */
export function functionOutcome(target: string, thrown: unknown, unhandled: unknown[], names: Set<string>, hung: boolean): Outcome {
    if (hung) return { kind: "defect", signature: `${target}: hung`, detail: "still running after the time limit" };
    if (unhandled.length > 0) {
        const message = reasonOf(unhandled[0]);
        return { kind: "defect", signature: `${target}: unhandled rejection: ${errorName(unhandled[0])}: ${normalized(message)}`, detail: message.slice(0, 400) };
    }
    if (thrown === undefined) return { kind: "planned" };
    const message = reasonOf(thrown);
    const oneLine = !message.includes("\n") && !message.includes("Calling [toString] on an [Output");
    if (oneLine && (thrown instanceof StackOutputError || (thrown instanceof InputError && names.has(root(thrown.argPath))))) return { kind: "named", detail: message };
    if (oneLine && thrown instanceof InputError) {
        return { kind: "defect", signature: `${target}: error names ${pathShape(thrown.argPath)}, which is not a parameter`, detail: message.slice(0, 400) };
    }
    return { kind: "defect", signature: `${target}: ${errorName(thrown)}: ${normalized(message)}`, detail: message.split("\n")[0].slice(0, 400) };
}
