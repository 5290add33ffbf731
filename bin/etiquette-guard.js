#!/usr/bin/env node
"use strict";
// Thin entry: the CLI is compiled to lib/ by `npm ci` (the `prepare` script).
let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("etiquette-guard: the CLI is not built yet. Run `npm ci` (or `npm run build:cli`) in the project folder.\n");
    process.exit(2);
  }
  throw error;
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`etiquette-guard: ${error && error.message ? error.message : error}\n`);
    process.exitCode = 2;
  },
);
