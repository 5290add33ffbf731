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

// Character categories come from code-point tables, not `\p{…}`: Unicode property escapes are
// ES2018, and classic Outlook's pre-2403 runtime (Chakra, ES2016) cannot compile them.
import { isFormat, isLetter, removeMarks } from "./char-classes";
import { lowerCase } from "./lower-case";

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
  offsets: Readonly<Int32Array>;
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
  ["ɑɡɩɪʟʀʏᴀʙᴄᴅᴇғɢʜᴊᴋᴍɴᴏᴘǫꜱᴛᴜᴠᴡᴢıłøđħŧƒþ", "agiilryabcdefghjkmnopqstuvwzilodhtfp"],
];

/** Multi-letter folds NFKD does not do. */
const EXPANSIONS: Readonly<Record<string, string>> = { "ß": "ss", "æ": "ae", "œ": "oe" };

function buildHomoglyphMap(): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [from, to] of HOMOGLYPHS) {
    const src = [...from];
    const dst = [...to];
    if (src.length !== dst.length) throw new Error(`Homoglyph table row "${from}" is misaligned`);
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
  homoglyphMap ||= buildHomoglyphMap();
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
  return isFormat(codePoint);
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
  // One whole code point (the usual call) is folded once per process; anything longer as asked.
  if (ch.length === (cp > 0xffff ? 2 : 1)) return foldCode(cp);
  return foldUncached(ch, cp);
}

/**
 * Combining marks (U+0300–036F), soft hyphen, zero-width and bidi controls, word joiners, BOM,
 * Hangul fillers, the Mongolian vowel separator and the emoji variation selector: what
 * {@link foldLookalikeLetters} drops.
 */
function isDroppedMark(c: number): boolean {
  return c >= 0xad && ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || DROPPED.includes(c));
}

const DROPPED = [0xad, 0x115f, 0x1160, 0x180e, 0x3164, 0xfe0f, 0xfeff, 0xffa0];

/** True for a letter of the scripts read by {@link foldLookalikeLetters} (IPA, Greek, Cyrillic, phonetic). */
function isLookalikeCode(code: number): boolean {
  return code >= 0x250 && (code <= 0x2af || (code >= 0x370 && code <= 0x4ff) || (code >= 0x1d00 && code <= 0x1d7f));
}

/**
 * Folds the letters of other scripts that look like Latin ones (U+0250–02AF, U+0370–04FF,
 * U+1D00–1D7F) by {@link foldChar}, leaving every other character as it is: the same as
 * `text.replace(/[\u0250-\u02af\u0370-\u03ff\u0400-\u04ff\u1d00-\u1d7f]/g, foldChar)`, in one
 * pass (that replace calls back once per letter: 1 MB of Cyrillic look-alikes took ~35 ms).
 * Combining marks and invisible characters ({@link isDroppedMark}) are dropped in the same
 * pass, as `.replace(/[\u0300-\u036f\u00ad…]/g, "")` before it would (a second pass over
 * 1 MB of disguised words cost ~8 ms).
 * @param text - any text
 * @returns the text with those letters folded and those marks dropped (the same string when it has none)
 */
export function foldLookalikeLetters(text: string): string {
  // Room is kept for the rest of the text as it is (at most one unit per character), so only a
  // fold writing more than one unit may need more.
  let units: Uint16Array = new Uint16Array(text.length + 16);
  let m = 0;
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLookalikeCode(code)) {
      // One code unit in these ranges is one whole code point: foldChar would ask foldCode.
      const folded = foldCode(code);
      if (m + folded.length + text.length - i > units.length) units = growUnits(units, m + folded.length + text.length - i);
      for (let k = 0; k < folded.length; k++) units[m++] = folded.charCodeAt(k);
      changed = true;
    } else if (isDroppedMark(code)) changed = true;
    else units[m++] = code;
  }
  return changed ? unitsToString(units, m) : text;
}

/** Folded forms of the BMP characters met so far, by code (see {@link foldCode}). */
let foldedBmp: (string | undefined)[] | undefined;
const foldedAstral = new Map<number, string>();

/**
 * {@link foldChar} of one code point (not ASCII), remembered: a pure function of the character,
 * whose NFKD and tables cost microseconds, asked at every letter of look-alike text.
 */
