/**
 * Whole-word phrase matching for the rules' word lists, in linear time and without building
 * a normalised copy of the text: each phrase becomes a regular expression whose words may be
 * separated by any run of punctuation, spacing or line breaks ("CONFIDENTIAL — STAFF" matches
 * `confidential staff`, "I’ve attached" matches `i ve attached`).
 *
 * Letter classes are spelt as code-point ranges rather than `\p{L}`: Unicode property
 * classes make V8 compile and run these expressions several times slower, which matters on
 * a 1 MB body at Send.
 */

import { lowerCase } from "../../text/lower-case";
import { firstWordLookahead } from "../../text/regex-compat";

/** Characters that make up words once lower-cased: ASCII letters and digits and the letters of other scripts. */
export const WORD_CHARS = "a-z0-9\\u00c0-\\u024f\\u0370-\\u1fff\\u2c00-\\u2dff\\u3040-\\ud7ff\\uf900-\\ufdff\\ufe70-\\ufefe";
const WORD = `[${WORD_CHARS}]`;
const NOT_WORD = `[^${WORD_CHARS}]`;
const SEPARATOR = `${NOT_WORD}+`;

/**
 * Splits text into lower-case words; punctuation, dashes, apostrophes and spacing separate
 * words and are dropped. Meant for short texts (a subject, a disclaimer, a phrase).
 * @param text - any text
 * @returns the words
 */
export function words(text: string): string[] {
  return text.toLowerCase().match((wordsExpression ||= new RegExp(`${WORD}+`, "g"))) || [];
}

/** `String.prototype.match` with a global expression starts at 0 and leaves `lastIndex` at 0. */
let wordsExpression: RegExp | undefined;

/**
 * Writes words as a regular expression source that allows any separators between them.
 * Words contain only word characters, so they need no escaping.
 * @param phraseWords - lower-case words
 * @returns the source
 */
export function flexibleSource(phraseWords: readonly string[]): string {
  return phraseWords.join(SEPARATOR);
}

/**
 * A global regular expression that finds any of the phrases as whole words. The phrase found
 * is captured in group 1. The leading separator is consumed, so callers that scan move on
 * from `match.index + 1`. One expression per list, made on first use and kept: callers are
 * synchronous and set `lastIndex` before they use it.
 * @param phrases - phrases as lower-case words separated by single spaces
 * @param capture - whether to wrap the alternatives in a lookahead (to find overlapping matches)
 * @returns the expression, `lastIndex` 0
 */
function anyOf(phrases: readonly string[], capture: "consume" | "lookahead"): RegExp {
  // The rules' lists are constants: found by the list itself, without joining it into a key.
  const byList = capture === "consume" ? consumeByList : lookaheadByList;
  const same = byList.get(phrases);
  if (same !== undefined) {
    same.lastIndex = 0;
    return same;
  }
  const key = `${capture}\n${phrases.join("\n")}`;
  const known = expressions.get(key);
  if (known !== undefined) {
    byList.set(phrases, known);
    known.lastIndex = 0;
    return known;
  }
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => flexibleSource(p.split(" ")))
    .join("|");
  // Every phrase starts with one of these words: the engine tries the full list only after
  // one of them, not after every space (the same matches, several times faster on long text).
  const gate = firstWordLookahead(phrases.map((p) => p.split(" ")[0] as string), WORD);
  const source =
    capture === "lookahead" ? `(?:^|${NOT_WORD})${gate}(?=(${alternatives})(?!${WORD}))` : `(?:^|${NOT_WORD})${gate}(${alternatives})(?!${WORD})`;
  const re = new RegExp(source, "g");
  if (expressions.size >= MAX_EXPRESSIONS) expressions.clear();
  expressions.set(key, re);
  byList.set(phrases, re);
  return re;
}

/**
 * The expression of each list already seen, by the list itself. Lists are read-only (their
 * words are never changed in place), so the same list always gives the same expression.
 */
