/**
 * @fileoverview Features of the detection model: hashed word unigrams and bigrams and hashed
 * character n-grams inside words, each remembered with the span of the original text it came
 * from so that a finding can quote the sender's own words back exactly as written.
 *
 * Shared by the inference in `model.ts` and by the training script (`tools/detect/train.js`
 * loads this file through the TypeScript compiler), so both hash text the same way. Pure: no
 * Node built-ins, no Office.
 */
import { LETTER_OR_NUMBER_U, LETTER_U } from "../text/char-classes";
import sentiment from "./model/sentiment.json";

/**
 * Bits of the hashing space (2^18 buckets); the trained weights keep only a few thousand. 2^18
 * rather than 2^20 judged as well on the dev split and stores each bucket in two fewer bits.
 */
export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;
/** The most characters of text the model reads (first part; see `sampleText`). */
export const MAX_MODEL_CHARS = 12_000;
/** Words kept per text; a longer text is cut (`sampleText` already keeps it short). */
const MAX_WORDS = 3000;

/** One feature occurrence: its bucket and the span of the original text it stands for. */
export type Feature = Readonly<{ bucket: number; start: number; end: number }>;

/**
 * FNV-1a hash of a string, folded into the hashing space.
 * @param s - the string (a prefixed n-gram)
 * @returns the bucket
 */
export function bucketOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
let digits: Int8Array | undefined;
/**
 * The base64 digit a character stands for (no `atob`/`Buffer`: neither is in every host).
 * @param code - the character's code
 * @param what - the file it comes from, for the error message
 * @returns 0 to 63
 */
export function base64Digit(code: number, what: string): number {
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

/** Strength of a negative word in the sentiment lexicon (model/sentiment.json, from AFINN-165). */
const MILD = 1;
const NEGATIVE = 2;
const STRONG = 3;
/**
 * Bits of a word's key in the sentiment lexicon: the top 24 bits of the FNV-1a hash of
 * "u:" + word (the unigram's hash before it is folded into the model's 2^18 buckets). With 24
 * bits about one word in 7,000 not in the lexicon shares a key with one in it; with the model's
 * 18, one in 120 would (common words such as "this" among them).
 */
export const LEXICON_KEY_BITS = 24;
/**
 * A word's key in the sentiment lexicon.
 * @param word - the word, lower-cased as the model reads it
 * @returns its key
 */
export function lexiconKey(word: string): number {
  let h = H_UNIGRAM;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return (h >>> 0) >>> (32 - LEXICON_KEY_BITS);
}
let strengthTable: Map<number, number> | undefined;
/** Per word key its negative strength (no entry: the word is not in the lexicon). */
function strengths(): Map<number, number> {
  if (strengthTable === undefined) {
    const table = new Map<number, number>();
    const sets = (sentiment as unknown as { sets: Record<"mild" | "negative" | "strong", { n: number; k: number; idx: string }> }).sets;
    readBuckets(sets.mild, "model/sentiment.json", (b) => table.set(b, MILD));
    readBuckets(sets.negative, "model/sentiment.json", (b) => table.set(b, NEGATIVE));
    readBuckets(sets.strong, "model/sentiment.json", (b) => table.set(b, STRONG));
    strengthTable = table;
  }
  return strengthTable;
}

/** Words that address the reader. */
const SECOND_PERSON = new Set(["you", "your", "you're", "yours", "yourself", "yourselves", "you've", "you'll", "you'd", "u", "ur"]);
/** How near (in words) a negative word and "you" must be to count together. */
const YOU_NEAR = 3;

// Classic Outlook's JavaScript runtime is ES2016: no `\p{…}` (a syntax error there), so the
// letter and number classes come from ../text/char-classes, which matches Node's `\p{L}\p{N}`.
// Made on first use, not at load: a runtime that cannot compile it then fails only the rules
// that read the model, never the whole add-in.
let wordExpression: RegExp | undefined;
function wordPattern(): RegExp {
  wordExpression ??= new RegExp(`[${LETTER_OR_NUMBER_U}]+(?:['’][${LETTER_U}]+)*|[!?]+`, "gu");
  return wordExpression;
}

/** Reply prefixes at the start of a subject ("Re:", "RE: AW:", "Re[2]:", French/German/Nordic/Polish/Italian ones). */
const REPLY_PREFIXES = /^(?:\s*(?:re|aw|sv|antw|odp|rif|vs|r)\s*(?:\[\d+\])?\s*:)+\s*/i;

/**
 * The text the model reads for a message: its subject without reply prefixes, then the body.
 * A reply's "Re:" says nothing about tone, and the hand-written corpus has it on most heated
 * replies and few clean notes, so a model that saw it learnt "Re" as an angry word. Training,
 * evaluation and the rules all call this, so they read the same thing.
 * @param subject - the subject as written ("" when there is none)
 * @param body - the body (for the rules: what the sender wrote)
 * @returns the text to judge; offsets into it point at the subject's words or the body's
 */
export function modelText(subject: string, body: string): string {
  const topic = subject.replace(REPLY_PREFIXES, "").trim();
  return topic === "" ? body : `${topic}\n${body}`;
}

/**
 * What the model reads of a long text: the first `MAX_MODEL_CHARS` characters. Heated words
 * and chain-mail patter sit near the top of what the sender wrote; reading a fixed prefix keeps
 * a 1 MB body as fast as a short note. The offsets stay those of the original text.
 * @param text - the text
 * @returns the part read
 */
export function sampleText(text: string): string {
  return text.length <= MAX_MODEL_CHARS ? text : text.slice(0, MAX_MODEL_CHARS);
}

/** FNV-1a state after the characters of a prefix. */
function fnvState(prefix: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < prefix.length; i++) h = Math.imul(h ^ prefix.charCodeAt(i), 0x01000193);
  return h;
}
/** FNV-1a state after "u:", "b:" and "c:", the prefixes of unigrams, bigrams and character n-grams. */
const H_UNIGRAM = fnvState("u:");
const H_BIGRAM = fnvState("b:");
const H_CHARS = fnvState("c:");
const LT = 60; // "<", before a word's character n-grams
const GT = 62; // ">", after them

