/**
 * ESLint flat config. Besides the recommended TypeScript rules it enforces the architecture's
 * boundaries (style.md 2.5): the core is pure (no Office, DOM or Node built-ins), Office.js is
 * touched only in src/office and the bootstraps, and no console.log is left behind.
 */
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const globals = require("globals");

const nodeBuiltins = require("module").builtinModules.flatMap((m) => [m, `node:${m}`]);

module.exports = tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "coverage/", "artifacts/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "no-console": ["error", { allow: ["error", "warn"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-globals": ["error", "Office", "OfficeRuntime", "window", "document", "localStorage", "process", "Buffer", "require"],
      "no-restricted-imports": [
        "error",
        { paths: nodeBuiltins, patterns: ["**/office/**", "**/taskpane/**", "**/server/**", "**/cli/**", "react", "react-dom"] },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts", "src/server/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/admin/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx"],
    rules: { "no-restricted-globals": ["error", "Office", "OfficeRuntime"] },
  },
);