const consumeByList = new WeakMap<readonly string[], RegExp>();
const lookaheadByList = new WeakMap<readonly string[], RegExp>();

/** Expressions built for the lists seen (the data's, the policy's disclaimer): a few, used at every check. */
const expressions = new Map<string, RegExp>();
const MAX_EXPRESSIONS = 64;

/**
 * Turns matched text back into the phrase as listed: lower-case words, single spaces.
 * @param matched - text matched by a flexible expression
 * @returns the phrase
 */
export function canonical(matched: string): string {
  return words(matched).join(" ");
}

/**
 * Removes every whole-word occurrence of the phrases from lower-case text.
 * @param lower - lower-case text
 * @param phrases - phrases as lower-case words separated by single spaces
 * @returns the text with each occurrence replaced by a space
 */
export function removePhrases(lower: string, phrases: readonly string[]): string {
  const list = phrases.includes("") ? phrases.filter((p) => p !== "") : phrases;
  if (list.length === 0 || lower === "") return lower;
  return lower.replace(anyOf(list, "consume"), " ");
}

/**
 * Finds the first listed phrase in text, after removing the exclusions. At any one place the
 * longest phrase wins.
 * @param text - any text
 * @param phrases - phrases as lower-case words separated by single spaces
 * @param exclusions - phrases whose words must not count (e.g. `attached to the wall`)
 * @returns the phrase found, as listed, or undefined
 */
export function findPhrase(text: string, phrases: readonly string[], exclusions: readonly string[] = []): string | undefined {
  if (text === "" || phrases.length === 0) return undefined;
  const cleaned = removePhrases(lowerCase(text), exclusions);
  const match = anyOf(phrases, "consume").exec(cleaned);
  return match ? canonical(match[1] as string) : undefined;
}

/**
 * Finds which of the phrases occur in lower-case text, overlapping occurrences included.
 * Stops as soon as all have been found.
 * @param lower - lower-case text
 * @param phrases - phrases as lower-case words separated by single spaces
 * @returns the set of phrases found, as listed
 */
export function phrasesPresent(lower: string, phrases: readonly string[]): Set<string> {
  const wanted = new Set(phrases.filter((p) => p !== ""));
  const found = new Set<string>();
  if (wanted.size === 0 || lower === "") return found;
  // A repeated phrase changes nothing in the expression, so a list without "" is used as it is.
  const pattern = anyOf(phrases.includes("") ? [...wanted] : phrases, "lookahead");
  for (let m = pattern.exec(lower); m !== null && found.size < wanted.size; m = pattern.exec(lower)) {
    found.add(canonical(m[1] as string));
    pattern.lastIndex = m.index + 1;
  }
  return found;
}

/**
 * Like {@link findPhrase}, but returns the words as the sender wrote them (case, apostrophes
 * and hyphens kept, spacing collapsed), for evidence. Exclusions are blanked out without
 * moving the text, so the match can be read back from the original; when lower-casing changed
 * the text's length the phrase as listed is returned instead.
 * @param text - any text
 * @param phrases - phrases as lower-case words separated by single spaces
 * @param exclusions - phrases to ignore
 * @returns the words found, as written, or undefined
 */
export function findPhraseAsWritten(text: string, phrases: readonly string[], exclusions: readonly string[] = []): string | undefined {
  if (text === "" || phrases.length === 0) return undefined;
  const lower = lowerCase(text);
  const excluded = exclusions.includes("") ? exclusions.filter((p) => p !== "") : exclusions;
  const cleaned = excluded.length === 0 ? lower : lower.replace(anyOf(excluded, "consume"), (m) => " ".repeat(m.length));
  const match = anyOf(phrases, "consume").exec(cleaned);
  if (!match) return undefined;
  const found = match[1] as string;
  if (lower.length !== text.length) return canonical(found);
  const start = match.index + match[0].indexOf(found);
  return text.slice(start, start + found.length).replace(/\s+/g, " ").trim() || canonical(found);
}
