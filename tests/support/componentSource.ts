// Reads what a component's source declares (its Args interface's properties, inherited ones too, and its
// public fields, each with its doc comment) by parsing the files alone: no type checker, so it is fast and
// independent of the SDK's schema analyzer it is compared against.
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export interface DeclaredMember {
    name: string;
    /** The doc comment's text, "" when there is none. */
    description: string;
    optional: boolean;
}

export interface DeclaredComponent {
    argsInterface: string;
    inputs: DeclaredMember[];
    outputs: DeclaredMember[];
}

const parsed = new Map<string, ts.SourceFile>();

function parse(file: string): ts.SourceFile {
    let source = parsed.get(file);
    if (!source) {
        source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
        parsed.set(file, source);
    }
    return source;
}

function docOf(node: ts.Node): string {
    return ts
        .getJSDocCommentsAndTags(node)
        .filter(ts.isJSDoc)
        .map((d) => ts.getTextOfJSDocComment(d.comment) ?? "")
        .join("\n");
}

function resolveModule(from: string, specifier: string): string | undefined {
    if (!specifier.startsWith(".")) return undefined;
    const base = path.resolve(path.dirname(from), specifier);
    return [`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f));
}

/** Finds the declaration of `name` visible in `file`, following imports and re-exports within the package. */
function findDeclaration(file: string, name: string, seen = new Set<string>()): { file: string; node: ts.ClassDeclaration | ts.InterfaceDeclaration } | undefined {
    const key = `${file}#${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const source = parse(file);
    for (const statement of source.statements) {
        if ((ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) && statement.name?.text === name) {
            return { file, node: statement };
        }
    }
    for (const statement of source.statements) {
        const isImport = ts.isImportDeclaration(statement);
        if (!isImport && !ts.isExportDeclaration(statement)) continue;
        const specifier = statement.moduleSpecifier;
        if (!specifier || !ts.isStringLiteral(specifier)) continue;
        const target = resolveModule(file, specifier.text);
        if (!target) continue;
        const bindings = isImport ? statement.importClause?.namedBindings : statement.exportClause;
        if (!bindings) {
            if (!isImport) {
                const found = findDeclaration(target, name, seen);
                if (found) return found;
            }
            continue;
        }
        if (!ts.isNamedImports(bindings) && !ts.isNamedExports(bindings)) continue;
        for (const element of bindings.elements) {
            if (element.name.text === name) return findDeclaration(target, element.propertyName?.text ?? name, seen);
        }
    }
    return undefined;
}

function interfaceMembers(file: string, node: ts.InterfaceDeclaration): DeclaredMember[] {
    const own: DeclaredMember[] = node.members.filter(ts.isPropertySignature).map((m) => ({
        name: m.name.getText(),
        description: docOf(m),
        optional: m.questionToken !== undefined,
    }));
    const inherited: DeclaredMember[] = [];
    for (const clause of node.heritageClauses ?? []) {
        for (const base of clause.types) {
            const found = findDeclaration(file, base.expression.getText());
            if (!found || !ts.isInterfaceDeclaration(found.node)) throw new Error(`${file}: cannot find interface ${base.expression.getText()}`);
            inherited.push(...interfaceMembers(found.file, found.node).filter((m) => !own.some((o) => o.name === m.name)));
        }
    }
    return [...own, ...inherited];
}

/** The declared shape of the component class `className` exported (directly or re-exported) from `entry`. */
export function declaredComponent(entry: string, className: string): DeclaredComponent {
    const found = findDeclaration(entry, className);
    if (!found || !ts.isClassDeclaration(found.node)) throw new Error(`${entry} does not export a class ${className}`);
    const cls = found.node;
    const ctor = cls.members.find(ts.isConstructorDeclaration);
    const argsType = ctor?.parameters.find((p) => p.name.getText() === "args")?.type;
    if (!argsType || !ts.isTypeReferenceNode(argsType)) throw new Error(`${className}: constructor has no args: XArgs parameter`);
    const argsName = argsType.typeName.getText();
    const args = findDeclaration(found.file, argsName);
    if (!args || !ts.isInterfaceDeclaration(args.node)) throw new Error(`${className}: ${argsName} is not an interface`);
    const hidden = ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static;
    const outputs = cls.members
        .filter(ts.isPropertyDeclaration)
        .filter((m) => !(ts.getCombinedModifierFlags(m) & hidden))
        .map((m) => ({ name: m.name.getText(), description: docOf(m), optional: m.questionToken !== undefined }));
    return { argsInterface: argsName, inputs: interfaceMembers(args.file, args.node), outputs };
}
