#!/usr/bin/env node
/**
 * Measures the model's heads themselves on the DEV split (never test), to choose the training
 * settings and features: trains in memory on the train split with CONFIG (tools/detect/train.js)
 * or a variant given as JSON, stores the heads as they would ship (pruned, quantised), and prints
 * - heated head (on what the sender wrote, as the rule reads it): for the thresholds that let
 *   1 %, 2 % and 3 % of all clean dev rows over, the recall and clean false alarms per source;
 * - chain head: recall and clean false alarms at the rule's thresholds, and the highest clean scores;
 * - the gzip size of the stored heads (what they add to the handler bundle).
 *
 * Usage: node tools/detect/head-report.js ['{"l2":1e-4,"prune":{"heated":8000}}' …] [--committed]
 *   each JSON argument: CONFIG's settings to change (also "hashBits": fold buckets into fewer bits);
 *   the heated head's own settings under "heated" ('{"heated":{"sourceWeight":{…},"mil":{"rounds":1}}}':
 *   its sourceWeight replaces CONFIG's); the heated head is scored as the rule reads it, the
 *   strongest of the whole text and its windows of one and two sentences
 *   --committed  report the weights in src/core/detect/model/weights.json instead of training
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { ROOT, loadRows } = require("./common");
const { CONFIG, HEADS, examplesOf, fitHeads, decodeHead, isTrainingRow } = require("./train");

const args = process.argv.slice(2);
/** The settings to try: CONFIG, or CONFIG with each JSON argument's changes in turn. */
const variants = args.filter((a) => a.startsWith("{")).map((a) => JSON.parse(a));
const configs = (variants.length ? variants : [{}]).map((v) => ({
  ...CONFIG,
  ...v,
  prune: { ...CONFIG.prune, ...(v.prune || {}) },
  // "heated": the heated head's own settings to change ({"heated":{"mil":{"rounds":0}}}).
  perHead: { ...CONFIG.perHead, heated: { ...CONFIG.perHead.heated, ...(v.heated || {}), mil: { ...CONFIG.perHead.heated.mil, ...((v.heated || {}).mil || {}) } } },
}));
const CHAIN_THRESHOLDS = [0.8, 0.9, 0.97];
/** Clean sources that stand for real work mail. */
const EMAIL_LIKE = ["nursery-clean", "nursery-traps", "strudel", "work-clean", "thread-clean"];
/** Heated sources that stand for real work mail. */
const EMAIL_HEATED = ["nursery-heated", "work-heated", "thread-heated"];

const pct = (k, n) => (n === 0 ? "   –  " : `${((100 * k) / n).toFixed(1).padStart(5)}%`);
const isClean = (e) => !e.y.abusive && !e.y.chain && !e.y.heated;

function scorer(stored) {
  const h = decodeHead(stored);
  return (x) => {
    let z = h.bias;
    for (const b of x) z += h.w.get(b) || 0;
    return 1 / (1 + Math.exp(-z));
  };
}

/**
 * Folds the buckets into fewer hash bits (what a smaller HASH_BITS in features.ts gives: a
 * bucket is the hash masked to its bits), to try a size before changing the code.
 */
function fold(examples, bits) {
  if (!bits) return examples;
  const mask = (1 << bits) - 1;
  const folded = (x) => [...new Set(x.map((b) => b & mask))].sort((a, b) => a - b);
  const f = (list) => list.map((e) => ({ ...e, x: folded(e.x), ...(e.windows ? { windows: e.windows.map(folded) } : {}) }));
  return { chain: f(examples.chain), heated: f(examples.heated) };
}

function main() {
  const rows = loadRows();
  const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const devAll = examplesOf(rows.filter((r) => r.split === "dev").sort(byId), { windows: true });
  const trainAll = args.includes("--committed") ? undefined : examplesOf(rows.filter(isTrainingRow).sort(byId), { windows: configs.some((c) => c.perHead.heated.mil.rounds > 0) });
  for (const cfg of configs) {
    const dev = fold(devAll, cfg.hashBits);
    const heads = trainAll === undefined ? JSON.parse(fs.readFileSync(path.join(ROOT, "src/core/detect/model/weights.json"), "utf8")).heads : fitHeads(fold(trainAll, cfg.hashBits), cfg);
    report(cfg, heads, dev);
  }
}

