// Descriptions the SDK's schema analyser leaves out. @pulumi/pulumi/provider/experimental collects a type's doc
// comment only from files it visits while it is still looking for components, so most object types and several
// enums reach other languages undocumented. This fills every type's description and every enum value's
// description from the doc comments in the TypeScript sources, so the generated SDKs document them too.
import * as ts from "typescript";

interface EnumValueSpec {
    name?: string;
    value: unknown;
    description?: string;
}
interface TypeSpec {
    description?: string;
    enum?: EnumValueSpec[];
}

/** The text of a node's leading doc comments (`/** … *\/`), or undefined. */
function docOf(node: ts.Node): string | undefined {
    const text = ts
        .getJSDocCommentsAndTags(node)
        .filter(ts.isJSDoc)
        .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "")
        .join("\n")
        .trim();
    return text === "" ? undefined : text;
}

interface Documented {
    description?: string;
    /** Enum values (`as const` object properties or enum members) by their key. */
    members: Record<string, string | undefined>;
}

/** Every exported interface, class, enum and `as const` object in `files`, with its doc comments, by name. */
function documentedDeclarations(files: readonly ts.SourceFile[]): Map<string, Documented> {
    const found = new Map<string, Documented>();
    for (const file of files) {
        for (const node of file.statements) {
            if ((ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name) {
                if (!found.has(node.name.text) || docOf(node)) found.set(node.name.text, { ...found.get(node.name.text), description: docOf(node) ?? found.get(node.name.text)?.description, members: found.get(node.name.text)?.members ?? {} });
            } else if (ts.isEnumDeclaration(node)) {
                found.set(node.name.text, { description: docOf(node), members: Object.fromEntries(node.members.map((m) => [m.name.getText(file), docOf(m)])) });
            } else if (ts.isVariableStatement(node)) {
                for (const decl of node.declarationList.declarations) {
                    const init = decl.initializer && ts.isAsExpression(decl.initializer) ? decl.initializer.expression : undefined;
                    if (!ts.isIdentifier(decl.name) || init === undefined || !ts.isObjectLiteralExpression(init)) continue;
                    const members = Object.fromEntries(init.properties.filter(ts.isPropertyAssignment).map((p) => [p.name.getText(file), docOf(p)]));
                    found.set(decl.name.text, { description: docOf(node) ?? found.get(decl.name.text)?.description, members });
                }
            }
        }
    }
    return found;
}

/** The schema's types with descriptions from the sources where the analyser gave none; returns the names still undocumented. */
/** `enumValues`: descriptions of enum values kept in a table rather than doc comments, by type name and value. */
export function addTypeDocs(types: Record<string, TypeSpec>, entry: string, enumValues: Record<string, Record<string, string>> = {}): string[] {
    const program = ts.createProgram([entry], { allowJs: false, noEmit: true });
    // Binding sets the parent links getJSDocCommentsAndTags follows.
    program.getTypeChecker();
    const files = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes("/node_modules/"));
    const docs = documentedDeclarations(files);
    const missing: string[] = [];
    for (const [token, spec] of Object.entries(types)) {
        const name = token.split(":")[2];
        const doc = docs.get(name);
        spec.description ??= doc?.description;
        if (spec.description === undefined) missing.push(name);
        for (const value of spec.enum ?? []) {
            value.description ??= enumValues[name]?.[String(value.value)] ?? (value.name === undefined ? undefined : doc?.members[value.name]);
            if (value.description === undefined) missing.push(`${name}.${value.name}`);
        }
    }
    return missing;
}
