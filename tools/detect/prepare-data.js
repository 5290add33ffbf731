#!/usr/bin/env node
/**
 * Turns the public data sets fetched with the `fetch` tool into one compact training file,
 * tools/detect/data/train.jsonl.gz, and records what was used in tools/detect/DATA-MANIFEST.json
 * (key "datasets"; the "lexicons" key belongs to the lexicon work and is kept as it is).
 *
 * Deterministic: rows are read in file order, labels mapped by the rules below, the output is
 * sorted by id and gzipped with a fixed header (no time stamp), so the same inputs give the
 * same bytes.
 *
 * Sources (licences read in the fetched repositories):
 * - CMUSTRUDEL/toxicity-detector, data/training/{train_comments,train_issues,labeled_test_issues}.csv
 *   (MIT): GitHub issue comments and issues labelled toxic y/n. Mapping: toxic → heated; toxic and containing a swear word or
 *   insult (ABUSE below) → abusive as well; not toxic → clean (all labels 0).
 *
 * Usage: node tools/detect/prepare-data.js [--mirror /work/.mirror]
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createHash } = require("node:crypto");
const zlib = require("node:zlib");
const { execFileSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(__dirname, "data/train.jsonl.gz");
const MANIFEST = path.join(__dirname, "DATA-MANIFEST.json");
const argMirror = process.argv.indexOf("--mirror");
const MIRROR = argMirror > 0 ? process.argv[argMirror + 1] : "/work/.mirror";

/** Swear words and insults that make a toxic comment abusive rather than only heated. */
const ABUSE = /\b(fuck\w*|shit\w*|bullshit|crap\w*|asshole\w*|arsehole\w*|bastard\w*|bitch\w*|cunt\w*|dick\w*|prick\w*|twat\w*|wank\w*|idiot\w*|moron\w*|retard\w*|stupid|dumb\w*|scum|piss\w*|damn\w*|sucks?)\b/i;
const MAX_CHARS = 1200;
const FILES = ["data/training/train_comments.csv", "data/training/train_issues.csv", "data/training/labeled_test_issues.csv"];

/**
 * A small RFC 4180 CSV parser (quoted fields, doubled quotes, newlines inside quotes).
 * @param {string} text
 * @returns {string[][]}
 */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

function gitShow(repoDir, rev, file) {
  return execFileSync("git", ["--git-dir", repoDir, "show", `${rev}:${file}`], { maxBuffer: 1 << 28 });
}
function gitHead(repoDir) {
  return execFileSync("git", ["--git-dir", repoDir, "rev-parse", "HEAD"]).toString().trim();
}
function clean(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim().slice(0, MAX_CHARS);
}

function strudel() {
  const repo = "CMUSTRUDEL/toxicity-detector";
  const dir = path.join(MIRROR, "CMUSTRUDEL+toxicity-detector/repo");
  const commit = gitHead(dir);
  const licence = gitShow(dir, commit, "LICENSE").toString();
  if (!/^MIT License/.test(licence)) throw new Error(`${repo}: LICENSE is not MIT any more; check it before using the data`);
  const out = [];
  const seen = new Set();
  const manifests = [];
  for (const file of FILES) {
  const bytes = gitShow(dir, commit, file);
  const rows = parseCsv(bytes.toString("utf8"));
  const head = rows[0];
  const iId = head.indexOf("_id"), iTox = head.indexOf("toxicity");
  const iText = head.includes("text") ? head.indexOf("text") : head.indexOf("total_text");
  const iTitle = head.indexOf("title");
  const before = out.length;
  for (const r of rows.slice(1)) {
    if (r.length !== head.length) continue;
    const text = clean(r[iText]);
    if (text.length < 3 || seen.has(text)) continue;
    seen.add(text);
    const toxic = r[iTox] === "y";
    const id = `strudel:${file.includes("comments") ? "c" : "i"}:${r[iId]}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({
      id,
      source: "strudel",
      group: id,
      subject: iTitle >= 0 ? clean(r[iTitle]).slice(0, 200) : "",
      text,
      abusive: toxic && ABUSE.test(text) ? 1 : 0,
      chain: 0,
      heated: toxic ? 1 : 0,
    });
  }
  manifests.push({
    source: "strudel",
    repository: `https://github.com/${repo}`,
    commit,
    file,
    licence: "MIT",
    sha256: createHash("sha256").update(bytes).digest("hex"),
    rowsUsed: out.length - before,
    mapping: "toxicity=y → heated (and abusive when it contains a swear word or insult); toxicity=n → clean",
  });
  }
  return { rows: out, manifests };
}

function main() {
  const parts = [strudel()];
  const rows = parts.flatMap((p) => p.rows).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const jsonl = rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, zlib.gzipSync(Buffer.from(jsonl), { level: 9 }));
  let manifest = {};
  if (fs.existsSync(MANIFEST)) manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8"));
  manifest.datasets = parts.flatMap((p) => p.manifests);
  manifest.datasetsNotUsed = [
    { source: "GoEmotions", repository: "https://github.com/google-research/google-research", reason: "The repository snapshot (1.1 GB) is larger than the fetch tool allows and no mirror with the same Apache-2.0 licence was found in the time; not used." },
    { source: "ToxiCR", repository: "https://github.com/WSU-SEAL/ToxiCR", reason: "GPL-3.0: weights trained on it could be argued to be a derived work that would have to ship under the GPL with the add-in; left out." },
  ];
  fs.writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + "\n");
  const counts = rows.reduce((c, r) => { c.n++; c.heated += r.heated; c.abusive += r.abusive; return c; }, { n: 0, heated: 0, abusive: 0 });
  process.stdout.write(`${path.relative(ROOT, OUT)}: ${counts.n} rows (${counts.heated} heated, ${counts.abusive} abusive)\n`);
}

main();
