#!/usr/bin/env node
/**
 * Trains the detection model: one logistic-regression head per label (abusive, chain, heated)
 * over hashed word uni/bigrams and character 4-grams (src/core/detect/features.ts), on the
 * TRAIN split only (split by group, tools/detect/common.js). Deterministic: fixed seed for the
 * shuffle, fixed epochs and rates, no time stamps, so the same data gives byte-identical
 * weights. Weights are pruned to the strongest PRUNE_TO[head] and quantised to int8 with one
 * scale per head, written to src/core/detect/model/weights.json.
 *
 * Usage: npm run train            retrain and write the weights
 *        npm run train -- --check retrain in memory and fail unless the committed weights match
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createHash } = require("node:crypto");
const { ROOT, LABELS, loadTs, loadRows, mulberry32, textOf } = require("./common");

const OUT = path.join(ROOT, "src/core/detect/model/weights.json");
const SEED = 20260105;
const EPOCHS = 10;
const RATE = 0.25;
const L2 = 1e-3;
/**
 * Weights kept per head. The abusive head is read by no rule (the lexicon rule is stronger:
 * docs/model-card.md), so it keeps only its 1,000 strongest weights to leave room in the
 * handler bundle's gzip budget for the heated head and the tone phrases.
 */
const PRUNE_TO = { abusive: 1000, chain: 4000, heated: 4000 };

/** Unique buckets of a text. */
function bucketsOf(features, text) {
  return [...new Set(features.featuresOf(text).map((f) => f.bucket))].sort((a, b) => a - b);
}

/**
 * Sources a head does not learn from. GoEmotions (Reddit comments) says nothing about chain
 * mail or abuse: its rows would only teach those heads that angry swearing is neither.
 */
const NOT_FOR = { abusive: ["goemotions"], chain: ["goemotions"] };

function trainHead(examples, label, seed) {
  const w = new Map();
  let bias = 0;
  const pos = examples.filter((e) => e.y[label]).length;
  const neg = examples.length - pos;
  const posWeight = pos === 0 ? 1 : Math.min(8, Math.max(1, neg / pos / 2));
  const rand = mulberry32(seed);
  const order = examples.map((_, i) => i);
  const g2 = new Map();
  let gb = 1e-6;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const e = examples[k];
      let z = bias;
      for (const b of e.x) z += w.get(b) || 0;
      const p = 1 / (1 + Math.exp(-z));
      const y = e.y[label];
      const g = (p - y) * (y ? posWeight : 1);
      gb += g * g;
      bias -= (RATE * g) / Math.sqrt(gb);
      for (const b of e.x) {
        const old = w.get(b) || 0;
        const gi = g + L2 * old;
        const acc = (g2.get(b) || 1e-6) + gi * gi;
        g2.set(b, acc);
        w.set(b, old - (RATE * gi) / Math.sqrt(acc));
      }
    }
  }
  return { bias, w };
}

function varint(n, out) {
  while (n >= 0x80) { out.push((n & 0x7f) | 0x80); n >>>= 7; }
  out.push(n);
}

function quantise(head, keep) {
  const kept = [...head.w.entries()].filter(([, v]) => v !== 0).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]).slice(0, keep).sort((a, b) => a[0] - b[0]);
  const max = kept.reduce((m, [, v]) => Math.max(m, Math.abs(v)), 0) || 1;
  const scale = max / 127;
  const idx = [];
  const q = [];
  let last = 0;
  for (const [b, v] of kept) {
    const qi = Math.round(v / scale);
    if (qi === 0) continue;
    varint(b - last, idx);
    last = b;
    q.push(qi & 0xff);
  }
  return { bias: Number(head.bias.toFixed(4)), scale: Number(scale.toPrecision(6)), n: q.length, idx: Buffer.from(idx).toString("base64"), q: Buffer.from(q).toString("base64") };
}

function train() {
  const features = loadTs("src/core/detect/features.ts");
  const rows = loadRows().filter((r) => r.split === "train");
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const examples = rows.map((r) => ({ source: r.source, x: bucketsOf(features, textOf(r)), y: { abusive: r.abusive, chain: r.chain, heated: r.heated } }));
  // The heated rule judges only what the sender wrote (no quoted history, signature or footer)
  // after the subject without its reply prefixes (features.modelText), so its head learns from
  // the same text. The chain head reads what is passed on, history included, as before.
  const { segmentBody } = loadTs("src/core/detect/segment.ts");
  const authored = rows.map((r, k) => ({ ...examples[k], x: bucketsOf(features, features.modelText(r.subject || "", segmentBody(r.text, { subject: r.subject || "" }).authored)) }));
  const heads = {};
  LABELS.forEach((label, i) => {
    const own = (label === "heated" ? authored : examples).filter((e) => !(NOT_FOR[label] || []).includes(e.source));
    heads[label] = quantise(trainHead(own, label, SEED + i), PRUNE_TO[label]);
  });
  const counts = Object.fromEntries(LABELS.map((l) => [l, rows.filter((r) => r[l]).length]));
  const data = createHash("sha256").update(rows.map((r) => JSON.stringify([r.id, textOf(r), r.abusive, r.chain, r.heated])).join("\n")).digest("hex");
  const model = { version: 1, hashBits: features.HASH_BITS, seed: SEED, trainRows: rows.length, trainDataSha256: data, positives: counts, heads };
  return JSON.stringify(model) + "\n";
}

function main() {
  const text = train();
  const sha = createHash("sha256").update(text).digest("hex");
  if (process.argv.includes("--check")) {
    const committed = fs.readFileSync(OUT, "utf8");
    const want = createHash("sha256").update(committed).digest("hex");
    if (sha !== want) {
      const was = JSON.parse(committed).trainDataSha256;
      const now = JSON.parse(text).trainDataSha256;
      if (was !== now) process.stderr.write(`The training rows changed since the weights were made (train split sha256 ${was} → ${now}): run npm run train.\n`);
      process.stderr.write(`Retrained weights differ from ${path.relative(ROOT, OUT)}: ${sha} ≠ ${want}\n`);
      process.exit(1);
    }
    process.stdout.write(`Retrained weights match ${path.relative(ROOT, OUT)} (sha256 ${sha})\n`);
    return;
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, text);
  process.stdout.write(`${path.relative(ROOT, OUT)}: ${text.length} bytes, sha256 ${sha}\n`);
}

if (require.main === module) main();
module.exports = { train };
