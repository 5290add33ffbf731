/**
 * @fileoverview The detection model: two logistic-regression heads (chain, heated) over the
 * hashed features of `features.ts`, trained by `tools/detect/train.js` and shipped as pruned,
 * quantised weights in `model/weights.json` (see docs/model-card.md). The abusive judgement is
 * the lexicon's (`abuse/`): no rule read an abusive head, so none is shipped.
 *
 * `detect(text)` gives each head's probability and its evidence: the words or phrases of the
 * text that weighed most towards it, quoted exactly as written (a slice of the original text,
 * never lower-cased or re-tokenised). Rules show the evidence, never a bare score. Long texts
 * are read up to `MAX_MODEL_CHARS` (features.ts). Pure: no Node built-ins.
 */
import weights from "./model/weights.json";
import { forEachFeature, HASH_BITS } from "./features";

export const LABELS = ["chain", "heated"] as const;
export type Label = (typeof LABELS)[number];

/** One head's judgement. */
export type HeadResult = Readonly<{
  /** Probability (0–1) that the text is of this kind. */
  probability: number;
  /** The words of the text that weighed most towards it, as written, strongest first. */
  evidence: readonly string[];
}>;
export type Detection = Readonly<Record<Label, HeadResult>>;

/**
 * A head as stored (tools/detect/train.js, `encodeHead`): `n` weights; `idx` their buckets in
 * order as gaps (the first from -1), Rice-coded with parameter `k` and packed into base64;
 * `q` one base64 character per weight: its value in steps of `scale`, plus 32.
 */
type StoredHead = { bias: number; scale: number; n: number; k: number; idx: string; q: string };
type Head = { bias: number; w: Map<number, number> };

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
let digits: Int8Array | undefined;
/**
 * The base64 digit a character stands for (no `atob`/`Buffer`: neither is in every host).
 * @param code - the character's code
 * @param what - the file it comes from, for the error message
 * @returns 0 to 63
 */
function base64Digit(code: number, what: string): number {
  if (digits === undefined) {
    digits = new Int8Array(128).fill(-1);
    for (let i = 0; i < B64.length; i++) digits[B64.charCodeAt(i)] = i;
  }
  const d = digits[code] ?? -1;
  if (d < 0) throw new Error(`${what}: "${String.fromCharCode(code)}" is not a base64 digit`);
  return d;
}

/**
 * Reads a set of buckets stored by the trainer (tools/detect/train.js, `encodeSet`): `n` gaps
 * (the first from -1), each Rice-coded with parameter `k`, packed into base64 `idx`.
 * @param stored - the set as stored
 * @param what - the file it comes from, for the error message
 * @param visit - called with each bucket in order and its position in the set
 */
export function readBuckets(stored: Readonly<{ n: number; k: number; idx: string }>, what: string, visit: (bucket: number, position: number) => void): void {
  const { idx, k } = stored;
  let pos = 0; // next character of idx
  let acc = 0; // bits not yet read, in the low `have` bits
  let have = 0;
  const bit = (): number => {
    if (have === 0) {
      if (pos >= idx.length) throw new Error(`${what}: a bucket list ends early`);
      acc = base64Digit(idx.charCodeAt(pos++), what);
      have = 6;
    }
    have--;
    return (acc >> have) & 1;
  };
  let bucket = -1;
  for (let n = 0; n < stored.n; n++) {
    let q = 0;
    while (bit() === 1) q++;
    let r = 0;
    for (let i = 0; i < k; i++) r = (r << 1) | bit();
    bucket += q * (1 << k) + r + 1;
    visit(bucket, n);
  }
}

/**
 * Unpacks one head: its buckets (a set read by `readBuckets`) and quantised weights times the
 * head's scale.
 * @param stored - the head as stored
 * @returns bias and weights by bucket
 */
export function unpack(stored: StoredHead): Head {
  const w = new Map<number, number>();
  const q = stored.q;
  if (q.length !== stored.n) throw new Error(`model/weights.json: a head has ${stored.n} buckets but ${q.length} weights`);
  readBuckets(stored, "model/weights.json", (bucket, n) => w.set(bucket, (base64Digit(q.charCodeAt(n), "model/weights.json") - 32) * stored.scale));
  return { bias: stored.bias, w };
}

let heads: Record<Label, Head> | undefined;
/** The heads, unpacked on first use. */
function loaded(): Record<Label, Head> {
  if (heads === undefined) {
    const stored = (weights as unknown as { heads: Record<Label, StoredHead> }).heads;
    heads = { chain: unpack(stored.chain), heated: unpack(stored.heated) };
  }
  return heads;
}

/**
 * Per bucket the weight of each head (in `LABELS` order; `undefined` where a head has none),
 * for the buckets that some head knows: a few thousand of the 2^18.
 */
