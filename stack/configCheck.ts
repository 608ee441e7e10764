// The root stack's config, checked before anything is built: each section against its component's input schema
// (schema.json, what `pulumi package add` users get), with ajv. One line per problem, naming the config key path
// as the user writes it (`endpointAccess.allowedCidrs[0]`), the expected type and the fix.
import Ajv, { ErrorObject } from "ajv";
import schema from "../schema.json";
import { findClosestKey } from "../plan/engine/projectSchema";

/** A JSON Schema node as this file builds and reads it. */
interface JsonSchema {
    $ref?: string;
    type?: string;
    title?: string;
    items?: JsonSchema;
    properties?: Record<string, JsonSchema>;
    required?: string[];
    additionalProperties?: JsonSchema | boolean;
    enum?: unknown[];
    $defs?: Record<string, JsonSchema>;
}

/** A property's type in the Pulumi package schema (schema.json). */
interface TypeSpec {
    $ref?: string;
    type?: string;
    items?: TypeSpec;
    additionalProperties?: TypeSpec;
}

/** An object or enum type of the package schema. */
interface ObjectTypeSpec {
    properties?: Record<string, TypeSpec>;
    required?: string[];
    enum?: { value: unknown }[];
}

/** A component of the package schema. */
interface ResourceSpec {
    requiredInputs?: string[];
    inputProperties: Record<string, TypeSpec>;
}

/** The root stack's sections: the component each configures, and the inputs the stack fills in itself. */
export const stackSections = {
    endpointAccess: { component: "ClusterEndpointAccess", optional: ["vpcId"], stackSets: [] as string[] },
    vpcEndpoints: { component: "PrivateClusterEndpoints", optional: ["vpcId"], stackSets: ["endpointPrivateAccess"] },
    hybridDns: { component: "HybridDnsAccess", optional: ["clusterVpcId"], stackSets: [] as string[] },
    privateCluster: { component: "PrivateCluster", optional: ["vpcId"], stackSets: [] as string[] },
} as const;
export type StackSection = keyof typeof stackSections;

/** Every key of the project's namespace the root stack reads. */
export const stackKeys = ["vpcId", ...Object.keys(stackSections)];

const packageName: string = schema.name;
const ref = (token: string) => ({ $ref: `#/$defs/${token.replace(/[:]/g, "_")}` });

/** A Pulumi schema type as JSON Schema: `$ref`s to types, arrays, maps, primitives; Any accepts anything. */
function typeSchema(spec: TypeSpec): JsonSchema {
    if (typeof spec.$ref === "string") return spec.$ref.startsWith("#/types/") ? ref(spec.$ref.slice("#/types/".length)) : {};
    if (spec.type === "array") return { type: "array", items: typeSchema(spec.items ?? {}) };
    if (spec.type === "object") return { type: "object", additionalProperties: spec.additionalProperties ? typeSchema(spec.additionalProperties) : {} };
    return spec.type ? { type: spec.type } : {};
}

function objectSchema(properties: Record<string, TypeSpec>, required: string[], title: string): JsonSchema {
    return {
        type: "object",
        title,
        properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, typeSchema(v)])),
        required,
        additionalProperties: false,
    };
}

const defs: Record<string, JsonSchema> = Object.fromEntries(
    Object.entries(schema.types as Record<string, ObjectTypeSpec>).map(([token, t]): [string, JsonSchema] => [
        token.replace(/[:]/g, "_"),
        t.enum ? { enum: t.enum.map((e) => e.value), title: token.split(":").pop() } : objectSchema(t.properties ?? {}, t.required ?? [], token.split(":").pop()!),
    ]),
);

const validators = Object.fromEntries(
    Object.entries(stackSections).map(([section, s]) => {
        const resource = (schema.resources as Record<string, ResourceSpec>)[`${packageName}:index:${s.component}`];
        const required = (resource.requiredInputs ?? []).filter((k) => !(s.optional as readonly string[]).includes(k));
        const properties = Object.fromEntries(Object.entries(resource.inputProperties).filter(([k]) => !(s.stackSets as readonly string[]).includes(k)));
        const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
        return [section, ajv.compile({ ...objectSchema(properties, required, `${s.component}Args`), $defs: defs })];
    }),
) as Record<StackSection, ReturnType<Ajv["compile"]>>;

/** `/allowedCidrs/0` -> `.allowedCidrs[0]`. */
function keyPath(instancePath: string): string {
    return instancePath
        .split("/")
        .slice(1)
        .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, "/").replace(/~0/g, "~")}`))
        .join("");
}

function describe(s: JsonSchema, root: JsonSchema): string {
    if (s.$ref) return describe(root.$defs![s.$ref.replace("#/$defs/", "")], root);
    if (s.enum) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(", ")}`;
    if (s.type === "array") return `a list of ${plural(describe(s.items ?? {}, root))}`;
    if (s.type === "object") return s.title ? `a ${s.title} object` : "a map";
    if (s.type === "boolean") return "true or false";
    if (s.type === "integer" || s.type === "number") return "a number";
    if (s.type === "string") return "a string";
    return "a value";
}