function foldCode(cp: number): string {
  if (cp > 0xffff) {
    // Styled letters beyond the BMP (𝐟𝐮𝐜𝐤): remembered too, up to a bound.
    let folded = foldedAstral.get(cp);
    if (folded === undefined) {
      folded = foldUncached(String.fromCodePoint(cp), cp);
      if (foldedAstral.size < 4096) foldedAstral.set(cp, folded);
    }
    return folded;
  }
  const table = (foldedBmp ||= new Array<string | undefined>(0x10000));
  return (table[cp] ??= foldUncached(String.fromCharCode(cp), cp));
}

function foldUncached(ch: string, cp: number): string {
  if (isInvisible(cp)) return "";
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return String.fromCharCode(0x61 + cp - 0x1f1e6);
  const map = homoglyphs();
  let out = "";
  for (const part of removeMarks(ch.normalize("NFKD")).toLowerCase()) {
    out += map.get(part) || part;
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
  const folded = foldTextSparse(text);
  const n = folded.text.length;
  const offsets = new Int32Array(n + 1);
  const jumps = folded.jumps;
  let x = 0;
  let delta = 0;
  for (let r = 0; r < folded.jumpCount; r++) {
    const at = jumps[r * 4] as number;
    const length = jumps[r * 4 + 1] as number;
    const source = jumps[r * 4 + 2] as number;
    for (; x < at; x++) offsets[x] = x + delta;
    for (; x < at + length; x++) offsets[x] = source;
    delta = source + (jumps[r * 4 + 3] as number) - x;
  }
  for (; x <= n; x++) offsets[x] = x + delta;
  return { text: folded.text, offsets };
}

/**
 * Text after {@link foldTextSparse}, with its map back to the original as the few places where
 * folding did not turn one UTF-16 unit into one: each is four numbers in `jumps`
 * (where it starts in the folded text, its folded length, where its source starts in the
 * original and the source's length), in order. Elsewhere offsets move in step.
 */
export type SparseFoldedText = Readonly<{ text: string; jumps: Readonly<Int32Array>; jumpCount: number }>;

const NO_JUMPS = new Int32Array(0);

/**
 * The offset in the original text of a position in the folded text (see {@link foldText}).
 * @param folded - the text after {@link foldTextSparse}
 * @param at - a position in the folded text, up to its length
 * @returns the offset of the character that produced it (the original length at the end)
 */
export function originalOffset(folded: SparseFoldedText, at: number): number {
  const jumps = folded.jumps;
  // The last jump starting at or before `at`.
  let lo = 0;
  let hi = folded.jumpCount - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((jumps[mid * 4] as number) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return at;
  const start = jumps[found * 4] as number;
  const length = jumps[found * 4 + 1] as number;
  const source = jumps[found * 4 + 2] as number;
  if (at < start + length) return source;
  return source + (jumps[found * 4 + 3] as number) + (at - start - length);
}

let unchangedChars: Uint8Array | undefined;

/** Longest run of UTF-16 units turned into a string at once. */
const CHUNK = 1024;

/**
 * {@link foldText} with a compact offset map: when every character folds to itself but for
 * case (ASCII, and such as curly quotes, dashes, currency signs, CJK), the text is only
 * lower-cased and the map is empty; otherwise it records only the characters that fold to a
 * different length (usually none).
 * @param text - the original text
 * @returns the folded text and its jumps
 */
export function foldTextSparse(text: string): SparseFoldedText {
  return text.length > LONG_TEXT ? foldLongText(text) : foldShortText(text);
}

/**
 * Texts longer than this are folded and read by copies of the loops of their own
 * ({@link foldLongText}, {@link scanLongText}). V8 compiles a function from what it saw it do:
 * in an engine warmed by short messages (accented letters, single letters, emoji), the compiled
 * loops read a megabyte of disguised words about 1.4 times slower than in a fresh process (the
 * bench's l33t row 68 → 85 ms). A copy only long texts reach is compiled from long texts. The
 * copies are the same source (normalize.test.ts compares them).
 */
const LONG_TEXT = 65_536;

function foldShortText(text: string): SparseFoldedText {
  // Characters unchanged by folding and by lower-casing, alone and so in any context (`Σ` is
  // not): 1 yes, 2 no, 0 not looked up yet. A pure function of the character, kept in a flat
  // table (curly quotes and dashes are asked about at every other word).
  const unchanged = (unchangedChars ||= new Uint8Array(0x10000));
  // ASCII is unchanged: a native search finds the first other character.
  const firstOther = /[^\0-\x7f]/.exec(text);
  let same = firstOther === null ? text.length : firstOther.index;
  for (; same < text.length; same++) {
    const code = text.charCodeAt(same);
    if (code < 0x80) continue;
    let keep = unchanged[code] as number;
    if (keep === 0) {
      const ch = String.fromCharCode(code);
      keep = !(code >= 0xd800 && code <= 0xdfff) && foldCode(code) === ch && ch.toLowerCase() === ch ? 1 : 2;
      unchanged[code] = keep;
    }
    if (keep === 2) break;
  }
  if (same === text.length) return { text: lowerCase(text), jumps: NO_JUMPS, jumpCount: 0 };
  let units: Uint16Array = new Uint16Array(text.length + 16);
  let n = 0;
  let jumps = NO_JUMPS;
  let jumpCount = 0;
  let i = 0;
  // Room is kept for the rest of the text as it is, as in foldLookalikeLetters.
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      units[n++] = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
      i++;
      continue;
    }
    const cp = code >= 0xd800 && code <= 0xdbff ? (text.codePointAt(i) as number) : code;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCode(cp);
    // Surrogate pairs are recorded too: both their units map to the pair's start.
    if (folded.length !== 1 || width !== 1) {
      if ((jumpCount + 1) * 4 > jumps.length) {
        const bigger = new Int32Array(Math.max(64, jumps.length * 2));
        bigger.set(jumps);
        jumps = bigger;
      }
      jumps[jumpCount * 4] = n;
      jumps[jumpCount * 4 + 1] = folded.length;
      jumps[jumpCount * 4 + 2] = i;
      jumps[jumpCount * 4 + 3] = width;
      jumpCount++;
    }
    if (n + folded.length + text.length - i > units.length) units = growUnits(units, n + folded.length + text.length - i);
    for (let k = 0; k < folded.length; k++) units[n++] = folded.charCodeAt(k);
    i += width;
  }
  return { text: unitsToString(units, n), jumps, jumpCount };
}

