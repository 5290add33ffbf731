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
 * The bucket of the length feature of a text or window of `words` words (one of five: 0, 1–2,
 * 3–14, 15–62, 63 and more words).
 * @param words - the number of words
 * @returns the bucket
 */
export function lengthBucket(words: number): number {
  return bucketOf("#bias-len" + Math.min(4, Math.floor(Math.log2(words + 1) / 2)));
}

/** A space, tab or line break (including a no-break space). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}

/**
 * Whether a sentence ends between two words: at a line break, at a full stop, colon or
 * semicolon followed by a space (not "3.5" or "libc.so"), or after a run of `!`/`?` (a word of
 * its own here) when the next word is not one.
 * @param p - the first character of the word before
 * @param q - the first character of the word after
 */
function sentenceBreak(read: string, from: number, to: number, p: number, q: number): boolean {
  if ((p === 33 || p === 63) && q !== 33 && q !== 63) return true;
  for (let i = from; i < to; i++) {
    const c = read.charCodeAt(i);
    if (c === 10) return true;
    if ((c === 46 || c === 59 || c === 58) && i + 1 < to && isSpace(read.charCodeAt(i + 1))) return true;
  }
  return false;
}

/**
 * The features of one text as `listFeatures` lists them, in an array it reuses: feature `f <
 * count` is `data[4f]`, its bucket, then the span of the text it stands for (-1, -1: none) and
 * the sentence of its (first) word (-1 for the length feature of the whole text).
 */
export type FeatureList = { count: number; data: Int32Array };

/** Per word (at most MAX_WORDS) of the text being read: its span. */
const wordStart = new Int32Array(MAX_WORDS);
const wordEnd = new Int32Array(MAX_WORDS);
let capsBucket = -1;
/** "<", a word of at most 20 characters (lower case), ">": what its character 4-grams are read from. */
const padded = new Int32Array(22).fill(LT, 0, 1);

// Classic Outlook's JavaScript runtime is ES2016: no `\p{…}` (a syntax error there), so the
// letter and number classes come from ../text/char-classes, which matches Node's `\p{L}\p{N}`.
// Made on first use, not at load: a runtime that cannot compile it then fails only the rules
// that read the model, never the whole add-in.
let wordExpression: RegExp | undefined;
function wordPattern(): RegExp {
  wordExpression ||= new RegExp(`[${LETTER_OR_NUMBER_U}]+(?:['’][${LETTER_U}]+)*|[!?]+`, "gu");
  return wordExpression;
}

/**
 * Lists the features of a text in order of appearance (a feature may repeat): what
 * `featuresOf` gives, without a string or an object per feature. N-grams are hashed as they are
 * read, over character codes (the same FNV-1a as `bucketOf` of the prefixed n-gram). Each
 * feature also gets the sentence its (first) word is in, so that the heated head can judge
 * short windows of sentences from this one pass (model.ts, `detectMax`); sentences never go
 * backwards in the order of the list.
 * @param text - the original text (not lower-cased; spans point into it)
 * @param out - filled with the features (`count` of them)
 * @param sentenceWords - when given, filled with the number of words of each sentence
 * @param keep - when given, only the buckets whose bit is set here are listed (bit `b & 31` of
 *   entry `b >>> 5`): the model's few thousand weighed buckets, looked up in a table small
 *   enough to stay in the processor's cache
 */
