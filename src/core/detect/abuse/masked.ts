/**
 * Swear words and slurs written with some letters masked: `f***`, `sh**`, `b****`, `f***ing`,
 * `motherf***er`, `f-ck`, `sh-t` (`*`, `#`, `•`, `_` or `-` for each hidden letter). The main
 * matcher (`../lexicon.ts`) reads up to two unknown letters inside a word; a word with more, or
 * with its masks at the end, or a hyphen for a letter, is read here against a short list
 * (`data/abusive/masked.json`): each term, how many of its letters must be shown (`f***` is
 * plainly one word; `c***` could be several, so `cunt` needs two), with inflections and
 * compounds. Pure and linear in the text.
 */
import type { LexiconEntry, LexiconHit } from "../lexicon";

export type MaskedData = Readonly<{
  terms: readonly (readonly [string, number])[];
  /** Endings that may be masked with the term (`f******` is `fucking`). */
  inflections: readonly string[];
  /** Words after the term that are always shown (`f***head`; `p******d` is not `pisshead`). */
  compounds: readonly string[];
  before: readonly string[];
}>;

/**
 * One spelling a masked word may stand for: the full word, its entry, letters to be shown, and
 * how far into it letters may be masked (a compound's second word is always shown).
 */
type Form = Readonly<{ word: string; entry: LexiconEntry; minShown: number; maskable: number }>;

/** A run's masked parts that read as listed words (form, start and end in the run, the part), and the whole run's reading. */
type RunReading = Readonly<{ parts: readonly (readonly [Form, number, number, string])[]; whole: Form | undefined }>;

export type MaskedMatcher = Readonly<{
  /**
   * Finds masked words.
   * @param text - any text
   * @param firstPerEntry - only the first hit of each term (and at most {@link MAX_READ} masked words read)
   * @returns hits in text order
   */
  find(text: string, firstPerEntry: boolean): LexiconHit[];
}>;

