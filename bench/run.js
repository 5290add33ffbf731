#!/usr/bin/env node
/**
 * `npm run bench`: runs every bench/*.bench.js (each exports `async run()` returning
 * `{ section, rows: [{ metric, value, unit, target? }] }`), prints one table per section and
 * then all results as JSON (also written to artifacts/bench.json).
 */
"use strict";
const fs = require("fs");
const path = require("path");

function formatValue(v) {
  if (typeof v !== "number") return String(v);
  if (Number.isInteger(v)) return String(v);
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(3);
}

function table(section, rows) {
  const head = ["metric", "value", "unit", "target", "ok"];
  const body = rows.map((r) => [r.metric, formatValue(r.value), r.unit || "", r.target || "", r.pass === undefined ? "" : r.pass ? "yes" : "NO"]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
  return [`\n${section}`, line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

async function main() {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.js"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const results = [];
  let failed = false;
  for (const file of files) {
    const mod = require(path.join(__dirname, file));
    try {
      const result = await mod.run();
      results.push(result);
      process.stdout.write(`${table(result.section, result.rows)}\n`);
    } catch (error) {
      failed = true;
      results.push({ section: file, error: String(error && error.stack ? error.stack : error) });
      process.stdout.write(`\n${file}: FAILED: ${error && error.message ? error.message : error}\n`);
    }
  }
  const json = JSON.stringify(results, null, 2);
  process.stdout.write(`\nJSON:\n${json}\n`);
  const outDir = path.join(__dirname, "..", "artifacts");
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "bench.json"), json);
  if (failed) process.exitCode = 1;
}

main();