export function listFeatures(text: string, out: FeatureList, sentenceWords?: number[], keep?: Int32Array): void {
  const read = sampleText(text);
  // The words' lower-case forms ("!!", "??" or "?!" for a run of marks), each its own string:
  // hashed from these rather than from one string joined word by word (1.4 µs less a message).
  const forms: string[] = [];
  let n = 0;
  const WORD = wordPattern();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(read); m !== null && n < MAX_WORDS; m = WORD.exec(read)) {
    const raw = m[0];
    let w = raw.toLowerCase();
    if (w.indexOf("’") >= 0) w = w.replace(/’/g, "'");
    const c = w.charCodeAt(0);
    if (c === 33 || c === 63) w = w.length > 1 ? (w.indexOf("?") >= 0 && w.indexOf("!") >= 0 ? "?!" : w.charAt(0) + w.charAt(0)) : w;
    wordStart[n] = m.index;
    wordEnd[n] = m.index + raw.length;
    forms[n++] = w;
  }
  if (capsBucket < 0) capsBucket = bucketOf("#caps");
  if (sentenceWords !== undefined) sentenceWords.length = 0;
  // At most 22 features a word (a unigram, a bigram, 19 character 4-grams, capitals), and the length.
  if (out.data.length < 88 * n + 4) out.data = new Int32Array(88 * n + 4);
  let f = add(out, keep, 0, lengthBucket(n), -1, -1, -1);
  let sentence = 0;
  let inSentence = 0;
  for (let i = 0; i < n; i++) {
    const start = wordStart[i] as number;
    const end = wordEnd[i] as number;
    if (i > 0 && sentenceBreak(read, wordEnd[i - 1] as number, start, read.charCodeAt(wordStart[i - 1] as number), read.charCodeAt(start))) {
      if (sentenceWords !== undefined) sentenceWords[sentence] = inSentence;
      sentence++;
      inSentence = 0;
    }
    inSentence++;
    const form = forms[i] as string;
    const len = form.length;
    let hu = H_UNIGRAM;
    let hb = H_BIGRAM;
    for (let k = 0; k < len; k++) {
      const c = form.charCodeAt(k);
      hu = Math.imul(hu ^ c, 0x01000193);
      hb = Math.imul(hb ^ c, 0x01000193);
      if (len <= 20) padded[k + 1] = c;
    }
    f = add(out, keep, f, (hu >>> 0) & MASK, start, end, sentence);
    // The bigram this word starts: "b:" + word + " " + next word.
    if (i + 1 < n) {
      let hn = Math.imul(hb ^ 32, 0x01000193);
      const next = forms[i + 1] as string;
      for (let k = 0; k < next.length; k++) hn = Math.imul(hn ^ next.charCodeAt(k), 0x01000193);
      f = add(out, keep, f, (hn >>> 0) & MASK, start, wordEnd[i + 1] as number, sentence);
    }
    if (len >= 4 && len <= 20) {
      // The character 4-grams of "<" + word + ">".
      padded[len + 1] = GT;
      for (let j = 0; j + 4 <= len + 2; j++) {
        let h = H_CHARS;
        for (let k = j; k < j + 4; k++) h = Math.imul(h ^ (padded[k] as number), 0x01000193);
        f = add(out, keep, f, (h >>> 0) & MASK, start, end, sentence);
      }
    }
    // A word written in capitals (three letters or more) is a sign of its own.
    const first = read.charCodeAt(start);
    const raw = end - start >= 3 && (first < 97 || first > 122) ? read.slice(start, end) : "";
    if (raw !== "" && raw === raw.toUpperCase() && raw !== raw.toLowerCase()) {
      f = add(out, keep, f, capsBucket, start, end, sentence);
    }
  }
  out.count = f;
  if (sentenceWords !== undefined && n > 0) sentenceWords[sentence] = inSentence;
}

/** Lists one feature at `f` unless `keep` leaves it out; returns where the next one goes. */
function add(out: FeatureList, keep: Int32Array | undefined, f: number, bucket: number, start: number, end: number, sentence: number): number {
  if (keep !== undefined && ((keep[bucket >>> 5] as number) & (1 << (bucket & 31))) === 0) return f;
  const data = out.data;
  data[4 * f] = bucket;
  data[4 * f + 1] = start;
  data[4 * f + 2] = end;
  data[4 * f + 3] = sentence;
  return f + 1;
}

/** The list `forEachFeature` fills (a call made from inside a visit gets its own). */
let shared: FeatureList | undefined;

/**
 * Calls `visit` with each feature of a text, in order of appearance: `listFeatures`, one call
 * per feature (for training and tests; the model reads the list itself).
 * @param text - the original text (not lower-cased; spans point into it)
 * @param visit - called with the bucket, the span of the text it stands for (-1, -1: none) and
 *   the sentence (0, 1, …; -1 for the length feature of the whole text)
 * @param sentenceWords - when given, filled with the number of words of each sentence
 */
export function forEachFeature(text: string, visit: (bucket: number, start: number, end: number, sentence: number) => void, sentenceWords?: number[]): void {
  const list = shared || { count: 0, data: new Int32Array(0) };
  shared = undefined;
  listFeatures(text, list, sentenceWords);
  const data = list.data;
  try {
    for (let f = 0; f < 4 * list.count; f += 4) visit(data[f] as number, data[f + 1] as number, data[f + 2] as number, data[f + 3] as number);
  } finally {
    shared = list;
  }
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
