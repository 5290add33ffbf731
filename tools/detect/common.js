"use strict";
/**
 * Shared by train.js and eval.js: loading the data, the split by group, and the model's
 * feature code (src/core/detect/features.ts, compiled in memory with the TypeScript compiler so
 * that training and the add-in hash text the same way).
 */
const fs = require("node:fs");
const path = require("node:path");
const { createHash } = require("node:crypto");
const zlib = require("node:zlib");

const ROOT = path.resolve(__dirname, "../..");
const TRAIN_FILE = path.join(__dirname, "data/train.jsonl.gz");
const CORPUS_DIR = path.join(__dirname, "corpus");
/** Fixed salt of the split; changing it changes which rows are held out. */
const SPLIT_SALT = "etiquette-guard-detect-split-v1";
const LABELS = ["abusive", "chain", "heated"];

/**
 * Loads a TypeScript module of src/ (no imports of its own) through the compiler.
 * @param {string} rel - path from the repository root
 */
function loadTs(rel) {
  const ts = require("typescript");
  // The core's .ts files import one another: compile each one as it is required.
  if (!require.extensions[".ts"]) {
    require.extensions[".ts"] = (module, filename) => {
      const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, resolveJsonModule: true, esModuleInterop: true } });
      module._compile(out.outputText, filename);
    };
  }
  return require(path.join(ROOT, rel));
}

/**
 * Which split a row belongs to, decided by its group (variants of one message stay together).
 * @param {string} group
 * @returns {"train"|"dev"|"test"}
 */
function splitOf(group) {
  const h = createHash("sha256").update(SPLIT_SALT + "\0" + group).digest().readUInt32BE(0) / 2 ** 32;
  return h < 0.7 ? "train" : h < 0.85 ? "dev" : "test";
}

/** Every row: the public training file and the hand-written corpus (tools/detect/corpus/*.jsonl). */
function loadRows() {
  const rows = zlib.gunzipSync(fs.readFileSync(TRAIN_FILE)).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  if (fs.existsSync(CORPUS_DIR)) {
    for (const f of fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".jsonl")).sort()) {
      const lines = fs.readFileSync(path.join(CORPUS_DIR, f), "utf8").split("\n");
      lines.forEach((l, i) => {
        if (l.trim() === "") return;
        let r;
        try { r = JSON.parse(l); } catch { throw new Error(`${f} line ${i + 1}: not JSON`); }
        if (typeof r.text !== "string" || typeof r.group !== "string") throw new Error(`${f} line ${i + 1}: needs "text" and "group"`);
        // A corpus row may carry its own split (the fresh evaluation-only set is all "test").
        const own = r.split === "train" || r.split === "dev" || r.split === "test" ? { split: r.split } : {};
        rows.push({ id: String(r.id), source: r.source || f.replace(/\.jsonl$/, ""), group: `${r.source || f}:${r.group}`, subject: r.subject || "", text: r.text, abusive: r.abusive ? 1 : 0, chain: r.chain ? 1 : 0, heated: r.heated ? 1 : 0, ...own });
      });
    }
  }
  // A public data set that comes with its own train/dev/test files (GoEmotions), and a corpus row that
  // names its own split (fresh-*), keep that split; every other row is split by its group.
  for (const r of rows) r.split = r.split === "train" || r.split === "dev" || r.split === "test" ? r.split : splitOf(r.group);
  return rows;
}

/** The text the model reads for a row: subject and body. */
function textOf(row) {
  return row.subject ? `${row.subject}\n${row.text}` : row.text;
}

/**
 * mulberry32: a small fixed-seed generator, shared by training and the corpus builder.
 * @param {number} seed
 * @returns {() => number} numbers in [0, 1)
 */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A small RFC 4180 CSV parser, shared by the scripts that read the public data sets (quoted fields, doubled quotes, newlines inside quotes).
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

/** The sources of hand-written mail ("e-mail-like" in the reports). */
const EMAIL_LIKE = /^(?:nursery|work|thread|list|fwd|review)-/;
const STAFF = { email: "a.jones@norcotearlyyearscentre.co.uk", name: "Amy Jones" };

/**
 * The MessageDraft JSON a corpus row is checked as: a member of staff writing to a colleague,
 * the row's subject (or "Note") and its text as the body.
 * @param {{ subject?: string, text: string }} row
 */
function draftOfRow(row) {
  return {
    from: STAFF,
    sender: STAFF,
    to: [{ email: "b.smith@norcotearlyyearscentre.co.uk", name: "Ben Smith", type: "user" }],
    subject: row.subject || "Note",
    body: row.text,
  };
}

module.exports = { ROOT, LABELS, EMAIL_LIKE, loadTs, splitOf, loadRows, mulberry32, textOf, SPLIT_SALT, parseCsv, draftOfRow };