/** {@link foldShortText} for texts longer than `LONG_TEXT`, the same source. */
function foldLongText(text: string): SparseFoldedText {
  // Characters unchanged by folding and by lower-casing, alone and so in any context (`Σ` is
  // not): 1 yes, 2 no, 0 not looked up yet. A pure function of the character, kept in a flat
  // table (curly quotes and dashes are asked about at every other word).
  const unchanged = (unchangedChars ||= new Uint8Array(0x10000));
  // ASCII is unchanged: a native search finds the first other character.
  const firstOther = /[^\0-\x7f]/.exec(text);
  let same = firstOther === null ? text.length : firstOther.index;
  for (; same < text.length; same++) {
    const code = text.charCodeAt(same);
    if (code < 0x80) continue;
    let keep = unchanged[code] as number;
    if (keep === 0) {
      const ch = String.fromCharCode(code);
      keep = !(code >= 0xd800 && code <= 0xdfff) && foldCode(code) === ch && ch.toLowerCase() === ch ? 1 : 2;
      unchanged[code] = keep;
    }
    if (keep === 2) break;
  }
  if (same === text.length) return { text: lowerCase(text), jumps: NO_JUMPS, jumpCount: 0 };
  let units: Uint16Array = new Uint16Array(text.length + 16);
  let n = 0;
  let jumps = NO_JUMPS;
  let jumpCount = 0;
  let i = 0;
  // Room is kept for the rest of the text as it is, as in foldLookalikeLetters.
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      units[n++] = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
      i++;
      continue;
    }
    const cp = code >= 0xd800 && code <= 0xdbff ? (text.codePointAt(i) as number) : code;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCode(cp);
    // Surrogate pairs are recorded too: both their units map to the pair's start.
    if (folded.length !== 1 || width !== 1) {
      if ((jumpCount + 1) * 4 > jumps.length) {
        const bigger = new Int32Array(Math.max(64, jumps.length * 2));
        bigger.set(jumps);
        jumps = bigger;
      }
      jumps[jumpCount * 4] = n;
      jumps[jumpCount * 4 + 1] = folded.length;
      jumps[jumpCount * 4 + 2] = i;
      jumps[jumpCount * 4 + 3] = width;
      jumpCount++;
    }
    if (n + folded.length + text.length - i > units.length) units = growUnits(units, n + folded.length + text.length - i);
    for (let k = 0; k < folded.length; k++) units[n++] = folded.charCodeAt(k);
    i += width;
  }
  return { text: unitsToString(units, n), jumps, jumpCount };
}

