/**
 * A bad argument, found before anything is created. The message names the argument and the fix; components
 * prefix it with their type and name so `pulumi preview` shows which one failed.
 */
export class InputError extends Error {
    constructor(
        /** The argument at fault, as the user wrote it (`publicAccessCidrs`, `subnetIds[2]`). */
        readonly arg: string,
        message: string,
    ) {
        super(`${arg}: ${message}`);
        this.name = "InputError";
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
        if (err instanceof InputError) {
            const wrapped = new InputError(err.arg, err.message.slice(err.arg.length + 2));
            wrapped.message = `${component} "${name}": ${err.message}`;
            throw wrapped;
        }
        throw err;
    }
}
