// The import layering, checked by dependency-cruiser (`npx depcruise --config .dependency-cruiser.cjs .`, and by
// tests/layering.test.ts in `npm run test:unit`, which also checks the file lists below against the sources).
//
//   floors      aws/ (AWS facts: imports only aws/ and shared/errors.ts)  <  shared/ (aws/)  <  adapters/ (aws/, shared/)
//   domains     apiEndpoint/, vpcEndpoints/, hybridDns/ side by side over the floors (each may use the others'
//               pure modules, never their components); privateCluster/ over all three
//   rules/      floors and the domains' pure modules;  policy/ over rules/
//   entry       index.ts, provider.ts, plugin.ts: floors and domains
//   on top      plan/, stack/, scripts/, bench/, examples/, tests/ and every *.test.ts: anything, but no cycles
//
// A component file defines a pulumi.ComponentResource; a builder registers resources for components without
// being one. Everything else under the floors and domains is pure (plans, args, checks) and imports neither.
// Only the composites (PrivateCluster, HybridDnsAccess) construct other components.

/** Files that define a pulumi.ComponentResource (tests/layering.test.ts fails when this list and the sources differ). */
const COMPONENTS = [
    "apiEndpoint/clusterEndpointAccess.ts",
    "vpcEndpoints/privateClusterEndpoints.ts",
    "vpcEndpoints/ecrEndpoints.ts",
    "vpcEndpoints/stsEndpoint.ts",
    "hybridDns/resolverInboundEndpoint.ts",
    "hybridDns/resolverOutboundEndpoint.ts",
    "hybridDns/clusterDnsForwarding.ts",
    "hybridDns/hybridDnsAccess.ts",
    "privateCluster/privateCluster.ts",
];
/** Components that compose other components. */
const COMPOSITES = ["privateCluster/privateCluster.ts", "hybridDns/hybridDnsAccess.ts"];
/** Files that register resources (`new aws.…`) for components without defining one. */
const BUILDERS = ["shared/securityGroupRuleResources.ts", "vpcEndpoints/build.ts", "hybridDns/resolverEndpoint.ts"];

/**
 * Violations that exist today and are being fixed; each entry is one violation as dependency-cruiser reports it
 * (rule, from, to). tests/layering.test.ts fails on any violation not listed here, and on an entry that no longer
 * occurs, so this list only shrinks. Empty it as the fixes land.
 */
const KNOWN_VIOLATIONS = [];

const file = (paths) => `^(${paths.map((p) => p.replace(/[.]/g, "\\.")).join("|")})$`;
const TEST = "\\.test\\.ts$";
const OURS = "^(aws|shared|adapters|apiEndpoint|vpcEndpoints|hybridDns|privateCluster|rules|policy|plan|stack|scripts|bench|examples|tests)/|^[^/]+\\.(ts|json)$";
const FLOORS = "aws|shared|adapters";
const SIBLINGS = "apiEndpoint|vpcEndpoints|hybridDns";
const DOMAINS = `${SIBLINGS}|privateCluster`;
const LOWER = `^(${FLOORS}|${DOMAINS}|rules|policy)/`;
const WIRING = file([...COMPONENTS, ...BUILDERS]);

/** A layer: its files (tests aside) import nothing of ours outside `allowed`. */
const layer = (name, from, allowed, comment) => ({
    name: `layer-${name}`,
    severity: "error",
    comment,
    from: { path: from, pathNot: TEST },
    to: { path: OURS, pathNot: allowed },
});

