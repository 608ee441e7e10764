// Lint with type information: @pulumi/eslint-plugin catches Outputs interpolated into template literals
// (the value is not known yet; use pulumi.interpolate), which type checking alone lets through.
import pulumi from "@pulumi/eslint-plugin";
import tseslint from "typescript-eslint";

// typescript-eslint's typed recommended set (recommendedTypeChecked). Off until its findings are fixed: on
// 2026-12-07 it reported 963 problems in 107 files, most of them no-unsafe-* on `any` (plan/ 302, rules/ 110,
// tests 445). Set to true to turn it on; the rules below stay on either way.
const TYPED_RECOMMENDED = false;

export default tseslint.config(
    { ignores: ["node_modules/**", "coverage/**", "dist/**", "policy/dist/**", "**/bin/**"] },
    { linterOptions: { reportUnusedDisableDirectives: "error" } },
    ...(TYPED_RECOMMENDED ? tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ["**/*.ts"] })) : []),
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
