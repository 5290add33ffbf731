#!/usr/bin/env node
/**
 * Whether an abusive head would pay its way: trains one in memory (train.js's logistic
 * regression, on the train split only, never fresh-*), over the text no-abusive-language's model
 * sign would read (subject and what the sender wrote, as the heated head reads it), and measures
 * what no-abusive-language would gain if it also reported a text the head scores p >= t, on the
 * TRAIN and DEV splits only (never test). Nothing here is shipped: the weights are not written.
 *
 * The baseline is the real engine (lib/core, `npm run build:cli` first): a row is found when
 * no-abusive-language or no-offensive-forward reports it, as eval.js counts abusive. A variant
 * then adds the rows the head scores p >= t, read as
 *   whole   the whole text;
 *   max     the strongest of the whole text and its windows of one and two sentences (detectMax);
 *   maxyou  max, when the text also addresses someone ("you", "your", "u", "ur" …).
 * For each reading it prints:
 *   PICK    the threshold chosen on TRAIN (the lowest on a 0.005 grid at which no e-mail-like clean
 *           row, HateCheck counter-speech or trap row is added and at most 0.2 % of the clean
 *           rows are), with the train and dev figures at it;
 *   ORACLE  on DEV, the most abusive rows (all but HateCheck) found at 0, 3, 6 and 12 more clean
 *           dev rows: the best any threshold could do, to judge whether a bar can be met at all,
 *           never to choose a threshold;
 * and the deflate size weights.json would grow by (the committed heads plus this one).
 *
 * Usage: node tools/detect/abuse-head-report.js ['{"prune":1000,"blind":true}' …]
 *   each JSON argument: train.js CONFIG's settings to change for the abusive head, and
 *   prune     weights kept (default 1,500)
 *   blind     true: it also learns from the train rows of the sets written blind and of
 *             HateCheck (post, tweet, review, list, thread, fwd, hatecheck-*; train.js HELD_OUT),
 *             whose dev rows then are in-distribution
 *   onHeated  true: only at the buckets the committed heated head weighs, stored as one character
 *             per such bucket (no bucket list of its own)
 *   drop      sources it must not learn from, e.g. ["hatecheck-hate"]
 * Round 15's figures (MODEL15: no head met the bar) are in train.js's header comment.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { ROOT, EMAIL_LIKE: MAIL, loadRows, draftOfRow } = require("./common");
const { CONFIG, HEADS, HELD_OUT, SEED: TRAIN_SEED, B64, examplesOf, trainHead, encodeHead, decodeHead } = require("./train");

const BLIND = /^(?:post|tweet|review|list|thread|fwd|hatecheck)-/;
const YOU = /\b(?:you|your|yours|yourself|u|ur|you['’]re|youre|ya)\b/i;
/** The abusive head's shuffle seed: train.js's SEED + 1 + its index after chain and heated. */
const SEED = TRAIN_SEED + 1 + HEADS.length;
const isClean = (r) => !r.abusive && !r.chain && !r.heated;
const deflate = (o) => zlib.deflateRawSync(JSON.stringify(o), { level: 9 }).length;

/** The engine's abusive finding per row (no-abusive-language or no-offensive-forward). */
function baseline(rows) {
  const core = require(path.join(ROOT, "lib/core/index.js"));
  const policy = core.defaultPolicy();
  const only = { ...policy, rules: policy.rules.filter((r) => r.rule.meta.id === "no-abusive-language" || r.rule.meta.id === "no-offensive-forward") };
  return rows.map((r) => {
    const draft = core.parseDraft(draftOfRow(r));
    return core.checkDraft(draft, only).findings.length > 0;
  });
}

function main() {
  const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const rows = loadRows().filter((r) => (r.split === "train" || r.split === "dev") && !r.source.startsWith("fresh-")).sort(byId);
  const base = baseline(rows);
  const features = require(path.join(ROOT, "lib/core/detect/features.js"));
  const { segmentBody } = require(path.join(ROOT, "lib/core/detect/segment.js"));
  const heated = examplesOf(rows, { windows: true }).heated;
  const all = rows.map((r, i) => ({
    r,
    source: r.source,
    group: r.group,
    y: { abusive: r.abusive, chain: r.chain, heated: r.heated },
    x: heated[i].x,
    windows: heated[i].windows,
    base: base[i],
    you: YOU.test(features.modelText(r.subject || "", segmentBody(r.text, { subject: r.subject || "" }).authored)),
  }));
  const committed = JSON.parse(fs.readFileSync(path.join(ROOT, "src/core/detect/model/weights.json"), "utf8"));
  const variants = process.argv.slice(2).filter((a) => a.startsWith("{")).map((a) => JSON.parse(a));
  for (const v of variants.length ? variants : [{}]) report(v, all, committed);
}

