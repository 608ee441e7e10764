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
// - pkg/workspace/config.go `validateStackConfigValues` (missing required keys, stack values of the declared type,
//   secret keys encrypted).
// The project is first checked as the CLI's loader does (./projectSchema); a refused project is not run.
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { declarationOf, inferFullTypeName, validateConfigValue } from "./projectConfig";
import { validateProject } from "./projectSchema";

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

/** Reads `<root>/Pulumi.yaml`; throws the loader's problems (one line each) when the CLI would refuse it. */
export function readProject(root: string): ProjectInfo {
    const file = path.join(root, "Pulumi.yaml");
    if (!fs.existsSync(file)) throw new Error(`${root} has no Pulumi.yaml: pass the directory of a Pulumi program`);
    const text = fs.readFileSync(file, "utf8");
    const problems = validateProject(text, file);
    if (problems.length > 0) throw new Error(problems.join("\n"));
    const raw = (yaml.load(text) ?? {}) as {
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

/** A config value and where it came from: the stack file, the project's declaration, or an override. */
interface Source {
    raw: unknown;
    from: "stack" | "project" | "override";
}

/**
 * The config the CLI passes for `stack`: `Pulumi.<stack>.yaml` (when present) merged with the project's
 * declarations, then `overrides` (`pulumi preview --config key=value`; a key without a namespace is the
 * project's). `secretKeys` (as written) mark override keys as secrets (`--config-secret`). Throws the CLI's
 * message when a required key is missing or a stack value does not have its declared type.
 */
export function stackConfig(project: ProjectInfo, stack: string, overrides: Record<string, string> = {}, secretKeys: string[] = []): StackConfig {
    const sources = new Map<string, Source>();
    const file = path.join(project.root, `Pulumi.${stack}.yaml`);
    if (fs.existsSync(file)) {
        const stackFile = (yaml.load(fs.readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
        for (const [key, value] of Object.entries(stackFile.config ?? {})) {
            checkNotSecure(file, key, value);
            sources.set(qualifyKey(project.name, key), { raw: value, from: "stack" });
        }
    }
    for (const [key, value] of Object.entries(overrides)) sources.set(qualifyKey(project.name, key), { raw: value, from: "override" });
    const secrets = secretKeys.map((k) => qualifyKey(project.name, k));
    const missing: string[] = [];
    for (const key of Object.keys(project.config).sort()) {
        const qualified = qualifyKey(project.name, key);
        if (sources.has(qualified)) continue;
        const spec = declarationOf(project.name, key, project.config[key]);
        // mergeConfig: the project's `default:` wins over its `value:`; a project key with neither is required.
        const value = spec.default ?? spec.value;
        if (value !== undefined && value !== null) sources.set(qualified, { raw: value, from: "project" });
        else if (qualified.startsWith(`${project.name}:`)) missing.push(key);
    }
    if (missing.length > 0) throw new Error(missingKeysMessage(stack, missing));
    for (const key of Object.keys(project.config).sort()) checkStackValue(project, stack, key, sources.get(qualifyKey(project.name, key)), secrets);
    const config: Record<string, string> = {};
    for (const [key, source] of sources) config[key] = source.from === "override" ? String(source.raw) : configText(source.raw);
    return { config, secretKeys: secrets };
}

/** config.go missingStackConfigurationKeysError. */
function missingKeysMessage(stack: string, keys: string[]): string {
    if (keys.length === 1) return `Stack '${stack}' is missing configuration value '${keys[0]}'`;
    const quoted = keys.map((k) => `'${k}'`);
    return `Stack '${stack}' is missing configuration values ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/**
 * config.go validateStackConfigValue for a typed project key: a secret key's value must be encrypted, and the value
 * (an object or array as itself, anything else as its text) must have the declared type. Overrides are program
 * text given to this launcher (JSON for objects), so only their secrecy is checked.
 */
function checkStackValue(project: ProjectInfo, stack: string, key: string, source: Source | undefined, secrets: string[]): void {
    const spec = declarationOf(project.name, key, project.config[key]);
    if (!source || spec.type === undefined || spec.type === null) return;
    const qualified = qualifyKey(project.name, key);
    if (spec.secret && !(source.from === "override" && secrets.includes(qualified))) {
        throw new Error(`Stack '${stack}' with configuration key '${key}' must be encrypted as it's secret`);
    }
    if (source.from === "override") return;
    const content = source.raw !== null && typeof source.raw === "object" ? source.raw : configText(source.raw);
    if (!validateConfigValue(spec.type, spec.items, content)) {
        throw new Error(`Stack '${stack}' with configuration key '${key}' must be of type '${inferFullTypeName(spec.type, spec.items)}'`);
    }
}
