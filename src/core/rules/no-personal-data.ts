/**
 * @fileoverview Disallow personal data of children or staff in mail to recipients outside the
 * Centre and its trusted partners: NHS, National Insurance and Unique Pupil Numbers (validated
 * by their check digits and format rules), dates of birth, home addresses, and medical, special
 * educational needs or safeguarding details about a person. Identifiers are certain; the rest is
 * judged from the words around it and scored, so that "our SEN policy is on the website" or
 * "an allergy-friendly menu" pass. Nothing found is ever repeated unmasked.
 */
import addressWords from "../data/personal-data/address-words.json";
import sensitive from "../data/personal-data/sensitive-terms.json";
import { maskAll, maskIdentifier } from "../engine/mask";
import type { FindingField } from "../model/finding";
import { CLAUSES } from "../policy/clauses";
import { LETTER_OR_NUMBER_U, LETTER_U, LOWER_U, UPPER_U } from "../text/char-classes";
import { escapeRegExp, forEachPhrase, hasPhrase, notAfterWord, notAfterWordIu, phraseScan, type PhraseScan } from "../text/phrase-scan";
import { execFrom, forEachMatch, lazy, notAfter, testFrom, type Refuse } from "../text/regex-compat";
import { defineRule } from "./rule";

export type NoPersonalDataOptions = {
  /** Also check mail that goes only to colleagues and trusted partners. */
  checkInternal: boolean;
  /** More terms that suggest sensitive details, each enough on its own (e.g. a local service's name). */
  extraSensitiveTerms: string[];
};

type Topic = "medical" | "sen" | "safeguarding";
type IdentifierKind = "nhs" | "ni" | "upn";

/** One piece of personal data found in a text; `shown` is already masked. */
export type PersonalDataHit =
  | Readonly<{ type: "identifier"; kind: IdentifierKind; shown: string }>
  | Readonly<{ type: "dateOfBirth"; shown: string }>
  | Readonly<{ type: "homeAddress"; shown: string }>
  | Readonly<{ type: "sensitive"; topic: Topic; term: string }>;

// ---------------------------------------------------------------------------------------------
// Identifiers

/**
 * Validates an NHS number by its modulus 11 check digit: the first nine digits are weighted
 * 10 down to 2; 11 minus the remainder of the sum by 11 is the check digit (11 → 0; 10 → invalid).
 * Numbers of one repeated digit (0000000000) are rejected.
 * @param value - the number, spaces and dashes allowed
 * @returns true when the number is a valid NHS number
 */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, "");
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
const NI_SECOND = "ABCEGHJKLMNPRSTWXYZ";
const NI_BAD_PREFIXES = new Set(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]);

/**
 * Validates a National Insurance number's format: two prefix letters (never D, F, I, Q, U or V,
 * and the second never O; not BG, GB, KN, NK, NT, TN or ZZ), six digits and a suffix A–D.
 * @param value - the number, spaces allowed
 * @returns true when the number has a valid format
 */
export function isValidNiNumber(value: string): boolean {
  const compact = value.replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{6}[A-D]$/.test(compact)) return false;
  const first = compact[0] as string;
  const second = compact[1] as string;
  return NI_FIRST.includes(first) && NI_SECOND.includes(second) && !NI_BAD_PREFIXES.has(first + second);
}

/** The DfE's check-letter alphabet for Unique Pupil Numbers (no I, O or S). */
const UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

/**
 * Computes the check letter of a Unique Pupil Number (DfE algorithm): characters 2–13 are
 * weighted 2 to 13 (a letter in position 13, as in a temporary UPN, counts as its place in the
 * check alphabet, A = 0); the remainder of the sum by 23 picks the letter.
 * @param rest - the 12 characters after the check letter
 * @returns the check letter, or null when the characters cannot form a UPN
 */
export function upnCheckLetter(rest: string): string | null {
  const upper = rest.toUpperCase();
  if (!/^\d{11}[0-9A-Z]$/.test(upper)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = upper[i] as string;
    const value = ch >= "0" && ch <= "9" ? Number(ch) : UPN_LETTERS.indexOf(ch);
    if (value < 0) return null;
    sum += value * (i + 2);
  }
  return UPN_LETTERS[sum % 23] as string;
}

