// The package as other Pulumi languages see it: the schema the Node SDK's ComponentProvider infers (what
// `pulumi package add` generates Python, Go, .NET, Java and YAML SDKs from), the committed schema.json, and a
// component constructed through the provider as a non-TypeScript program would construct it.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { type ComponentProvider, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import * as library from "../index";
import { mockAws, valueOf } from "../plan/mocks";
import { packageComponents, packageDir, packageProvider, providerName, renderSchema, schemaPath } from "../scripts/schema";
import { declaredComponent } from "./support/componentSource";

const PKG = "eks-private-access";
const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

interface PropertySpec {
    description?: string;
    [key: string]: unknown;
}
interface ResourceSpec {
    isComponent: boolean;
    inputProperties: Record<string, PropertySpec>;
    requiredInputs: string[];
    properties: Record<string, PropertySpec>;
    description?: string;
}
interface Schema {
    name: string;
    resources: Record<string, ResourceSpec>;
    types: Record<string, { type: string; description?: string; enum?: { name?: string; value: string; description?: string }[]; properties?: Record<string, PropertySpec> }>;
}

/** The component classes index.ts exports, found from the module's runtime exports (not by the SDK's walker). */
function exportedComponentNames(): string[] {
    return Object.entries(library as Record<string, unknown>)
        .filter(([, v]) => typeof v === "function" && (v).prototype instanceof pulumi.ComponentResource)
        .map(([k]) => k)
        .sort();
}

