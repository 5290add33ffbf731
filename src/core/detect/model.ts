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
import { HASH_BITS, lengthBucket, listFeatures, type FeatureList } from "./features";

export const LABELS = ["chain", "heated"] as const;
export type Label = (typeof LABELS)[number];

/** One head's judgement. */
export type HeadResult = Readonly<{
  /** Probability (0–1) that the text is of this kind. */
  probability: number;
  /** The words of the text that weighed most towards it, as written, strongest first. */
  evidence: readonly string[];
  /** Of those, the ones worth quoting back to the sender: the first, and the others weighing `MIN_TELLING` or more. */
  telling: readonly string[];
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
/** The base64 digit of each character code (no `atob`/`Buffer`: neither is in every host). */
let digits: Int8Array | undefined;

/**
 * The base64 digits of a string stored by the trainer, by character code: one native test of
 * the whole string, so that no character is checked one by one.
 * @param text - base64 characters
 * @param what - the file it comes from, for the error message
 * @returns the digits by character code
 */
function base64Digits(text: string, what: string): Int8Array {
  const bad = /[^A-Za-z0-9+/]/.exec(text);
  if (bad !== null) throw new Error(`${what}: "${bad[0]}" is not a base64 digit`);
  if (digits === undefined) {
    digits = new Int8Array(128);
    for (let i = 0; i < B64.length; i++) digits[B64.charCodeAt(i)] = i;
  }
  return digits;
}

/**
 * Reads a set of buckets stored by the trainer (tools/detect/train.js, `encodeSet`): `n` gaps
 * (the first from -1), each Rice-coded with parameter `k` ((gap-1) >> k ones, a zero, then the
 * k low bits), packed into base64 `idx`. Reads up to 24 bits at a time and counts the ones
 * with `Math.clz32`, with no call per bucket or per character, so that the first check after
 * loading (before the JavaScript engine has compiled this loop) stays quick.
 * @param stored - the set as stored
 * @param what - the file it comes from, for the error message
 * @returns the buckets, in order
 */
export function readBuckets(stored: Readonly<{ n: number; k: number; idx: string }>, what: string): Int32Array {
  const { idx, k, n } = stored;
  const digit = base64Digits(idx, what);
  const buckets = new Int32Array(n);
  const end = idx.length;
  let pos = 0; // next character of idx
  let acc = 0; // the bits not yet read, in the low `have` bits (never more than 29)
  let have = 0;
  let bucket = -1;
  for (let i = 0; i < n; i++) {
    let q = 0;
    for (;;) {
      while (have <= 23 && pos < end) {
        acc = (acc << 6) | (digit[idx.charCodeAt(pos++)] as number);
        have += 6;
      }
      if (have === 0) throw new Error(`${what}: a bucket list ends early`);
      const zeros = ~acc & ((1 << have) - 1);
      if (zeros === 0) {
        q += have;
        have = 0;
        acc = 0;
        continue;
      }
      const zero = 31 - Math.clz32(zeros); // the first zero still to read
      q += have - 1 - zero;
      have = zero;
      acc &= (1 << have) - 1;
      break;
    }
    while (have < k && pos < end) {
      acc = (acc << 6) | (digit[idx.charCodeAt(pos++)] as number);
      have += 6;
    }
    if (have < k) throw new Error(`${what}: a bucket list ends early`);
    const r = (acc >>> (have - k)) & ((1 << k) - 1);
    have -= k;
    acc &= (1 << have) - 1;
    bucket += q * (1 << k) + r + 1;
    buckets[i] = bucket;
  }
  return buckets;
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
  const digit = base64Digits(q, "model/weights.json");
  readBuckets(stored, "model/weights.json").forEach((bucket, n) => w.set(bucket, ((digit[q.charCodeAt(n)] as number) - 32) * stored.scale));
  return { bias: stored.bias, w };
}

/**
 * The heads as the checks read them: every bucket some head weighs has a slot (1, 2, …; 0 for
 * none), and each head a weight per slot (0 where it has none).
 */
type Table = { slotOf: Uint16Array; weighs: Int32Array; biases: readonly number[]; weights: readonly Float64Array[]; slots: number };
let table: Table | undefined;
/** The heads, unpacked on first use. */
function loaded(): Table {
  if (table === undefined) {
    const stored = (weights as unknown as { heads: Record<Label, StoredHead> }).heads;
    const slotOf = new Uint16Array(1 << HASH_BITS);
    const weighs = new Int32Array(1 << (HASH_BITS - 5));
    // Written straight into typed arrays long enough for every bucket of every head (a plain
    // array written at scattered slots turned sparse and took tens of milliseconds at cold start).
    const weightsBySlot = LABELS.map(() => new Float64Array(LABELS.reduce((sum, l) => sum + stored[l].n, 1)));
    let slots = 0;
    LABELS.forEach((label, h) => {
      const head = stored[label];
      const q = head.q;
      const out = weightsBySlot[h] as Float64Array;
      if (q.length !== head.n) throw new Error(`model/weights.json: a head has ${head.n} buckets but ${q.length} weights`);
      const digit = base64Digits(q, "model/weights.json");
      const buckets = readBuckets(head, "model/weights.json");
      for (let n = 0; n < buckets.length; n++) {
        const bucket = buckets[n] as number;
        let slot = slotOf[bucket] as number;
        if (slot === 0) {
          slot = ++slots;
          if (slot > 0xffff) throw new Error("model/weights.json: more than 65,535 weighed buckets");
          slotOf[bucket] = slot;
          weighs[bucket >>> 5] = (weighs[bucket >>> 5] as number) | (1 << (bucket & 31));
        }
        out[slot] = ((digit[q.charCodeAt(n)] as number) - 32) * head.scale;
      }
    });
    table = { slotOf, weighs, biases: LABELS.map((l) => stored[l].bias), weights: weightsBySlot, slots };
  }
  return table;
}

/** Weighed features, each bucket once (its first occurrence), in order of appearance: slots and spans. */
type Distinct = Readonly<{
  slots: readonly number[];
  starts: readonly number[];
  ends: readonly number[];
}>;

/**
 * The features of a text that some head weighs, each bucket once (`Distinct`); and for the
 * windows of `detectMax`, the slot and span of every occurrence of a weighed feature of the
 * words (`allSlots`, `allStarts`, `allEnds`, in order of sentence), where each sentence's
 * occurrences start (`firstOf`, one more entry than sentences) and its number of words. A
 * window's evidence is read from these (`inWindow`), with no second pass over the text.
 */
type Weighed = Distinct &
  Readonly<{
  allSlots: readonly number[];
  allStarts: readonly number[];
  allEnds: readonly number[];
  firstOf: readonly number[];
  sentenceWords: readonly number[];
}>;

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

/** A window of sentences (first to last, counted from 0). */
type Window = Readonly<{ first: number; last: number }>;

/**
 * The features of a text that some head weighs, each bucket once (its first occurrence), and
 * every occurrence by sentence (`Weighed`).
 * @param text - the text
 * @returns the weighed features
 */
function weighed(text: string): Weighed {
  if (memo !== undefined && memo.text === text) return memo.feats;
  const { slotOf, weighs } = loaded();
  const list = (features ||= { count: 0, data: new Int32Array(0) });
  const sentenceWords: number[] = [];
  listFeatures(text, list, sentenceWords, weighs);
  const seen = nextMark();
  const slots: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const allSlots: number[] = [];
  const allStarts: number[] = [];
  const allEnds: number[] = [];
  const firstOf: number[] = [];
  const data = list.data;
  for (let f = 0; f < 4 * list.count; f += 4) {
    const sentence = data[f + 3] as number;
    while (firstOf.length <= sentence) firstOf.push(allSlots.length);
    const slot = slotOf[data[f] as number] as number;
    if (slot === 0) continue;
    if (sentence >= 0) {
      allSlots.push(slot);
      allStarts.push(data[f + 1] as number);
      allEnds.push(data[f + 2] as number);
    }
    if ((marks as Int32Array)[slot] === seen) continue;
    (marks as Int32Array)[slot] = seen;
    slots.push(slot);
    starts.push(data[f + 1] as number);
    ends.push(data[f + 2] as number);
  }
  while (firstOf.length <= sentenceWords.length) firstOf.push(allSlots.length);
  const feats = { slots, starts, ends, allSlots, allStarts, allEnds, firstOf, sentenceWords };
  memo = { text, feats };
  return feats;
}

/**
 * The weighed features of a window of sentences, each bucket once (its first occurrence in the
 * window): what a pass over the text keeping only the window's features would give.
 * @param feats - the text's weighed features
 * @param window - the sentences
 * @returns the window's features
 */
function inWindow(feats: Weighed, window: Window): Distinct {
  const seen = nextMark();
  const marked = marks as Int32Array;
  const slots: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let f = feats.firstOf[window.first] as number, to = feats.firstOf[window.last + 1] as number; f < to; f++) {
    const slot = feats.allSlots[f] as number;
    if (marked[slot] === seen) continue;
    marked[slot] = seen;
    slots.push(slot);
    starts.push(feats.allStarts[f] as number);
    ends.push(feats.allEnds[f] as number);
  }
  return { slots, starts, ends };
}

