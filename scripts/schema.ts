// npm run schema: writes schema.json, the package schema `pulumi package add` infers from this repository.
// It is built exactly as the Pulumi CLI builds it when it runs the package as a source-based plugin: the Node
// SDK's run-plugin would load a main that exports ComponentResource subclasses (here the library entry,
// index.ts), and its ComponentProvider analyzes their TypeScript (Args interfaces, doc comments, public Output
// fields). The plugin itself (plugin.ts, package.json `main`) serves this file instead of analyzing on start.
// schema.json is committed so reviewers see what Python, Go, .NET, Java and YAML users get;
// tests/schema.test.ts fails when it is stale.
import * as fs from "fs";
import * as path from "path";
import { ComponentProvider, ComponentResourceConstructor, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import { addTypeDocs } from "./schemaDocs";
import { featureDescriptions } from "../vpcEndpoints/features";

export const packageDir = path.resolve(__dirname, "..");
export const schemaPath = path.join(packageDir, "schema.json");

interface PackageJson {
    name: string;
}

/** The provider name run-plugin derives from package.json: the name without its npm scope. */
export function providerName(): string {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as PackageJson;
    return pkg.name.replace(/^@[^/]+\//, "").replace(/[^-a-zA-Z0-9_]/g, "-");
}

/** The component classes the plugin host serves: every ComponentResource subclass the package's main exports. */
export function packageComponents(): ComponentResourceConstructor[] {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the package's main on demand, as run-plugin does
    return getPulumiComponents(require(path.join(packageDir, "index")) as Record<string, unknown>);
}

/** A ComponentProvider over the package, the one the plugin host would start. */
export function packageProvider(): ComponentProvider {
    return new ComponentProvider({ name: providerName(), dirname: packageDir, components: packageComponents() });
}

/** The schema as schema.json holds it: pretty-printed, with a final newline. */
export async function renderSchema(provider: ComponentProvider = packageProvider()): Promise<string> {
    const schema = JSON.parse(await provider.getSchema()) as { types?: Parameters<typeof addTypeDocs>[0] };
    addTypeDocs(schema.types ?? {}, path.join(packageDir, "index.ts"), { EndpointFeature: featureDescriptions() });
    return JSON.stringify(schema, null, 2) + "\n";
}

if (require.main === module) {
    renderSchema().then(
        (text) => {
            fs.writeFileSync(schemaPath, text);
            const resources = Object.keys((JSON.parse(text) as { resources: Record<string, unknown> }).resources);
            console.log(`wrote ${path.relative(process.cwd(), schemaPath)}: ${resources.length} components (${resources.join(", ")})`);
        },
        (err) => {
            console.error(`schema: ${err instanceof Error ? err.message : String(err)}`);
            process.exit(1);
        },
    );
}