/** A file of the compiled package, loaded as run-plugin loads the package (CommonJS). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built package (dist/), at paths known only at run time; import() would wrap it as an ES module namespace
const requireBuilt = (file: string): unknown => require(file);

describe("package schema (pulumi package add)", function () {
    this.timeout(180_000);
    let provider: ComponentProvider;
    let text: string;
    let schema: Schema;
    let components: string[];

    before(async () => {
        provider = packageProvider();
        text = await renderSchema(provider);
        schema = JSON.parse(text) as Schema;
        components = exportedComponentNames();
    });

    it("the plugin entry: package.json's main is the compiled plugin run-plugin calls, serving every component", () => {
        // run-plugin requires the package directory; a main exporting ComponentResource subclasses would get the
        // SDK's analysing host, a main exporting a function is called (cmd/run-plugin/run.js). Ours is the
        // compiled function that starts the provider over the prebuilt schema (tests/plugin.test.ts runs it).
        const main = require.resolve(packageDir);
        assert.strictEqual(main, path.join(packageDir, "dist", "plugin.js"));
        const entry = requireBuilt(main);
        assert.strictEqual(typeof entry, "function");
        assert.deepStrictEqual(getPulumiComponents(entry), []);
        // The library it constructs from (dist/index.js) exports the same components the schema is built from.
        const compiled = requireBuilt(path.join(packageDir, "dist", "index.js")) as Record<string, unknown>;
        assert.deepStrictEqual(getPulumiComponents(compiled).map((c) => c.name).sort(), components);
        assert.deepStrictEqual(packageComponents().map((c) => c.name).sort(), components);
        assert.strictEqual(providerName(), PKG);
    });

    it("names the package after package.json and serves every component index.ts exports", () => {
        assert.strictEqual(schema.name, PKG);
        assert.ok(components.includes("ClusterEndpointAccess"), `index.ts exports ${components.join(", ")}`);
        assert.deepStrictEqual(Object.keys(schema.resources).sort(), components.map((c) => `${PKG}:index:${c}`));
        for (const c of components) assert.strictEqual(schema.resources[`${PKG}:index:${c}`].isComponent, true, c);
    });

    it("each component's inputs and outputs are its Args properties and public fields, with their doc comments", () => {
        const byName = (list: { name: string; description: string }[]) =>
            list.map(({ name, description }) => ({ name, description })).sort((x, y) => x.name.localeCompare(y.name));
        for (const c of components) {
            const declared = declaredComponent(path.join(packageDir, "index.ts"), c);
            const spec = schema.resources[`${PKG}:index:${c}`];
            const inSchema = (props: Record<string, PropertySpec>) => byName(Object.entries(props).map(([name, p]) => ({ name, description: p.description ?? "" })));
            assert.deepStrictEqual(inSchema(spec.inputProperties), byName(declared.inputs), `${c} inputs (${declared.argsInterface})`);
            assert.deepStrictEqual(inSchema(spec.properties), byName(declared.outputs), `${c} outputs`);
            assert.deepStrictEqual(spec.requiredInputs, declared.inputs.filter((i) => !i.optional).map((i) => i.name).sort(), `${c} required inputs`);
            const undocumented = [...declared.inputs.map((m) => ({ ...m, kind: "input" })), ...declared.outputs.map((m) => ({ ...m, kind: "output" }))]
                .filter((m) => m.description === "")
                .map((m) => `${m.kind} ${m.name}`);
            assert.deepStrictEqual(undocumented, [], `${c}: every arg and output needs a doc comment (it is the generated SDKs' documentation)`);
        }
    });

    it("ClusterEndpointAccess: enums become schema enums, decisive args are plain, ids are Inputs", () => {
        const spec = schema.resources[`${PKG}:index:ClusterEndpointAccess`];
        assert.deepStrictEqual(spec.inputProperties.mode, {
            $ref: `#/types/${PKG}:index:EndpointAccessMode`,
            plain: true,
            description: 'Which endpoints the API server exposes: "public" (EKS\'s default), "public-and-private" or "private".',
        });
        assert.deepStrictEqual(
            schema.types[`${PKG}:index:EndpointAccessMode`].enum!.map((m) => m.value),
            ["public", "public-and-private", "private"],
        );
        assert.deepStrictEqual(schema.types[`${PKG}:index:IpFamily`].enum!.map((m) => m.value), ["ipv4", "ipv6"]);
        assert.strictEqual(spec.inputProperties.vpcId.plain, undefined, "vpcId takes another resource's output");
        assert.deepStrictEqual(spec.inputProperties.allowedSecurityGroups.additionalProperties, { type: "string" });
        assert.deepStrictEqual(spec.properties.vpcConfig.$ref, `#/types/${PKG}:index:EndpointVpcConfig`);
        assert.deepStrictEqual(spec.requiredInputs, ["mode"]);
    });

    it("every type and every enum value has a description from its doc comment (the analyser leaves most out)", () => {
        const undocumented = Object.entries(schema.types).flatMap(([token, t]) => [
            ...(t.description ? [] : [token]),
            ...(t.enum ?? []).filter((e) => !e.description).map((e) => `${token} ${e.value}`),
        ]);
        assert.deepStrictEqual(undocumented, []);
        assert.strictEqual(schema.types[`${PKG}:index:EndpointVpcConfig`].description, "The endpoint settings in the shape of aws.eks.Cluster's vpcConfig (add subnetIds and securityGroupIds).");
        assert.deepStrictEqual(schema.types[`${PKG}:index:IpFamily`].enum, [
            { name: "Ipv4", value: "ipv4", description: "IPv4 pods and services (EKS's default)." },
            { name: "Ipv6", value: "ipv6", description: "IPv6 pods and services, on a dual-stack VPC." },
        ]);
    });

    it("every $ref points at a type the schema defines", () => {
        const refs = [...text.matchAll(/"\$ref": "#\/types\/([^"]+)"/g)].map((m) => m[1]);
        assert.deepStrictEqual(refs.filter((r) => !(r in schema.types)), []);
    });

    it("schema.json is current (regenerate with `npm run schema`)", () => {
        const committed = fs.existsSync(schemaPath) ? fs.readFileSync(schemaPath, "utf8") : "";
        assert.ok(committed === text, "schema.json is stale: run `npx tsx scripts/schema.ts` (npm run schema) and commit it");
    });

    describe("construct through the ComponentProvider (how a Python, Go, .NET or YAML program creates it)", () => {
        const token = `${PKG}:index:ClusterEndpointAccess`;

        it("creates the component and its rules, and returns every schema output", async () => {
            // The provider host hands over values that depend on other resources as Outputs, plain values as they are.
            const inputs = {
                mode: "private",
                vpcId: pulumi.output("vpc-0a1b2c3d4e5f60718"),
                clusterSecurityGroupId: pulumi.output("sg-0c1d2e3f4a5b6c7d8"),
                allowedCidrs: ["10.20.0.0/16"],
            };
            const result = await provider.construct("from-python", token, inputs, {});
            const outputs = Object.keys(schema.resources[token].properties);
            assert.deepStrictEqual(Object.keys(result.state), outputs);
            assert.strictEqual(await valueOf(result.urn), `urn:pulumi:test::eks-private-access::${token}::from-python`);
            assert.deepStrictEqual(await valueOf(result.state.vpcConfig), { endpointPublicAccess: false, endpointPrivateAccess: true });
            assert.deepStrictEqual(await valueOf(result.state.ingressRuleIds), {
                "from-python-api-tcp443-from-10-20-0-0-16": mockAws().get(RULE, "from-python-api-tcp443-from-10-20-0-0-16").id,
            });
            const rule = mockAws().get(RULE, "from-python-api-tcp443-from-10-20-0-0-16");
            assert.strictEqual(rule.parent, `urn:pulumi:test::eks-private-access::${token}::from-python`);
            assert.deepStrictEqual(
                { securityGroupId: rule.inputs.securityGroupId, cidrIpv4: rule.inputs.cidrIpv4, fromPort: rule.inputs.fromPort, toPort: rule.inputs.toPort },
                { securityGroupId: "sg-0c1d2e3f4a5b6c7d8", cidrIpv4: "10.20.0.0/16", fromPort: 443, toPort: 443 },
            );
            assert.deepStrictEqual(mockAws().calls.map((c) => c.token), ["aws:ec2/getVpc:getVpc", "aws:ec2/getVpcDhcpOptions:getVpcDhcpOptions"]);
        });

        it("a bad plain input fails construct with the component's message and registers nothing", async () => {
            await assert.rejects(
                provider.construct("bad", token, { mode: "private", publicAccessCidrs: ["10.0.0.0/8"] }, {}),
                (e: Error) => e.message.startsWith('ClusterEndpointAccess "bad": publicAccessCidrs: only applies when the public endpoint is on'),
            );
            assert.deepStrictEqual([...mockAws().resources.values()].filter((r) => r.name === "bad"), []);
        });

        it("rejects a type outside the package", async () => {
            await assert.rejects(provider.construct("x", "other:index:ClusterEndpointAccess", {}, {}), {
                message: `Invalid package name other, expected '${PKG}'`,
            });
        });
    });
});
