/**
 * Small text helpers for the score-based content rules (`no-heated-tone`, `no-chain-mail`,
 * `no-complaint-by-email`, `no-contractual-commitment`): a compact phrase-pattern language
 * compiled to one regular expression per rule, capital-letter runs, punctuation bursts,
 * sentence look-around, address counting and subject prefixes.
 *
 * Everything here is linear in the length of the text. The compiled expressions have no
 * nested quantifiers: words are runs of one class and separators runs of a disjoint class,
 * so a failed match never backtracks further than the word it is in.
 */
import { lowerCase } from "../text/lower-case";
import { foldLookalikeLetters } from "../text/normalize";
import { compiledNow, lazy } from "../text/regex-compat";
import { textCache } from "../text/text-cache";

/**
 * Characters folding changes for matching: accented and other-alphabet letters, invisible
 * characters, fullwidth forms, styled mathematical letters. Curly quotes, dashes and currency
 * signs are not among them, so ordinary mail skips folding.
 */
const FOLDABLE = /[\u00ad\u00c0-\u04ff\u1d00-\u1eff\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\uff00-\uffef]|\ud835/;

/**
 * Word characters of prepared (lower-case, folded) text: ASCII letters and digits and the
 * letters of other alphabets. Kept short on purpose: V8 stops optimising a regular expression
 * whose source is longer than 20 KB (`WIDE_MAX`), and this class is repeated in every pattern;
 * so the range is written as its two characters, not as `\u` escapes (10 characters fewer
 * each time, the same class).
 */
const WORD_CLASS = "a-z0-9\u00c0-\u1fff";
const WORD = `[${WORD_CLASS}]`;
const NOT_WORD = `[^${WORD_CLASS}]`;
/**
 * What may stand between two words of a phrase: spaces, line breaks, apostrophes, dashes,
 * quotes, brackets and asterisks, but not sentence punctuation or commas, so that
 * "Thank you. Always happy to help" never reads as `you always`. The expressions read a
 * same-length copy of the text in which each such character is a space ({@link gapped}), so
 * every gap between words is ` +`: a class of about 30 characters, written at each gap of
 * every pattern, made the heated rule's expressions twice as long and slow to compile.
 */
const SEPARATOR = " +";
/** The same gap read in the text itself, for texts longer than `GAPPED_MAX`. */
const GAP_CLASS = `[^${WORD_CLASS}.,;:!?]+`;
/**
 * Longest text read through its gapped copy. Making the copy costs about 0.2 µs per gap
 * character (a megabyte of dashes and quotes took 50 ms more), so longer texts, rare, are read
 * as they are by a second expression with `GAP_CLASS` at every gap. Up to 64 KB the copy costs
 * at most ~2 ms (64 KB of dashes), while each list's second expression costs ~1–4 ms to compile
 * in a fresh process: the heated rule's window of a long body (`TONE_WINDOW`, 64 KB) is read by
 * the expressions already compiled for the subject, not by seven more (~15 ms in the CLI).
 */
const GAPPED_MAX = 65_536;
/** The characters {@link gapped} turns into spaces: neither word characters nor `.,;:!?` (nor spaces already). */
const GAP = new RegExp(`[^${WORD_CLASS}.,;:!? ]`, "g");
/** Digits or a number word, for `#` in a pattern. */
const NUMBER = "(?:[0-9]{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a +hundred)";

/** A group of patterns that scores `weight` points when any of them is found. */
export type SignalGroupData = Readonly<{ weight: number; patterns: readonly string[] }>;

/** A rule's phrase data: group name → group. */
export type SignalData = Readonly<Record<string, SignalGroupData>>;

/** One pattern found. */
export type SignalHit = Readonly<{
  group: string;
  /** The pattern as listed in the data. */
  pattern: string;
  /** The words matched, lower case, single spaces (short: fit for evidence). */
  text: string;
  /** Offset of the match in the prepared text. */
  start: number;
  end: number;
}>;

