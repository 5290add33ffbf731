/**
 * Obfuscation-resistant text normalisation for word matching.
 *
 * People who want a word past a filter write it `fück`, `f\u200Buck` (zero-width space),
 * `fцck` (Cyrillic), `ｆｕｃｋ` (fullwidth), `𝐟𝐮𝐜𝐤` (mathematical bold), `f*ck`, `fuuuuck`,
 * `f u c k` or `f.u.c.k`. This module turns text into *word tokens* whose `skeleton` spells
 * the word the reader sees, so that a lexicon of plain lower-case words can be matched
 * against it, and keeps each token's offsets in the original text.
 *
 * The steps, each exported on its own:
 * 1. {@link foldText}: per character, drop invisible format characters (zero-width space,
 *    joiners, soft hyphen, BOM, bidi controls…), decompose with NFKD (fullwidth,
 *    mathematical alphanumerics, circled and superscript letters become plain letters),
 *    drop combining marks (accents), lower-case, and fold look-alike letters from other
 *    scripts (Cyrillic, Greek, small capitals, regional indicators) to ASCII. NFKD plus
 *    mark removal does everything NFKC does for matching, and also strips accents.
 * 2. {@link tokenize}: split the folded text into words; inside a word read l33t
 *    (`4`/`@` → a, `3` → e, `0` → o, `5`/`$` → s, `7`/`+` → t, `1`/`!`/`|` → i-or-l, …),
 *    drop apostrophes, mark `*` and `#` as an unknown letter, and join spaced-out letters
 *    (`f u c k`, `f.u.c.k`, `f-u-c-k`, `f*u*c*k`).
 * 3. {@link spellingVariants}: the spellings a skeleton may stand for — a letter written
 *    three or more times stands for one or two (`fuuuck` → `fuck`, `fuuck`), and the
 *    i-or-l marker for either letter.
 *
 * All of it is linear in the length of the text and uses no backtracking regular expressions.
 */

/** Skeleton character standing for "i or l" (written `1`, `!`, `|`, `¡`). */
export const AMBIGUOUS_IL = "1";
/** Skeleton character standing for an unknown letter (written `*` or `#`, as in `f*ck`). */
export const UNKNOWN_LETTER = "*";

/** Text after {@link foldText}, with a map back to the original. */
export type FoldedText = Readonly<{
  /** Lower-case, accent-free, homoglyphs folded to ASCII, invisible characters removed. */
  text: string;
  /**
   * `offsets[i]` is the index in the original string of the character that produced
   * `text[i]`; `offsets[text.length]` is the original length (an exclusive end).
   */
  offsets: readonly number[];
}>;

/** One word of a text, as {@link tokenize} reads it. */
export type WordToken = Readonly<{
  /**
   * The word spelt in `a`–`z`, plus {@link AMBIGUOUS_IL} and {@link UNKNOWN_LETTER};
   * digits without a l33t reading (`2`) and letters of other scripts are kept as they are.
   */
  skeleton: string;
  /** Offset of the word's first character in the original text. */
  start: number;
  /** Offset just after the word's last character in the original text. */
  end: number;
  /** True when the word was joined from spaced-out letters (`f u c k`). */
  joined: boolean;
}>;

/**
 * Look-alike letters, as pairs of (source, ASCII) strings of equal length, applied after
 * NFKD, mark removal and lower-casing. Cyrillic and Greek letters that look like Latin
 * ones, IPA and small-capital letters, and a few Latin letters NFKD leaves alone.
 */
const HOMOGLYPHS: readonly (readonly [string, string])[] = [
  // Cyrillic
  ["абвгеёзікмнопрстуфхцъьѕјԁһӏѵԛԝ", "abbreeeikmhonpctyфxubbsjdhlvqw"],
  // Greek
  ["αβγεηικμνοπρτυχωςϲ", "abyenikuvonptuxwcc"],
  // IPA, small capitals and other Latin forms
  ["ɑɡɩɪʟʀʏᴀʙᴄᴅᴇғɢʜᴊᴋᴍɴᴏᴘǫꜱᴛᴜᴠᴡᴢıłøđħŧƒþ", "agiilryabcdefghjkmnopqstuvwziloodhtfp"],
];

