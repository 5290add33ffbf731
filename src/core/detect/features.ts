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

/** Bits of the hashing space (2^20 buckets); the trained weights keep only a few thousand. */
export const HASH_BITS = 20;
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

/**
 * The features of a text.
 * @param text - the original text (not lower-cased; spans point into it)
 * @returns features in order of appearance (a feature may repeat)
 */
export function featuresOf(text: string): Feature[] {
  const read = sampleText(text);
  const out: Feature[] = [];
  const words: { w: string; start: number; end: number }[] = [];
  const WORD = wordPattern();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(read); m !== null && words.length < MAX_WORDS; m = WORD.exec(read)) {
    const raw = m[0];
    let w = raw.toLowerCase().replace(/’/g, "'");
    if (w[0] === "!" || w[0] === "?") w = w.length > 1 ? (w.includes("?") && w.includes("!") ? "?!" : w[0] + w[0]) : w;
    words.push({ w, start: m.index, end: m.index + raw.length });
  }
  out.push({ bucket: bucketOf("#bias-len" + Math.min(4, Math.floor(Math.log2(words.length + 1) / 2))), start: -1, end: -1 });
  words.forEach(({ w, start, end }, i) => {
    out.push({ bucket: bucketOf("u:" + w), start, end });
    const next = words[i + 1];
    if (next !== undefined) out.push({ bucket: bucketOf("b:" + w + " " + next.w), start, end: next.end });
    if (w.length >= 4 && w.length <= 20) {
      const padded = "<" + w + ">";
      for (let j = 0; j + 4 <= padded.length; j++) out.push({ bucket: bucketOf("c:" + padded.slice(j, j + 4)), start, end });
    }
    // A word written in capitals (three letters or more) is a sign of its own.
    const raw = text.slice(start, end);
    if (raw.length >= 3 && raw === raw.toUpperCase() && raw !== raw.toLowerCase()) out.push({ bucket: bucketOf("#caps"), start, end });
  });
  return out;
}