/** Characters a pattern may contain. */
export const PATTERN_SYNTAX = /^[a-z0-9 |?#*_]+$/;

/**
 * Compiles one alternative of a slot: words joined by `_`, an optional trailing `*` for
 * "any ending" (`pathetic*` matches "pathetically").
 * @param alternative - e.g. `e_mail`, `pathetic*`
 * @returns regular expression source
 */
function alternativeSource(alternative: string): string {
  if (alternative === "#") return NUMBER;
  if (alternative === "*") return `${WORD}+`;
  const prefix = alternative.endsWith("*");
  const body = (prefix ? alternative.slice(0, -1) : alternative).split("_").join(SEPARATOR);
  return prefix ? `${body}${WORD}*` : body;
}

/**
 * Compiles a pattern of the data files' little language to regular expression source.
 * Slots are separated by spaces; in a slot, `a|b` are alternatives, a trailing `?` makes the
 * slot optional, `#` is a number (digits or a number word), `*` is any one word, `_` joins
 * words inside an alternative (`e_mail`) and a word ending in `*` matches any ending.
 * Example: `forward|send this|it e_mail|email? to # people|friends`.
 * @param pattern - the pattern
 * @returns regular expression source (no groups that capture)
 */
export function patternSource(pattern: string, letter?: string): string {
  const trimmed = pattern.trim();
  let source = "";
  // Data patterns have single spaces: split at " " (a split at / +/ costs far more in a fresh process).
  trimmed.split(trimmed.indexOf("  ") < 0 ? " " : / +/).forEach((slot, index) => {
    const optional = slot.endsWith("?");
    // With `letter`, what follows that first letter: the first slot's alternatives that start with it, less it.
    const cut = index === 0 && letter !== undefined;
    const body = optional ? slot.slice(0, -1) : slot;
    // A slot of plain words (the usual one) is its alternatives as written, each `_` a gap: no
    // call per alternative (several thousand slots are compiled at every start-up).
    const alternatives =
      cut || /[#*]/.test(body)
        ? body
          .split("|")
          .filter((a) => !cut || a[0] === letter)
          .map((a) => alternativeSource(a).slice(cut ? 1 : 0))
        : body.split("_").join(SEPARATOR).split("|");
    const group = alternatives.length === 1 ? (alternatives[0] as string) : `(?:${alternatives.join("|")})`;
    if (index === 0) source = group;
    else source += optional ? `(?:${SEPARATOR}${group})?` : `${SEPARATOR}${group}`;
  });
  return source;
}

/**
 * Checks a pattern against the little language.
 * @param pattern - the pattern
 * @returns a problem in words, or undefined when it is well formed
 */
export function patternProblem(pattern: string): string | undefined {
  if (!PATTERN_SYNTAX.test(pattern)) return "only a-z, 0-9, spaces and | ? # * _ are allowed";
  if (pattern !== pattern.trim() || pattern.includes("  ")) return "single spaces between slots, none at the ends";
  const slots = pattern.split(" ");
  const first = slots[0] as string;
  if (first.endsWith("?")) return "the first slot cannot be optional";
  if (first.split("|").some((a) => a === "#" || a === "*")) return "the first slot must be words";
  if (slots.some((s) => s.split("|").some((a) => a.replace(/\?$/, "") === ""))) return "empty alternative";
  if (slots.every((s) => s === "*" || s === "#" || s.endsWith("?"))) return "needs at least one fixed word";
  // `don t|do_not` splits "don" into its own slot; a contraction inside alternatives needs `_`.
  if (slots.some((s) => s.replace(/\?$/, "").split("|").length > 1 && s.replace(/\?$/, "").split("|").includes("t"))) {
    return "write a contraction among alternatives with _ (don_t|do_not)";
  }
  return undefined;
}

/** A rule's patterns compiled into one expression; the pattern found is told by its capture. */
export type CompiledSignals = Readonly<{
  /** The expression, read after a character that is not a word's (see findSignals). */
  source: string;
  /** Capture index (from 1) → [group, pattern]. */
  captures: readonly (readonly [string, string])[];
  /**
   * Capture index (from 1) → what is written just before the capture, outside it: the first
   * word of patterns grouped by it, the first letter of the others.
   */
  keys?: readonly string[];
  /**
   * The same branches for texts longer than `GAPPED_MAX`, read with their gaps as a class: in
   * as few expressions as V8 still optimises (`WIDE_MAX`; one, but for the chain list). Their
   * matches exclude each other where they start (each has its own first letters), so the first
   * of them is the one expression's match; which pattern it is, findSignals reads with the
   * list's own expression.
   */
  long?: readonly CompiledSignals[];
}>;

/**
 * Compiles a rule's signal data. Each pattern gets its own capture, so one scan tells which
 * pattern matched. Groups of weight 0 (innocent phrases) come first, then longer patterns
 * before shorter, so that at one place the innocent or the most specific reading wins.
 * @param data - group name → patterns
 * @param extra - further patterns, as `[group, pattern]` (e.g. from options)
 * @returns the compiled form, or undefined when there are no patterns
 */
export function compileSignals(data: SignalData, extra: readonly (readonly [string, string])[] = []): CompiledSignals | undefined {
  const all: (readonly [string, string])[] = [];
  const ignored = new Set<string>();
  for (const [group, g] of Object.entries(data)) {
    if (g.weight === 0) ignored.add(group);
    for (const p of g.patterns) all.push([group, p]);
  }
  all.push(...extra);
  if (all.length === 0) return undefined;
  all.sort((a, b) => Number(ignored.has(b[0])) - Number(ignored.has(a[0])) || b[1].length - a[1].length);
  // A list with a first slot that is not plain words is one flat alternation.
  return groupedByFirstWord(all) || { source: `(?:${all.map(([, p]) => `(${patternSource(p)})`).join("|")})(?!${WORD})`, captures: all };
}

/** Longest source V8 optimises (its limit is 20 × 1,024 characters). */
const WIDE_MAX = 20_000;

/**
 * The expression of a list read in a text longer than `GAPPED_MAX`: the text itself, each gap
 * as `GAP_CLASS`, after the start of the text or a character that is not a word's.
 */
function wideSource(compiled: CompiledSignals): string {
  return `(?:^|${NOT_WORD})${compiled.source.split(SEPARATOR).join(GAP_CLASS)}`;
}

/** A first-slot alternative that is a beginning (`pathetic*`), not a word or words. */
function isPrefix(alternative: string): boolean {
  return !alternative.includes("_") && alternative.endsWith("*");
}

/**
 * The one expression of a list whose patterns all start with plain words, with the patterns
 * that share a first word written after it once: `the(?:( parent)|( staff)|())`. Where a word
 * of the text begins, the engine reads it once and tries only the patterns that start with
 * it, instead of each of them from the start (a list of a hundred, tried after every "the" or
 * "I", made a 1 MB body take tens of milliseconds).
 *
 * It finds exactly what the flat alternation `(?:(p1)|(p2)|…)(?!\w)` finds. At a
 * word `w` only patterns able to start with `w` can match, and the first of them in list order
 * that matches wins. A word gets its own group only when every pattern able to start with it
 * starts with exactly that one word (one alternative in the first slot, not `word*`); the
 * group keeps those patterns in list order. The other patterns (several first words, or a
 * `word*` beginning) stay whole, in list order, before the groups; none can start with a
 * grouped word.
 * @param all - [group, pattern], in the order they are to be tried
 * @returns the expression's source, its captures and their first words, in source order, and the long texts' expressions
 */
function groupedByFirstWord(all: readonly (readonly [string, string])[]): CompiledSignals | undefined {
  /** Each pattern's first slot, as its alternatives. */
  const firsts: string[][] = [];
  /** First words of the loose patterns: whole words, and `word*` beginnings. */
  const looseWords = new Set<string>();
  const loosePrefixes: string[] = [];
  for (const [, pattern] of all) {
    const trimmed = pattern.trim();
    const space = trimmed.indexOf(" ");
    const alternatives = (space < 0 ? trimmed : trimmed.slice(0, space)).split("|");
    firsts.push(alternatives);
    for (const a of alternatives) {
      // `#`, `*` or an optional first slot: no first word to group by.
      if (a === "#" || a === "*" || a.endsWith("?")) return undefined;
      if (alternatives.length === 1 && !isPrefix(a)) continue;
      if (isPrefix(a)) loosePrefixes.push(a.slice(0, -1));
      else looseWords.add(a.split("_")[0] as string);
    }
  }
  // In list order: the loose patterns, and by word the patterns grouped under it.
  const loose: (readonly [string, string])[] = [];
  const looseFirsts: string[][] = [];
  const grouped = new Map<string, (readonly [string, string])[]>();
  all.forEach((entry, i) => {
    const alternatives = firsts[i] as string[];
    const only = alternatives[0] as string;
    const word = only.split("_")[0] as string;
    if (alternatives.length > 1 || isPrefix(only) || looseWords.has(word) || loosePrefixes.some((prefix) => word.startsWith(prefix))) {
      loose.push(entry);
      looseFirsts.push(alternatives);
    } else {
      const group = grouped.get(word);
      if (group) group.push(entry);
      else grouped.set(word, [entry]);
    }
  });
  // Every branch is written under the first letter of the words it can start with,
  // `t(?:(hat is (?:so|too))|he(?:( parent)|( staff))|hank(?:…))`: where a word begins, the engine
  // tries only what can start with its first letter, not every pattern and group in turn. A
  // loose pattern is written under each of its first words' letters, with the alternatives
  // that start with that letter (the others cannot match there), its capture once per letter.
  const byLetter = new Map<string, { loose: (readonly [string, string])[]; words: [string, (readonly [string, string])[]][] }>();
  const under = (letter: string): { loose: (readonly [string, string])[]; words: [string, (readonly [string, string])[]][] } => {
    let branch = byLetter.get(letter);
    if (branch === undefined) byLetter.set(letter, (branch = { loose: [], words: [] }));
    return branch;
  };
  loose.forEach((entry, i) => {
    for (const letter of new Set((looseFirsts[i] as string[]).map((a) => a[0] as string))) under(letter).loose.push(entry);
  });
  for (const group of grouped) under(group[0][0] as string).words.push(group);
  // The branches exclude each other (no grouped word can start a loose pattern, and a group
  // matches only at its own word), so their order changes nothing; in a letter's branch the
  // loose patterns come first, in list order. Each branch: [source, captures, keys].
  const branches: [string, (readonly [string, string])[], string[]][] = [];
  for (const [letter, branch] of byLetter) {
    const parts: string[] = [];
    const captures: (readonly [string, string])[] = [];
    const keys: string[] = [];
    for (const entry of branch.loose) {
      captures.push(entry);
      keys.push(letter);
      parts.push(`(${patternSource(entry[1], letter)})`);
    }
    for (const [word, entries] of branch.words) {
      for (const entry of entries) {
        captures.push(entry);
        keys.push(word);
      }
      // Each grouped pattern's source starts with its first word, written as it is.
      parts.push(`${word.slice(1)}(?:${entries.map(([, p]) => `(${patternSource(p).slice(word.length)})`).join("|")})`);
    }
    branches.push([`${letter}(?:${parts.join("|")})`, captures, keys]);
  }
  const joined = (list: typeof branches): CompiledSignals => ({
    source: `(?:${list.map((b) => b[0]).join("|")})(?!${WORD})`,
    captures: list.flatMap((b) => b[1]),
    keys: list.flatMap((b) => b[2]),
  });
  // Long texts: as many branches in each expression as keep its form without captures (each
  // `(` written `(?:`), which is what scans, within `WIDE_MAX`. Made on the first text longer
  // than `GAPPED_MAX` (rare), not at load: writing them for every list was about a tenth of
  // the lists' compiling at start-up.
  const long = lazy((): CompiledSignals[] => {
    const out: CompiledSignals[] = [];
    let from = 0;
    let size = 0;
    branches.forEach((b, i) => {
      const more = wideSource(joined([b])).length + 2 * b[1].length;
      if (i > from && size + more > WIDE_MAX) {
        out.push(joined(branches.slice(from, i)));
        from = i;
        size = 0;
      }
      size += more;
    });
    out.push(joined(branches.slice(from)));
    return out;
  });
  const { source, captures, keys } = joined(branches);
  return {
    source,
    captures,
    keys,
    get long() {
      return long();
    },
  };
}

/**
 * Writes any words as a pattern of the little language (for options given in plain words).
 * @param words - e.g. "It's a disgrace!"
 * @returns e.g. `it s a disgrace`, or "" when there are no words
 */
export function wordsAsPattern(words: string): string {
  return (prepareText(words).match(new RegExp(`${WORD}+`, "g")) || []).join(" ");
}

/**
 * Prepares text for pattern matching: lower case, accents and look-alike letters folded,
 * invisible characters dropped (look-alikes by `foldChar` of `text/normalize.ts`), and a letter written three or more
 * times in a row read once ("soooo ridiculousss").
 * @param text - any text
 * @returns the prepared text
 */
export function prepareText(text: string): string {
  if (text === "") return "";
  // Four rules prepare the same texts of each message (subject, what the sender wrote, the
  // quoted history): kept for the check, this saves three passes over every body.
  return prepared.get(text, prepareUncached);
}

/** The last three long texts prepared in this check (see ./text-cache). */
const prepared = textCache(3, 256);

function prepareUncached(text: string): string {
  let lower = lowerCase(text);
  if (FOLDABLE.test(lower)) {
    // NFKD does the bulk natively (fullwidth and styled letters, accents); then one pass drops
    // combining marks and invisible characters and folds look-alike letters of other scripts,
    // the same as `.replace(/[\u0250-\u02af\u0370-\u03ff\u0400-\u04ff\u1d00-\u1d7f]/g, foldChar)`
    // (a replace callback per Cyrillic look-alike cost ~38 ms on 1 MB of them).
    lower = foldLookalikeLetters(lower.normalize("NFKD"));
  }
  return TRIPLE_LETTER.test(lower) ? collapseTripleLetters(lower) : lower;
}

/**
 * Writes each run of three or more of the same letter a–z once, as
 * `text.replace(/([a-z])\1\1+/g, "$1")` does, in one pass (the expression keeps a
 * backtracking entry per repeated letter: a 1 MB run of one letter took 0.2 s).
 * @param text - lower-cased text
 * @returns the text with such runs collapsed
 */
function collapseTripleLetters(text: string): string {
  const pieces: string[] = [];
  let from = 0;
  const n = text.length;
  for (let i = 0; i + 2 < n; ) {
    const c = text.charCodeAt(i);
    if (c < 0x61 || c > 0x7a || text.charCodeAt(i + 1) !== c || text.charCodeAt(i + 2) !== c) {
      i++;
      continue;
    }
    let j = i + 3;
    while (j < n && text.charCodeAt(j) === c) j++;
    pieces.push(text.slice(from, i + 1));
    from = j;
    i = j;
  }
  if (pieces.length === 0) return text;
  pieces.push(text.slice(from));
  return pieces.join("");
}

/**
 * A letter a–z written three or more times in a row. A native search, a test far cheaper than
 * the replace; a loop of our own reading 1 MB cost ~15 ms before V8 optimised it (a fresh
 * process, as the CLI is, checks a long body with unoptimised code).
 */
const TRIPLE_LETTER = /([a-z])\1\1/;

/**
 * The words of a hit as the sender wrote them (case, apostrophes and hyphens kept), for
 * evidence. Preparing keeps offsets whenever it keeps the length, which is the usual case;
 * when folding changed the length the prepared words are returned instead.
 * @param original - the text that was prepared
 * @param prepared - {@link prepareText} of it
 * @param hit - a hit found in `prepared`
 * @returns the quoted words, whitespace collapsed
 */
export function asWritten(original: string, prepared: string, hit: Pick<SignalHit, "start" | "end" | "text">): string {
  if (original.length !== prepared.length) return hit.text;
  return original.slice(hit.start, hit.end).replace(/\s+/g, " ").trim() || hit.text;
}

/** The first match of a list at or after an offset, in the text findSignals reads (see {@link listReader}). */
export type ListReader = (at: number) => RegExpExecArray | null;

/**
 * Reads a list in prepared text as {@link findSignals} does, where only its matches' places
 * matter: the first match at or after an offset. Its answer is kept while the offsets asked
 * for do not go back past it, so several lists read with the same one (the heated rule's
 * parts, with its innocent phrases) ask the text once when it has none of its phrases.
 * @param prepared - text from {@link prepareText}
 * @param compiled - the list
 * @returns the reader
 */
export function listReader(prepared: string, compiled: CompiledSignals | undefined): ListReader {
  const long = prepared.length > GAPPED_MAX;
  const text = long ? prepared : gapped(prepared);
  const lists = compiled ? (long && compiled.long) || [compiled] : [];
  let asked = Infinity;
  let first: RegExpExecArray | null = null;
  return (at) => {
    if (at < asked || (first !== null && first.index < at)) {
      asked = at;
      first = null;
      for (const list of lists) {
        const re = expression(list, long);
        re.lastIndex = at;
        const m = re.exec(text);
        if (m !== null && (first === null || m.index < first.index)) first = m;
      }
    }
    return first;
  };
}

/**
 * Finds the listed patterns in prepared text: each distinct pattern once (its first place).
 * A match is consumed: the next is looked for after it.
 * @param prepared - text from {@link prepareText}
 * @param compiled - the rule's compiled signals
 * @param before - phrases tried before the list's own wherever a word begins, as if they came
 *   first in it (the heated rule's innocent phrases, read once for all its parts): a match of
 *   one is consumed like the list's own, and not returned
 * @returns hits in text order
 */
export function findSignals(prepared: string, compiled: CompiledSignals | undefined, before?: ListReader): SignalHit[] {
  if (!compiled || prepared === "") return [];
  const long = prepared.length > GAPPED_MAX;
  const lists = (long && compiled.long) || [compiled];
  const text = long ? prepared : gapped(prepared);
  const hits: SignalHit[] = [];
  /** Whether a pattern was found (a text has a few hits). */
  const seen = (pattern: string): boolean => hits.some((h) => h.pattern === pattern);
  // V8 fills every capture (a hundred or more) of each match it returns: on a megabyte of one
  // listed phrase ~25 ms. So a long text is scanned by expressions without captures, and the
  // pattern found is read only when the match text is new, or names a pattern not yet found:
  // by the gapped texts' expression, in the gapped copy of the match alone (after a space).
  // It finds the same pattern there, and nothing before it: every pattern ends in a word, so
  // a reading that went on past the match needed a gap and a word after it (and would have
  // been the match), and "no word character next" holds after the match as at the end of the
  // copy. So no long text compiles a captured expression of its own (a fresh process spent
  // 2–25 ms on one; the gapped one is compiled for the subject).
  const known = new Map<string, number>();
  /** Each expression's first match at or after `at` (or one before it, to be searched again). */
  const next: (RegExpExecArray | null | undefined)[] = [];
  // A short text is read by the list's own expression, with its captures.
  const re = expression(compiled, false);
  for (let at = 0; ; ) {
    // A match is consumed: the next is the first of any expression after it.
    let found: RegExpExecArray | null = null;
    for (let j = 0; j < lists.length; j++) {
      let n = next[j];
      if (n === undefined || (n !== null && n.index < at)) {
        const e = long ? expression(lists[j] as CompiledSignals, true) : re;
        e.lastIndex = at;
        next[j] = n = e.exec(text);
      }
      if (n !== null && (found === null || n.index < found.index)) found = n;
    }
    // Where a phrase tried first matches at the same place or sooner, it is the match (every
    // match starts at the character before its first word, in both).
    const first = before?.(at);
    if (first && (found === null || first.index <= found.index)) {
      at = first.index + first[0].length;
      continue;
    }
    if (found === null) break;
    at = found.index + found[0].length;
    let key = "";
    if (long) {
      key = found[0];
      const k = known.get(key) || 0;
      if (k > 0 && seen((compiled.captures[k - 1] as readonly [string, string])[1])) continue;
      re.lastIndex = 0;
      found = re.exec(` ${key}`.replace(GAP, " ")) as RegExpExecArray;
    }
    let k = 1;
    while (k < found.length && found[k] === undefined) k++;
    if (long) known.set(key, k);
    const matched = (compiled.keys?.[k - 1] || "") + (found[k] as string);
    const end = at - (long ? 0 : 1);
    const [group, pattern] = compiled.captures[k - 1] as readonly [string, string];
    if (!seen(pattern)) {
      hits.push({ group, pattern, text: shortWords(matched), start: end - matched.length, end });
    }
  }
  return hits;
}

/**
 * The global expression of a list (one per list, made on first use: its `lastIndex` is set
 * before each search), for the gapped copy or, `long`, for the text itself.
 */
function expression(compiled: CompiledSignals, long: boolean): RegExp {
  const kept = long ? wideExpressions : expressions;
  let re = kept.get(compiled);
  if (re === undefined) {
    // In the gapped copy every match starts at the character before its first word, a space or
    // one of `.,;:!?`: a small class is the fastest start to scan for (the heated rule's scans
    // ~15 % faster than with "the start of the text or any character not a word's"), and the
    // copy starts with a space, so that a word at the start has one too. A long text is read
    // as it is (a copy with a space first costs ~3 ms a megabyte to make flat for the scan).
    const source = long ? wideSource(compiled) : `[ .,;:!?]${compiled.source}`;
    // A long text is scanned without the captures (see findSignals).
    // V8 runs an expression's first search in its interpreter and compiles it to machine code
    // on the second, unless the first text is 1,000 characters or longer: then it compiles the
    // machine code at once. For these long expressions the interpreter's form costs more to
    // build than the machine code (the heated rule's six: ~38 ms, then ~12 ms more on the
    // second search, against ~15 ms at once), so the first search is one over blank text.
    re = compiledNow(new RegExp(long ? source.replace(/\\.|\[(?:\\.|[^\]])*\]|\((?!\?)/g, (t) => (t === "(" ? "(?:" : t)) : source, "g"));
    kept.set(compiled, re);
  }
  return re;
}

const expressions = new WeakMap<CompiledSignals, RegExp>();
/** The same, with the gap class, for texts longer than `GAPPED_MAX`. */
const wideExpressions = new WeakMap<CompiledSignals, RegExp>();

/**
 * A space, then the text with every character that may stand between the words of a phrase
 * (see `SEPARATOR`) written as a space: the same length after the first space, so offsets and
 * the words matched are those of the text itself, plus one.
 * @param text - any text
 * @returns the copy
 */
export function gapped(text: string): string {
  return gaps.get(text, (t) => ` ${t.replace(GAP, " ")}`);
}

/** The last three texts of 256 characters or more gapped in this check (rules scan the same prepared texts). */
const gaps = textCache(3, 256);

/**
 * Reduces matched text to its words, single-spaced and cut to a short length for evidence.
 * @param text - matched text
 * @param max - longest result in characters
 * @returns the words
 */
export function shortWords(text: string, max = 48): string {
  // Words are read only until the result is longer than `max` (a run of capitals may be 1 MB).
  const words = (shortWordsExpression ||= new RegExp(`${WORD}+`, "gi"));
  words.lastIndex = 0;
  let joined = "";
  for (let m = words.exec(text); m !== null; m = words.exec(text)) {
    joined = joined === "" ? m[0] : `${joined} ${m[0]}`;
    if (joined.length > max) break;
  }
  words.lastIndex = 0;
  return joined.length <= max ? joined : `${joined.slice(0, max - 1).trimEnd()}…`;
}

let shortWordsExpression: RegExp | undefined;

/**
 * The sentence around a span: from the previous sentence end (or line break) to the next,
 * at most `reach` characters either side.
 * @param text - any text
 * @param start - start of the span
 * @param end - end of the span
 * @param reach - how far to look either way
 * @returns the text before the span, the text after it (up to and including the terminator)
 */
export function sentenceAround(text: string, start: number, end: number, reach = 200): { before: string; after: string } {
  let s = start;
  const lowest = Math.max(0, start - reach);
  while (s > lowest && !isSentenceEnd(text.charCodeAt(s - 1))) s--;
  let e = end;
  const highest = Math.min(text.length, end + reach);
  while (e < highest && !isSentenceEnd(text.charCodeAt(e))) e++;
  while (e < highest && (text[e] === "!" || text[e] === "?" || text[e] === ".")) e++;
  return { before: text.slice(s, start), after: text.slice(end, e) };
}

function isSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x0a || code === 0x0d;
}

/** One run of words written in capitals. */
export type CapsRun = Readonly<{
  /** Words of three or more letters in the run that are not known acronyms. */
  shouted: number;
  /** The run's words (cut short for evidence). */
  text: string;
  /** The run is a whole line on its own, like a heading ("SUMMER FUN DAY"). */
  wholeLine: boolean;
  start: number;
  end: number;
}>;

function isUpper(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

function isLower(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Finds runs of words in capitals. A run ends at a word with a lower-case letter, at a line
 * break, or at sentence punctuation followed by a word in lower case. Short words
 * ("I", "OF") and acronyms (`acronyms`, upper case) continue a run but are not counted as
 * shouted; numbers are neutral. One pass over the text.
 * @param text - original text (case kept)
 * @param acronyms - words in capitals that are not shouting
 * @param minShouted - the least number of shouted words for a run to be returned
 * @returns runs with at least `minShouted` shouted words
 */
export function capsRuns(text: string, acronyms: ReadonlySet<string>, minShouted: number): CapsRun[] {
  const runs: CapsRun[] = [];
  let shouted = 0;
  let runStart = -1;
  let runEnd = -1;
  let wordsOnLine = false;
  let runAtLineStart = false;
  const close = (atLineEnd: boolean): void => {
    if (runStart >= 0 && shouted >= minShouted) {
      const wholeLine = runAtLineStart && atLineEnd;
      runs.push({ shouted, text: shortWords(text.slice(runStart, runEnd), 40), wholeLine, start: runStart, end: runEnd });
    }
    shouted = 0;
    runStart = -1;
  };
  let i = 0;
  const n = text.length;
  const upperLetter = /[A-Z\u00c0-\u00d6\u00d8-\u00de][A-Z\u00c0-\u00d6\u00d8-\u00de\d]*(?![a-z\u00df-\u00f6\u00f8-\u00ff])/g;
  while (i < n) {
    if (runStart < 0) {
      // No run open: words with a lower-case letter and numbers change nothing, so go straight
      // to the next capital not followed by a lower-case letter in its word ("Dear" and "Friday"
      // are passed over by the native search, one call per word in capitals instead of one per
      // capital: a 1 MB body read by the CLI's fresh process cost ~45 ms), and see whether a word
      // came before it on its line.
      upperLetter.lastIndex = i;
      const found = upperLetter.exec(text);
      if (found === null) break;
      let start = found.index;
      while (start > i && isWordCode(text.charCodeAt(start - 1))) start--;
      if (start > i) wordsOnLine = wordBeforeOnLine(text, start);
      i = start;
    }
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      close(true);
      wordsOnLine = false;
      i++;
      continue;
    }
    if (!isUpper(code) && !isLower(code) && !isDigit(code)) {
      i++;
      continue;
    }
    let j = i;
    let upper = 0;
    let lower = 0;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isUpper(c)) upper++;
      else if (isLower(c)) lower++;
      else if (!isDigit(c)) break;
      j++;
    }
    if (lower > 0) close(false);
    else if (upper > 0) {
      if (runStart < 0) {
        runStart = i;
        runAtLineStart = !wordsOnLine;
      }
      runEnd = j;
      if (upper >= 3 && !acronyms.has(text.slice(i, j))) shouted++;
    }
    wordsOnLine = true;
    i = j;
  }
  close(true);
  return runs;
}

