#!/usr/bin/env node
/**
 * A fingerprint of every finding the engine gives on every corpus row (all splits, all sources),
 * for changes that must not change any finding (speed work, bundle layout): run it before and after
 * and compare the two lines. Prints the number of rows, of findings, and a sha256 of the findings
 * (rule, severity, message, field, evidence, range) in row order. Reads lib/ (npm run build:cli).
 * Prints no e-mail text.
 *
 * Usage: node tools/detect/digest.js [--by-rule]
 */
"use strict";
const path = require("node:path");
const { createHash } = require("node:crypto");
const { ROOT, loadRows, draftOfRow } = require("./common");

const core = require(path.join(ROOT, "lib/core/index.js"));

function main() {
  const byRule = process.argv.includes("--by-rule");
  const rows = loadRows().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const policy = core.defaultPolicy();
  const all = createHash("sha256");
  const perRule = new Map();
  let findings = 0;
  for (const row of rows) {
    const draft = core.parseDraft(draftOfRow(row));
    for (const f of core.checkDraft(draft, policy).findings) {
      findings++;
      const line = JSON.stringify([row.id, f.ruleId, f.severity, f.messageId, f.message, f.field, f.evidence, f.range ?? null]);
      all.update(line + "\n");
      if (byRule) {
        if (!perRule.has(f.ruleId)) perRule.set(f.ruleId, { n: 0, hash: createHash("sha256") });
        const r = perRule.get(f.ruleId);
        r.n++;
        r.hash.update(line + "\n");
      }
    }
  }
  process.stdout.write(`${rows.length} rows, ${findings} findings, ${all.digest("hex").slice(0, 16)}\n`);
  for (const [id, r] of [...perRule].sort()) process.stdout.write(`  ${id}: ${r.n} ${r.hash.digest("hex").slice(0, 16)}\n`);
}

main();
