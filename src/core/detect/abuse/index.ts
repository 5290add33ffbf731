/**
 * The abusive-language lexicon: the hand-made British lists (`data/abusive/<category>.json`,
 * with allow lists for innocent spellings) plus the terms prepared from surge-ai/profanity
 * (`data/abusive/surge.json`, MIT; made by `tools/detect/lexicon/prepare.js`), compiled once
 * into the obfuscation-reading matcher of `../lexicon.ts`.
 *
 * `abuseHits(text)` is pure and linear in the text; the rules and the model's features use it.
 */
import { compileLexicon, normalizeTerm, type FindOptions, type Lexicon, type LexiconEntry, type LexiconHit, type MatchMode } from "../lexicon";
import { compileMasked, type MaskedMatcher } from "./masked";
import maskedData from "../../data/abusive/masked.json";
import categoryData from "../../data/abusive/categories.json";
import expansionData from "../../data/abusive/expansions.json";
import obscene from "../../data/abusive/obscene.json";
import sexual from "../../data/abusive/sexual.json";
import racist from "../../data/abusive/racist.json";
import homophobic from "../../data/abusive/homophobic.json";
import disablist from "../../data/abusive/disablist.json";
import insult from "../../data/abusive/insult.json";
import harassment from "../../data/abusive/harassment.json";
import threat from "../../data/abusive/threat.json";
import hate from "../../data/abusive/hate.json";
import coarse from "../../data/abusive/coarse.json";
import surge from "../../data/abusive/surge.json";
import contextData from "../../data/abusive/context.json";

/** One category file of the lexicon. */
export type AbusiveWordList = Readonly<{
  category: string;
  word: readonly string[];
  prefix: readonly string[];
  within: readonly string[];
  phrase: readonly string[];
  /** Term → innocent spellings containing it. */
  allow: Readonly<Record<string, readonly string[]>>;
}>;

export type CategoryInfo = Readonly<{
  /** The category in a word or two, e.g. `homophobic or transphobic`. */
  label: string;
  /** What a finding names, in the policy's words, e.g. `a homophobic or transphobic slur, which is discriminatory`. */
  kind: string;
  enabled: boolean;
  mask: boolean;
}>;

/** The lexicon's categories (`categories.json`); `custom` holds the policy's `extraWords`. */
export const ABUSIVE_CATEGORIES: Readonly<Record<string, CategoryInfo>> = categoryData;

/** Words phrases read through (`u` → `you`, `ill` → `i will`). */
export const ABUSIVE_EXPANSIONS: Readonly<Record<string, string>> = expansionData;

/**
 * The hand-made category files, in the order findings are listed (threats first). `hate.json` is
 * empty: hatred of people is said in ordinary words, found by the frames of `direct.ts`.
 */
export const ABUSIVE_WORD_LISTS: readonly AbusiveWordList[] = [
  threat,
  hate,
  harassment,
  racist,
  homophobic,
  disablist,
  obscene,
  sexual,
  insult,
  coarse,
];

/** How bad a category's hand-made terms are, 1 (mild) to 3 (severe). */
const HAND_SEVERITY: Readonly<Record<string, number>> = {
  threat: 3,
  hate: 3,
  racist: 3,
  homophobic: 3,
  disablist: 3,
  harassment: 2,
  obscene: 2,
  sexual: 2,
  insult: 1,
  coarse: 1,
};

const MODES: readonly MatchMode[] = ["word", "prefix", "within", "phrase"];

/** Terms that are also names (Dick Francis, Fanny the cook, Dyke Road): see {@link writtenAsName}. */
const NAME_TERMS: ReadonlySet<string> = new Set(["dick", "dicks", "fanny", "dyke"]);

/** Words before a term that make it said of someone, not a name: "what a Dick", "you Dick". */
const BEFORE_INSULT: ReadonlySet<string> = new Set(
  "a an you ya u ur your youre such what total absolute big little fat stupid silly massive complete utter proper being like".split(" "),
);

