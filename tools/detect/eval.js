#!/usr/bin/env node
/**
 * Evaluates the detection as staff meet it: every row of the TEST split (held-out public data
 * plus the hand-written nursery corpus, split by group with a fixed salt, tools/detect/common.js)
 * is sent through the real engine (lib/core, built by `npm run build:cli`) with the default
 * policy, and a label counts as found when its rules report:
 *   abusive → no-abusive-language or no-offensive-forward
 *   chain   → no-chain-mail
 *   heated  → no-heated-tone or no-abusive-language (a heated or abusive finding)
 * Printed per label and per source: recall on rows with the label, false alarms on clean rows
 * (no label at all), n; for the abusive label also what `obscenity` (the peer the issue names)
 * finds and flags on the same rows.
 *
 * The model thresholds (rule option defaults) are chosen on the DEV split: `--dev` prints, per
 * head the rules read (chain, heated), the lowest probability that keeps the model's own false alarms on clean dev rows within
 * the target (1 % abusive/chain, 3 % heated). The test split is never used to choose anything.
 *
 * Usage: npm run eval [-- --dev] [-- --split dev|test|train|all] [-- --source PREFIX] [-- --no-fresh] [-- --json]
 *   --split all and --source post- measure the blind sets (post-*, thread-*, list-*, fwd-*, review-*, tweet-*:
 *   written without reading or running the detectors, never trained on; see train.js HELD_OUT)
 *   on every split. Besides **all** and each source, these groups are printed: *e-mail-like*
 *   (the hand-written mail: nursery-*, work-*, thread-*, list-*, fwd-*, review-*), *blind* (the blind sets) and
 *   *fresh* (fresh-*: a blind, evaluation-only set, every row in the test split; report it, never choose by it).
 *   --no-fresh leaves the fresh set out entirely, so that whoever reads the test split for their own
 *   work does not see the blind set's figures.
 */
"use strict";
const path = require("node:path");
const { ROOT, LABELS, EMAIL_LIKE, loadRows, textOf, draftOfRow: draftOf } = require("./common");

/** Groups of sources printed besides each source: the hand-written mail, and the sets written blind. */
const GROUPS = [
  ["e-mail-like", EMAIL_LIKE],
  ["blind", /^(?:post|thread|list|fwd|review|tweet)-/],
  ["hatecheck", /^hatecheck-/],
  // Written blind for issue 10 §4, evaluation only; kept out of *e-mail-like* so that group stays comparable with earlier rounds.
  ["fresh", /^fresh-/],
];
/** The groups a source belongs to. */
const groupsOf = (source) => GROUPS.filter(([, re]) => re.test(source)).map(([g]) => g);
/** The "all" row: every source but the fresh set, so that it stays comparable with earlier rounds (fresh-* has its own group). */
const allKeys = (label, row) => (row.source.startsWith("fresh-") ? [] : [`${label}|all`]);

const USAGE = "Usage: npm run eval [-- --dev] [-- --split dev|test|train|all] [-- --source PREFIX] [-- --no-fresh] [-- --json]";
const args = process.argv.slice(2);
// An unknown flag stops before any row is read: a mistyped flag or `--help` must not print the
// test split (whoever reads train or dev for their work would see its figures).
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--help" || a === "-h") {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (a === "--split" || a === "--source") {
    const value = args[++i];
    if (value === undefined || value.startsWith("--")) fail(`${a} needs a value`);
    if (a === "--split" && !["dev", "test", "train", "all"].includes(value)) fail(`--split must be dev, test, train or all, not "${value}"`);
  } else if (!["--dev", "--no-fresh", "--json"].includes(a)) fail(`unknown argument "${a}"`);
}
/**
 * Stops with the reason and the usage, before any row is read.
 * @param {string} why
 */
function fail(why) {
  process.stderr.write(`eval: ${why}\n${USAGE}\n`);
  process.exit(2);
}
const splitArg = args.includes("--split") ? args[args.indexOf("--split") + 1] : "test";
const core = require(path.join(ROOT, "lib/core/index.js"));
const RULES_OF = {
  abusive: ["no-abusive-language", "no-offensive-forward"],
  chain: ["no-chain-mail"],
  heated: ["no-heated-tone", "no-abusive-language"],
};
const TARGET_FA = { abusive: 0.01, chain: 0.01, heated: 0.03 };

let peerMatcher;
/** obscenity's English matcher with its recommended transformers, made once. */
function obscenity() {
  if (peerMatcher === undefined) {
    const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = require("obscenity");
    peerMatcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  }
  return peerMatcher;
}

function pct(k, n) {
  return n === 0 ? "   –  " : `${((100 * k) / n).toFixed(1).padStart(5)}%`;
}

function chooseOnDev(rows) {
  const { detect, LABELS: HEADS } = require(path.join(ROOT, "lib/core/detect/model.js"));
  const dev = rows.filter((r) => r.split === "dev");
  const scored = dev.map((r) => ({ r, d: detect(textOf(r)) }));
  const clean = scored.filter(({ r }) => LABELS.every((l) => !r[l]));
  process.stdout.write(`Dev split: ${dev.length} rows (${clean.length} clean). Thresholds chosen here, never on test.\n`);
  for (const label of HEADS) {
    const probs = clean.map(({ d }) => d[label].probability).sort((a, b) => b - a);
    const allowed = Math.floor(TARGET_FA[label] * probs.length);
    const threshold = Math.min(0.99, Math.max(0.5, (probs[allowed] ?? 0) + 0.005));
    const pos = scored.filter(({ r }) => r[label]);
    const hit = pos.filter(({ d }) => d[label].probability >= threshold).length;
    process.stdout.write(`  ${label.padEnd(8)} model alone: threshold ${threshold.toFixed(3)} → dev recall ${pct(hit, pos.length)} (n=${pos.length}), clean over it ${pct(probs.filter((p) => p >= threshold).length, probs.length)}\n`);
  }
}