/**
 * Validates a Unique Pupil Number by its check letter.
 * @param value - the 13-character UPN
 * @returns true when the check letter is right
 */
export function isValidUpn(value: string): boolean {
  const upper = value.trim().toUpperCase();
  return upper.length === 13 && upnCheckLetter(upper.slice(1)) === upper[0];
}

// ES2016 only (classic Outlook's Chakra runtime): no lookbehind and no `\p{…}`. A lookbehind at
// the start of an expression is a `Refuse` test (see ../text/regex-compat) and letter classes
// come from ../text/char-classes. Expressions built from those strings or from data are built
// on first use, inside `check`, so a runtime that cannot compile one fails only this rule.

const notAfterWordU: Refuse = notAfterWord("u");

function isDigitOrPlus(ch: string): boolean {
  return (ch >= "0" && ch <= "9") || ch === "+";
}

// A phone number's groups ("+44 118 937 3737") must not be read as an NHS number, so a digit
// or "+" (optionally followed by one space or dash) may not come just before:
// `(?<![\d+])(?<![\d+][ -])` in front of NHS_RE.
const notAfterPhoneDigits: Refuse = (text, index) => {
  const before = text.charAt(index - 1);
  if (index >= 1 && isDigitOrPlus(before)) return true;
  return index >= 2 && (before === " " || before === "-") && isDigitOrPlus(text.charAt(index - 2));
};
const NHS_RE = /(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d])(?![ -]\d)/g;
const NHS_CONTEXT_RE = /\bnhs\b/i;
const NI_RE = lazy(() => new RegExp(`[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![${LETTER_OR_NUMBER_U}])`, "giu"));
const UPN_RE = lazy(() => new RegExp(`[A-Z]\\d{11}[0-9A-Z](?![${LETTER_OR_NUMBER_U}])`, "giu"));

function findIdentifiers(text: string, out: PersonalDataHit[]): void {
  forEachMatch(
    NHS_RE,
    text,
    (m) => {
      const raw = m[0];
      if (!isValidNhsNumber(raw)) return;
      // A bare run of ten digits is too often a reference number; it needs "NHS" nearby.
      const spaced = (m[2] as string) !== "";
      const at = m.index;
      if (!spaced && !NHS_CONTEXT_RE.test(text.slice(Math.max(0, at - 60), at))) return;
      out.push({ type: "identifier", kind: "nhs", shown: maskIdentifier(raw) });
    },
    notAfterPhoneDigits,
  );
  forEachMatch(
    NI_RE(),
    text,
    (m) => {
      if (isValidNiNumber(m[0])) out.push({ type: "identifier", kind: "ni", shown: maskIdentifier(m[0]) });
    },
    notAfterWordIu,
  );
  forEachMatch(
    UPN_RE(),
    // Every UPN holds eleven digits in a row: a text without them (most) is not searched from every letter.
    /\d{11}/.test(text) ? text : "",
    (m) => {
      if (isValidUpn(m[0])) out.push({ type: "identifier", kind: "upn", shown: maskIdentifier(m[0]) });
    },
    notAfterWordIu,
  );
}

// ---------------------------------------------------------------------------------------------
// Dates of birth