let byBucket: Map<number, readonly (number | undefined)[]> | undefined;
/** One bit per bucket (2^18 bits, 32 KiB): set when some head weighs it, so most features cost one read. */
let weighedBits: Uint32Array | undefined;
function weightsByBucket(): Map<number, readonly (number | undefined)[]> {
  if (byBucket === undefined) {
    const h = loaded();
    const table = new Map<number, (number | undefined)[]>();
    LABELS.forEach((label, i) => {
      for (const [bucket, w] of h[label].w) {
        let row = table.get(bucket);
        if (row === undefined) {
          row = [undefined, undefined];
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

/**
 * The features of a text that some head weighs, each bucket once (its first occurrence), in
 * order of appearance: parallel lists of each head's weight (0 where it has none) and the span.
 */
type Weighed = Readonly<{ weights: readonly Float64Array[]; starts: readonly number[]; ends: readonly number[] }>;

/**
 * The last text read and its weighed features: the heated and chain rules often read the same
 * text (the subject and what the sender wrote, with no history below), so its features are
 * worked out once per check. The engine forgets it with `clearModelMemo` as each check starts
 * and ends, so no e-mail text stays in memory.
 */
let memo: { text: string; feats: Weighed } | undefined;

/** Forgets the last text read (the engine calls it before and after each check). */
export function clearModelMemo(): void {
  memo = undefined;
}

/**
 * The features of a text that some head weighs, each bucket once (its first occurrence).
 * @param text - the text
 * @returns the weighed features
 */
function weighed(text: string): Weighed {
  if (memo !== undefined && memo.text === text) return memo.feats;
  const table = weightsByBucket();
  const bits = weighedBits as Uint32Array;
  const seen = new Set<number>();
  const rows: (readonly (number | undefined)[])[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  forEachFeature(text, (bucket, start, end) => {
    if (((bits[bucket >>> 5] as number) & (1 << (bucket & 31))) === 0 || seen.has(bucket)) return;
    const row = table.get(bucket);
    if (row === undefined) return;
    seen.add(bucket);
    rows.push(row);
    starts.push(start);
    ends.push(end);
  });
  const weights = LABELS.map((_, i) => Float64Array.from(rows, (row) => row[i] ?? 0));
  const feats = { weights, starts, ends };
  memo = { text, feats };
  return feats;
}

/** Evidence pieces kept per head. */
const MAX_EVIDENCE = 3;
const MAX_EVIDENCE_CHARS = 60;

/**
 * The words that weighed most towards a head: the spans of its positive weights, summed per
 * span, strongest first, at most MAX_EVIDENCE, none overlapping another or longer than
 * MAX_EVIDENCE_CHARS.
 */
function evidenceOf(text: string, feats: Weighed, i: number): string[] {
  const weights = feats.weights[i] as Float64Array;
  const bySpan = new Map<number, { start: number; end: number; weight: number }>();
  for (let f = 0; f < weights.length; f++) {
    const w = weights[f] as number;
    const start = feats.starts[f] as number;
    const end = feats.ends[f] as number;
    if (start < 0 || w <= 0) continue;
    const key = start * 65_536 + (end - start);
    const span = bySpan.get(key);
    if (span) span.weight += w;
    else bySpan.set(key, { start, end, weight: w });
  }
  const spans = [...bySpan.values()].sort((a, b) => b.weight - a.weight || a.start - b.start);
  const chosen: { start: number; end: number }[] = [];
  for (const s of spans) {
    if (chosen.length >= MAX_EVIDENCE) break;
    if (s.end - s.start > MAX_EVIDENCE_CHARS) continue;
    if (chosen.some((c) => s.start < c.end && c.start < s.end)) continue;
    chosen.push(s);
  }
  return chosen.map((c) => text.slice(c.start, c.end));
}

/**
 * One head's judgement of already-weighed features. The probability is worked out at once;
 * the evidence only when it is read (most texts do not reach a rule's threshold).
 * @param text - the original text (evidence is sliced from it)
 * @param feats - its weighed features
 * @param label - the head
 * @returns the probability and the words that weighed most
 */
function judge(text: string, feats: Weighed, label: Label): HeadResult {
  const i = LABELS.indexOf(label);
  const weights = feats.weights[i] as Float64Array;
  let z = loaded()[label].bias;
  for (let f = 0; f < weights.length; f++) z += weights[f] as number;
  let evidence: readonly string[] | undefined;
  return {
    probability: 1 / (1 + Math.exp(-z)),
    get evidence(): readonly string[] {
      evidence ??= evidenceOf(text, feats, i);
      return evidence;
    },
  };
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
 * Judges a text with both heads.
 * @param text - the text (e.g. the subject and what the sender wrote, joined by a new line)
 * @returns per head the probability and the sender's words that weighed most
 */
export function detect(text: string): Detection {
  const feats = weighed(text);
  return { chain: judge(text, feats, "chain"), heated: judge(text, feats, "heated") };
}
