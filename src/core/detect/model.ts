/**
 * @fileoverview The detection model: three logistic-regression heads (abusive, chain, heated)
 * over the hashed features of `features.ts`, trained by `tools/detect/train.js` and shipped as
 * pruned int8 weights in `model/weights.json` (see docs/model-card.md).
 *
 * `detect(text)` gives each head's probability and its evidence: the words or phrases of the
 * text that weighed most towards it, quoted exactly as written (a slice of the original text,
 * never lower-cased or re-tokenised). Rules show the evidence, never a bare score. Long texts
 * are read up to `MAX_MODEL_CHARS` (features.ts). Pure: no Node built-ins.
 */
import weights from "./model/weights.json";
import { featuresOf, HASH_BITS } from "./features";

export const LABELS = ["abusive", "chain", "heated"] as const;
export type Label = (typeof LABELS)[number];

/** One head's judgement. */
export type HeadResult = Readonly<{
  /** Probability (0–1) that the text is of this kind. */
  probability: number;
  /** The words of the text that weighed most towards it, as written, strongest first. */
  evidence: readonly string[];
}>;
export type Detection = Readonly<Record<Label, HeadResult>>;

type StoredHead = { bias: number; scale: number; n: number; idx: string; q: string };
type Head = { bias: number; w: Map<number, number> };

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Decodes base64 without `atob`/`Buffer` (neither is in every host).
 * @param s - base64 text
 * @returns the bytes
 */
function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = ((acc << 6) | B64.indexOf(clean.charAt(i))) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Unpacks one head: varint-coded bucket gaps and int8 weights times the head's scale.
 * @param stored - the head as stored
 * @returns bias and weights by bucket
 */
function unpack(stored: StoredHead): Head {
  const idx = fromBase64(stored.idx);
  const q = fromBase64(stored.q);
  const w = new Map<number, number>();
  let pos = 0;
  let bucket = 0;
  for (let k = 0; k < stored.n; k++) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const b = idx[pos++] ?? 0;
      gap |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    bucket += gap;
    const byte = q[k] ?? 0;
    const v = byte > 127 ? byte - 256 : byte;
    w.set(bucket, v * stored.scale);
  }
  return { bias: stored.bias, w };
}

let heads: Record<Label, Head> | undefined;
/** The heads, unpacked on first use. */
function loaded(): Record<Label, Head> {
  if (heads === undefined) {
    const stored = (weights as unknown as { heads: Record<Label, StoredHead> }).heads;
    heads = { abusive: unpack(stored.abusive), chain: unpack(stored.chain), heated: unpack(stored.heated) };
  }
  return heads;
}

/**
 * Per bucket the weight of each head (in `LABELS` order; `undefined` where a head has none),
 * for the buckets that some head knows: a few thousand of the 2^20.
 */
let byBucket: Map<number, readonly (number | undefined)[]> | undefined;
/** One bit per bucket (2^20 bits, 128 KiB): set when some head weighs it, so most features cost one read. */
let weighedBits: Uint32Array | undefined;
function weightsByBucket(): Map<number, readonly (number | undefined)[]> {
  if (byBucket === undefined) {
    const h = loaded();
    const table = new Map<number, (number | undefined)[]>();
    LABELS.forEach((label, i) => {
      for (const [bucket, w] of h[label].w) {
        let row = table.get(bucket);
        if (row === undefined) {
          row = [undefined, undefined, undefined];
          table.set(bucket, row);
        }
        row[i] = w;
      }
    });
    const bits = new Uint32Array(1 << (HASH_BITS - 5));
    for (const bucket of table.keys()) bits[bucket >>> 5] = (bits[bucket >>> 5] as number) | (1 << (bucket & 31));
    weighedBits = bits;
    byBucket = table;
  }
  return byBucket;
}

/** A feature some head weighs: the first occurrence of its bucket in the text. */
type Weighed = Readonly<{ start: number; end: number; w: readonly (number | undefined)[] }>;

/**
 * The last text read and its weighed features: the heated and chain rules often read the same
 * text (the subject and what the sender wrote, with no history below), so its features are
 * worked out once per check. The engine forgets it with `clearModelMemo` as each check starts
 * and ends, so no e-mail text stays in memory.
 */
let memo: { text: string; feats: readonly Weighed[] } | undefined;

/** Forgets the last text read (the engine calls it before and after each check). */
export function clearModelMemo(): void {
  memo = undefined;
}

/**
 * The features of a text that some head weighs, each bucket once (its first occurrence),
 * in order of appearance.
 * @param text - the text
 * @returns the weighed features
 */
function weighed(text: string): readonly Weighed[] {
  if (memo !== undefined && memo.text === text) return memo.feats;
  const table = weightsByBucket();
  const bits = weighedBits as Uint32Array;
  const seen = new Set<number>();
  const feats: Weighed[] = [];
  for (const f of featuresOf(text)) {
    if (((bits[f.bucket >>> 5] as number) & (1 << (f.bucket & 31))) === 0) continue;
    const w = table.get(f.bucket);
    if (w === undefined || seen.has(f.bucket)) continue;
    seen.add(f.bucket);
    feats.push({ start: f.start, end: f.end, w });
  }
  memo = { text, feats };
  return feats;
}

/** Evidence pieces kept per head. */
const MAX_EVIDENCE = 3;
const MAX_EVIDENCE_CHARS = 60;

/**
 * One head's judgement of already-weighed features.
 * @param text - the original text (evidence is sliced from it)
 * @param feats - its weighed features
 * @param label - the head
 * @returns the probability and the words that weighed most
 */
function judge(text: string, feats: readonly Weighed[], label: Label): HeadResult {
  const i = LABELS.indexOf(label);
  let z = loaded()[label].bias;
  const bySpan = new Map<number, { start: number; end: number; weight: number }>();
  for (const f of feats) {
    const w = f.w[i];
    if (w === undefined) continue;
    z += w;
    if (f.start < 0 || w <= 0) continue;
    const key = f.start * 65_536 + (f.end - f.start);
    const span = bySpan.get(key);
    if (span) span.weight += w;
    else bySpan.set(key, { start: f.start, end: f.end, weight: w });
  }
  const spans = [...bySpan.values()].sort((a, b) => b.weight - a.weight || a.start - b.start);
  const chosen: { start: number; end: number }[] = [];
  for (const s of spans) {
    if (chosen.length >= MAX_EVIDENCE) break;
    if (s.end - s.start > MAX_EVIDENCE_CHARS) continue;
    if (chosen.some((c) => s.start < c.end && c.start < s.end)) continue;
    chosen.push(s);
  }
  return { probability: 1 / (1 + Math.exp(-z)), evidence: chosen.map((c) => text.slice(c.start, c.end)) };
}

/**
 * Judges a text with one head only (what a rule needs). The text's features are worked out
 * once: a second head asked about the same text in the same check reuses them.
 * @param text - the text
 * @param label - the head
 * @returns the probability and the sender's words that weighed most
 */
export function detectOne(text: string, label: Label): HeadResult {
  return judge(text, weighed(text), label);
}

/**
 * Judges a text with the three heads.
 * @param text - the text (e.g. the subject and what the sender wrote, joined by a new line)
 * @returns per head the probability and the sender's words that weighed most
 */
export function detect(text: string): Detection {
  const feats = weighed(text);
  return { abusive: judge(text, feats, "abusive"), chain: judge(text, feats, "chain"), heated: judge(text, feats, "heated") };
}