/** The list of features `weighed` fills (reused: buckets and offsets only, no text). */
let features: FeatureList | undefined;

/** Evidence pieces kept per head. */
const MAX_EVIDENCE = 3;
const MAX_EVIDENCE_CHARS = 60;
/**
 * Weight a piece needs to be worth quoting after the strongest one. Below it are words the head
 * learnt from how the training mail was written rather than from its tone ("Cc", "Finance",
 * "clicking the", a ticket number: 0.76–1.01), which staff would read as being called angry; the
 * words of heat weigh more ("lecture" 1.14, "stop" 1.39, "waste" 2.28, "hate" 3.42).
 */
const MIN_TELLING = 1.1;

/** The evidence of a head, and the pieces of it worth quoting (`HeadResult`). */
type Evidence = { evidence: readonly string[]; telling: readonly string[] };

/**
 * The words that weighed most towards a head: the spans of its positive weights, summed per
 * span, strongest first, at most MAX_EVIDENCE, none overlapping another or longer than
 * MAX_EVIDENCE_CHARS; and those of them worth quoting (the first, and any weighing MIN_TELLING).
 */
function evidenceOf(text: string, feats: Distinct, i: number): Evidence {
  const weights = loaded().weights[i] as Float64Array;
  const bySpan = new Map<number, { start: number; end: number; weight: number }>();
  for (let f = 0; f < feats.slots.length; f++) {
    const w = weights[feats.slots[f] as number] as number;
    const start = feats.starts[f] as number;
    const end = feats.ends[f] as number;
    if (start < 0 || w <= 0) continue;
    const key = start * 65_536 + (end - start);
    const span = bySpan.get(key);
    if (span) span.weight += w;
    else bySpan.set(key, { start, end, weight: w });
  }
  const spans = [...bySpan.values()].sort((a, b) => b.weight - a.weight || a.start - b.start);
  const chosen: { start: number; end: number; weight: number }[] = [];
  for (const s of spans) {
    if (chosen.length >= MAX_EVIDENCE) break;
    if (s.end - s.start > MAX_EVIDENCE_CHARS) continue;
    if (chosen.some((c) => s.start < c.end && c.start < s.end)) continue;
    chosen.push(s);
  }
  const evidence = chosen.map((c) => text.slice(c.start, c.end));
  return { evidence, telling: evidence.filter((_, k) => k === 0 || (chosen[k] as { weight: number }).weight >= MIN_TELLING) };
}