module.exports = {
    forbidden: [
        { name: "no-circular", severity: "error", comment: "No import cycles anywhere (type-only imports count).", from: {}, to: { circular: true } },
        { name: "not-to-unresolvable", severity: "error", comment: "Every import resolves.", from: {}, to: { couldNotResolve: true } },
        layer("aws", "^aws/", "^aws/|^shared/errors\\.ts$", "aws/ holds AWS facts and imports nothing of ours but aws/ and the one error shape (shared/errors.ts, which imports nothing of ours)."),
        layer("shared", "^shared/", "^(aws|shared)/", "shared/ sits on aws/ only."),
        layer("adapters", "^adapters/", "^(aws|shared|adapters)/", "adapters/ (I/O) sit on aws/ and shared/."),
        layer("domains", `^(${SIBLINGS})/`, `^(${FLOORS}|${SIBLINGS})/`, "apiEndpoint/, vpcEndpoints/, hybridDns/ sit on the floors, side by side."),
        layer("privateCluster", "^privateCluster/", `^(${FLOORS}|${DOMAINS})/`, "privateCluster/ composes the three domains over the floors."),
        layer("rules", "^rules/", `^(${FLOORS}|${DOMAINS}|rules)/`, "Policy rules read the floors and the domains' pure modules."),
        layer("policy", "^policy/", "^(rules|policy)/", "The CrossGuard pack wraps rules/."),
        layer("entry", "^(index|provider|plugin)\\.ts$", `^(${FLOORS}|${DOMAINS})/|^(index|provider|plugin)\\.ts$|^(schema|package)\\.json$`, "The library entry and the plugin: floors and domains, nothing from plan/, stack/ or tests/."),
        {
            name: "pure-imports-no-wiring",
            severity: "error",
            comment: "Pure modules (plans, args, checks) and rules/ import no component and no builder.",
            from: { path: LOWER, pathNot: `${WIRING}|${TEST}` },
            to: { path: WIRING },
        },
        {
            name: "builders-import-no-component",
            severity: "error",
            comment: "Builders turn plans into resources for components; they do not construct components.",
            from: { path: file(BUILDERS) },
            to: { path: file(COMPONENTS) },
        },
        {
            name: "only-composites-compose",
            severity: "error",
            comment: "Only PrivateCluster and HybridDnsAccess construct other components.",
            from: { path: file(COMPONENTS), pathNot: file(COMPOSITES) },
            to: { path: file(COMPONENTS) },
        },
        {
            name: "no-foreign-component",
            severity: "error",
            comment: "A sibling domain never imports another domain's component (privateCluster/ composes them).",
            from: { path: `^(${SIBLINGS})/`, pathNot: TEST },
            to: { path: file(COMPONENTS), pathNot: "^$1/" },
        },
        {
            name: "no-foreign-builder",
            severity: "error",
            comment: "A domain uses its own builders and shared/'s, never another domain's.",
            from: { path: `^(${DOMAINS})/`, pathNot: TEST },
            to: { path: file(BUILDERS), pathNot: "^($1|shared)/" },
        },
        {
            name: "policy-without-provider-sdks",
            severity: "error",
            comment:
                "The policy pack is published and run alone, with @pulumi/policy and @pulumi/pulumi only: nothing rules/ or policy/ reach, however indirectly, loads @pulumi/aws or @pulumi/eks.",
            from: { path: "^(rules|policy)/", pathNot: TEST },
            to: { path: "(^|/)node_modules/@pulumi/(aws|eks)/", reachable: true },
        },
        {
            name: "no-mocks-in-production",
            severity: "error",
            comment: "Only plan/, tests, bench/ and scripts/ use the mocks; production code gets its fakes injected.",
            from: { pathNot: `^(plan|tests|bench|scripts)/|${TEST}` },
            to: { path: "^plan/mocks/|(^|/)@pulumi/pulumi/runtime/mocks(\\.js)?$" },
        },
    ],
    options: {
        doNotFollow: { path: "(^|/)node_modules/" },
        exclude: { path: "(^|/)(dist|coverage|bin)/" },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: "tsconfig.json" },
        // ESM-only packages (eslint.config.mjs imports typescript-eslint) resolve through their "import" export.
        enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
    },
};
// For tests/layering.test.ts; not enumerable, as dependency-cruiser refuses unknown keys in its configuration.
for (const [key, value] of Object.entries({ COMPONENTS, COMPOSITES, BUILDERS, KNOWN_VIOLATIONS })) {
    Object.defineProperty(module.exports, key, { value, enumerable: false });
}
