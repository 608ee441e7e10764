// Fake arguments for policy validations, built the way @pulumi/policy 1.21 builds them in its analyzer server
// (server.js makeAnalyzeRpcFun / makeAnalyzeStackRpcFun): properties wrapped in `unknownCheckingProxy`, frozen
// stack tags, `getConfig` returning the policy's config without enforcementLevel, and `notApplicable` throwing.
import type {
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import * as proxy from "@pulumi/policy/proxy";
import type { Props, RuleConfig } from "../../rules/types";
import { unknownCheckingProxy } from "../../rules/values";

// The engine's sentinels for values unknown during preview (exported by @pulumi/policy at runtime; its typings mark them internal).
export const sentinels = proxy as unknown as { unknownStringValue: string; unknownArrayValue: string; unknownObjectValue: string };

class NotApplicable extends Error {
    constructor(readonly reason: string) {
        super(reason);
    }
}

const stackTags: ReadonlyMap<string, string> = new Map([["team", "platform"]]);

const options = { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } };

export interface Outcome {
    violations: { message: string; urn?: string }[];
    notApplicable?: string;
}

export function urnOf(type: string, name: string, parentType?: string): string {
    return `urn:pulumi:test::eks-private-access::${parentType ? `${parentType}$` : ""}${type}::${name}`;
}

/** Runs a resource policy on one resource, as the analyzer's `analyze` RPC would. */
export async function validateResource(
    policy: ResourceValidationPolicy,
    type: string,
    props: Props,
    opts: { name?: string; urn?: string; config?: RuleConfig } = {},
): Promise<Outcome> {
    const name = opts.name ?? "subject";
    const proxied = unknownCheckingProxy(props);
    const args: ResourceValidationArgs = {
        type,
        props: proxied,
        urn: opts.urn ?? urnOf(type, name),
        name,
        opts: options,
        stackTags,
        isType: () => false,
        asType: () => undefined,
        getConfig: <T extends object>() => (opts.config ?? {}) as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason ?? "");
        },
    };
    const violations: Outcome["violations"] = [];
    const report: ReportViolation = (message: string) => violations.push({ message });
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource!];
    try {
        for (const v of validations) await Promise.resolve(v(args, report));
    } catch (err) {
        if (err instanceof NotApplicable) return { violations, notApplicable: err.reason };
        throw err;
    }
    return { violations };
}

export interface FakeResource {
    type: string;
    name: string;
    props: Props;
    parent?: string;
    /** Top-level property -> names of the resources it depends on. */
    deps?: Record<string, string[]>;
    parentType?: string;
}

/** Runs a stack policy on a set of resources, as the analyzer's `analyzeStack` RPC would. */
export async function validateStack(policy: StackValidationPolicy, fakes: FakeResource[], config: RuleConfig = {}): Promise<Outcome> {
    const byName = new Map<string, PolicyResource>();
    const resources: PolicyResource[] = fakes.map((f) => {
        const r: PolicyResource = {
            type: f.type,
            props: unknownCheckingProxy(f.props),
            urn: urnOf(f.type, f.name, f.parentType),
            name: f.name,
            opts: options,
            dependencies: [],
            propertyDependencies: {},
            isType: () => false,
            asType: () => undefined,
        };
        if (byName.has(f.name)) throw new Error(`fake resource name ${f.name} is used twice; dependencies are named`);
        byName.set(f.name, r);
        return r;
    });
    fakes.forEach((f, i) => {
        const r = resources[i];
        if (f.parent) r.parent = byName.get(f.parent);
        for (const [prop, names] of Object.entries(f.deps ?? {})) {
            r.propertyDependencies[prop] = names.map((n) => {
                const dep = byName.get(n);
                if (!dep) throw new Error(`fake dependency ${n} is not in the stack`);
                return dep;
            });
            r.dependencies.push(...r.propertyDependencies[prop]);
        }
    });
    const args: StackValidationArgs = {
        resources,
        stackTags,
        getConfig: <T extends object>() => config as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason ?? "");
        },
    };
    const violations: Outcome["violations"] = [];
    const report: ReportViolation = (message: string, urn?: string) => violations.push({ message, ...(urn ? { urn } : {}) });
    try {
        await Promise.resolve(policy.validateStack(args, report));
    } catch (err) {
        if (err instanceof NotApplicable) return { violations, notApplicable: err.reason };
        throw err;
    }
    return { violations };
}
