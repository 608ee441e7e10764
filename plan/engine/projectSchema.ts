// The Pulumi CLI's project loader, as a pure check: every reason `pulumi preview` refuses a Pulumi.yaml, one line
// each, in the CLI's own words. It follows pulumi/pulumi sdk/go/common/workspace/loaders.go `LoadProjectBytes`:
// 1. `ValidateProject` (project.go): the name checks, then Pulumi's published project schema (project.json, copied
//    byte-identical into tests/data with its NOTICE) with the santhosh-tekuri/jsonschema v5 messages the CLI
//    prints and its "did you mean" hints;
// 2. `RewriteConfigPathIntoStackConfigDir` and `RewriteShorthandConfigValues`;
// 3. `Project.Validate` (project.go): the config declaration rules;
// then pkg/engine/project.go `getPwdMain`: `main` must exist.
import * as fs from "fs";
import * as path from "path";
import Ajv2020, { ErrorObject } from "ajv/dist/2020";
import * as yaml from "js-yaml";
import { checkConfigDeclarations } from "./projectConfig";

type Json = Record<string, unknown>;

/** The parts of a JSON schema node the path walk reads (schemaPathAttributes). */
interface SchemaNode {
    $ref?: string;
    properties?: Record<string, SchemaNode>;
    items?: SchemaNode;
}

const schemaPath = path.join(__dirname, "../../tests/data/pulumi-project.schema.json");
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8")) as SchemaNode & { $defs: Record<string, SchemaNode> };
// The CLI's validator is not strict about unknown keywords or types beside `properties` (the schema mixes them).
const validateSchema = new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(schema);

const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** Every problem the CLI's project loader finds in `text` (the contents of `file`), one line each; [] if it loads. */
export function validateProject(text: string, file: string): string[] {
    let raw: unknown;
    try {
        raw = yaml.load(text.replace(/^\uFEFF/, ""));
    } catch (err) {
        const e = err as yaml.YAMLException;
        return [`${file}: could not unmarshal: yaml: line ${(e.mark?.line ?? 0) + 1}: ${e.reason}`];
    }
    const at = (message: string) => `${file}: ${message}`;
    if (!isObject(raw)) return [at(`expected project to be an object, was '${raw === undefined || raw === null ? "nil" : typeof raw}'`)];

    const nameProblem = checkName(raw);
    if (nameProblem) return [at(nameProblem)];
    if (!validateSchema(raw)) return schemaMessages(validateSchema.errors ?? []).map(at);

    // RewriteConfigPathIntoStackConfigDir: `config: <dir>` is the old spelling of stackConfigDir.
    if (typeof raw.config === "string" && "stackConfigDir" in raw) {
        return [at("Should not use both config and stackConfigDir to define the stack directory. Use only stackConfigDir instead.")];
    }
    const problems = isObject(raw.config) ? checkConfigDeclarations(raw.name as string, raw.config) : [];
    // The language host needs a runtime; PolicyPackProject.Validate and PluginProject.Validate word it so.
    const runtime = isObject(raw.runtime) ? raw.runtime.name : raw.runtime;
    if (!runtime) problems.push("project is missing a 'runtime' attribute");
    if (typeof raw.main === "string" && raw.main !== "") {
        const main = path.resolve(path.dirname(file), raw.main);
        if (!fs.existsSync(main)) problems.push(`project 'main' could not be read: stat ${main}: no such file or directory`);
    }
    return problems.map(at);
}

/** ValidateProject: the name is checked before the schema, with a hint when a key is close to `name`. */
function checkName(raw: Json): string | undefined {
    if (!("name" in raw)) {
        const closest = findClosestKey("name", Object.keys(raw));
        return closest ? `project is missing a 'name' attribute; found '${closest}' instead` : "project is missing a 'name' attribute";
    }
    if (typeof raw.name !== "string" || raw.name === "") return "project is missing a non-empty string 'name' attribute";
    return undefined;
}

/** ValidateProject's maxValidationAttributeDistance. */
const maxDistance = 2;