function growUnits(array: Uint16Array, needed: number): Uint16Array {
  const bigger = new Uint16Array(Math.max(needed + 16, array.length * 2));
  bigger.set(array);
  return bigger;
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

/** {@link LEET} by ASCII code (0: not l33t), for long words. */
const LEET_CODES: Uint16Array = (() => {
  const codes = new Uint16Array(0x80);
  for (const [ch, letter] of Object.entries(LEET)) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) codes[code] = letter.charCodeAt(0);
  }
  return codes;
})();
const AMBIGUOUS_CODE = AMBIGUOUS_IL.charCodeAt(0);
const UNKNOWN_CODE = UNKNOWN_LETTER.charCodeAt(0);
/** Readings of words that are not plain letters remembered per text (see {@link scanWords}). */
const MAX_READINGS = 4096;
/** Words longer than this are read where they stand, not remembered (see {@link scanWords}). */
const LONG_WORD = 64;
let wordUnits = new Uint16Array(256);

/**
 * The first `n` units of a buffer as a string, made in chunks (no string per character), each
 * copied into a plain array first: `apply` reads a plain array's elements faster than a typed one's.
 */
function unitsToString(units: Uint16Array, n: number): string {
  let out = "";
  for (let k = 0; k < n; k += CHUNK) {
    chunk.length = Math.min(CHUNK, n - k);
    for (let i = 0; i < chunk.length; i++) chunk[i] = units[k + i] as number;
    out += String.fromCharCode.apply(null, chunk);
  }
  return out;
}

/** The plain array {@link unitsToString} copies each chunk into (it calls nothing that could use it too). */
const chunk: number[] = [];

/** Apostrophes: removed inside a word, so `don't` reads `dont` and `f'in` reads `fin`. */
const APOSTROPHES = "'’‘`ʼ";
/** Characters that are punctuation, not letters, at the start or end of a word (`shit!`, `*note`). */
const EDGE_PUNCTUATION = "!|¡+*#" + APOSTROPHES;
/** What may separate spaced-out letters (`f u c k`, `f.u.c.k`, `f - u - c - k`). */
const SPACING = " \t.-_~·,/\\:\u00a0";
/** Longest gap between two spaced-out letters. */
const MAX_SPACING = 3;
/**
 * Most spaced-out letters joined into one word: a longer run (`a b c d e …` for pages) is read
 * as words of this many letters each, so its evidence is a word, not the whole run.
 */
export const MAX_JOINED = 64;
/** At most this many unknown letters (`*`) in a word are read as letters. */
const MAX_UNKNOWN = 2;

// Character classes, as bit flags.
const LETTER = 1;
const DIGIT = 2;
const LEET_SYMBOL = 4;
const APOSTROPHE = 8;
const EDGE = 16;
const SPACE = 32;
const OTHER_LETTER = 64;
const IN_WORD = LETTER | DIGIT | LEET_SYMBOL | APOSTROPHE | OTHER_LETTER;

/** Classes of ASCII characters (`ascii[code]`), and of the few others with a class (`other`). */
type ClassTable = Readonly<{ ascii: Uint8Array; other: ReadonlyMap<number, number> }>;

function buildClassTable(): ClassTable {
  const ascii = new Uint8Array(0x80);
  const other = new Map<number, number>();
  const add = (chars: string, flag: number): void => {
    for (const ch of chars) {
      const code = ch.charCodeAt(0);
      if (code < 0x80) ascii[code] = (ascii[code] as number) | flag;
      else other.set(code, (other.get(code) || 0) | flag);
    }
  };
  add("abcdefghijklmnopqrstuvwxyz", LETTER);
  add("0123456789", DIGIT);
  add(Object.keys(LEET).filter((k) => !/[0-9]/.test(k)).join(""), LEET_SYMBOL);
  add(APOSTROPHES, APOSTROPHE);
  add(EDGE_PUNCTUATION, EDGE);
  add(SPACING, SPACE);
  return { ascii, other };
}

