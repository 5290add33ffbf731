#!/usr/bin/env node
/**
 * Prepares the sentiment lexicon the detection model reads as features (features.ts): the
 * negative words of AFINN-165 (Finn Årup Nielsen and Technical University of Denmark,
 * Apache-2.0), fetched as a git mirror of fnielsen/afinn. Deterministic: same source commit,
 * same files.
 *
 *   node tools/detect/lexicon/prepare-sentiment.js [path-to-fnielsen+afinn git dir]
 *
 * Writes
 * - tools/detect/lexicon/afinn-negative.tsv: the single words scored below 0 (word, tab, score),
 *   sorted; the prepared copy the model is built from (phrases of several words are left out:
 *   the model's features look at one word at a time);
 * - src/core/detect/model/sentiment.json: what ships, one set of word keys (features.ts
 *   `lexiconKey`: 24 bits of the hash of "u:" + word, as features.ts hashes a word) per strength: mild (-1), negative (-2), strong
 *   (-3 to -5), each Rice-coded like the model's weights (tools/detect/train.js `encodeSet`);
 * and records the source under "sentiment" in tools/detect/DATA-MANIFEST.json.
 */
"use strict";
const { execFileSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { ROOT, loadTs } = require("../common");
const { encodeSet } = require("../train");

const GIT_DIR = process.argv[2] ?? "/work/.mirror/fnielsen+afinn/repo";
const FILE = "afinn/data/AFINN-en-165.txt";
const TSV = path.join(__dirname, "afinn-negative.tsv");
const OUT = path.join(ROOT, "src/core/detect/model/sentiment.json");
const MANIFEST = path.join(ROOT, "tools/detect/DATA-MANIFEST.json");

/** Strength of a score, as the sets in sentiment.json are named. */
const strengthOf = (score) => (score <= -3 ? "strong" : score === -2 ? "negative" : "mild");

function prepareTsv() {
  const commit = execFileSync("git", ["--git-dir", GIT_DIR, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  const raw = execFileSync("git", ["--git-dir", GIT_DIR, "show", `HEAD:${FILE}`]);
  const rows = raw.toString("utf8").split("\n").filter(Boolean).map((l) => l.split("\t"));
  const kept = rows.filter(([w, s]) => Number(s) < 0 && /^[a-z][a-z'-]*$/.test(w)).map(([w, s]) => [w, Number(s)]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  fs.writeFileSync(TSV, kept.map(([w, s]) => `${w}\t${s}`).join("\n") + "\n");
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8"));
  manifest.sentiment = [
    {
      source: "AFINN-165",
      repository: "https://github.com/fnielsen/afinn",
      commit,
      file: FILE,
      licence: "Apache-2.0 (LICENSE of the repository; COPYRIGHT: Finn Årup Nielsen and Technical University of Denmark)",
      sha256: createHash("sha256").update(raw).digest("hex"),
      rowsInFile: rows.length,
      rowsUsed: kept.length,
      output: "tools/detect/lexicon/afinn-negative.tsv → src/core/detect/model/sentiment.json",
      mapping: "single words scored below 0; -1 → mild, -2 → negative, -3 to -5 → strong; stored as hashed word buckets that the model reads as features (features.ts), never shown to staff",
    },
  ];
  fs.writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + "\n");
  return kept;
}

function main() {
  const kept = fs.existsSync(GIT_DIR) ? prepareTsv() : fs.readFileSync(TSV, "utf8").split("\n").filter(Boolean).map((l) => [l.split("\t")[0], Number(l.split("\t")[1])]);
  const { lexiconKey } = loadTs("src/core/detect/features.ts");
  const sets = {};
  for (const strength of ["mild", "negative", "strong"]) {
    const buckets = [...new Set(kept.filter(([, s]) => strengthOf(s) === strength).map(([w]) => lexiconKey(w)))].sort((a, b) => a - b);
    sets[strength] = encodeSet(buckets);
  }
  fs.writeFileSync(OUT, JSON.stringify({ source: "AFINN-165 (Apache-2.0), see tools/detect/DATA-MANIFEST.json", sets }) + "\n");
  process.stdout.write(`${path.relative(ROOT, OUT)}: ${kept.length} words\n`);
}

main();
