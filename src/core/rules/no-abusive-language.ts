/**
 * @fileoverview Disallow abusive, obscene, discriminatory, harassing or threatening language
 * in what the sender wrote (subject and authored body; quoted history is not judged).
 *
 * The lexicon lives in `src/core/data/abusive/` (one JSON file per category); matching reads
 * through l33t, spacing, repeated letters, zero-width characters and look-alike letters
 * (`text/normalize.ts`, `detect/lexicon.ts`). Clinical and safeguarding vocabulary (penis,
 * vagina, rape, abuse, sex) is deliberately absent: staff must be able to write about it.
 * Also exports {@link findAbusiveLanguage} for `no-offensive-forward`.
 */
import { CLAUSES } from "../policy/clauses";
import type { JsonSchema } from "../engine/json-schema";
import { compileLexicon, normalizeTerm, type Lexicon, type LexiconEntry, type MatchMode } from "../detect/lexicon";
import categoryData from "../data/abusive/categories.json";
import expansions from "../data/abusive/expansions.json";
import obscene from "../data/abusive/obscene.json";
import sexual from "../data/abusive/sexual.json";
import racist from "../data/abusive/racist.json";
import homophobic from "../data/abusive/homophobic.json";
import disablist from "../data/abusive/disablist.json";
import insult from "../data/abusive/insult.json";
import harassment from "../data/abusive/harassment.json";
import threat from "../data/abusive/threat.json";
import coarse from "../data/abusive/coarse.json";
import { defineRule } from "./rule";

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

export type CategoryInfo = Readonly<{ label: string; enabled: boolean; mask: boolean }>;

/** The lexicon's categories (`categories.json`); `custom` holds the policy's `extraWords`. */
export const ABUSIVE_CATEGORIES: Readonly<Record<string, CategoryInfo>> = categoryData;

/** Every category file, in the order findings are listed. */
export const ABUSIVE_WORD_LISTS: readonly AbusiveWordList[] = [
  threat,
  harassment,
  racist,
  homophobic,
  disablist,
  obscene,
  sexual,
  insult,
  coarse,
];

/** Categories SMT may switch on or off (every category but `custom`). */
export const SELECTABLE_CATEGORIES: readonly string[] = Object.keys(ABUSIVE_CATEGORIES).filter((c) => c !== "custom");

export type AbusiveLanguageOptions = {
  /** Categories checked. */
  categories: string[];
  /** Further words or phrases to flag (whole words; phrases when they contain a space). */
  extraWords: string[];
  /** Words or phrases never flagged, e.g. a colleague's surname. */
  allowWords: string[];
};

const wordListSchema = (description: string): JsonSchema => ({
  type: "array",
  description,
  maxItems: 500,
  uniqueItems: true,
  items: { type: "string", minLength: 1, maxLength: 100 },
});

/** Options schema shared by `no-abusive-language` and `no-offensive-forward`. */
export const abusiveOptionsSchema: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    categories: {
      type: "array",
      description: "Categories of language to flag.",
      uniqueItems: true,
      items: { type: "string", enum: SELECTABLE_CATEGORIES },
    },
    extraWords: wordListSchema("Further words or phrases to flag."),
    allowWords: wordListSchema("Words or phrases never to flag."),
  },
};

/** Default options shared by `no-abusive-language` and `no-offensive-forward`. */
export const defaultAbusiveOptions: AbusiveLanguageOptions = {
  categories: SELECTABLE_CATEGORIES.filter((c) => (ABUSIVE_CATEGORIES[c] as CategoryInfo).enabled),
  extraWords: [],
  allowWords: [],
};

/** One abusive word or phrase found. */
export type AbusiveHit = Readonly<{
  /** Category id, e.g. `obscene`. */
  category: string;
  /** Category in plain words for messages, e.g. `sexually explicit`. */
  label: string;
  /** The term as listed, masked when its category is masked: `f•••`. */
  shown: string;
  start: number;
  end: number;
}>;

const MODES: readonly MatchMode[] = ["word", "prefix", "within", "phrase"];

