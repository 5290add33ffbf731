#!/usr/bin/env node
/**
 * Runs a blind probe through the real engine (lib/core, built by `npm run build:cli`) with the
 * default policy, as eval.js runs the corpus, and prints what it got wrong.
 *
 * A probe is a folder with `mails.jsonl` (one text a line: `id`, `family`, `label` — calm,
 * heated, abusive or chain — optional `subject`, and `text`) and `LABELS.sha256`, the sha256 of
 * mails.jsonl written when the labels were fixed, before the probe was first run. The run
 * stops when the file no longer matches it: labels are not changed after a result is seen.
 * Probes are written without reading the detection code, the corpus or its tests, and are never
 * trained on nor used to choose a sign (tools/detect/probes/README.md).
 *
 * Usage: node tools/detect/probe.js PROBE_DIR [--root CHECKOUT] [--out results.jsonl] [--misses]
 *   --root    the checkout whose lib/core is run (default: this one), to compare two versions
 *   --out     writes one line per text: id, label, rules that reported, right or wrong
 *   --misses  also prints each text got wrong, with the rules that reported
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createHash } = require("node:crypto");
const { draftOfRow } = require("./common");

const USAGE = "Usage: node tools/detect/probe.js PROBE_DIR [--root CHECKOUT] [--out results.jsonl] [--misses]";
const LABEL_RULES = {
  abusive: ["no-abusive-language", "no-offensive-forward"],
  chain: ["no-chain-mail"],
  heated: ["no-heated-tone", "no-abusive-language", "no-offensive-forward"],
};
const JUDGED = ["no-abusive-language", "no-offensive-forward", "no-chain-mail", "no-heated-tone"];

/**
 * Reads the command line.
 * @param {string[]} args
 * @returns {{ dir: string, root: string, out?: string, misses: boolean }}
 */
function parseArgs(args) {
  const opts = { dir: "", root: path.join(__dirname, "../.."), out: undefined, misses: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--root" || a === "--out") {
      const v = args[++i];
      if (v === undefined || v.startsWith("--")) fail(`${a} needs a value`);
      if (a === "--root") opts.root = path.resolve(v);
      else opts.out = path.resolve(v);
    } else if (a === "--misses") opts.misses = true;
    else if (a === "--help" || a === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith("--")) fail(`unknown argument "${a}"`);
    else if (opts.dir === "") opts.dir = path.resolve(a);
    else fail(`one probe folder only, not also "${a}"`);
  }
  if (opts.dir === "") fail("which probe folder?");
  return opts;
}

/** Stops with the reason and the usage. */
function fail(why) {
  process.stderr.write(`probe: ${why}\n${USAGE}\n`);
  process.exit(2);
}

/**
 * The probe's texts, after checking them against the sha256 written when the labels were fixed.
 * @param {string} dir
 * @returns {Array<{ id: string, family: string, label: string, subject?: string, text: string }>}
 */
function readProbe(dir) {
  const file = path.join(dir, "mails.jsonl");
  if (!fs.existsSync(file)) fail(`${file} not found`);
  const raw = fs.readFileSync(file);
  const shaFile = path.join(dir, "LABELS.sha256");
  if (!fs.existsSync(shaFile)) fail(`${shaFile} not found: write the sha256 of mails.jsonl when the labels are fixed`);
  const want = fs.readFileSync(shaFile, "utf8").trim().split(/\s+/)[0];
  const got = createHash("sha256").update(raw).digest("hex");
  if (want !== got) fail(`mails.jsonl has changed since its labels were fixed (sha256 ${got}, recorded ${want})`);
  const rows = [];
  raw.toString("utf8").split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let row;
    try {
      row = JSON.parse(line);
    } catch (e) {
      fail(`mails.jsonl line ${i + 1} is not JSON: ${e.message}`);
    }
    for (const key of ["id", "family", "label", "text"]) if (typeof row[key] !== "string") fail(`mails.jsonl line ${i + 1} has no string "${key}"`);
    if (!["calm", "heated", "abusive", "chain"].includes(row.label)) fail(`mails.jsonl line ${i + 1}: label "${row.label}" is not calm, heated, abusive or chain`);
    rows.push(row);
  });
  return rows;
}

/**
 * Whether the engine's findings are right for the text's label: calm texts get none of the
 * judged rules; the others get one of their label's rules.
 * @param {string} label
 * @param {Set<string>} ids - the rules that reported
 */
function isRight(label, ids) {
  if (label === "calm") return !JUDGED.some((id) => ids.has(id));
  return LABEL_RULES[label].some((id) => ids.has(id));
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const rows = readProbe(opts.dir);
  const core = require(path.join(opts.root, "lib/core/index.js"));
  const policy = core.normalizePolicy(core.defaultPolicyDocument(), core.rules);
  const results = rows.map((row) => {
    const report = core.checkDraft(core.parseDraft(draftOfRow({ subject: row.subject, text: row.text })), policy);
    const ids = new Set(report.findings.map((f) => f.ruleId));
    const rules = JUDGED.filter((id) => ids.has(id)).map((id) => `${id}:${report.findings.find((f) => f.ruleId === id).severity}`);
    return { id: row.id, family: row.family, label: row.label, rules, right: isRight(row.label, ids) };
  });
  if (opts.out) fs.writeFileSync(opts.out, results.map((r) => JSON.stringify(r)).join("\n") + "\n");
  const table = new Map();
  for (const r of results) {
    const key = `${r.label}|${r.family}`;
    const t = table.get(key) ?? { n: 0, wrong: 0 };
    t.n++;
    if (!r.right) t.wrong++;
    table.set(key, t);
  }
  const out = [`Probe ${path.basename(opts.dir)}: ${results.length} texts, run on ${opts.root}`, "", "| label | family | wrong | n |", "| --- | --- | ---: | ---: |"];
  for (const label of ["calm", "heated", "abusive", "chain"]) {
    const keys = [...table.keys()].filter((k) => k.startsWith(`${label}|`)).sort();
    if (keys.length === 0) continue;
    const all = results.filter((r) => r.label === label);
    out.push(`| ${label} | **all** | ${all.filter((r) => !r.right).length} | ${all.length} |`);
    for (const k of keys) out.push(`| ${label} | ${k.slice(label.length + 1)} | ${table.get(k).wrong} | ${table.get(k).n} |`);
  }
  if (opts.misses) {
    out.push("", "Wrong:");
    for (const r of results.filter((x) => !x.right)) out.push(`  ${r.id} (${r.label}, ${r.family}): ${r.rules.join(", ") || "nothing"}`);
  }
  process.stdout.write(out.join("\n") + "\n");
}

main();
