#!/usr/bin/env node
/** `npm run docs`: rewrites docs/rules/README.md from the compiled rules' meta (lib/). */
"use strict";
const fs = require("fs");
const path = require("path");
const { rules } = require("../lib/core/rules/index.js");
const { rulesTableMarkdown } = require("../lib/cli/rules-table.js");

const target = path.join(__dirname, "..", "docs", "rules", "README.md");
fs.writeFileSync(target, rulesTableMarkdown(rules));
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