function plural(text: string): string {
    return text.replace(/^a list of /, "lists of ").replace(/^an? (.*)$/, "$1s").replace(/^one of /, "values, each one of ");
}

function messageOf(section: string, e: ErrorObject, root: JsonSchema): string | undefined {
    const at = `${section}${keyPath(e.instancePath)}`;
    const got = e.data === undefined ? "nothing" : JSON.stringify(e.data);
    switch (e.keyword) {
        case "additionalProperty":
        case "additionalProperties": {
            const key = String(e.params.additionalProperty);
            if ((Object.values(stackSections) as { stackSets: readonly string[] }[]).some((x) => x.stackSets.includes(key)) && keyPath(e.instancePath) === "") {
                return `config ${at}.${key}: the stack sets it from endpointAccess; remove it here`;
            }
            const parent = e.parentSchema as JsonSchema;
            const near = findClosestKey(key, Object.keys(parent.properties ?? {}));
            return `config ${at}.${key}: not a setting of ${parent.title ?? section}${near ? `; did you mean ${near}?` : ""}`;
        }
        case "required": {
            const missing = String(e.params.missingProperty);
            return `config ${at}.${missing}: required; set it (${describe((e.parentSchema as JsonSchema).properties![missing], root)})`;
        }
        case "type":
        case "enum":
            return `config ${at}: expected ${describe(e.parentSchema as JsonSchema, root)}, got ${got}`;
        default:
            return undefined;
    }
}

/**
 * Problems with one section's value against its component's input schema, one line each; [] when it is valid.
 * Every problem is reported, not only the first.
 */
export function sectionProblems(section: StackSection, value: unknown): string[] {
    const validate = validators[section];
    if (validate(value)) return [];
    const root = validate.schema as JsonSchema;
    const lines = (validate.errors ?? []).map((e) => messageOf(section, e, root)).filter((m): m is string => m !== undefined);
    return [...new Set(lines)];
}

/** Keys under the project's namespace that the root stack does not read (a misspelled section is silently unused). */
export function unknownKeyProblems(project: string, config: Record<string, string>): string[] {
    return Object.keys(config)
        .filter((k) => k.startsWith(`${project}:`))
        .map((k) => k.slice(project.length + 1))
        .filter((k) => !stackKeys.includes(k))
        .map((k) => {
            const near = findClosestKey(k, stackKeys);
            return `config ${project}:${k}: the root stack has no such setting${near ? `; did you mean ${project}:${near}?` : ""} (settings: ${stackKeys.join(", ")})`;
        });
}

/** The sections a stack uses (absent, null and `{}` are "not used"), with the stack-wide vpcId. */
export interface UsedSections {
    vpcId?: string;
    endpointAccess?: object;
    vpcEndpoints?: object;
    hybridDns?: object;
    privateCluster?: object;
}

/** The VPC a section's value (its component's args) names in `key`. */
const vpcOf = (section: object, key: "vpcId" | "clusterVpcId"): unknown => (section as Record<string, unknown>)[key];

/**
 * How the sections compose: endpoint access or a whole cluster is needed, and privateCluster, which makes its own
 * endpoint access, VPC endpoints and hybrid DNS, is refused beside sections for the same VPC (each would manage the
 * control plane's 443 rules, the endpoints or the resolver twice).
 */
export function compositionProblems(s: UsedSections): string[] {
    if (!s.endpointAccess && !s.privateCluster) {
        return ["config: set endpointAccess (endpoint access of an existing cluster) or privateCluster (a whole private cluster)"];
    }
    if (!s.privateCluster) return [];
    const clusterVpc: unknown = vpcOf(s.privateCluster, "vpcId") ?? s.vpcId;
    const twice = (["endpointAccess", "vpcEndpoints", "hybridDns"] as const).filter((key) => {
        const section = s[key];
        if (!section) return false;
        const vpc = vpcOf(section, key === "hybridDns" ? "clusterVpcId" : "vpcId") ?? s.vpcId;
        return vpc === undefined || clusterVpc === undefined || vpc === clusterVpc;
    });
    if (twice.length === 0) return [];
    return [
        `config: privateCluster makes its own endpoint access, VPC endpoints and hybrid DNS in ${typeof clusterVpc === "string" ? clusterVpc : "its VPC"}; ` +
            `drop ${twice.length > 1 ? `${twice.slice(0, -1).join(", ")} and ${twice[twice.length - 1]}` : twice[0]} (they would manage the same VPC twice), or give ${twice.length > 1 ? "them" : "it"} the vpcId of another VPC`,
    ];
}

/** Every problem with the root stack's config, one line each, in the order the user reads the file. */
export function stackConfigProblems(project: string, config: Record<string, string>, used: UsedSections): string[] {
    const sections = (Object.keys(stackSections) as StackSection[]).flatMap((key) => (used[key] !== undefined ? sectionProblems(key, used[key]) : []));
    const problems = [...unknownKeyProblems(project, config), ...sections];
    return problems.length > 0 ? problems : compositionProblems(used);
}