const DOB_KEYWORD_RE = lazy(() => new RegExp(`(?:d\\.? ?o\\.? ?b\\b\\.?|date of birth|birth ?date|born(?: on)?)(?![${LETTER_OR_NUMBER_U}])`, "giu"));
const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
const DAY_MONTH_RE = lazy(() => new RegExp(`(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTHS})(?![${LETTER_U}])\\.?`, "giu"));
const MONTH_DAY_RE = lazy(() => new RegExp(`(${MONTHS})\\.? (\\d{1,2})(?:st|nd|rd|th)?(?![${LETTER_OR_NUMBER_U}])`, "giu"));
/** `(?<![\d/.-])` before NUMERIC_DATE_RE. */
const notAfterDatePart: Refuse = notAfter(() => /^[\d/.-]$/);
const NUMERIC_DATE_RE = /(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])/g;
/** `(?<!\d)` before ISO_DATE_RE. */
const notAfterDigit: Refuse = notAfter(() => /^\d$/);
const ISO_DATE_RE = /(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const YEAR_AFTER_RE = /^,? (\d{4})(?!\d)/;
/** How far after "DOB", "born on" … a date may start. */
const DOB_WINDOW = 40;

function plausibleDay(d: number): boolean {
  return d >= 1 && d <= 31;
}

/**
 * Finds the first date in a short window of text.
 * @param window - text with its white space collapsed to single spaces
 * @returns the date as written, or null
 */
export function findDate(window: string): string | null {
  const found: { at: number; text: string }[] = [];
  const numeric = execFrom(NUMERIC_DATE_RE, window, 0, notAfterDatePart);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[3]);
    if (plausibleDay(a) && plausibleDay(b) && (a <= 12 || b <= 12)) found.push({ at: numeric.index, text: numeric[0] });
  }
  const iso = execFrom(ISO_DATE_RE, window, 0, notAfterDigit);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12 && plausibleDay(Number(iso[3]))) found.push({ at: iso.index, text: iso[0] });
  const dayMonth = execFrom(DAY_MONTH_RE(), window, 0, notAfterWordIu);
  if (dayMonth && plausibleDay(Number(dayMonth[1]))) {
    const year = YEAR_AFTER_RE.exec(window.slice(dayMonth.index + dayMonth[0].length));
    found.push({ at: dayMonth.index, text: dayMonth[0] + (year ? year[0] : "") });
  }
  const monthDay = execFrom(MONTH_DAY_RE(), window, 0, notAfterWordIu);
  if (monthDay && plausibleDay(Number(monthDay[2]))) {
    const year = YEAR_AFTER_RE.exec(window.slice(monthDay.index + monthDay[0].length));
    found.push({ at: monthDay.index, text: monthDay[0] + (year ? year[0] : "") });
  }
  if (found.length === 0) return null;
  found.sort((x, y) => x.at - y.at);
  return (found[0] as { text: string }).text;
}

function findDatesOfBirth(text: string, out: PersonalDataHit[]): void {
  forEachMatch(
    DOB_KEYWORD_RE(),
    text,
    (m) => {
      const start = m.index + m[0].length;
      const window = text.slice(start, start + DOB_WINDOW).replace(/\s+/g, " ");
      const date = findDate(window);
      if (date !== null) out.push({ type: "dateOfBirth", shown: maskAll(date) });
    },
    notAfterWordIu,
  );
}

// ---------------------------------------------------------------------------------------------
// Home addresses

const POSTCODE_RE = lazy(() => new RegExp(`[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2}(?![${LETTER_OR_NUMBER_U}])`, "giu"));
const STREET_WORDS: ReadonlySet<string> = new Set(addressWords.streetWords);
const HOME_PHRASE_RE = lazy(() => new RegExp(`(?:${addressWords.homePhrases.map((p) => escapeRegExp(p).replace(/ /g, "[\\s-]+")).join("|")})`, "giu"));
const HOUSE_NUMBER_RE = /^(?:\d{1,4}[a-z]?|flat|apartment)$/i;
/** How far before a postcode its street line or "lives at" may be. */
const ADDRESS_WINDOW = 120;

/**
 * Tells whether a stretch of text has a street line: a house number followed, within four
 * words, by a street word ("12 Oxford Road", "Flat 3, 4 Mill Lane").
 * @param window - text before a postcode
 * @returns true when it has one
 */
function hasStreetLine(window: string): boolean {
  const tokens = window.split(/[\s,]+/);
  for (let i = 0; i < tokens.length; i++) {
    if (!HOUSE_NUMBER_RE.test(tokens[i] as string)) continue;
    for (let j = i + 1; j <= i + 4 && j < tokens.length; j++) {
      if (STREET_WORDS.has((tokens[j] as string).toLowerCase().replace(/\.$/, ""))) return true;
    }
  }
  return false;
}

