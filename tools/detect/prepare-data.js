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
 * - GoEmotions (google-research/goemotions, Apache-2.0), read from the mirror
 *   monologg/GoEmotions-pytorch, data/original/{train,dev,test}.tsv (text, label ids, id): Reddit
 *   comments with 28 emotion labels. Mapping (GOEMOTIONS below): anger or annoyance, with no
 *   positive emotion beside it → heated (abusive stays 0: the data set says nothing about abuse);
 *   only calm or positive emotions (neutral, approval, gratitude, caring, curiosity …) and no swear
 *   word or insult → clean;
 *   anything else (disapproval, disgust, disappointment alone, or mixed) is left out as unclear.
 *   Each row keeps GoEmotions' own split (train/dev/test), so no existing row changes split.
 *   Subsampled deterministically (sha256 of the comment id) to keep the file small.
 *
 * Usage: node tools/detect/prepare-data.js [--mirror /work/.mirror]
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createHash } = require("node:crypto");
const zlib = require("node:zlib");
const { execFileSync } = require("node:child_process");
const { parseCsv } = require("./common");

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(__dirname, "data/train.jsonl.gz");
const MANIFEST = path.join(__dirname, "DATA-MANIFEST.json");
const argMirror = process.argv.indexOf("--mirror");
const MIRROR = argMirror > 0 ? process.argv[argMirror + 1] : "/work/.mirror";

/** Swear words and insults that make a toxic comment abusive rather than only heated. */
const ABUSE = /\b(fuck\w*|shit\w*|bullshit|crap\w*|asshole\w*|arsehole\w*|bastard\w*|bitch\w*|cunt\w*|dick\w*|prick\w*|twat\w*|wank\w*|idiot\w*|moron\w*|retard\w*|stupid|dumb\w*|scum|piss\w*|damn\w*|sucks?)\b/i;
const MAX_CHARS = 1200;
const FILES = ["data/training/train_comments.csv", "data/training/train_issues.csv", "data/training/labeled_test_issues.csv"];

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

/**
 * GoEmotions label ids (data/original/labels.txt, from 0) and how each maps. Heated: anger and
 * annoyance (annoyance kept: on the dev split, anger alone found fewer STRUDEL comments at the
 * same false alarms; disapproval, disgust and disappointment not used: mostly calm disagreement). Clean: calm or positive emotions only.
 */
const GOEMOTIONS = {
  heated: new Set([2, 3]),
  // admiration, amusement, approval, caring, excitement, gratitude, joy, love, optimism, pride, relief
  positive: new Set([0, 1, 4, 5, 13, 15, 17, 18, 20, 21, 23]),
  // the positive ones plus neutral, confusion, curiosity, desire, realization, surprise
  clean: new Set([0, 1, 4, 5, 13, 15, 17, 18, 20, 21, 23, 27, 6, 7, 8, 22, 26]),
  /** Rows kept per split: every heated row, and clean rows up to this many (by hash of the id). */
  cleanPerSplit: { train: 6000, dev: 900, test: 900 },
  /** Heated rows kept per split (all the train split has is about 3,300). */
  heatedPerSplit: { train: 4000, dev: 450, test: 450 },
};

function goemotions() {
  const repo = "google-research/google-research/tree/master/goemotions";
  const mirror = "monologg/GoEmotions-pytorch";
  const dir = path.join(MIRROR, "monologg+GoEmotions-pytorch/repo");
  const commit = gitHead(dir);
  const licence = gitShow(dir, commit, "LICENSE").toString();
  if (!/Apache License\s+Version 2\.0/.test(licence)) throw new Error(`${mirror}: LICENSE is not Apache-2.0 any more; check it before using the data`);
  const labels = gitShow(dir, commit, "data/original/labels.txt").toString().split("\n").map((l) => l.trim());
  if (labels[2] !== "anger" || labels[3] !== "annoyance" || labels[27] !== "neutral") throw new Error(`${mirror}: labels.txt is not in the order the mapping expects`);
  const out = [];
  const manifests = [];
  const rank = (id) => createHash("sha256").update("goemotions\0" + id).digest("hex");
  for (const split of ["train", "dev", "test"]) {
    const file = `data/original/${split}.tsv`;
    const bytes = gitShow(dir, commit, file);
    const heated = [];
    const calm = [];
    for (const line of bytes.toString("utf8").split("\n")) {
      const [raw, ids, cid] = line.split("\t");
      if (!raw || !ids || !cid) continue;
      const emotions = ids.split(",").map(Number);
      const text = clean(raw);
      if (text.length < 3) continue;
      const row = { id: `goemotions:${cid.trim()}`, source: "goemotions", group: `goemotions:${cid.trim()}`, split, subject: "", text, abusive: 0, chain: 0, heated: 0 };
      if (emotions.some((e) => GOEMOTIONS.heated.has(e)) && !emotions.some((e) => GOEMOTIONS.positive.has(e))) {
        heated.push({ ...row, heated: 1 });
      } else if (emotions.every((e) => GOEMOTIONS.clean.has(e)) && !ABUSE.test(text)) calm.push(row);
    }
    const pick = (list, n) => list.map((r) => [rank(r.id), r]).sort((a, b) => (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([, r]) => r);
    const used = [...pick(heated, GOEMOTIONS.heatedPerSplit[split]), ...pick(calm, GOEMOTIONS.cleanPerSplit[split])];
    out.push(...used);
    manifests.push({
      source: "goemotions",
      repository: `https://github.com/${mirror}`,
      origin: `https://github.com/${repo} (the data as published by Google Research; the mirror keeps its original train/dev/test files)`,
      commit,
      file,
      licence: "Apache-2.0 (LICENSE of the mirror; the GoEmotions dataset card says Apache-2.0)",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      rowsUsed: used.length,
      split: `GoEmotions' own ${split} file → our ${split} split`,
      mapping: "anger (2) or annoyance (3) with no positive emotion → heated (never abusive: GoEmotions says nothing about abuse, and the abusive head does not learn from it); only neutral, calm or positive emotions and no swear word or insult → clean (swearing labelled 'neutral' would teach the model that swearing is fine; the Centre's policy counts it); disapproval, disgust, disappointment, sadness, fear and mixed rows left out. Deterministic subsample by sha256 of the comment id.",
    });
  }
  return { rows: out, manifests };
}

function main() {
  const parts = [strudel(), goemotions()];
  const rows = parts.flatMap((p) => p.rows).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const jsonl = rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, zlib.gzipSync(Buffer.from(jsonl), { level: 9 }));
  let manifest = {};
  if (fs.existsSync(MANIFEST)) manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8"));
  manifest.datasets = parts.flatMap((p) => p.manifests);
  manifest.datasetsNotUsed = [
    { source: "ToxiCR", repository: "https://github.com/WSU-SEAL/ToxiCR", reason: "GPL-3.0: weights trained on it could be argued to be a derived work that would have to ship under the GPL with the add-in; left out." },
  ];
  fs.writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + "\n");
  const counts = rows.reduce((c, r) => { c.n++; c.heated += r.heated; c.abusive += r.abusive; return c; }, { n: 0, heated: 0, abusive: 0 });
  process.stdout.write(`${path.relative(ROOT, OUT)}: ${counts.n} rows (${counts.heated} heated, ${counts.abusive} abusive)\n`);
}

main();
