// What the Pulumi CLI reads from a project before it asks the language host to run it: the runtime and its
// options, the program's working directory and entry point, and the config the program gets.
//
// It mirrors, in pulumi/pulumi:
// - pkg/engine/project.go `getPwdMain` (pwd and entry point from Pulumi.yaml `main`);
// - sdk/go/common/workspace/project.go `RewriteShorthandConfigValues` (a plain project config value is a
//   `default:` for the project's own keys, a `value:` for other namespaces) and the `runtime` forms;
// - sdk/go/common/workspace/loaders.go `LoadProjectStackBytes` (stack file keys without a namespace get the
//   project's);
// - pkg/workspace/config.go `mergeConfig` and `createConfigValue` (stack values win; otherwise the project's
//   `default:`, else its `value:`; objects and arrays as JSON).
// It does not validate the project (types, namespacing rules): that is the project loader's job.
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";

export interface ProjectInfo {
    /** The directory holding Pulumi.yaml (the CLI's project root, `--root-directory`). */
    root: string;
    /** Project name (`name:`). */
    name: string;
    /** Runtime name (`runtime:` or `runtime.name`), e.g. `nodejs`. */
    runtime: string;
    /** `runtime.options` as written. */
    options: Record<string, unknown>;
    /** The program's working directory (`--pwd`): the root, or `main`'s directory. */
    pwd: string;
    /** The entry point passed to cmd/run: "." or `main`'s file name. */
    main: string;
    /** `config:` as written (before shorthand rewriting). */
    config: Record<string, unknown>;
}

/** pkg/engine/project.go getPwdMain: `main` names a directory (pwd = it, main ".") or a file (pwd = its dir). */
export function pwdMain(root: string, main?: string): { pwd: string; main: string } {
    if (!main) return { pwd: root, main: "." };
    const target = path.resolve(root, main);
    let stat: fs.Stats;
    try {
        stat = fs.statSync(target);
    } catch (err) {
        throw new Error(`project 'main' could not be read: ${(err as Error).message}`);
    }
    return stat.isDirectory() ? { pwd: target, main: "." } : { pwd: path.dirname(target), main: path.basename(target) };
}

/** Reads `<root>/Pulumi.yaml`. */
export function readProject(root: string): ProjectInfo {
    const file = path.join(root, "Pulumi.yaml");
    if (!fs.existsSync(file)) throw new Error(`${root} has no Pulumi.yaml: pass the directory of a Pulumi program`);
    const raw = (yaml.load(fs.readFileSync(file, "utf8")) ?? {}) as {
        name?: string;
        runtime?: string | { name?: string; options?: Record<string, unknown> };
        main?: string;
        config?: Record<string, unknown>;
    };
    if (!raw.name) throw new Error(`${file}: project is missing a 'name' attribute`);
    const runtime = typeof raw.runtime === "string" ? { name: raw.runtime } : (raw.runtime ?? {});
    if (!runtime.name) throw new Error(`${file}: project is missing a 'runtime' attribute`);
    const absRoot = path.resolve(root);
    return {
        root: absRoot,
        name: raw.name,
        runtime: runtime.name,
        options: runtime.options ?? {},
        ...pwdMain(absRoot, raw.main),
        config: raw.config ?? {},
    };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** A namespaced key (`ns:name`); a key without a namespace gets the project's. */
export function qualifyKey(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** createConfigValue: primitives as their text, objects and arrays as JSON. */
function configText(value: unknown): string {
    return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
}

/** Stack values refused here because this launcher has no secrets provider to decrypt them. */
function checkNotSecure(file: string, key: string, value: unknown): void {
    if (isPlainObject(value) && "secure" in value && Object.keys(value).length === 1) {
        throw new Error(`${file}: ${key} is a secure value; this launcher has no secrets provider: pass it in config overrides instead`);
    }
}

export interface StackConfig {
    /** Namespaced config (`aws:region`, `<project>:vpcId`) to the string the program gets. */
    config: Record<string, string>;
    /** Keys of `config` that are secrets. */
    secretKeys: string[];
}

/**
 * The config the CLI passes for `stack`: `Pulumi.<stack>.yaml` (when present) merged with the project's
 * declarations, then `overrides` (`pulumi preview --config key=value`; a key without a namespace is the
 * project's). `secretKeys` (as written) mark override keys as secrets (`--config-secret`).
 */
export function stackConfig(project: ProjectInfo, stack: string, overrides: Record<string, string> = {}, secretKeys: string[] = []): StackConfig {
    const config: Record<string, string> = {};
    const file = path.join(project.root, `Pulumi.${stack}.yaml`);
    if (fs.existsSync(file)) {
        const stackFile = (yaml.load(fs.readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
        for (const [key, value] of Object.entries(stackFile.config ?? {})) {
            checkNotSecure(file, key, value);
            config[qualifyKey(project.name, key)] = configText(value);
        }
    }
    for (const [key, declared] of Object.entries(project.config)) {
        const qualified = qualifyKey(project.name, key);
        if (qualified in config) continue;
        // RewriteShorthandConfigValues: a primitive or array is a default (project keys) or a value (others).
        const spec = isPlainObject(declared) ? declared : qualified.startsWith(`${project.name}:`) ? { default: declared } : { value: declared };
        const value = spec.default !== undefined ? spec.default : spec.value;
        if (value !== undefined && value !== null) config[qualified] = configText(value);
    }
    for (const [key, value] of Object.entries(overrides)) config[qualifyKey(project.name, key)] = value;
    return { config, secretKeys: secretKeys.map((k) => qualifyKey(project.name, k)) };
}