function findHomeAddresses(text: string, out: PersonalDataHit[]): void {
  forEachMatch(
    POSTCODE_RE(),
    // Every postcode ends in its inward code's digit and letters (read with the same flags): a
    // text without them (most) is not searched from every letter.
    /\d[ABD-HJLNP-UW-Z]{2}/iu.test(text) ? text : "",
    (m) => {
      const at = m.index;
      const before = text.slice(Math.max(0, at - ADDRESS_WINDOW), at);
      if (testFrom(HOME_PHRASE_RE(), before, notAfterWordIu) || hasStreetLine(before)) out.push({ type: "homeAddress", shown: maskAll(m[0]) });
    },
    notAfterWordIu,
  );
}

// ---------------------------------------------------------------------------------------------
// Medical, SEN and safeguarding details

type Term = Readonly<{ term: string; topic: Topic; weight: number }>;

/** The data groups terms by topic, then weight (a compact form for the on-send bundle). */
const TERMS: readonly Term[] = Object.keys(sensitive.terms).flatMap((topic) => {
  const byWeight = (sensitive.terms as Record<string, Record<string, string[]>>)[topic] as Record<string, string[]>;
  return Object.keys(byWeight).flatMap((weight) => (byWeight[weight] as string[]).map((term) => ({ term, topic, weight: Number(weight) }) as Term));
});
const THRESHOLD = sensitive.threshold;
const EXCLUSIONS = lazy(() => phraseScan(sensitive.exclusions));
const GENERIC = lazy(() => phraseScan(sensitive.generic));
const PERSONAL = lazy(() => phraseScan(sensitive.personal));
const NON_NAMES: ReadonlySet<string> = new Set(sensitive.nonNames);
const NAME_RE = lazy(
  () =>
    new RegExp(
      `([${UPPER_U}][${LOWER_U}]+)(?:['’]s| has| is| was| had| needs| takes| will| and his| and her| ([${UPPER_U}][${LOWER_U}]+))(?![${LETTER_OR_NUMBER_U}])`,
      "gu",
    ),
);
/** `(?<![\d.])` before DOSAGE_RE. */
const notAfterNumberPart: Refuse = notAfter(() => /^[\d.]$/iu);
const DOSAGE_RE = lazy(() => new RegExp(`\\d{1,4}\\.?\\d{0,3} ?(?:mg|ml|mcg|micrograms?|puffs?|tablets?|drops?|units?)(?![${LETTER_U}])`, "giu"));
/** Characters either side of a term that are read as its context. */
const CONTEXT = 100;
/** Term matches examined per text at most; enough to find any real disclosure. */
const MAX_TERM_HITS = 2000;

function mentionsPerson(window: string): boolean {
  if (hasPhrase(PERSONAL(), window)) return true;
  let person = false;
  forEachMatch(
    NAME_RE(),
    window,
    (m) => {
      const first = (m[1] as string).toLowerCase();
      const second = m[2]?.toLowerCase();
      if (!NON_NAMES.has(first) && (second === undefined || !NON_NAMES.has(second))) person = true;
      return !person;
    },
    notAfterWordU,
  );
  return person;
}

type TermMatcher = Readonly<{ scan: PhraseScan; byTerm: ReadonlyMap<string, Term> }>;

/**
 * Prepares the term table: the data's terms and SMT's extra ones (each enough on its own).
 * The table for the last list of extra terms is kept: a policy's options change rarely, and
 * building the expressions costs more than checking a short message.
 * @param extra - extra terms from the options
 * @returns the terms compiled for scanning and a lookup by lower-case, single-spaced term
 */
function buildTermMatcher(extra: readonly string[]): TermMatcher {
  const key = extra.join("\n");
  if (lastMatcher !== undefined && lastMatcher.key === key) return lastMatcher.matcher;
  const byTerm = new Map<string, Term>();
  for (const t of TERMS) byTerm.set(termKey(t.term), t);
  for (const e of extra) {
    const term = termKey(e.trim());
    if (term !== "") byTerm.set(term, { term, topic: "safeguarding", weight: THRESHOLD });
  }
  const matcher = { scan: phraseScan([...byTerm.keys()]), byTerm };
  lastMatcher = { key, matcher };
  return matcher;
}

let lastMatcher: { key: string; matcher: TermMatcher } | undefined;