let classTable: ClassTable | undefined;

/**
 * Classifies characters of folded text. Letters of other scripts are looked up once per call
 * of {@link tokenize} (its own memo), so the table itself never changes after it is built.
 */
function classifier(): (code: number) => number {
  classTable ||= buildClassTable();
  const { ascii, other } = classTable;
  // Classes of the other characters met so far (0xff: not looked up yet): a pure function of
  // the character, kept in a flat table because text in other scripts or with curly quotes
  // asks for one at almost every character.
  const known = (otherClasses ||= new Uint8Array(0x10000).fill(0xff));
  return (code) => {
    if (code < 0x80) return ascii[code] as number;
    let cls = known[code] as number;
    if (cls === 0xff) {
      // Surrogates belong to letters of other scripts after folding (math letters are folded already).
      cls = other.get(code) ?? ((code >= 0xd800 && code <= 0xdfff) || isLetter(code) ? OTHER_LETTER : 0);
      known[code] = cls;
    }
    return cls;
  };
}

let otherClasses: Uint8Array | undefined;

type RawToken = { skeleton: string; from: number; to: number; letters: number; joinable: boolean };

/**
 * Reads one run of word characters that is not plain letters: trims edge punctuation,
 * decides whether digits and symbols are l33t letters, and maps them.
 */
function readWord(folded: string, from: number, to: number, classOf: (code: number) => number): RawToken | null {
  while (from < to && classOf(folded.charCodeAt(from)) & EDGE) from++;
  while (to > from && classOf(folded.charCodeAt(to - 1)) & EDGE) to--;
  if (from >= to) return null;
  let letters = 0;
  let symbols = 0;
  for (let i = from; i < to; i++) {
    const code = folded.charCodeAt(i);
    if (classOf(code) & (LETTER | OTHER_LETTER)) letters++;
    else if (code === 0x40 || code === 0x24) symbols++; // @ $
  }
  const single = to - from === 1;
  // A number is not a word ("2024", "10"), but a lone l33t digit may be a spaced-out letter.
  if (letters === 0 && symbols === 0 && !(single && LEET[folded[from] as string] !== undefined)) return null;
  let skeleton: string;
  let unknown = 0;
  // Spelt into a buffer and made a string once, not one character at a time (a run may be
  // thousands of characters without a space).
  const units = (wordUnits = wordUnits.length >= to - from ? wordUnits : new Uint16Array(to - from));
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = folded.charCodeAt(i);
    if (classOf(code) & APOSTROPHE) continue;
    const leet = code < 0x80 ? LEET_CODES[code] : code === 0xa1 ? AMBIGUOUS_CODE : code === 0x20ac ? 0x65 : 0;
    if (leet === UNKNOWN_CODE) unknown++;
    units[n++] = leet === 0 || leet === undefined ? code : leet;
  }
  skeleton = unitsToString(units, n);
  if (unknown > 0) skeleton = resolveUnknown(skeleton, unknown);
  if (skeleton === "") return null;
  return { skeleton, from, to, letters, joinable: skeleton.length === 1 };
}

const ALL_UNKNOWN = /\*/g;

/** `f*u*c*k` is spaced-out letters; `f*ck` has an unknown letter; `a****b` has too many to read. */
function resolveUnknown(skeleton: string, unknown: number): string {
  let alternating = skeleton.length >= 5 && skeleton.length % 2 === 1;
  for (let i = 0; alternating && i < skeleton.length; i++) {
    const isStar = skeleton[i] === UNKNOWN_LETTER;
    if (isStar !== (i % 2 === 1)) alternating = false;
  }
  if (alternating) return skeleton.replace(ALL_UNKNOWN, "");
  // Too many unknown letters: keep a character that matches nothing.
  return unknown > MAX_UNKNOWN ? skeleton.replace(ALL_UNKNOWN, "~") : skeleton;
}

function spacingOnly(folded: string, from: number, to: number, classOf: (code: number) => number): boolean {
  if (to - from > MAX_SPACING || to <= from) return false;
  for (let i = from; i < to; i++) if (!(classOf(folded.charCodeAt(i)) & SPACE)) return false;
  return true;
}

