/**
 * ESLint flat config. Besides the recommended TypeScript rules it enforces the architecture's
 * boundaries (style.md 2.5): the core is pure (no Office, DOM or Node built-ins), Office.js is
 * touched only in src/office and the bootstraps, and no console.log is left behind.
 */
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const globals = require("globals");

const nodeBuiltins = require("module").builtinModules.flatMap((m) => [m, `node:${m}`]);

/**
 * Layers (issue 11 item 22): each folder of src/ imports only from the folders below it. The
 * simulator stands in for Outlook, so it may load the add-in through office/taskpane-loader.
 */
const MAY_IMPORT = {
  core: [],
  office: ["core"],
  launchevent: ["office", "core"],
  taskpane: ["office", "core"],
  server: ["core"],
  cli: ["server", "core"],
  admin: ["core"],
  simulator: ["office", "core"],
};
/** @param {string} layer @returns {string[]} import patterns the layer must not use */
const upwards = (layer) =>
  Object.keys(MAY_IMPORT)
    .filter((other) => other !== layer && !MAY_IMPORT[layer].includes(other))
    .flatMap((other) => [`**/${other}`, `**/${other}/**`]);
const layerMessage = "Imports point downwards only (core <- office <- launchevent/taskpane; core <- server <- cli; core <- admin): move what both sides need to the lower layer.";

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
        { paths: nodeBuiltins, patterns: [{ group: upwards("core"), message: layerMessage }, { group: ["react", "react-dom"] }] },
      ],
    },
  },
  ...Object.keys(MAY_IMPORT)
    .filter((layer) => layer !== "core")
    .map((layer) => ({
      files: [`src/${layer}/**/*.{ts,tsx}`],
      // Tests may check a contract across layers (e.g. the pane's events against the server's validator).
      ignores: ["src/**/*.test.{ts,tsx}"],
      rules: { "no-restricted-imports": ["error", { patterns: [{ group: upwards(layer), message: layerMessage }] }] },
    })),
  {
    files: ["src/cli/**/*.ts", "src/server/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/admin/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx"],
    rules: { "no-restricted-globals": ["error", "Office", "OfficeRuntime"] },
  },
);