function termKey(matched: string): string {
  return matched.toLowerCase().replace(/[\s-]+/g, " ").replace(/’/g, "'");
}

function findSensitiveDetails(text: string, matcher: TermMatcher, out: PersonalDataHit[]): void {
  const excluded: [number, number][] = [];
  forEachPhrase(EXCLUSIONS(), text, (m) => void excluded.push([m.index, m.index + m[0].length]));

  const hits: { at: number; end: number; term: Term; text: string }[] = [];
  let e = 0;
  forEachPhrase(
    matcher.scan,
    text,
    (m) => {
      const at = m.index;
      while (e < excluded.length && (excluded[e] as [number, number])[1] <= at) e++;
      if (e < excluded.length && (excluded[e] as [number, number])[0] <= at) return;
      const term = matcher.byTerm.get(termKey(m[0]));
      if (term === undefined) return;
      hits.push({ at, end: at + m[0].length, term, text: m[0].replace(/\s+/g, " ") });
      if (hits.length >= MAX_TERM_HITS) return false;
    },
  );

  const reported = new Set<Topic>();
  for (let i = 0; i < hits.length && reported.size < 3; i++) {
    const hit = hits[i] as (typeof hits)[number];
    if (reported.has(hit.term.topic)) continue;
    const prev = hits[i - 1];
    const next = hits[i + 1];
    const neighbour = (prev !== undefined && hit.at - prev.end <= CONTEXT) || (next !== undefined && next.at - hit.end <= CONTEXT);
    const window = text.slice(Math.max(0, hit.at - CONTEXT), hit.end + CONTEXT);
    let score = hit.term.weight;
    if (neighbour) score += 1;
    if (hit.term.topic === "medical" && testFrom(DOSAGE_RE(), window, notAfterNumberPart)) score += 1;
    if (hasPhrase(GENERIC(), window)) score -= 3;
    if (score < THRESHOLD && score + 2 >= THRESHOLD && mentionsPerson(window)) score += 2;
    if (score >= THRESHOLD) {
      reported.add(hit.term.topic);
      out.push({ type: "sensitive", topic: hit.term.topic, term: hit.text });
    }
  }
}

/** Any digit (not global: `test` keeps no state). */
const DIGIT = /\d/;

/**
 * Makes a finder of personal data; the term table is built once per check.
 * @param extraSensitiveTerms - SMT's extra terms
 * @returns a function that finds personal data in one text (subject, what the sender wrote, or
 *   an attachment name) and returns what it found, masked, in order of kind
 */
