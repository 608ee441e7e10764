// `--typecheck`: the program type-checked before it runs, as the Pulumi CLI's ts-node does for a TypeScript
// project (typescript: true), with the program's tsconfig.json (the nearest one up from its main file). A program
// tsc rejects (an unknown argument such as `vpcs` on PrivateCluster.hybridDns) would otherwise plan, silently
// dropping what it got wrong. Opt-in: it parses @pulumi/aws's declarations, 15-25 s on this repo's 2-core machine.
import * as path from "path";
import * as ts from "typescript";

/** tsc's diagnostics for `main` and what it imports, one line each: `file(line,col): error TSnnnn: message`. */
export function typeErrors(main: string): string[] {
    const dir = path.dirname(path.resolve(main));
    const configFile = ts.findConfigFile(dir, (file) => ts.sys.fileExists(file), "tsconfig.json");
    const options: ts.CompilerOptions = configFile
        ? ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, (file) => ts.sys.readFile(file)).config, ts.sys, path.dirname(configFile)).options
        : // No tsconfig.json: strict checking for this package's Node (engines >= 20: ES2022, CommonJS).
          {
              strict: true,
              target: ts.ScriptTarget.ES2022,
              module: ts.ModuleKind.CommonJS,
              moduleResolution: ts.ModuleResolutionKind.Node10,
              esModuleInterop: true,
              skipLibCheck: true,
          };
    const program = ts.createProgram([path.resolve(main)], { ...options, noEmit: true });
    return ts.getPreEmitDiagnostics(program).map((d) => {
        const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
        if (!d.file || d.start === undefined) return `error TS${d.code}: ${text}`;
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        return `${path.relative(process.cwd(), d.file.fileName)}(${line + 1},${character + 1}): error TS${d.code}: ${text}`;
    });
}