/**
 * The pieces of a head's evidence that are on one line: what a rule may quote. The model reads the
 * subject and the body joined by a line break (`modelText`), and its word pairs run across lines:
 * subject "Note", body "Sorry, this is the second time…" gave "Note\nSorry", a question and the name
 * signed below it "??\nCallum", phrases that are in no line of the mail. The rules still decide
 * on the whole evidence; only what they quote leaves these out.
 * @param pieces - evidence pieces, as written
 * @returns those without a line break
 */
export function onOneLine(pieces: readonly string[]): string[] {
  return pieces.filter((e) => !e.includes("\n"));
}

/**
 * A head's judgement (`HeadResult`): the probability at once, the evidence only when it is read
 * (most texts do not reach a rule's threshold). A class rather than an object literal with
 * getters: V8 makes each such literal in its runtime, about 3 µs, more than the judgement itself.
 */
class Judged {
  private read: Evidence | undefined;
  /**
   * @param probability - the probability
   * @param find - works out the evidence
   */
  constructor(
    readonly probability: number,
    private readonly find: () => Evidence,
  ) {}
  get evidence(): readonly string[] {
    return (this.read ||= this.find()).evidence;
  }
  get telling(): readonly string[] {
    return (this.read ||= this.find()).telling;
  }
}

/**
 * One head's judgement of already-weighed features.
 * @param text - the original text (evidence is sliced from it)
 * @param feats - its weighed features
 * @param label - the head
 * @returns the probability and the words that weighed most
 */