/**
 * Turns category files into lexicon entries.
 * @param lists - category files
 * @returns entries with their allow lists
 */
export function entriesOf(lists: readonly AbusiveWordList[]): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const list of lists) {
    for (const mode of MODES) {
      for (const term of list[mode]) {
        const allow = list.allow[term];
        entries.push({ term, category: list.category, mode, ...(allow ? { allow } : {}) });
      }
    }
  }
  return entries;
}

let builtIn: Lexicon | undefined;
function builtInLexicon(): Lexicon {
  // Compiled once, on first use; never changed afterwards.
  builtIn ??= compileLexicon(entriesOf(ABUSIVE_WORD_LISTS), { expansions });
  return builtIn;
}

function extraLexicon(words: readonly string[]): Lexicon | undefined {
  const entries: LexiconEntry[] = [];
  for (const w of words) {
    const term = normalizeTerm(w);
    if (term !== "") entries.push({ term, category: "custom", mode: term.includes(" ") ? "phrase" : "word" });
  }
  return entries.length > 0 ? compileLexicon(entries, { expansions }) : undefined;
}

/**
 * Masks a term for evidence: each word's first letter, then `•••`.
 * @param term - a listed term
 * @returns e.g. `f•••`, `w••• y••• b•••`
 */
export function maskTerm(term: string): string {
  return term
    .split(" ")
    .map((w) => `${w.slice(0, 1)}•••`)
    .join(" ");
}

/**
 * Finds abusive language in a text.
 * @param text - the text to judge
 * @param options - categories, extra and allowed words
 * @returns hits in text order
 */
export function findAbusiveLanguage(text: string, options: Readonly<AbusiveLanguageOptions>): AbusiveHit[] {
  if (text === "") return [];
  const enabled = new Set(options.categories);
  const found = builtInLexicon()
    .find(text, options.allowWords)
    .filter((h) => enabled.has(h.entry.category));
  const extra = extraLexicon(options.extraWords);
  if (extra) found.push(...extra.find(text, options.allowWords));
  return found
    .sort((a, b) => a.start - b.start)
    .map((h) => {
      const info = ABUSIVE_CATEGORIES[h.entry.category] as CategoryInfo;
      const term = normalizeTerm(h.entry.term);
      return { category: h.entry.category, label: info.label, shown: info.mask ? maskTerm(term) : term, start: h.start, end: h.end };
    });
}

/**
 * Keeps the first hit of each category, in category order (threats first).
 * @param hits - hits in text order
 * @returns at most one hit per category
 */
export function firstPerCategory(hits: readonly AbusiveHit[]): AbusiveHit[] {
  const order = ["custom", ...ABUSIVE_WORD_LISTS.map((l) => l.category)];
  const first = new Map<string, AbusiveHit>();
  for (const h of hits) if (!first.has(h.category)) first.set(h.category, h);
  return [...first.values()].sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
}

export default defineRule<AbusiveLanguageOptions>({
  meta: {
    id: "no-abusive-language",
    title: "Abusive or offensive language",
    description: "Disallow abusive, obscene, discriminatory, harassing or threatening language",
    category: "tone",
    defaultSeverity: "block",
    optionsSchema: abusiveOptionsSchema,
    defaultOptions: defaultAbusiveOptions,
    messages: {
      abusive: "This message contains language that could be seen as {{category}} ({{word}}). Please reword it before sending.",
      threat:
        "This message contains words that could be read as a threat ({{word}}). Please remove them; if something is wrong, talk to the person face to face or to SMT.",
    },
    clause: CLAUSES.abusive,
  },
  check(snapshot, context) {
    const fields = [
      ["subject", snapshot.subject],
      ["body", snapshot.body.authored],
    ] as const;
    for (const [field, text] of fields) {
      for (const hit of firstPerCategory(findAbusiveLanguage(text, context.options))) {
        context.report({
          messageId: hit.category === "threat" ? "threat" : "abusive",
          data: { category: hit.label, word: hit.shown },
          field,
          evidence: hit.shown,
        });
      }
    }
  },
});