function report(v, all, committed) {
  const cfg = { ...CONFIG, ...v, sourceWeight: { ...CONFIG.sourceWeight, ...(v.sourceWeight || {}) } };
  const learns = (e) => e.r.split === "train" && (!HELD_OUT.includes(e.source) || (v.blind && BLIND.test(e.source))) && !(v.drop || []).includes(e.source);
  const only = v.onHeated ? new Set(decodeHead(committed.heads.heated).w.keys()) : undefined;
  const own = all.filter(learns).map((e) => (only ? { ...e, x: e.x.filter((b) => only.has(b)) } : e));
  const stored = encodeHead(trainHead(own, "abusive", SEED, cfg), v.prune || 1500, cfg.quantBits);
  const head = decodeHead(stored);
  let grown;
  if (only) {
    const q = [...only].sort((a, b) => a - b).map((b) => B64[Math.round((head.w.get(b) || 0) / stored.scale) + 32]).join("");
    grown = deflate({ ...committed, heads: { ...committed.heads, abusive: { bias: stored.bias, scale: stored.scale, q } } });
  } else grown = deflate({ ...committed, heads: { ...committed.heads, abusive: stored } });
  const score = (x) => {
    let z = head.bias;
    for (const b of x) z += head.w.get(b) || 0;
    return 1 / (1 + Math.exp(-z));
  };
  for (const e of all) {
    e.whole = score(e.x);
    e.max = Math.max(e.whole, ...e.windows.map(score));
  }
  const out = ["", `== ${JSON.stringify(v)}: learnt from ${own.length} train rows, ${stored.n} weights; weights.json deflate ${deflate(committed)} -> ${grown} (+${grown - deflate(committed)} B)`];
  const readings = {
    whole: (e) => e.whole,
    max: (e) => e.max,
    maxyou: (e) => (e.you ? e.max : 0),
  };
  const split = (s) => all.filter((e) => e.r.split === s);
  for (const [name, p] of Object.entries(readings)) {
    const t = pick(split("train"), p);
    for (const s of ["train", "dev"]) out.push(`${s} PICK ${name} ${t}: ${figures(split(s), (e) => e.base || p(e) >= t)}`);
    const dev = split("dev");
    const clean = dev.filter((e) => isClean(e.r) && !e.base).map(p).sort((a, b) => b - a);
    const missed = dev.filter((e) => e.r.abusive && !e.source.startsWith("hatecheck-") && !e.base).map(p);
    const oracle = [0, 3, 6, 12].map((k) => {
      const at = (clean[k] ?? 0) + 1e-9;
      return `+${k} clean: t ${at.toFixed(3)} +${missed.filter((x) => x >= at).length} found`;
    });
    out.push(`dev ORACLE ${name}: ${oracle.join(" | ")}`);
  }
  process.stdout.write(out.join("\n") + "\n");
}

/** The lowest threshold (0.005 grid) adding no e-mail-like clean, counter-speech or trap row and at most 0.2 % of the clean rows. */
function pick(train, p) {
  const clean = train.filter((e) => isClean(e.r) && !e.base);
  const most = Math.floor(0.002 * train.filter((e) => isClean(e.r)).length);
  let best = 0.999;
  for (let t = 0.999; t >= 0.3; t -= 0.005) {
    const added = clean.filter((e) => p(e) >= t);
    if (added.length > most || added.some((e) => MAIL.test(e.source) || /counter|traps/.test(e.source))) break;
    best = t;
  }
  return Number(best.toFixed(3));
}

/** Abusive found (all but HateCheck; all), clean rows flagged (all; e-mail-like; per source) and the rows gained per source. */
function figures(rows, flagged) {
  const abusive = rows.filter((e) => e.r.abusive);
  const notHateCheck = abusive.filter((e) => !e.source.startsWith("hatecheck-"));
  const clean = rows.filter((e) => isClean(e.r));
  const n = (list) => list.filter(flagged).length;
  const tally = (list) => {
    const by = {};
    for (const e of list) by[e.source] = (by[e.source] || 0) + 1;
    return Object.entries(by).sort().map(([s, k]) => `${s} ${k}`).join(", ");
  };
  const pc = (k, of) => ((100 * k) / of).toFixed(1);
  return `abusive but HateCheck ${pc(n(notHateCheck), notHateCheck.length)} % (${n(notHateCheck)}/${notHateCheck.length}), all ${pc(n(abusive), abusive.length)} %; clean flagged ${n(clean)} (e-mail-like ${n(clean.filter((e) => MAIL.test(e.source)))}; ${tally(clean.filter(flagged))}); gained: ${tally(notHateCheck.filter((e) => flagged(e) && !e.base)) || "none"}`;
}

main();