/** Multi-letter folds NFKD does not do. */
const EXPANSIONS: Readonly<Record<string, string>> = { "ß": "ss", "æ": "ae", "œ": "oe" };

function buildHomoglyphMap(): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [from, to] of HOMOGLYPHS) {
    const src = [...from];
    const dst = [...to];
    src.forEach((ch, i) => {
      const target = dst[i] as string;
      // Characters mapped to themselves or to non-ASCII are only listed to keep columns aligned.
      if (target !== ch && /^[a-z]$/.test(target)) map.set(ch, target);
    });
  }
  for (const [k, v] of Object.entries(EXPANSIONS)) map.set(k, v);
  return map;
}

let homoglyphMap: ReadonlyMap<string, string> | undefined;
function homoglyphs(): ReadonlyMap<string, string> {
  // Built once on first use; never changed afterwards.
  homoglyphMap ??= buildHomoglyphMap();
  return homoglyphMap;
}

/**
 * Tells whether a code point is invisible formatting that should be ignored inside words:
 * general category Cf (zero-width space and joiners U+200B–U+200D, word joiner U+2060,
 * BOM U+FEFF, soft hyphen U+00AD, bidi controls…) plus the Hangul fillers and the
 * Mongolian vowel separator, which render as nothing.
 * @param codePoint - a Unicode code point
 * @returns true when the character should be dropped
 */
export function isInvisible(codePoint: number): boolean {
  if (codePoint < 0xad) return false;
  if (codePoint === 0xad || codePoint === 0x034f || codePoint === 0x115f || codePoint === 0x1160) return true;
  if (codePoint === 0x180e || codePoint === 0x3164 || codePoint === 0xffa0) return true;
  return /\p{Cf}/u.test(String.fromCodePoint(codePoint));
}

/**
 * Folds one non-ASCII character for matching: NFKD, drop combining marks, lower-case,
 * fold look-alikes to ASCII. Regional indicator symbols (🇦 … 🇿) become letters.
 * @param ch - one character (a whole code point)
 * @returns its folded form: usually one character, sometimes none or several
 */
export function foldChar(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  if (cp < 0x80) return ch.toLowerCase();
  if (isInvisible(cp)) return "";
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return String.fromCharCode(0x61 + cp - 0x1f1e6);
  const map = homoglyphs();
  let out = "";
  for (const part of ch.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()) {
    out += map.get(part) ?? part;
  }
  return out;
}

/**
 * Folds a whole text (see {@link foldChar}) and keeps a map back to original offsets.
 * ASCII is only lower-cased, so ordinary text costs one pass.
 * @param text - the original text
 * @returns the folded text and its offset map
 */
export function foldText(text: string): FoldedText {
  let out = "";
  const offsets: number[] = [];
  // Folding repeats for the same characters; remember them for this call only.
  const memo = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      // Fast path: copy a run of ASCII at once.
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) < 0x80) j++;
      out += text.slice(i, j).toLowerCase();
      for (let k = i; k < j; k++) offsets.push(k);
      i = j;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    let folded = memo.get(ch);
    if (folded === undefined) {
      folded = foldChar(ch);
      memo.set(ch, folded);
    }
    out += folded;
    for (let k = 0; k < folded.length; k++) offsets.push(i);
    i += ch.length;
  }
  offsets.push(text.length);
  return { text: out, offsets };
}

/** How characters inside a word read as letters (l33t). `1` keeps its i-or-l meaning. */
const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": AMBIGUOUS_IL,
  "3": "e",
  "4": "a",
  "5": "s",
  "6": "g",
  "7": "t",
  "8": "b",
  "9": "g",
  "@": "a",
  "$": "s",
  "!": AMBIGUOUS_IL,
  "|": AMBIGUOUS_IL,
  "¡": AMBIGUOUS_IL,
  "+": "t",
  "€": "e",
  "*": UNKNOWN_LETTER,
  "#": UNKNOWN_LETTER,
};