function isWordCode(code: number): boolean {
  return isUpper(code) || isLower(code) || isDigit(code);
}

/**
 * Whether a word (letters or digits) stands before `at` on its line. Reads back over the gap
 * only, so over a whole text the reads cost no more than one pass.
 */
function wordBeforeOnLine(text: string, at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) return false;
    if (isWordCode(c)) return true;
  }
  return false;
}

/** A burst of `!` and `?`: three or more, or a mix such as `?!`. */
export type PunctuationBurst = Readonly<{ text: string; start: number; end: number }>;

/**
 * Finds bursts of exclamation and question marks: three or more in a row ("!!!", "???"),
 * or `!` and `?` mixed ("?!", "!?"). Spaces between the marks do not break a burst.
 * @param text - original text
 * @returns bursts in text order
 */
export function punctuationBursts(text: string): PunctuationBurst[] {
  const bursts: PunctuationBurst[] = [];
  let i = text.indexOf("!");
  const q = text.indexOf("?");
  if (i < 0 || (q >= 0 && q < i)) i = q;
  if (i < 0) return bursts;
  const n = text.length;
  const mark = /[!?]/g;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c !== 0x21 && c !== 0x3f) {
      mark.lastIndex = i;
      const next = mark.exec(text);
      if (next === null) break;
      i = next.index;
      continue;
    }
    let j = i;
    let marks = 0;
    let bangs = 0;
    let last = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x21 || d === 0x3f) {
        marks++;
        if (d === 0x21) bangs++;
        last = j;
      } else if (d !== 0x20) break;
      j++;
    }
    if (marks >= 3 || (bangs > 0 && bangs < marks)) {
      bursts.push({ text: text.slice(i, last + 1).replace(/ /g, "").slice(0, 6), start: i, end: last + 1 });
    }
    i = j;
  }
  return bursts;
}