export function createPersonalDataFinder(extraSensitiveTerms: readonly string[] = []): (text: string) => PersonalDataHit[] {
  const matcher = buildTermMatcher(extraSensitiveTerms);
  return (text) => {
    const out: PersonalDataHit[] = [];
    if (text === "") return out;
    // Identifiers, dates and postcodes all have digits (0–9): a text without any has none of
    // them, and one native search spares a pass of each of their expressions.
    if (DIGIT.test(text)) {
      findIdentifiers(text, out);
      findDatesOfBirth(text, out);
      findHomeAddresses(text, out);
    }
    findSensitiveDetails(text, matcher, out);
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// The rule

const IDENTIFIER_WORDS: Readonly<Record<IdentifierKind, { what: string; label: string }>> = {
  nhs: { what: "an NHS number", label: "NHS number" },
  ni: { what: "a National Insurance number", label: "National Insurance number" },
  upn: { what: "a Unique Pupil Number", label: "Unique Pupil Number" },
};

const TOPIC_WORDS: Readonly<Record<Topic, string>> = {
  medical: "medical",
  sen: "special educational needs",
  safeguarding: "safeguarding",
};

type Place = Readonly<{ field: FindingField; where: string }>;

function groupKey(hit: PersonalDataHit): string {
  switch (hit.type) {
    case "identifier":
      return `identifier:${hit.kind}`;
    case "sensitive":
      return `sensitive:${hit.topic}`;
    default:
      return hit.type;
  }
}

export default defineRule<NoPersonalDataOptions>({
  meta: {
    id: "no-personal-data",
    title: "Personal data leaving the Centre",
    description: "Disallow personal data of children or staff in mail to recipients outside the Centre",
    category: "privacy",
    defaultSeverity: "block",
    optionsSchema: {
      type: "object",
      additionalProperties: false,
      properties: {
        checkInternal: {
          type: "boolean",
          description: "Also check mail that goes only to colleagues and trusted partners.",
        },
        extraSensitiveTerms: {
          type: "array",
          description: "More words or phrases that reveal sensitive details on their own, e.g. the name of a local support service.",
          items: { type: "string", minLength: 2, maxLength: 80 },
          uniqueItems: true,
        },
      },
    },
    defaultOptions: { checkInternal: false, extraSensitiveTerms: [] },
    messages: {
      identifier:
        "This e-mail contains {{what}} ({{masked}}), which is personal data, and it is going to {{audience}}. Please take it out, or share it by a secure route agreed with SMT.",
      dateOfBirth:
        "This e-mail gives someone's date of birth ({{masked}}), which is personal data, and it is going to {{audience}}. Please take it out, or share it by a secure route agreed with SMT.",
      homeAddress:
        "This e-mail seems to give someone's home address (postcode {{masked}}), which is personal data, and it is going to {{audience}}. Please take it out, or share it by a secure route agreed with SMT.",
      sensitiveDetails:
        "This e-mail seems to give {{topic}} details about a child or member of staff (“{{term}}”), and it is going to {{audience}}. Please take them out, or share them by a secure route agreed with SMT.",
    },
    clause: CLAUSES.dataProtection,
  },
  check(snapshot, context) {
    const { options } = context;
    const outsiders = [...new Set(snapshot.recipients.filter((r) => r.external).map((r) => r.email))];
    if (outsiders.length === 0 && !options.checkInternal) return;
    if (snapshot.recipients.length === 0) return;
    const audience =
      outsiders.length === 0 ? "people inside the Centre" : outsiders.length === 1 ? "1 person outside the Centre" : `${outsiders.length} people outside the Centre`;
    const fix = outsiders.length > 0 ? ({ kind: "remove-recipients", targets: outsiders } as const) : undefined;

    const texts: { place: Place; text: string }[] = [
      { place: { field: "subject", where: "the subject" }, text: snapshot.subject },
      { place: { field: "body", where: "the message" }, text: snapshot.body.authored },
      ...snapshot.attachments.map((a) => ({ place: { field: "attachments", where: "an attachment name" } as Place, text: a.name })),
    ];

    // One finding per kind of data per field; the count says how many more there are.
    const groups = new Map<string, { place: Place; first: PersonalDataHit; count: number }>();
    const find = createPersonalDataFinder(options.extraSensitiveTerms);
    for (const { place, text } of texts) {
      for (const hit of find(text)) {
        const key = `${place.field}|${groupKey(hit)}`;
        const group = groups.get(key);
        if (group) group.count++;
        else groups.set(key, { place, first: hit, count: 1 });
      }
    }

    for (const { place, first, count } of groups.values()) {
      const more = count > 1 ? ` (${count} found)` : "";
      const base = { field: place.field, ...(fix ? { fix } : {}) };
      switch (first.type) {
        case "identifier": {
          const words = IDENTIFIER_WORDS[first.kind];
          context.report({
            ...base,
            messageId: "identifier",
            data: { what: words.what, masked: first.shown, audience },
            evidence: `${words.label} ${first.shown} in ${place.where}${more}`,
          });
          break;
        }
        case "dateOfBirth":
          context.report({ ...base, messageId: "dateOfBirth", data: { masked: first.shown, audience }, evidence: `date of birth ${first.shown} in ${place.where}${more}` });
          break;
        case "homeAddress":
          context.report({ ...base, messageId: "homeAddress", data: { masked: first.shown, audience }, evidence: `home address with postcode ${first.shown} in ${place.where}${more}` });
          break;
        case "sensitive":
          context.report({
            ...base,
            messageId: "sensitiveDetails",
            data: { topic: TOPIC_WORDS[first.topic], term: first.term, audience },
            evidence: `“${first.term}” (${TOPIC_WORDS[first.topic]}) in ${place.where}${more}`,
          });
          break;
      }
    }
  },
});