/** Apostrophes: removed inside a word, so `don't` reads `dont` and `f'in` reads `fin`. */
const APOSTROPHES = "'’‘`ʼ";
/** Characters that are punctuation, not letters, at the start or end of a word (`shit!`, `*note`). */
const EDGE_PUNCTUATION = "!|¡+*#" + APOSTROPHES;
/** What may separate spaced-out letters (`f u c k`, `f.u.c.k`, `f - u - c - k`). */
const SPACING = " \t.-_~·,/\\:\u00a0";
/** Longest gap between two spaced-out letters. */
const MAX_SPACING = 3;
/** At most this many unknown letters (`*`) in a word are read as letters. */
const MAX_UNKNOWN = 2;

function isAsciiLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isOtherLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return false;
  // Surrogates belong to letters of other scripts after folding (math letters are folded already).
  return (c >= 0xd800 && c <= 0xdfff) || /\p{L}/u.test(ch);
}

function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (isAsciiLetter(c) || (c >= 0x30 && c <= 0x39)) return true;
  if (LEET[ch] !== undefined || APOSTROPHES.includes(ch)) return true;
  return isOtherLetter(ch);
}

type RawToken = { skeleton: string; from: number; to: number; letters: number; joinable: boolean };

/**
 * Reads one run of word characters: trims edge punctuation, decides whether digits and
 * symbols are l33t letters, and maps them.
 */
function readWord(folded: string, from: number, to: number): RawToken | null {
  while (from < to && EDGE_PUNCTUATION.includes(folded[from] as string)) from++;
  while (to > from && EDGE_PUNCTUATION.includes(folded[to - 1] as string)) to--;
  if (from >= to) return null;
  let letters = 0;
  let symbols = 0;
  for (let i = from; i < to; i++) {
    const ch = folded[i] as string;
    if (isAsciiLetter(ch.charCodeAt(0)) || isOtherLetter(ch)) letters++;
    else if (ch === "@" || ch === "$") symbols++;
  }
  const single = to - from === 1;
  // A number is not a word ("2024", "10"), but a lone l33t digit may be a spaced-out letter.
  if (letters === 0 && symbols === 0 && !(single && LEET[folded[from] as string] !== undefined)) return null;
  let skeleton = "";
  let unknown = 0;
  for (let i = from; i < to; i++) {
    const ch = folded[i] as string;
    if (APOSTROPHES.includes(ch)) continue;
    const leet = LEET[ch];
    if (leet === undefined) skeleton += ch;
    else {
      if (leet === UNKNOWN_LETTER) unknown++;
      skeleton += leet;
    }
  }
  if (unknown > 0) skeleton = resolveUnknown(skeleton, unknown);
  if (skeleton === "") return null;
  return { skeleton, from, to, letters, joinable: skeleton.length === 1 };
}

/** `f*u*c*k` is spaced-out letters; `f*ck` has an unknown letter; `a****b` has too many to read. */
function resolveUnknown(skeleton: string, unknown: number): string {
  let alternating = skeleton.length >= 5 && skeleton.length % 2 === 1;
  for (let i = 0; alternating && i < skeleton.length; i++) {
    const isStar = skeleton[i] === UNKNOWN_LETTER;
    if (isStar !== (i % 2 === 1)) alternating = false;
  }
  if (alternating) return skeleton.split(UNKNOWN_LETTER).join("");
  // Too many unknown letters: keep a character that matches nothing.
  return unknown > MAX_UNKNOWN ? skeleton.split(UNKNOWN_LETTER).join("~") : skeleton;
}

function spacingOnly(folded: string, from: number, to: number): boolean {
  if (to - from > MAX_SPACING || to <= from) return false;
  for (let i = from; i < to; i++) if (!SPACING.includes(folded[i] as string)) return false;
  return true;
}

/**
 * Splits text into word tokens read through obfuscation (see the module comment).
 * Numbers are not words; a run of three or more single letters separated by spaces or
 * `.`, `-`, `_`, `/`, `,` (at most three of them, no line break) is joined into one word.
 * @param text - the original text
 * @returns the words in order, with offsets in `text`
 */