/**
 * Receives the words of a text from {@link scanWords}, in order.
 * @param skeleton - the word's skeleton, or null when it is the folded text from `from` to
 *   `to` as it is (two or more letters `a`–`z`, the common case: no string is built for it)
 * @param from - start of the word in the folded text
 * @param to - end of the word in the folded text
 * @param start - start of the word in the original text
 * @param end - end of the word in the original text
 * @param joined - true when joined from spaced-out letters
 */
export type WordSink = (skeleton: string | null, from: number, to: number, start: number, end: number, joined: boolean) => void;

/**
 * Splits text into word tokens read through obfuscation (see the module comment).
 * Numbers are not words; a run of three or more single letters separated by spaces or
 * `.`, `-`, `_`, `/`, `,` (at most three of them, no line break) is joined into one word
 * (into words of {@link MAX_JOINED} letters when longer).
 * @param text - the original text
 * @returns the words in order, with offsets in `text`
 */
export function tokenize(text: string): WordToken[] {
  const folded = foldTextSparse(text);
  const tokens: WordToken[] = [];
  scanWords(folded, (skeleton, from, to, start, end, joined) => {
    tokens.push({ skeleton: skeleton ?? folded.text.slice(from, to), start, end, joined });
  });
  return tokens;
}

/**
 * The words of a folded text, as {@link tokenize} reads them, handed to a sink without
 * building a string or an object for each plain word.
 * @param folded - the text after {@link foldTextSparse}
 * @param sink - receives each word
 */
export function scanWords(folded: SparseFoldedText, sink: WordSink): void {
  if (folded.text.length > LONG_TEXT) scanLongText(folded, sink);
  else scanShortText(folded, sink);
}

function scanShortText(folded: SparseFoldedText, sink: WordSink): void {
  const text = folded.text;
  const inStep = folded.jumpCount === 0;
  const classOf = classifier();
  // Single letters waiting to be joined (`f u c k`): how many, their letters so far, how many
  // real letters they hold, where the run starts and the last one ends; and the first two that
  // hold a real letter (all that is emitted when the run is not joined). No object is kept per
  // letter, so a long run of single letters costs no more than ordinary words.
  let pendingCount = 0;
  let pendingSkeleton = "";
  let pendingLetters = 0;
  let pendingFrom = 0;
  let pendingTo = 0;
  let lettered: [string, number, number][] = [];
  // Words that are not plain letters (`jane@example`, `5h1t`, `f***`, `10am`) come back often in
  // one text: each spelling is read once, then moved to where it stands.
  // (A reading's offsets are within its spelling: `at` is where the word read last starts.)
  const readings = new Map<string, RawToken | null>();
  let at = 0;
  const readWordAt = (from: number, to: number): RawToken | null => {
    at = 0;
    if (to - from > LONG_WORD) return readWord(text, from, to, classOf);
    const raw = text.slice(from, to);
    let read = readings.get(raw);
    if (read === undefined) {
      read = readWord(raw, 0, raw.length, classOf);
      if (readings.size < MAX_READINGS) readings.set(raw, read);
    }
    at = from;
    return read;
  };
  // Words come in text order, so their original offsets are read by walking the jumps once
  // (a cursor), not by a binary search per word.
  const jumps = folded.jumps;
  const jumpCount = folded.jumpCount;
  let cursor = -1; // the last jump starting at or before the last position asked
  let asked = 0;
  const original = (at: number): number => {
    if (at < asked) return originalOffset(folded, at);
    asked = at;
    while (cursor + 1 < jumpCount && (jumps[(cursor + 1) * 4] as number) <= at) cursor++;
    if (cursor < 0) return at;
    const start = jumps[cursor * 4] as number;
    const source = jumps[cursor * 4 + 2] as number;
    if (at < start + (jumps[cursor * 4 + 1] as number)) return source;
    return source + (jumps[cursor * 4 + 3] as number) + (at - start - (jumps[cursor * 4 + 1] as number));
  };
  const emit = (skeleton: string | null, from: number, to: number, joined: boolean): void => {
    if (inStep) sink(skeleton, from, to, from, to, joined);
    else sink(skeleton, from, to, original(from), original(to), joined);
  };
  const flush = (): void => {
    if (pendingCount >= 3 && pendingLetters >= 2) {
      emit(pendingSkeleton, pendingFrom, pendingTo, true);
    } else {
      // A lone digit read as a letter is only kept inside spaced-out words. (Fewer than three
      // letters, or fewer than two real ones: `lettered` holds every one to emit.)
      for (const [skeleton, from, to] of lettered) emit(skeleton, from, to, false);
    }
    pendingCount = 0;
    pendingSkeleton = "";
    pendingLetters = 0;
    lettered = [];
  };
  const n = text.length;
  let i = 0;
  const ascii = (classTable as ClassTable).ascii;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = code < 0x80 ? (ascii[code] as number) : classOf(code);
    if (!(cls & IN_WORD)) {
      i++;
      continue;
    }
    let plain = cls === LETTER;
    let j = i + 1;
    for (; j < n; j++) {
      const cj = text.charCodeAt(j);
      const c = cj < 0x80 ? (ascii[cj] as number) : classOf(cj);
      if (!(c & IN_WORD)) break;
      if (c !== LETTER) plain = false;
    }
    if (plain && j - i > 1) {
      if (pendingCount > 0) flush();
      emit(null, i, j, false);
    } else {
      // (A single letter reads as itself, remembered as any other spelling.)
      const word = readWordAt(i, j);
      if (word) {
        const from = at + word.from;
        const to = at + word.to;
        if (pendingCount > 0 && (pendingCount >= MAX_JOINED || !(word.joinable && spacingOnly(text, pendingTo, from, classOf)))) flush();
        if (word.joinable) {
          if (pendingCount === 0) pendingFrom = from;
          pendingCount++;
          pendingSkeleton += word.skeleton;
          pendingTo = to;
          pendingLetters += word.letters;
          if (word.letters > 0 && lettered.length < 2) lettered.push([word.skeleton, from, to]);
        } else emit(word.skeleton, from, to, false);
      }
    }
    i = j;
  }
  flush();
}

