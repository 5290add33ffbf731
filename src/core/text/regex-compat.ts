/**
 * Helpers that let the core's regular expressions stay within ES2016, which is all classic
 * Outlook on Windows ran before Version 2403 (Chakra): no lookbehind, no `\p{…}`, no `s` flag,
 * no named groups, no `String.prototype.matchAll`.
 *
 * - `lazy` builds a regular expression on first use, so one a runtime cannot compile fails
 *   inside the rule that uses it (the engine reports that rule as failed) instead of when the
 *   bundle loads (the add-in "unavailable" at every Send).
 * - `execFrom` / `forEachMatch` emulate a negative lookbehind at the START of a pattern: a
 *   match whose start is refused by `refuse(text, index)` is dropped and the search goes on
 *   from the next character, exactly as the engine would have moved on when `(?<!…)` failed.
 */

/** Text long enough for V8 to compile an expression to machine code at its first search. */
const BLANK = " ".repeat(1e3);

/**
 * An expression compiled to machine code now, by a search over blank text (`lastIndex` left at
 * 0). V8 builds a bytecode form for an expression's first search, shorter than 1,000 characters,
 * then the machine code at its second: one searched in the subject and the body of every check
 * paid both in a fresh process. For expressions every check searches.
 * @param re - the expression
 * @returns it
 */
export function compiledNow<T extends RegExp>(re: T): T {
  re.test(BLANK);
  re.lastIndex = 0;
  return re;
}

/**
 * Builds a value on first use and keeps it.
 * @param build - builds the value (typically `() => new RegExp(…)`)
 * @returns a function that returns the value
 */
export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T | undefined;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

/** Says whether a match may not start at `index` of `text` (a negative lookbehind). */
export type Refuse = (text: string, index: number) => boolean;

/**
 * The index after the character at `index`: one code unit, or two for a surrogate pair when
 * `unicode` (what the engine does after an empty match or a failed start).
 */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff) return index + 1;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff ? index + 2 : index + 1;
}

/**
 * The first match at or after `from` whose start is not refused.
 * @param re - a global (`g`) expression; its `lastIndex` is used and left after the match
 * @param text - the text
 * @param from - where to start
 * @param refuse - the lookbehind
 * @returns the match, or null
 */
export function execFrom(re: RegExp, text: string, from: number, refuse?: Refuse): RegExpExecArray | null {
  if (!re.global) throw new Error("execFrom needs a global regular expression");
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(text);
    if (m === null) return null;
    if (refuse === undefined || !refuse(text, m.index)) {
      if (m[0] === "") re.lastIndex = advance(text, m.index, re.unicode);
      return m;
    }
    re.lastIndex = advance(text, m.index, re.unicode);
  }
}

/**
 * Tells whether an expression matches anywhere (`re.test(text)` with the lookbehind).
 * @param re - a global expression
 * @param text - the text
 * @param refuse - the lookbehind
 * @returns true when there is a match
 */
export function testFrom(re: RegExp, text: string, refuse?: Refuse): boolean {
  return execFrom(re, text, 0, refuse) !== null;
}

/**
 * Visits every match in order (`for (const m of text.matchAll(re))` with the lookbehind).
 * @param re - a global expression (its `lastIndex` is reset)
 * @param text - the text
 * @param visit - called for each match; return `false` to stop
 * @param refuse - the lookbehind
 */
export function forEachMatch(re: RegExp, text: string, visit: (m: RegExpExecArray) => boolean | void, refuse?: Refuse): void {
  let from = 0;
  for (;;) {
    const m = execFrom(re, text, from, refuse);
    if (m === null || visit(m) === false) break;
    from = re.lastIndex;
  }
  re.lastIndex = 0;
}

/**
 * A lookahead that holds only where one of `words` begins, whole: `(?=(?:a|b)(?![word]))`.
 * Put after the leading boundary of a long list of phrases that all start with one of these
 * words, it makes the engine try the list only there instead of after every space: the same
 * matches, several times faster on long text.
 * @param words - sources of the first words (a word may end in a class, e.g. `pathetic[a-z]*`)
 * @param wordClass - the class of word characters, e.g. `[a-z0-9]`
 * @returns the lookahead's source
 */
export function firstWordLookahead(words: Iterable<string>, wordClass: string): string {
  return `(?=(?:${[...new Set(words)].join("|")})(?!${wordClass}))`;
}

/**
 * {@link forEachMatch} for an expression that can only match where a cheaper one says it may:
 * `starts` (global) ends each of its matches at a place where `re` (sticky, `y`) is tried.
 * Every place `re` can match must be such an end; then the matches, and their order, are
 * exactly those of `forEachMatch` with a global `re`. A long list of phrases is slow to try
 * at every character; a short list of their first words is not.
 * @param starts - a global expression whose matches end where `re` may start
 * @param re - the sticky expression (its `lastIndex` is used)
 * @param text - the text
 * @param visit - called for each match; return `false` to stop
 * @param refuse - the lookbehind
 * @param startsIn - the text `starts` reads, when not `text` itself: a copy of the same length
 *   whose offsets are those of `text` (e.g. lower-cased, so `starts` needs no `i` flag)
 */
export function forEachMatchAt(
  starts: RegExp,
  re: RegExp,
  text: string,
  visit: (m: RegExpExecArray) => boolean | void,
  refuse?: Refuse,
  startsIn: string = text,
): void {
  if (!starts.global || !re.sticky) throw new Error("forEachMatchAt needs a global and a sticky expression");
  if (startsIn.length !== text.length) throw new Error("forEachMatchAt needs texts of the same length");
  let from = 0;
  starts.lastIndex = 0;
  for (let s = starts.exec(startsIn); s !== null; s = starts.exec(startsIn)) {
    const at = s.index + s[0].length;
    // An empty match (at the very start) must not be found again.
    starts.lastIndex = s[0] === "" ? at + 1 : at;
    if (at < from || (refuse !== undefined && refuse(text, at))) continue;
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) continue;
    if (visit(m) === false) break;
    from = re.lastIndex;
  }
  starts.lastIndex = 0;
  re.lastIndex = 0;
}

/**
 * The character (one code point when `unicode`, else one code unit) that ends at `index`.
 * @param text - the text
 * @param index - an index in it
 * @param unicode - whether to read a surrogate pair as one character
 * @returns the character, or "" at the start
 */
export function charBefore(text: string, index: number, unicode: boolean): string {
  if (index <= 0) return "";
  if (unicode && index >= 2) {
    const low = text.charCodeAt(index - 1);
    const high = text.charCodeAt(index - 2);
    if (low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text.charAt(index - 1);
}

/**
 * A lookbehind `(?<![class])`: refuses a start right after one character of a class.
 * @param charClass - a non-global expression that matches exactly one character, e.g. `/^[\d.]$/`;
 *   build it with the flags of the expression it guards, so case folding and `u` agree
 * @returns the refusal test
 */
export function notAfter(charClass: () => RegExp): Refuse {
  return (text, index) => {
    const re = charClass();
    const ch = charBefore(text, index, re.unicode);
    return ch !== "" && re.test(ch);
  };
}