/**
 * A reply's or a forward's prefix at the start of a subject: `RE:`, `AW:`, `SV:`, `VS:`, `Antw:`,
 * `FW:`, `Fwd:`, `WG:`, `TR:`, `RV:`, `Doorst:`, in any case, also with `[Fwd: …]` brackets and a
 * count (`FW[3]:`, `RE(2):`). Group 1 is the prefix, group 2 or 3 its count.
 */
export const SUBJECT_PREFIX = /^[\s[(]*(fwd?|wg|tr|rv|re|aw|sv|doorst|vs|antw)\s*(?:\[(\d{1,3})\]|\((\d{1,3})\))?\s*:/i;

/**
 * Counts the forward prefixes at the start of a subject: `FW:`, `Fwd:`, `WG:`, `TR:`,
 * `RV:`, `Doorst:`, in any case, also with `[Fwd: …]` brackets; `RE:` between them is
 * skipped but not counted. `FW[3]:` counts as 3.
 * @param subject - the subject line
 * @returns how many times it was forwarded, by its prefixes
 */
export function forwardPrefixCount(subject: string): number {
  const prefix = SUBJECT_PREFIX;
  let rest = subject.slice(0, 400);
  let count = 0;
  for (let guard = 0; guard < 100; guard++) {
    const m = prefix.exec(rest);
    if (!m) break;
    const kind = (m[1] as string).toLowerCase();
    // "Antw:" ends the count, as it did before the prefix was shared with the heated rule.
    if (kind === "antw") break;
    if (kind !== "re" && kind !== "aw" && kind !== "sv" && kind !== "vs") count += Number(m[2] ?? m[3] ?? 1);
    rest = rest.slice(m[0].length);
  }
  return count;
}

/** A letter a–z (either case) or a digit. */
function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** A character of an address's local part: `[a-z0-9._%+\-']`, either case. */
function isLocalChar(code: number): boolean {
  return isAsciiAlnum(code) || code === 0x2e || code === 0x5f || code === 0x25 || code === 0x2b || code === 0x2d || code === 0x27;
}

/** A character of a domain: `[a-z0-9.-]`, either case. */
function isDomainChar(code: number): boolean {
  return isAsciiAlnum(code) || code === 0x2e || code === 0x2d;
}

/** Most address spans `countAddresses` remembers as already judged. */
const TRIED_MAX = 4096;

/**
 * Counts the distinct e-mail addresses in a text. Each `@` is expanded a bounded distance
 * either way, so the cost stays linear even in a long run of address characters.
 * @param text - any text
 * @param limit - stop counting at this many
 * @returns the number of distinct addresses (at most `limit`)
 */
export function countAddresses(text: string, limit = 1000): number {
  const found = new Set<string>();
  // The same address written again (a pasted list, a 1 MB body of one address) is read once:
  // spans already judged, as written, are skipped (up to TRIED_MAX of them).
  const tried = new Set<string>();
  for (let at = text.indexOf("@"); at >= 0 && found.size < limit; at = text.indexOf("@", at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
    let e = at + 1;
    while (e < text.length && e - at < 255 && isDomainChar(text.charCodeAt(e))) e++;
    const span = text.slice(s, e);
    if (tried.has(span)) continue;
    if (tried.size < TRIED_MAX) tried.add(span);
    const domain = text.slice(at + 1, e).replace(/\.+$/, "");
    if (s < at && /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(domain) && /\.[a-z]{2,}$/i.test(domain)) {
      found.add(`${text.slice(s, at)}@${domain}`.toLowerCase());
    }
  }
  return found.size;
}

/**
 * Counts the people on a header line such as `To: Sue Smith; Bob Jones; c@d.org`: the
 * addresses, or, when names are given without addresses, the entries between `;` (or `,`
 * when there is no `;`).
 * @param line - the header's value
 * @returns the number of recipients listed
 */
export function countHeaderRecipients(line: string | undefined): number {
  if (!line) return 0;
  const addresses = countAddresses(line);
  const separator = line.includes(";") ? ";" : ",";
  const entries = line.split(separator).filter((e) => e.trim() !== "").length;
  return Math.max(addresses, entries);
}

/**
 * Joins short pieces of evidence, quoted, cut to a total length.
 * @param pieces - trigger words
 * @param max - longest result
 * @returns e.g. `“ridiculous”, “!!!”`
 */
export function quoteList(pieces: readonly string[], max = 90): string {
  let out = "";
  for (const p of [...new Set(pieces)]) {
    const next = out === "" ? `“${p}”` : `${out}, “${p}”`;
    if (next.length > max) break;
    out = next;
  }
  return out;
}