/** {@link scanShortText} for texts longer than `LONG_TEXT`, the same source. */
function scanLongText(folded: SparseFoldedText, sink: WordSink): void {
  const text = folded.text;
  const inStep = folded.jumpCount === 0;
  const classOf = classifier();
  // Single letters waiting to be joined (`f u c k`): how many, their letters so far, how many
  // real letters they hold, where the run starts and the last one ends; and the first two that
  // hold a real letter (all that is emitted when the run is not joined). No object is kept per
  // letter, so a long run of single letters costs no more than ordinary words.
  let pendingCount = 0;
  let pendingSkeleton = "";
  let pendingLetters = 0;
  let pendingFrom = 0;
  let pendingTo = 0;
  let lettered: [string, number, number][] = [];
  // Words that are not plain letters (`jane@example`, `5h1t`, `f***`, `10am`) come back often in
  // one text: each spelling is read once, then moved to where it stands.
  // (A reading's offsets are within its spelling: `at` is where the word read last starts.)
  const readings = new Map<string, RawToken | null>();
  let at = 0;
  const readWordAt = (from: number, to: number): RawToken | null => {
    at = 0;
    if (to - from > LONG_WORD) return readWord(text, from, to, classOf);
    const raw = text.slice(from, to);
    let read = readings.get(raw);
    if (read === undefined) {
      read = readWord(raw, 0, raw.length, classOf);
      if (readings.size < MAX_READINGS) readings.set(raw, read);
    }
    at = from;
    return read;
  };
  // Words come in text order, so their original offsets are read by walking the jumps once
  // (a cursor), not by a binary search per word.
  const jumps = folded.jumps;
  const jumpCount = folded.jumpCount;
  let cursor = -1; // the last jump starting at or before the last position asked
  let asked = 0;
  const original = (at: number): number => {
    if (at < asked) return originalOffset(folded, at);
    asked = at;
    while (cursor + 1 < jumpCount && (jumps[(cursor + 1) * 4] as number) <= at) cursor++;
    if (cursor < 0) return at;
    const start = jumps[cursor * 4] as number;
    const source = jumps[cursor * 4 + 2] as number;
    if (at < start + (jumps[cursor * 4 + 1] as number)) return source;
    return source + (jumps[cursor * 4 + 3] as number) + (at - start - (jumps[cursor * 4 + 1] as number));
  };
  const emit = (skeleton: string | null, from: number, to: number, joined: boolean): void => {
    if (inStep) sink(skeleton, from, to, from, to, joined);
    else sink(skeleton, from, to, original(from), original(to), joined);
  };
  const flush = (): void => {
    if (pendingCount >= 3 && pendingLetters >= 2) {
      emit(pendingSkeleton, pendingFrom, pendingTo, true);
    } else {
      // A lone digit read as a letter is only kept inside spaced-out words. (Fewer than three
      // letters, or fewer than two real ones: `lettered` holds every one to emit.)
      for (const [skeleton, from, to] of lettered) emit(skeleton, from, to, false);
    }
    pendingCount = 0;
    pendingSkeleton = "";
    pendingLetters = 0;
    lettered = [];
  };
  const n = text.length;
  let i = 0;
  const ascii = (classTable as ClassTable).ascii;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = code < 0x80 ? (ascii[code] as number) : classOf(code);
    if (!(cls & IN_WORD)) {
      i++;
      continue;
    }
    let plain = cls === LETTER;
    let j = i + 1;
    for (; j < n; j++) {
      const cj = text.charCodeAt(j);
      const c = cj < 0x80 ? (ascii[cj] as number) : classOf(cj);
      if (!(c & IN_WORD)) break;
      if (c !== LETTER) plain = false;
    }
    if (plain && j - i > 1) {
      if (pendingCount > 0) flush();
      emit(null, i, j, false);
    } else {
      // (A single letter reads as itself, remembered as any other spelling.)
      const word = readWordAt(i, j);
      if (word) {
        const from = at + word.from;
        const to = at + word.to;
        if (pendingCount > 0 && (pendingCount >= MAX_JOINED || !(word.joinable && spacingOnly(text, pendingTo, from, classOf)))) flush();
        if (word.joinable) {
          if (pendingCount === 0) pendingFrom = from;
          pendingCount++;
          pendingSkeleton += word.skeleton;
          pendingTo = to;
          pendingLetters += word.letters;
          if (word.letters > 0 && lettered.length < 2) lettered.push([word.skeleton, from, to]);
        } else emit(word.skeleton, from, to, false);
      }
    }
    i = j;
  }
  flush();
}