export function tokenize(text: string): WordToken[] {
  const { text: folded, offsets } = foldText(text);
  const raw: RawToken[] = [];
  let i = 0;
  while (i < folded.length) {
    if (!isWordChar(folded[i] as string)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < folded.length && isWordChar(folded[j] as string)) j++;
    const word = readWord(folded, i, j);
    if (word) raw.push(word);
    i = j;
  }
  const tokens: WordToken[] = [];
  const emit = (first: RawToken, last: RawToken, skeleton: string, joined: boolean): void => {
    tokens.push({ skeleton, start: offsets[first.from] as number, end: offsets[last.to] as number, joined });
  };
  let k = 0;
  while (k < raw.length) {
    const head = raw[k] as RawToken;
    if (head.joinable) {
      let m = k + 1;
      let letters = head.letters;
      while (m < raw.length) {
        const next = raw[m] as RawToken;
        if (!next.joinable || !spacingOnly(folded, (raw[m - 1] as RawToken).to, next.from)) break;
        letters += next.letters;
        m++;
      }
      if (m - k >= 3 && letters >= 2) {
        emit(head, raw[m - 1] as RawToken, raw.slice(k, m).map((t) => t.skeleton).join(""), true);
        k = m;
        continue;
      }
    }
    // A lone digit read as a letter is only kept inside spaced-out words.
    if (head.letters > 0 || head.skeleton.length > 1) emit(head, head, head.skeleton, false);
    k++;
  }
  return tokens;
}

type Run = Readonly<{ ch: string; length: number }>;

function runsOf(skeleton: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < skeleton.length) {
    const ch = skeleton[i] as string;
    let j = i + 1;
    while (j < skeleton.length && skeleton[j] === ch) j++;
    runs.push({ ch, length: j - i });
    i = j;
  }
  return runs;
}

/** The spellings one run may stand for, most likely first. */
function runOptions(run: Run): string[] {
  const lengths = run.length >= 3 ? [1, 2] : [run.length];
  if (run.ch !== AMBIGUOUS_IL) return lengths.map((n) => run.ch.repeat(n));
  const out: string[] = [];
  for (const n of lengths) {
    let spellings = [""];
    for (let i = 0; i < n; i++) spellings = spellings.flatMap((s) => [`${s}i`, `${s}l`]);
    out.push(...spellings);
  }
  return out;
}

/**
 * Lists the plain spellings a skeleton may stand for: each letter written three or more
 * times stands for one or two of it (`shiiiit` → `shit`, `shiit`), and each
 * {@link AMBIGUOUS_IL} for `i` or `l`. The first spelling is the most likely one (runs read
 * as one letter, the marker as `i`). When there are more than `limit` spellings, the
 * choices furthest into the word keep their most likely reading.
 * @param skeleton - a token skeleton
 * @param limit - the most spellings to return
 * @returns at least one spelling
 */
export function spellingVariants(skeleton: string, limit = 16): string[] {
  let variants = [""];
  for (const run of runsOf(skeleton)) {
    const options = runOptions(run);
    if (options.length === 1 || variants.length * options.length > limit) {
      const first = options[0] as string;
      variants = variants.map((v) => v + first);
    } else {
      variants = variants.flatMap((v) => options.map((o) => v + o));
    }
  }
  return variants;
}

/**
 * Collapses every character written three or more times in a row to `keep` copies.
 * @param text - any text
 * @param keep - copies to keep (1 or 2)
 * @returns the collapsed text
 */
export function collapseRepeats(text: string, keep = 1): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    let j = i + 1;
    while (j < text.length && text[j] === ch) j++;
    out += ch.repeat(j - i >= 3 ? keep : j - i);
    i = j;
  }
  return out;
}

/**
 * Normalises text to its most likely plain reading: words in lower case, l33t and
 * look-alikes read, spaced-out letters joined, repeats collapsed, separated by single
 * spaces. `"F.U.C.K Y0U!!!"` → `"fuck you"`. Handy for phrase lists in other rules.
 * @param text - any text
 * @returns the plain reading
 */
export function normalizeForMatching(text: string): string {
  return tokenize(text)
    .map((t) => spellingVariants(t.skeleton, 1)[0] as string)
    .join(" ");
}
