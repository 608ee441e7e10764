// Lint with type information: @pulumi/eslint-plugin catches Outputs interpolated into template literals
// (the value is not known yet; use pulumi.interpolate), which type checking alone lets through.
import pulumi from "@pulumi/eslint-plugin";
import tseslint from "typescript-eslint";

// typescript-eslint's typed recommended set (recommendedTypeChecked) everywhere: shipped code, the offline plan,
// the stack, scripts and bench without exceptions (values of no declared type are `unknown`, narrowed where read).
export default tseslint.config(
    { ignores: ["node_modules/**", "coverage/**", "dist/**", "policy/dist/**", "**/bin/**"] },
    { linterOptions: { reportUnusedDisableDirectives: "error" } },
    ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ["**/*.ts"] })),
    {
        files: ["**/*.ts"],
        languageOptions: {
            parser: tseslint.parser,
            parserOptions: { project: "./tsconfig.json", tsconfigRootDir: import.meta.dirname },
        },
        plugins: { "@pulumi": pulumi, "@typescript-eslint": tseslint.plugin },
        rules: {
            "@pulumi/no-output-in-template-literal": "error",
            "@pulumi/no-output-instance-in-template-literal": "error",
            // Promises the program drops are failures nobody sees (pulumi.log.* returns one too).
            "@typescript-eslint/no-floating-promises": "error",
            "@typescript-eslint/no-misused-promises": "error",
            "@typescript-eslint/await-thenable": "error",
        },
    },
    {
        // Tests read plans, mock records, stack outputs and gRPC replies as the JSON they are, deep and untyped, and
        // load some modules lazily with require (fixtures run as programs, SDK internals, the built package), so the
        // `any` family and require imports are allowed there; every other rule of the set applies to tests too.
        files: ["tests/**/*.ts", "**/*.test.ts"],
        rules: {
            "@typescript-eslint/no-explicit-any": "off",
            "@typescript-eslint/no-unsafe-argument": "off",
            "@typescript-eslint/no-unsafe-assignment": "off",
            "@typescript-eslint/no-unsafe-call": "off",
            "@typescript-eslint/no-unsafe-member-access": "off",
            "@typescript-eslint/no-unsafe-return": "off",
            "@typescript-eslint/no-require-imports": "off",
        },
    },
);
