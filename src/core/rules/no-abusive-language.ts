/**
 * @fileoverview Disallow abusive, obscene, discriminatory, harassing or threatening language
 * in what the sender wrote (subject and authored body; quoted history is not judged).
 *
 * The lexicon lives in `src/core/data/abusive/` (one JSON file per category); matching reads
 * through l33t, spacing, repeated letters, zero-width characters and look-alike letters
 * (`text/normalize.ts`, `detect/lexicon.ts`). Clinical and safeguarding vocabulary (penis,
 * vagina, rape, abuse, sex) is deliberately absent: staff must be able to write about it.
 * Also exports {@link findAbusiveLanguage} for `no-offensive-forward`.
 *
 * Reported speech is not the sender's language. The policy is about staff's own words, and staff
 * must write down what others said (incident, safeguarding, complaint and HR records: "the parent
 * shouted 'you stupid cow' at the receptionist", "Child A called child B a p***"). A word quoted
 * in a sentence that reports or records speech, or written after "called him a", "the word",
 * "referred to her as", is not reported by this rule (`detect/abuse/reported.ts`); the same word
 * aimed at the reader ("I'll tell everyone you're a 'slag'") or outside the quotation marks still
 * is. `no-offensive-forward` keeps judging every word of what is passed on.
 */
import { CLAUSES } from "../policy/clauses";
import type { JsonSchema } from "../engine/json-schema";
import { compileLexicon, normalizeTerm, type FindOptions, type Lexicon, type LexiconEntry } from "../detect/lexicon";
import {
  ABUSIVE_CATEGORIES,
  ABUSIVE_EXPANSIONS as expansions,
  ABUSIVE_WORD_LISTS,
  dropOverlaps,
  dropSameSpan,
  lexiconHits,
  entriesOf,
  type AbusiveWordList,
  type CategoryInfo,
} from "../detect/abuse";
import { reportedSpeech } from "../detect/abuse/reported";
import { frameHits } from "../detect/abuse/frames";
import { aimedAway } from "../detect/abuse/target";
import { detectOne } from "../detect/model";
import { modelText, sampleText } from "../detect/features";
import { defineRule } from "./rule";

export { ABUSIVE_CATEGORIES, ABUSIVE_WORD_LISTS, entriesOf, type AbusiveWordList, type CategoryInfo };

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
  /** Category in plain words, e.g. `sexually explicit`. */
  label: string;
  /** What was found, in the policy's words, e.g. `a disablist slur, which is discriminatory`. */
  kind: string;
  /** The term as listed, masked when its category is masked: `f•••`. */
  shown: string;
  /** The words as the sender wrote them (case, apostrophes, hyphens and disguises kept): `F.u.c.k`. */
  written: string;
  start: number;
  end: number;
}>;

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

/** The term as shown in messages, worked out once per entry (a text may hold thousands of hits). */
const shownOf = new WeakMap<LexiconEntry, string>();
function shownTerm(entry: LexiconEntry, info: CategoryInfo): string {
  let shown = shownOf.get(entry);
  if (shown === undefined) {
    const term = normalizeTerm(entry.term);
    shown = info.mask ? maskTerm(term) : term;
    shownOf.set(entry, shown);
  }
  return shown;
}

/**
 * Finds abusive language in a text.
 * @param text - the text to judge
 * @param options - categories, extra and allowed words
 * @param bounds - `firstPerEntry`: only the first hit of each listed term (what the rules need)
 * @param hostile - whether the heated model reads the message as hostile, at least the probability given; asked only
 *   when a loose insult frame or a word for looks is found (`frameHits`)
 * @returns hits in text order
 */
export function findAbusiveLanguage(text: string, options: Readonly<AbusiveLanguageOptions>, bounds: FindOptions = {}, hostile?: (min: number) => boolean): AbusiveHit[] {
  if (text === "") return [];
  const enabled = new Set(options.categories);
  // Abuse in ordinary words too ("you pathetic little worm"), unless it holds an allowed word; a hit of the lists on the same words wins.
  const allowed = options.allowWords.map(normalizeTerm);
  const frames = frameHits(text, hostile).filter((h) => !allowed.some((w) => ` ${h.entry.term} `.includes(` ${w} `)));
  const found = dropSameSpan(dropOverlaps(lexiconHits(text, options.allowWords, bounds).concat(frames).filter((h) => enabled.has(h.entry.category))));
  const extra = extraLexicon(options.extraWords);
  if (extra) found.push(...extra.find(text, options.allowWords, bounds));
  return found
    .sort((a, b) => a.start - b.start)
    .map((h) => {
      const info = ABUSIVE_CATEGORIES[h.entry.category] as CategoryInfo;
      return { category: h.entry.category, label: info.label, kind: info.kind, shown: shownTerm(h.entry, info), written: text.slice(h.start, h.end), start: h.start, end: h.end };
    });
}

/**
 * The first hit of each category in a text, in category order (threats first): what the
 * rules report. Reads only the first occurrence of each listed term, so a text of thousands of
 * slurs costs no more than one with a few.
 * @param text - the text to judge
 * @param options - categories, extra and allowed words
 * @returns at most one hit per category
 */
export function firstAbusiveHits(text: string, options: Readonly<AbusiveLanguageOptions>): AbusiveHit[] {
  return firstPerCategory(findAbusiveLanguage(text, options, { firstPerEntry: true }));
}

