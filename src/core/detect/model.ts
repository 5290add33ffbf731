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
import { featuresOf, type Feature } from "./features";

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

/** Evidence pieces kept per head. */
const MAX_EVIDENCE = 3;
const MAX_EVIDENCE_CHARS = 60;

/**
 * One head's judgement of already-computed features.
 * @param text - the original text (evidence is sliced from it)
 * @param feats - its features
 * @param head - the head
 * @returns the probability and the words that weighed most
 */
function judge(text: string, feats: readonly Feature[], head: Head): HeadResult {
  let z = head.bias;
  const seen = new Set<number>();
  const bySpan = new Map<number, { start: number; end: number; weight: number }>();
  for (const f of feats) {
    const w = head.w.get(f.bucket);
    if (w === undefined || seen.has(f.bucket)) continue;
    seen.add(f.bucket);
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
 * Judges a text with one head only (what a rule needs; a third of the work of `detect`).
 * @param text - the text
 * @param label - the head
 * @returns the probability and the sender's words that weighed most
 */
export function detectOne(text: string, label: Label): HeadResult {
  return judge(text, featuresOf(text), loaded()[label]);
}

/**
 * Judges a text with the three heads.
 * @param text - the text (e.g. the subject and what the sender wrote, joined by a new line)
 * @returns per head the probability and the sender's words that weighed most
 */
export function detect(text: string): Detection {
  const h = loaded();
  const feats = featuresOf(text);
  return { abusive: judge(text, feats, h.abusive), chain: judge(text, feats, h.chain), heated: judge(text, feats, h.heated) };
}
