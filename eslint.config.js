// ESLint (flat config) for the TypeScript in src, scripts, bench, test and conformance.
// Type-aware: typescript-eslint's recommendedTypeChecked rules, with the TypeScript program
// from tsconfig.json (projectService). `npm run lint` runs it with --max-warnings 0.
import js from "@eslint/js";
import globals from "globals";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    // Build output, generated code (checked by the drift gate instead) and reports are not linted.
    // examples/consumer is a project of its own that imports the package by name once installed: test/package.test.ts type-checks and runs it on the packed package.
    ignores: ["dist/**", "generated/**", "reports/**", "node_modules/**", "bench/results/**", "examples/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unnecessary-condition": "error",
      "@typescript-eslint/prefer-nullish-coalescing": "error",
      "@typescript-eslint/prefer-optional-chain": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/return-await": ["error", "in-try-catch"],
      // Forwarding an abort reason or a caught value unchanged is the platform's convention (fetch does it).
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingAny: true, allowThrowingUnknown: true }],
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["test/**/*.ts", "conformance/**/*.ts"],
    rules: {
      // vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any` by design.
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" }, // CommonJS by design (see src/mock/lifeline.cjs)
  },
);