function report(cfg, heads, dev) {
  const out = [""];
  out.push(`settings: ${JSON.stringify(cfg)}`);
  out.push(`stored heads: ${HEADS.map((h) => `${h} ${heads[h].n} weights`).join(", ")}; gzip ${zlib.gzipSync(JSON.stringify(heads), { level: 9 }).length} bytes`);

  // Heated head, as the rule reads it: the strongest of the whole text and its windows.
  const hs = scorer(heads.heated);
  const scored = dev.heated.map((e) => ({ e, p: Math.max(hs(e.x), ...e.windows.map(hs)) }));
  const clean = scored.filter(({ e }) => isClean(e)).map(({ p }) => p).sort((a, b) => b - a);
  const sources = [...new Set(scored.map(({ e }) => e.source))].sort();
  out.push("", "Heated head on dev (threshold from all clean dev rows):", "| clean FA | threshold | all heated | " + sources.join(" | ") + " | e-mail-like heated | e-mail-like clean FA |");
  for (const fa of [0.01, 0.02, 0.03]) {
    const t = clean[Math.floor(fa * clean.length)] + 1e-12;
    const cells = sources.map((s) => {
      const pos = scored.filter(({ e }) => e.source === s && e.y.heated);
      const cl = scored.filter(({ e }) => e.source === s && isClean(e));
      return `${pos.length ? pct(pos.filter(({ p }) => p >= t).length, pos.length) : "–"} / ${cl.length ? pct(cl.filter(({ p }) => p >= t).length, cl.length) : "–"}`;
    });
    const pos = scored.filter(({ e }) => e.y.heated);
    const mail = scored.filter(({ e }) => EMAIL_LIKE.includes(e.source) && isClean(e));
    const hot = scored.filter(({ e }) => EMAIL_HEATED.includes(e.source) && e.y.heated);
    out.push(`| ${fa * 100} % | ${t.toFixed(3)} | ${pct(pos.filter(({ p }) => p >= t).length, pos.length)} | ${cells.join(" | ")} | ${pct(hot.filter(({ p }) => p >= t).length, hot.length)} | ${pct(mail.filter(({ p }) => p >= t).length, mail.length)} |`);
  }

  // Chain head.
  const cs = scorer(heads.chain);
  const chain = dev.chain.map((e) => ({ e, p: cs(e.x) }));
  const cpos = chain.filter(({ e }) => e.y.chain);
  const cclean = chain.filter(({ e }) => isClean(e)).sort((a, b) => b.p - a.p);
  out.push("", "Chain head on dev:");
  for (const t of CHAIN_THRESHOLDS) out.push(`  ≥ ${t}: recall ${pct(cpos.filter(({ p }) => p >= t).length, cpos.length)} (n=${cpos.length}), clean over it ${pct(cclean.filter(({ p }) => p >= t).length, cclean.length)} (n=${cclean.length})`);
  out.push(`  highest clean scores: ${cclean.slice(0, 8).map(({ e, p }) => `${p.toFixed(3)} ${e.source}`).join(", ")}`);
  out.push(`  lowest chain scores: ${cpos.sort((a, b) => a.p - b.p).slice(0, 5).map(({ p }) => p.toFixed(3)).join(", ")}`);
  const nonGo = cclean.filter(({ e }) => e.source !== "goemotions");
  const margin = cpos.map(({ p }) => p).sort((a, b) => a - b)[Math.floor(0.05 * cpos.length)] - nonGo[0].p;
  out.push(`  5th-percentile chain score minus highest e-mail-like clean score: ${margin.toFixed(3)}`);
  process.stdout.write(out.join("\n") + "\n");
}

main();