/**
 * Calls `visit` with each feature of a text, in order of appearance (a feature may repeat):
 * what `featuresOf` lists, without making a string or an object per feature. N-grams are
 * hashed as they are read, over character codes (the same FNV-1a as `bucketOf` of the prefixed
 * n-gram).
 * @param text - the original text (not lower-cased; spans point into it)
 * @param visit - called with the bucket and the span of the text it stands for (-1, -1: none)
 */
export function forEachFeature(text: string, visit: (bucket: number, start: number, end: number) => void): void {
  const read = sampleText(text);
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const WORD = wordPattern();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(read); m !== null && words.length < MAX_WORDS; m = WORD.exec(read)) {
    const raw = m[0];
    let w = raw.toLowerCase();
    if (w.indexOf("’") >= 0) w = w.replace(/’/g, "'");
    const c = w.charCodeAt(0);
    if (c === 33 || c === 63) w = w.length > 1 ? (w.indexOf("?") >= 0 && w.indexOf("!") >= 0 ? "?!" : w.charAt(0) + w.charAt(0)) : w;
    words.push(w);
    starts.push(m.index);
    ends.push(m.index + raw.length);
  }
  const n = words.length;
  visit(bucketOf("#bias-len" + Math.min(4, Math.floor(Math.log2(n + 1) / 2))), -1, -1);
  const strength = strengths();
  let negatives = 0;
  let lastYou = -100;
  let lastNegative = -100;
  for (let i = 0; i < n; i++) {
    const w = words[i] as string;
    const start = starts[i] as number;
    const end = ends[i] as number;
    const len = w.length;
    let hu = H_UNIGRAM;
    let hb = H_BIGRAM;
    for (let k = 0; k < len; k++) {
      const c = w.charCodeAt(k);
      hu = Math.imul(hu ^ c, 0x01000193);
      hb = Math.imul(hb ^ c, 0x01000193);
    }
    const unigram = (hu >>> 0) & MASK;
    visit(unigram, start, end);
    // Sentiment-lexicon signs: each negative word (by strength), the second and third in a
    // text, and a negative word near "you". They let the model weigh negative words it never
    // saw in training.
    const s = strength.get((hu >>> 0) >>> (32 - LEXICON_KEY_BITS)) ?? 0;
    if (SECOND_PERSON.has(w)) {
      if (i - lastNegative <= YOU_NEAR) visit(bucketOf("#you-neg"), starts[lastNegative] as number, end);
      lastYou = i;
    }
    if (s > 0) {
      visit(bucketOf(s === STRONG ? "#neg-strong" : s === NEGATIVE ? "#neg" : "#neg-mild"), start, end);
      if (s > MILD) {
        negatives++;
        if (negatives === 2 || negatives === 3) visit(bucketOf(`#neg${negatives}`), start, end);
        if (i - lastYou <= YOU_NEAR) visit(bucketOf("#you-neg"), starts[lastYou] as number, end);
        lastNegative = i;
      }
    }
    // The bigram this word starts: "b:" + word + " " + next word.
    if (i + 1 < n) {
      let hn = Math.imul(hb ^ 32, 0x01000193);
      const next = words[i + 1] as string;
      for (let k = 0; k < next.length; k++) hn = Math.imul(hn ^ next.charCodeAt(k), 0x01000193);
      visit((hn >>> 0) & MASK, start, ends[i + 1] as number);
    }
    if (len >= 4 && len <= 20) {
      // The character 4-grams of "<" + word + ">".
      for (let j = 0; j + 4 <= len + 2; j++) {
        let h = H_CHARS;
        for (let k = j; k < j + 4; k++) h = Math.imul(h ^ (k === 0 ? LT : k === len + 1 ? GT : w.charCodeAt(k - 1)), 0x01000193);
        visit((h >>> 0) & MASK, start, end);
      }
    }
    // A word written in capitals (three letters or more) is a sign of its own.
    if (end - start >= 3) {
      const raw = text.slice(start, end);
      if (raw === raw.toUpperCase() && raw !== raw.toLowerCase()) visit(bucketOf("#caps"), start, end);
    }
  }
  // Many negative words for the length of the text (one in ten words or more).
  if (negatives >= 2 && negatives * 10 >= n) visit(bucketOf("#neg-dense"), -1, -1);
}

/**
 * The features of a text (what training reads and evidence is found from).
 * @param text - the original text (not lower-cased; spans point into it)
 * @returns features in order of appearance (a feature may repeat)
 */
export function featuresOf(text: string): Feature[] {
  const out: Feature[] = [];
  forEachFeature(text, (bucket, start, end) => out.push({ bucket, start, end }));
  return out;
}
