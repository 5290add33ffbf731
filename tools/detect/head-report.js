#!/usr/bin/env node
/**
 * Measures the model's heads themselves on the DEV split (never test), to choose the training
 * settings and features: trains in memory on the train split with CONFIG (tools/detect/train.js)
 * or a variant given as JSON, stores the heads as they would ship (pruned, quantised), and prints
 * - heated head (on what the sender wrote, as the rule reads it): for the thresholds that let
 *   1 %, 2 % and 3 % of all clean dev rows over, the recall and clean false alarms per source;
 * - chain head: recall and clean false alarms at the rule's thresholds, and the highest clean scores;
 * - the gzip size of the stored heads (what they add to the handler bundle);
 * - with --engine, the heated rule itself with these weights (lib/core, `npm run build:cli` first):
 *   the engine on every dev row as eval.js counts it (a heated or abusive finding), for each
 *   (modelThreshold, modelAssist, modelStrong): heated e-mail-like recall per source, calm
 *   e-mail-like rows warned, and the calm rows of the other sources warned. The rule's phrase
 *   signs were chosen with the shipped head, and its figure swings with the head's mid-range
 *   scores (0.35–0.8) that the head's own ranking above does not show: judge a head by this.
 *
 * Usage: node tools/detect/head-report.js ['{"l2":1e-4,"prune":{"heated":8000}}' …] [--committed]
 *   each JSON argument: CONFIG's settings to change (also "hashBits": fold buckets into fewer bits);
 *   the heated head's own settings under "heated" ('{"heated":{"sourceWeight":{…},"mil":{"rounds":1}}}':
 *   its sourceWeight replaces CONFIG's); the heated head is scored as the rule reads it, the
 *   strongest of the whole text and its windows of one and two sentences
 *   --committed  report the weights in src/core/detect/model/weights.json instead of training
 *   --engine[=JSON]  also the rule's figures on dev; JSON: the thresholds to try, e.g.
 *                    '[[0.99,0.4,0.7],[0.99,0.35,0.7]]' (default: the shipped ones and a few near them)
 *   the heated head's `heldOutTrain` (train.js) and `seeds` may be set per variant too:
 *   '{"seeds":3,"heated":{"heldOutTrain":["list-heated","list-clean"],"sourceWeight":{…}}}'
 *   --pool     with --engine: also on the train rows of the sets written blind that the heated
 *              head did not learn from (with dev, the "unseen pool"), and the abusive rule's
 *              figures on each; judge a setting by its mean over shuffles
 *              ('{"heated":{"seedFrom":1}}', 2, 3), not by one draw (MODEL14)
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const Module = require("node:module");
const { ROOT, LABELS, EMAIL_LIKE: MAIL_SOURCE, loadRows, draftOfRow } = require("./common");
const { CONFIG, HEADS, examplesOf, fitHeads, decodeHead, isTrainingRow, learnsFrom, headConfig } = require("./train");

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
  const trainAll = args.includes("--committed") ? undefined : examplesOf(rows.filter((r) => configs.some((c) => isTrainingRow(r, c))).sort(byId), { windows: configs.some((c) => c.perHead.heated.mil.rounds > 0) });
  for (const cfg of configs) {
    const dev = fold(devAll, cfg.hashBits);
    const heads = trainAll === undefined ? JSON.parse(fs.readFileSync(path.join(ROOT, "src/core/detect/model/weights.json"), "utf8")).heads : fitHeads(fold(trainAll, cfg.hashBits), cfg);
    report(cfg, heads, dev);
    if (engine) engineReport(heads, rows.filter((r) => r.split === "dev" && !r.source.startsWith("fresh-")), "dev");
    if (engine && args.includes("--pool")) engineReport(heads, rows.filter((r) => r.split === "train" && BLIND.test(r.source) && !learnsFrom(r.source, headConfig(cfg, "heated"))), "the blind sources' train rows (not learnt from)");
  }
}

const engineArg = args.find((a) => a === "--engine" || a.startsWith("--engine="));
/** The thresholds (modelThreshold, modelAssist, modelStrong) the engine report tries. */
const engine = engineArg && (engineArg.includes("=") ? JSON.parse(engineArg.slice(9)) : [[0.99, 0.4, 0.7], [0.99, 0.35, 0.7], [0.99, 0.4, 0.6], [0.99, 0.45, 0.8], [0.98, 0.4, 0.7]]);
/**
 * With --pool the engine report also runs on the train rows of the sets written blind (review,
 * thread, list, posts, tweets, forwards) that the heated head did not learn from: with dev, the
 * "unseen pool" a retrained head is judged on (MODEL14). Never the fresh set, never test.
 */
