// npm run docs: regenerates the README's tables from the code, between their markers, so no table is copied by
// hand. This file writes the component argument tables (from schema.json: each component's inputs, their type,
// whether required, and the doc comment) and the VPC endpoint features table (vpcEndpoints/features.ts renders it
// from featureTable, the map planEndpoints adds endpoints from). `npm run docs` also runs the schema, the cost
// table (vpcEndpoints/costTable.ts) and the policy profiles and table (scripts/policyProfiles.ts).
// tests/docs.test.ts fails when the README's copy is stale.
import * as fs from "fs";
import * as path from "path";
import { FEATURE_TABLE_END, FEATURE_TABLE_START, featureTableMarkdown } from "../vpcEndpoints/features";

export const readmePath = path.join(__dirname, "..", "README.md");
const schemaPath = path.join(__dirname, "..", "schema.json");

interface PropertySpec {
    type?: string;
    $ref?: string;
    items?: PropertySpec;
    additionalProperties?: PropertySpec;
    plain?: boolean;
    description?: string;
}
interface TypeSpec {
    type: string;
    description?: string;
    enum?: { value: unknown }[];
    properties?: Record<string, PropertySpec>;
    required?: string[];
}
export interface Schema {
    name: string;
    resources: Record<string, { description?: string; inputProperties: Record<string, PropertySpec>; requiredInputs?: string[] }>;
    types: Record<string, TypeSpec>;
}

/** A generated README section: its markers and how to render it, markers included. */
export interface Section {
    start: string;
    end: string;
    render: () => string;
}

/** `text` with `section` (its markers and what lies between) replaced by its rendering; throws when the markers are missing. */
export function withSection(text: string, section: Section): string {
    const start = text.indexOf(section.start);
    const end = text.indexOf(section.end);
    if (start < 0 || end < start) throw new Error(`README.md has no ${section.start} ... ${section.end} section`);
    return text.slice(0, start) + section.render() + text.slice(end + section.end.length);
}

/** A table cell: one line, pipes escaped. */
const cell = (text: string) => text.replace(/\s+/g, " ").trim().replace(/\|/g, "\\|");

/** The schema type name a `$ref` points at (`#/types/pkg:index:Name` is `Name`). */
const refName = (ref: string) => ref.slice(ref.lastIndexOf(":") + 1);

/** A property's type as a reader of any language sees it: small enums as their values, `Input<…>` when an Output is accepted. */
export function typeText(schema: Schema, p: PropertySpec): string {
    const base = (q: PropertySpec): string => {
        if (q.$ref !== undefined) {
            const t = schema.types[q.$ref.slice("#/types/".length)];
            return t?.enum && t.enum.length <= 4 ? t.enum.map((e) => JSON.stringify(e.value)).join(" | ") : refName(q.$ref);
        }
        if (q.type === "array" && q.items) return base(q.items).includes("|") ? `(${base(q.items)})[]` : `${base(q.items)}[]`;
        if (q.type === "object" && q.additionalProperties) return `map of ${base(q.additionalProperties)}`;
        return q.type ?? "any";
    };
    const outputs = p.plain !== true || (p.items !== undefined && p.items.plain !== true) || (p.additionalProperties !== undefined && p.additionalProperties.plain !== true);
    return outputs ? `Input<${base(p)}>` : base(p);
}

/** One Markdown table of arguments: name, type, required, description. */
function argumentTable(schema: Schema, props: Record<string, PropertySpec>, required: readonly string[]): string[] {
    return [
        "| argument | type | required | description |",
        "|---|---|---|---|",
        ...Object.entries(props).map(([name, p]) => `| \`${name}\` | \`${cell(typeText(schema, p))}\` | ${required.includes(name) ? "yes" : ""} | ${cell(p.description ?? "")} |`),
    ];
}

/** Every component's arguments, in schema.json's order, with the object types they take (one level). */
export function argumentTablesMarkdown(schema: Schema): string {
    const lines: string[] = [
        "`Input<…>` arguments take an Output (a value known only at deployment); the others must be known at preview.",
    ];
    for (const [token, resource] of Object.entries(schema.resources)) {
        lines.push("", `### ${refName(token)}`, "", ...argumentTable(schema, resource.inputProperties, resource.requiredInputs ?? []));
        for (const [name, p] of Object.entries(resource.inputProperties)) {
            const type = p.$ref === undefined ? undefined : schema.types[p.$ref.slice("#/types/".length)];
            if (type?.type !== "object" || type.properties === undefined) continue;
            lines.push("", `\`${refName(token)}.${name}\` (${refName(p.$ref!)}):`, "", ...argumentTable(schema, type.properties, type.required ?? []));
        }
    }
    return lines.join("\n");
}

/** The sections this script writes, rendering from `schema`. */
export function sections(schema: Schema): Section[] {
    const start = "<!-- component-arguments:start (npm run docs) -->";
    const end = "<!-- component-arguments:end -->";
    return [
        { start, end, render: () => [start, argumentTablesMarkdown(schema), end].join("\n") },
        { start: FEATURE_TABLE_START, end: FEATURE_TABLE_END, render: featureTableMarkdown },
    ];
}

export function readSchema(): Schema {
    return JSON.parse(fs.readFileSync(schemaPath, "utf8")) as Schema;
}

/** `readme` with every section this script owns regenerated. */
export function withDocs(readme: string, schema: Schema = readSchema()): string {
    return sections(schema).reduce(withSection, readme);
}

if (require.main === module) {
    fs.writeFileSync(readmePath, withDocs(fs.readFileSync(readmePath, "utf8")));
}
