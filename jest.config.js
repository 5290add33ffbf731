/**
 * Jest projects (style.md 2.6): `core` runs pure code and the CLI in Node, `office` runs the
 * Office adapter and the on-send handler against office-addin-mock in Node, `ui` runs React
 * components in jsdom, `server` runs the policy server in Node.
 */
const tsJest = ["ts-jest", { diagnostics: false }];
const common = {
  transform: { "^.+\\.tsx?$": tsJest, "\\.eml$": "<rootDir>/test/raw-text-transform.js" },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

module.exports = {
  // No test here is a timing test (speed is measured by `npm run bench`): cases that run the built
  // bundle in a VM or axe-core over the pane took over Jest's default 5 s on a busy 2-core machine.
  testTimeout: 20_000,
  projects: [
    {
      ...common,
      displayName: "core",
      testEnvironment: "node",
      testMatch: ["<rootDir>/src/core/**/*.test.ts", "<rootDir>/src/cli/**/*.test.ts", "<rootDir>/test/core/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "office",
      testEnvironment: "node",
      testMatch: ["<rootDir>/src/office/**/*.test.ts", "<rootDir>/src/launchevent/**/*.test.ts", "<rootDir>/test/office/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "ui",
      testEnvironment: "jsdom",
      setupFiles: ["<rootDir>/test/ui/jsdom-setup.ts"],
      testMatch: ["<rootDir>/src/taskpane/**/*.test.tsx", "<rootDir>/src/admin/**/*.test.tsx", "<rootDir>/src/simulator/**/*.test.ts?(x)", "<rootDir>/test/ui/**/*.test.tsx"],
    },
    {
      ...common,
      displayName: "server",
      testEnvironment: "node",
      testMatch: ["<rootDir>/src/server/**/*.test.ts", "<rootDir>/test/server/**/*.test.ts"],
    },
  ],
};