const BLIND = /^(?:review|thread|list|post|tweet|fwd)-/;

/**
 * The heated rule on the dev rows with these heads: lib/core loaded afresh with its weights.json
 * replaced in the module cache (the chain head is the same file's: only the heated rule and
 * no-abusive-language are run, as eval.js counts heated).
 */
function engineReport(heads, rows, what) {
  const lib = path.join(ROOT, "lib") + path.sep;
  for (const k of Object.keys(require.cache)) if (k.startsWith(lib)) delete require.cache[k];
  const file = path.join(ROOT, "lib/core/detect/model/weights.json");
  const stored = new Module(file);
  stored.filename = file;
  stored.loaded = true;
  stored.exports = { ...JSON.parse(fs.readFileSync(file, "utf8")), heads };
  require.cache[file] = stored;
  const core = require(path.join(ROOT, "lib/core/index.js"));
  const policy = core.defaultPolicy();
  const only = (id, options) => ({ ...policy, rules: policy.rules.filter((r) => r.rule.meta.id === id).map((r) => ({ ...r, options: { ...r.options, ...options } })) });
  const drafts = rows.map((r) => core.parseDraft(draftOfRow(r)));
  const abusive = drafts.map((d) => core.checkDraft(d, only("no-abusive-language", {})).findings.length > 0);
  const mail = MAIL_SOURCE;
  const abusiveRows = rows.map((r, i) => ({ r, found: abusive[i] })).filter(({ r }) => r.abusive);
  const notHateCheck = abusiveRows.filter(({ r }) => !r.source.startsWith("hatecheck-"));
  const cleanFlagged = rows.filter((r, i) => abusive[i] && LABELS.every((l) => !r[l])).length;
  const out = [
    "",
    `Abusive rule on ${what} (it reads the heated head at p >= 0.3): abusive found ${pct(abusiveRows.filter((x) => x.found).length, abusiveRows.length).trim()} (all but HateCheck ${pct(notHateCheck.filter((x) => x.found).length, notHateCheck.length).trim()}), clean rows flagged ${cleanFlagged}`,
    `Heated rule on ${what} (engine; e-mail-like heated found, per source; calm e-mail-like warned; other calm warned):`,
  ];
  for (const [t, a, s] of engine) {
    const heated = only("no-heated-tone", { modelThreshold: t, modelAssist: a, modelStrong: s });
    const st = new Map();
    rows.forEach((r, i) => {
      const found = abusive[i] || core.checkDraft(drafts[i], heated).findings.some((f) => f.ruleId === "no-heated-tone");
      const x = st.get(r.source) || { pos: 0, found: 0, clean: 0, alarms: 0 };
      if (r.heated) { x.pos++; if (found) x.found++; }
      if (LABELS.every((l) => !r[l])) { x.clean++; if (found) x.alarms++; }
      st.set(r.source, x);
    });
    const sum = (test, field) => [...st].filter(([src]) => test(src)).reduce((n, [, x]) => n + x[field], 0);
    const per = [...st].filter(([src, x]) => mail.test(src) && x.pos > 0).map(([src, x]) => `${src.replace(/-heated$/, "")} ${pct(x.found, x.pos).trim()}`).sort().join(", ");
    const calm = [...st].filter(([src, x]) => !mail.test(src) && x.clean > 0).map(([src, x]) => `${src} ${x.alarms}`).sort().join(", ");
    out.push(`  ${t} / ${a} / ${s}: e-mail-like heated ${pct(sum((x) => mail.test(x), "found"), sum((x) => mail.test(x), "pos")).trim()} (${per}); calm e-mail-like ${sum((x) => mail.test(x), "alarms")} of ${sum((x) => mail.test(x), "clean")}; other calm ${sum((x) => !mail.test(x), "alarms")} (${calm})`);
  }
  process.stdout.write(out.join("\n") + "\n");
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
