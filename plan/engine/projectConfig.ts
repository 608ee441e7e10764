// The CLI's rules for a project's `config:` declarations and the values they accept, from pulumi/pulumi
// sdk/go/common/workspace/project.go: `RewriteShorthandConfigValues`, `Project.Validate`, `ValidateConfigValue`,
// `InferFullTypeName` and `configKeyIsNamespacedByProject`. Messages are the CLI's own.

/** A config declaration after shorthand rewriting (project.go `ProjectConfigType`). */
export interface ConfigDeclaration {
    type?: string;
    items?: ItemsType;
    description?: string;
    default?: unknown;
    value?: unknown;
    secret?: boolean;
}

/** project.go `ProjectConfigItemsType`: the element type of an array. */
export interface ItemsType {
    type: string;
    items?: ItemsType;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
/** Go's `nil`: YAML `null` and an absent attribute both decode to it. */
const isSet = (v: unknown) => v !== undefined && v !== null;

/** configKeyIsNamespacedByProject: a key without a namespace, or in the project's, is the project's own. */
export function isProjectKey(project: string, key: string): boolean {
    return !key.includes(":") || key.startsWith(`${project}:`);
}

/**
 * RewriteShorthandConfigValues: a plain string, integer, boolean or array is a `default:` for the project's own
 * keys and a `value:` for other namespaces (`aws:region: us-east-1` is `aws:region: { value: us-east-1 }`).
 */
export function declarationOf(project: string, key: string, declared: unknown): ConfigDeclaration {
    if (isObject(declared)) return declared;
    return isProjectKey(project, key) ? { default: declared } : { value: declared };
}

/** InferFullTypeName: `array<array<string>>` for nested arrays. */
export function inferFullTypeName(type: string, items?: ItemsType): string {
    return items ? `array<${inferFullTypeName(items.type, items.items)}>` : type;
}

/**
 * ValidateConfigValue: whether `value` (from YAML, or a stack value's text) has the declared type. Integers and
 * booleans may be written as text ("5", "true"); an object is a map; an array needs `items` and checks each element.
 */
export function validateConfigValue(type: string, items: ItemsType | undefined, value: unknown): boolean {
    switch (type) {
        case "string":
            return typeof value === "string";
        case "integer":
            // strconv.Atoi: an optional sign and decimal digits.
            return (typeof value === "number" && Number.isInteger(value)) || (typeof value === "string" && /^[+-]?\d+$/.test(value));
        case "boolean":
            return typeof value === "boolean" || value === "true" || value === "false";
        case "object":
            return isObject(value);
        default:
            return Array.isArray(value) && items !== undefined && value.every((item) => validateConfigValue(items.type, items.items, item));
    }
}

/** Project.Validate over every key of `config:` (as written), one message per refused key, in key order. */
export function checkConfigDeclarations(project: string, config: Record<string, unknown>): string[] {
    const problems: string[] = [];
    for (const key of Object.keys(config).sort()) {
        const problem = checkDeclaration(project, key, declarationOf(project, key, config[key]));
        if (problem) problems.push(problem);
    }
    return problems;
}

function checkDeclaration(project: string, key: string, d: ConfigDeclaration): string | undefined {
    if (isSet(d.default) && isSet(d.value)) return `project config '${key}' cannot have both a 'default' and 'value' attribute`;
    const typed = isSet(d.type);
    if (isProjectKey(project, key)) {
        if (typed && d.type === "array" && !isSet(d.items)) {
            return `The configuration key '${key}' declares an array but does not specify the underlying type via the 'items' attribute`;
        }
        if (typed && isSet(d.default) && !validateConfigValue(d.type!, d.items ?? undefined, d.default)) {
            return `The default value specified for configuration key '${key}' is not of the expected type '${inferFullTypeName(d.type!, d.items ?? undefined)}'`;
        }
        return undefined;
    }
    if (typed) return `Configuration key '${key}' is not namespaced by the project and should not define a type`;
    if (isSet(d.default)) {
        return (
            `Configuration key '${key}' is not namespaced by the project and should not define a default value. ` +
            "Did you mean to use the 'value' attribute instead of 'default'?"
        );
    }
    if (!isSet(d.value)) return `Configuration key '${key}' is namespaced and must provide an attribute 'value'`;
    return undefined;
}