function judge(text: string, feats: Weighed, label: Label): HeadResult {
  const i = LABELS.indexOf(label);
  const { biases, weights: all } = loaded();
  const weights = all[i] as Float64Array;
  let z = biases[i] as number;
  for (let f = 0; f < feats.slots.length; f++) z += weights[feats.slots[f] as number] as number;
  return new Judged(1 / (1 + Math.exp(-z)), () => evidenceOf(text, feats, i));
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

/** Marks of the slots already counted in the text or window being read (`nextMark`). */
let marks: Int32Array | undefined;
let mark = 0;

/**
 * A fresh mark: a slot is counted when `marks[slot]` is the mark (no array cleared per text).
 * @returns the mark
 */
function nextMark(): number {
  const { slots: count } = loaded();
  if (marks === undefined || marks.length < count + 1) marks = new Int32Array(count + 1);
  if (++mark === 0x7fffffff) {
    marks.fill(0);
    mark = 1;
  }
  return mark;
}

/** The slot of each of the five length features (see `lengthBucket`), found on first use. */
let lengthSlots: number[] | undefined;

/**
 * A window's logit: the head's bias, the weight of the window's length feature and the weight
 * of each distinct weighed feature of its sentences (what train.js, `windowsOf`, learns from).
 */
function windowLogit(feats: Weighed, i: number, first: number, last: number): number {
  const { biases, weights: all, slotOf } = loaded();
  const weights = all[i] as Float64Array;
  const current = nextMark();
  const marked = marks as Int32Array;
  let words = 0;
  for (let s = first; s <= last; s++) words += feats.sentenceWords[s] as number;
  let z = biases[i] as number;
  const length = Math.min(4, Math.floor(Math.log2(words + 1) / 2));
  lengthSlots ||= [-1, -1, -1, -1, -1];
  let lengthSlot = lengthSlots[length] as number;
  if (lengthSlot < 0) lengthSlot = lengthSlots[length] = slotOf[lengthBucket(words)] as number;
  if (lengthSlot !== 0) {
    z += weights[lengthSlot] as number;
    marked[lengthSlot] = current;
  }
  const to = feats.firstOf[last + 1] as number;
  for (let f = feats.firstOf[first] as number; f < to; f++) {
    const slot = feats.allSlots[f] as number;
    if (marked[slot] === current) continue;
    marked[slot] = current;
    z += weights[slot] as number;
  }
  return z;
}

/**
 * Judges a text with one head at its strongest: the whole text, each sentence (when it has two
 * or more) and each two sentences in a row (when it has three or more), as the heated head was
 * trained (tools/detect/train.js, `trainHeadMil`); heat in a long e-mail sits in a sentence or
 * two that the whole text dilutes. The features are worked out once (one pass over the text);
 * the evidence is the words of the strongest window that weighed most.
 * @param text - the text
 * @param label - the head
 * @param whole - the whole text's judgement by this head, when the caller has it already
 *   (`detectOne(text, label)`), so that it is not worked out twice
 * @returns the highest probability and the words that weighed most where it was found
 */
export function detectMax(text: string, label: Label, whole: HeadResult = detectOne(text, label)): HeadResult {
  const feats = weighed(text);
  const i = LABELS.indexOf(label);
  const m = feats.sentenceWords.length;
  let best = Number.NEGATIVE_INFINITY;
  let window: Window | undefined;
  for (let size = 1; size <= 2; size++) {
    if (m <= size) break;
    for (let first = 0; first + size <= m; first++) {
      const z = windowLogit(feats, i, first, first + size - 1);
      if (z > best) {
        best = z;
        window = { first, last: first + size - 1 };
      }
    }
  }
  const p = 1 / (1 + Math.exp(-best));
  if (window === undefined || p <= whole.probability) return whole;
  const at = window;
  return new Judged(p, () => evidenceOf(text, inWindow(feats, at), i));
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
