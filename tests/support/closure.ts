// The repository-relative .ts files tsc compiles for a set of entry files: the entries and every module they
// import through relative paths (type-only imports too, since tsc emits every file of its program).
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export function importClosure(repo: string, entries: string[]): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const imported of ts.preProcessFile(fs.readFileSync(path.join(repo, file), "utf8"), true, true).importedFiles) {
            if (!imported.fileName.startsWith(".")) continue;
            const base = path.join(path.dirname(file), imported.fileName);
            const found = [`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(path.join(repo, f)));
            assert.ok(found, `${file} imports ${imported.fileName}, which is not a .ts file`);
            visit(found);
        }
    };
    entries.forEach(visit);
    return [...seen].sort();
}