/**
 * True when a term that is also a first name is written as one: a capital then small letters
 * ("Dick", "Dick's", not "dick" or "DICK"), not after a word that makes it an insult ("what a Dick").
 * @param text - the original text
 * @param start - start of the match
 * @param end - end of the match
 * @returns true when the match reads as a name
 */
export function writtenAsName(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 0x41 || first > 0x5a) return false;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x61 || c > 0x7a) && c !== 0x27 && c !== 0x2019) return false;
  }
  // The word before, lower-cased, apostrophes dropped ("you're" → "youre").
  // At most a few characters are read back, so a long run of spaces or letters costs nothing.
  let i = start - 1;
  const stop = Math.max(-1, start - 40);
  while (i > stop && /[\s,;:"“”(]/.test(text[i] as string)) i--;
  let before = "";
  while (i > stop && /[A-Za-z'’]/.test(text[i] as string)) before = text[i--] + before;
  return !BEFORE_INSULT.has(before.toLowerCase().replace(/['’]/g, ""));
}

/**
 * Terms (separated by `|`) → the starts of words that, in the same sentence, make them innocent
 * (`context.json`): dog breeding for "bitch", donkeys for "ass", poultry and heraldry for "cock",
 * drainage for "dyke".
 */
const NEAR = new Map<string, RegExp>();
for (const [terms, words] of Object.entries(contextData as Record<string, string>)) {
  const re = new RegExp(`\\b(?:${words.replace(/ /g, "|")})`, "i");
  for (const t of terms.split("|")) NEAR.set(t, re);
}

/** Words just before a term that aim it at a person ("you stupid bitch", "she's a cow", "that bitch"). */
const AIMED_BEFORE = /\b(?:you|ya|u|ur|you.?re|s?he.?s|such|what|that|stupid|silly|fat|ugly|dirty|lazy|f\w*ing|thick|total|proper|right|useless|bloody)\W+(?:an? +)?$/i;

/**
 * True when a term's sentence (up to 100 characters either side, to the nearest . ! ? or line
 * break) holds one of its innocent context words and the term is not aimed at someone: "the
 * bitch had six puppies", "the jennies and the asses", "the cocks are noisy, the hens lay well".
 * @param near - the term's context words
 * @returns the `unless` test of the lexicon entry
 */
export function innocentNear(near: RegExp): (text: string, start: number, end: number) => boolean {
  return (text, start, end) => {
    const before = text.slice(Math.max(0, start - 100), start).split(/[.!?\n]/).pop() as string;
    return !AIMED_BEFORE.test(before.slice(-20)) && near.test(`${before} ${text.slice(end, end + 100).split(/[.!?\n]/)[0]}`);
  };
}

/**
 * The plural of a listed noun: `-ies` after a consonant and y, `-es` after s, x, z, ch and sh,
 * else `-s`; words that read as verbs or adjectives (`-ed`, `-ing`, `-ic`) have none.
 * @param word - a single word
 * @returns its plural, or undefined
 */
export function pluralOf(word: string): string | undefined {
  if (/(?:ed|ing|ic)$/.test(word)) return undefined;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return /(?:[sxz]|[cs]h)$/.test(word) ? `${word}es` : `${word}s`;
}

/** A lexicon entry with its severity. */
export type AbusiveEntry = LexiconEntry & Readonly<{ severity: number }>;

/**
 * Turns category files into lexicon entries.
 * @param lists - category files
 * @returns entries with their allow lists and the category's severity
 */
export function entriesOf(lists: readonly AbusiveWordList[]): AbusiveEntry[] {
  const entries: AbusiveEntry[] = [];
  for (const list of lists) {
    const severity = HAND_SEVERITY[list.category] ?? 2;
    // Words listed alone or inside phrases: a plural found only in phrases ("you faggots") stays so (faggots and peas).
    const listed = new Set([...list.word, ...list.phrase.join(" ").split(" ")]);
    const add = (term: string, mode: MatchMode, allow: readonly string[] | undefined, base = term): void => {
      const near = NEAR.get(term);
      const inPlace = near ? innocentNear(near) : undefined;
      const unless = NAME_TERMS.has(base) ? (inPlace ? (t: string, a: number, b: number) => writtenAsName(t, a, b) || inPlace(t, a, b) : writtenAsName) : inPlace;
      entries.push({ term, category: list.category, mode, severity, ...(allow ? { allow } : {}), ...(unless ? { unless } : {}) });
    };
    for (const mode of MODES) {
      for (const term of list[mode]) add(term, mode, list.allow[term]);
    }
    // "ur a disgrace": `ur` reads as "your", so "you are a/an/so/such …" is also listed as "your a …" ("your garbage can" is not one).
    for (const term of list.phrase) {
      const your = term.replace(/^you are (?=(?:an?|so|such) )/, "your ");
      if (your !== term && !list.phrase.includes(your)) add(your, "phrase", undefined);
    }
    // Plurals of single words, unless listed ("coons", "you faggots") or the word is one already ("nonces").
    for (const term of list.word) {
      const plural = pluralOf(term);
      if (!plural || term.endsWith("s") || listed.has(plural)) continue;
      const allow = (list.allow[term] || []).map((a) => (a.includes(plural) ? a : a.replace(term, plural)));
      add(plural, "word", allow.concat(list.allow[plural] || []), term);
    }
  }
  return entries;
}

type SurgeData = Readonly<{ source: string; terms: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> }>;

/**
 * The prepared surge-ai terms as lexicon entries (whole words, or phrases when spaced).
 * @param data - `surge.json`
 * @returns entries
 */
export function surgeEntries(data: SurgeData): AbusiveEntry[] {
  const entries: AbusiveEntry[] = [];
  for (const [category, bySeverity] of Object.entries(data.terms)) {
    if (!(category in HAND_SEVERITY)) throw new Error(`surge.json: unknown category "${category}"`);
    for (const [sev, terms] of Object.entries(bySeverity)) {
      const severity = Number(sev);
      for (const term of terms) entries.push({ term, category, mode: term.includes(" ") ? "phrase" : "word", severity });
    }
  }
  return entries;
}

let builtIn: Lexicon | undefined;
let allEntries: readonly AbusiveEntry[] = [];
let handCount = 0;

/**
 * The built-in lexicon, compiled on first use and never changed afterwards.
 * @returns the compiled lexicon
 */
export function abusiveLexicon(): Lexicon {
  if (!builtIn) {
    const hand = entriesOf(ABUSIVE_WORD_LISTS);
    handCount = hand.length;
    allEntries = [...hand, ...surgeEntries(surge)];
    builtIn = compileLexicon(allEntries, { expansions: ABUSIVE_EXPANSIONS });
  }
  return builtIn;
}

/** One abusive word or phrase found, for features and rules. */
export type AbuseHit = {
  /** Offset of the first character in the text. */
  start: number;
  /** Offset just after the last character. */
  end: number;
  /** The listed term, plainly spelt (lower case). */
  term: string;
  /** Category id: threat, harassment, racist, homophobic, disablist, obscene, sexual, insult, coarse. */
  category: string;
  /** 1 (mild) to 3 (severe). */
  severity: number;
};

let masked: MaskedMatcher | undefined;

/**
 * The masked-word reader (`f***`, `f-ck`, `motherf***er`), over the hand-made entries.
 * @returns the compiled reader
 */
function maskedMatcher(): MaskedMatcher {
  if (!masked) {
    abusiveLexicon();
    const hand = allEntries.slice(0, handCount).filter((e) => e.mode !== "phrase");
    masked = compileMasked(maskedData as unknown as Parameters<typeof compileMasked>[0], (term) => hand.find((e) => e.term === term));
  }
  return masked;
}

/**
 * The lexicon's hits, plus masked words (`f***`, `sh-t`) where the lexicon found nothing.
 * @param text - any text
 * @param allow - further words or phrases never to count
 * @param bounds - `firstPerEntry`: only the first hit of each term
 * @returns hits in text order (before {@link dropOverlaps})
 */
export function lexiconHits(text: string, allow: readonly string[] = [], bounds: FindOptions = {}): LexiconHit[] {
  const hits = abusiveLexicon().find(text, allow, bounds);
  const found = maskedMatcher().find(text, bounds.firstPerEntry === true);
  if (found.length === 0) return hits;
  const allowed = new Set(allow.map(normalizeTerm));
  const overlaps = overlapTest(hits);
  const extra = found.filter((m) => !allowed.has(m.entry.term) && !overlaps(m));
  if (extra.length === 0) return hits;
  return hits.concat(extra).sort((a, b) => a.start - b.start);
}

/**
 * Finds abusive words and phrases in a text, reading through disguised spellings; innocent
 * words and names that contain a listed word (Scunthorpe, faggots and peas) are not hits.
 * @param text - any text
 * @param allow - further words or phrases never to count (optional)
 * @returns hits in text order
 */
export function abuseHits(text: string, allow?: readonly string[]): AbuseHit[] {
  if (text === "") return [];
  return dropSameSpan(dropOverlaps(lexiconHits(text, allow))).map((h: LexiconHit) => ({
      start: h.start,
      end: h.end,
      term: h.entry.term,
      category: h.entry.category,
      severity: (h.entry as AbusiveEntry).severity,
    }));
}

/**
 * Drops a surge-ai hit that overlaps a hit of the hand-made lists (the same words read twice,
 * e.g. "f**k" as both `fuck` and one of surge-ai's spellings of it): hand-made hits are kept
 * as they are, with their categories and phrases.
 * @param hits - hits in text order
 * @returns hits in text order
 */
export function dropOverlaps(hits: readonly LexiconHit[]): LexiconHit[] {
  const order = entryOrder();
  const isHand = (h: LexiconHit): boolean => (order.get(h.entry) ?? Infinity) < handCount;
  const hand = hits.filter(isHand);
  if (hand.length === hits.length) return [...hits];
  const overlapsHand = overlapTest(hand);
  return hits.filter((h) => isHand(h) || !overlapsHand(h));
}

/**
 * A test of whether a span overlaps any of some hits; linear-logarithmic: the hits by start, with
 * the furthest end reached so far.
 * @param hits - the hits to test against
 * @returns the test
 */
function overlapTest(hits: readonly LexiconHit[]): (h: Readonly<{ start: number; end: number }>) => boolean {
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  sorted.forEach((k, i) => maxEnd.push(Math.max(k.end, i > 0 ? (maxEnd[i - 1] as number) : 0)));
  return (h) => {
    let lo = 0;
    let hi = sorted.length; // first hit starting at or after h.end
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as LexiconHit).start < h.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (maxEnd[lo - 1] as number) > h.start;
  };
}

/**
 * Keeps one hit per span: a disguised word read as several terms ("f*ck" as fuck, feck and fvck;
 * "s**t" as shit and slut) counts once, as the longest term (`twatwaffle`, not `twat`), then the
 * first in the lists' order (threats first, obscene before sexual and coarse).
 * @param hits - hits in text order
 * @returns hits in text order
 */
export function dropSameSpan(hits: readonly LexiconHit[]): LexiconHit[] {
  const order = entryOrder();
  const rank = (h: LexiconHit): number => order.get(h.entry) ?? Infinity;
  const kept = new Map<string, number>();
  const out: (LexiconHit | undefined)[] = [];
  for (const h of hits) {
    const key = `${h.start}:${h.end}`;
    const at = kept.get(key);
    if (at === undefined) {
      kept.set(key, out.length);
      out.push(h);
    } else {
      const was = out[at] as LexiconHit;
      const longer = h.entry.term.length - was.entry.term.length;
      if (longer > 0 || (longer === 0 && rank(h) < rank(was))) out[at] = h;
    }
  }
  return out as LexiconHit[];
}

let orderOf: Map<LexiconEntry, number> | undefined;
function entryOrder(): Map<LexiconEntry, number> {
  if (!orderOf) {
    orderOf = new Map();
    abusiveLexicon();
    allEntries.forEach((e, i) => orderOf?.set(e, i));
  }
  return orderOf;
}