/**
 * Whether an insult is aimed at no person (the writer or their own side, how the writer was treated,
 * a thing or an animal: `aimedAway`), a hit is denied of a group ({@link DENIED}), or a threat is
 * said in jest ({@link LAUGH}).
 */
function notAtOthers(text: string, h: AbusiveHit): boolean {
  const before = text.slice(Math.max(0, h.start - 48), h.start);
  if (DENIED.test(before)) return true;
  if (h.category === "threat") {
    // The words around it (48 characters before, 60 after): its sentence and the next ("I will find you. I have the CCTV. 😂").
    const around = before + text.slice(h.start, h.end + 60);
    return JEST.test(h.shown) && LAUGH.test(around) && !HARM.test(around);
  }
  return h.category === "insult" && aimedAway(text, h.start, h.end);
}

/** Threat idioms staff say in jest: "I will find you", "hunt you down", "you're dead", "dead meat", "watch your back", "your days are numbered". */
const JEST = /find you|hunt you|dead|watch your|numbered/;
/**
 * A laugh or a wink (the faces 😀–😎 and 😛–😝, 🤣, "lol", "haha", "jk", "only joking", a kiss "x" ending a line): beside one of
 * those idioms with no word of real harm ({@link HARM}), staff-room banter ("Whoever ate my yoghurt, I
 * will find you 😂", "Touch my lunch and you're dead 😂"), not a threat.
 */
const LAUGH = /\uD83D[\uDE00-\uDE0E\uDE1B-\uDE1D]|\uD83E\uDD23|\b(?:lol|lmao|(?:ha){2,}|jk|only joking)\b|\bx$/im;
/**
 * Harm or menace beside the idiom, which no laugh makes a joke: "I will find you and hurt you lol",
 * "and make you pay", "I'm not joking" (a threat of the lists beside it, "I know where you live 😂",
 * "smash your face", counts on its own). An angry face (😡) is no laugh.
 */
const HARM = /\b(?:kill|hurt|stab|knife|beat|pay|not jok|mean it)/i;

/**
 * Words before a slur or insult that deny it of a group, as counter-speech does: "Gay people are
 * not paedos", "Travellers aren't pikeys", "women are not all scum". Said of a plural subject
 * only: "you're not a …" and "I'm not an idiot" still count (said at someone); "That's not
 * fucking fair" too (no plural subject), though "parents are not fucking stupid" would not.
 */
const DENIED = /(?:s|people|m[ae]n) (?:are|were)(?: not|n.t)(?: all)?(?: an?)? *$/i;

/** At most this many hits are read again for reported speech; beyond it a hit counts as the sender's own. */
const MAX_REPORTED_CHECKS = 200;
/**
 * Texts longer than this (a record is a few pages) are judged without the reading of reported
 * speech: its second search of every word would double the cost of a megabyte of abuse.
 */
const MAX_REPORTED_TEXT = 100000;

/**
 * The first hit of each category in the sender's own words: words reported as someone else's
 * (quoted in a record, "called him a …") are left out. When a first hit is reported, later
 * uses of the same words are read too (the sender may use them in their own voice further on).
 * Texts over 100,000 characters are judged as they are, every hit counting.
 * @param text - the text to judge
 * @param options - categories, extra and allowed words
 * @param hostile - see {@link findAbusiveLanguage}
 * @returns at most one hit per category, in category order
 */
export function firstOwnAbusiveHits(text: string, options: Readonly<AbusiveLanguageOptions>, hostile?: (min: number) => boolean): AbusiveHit[] {
  const first = findAbusiveLanguage(text, options, { firstPerEntry: true }, hostile);
  if (first.length === 0 || text.length > MAX_REPORTED_TEXT) return firstPerCategory(first);
  const reported = reportedSpeech(text);
  const own = first.filter((h) => !reported(h.start, h.end) && !notAtOthers(text, h));
  if (own.length === first.length) return firstPerCategory(own);
  const settled = new Set(own.map((h) => h.category));
  let checks = 0;
  for (const h of findAbusiveLanguage(text, options, {}, hostile)) {
    if (settled.has(h.category)) continue;
    // Past the bound (a very long record), count the hit as the sender's: never a miss.
    if (checks++ >= MAX_REPORTED_CHECKS || (!reported(h.start, h.end) && !notAtOthers(text, h))) {
      own.push(h);
      settled.add(h.category);
    }
  }
  return firstPerCategory(own.sort((a, b) => a.start - b.start));
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
      abusive: "This message contains what could be read as {{kind}} ({{word}}). Please reword it before sending.",
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
    // An insulting noun after any words ("you thieving little rat") or a word for looks ("fat") counts only when the
    // heated model reads the message as hostile too; the model reads what the heated rule reads, so its
    // features are worked out once per check (`detectOne` keeps the last text's).
    const hostile = (min: number): boolean => detectOne(modelText(snapshot.subject, sampleText(snapshot.body.authored)), "heated").probability >= min;
    for (const [field, text] of fields) {
      for (const hit of firstOwnAbusiveHits(text, context.options, hostile)) {
        context.report({
          messageId: hit.category === "threat" ? "threat" : "abusive",
          data: { category: hit.label, kind: hit.kind, word: hit.shown },
          field,
          evidence: hit.written,
        });
      }
    }
  },
});