/** Characters that stand for a hidden letter. */
const MASK = "*#•_-";
/** The characters of {@link MASK}, searched for from `lastIndex` (nothing else runs during a search). */
const MASKS = /[*#\u2022_-]/g;
/** Longest run of letters and masks read (a few words joined by hyphens); longer runs are not words. */
const MAX_RUN = 64;
/** At most this many masked words are read in one text when only first hits are wanted. */
export const MAX_READ = 20_000;
/** Readings remembered per text (the same masked word often comes back). */
const MAX_REMEMBERED = 4096;
/** A hyphen or underscore run longer than this is punctuation, not hidden letters (`f---k` is read, `a----b` is not). */
const MAX_DASHES = 3;

/**
 * Compiles the masked-word list.
 * @param data - `masked.json`
 * @param entryOf - the listed entry of a term (its category and message); throws when missing
 * @returns the matcher
 */
export function compileMasked(data: MaskedData, entryOf: (term: string) => LexiconEntry | undefined): MaskedMatcher {
  // Forms by length and first letter: `5f` → fucks, …
  const forms = new Map<string, Form[]>();
  for (const [term, minShown] of data.terms) {
    const entry = entryOf(term);
    if (!entry) throw new Error(`masked.json: "${term}" is not a listed term`);
    const endings: [string, number][] = [["", term.length]];
    for (const e of data.inflections) endings.push([e, term.length + e.length]);
    for (const e of data.compounds) endings.push([e, term.length]);
    for (const [ending, maskable] of endings) {
      const word = term + ending;
      const key = `${word.length}${word[0] as string}`;
      const list = forms.get(key) || [];
      if (!list.some((f) => f.word === word)) list.push({ word, entry, minShown, maskable });
      forms.set(key, list);
    }
  }
  // A term as it stands is read before an inflected one (`b*****d` is bastard, not bitched).
  for (const list of forms.values()) list.sort((x, y) => Number(x.word !== x.entry.term) - Number(y.word !== y.entry.term));
  const before = [...data.before].sort((a, b) => b.length - a.length);

  /** The form a pattern (`?` for each hidden letter, lower case) reads as, or undefined. */
  const read = (pattern: string): Form | undefined => {
    for (const prefix of ["", ...before]) {
      if (prefix !== "" && !pattern.startsWith(prefix)) continue;
      const rest = pattern.slice(prefix.length);
      if (rest === "" || rest[0] === "?") continue;
      const list = forms.get(`${rest.length}${rest[0] as string}`);
      if (!list) continue;
      for (const form of list) {
        let shown = 0;
        let ok = true;
        for (let i = 0; i < rest.length && ok; i++) {
          const c = rest[i] as string;
          if (c === "?") {
            ok = i < form.maskable;
            continue;
          }
          if (c === form.word[i]) shown++;
          else ok = false;
        }
        if (ok && shown >= form.minShown && shown < rest.length) return form;
      }
    }
    return undefined;
  };

  return {
    find(text, firstPerEntry) {
      const hits: LexiconHit[] = [];
      // Most texts hold no mask at all: nothing to set up.
      const nextMask = MASKS;
      nextMask.lastIndex = 0;
      if (!nextMask.test(text)) return hits;
      const found = new Set<LexiconEntry>();
      const remembered = new Map<string, Form | null>();
      const readOnce = (pattern: string): Form | undefined => {
        const known = remembered.get(pattern);
        if (known !== undefined) return known ?? undefined;
        const form = read(pattern);
        if (remembered.size < MAX_REMEMBERED) remembered.set(pattern, form ?? null);
        return form;
      };
      const add = (form: Form, start: number, end: number): void => {
        if (firstPerEntry && found.has(form.entry)) return;
        found.add(form.entry);
        hits.push({ entry: form.entry, start, end });
      };
      /**
       * How a run reads, apart from its place in the text: the parts between hyphens or
       * underscores that hide letters with `*`, `#` or `•` ("mother-f***er", "f***-off"), then
       * the whole run with every mask a letter ("f-ck"). A text of the same masked word over
       * and over reads it once.
       */
      const readRun = (run: string): RunReading => {
        const parts: [Form, number, number, string][] = [];
        let at = 0;
        for (const part of run.split(/[-_]+/)) {
          const from = run.indexOf(part, at);
          at = from + part.length;
          if (!/^[A-Za-z]+[*#•]/.test(part)) continue;
          const form = readOnce(patternOf(part));
          if (form) parts.push([form, from, at, part]);
        }
        return { parts, whole: hasShortDashes(run) ? readOnce(patternOf(run)) : undefined };
      };
      const readings = new Map<string, RunReading>();
      let readCount = 0;
      // Each run of letters and masks that holds a mask, starting with a letter, is read once:
      // found at its first mask, then the scan goes on after it (linear in the text).
      const n = text.length;
      // The next mask is found by a native search, not character by character.
      for (let i = 0; i < n; i++) {
        nextMask.lastIndex = i;
        const m = nextMask.exec(text);
        if (m === null) break;
        i = m.index;
        let start = i;
        while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
        let end = i + 1;
        while (end < n && isWordChar(text.charCodeAt(end))) end++;
        i = end;
        while (start < end && isMask(text.charCodeAt(start))) start++;
        if (start === end || end - start > MAX_RUN) continue;
        const run = text.slice(start, end);
        // Part of a longer token: a number, an address, a path.
        if (start > 0 && /[0-9@./\\]/.test(text[start - 1] as string)) continue;
        if (/[0-9@]/.test(text[end] || "")) continue;
        if (firstPerEntry && ++readCount > MAX_READ) break;
        let reading = readings.get(run);
        if (reading === undefined) {
          reading = readRun(run);
          if (readings.size < MAX_REMEMBERED) readings.set(run, reading);
        }
        let readPart = false;
        for (const [form, from, to, part] of reading.parts) {
          if (namedPerson(text, start + from, part)) continue;
          add(form, start + from, start + to);
          readPart = true;
        }
        if (readPart || reading.whole === undefined) continue;
        if (!namedPerson(text, start, run)) add(reading.whole, start, end);
      }
      return hits;
    },
  };
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isMask(code: number): boolean {
  return code === 0x2a || code === 0x23 || code === 0x2022 || code === 0x5f || code === 0x2d;
}

function isWordChar(code: number): boolean {
  return isLetter(code) || isMask(code);
}

/** The word in lower case with `?` for each mask. */
function patternOf(word: string): string {
  let out = "";
  for (const ch of word.toLowerCase()) out += MASK.includes(ch) ? "?" : ch;
  return out;
}

/** True when every run of hyphens or underscores in a word is short enough to hide letters. */
function hasShortDashes(run: string): boolean {
  let n = 0;
  for (const ch of run) {
    n = ch === "-" || ch === "_" ? n + 1 : 0;
    if (n > MAX_DASHES) return false;
  }
  return true;
}

/**
 * True when a masked word is a person's name hidden in a record ("Child S*** Jones"): one
 * capital letter, only masks after it, and a capitalised word next.
 */
function namedPerson(text: string, start: number, word: string): boolean {
  if (!/^[A-Z][*#•_-]+$/.test(word)) return false;
  const next = /^\s+([A-Z])/.exec(text.slice(start + word.length, start + word.length + 8));
  return next !== null;
}
