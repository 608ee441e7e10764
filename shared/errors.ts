/**
 * A bad argument, found before anything is created: the argument at fault as the user wrote it, what is wrong
 * with it and, where it is not part of `detail`, the fix. The message is computed once, here; components put their
 * type and name in front (`inComponent`) and composites their own argument path (`under`).
 */
export class InputError extends Error {
    constructor(
        /** The argument at fault, as the user wrote it (`publicAccessCidrs`, `subnetIds[2]`, `hybridDns.shareWith[0]`). */
        readonly argPath: string,
        /** What is wrong, usually ending with the fix. */
        readonly detail: string,
        /** The fix, when `detail` does not say it. */
        readonly fix?: string,
        /** The component and name it was raised in (`PrivateCluster "prod"`), when known. */
        readonly component?: string,
    ) {
        super(`${component === undefined ? "" : `${component}: `}${argPath}: ${detail}${fix === undefined ? "" : `; ${fix}`}`);
        this.name = "InputError";
    }

    /** The argument path; kept for callers written before `argPath`. */
    get arg(): string {
        return this.argPath;
    }

    /** The same error for an argument nested under `prefix` (`endpoints` + `allowedCidrs[0]`). */
    under(prefix: string): InputError {
        return new InputError(`${prefix}.${this.argPath}`, this.detail, this.fix, this.component);
    }

    /** The same error raised in `component` (`PrivateCluster "prod"`). */
    in(component: string): InputError {
        return new InputError(this.argPath, this.detail, this.fix, component);
    }
}

/** `value` when it is one of an enum's values (a closed choice another language may send as any string); else an InputError. */
export function oneOf<T extends string>(value: unknown, allowed: Record<string, T>, arg: string): T {
    const values = Object.values(allowed);
    if (!values.includes(value as T)) throw new InputError(arg, `${JSON.stringify(value)} is not one of ${values.map((v) => JSON.stringify(v)).join(", ")}`);
    return value as T;
}

/** Re-throws an InputError with the component's type and name in front, so the user knows where to look. */
export function inComponent<T>(component: string, name: string, validate: () => T): T {
    try {
        return validate();
    } catch (err) {
        if (err instanceof InputError) throw err.in(`${component} "${name}"`);
        throw err;
    }
}

/** Runs a planner and re-throws its InputError under `argPath` (a composite's own argument: `endpoints`), when given. */
export function underArgPath<T>(argPath: string | undefined, plan: () => T): T {
    try {
        return plan();
    } catch (err) {
        if (argPath !== undefined && err instanceof InputError) throw err.under(argPath);
        throw err;
    }
}
