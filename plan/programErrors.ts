// Where in the user's program an error was thrown, at the cost of one stack frame. The plan runs programs with
// the shortest stack traces it can (run.ts programStackTraceLimit: the SDK stamps a trace on every promise it
// tracks), so errors keep only their top frame, formatted without source maps while the program runs; the frame
// of an error the plan reports is mapped back to the program's TypeScript line afterwards.
import { findSourceMap } from "module";
import * as path from "path";
import { fileURLToPath } from "url";

/** Keeps one frame per error, formatted cheaply; returns the function that restores Node's settings. */
export function keepTopFrame(limit: number): () => void {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back on Error, never called detached
    const saved = { limit: Error.stackTraceLimit, prepare: Error.prepareStackTrace };
    Error.stackTraceLimit = limit;
    if (limit === 1) {
        Error.prepareStackTrace = (err, sites) => {
            const site = sites[0];
            const head = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
            return site?.getFileName() ? `${head}\n    at ${site.getFileName()}:${site.getLineNumber()}:${site.getColumnNumber()}` : head;
        };
    }
    return () => {
        Error.stackTraceLimit = saved.limit;
        Error.prepareStackTrace = saved.prepare;
    };
}

/**
 * `file:line:column` (relative to the working directory, the program's TypeScript line) where `err` was thrown, when
 * that is a file of the program in `programDir` (not its node_modules); undefined otherwise.
 */
export function programLocation(err: unknown, programDir: string): string | undefined {
    if (!(err instanceof Error) || typeof err.stack !== "string") return undefined;
    const frame = /^\s+at (?:.*\()?(.+?):(\d+):(\d+)\)?$/m.exec(err.stack);
    if (!frame) return undefined;
    let file = frame[1].startsWith("file://") ? fileURLToPath(frame[1]) : frame[1];
    let line = Number(frame[2]);
    let column = Number(frame[3]);
    const entry = findSourceMap(file)?.findEntry(line - 1, column - 1);
    if (entry && "originalSource" in entry) {
        file = entry.originalSource.startsWith("file://") ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
        line = entry.originalLine + 1;
        column = entry.originalColumn + 1;
    }
    const relative = path.relative(path.resolve(programDir), file);
    if (relative.startsWith("..") || path.isAbsolute(relative) || relative.split(path.sep).includes("node_modules")) return undefined;
    return `${path.relative(process.cwd(), file)}:${line}:${column}`;
}
