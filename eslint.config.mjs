// Lint with type information: @pulumi/eslint-plugin catches Outputs interpolated into template literals
// (the value is not known yet; use pulumi.interpolate), which type checking alone lets through.
import pulumi from "@pulumi/eslint-plugin";
import tseslint from "typescript-eslint";

// typescript-eslint's typed recommended set (recommendedTypeChecked) everywhere: shipped code, the offline plan,
// the stack, scripts, bench and the tests without exceptions (values of no declared type are `unknown`, narrowed
// where read; JSON a test reads has a declared shape).
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
);