type Run = Readonly<{ ch: string; length: number }>;

/** True when a skeleton has an i-or-l marker or a letter written three times in a row. */
function hasChoices(skeleton: string): boolean {
  let same = 1;
  for (let i = 0; i < skeleton.length; i++) {
    const c = skeleton.charCodeAt(i);
    if (c === 0x31) return true; // AMBIGUOUS_IL
    same = i > 0 && c === skeleton.charCodeAt(i - 1) ? same + 1 : 1;
    if (same >= 3) return true;
  }
  return false;
}

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
  if (!hasChoices(skeleton)) return [skeleton];
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
 * Lists the readings of a skeleton's repeated letters only: each character written three or
 * more times stands for one or two of it; i-or-l markers are left as they are.
 * @param skeleton - a token skeleton
 * @param limit - the most spellings to return
 * @returns at least one spelling, the most likely (one of each repeat) first
 */
export function repeatVariants(skeleton: string, limit = 4): string[] {
  // Pieces of the skeleton between long runs, and the long runs' characters.
  const pieces: string[] = [];
  const runs: string[] = [];
  let pieceStart = 0;
  let i = 0;
  while (i < skeleton.length) {
    let j = i + 1;
    while (j < skeleton.length && skeleton.charCodeAt(j) === skeleton.charCodeAt(i)) j++;
    if (j - i >= 3) {
      pieces.push(skeleton.slice(pieceStart, i));
      runs.push(skeleton[i] as string);
      pieceStart = j;
    }
    i = j;
  }
  if (runs.length === 0) return [skeleton];
  pieces.push(skeleton.slice(pieceStart));
  let variants = [pieces[0] as string];
  runs.forEach((ch, k) => {
    const next = pieces[k + 1] as string;
    variants =
      variants.length * 2 > limit ? variants.map((v) => v + ch + next) : variants.flatMap((v) => [v + ch + next, v + ch + ch + next]);
  });
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