/** Grid search of the rules' model options on the DEV split, with the real engine. */
function tuneOnDev(rows) {
  const dev = rows.filter((r) => r.split === "dev");
  const drafts = dev.map((r) => core.parseDraft(draftOf(r)));
  const grid = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1];
  for (const [label, ruleId] of [["heated", "no-heated-tone"], ["chain", "no-chain-mail"]]) {
    let best;
    for (const modelThreshold of grid) {
      for (const modelAssist of grid.filter((a) => a <= modelThreshold).concat([0.3, 0.4]).filter((a) => a <= modelThreshold)) {
        const doc = core.defaultPolicyDocument();
        const [sev, opts] = doc.rules[ruleId];
        doc.rules[ruleId] = [sev, { ...opts, modelThreshold, modelAssist }];
        const policy = core.normalizePolicy(doc, core.rules);
        let pos = 0, found = 0, clean = 0, alarms = 0;
        dev.forEach((r, i) => {
          const ids = new Set(core.checkDraft(drafts[i], policy).findings.map((f) => f.ruleId));
          const flagged = RULES_OF[label].some((id) => ids.has(id));
          if (r[label]) { pos++; if (flagged) found++; }
          if (LABELS.every((l) => !r[l])) { clean++; if (flagged) alarms++; }
        });
        const ok = alarms / clean <= TARGET_FA[label];
        if (ok && (!best || found > best.found || (found === best.found && alarms < best.alarms))) best = { modelThreshold, modelAssist, found, pos, alarms, clean };
      }
    }
    process.stdout.write(`  ${ruleId}: best on dev within ${TARGET_FA[label] * 100}% false alarms: ${JSON.stringify(best)}\n`);
  }
}

function main() {
  const rows = loadRows();
  if (args.includes("--dev")) return chooseOnDev(rows);
  if (args.includes("--tune")) return tuneOnDev(rows);
  const policy = core.defaultPolicy();
  const evalRows = rows.filter((r) => (splitArg === "all" || r.split === splitArg) && (!args.includes("--source") || r.source.startsWith(args[args.indexOf("--source") + 1])) && !(args.includes("--no-fresh") && r.source.startsWith("fresh-")));
  const stats = new Map();
  const bump = (key, field) => {
    if (!stats.has(key)) stats.set(key, { pos: 0, found: 0, clean: 0, alarms: 0, peerFound: 0, peerAlarms: 0 });
    stats.get(key)[field]++;
  };
  for (const row of evalRows) {
    const draft = core.parseDraft(draftOf(row));
    const report = core.checkDraft(draft, policy);
    const ruleIds = new Set(report.findings.map((f) => f.ruleId));
    const isClean = LABELS.every((l) => !row[l]);
    // obscenity (MIT), the library the issue names as the peer, on the same text, side by side.
    const peer = obscenity().hasMatch(`${row.subject || ""}\n${row.text}`);
    for (const key of [...allKeys("abusive", row), ...groupsOf(row.source).map((g) => `abusive|${g}`), `abusive|${row.source}`]) {
      if (row.abusive && peer) bump(key, "peerFound");
      if (isClean && peer) bump(key, "peerAlarms");
    }
    for (const label of LABELS) {
      const flagged = RULES_OF[label].some((id) => ruleIds.has(id));
      for (const key of [...allKeys(label, row), ...groupsOf(row.source).map((g) => `${label}|${g}`), `${label}|${row.source}`]) {
        if (row[label]) { bump(key, "pos"); if (flagged) bump(key, "found"); }
        if (isClean) { bump(key, "clean"); if (flagged) bump(key, "alarms"); }
      }
    }
  }
  const out = [];
  out.push(`Split "${splitArg}": ${evalRows.length} rows, checked by the engine with the default policy.`);
  out.push(`Thresholds were chosen on the dev split (npm run eval -- --dev); the test split was not used for tuning.`);
  out.push("");
  out.push("| label | source | recall | n | false alarms on clean | n clean | obscenity: recall / false alarms |");
  out.push("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  const keys = [...stats.keys()].sort((a, b) => {
    const [la, sa] = a.split("|"), [lb, sb] = b.split("|");
    const rank = (x) => (x === "all" ? 0 : GROUPS.some(([g]) => g === x) ? 1 : 2);
    return la !== lb ? LABELS.indexOf(la) - LABELS.indexOf(lb) : rank(sa) !== rank(sb) ? rank(sa) - rank(sb) : sa.localeCompare(sb);
  });
  for (const key of keys) {
    const [label, source] = key.split("|");
    const s = stats.get(key);
    if (s.pos === 0 && s.clean === 0) continue;
    const peer = label === "abusive" ? `${pct(s.peerFound, s.pos)} / ${pct(s.peerAlarms, s.clean)}` : "";
    out.push(`| ${label} | ${source === "all" ? "**all**" : GROUPS.some(([g]) => g === source) ? `*${source}*` : source} | ${pct(s.found, s.pos)} | ${s.pos} | ${pct(s.alarms, s.clean)} | ${s.clean} | ${peer} |`);
  }
  process.stdout.write(out.join("\n") + "\n");
}

main();
