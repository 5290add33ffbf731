#!/usr/bin/env node
/**
 * Brings HateCheck (Röttger et al., 2021, "HateCheck: Functional Tests for Hate Speech Detection
 * Models"; paul-rottger/hatecheck-data, CC BY 4.0) into the evaluation as
 * `tools/detect/corpus/hatecheck.jsonl`. Evaluation only: every hatecheck-* source is held out of
 * training (tools/detect/train.js HELD_OUT).
 *
 * Labels are the Centre's policy's, not HateCheck's own "hateful / non-hateful": abuse of a person
 * or of any group, swearing and a reclaimed slur are all abusive or offensive language in work mail.
 *   hatecheck-hate       every *_h functionality                            abusive 1, heated 1
 *   hatecheck-abuse      target_indiv_nh, target_group_nh                   abusive 1, heated 1
 *   hatecheck-profanity  profanity_nh ("Fuck yeah, what a day")             abusive 1, heated 0
 *   hatecheck-reclaimed  slur_reclaimed_nh                                  abusive 1, heated 0
 *   hatecheck-clean      ident_pos_nh, ident_neutral_nh, negate_neg_nh,
 *                        slur_homonym_nh, target_obj_nh                     all 0
 *   hatecheck-counter    counter_quote_nh, counter_ref_nh (hate quoted or
 *                        named to condemn it)                               all 0
 * A row's group is its template (`templ_id`), so a template's variants stay in one split.
 *
 * Usage: node tools/detect/hatecheck.js [--csv FILE] [--check]
 *   reads test_suite_cases.csv from the mirror (git show of the pinned commit in
 *   /work/.mirror/paul-rottger+hatecheck-data/repo) or from --csv; checks its sha256 against
 *   DATA-MANIFEST.json ("evaluationOnly", which prepare-data.js leaves as it is); --check exits 1 when the committed .jsonl differs from what it would write.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createHash } = require("node:crypto");
const { execFileSync } = require("node:child_process");
const { parseCsv } = require("./common");

const COMMIT = "d84302298ceeb34f4b0dde2d8a1f4932c2caa612";
const FILE = "test_suite_cases.csv";
const MIRROR = "/work/.mirror/paul-rottger+hatecheck-data/repo";
const OUT = path.join(__dirname, "corpus/hatecheck.jsonl");
const MANIFEST = path.join(__dirname, "DATA-MANIFEST.json");

/** Functionality → [source, abusive, heated]; any other `*_h` functionality is hatecheck-hate. */
const SOURCES = {
  target_indiv_nh: ["hatecheck-abuse", 1, 1],
  target_group_nh: ["hatecheck-abuse", 1, 1],
  profanity_nh: ["hatecheck-profanity", 1, 0],
  slur_reclaimed_nh: ["hatecheck-reclaimed", 1, 0],
  ident_pos_nh: ["hatecheck-clean", 0, 0],
  ident_neutral_nh: ["hatecheck-clean", 0, 0],
  negate_neg_nh: ["hatecheck-clean", 0, 0],
  slur_homonym_nh: ["hatecheck-clean", 0, 0],
  target_obj_nh: ["hatecheck-clean", 0, 0],
  counter_quote_nh: ["hatecheck-counter", 0, 0],
  counter_ref_nh: ["hatecheck-counter", 0, 0],
};

/**
 * The corpus rows of the CSV.
 * @param {string} csv - test_suite_cases.csv
 * @returns {object[]}
 */
function rowsOf(csv) {
  const [header, ...data] = parseCsv(csv);
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${FILE}: no "${name}" column`);
    return i;
  };
  const [fn, caseId, text, templ] = ["functionality", "case_id", "test_case", "templ_id"].map(col);
  const out = [];
  for (const r of data) {
    if (r.length < header.length) continue;
    const f = r[fn];
    const known = SOURCES[f] ?? (f.endsWith("_h") ? ["hatecheck-hate", 1, 1] : undefined);
    if (!known) throw new Error(`${FILE}: functionality "${f}" has no label here`);
    const [source, abusive, heated] = known;
    out.push({ id: `hatecheck-${r[caseId]}`, source, group: `t${r[templ]}`, text: r[text].trim(), abusive, heated, chain: 0, functionality: f });
  }
  return out;
}

function main() {
  const args = process.argv.slice(2);
  const csv = args.includes("--csv")
    ? fs.readFileSync(args[args.indexOf("--csv") + 1], "utf8")
    : execFileSync("git", ["-C", MIRROR, "show", `${COMMIT}:${FILE}`], { encoding: "utf8", maxBuffer: 1 << 26 });
  const sha = createHash("sha256").update(csv).digest("hex");
  const entry = (JSON.parse(fs.readFileSync(MANIFEST, "utf8")).evaluationOnly ?? []).find((d) => d.source === "hatecheck");
  if (entry && entry.sha256 !== sha) throw new Error(`${FILE}: sha256 ${sha} is not the manifest's ${entry.sha256}`);
  const rows = rowsOf(csv);
  const body = rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
  if (args.includes("--check")) {
    const same = fs.existsSync(OUT) && fs.readFileSync(OUT, "utf8") === body;
    process.stdout.write(same ? `hatecheck.jsonl matches (${rows.length} rows)\n` : "hatecheck.jsonl differs: run node tools/detect/hatecheck.js\n");
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(OUT, body);
  const counts = {};
  for (const r of rows) counts[r.source] = (counts[r.source] ?? 0) + 1;
  process.stdout.write(`wrote ${rows.length} rows (sha256 of the csv ${sha}): ${JSON.stringify(counts)}\n`);
}

main();