/** findClosestKey: the key nearest `needle` by case-insensitive Levenshtein distance (at most 2), first alphabetically. */
export function findClosestKey(needle: string, keys: string[]): string {
    let match = "";
    let closest = maxDistance + 1;
    for (const key of [...keys].sort()) {
        const d = levenshtein(needle.toLowerCase(), key.toLowerCase());
        if (d === 0) return key;
        if (d < closest) {
            closest = d;
            match = key;
        }
    }
    return match;
}

function levenshtein(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

/**
 * getSchemaPathAttributes: the attributes the schema allows at an instance location, walking `properties`,
 * `$ref` and array `items` as the CLI does (config keys, under `additionalProperties`, give none).
 */
function schemaPathAttributes(instancePath: string): string[] {
    const resolve = (node: SchemaNode | undefined) => (node?.$ref ? schema.$defs[node.$ref.replace("#/$defs/", "")] : node);
    let node: SchemaNode | undefined = schema;
    for (const attr of instancePath.split("/").filter(Boolean).map(decodePointer)) {
        node = resolve(node);
        if (node?.properties?.[attr]) node = node.properties[attr];
        else if (/^\d+$/.test(attr) && node?.items) node = node.items;
        else return [];
    }
    return Object.keys(resolve(node)?.properties ?? {});
}

const decodePointer = (s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~");

/** jsonschema v5's name for a value's type. */
function jsonType(v: unknown): string {
    if (v === null) return "null";
    if (Array.isArray(v)) return "array";
    if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
    return typeof v;
}

/** An ajv error in jsonschema v5's words (the library the CLI uses), with the CLI's hint for an unknown attribute. */
function v5Message(e: ErrorObject): string {
    const p = e.params as Json;
    switch (e.keyword) {
        case "additionalProperties": {
            const attr = String(p.additionalProperty);
            let msg = `additionalProperties '${attr}' not allowed`;
            const allowed = schemaPathAttributes(e.instancePath);
            const closest = findClosestKey(attr, allowed);
            if (closest) msg += `; did you mean '${closest}'?`;
            else if (allowed.length > 1) {
                const quoted = allowed.map((k) => `'${k}'`).sort();
                msg += `; the allowed attributes are ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
            } else if (allowed.length === 1) msg += `; the only allowed attribute is '${allowed[0]}'`;
            return msg;
        }
        case "required":
            return `missing properties: '${String(p.missingProperty)}'`;
        case "type":
            return `expected ${[p.type].flat().join(" or ")}, but got ${jsonType(e.data)}`;
        case "enum":
            return `value must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
        case "const":
            return `value must be ${JSON.stringify(p.allowedValue)}`;
        case "minLength":
            return `length must be >= ${String(p.limit)}, but got ${String(e.data).length}`;
        default:
            return e.message ?? e.keyword;
    }
}

/**
 * One line per leaf error, `#<location>: <message>` as ValidateProject prints them. A `oneOf` (a config value is a
 * string, integer, boolean, array or declaration; a runtime is a name or an object) is reported by the branch the
 * value's type selects, not by every branch it does not match; with no such branch, as the types it may have.
 */
export function schemaMessages(errors: ErrorObject[]): string[] {
    const oneOfPaths = new Set(errors.filter((e) => e.keyword === "oneOf").map((e) => e.instancePath));
    const leaves = errors.filter((e) => e.keyword !== "if" && e.keyword !== "oneOf" && !(e.keyword === "type" && oneOfPaths.has(e.instancePath)));
    const lines = leaves.map((e) => `#${e.instancePath}: ${v5Message(e)}`);
    for (const p of oneOfPaths) {
        if (leaves.some((e) => e.instancePath === p || e.instancePath.startsWith(`${p}/`))) continue;
        const types = errors.filter((e) => e.keyword === "type" && e.instancePath === p).map((e) => String((e.params as Json).type));
        const data = errors.find((e) => e.instancePath === p)?.data;
        lines.push(`#${p}: expected ${types.slice(0, -1).join(", ")} or ${types[types.length - 1]}, but got ${jsonType(data)}`);
    }
    return [...new Set(lines)];
}
