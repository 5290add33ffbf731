/**
 * A word-and-phrase lexicon matched against text read through obfuscation
 * (see `normalize.ts`). Generic: the abusive-language lexicon is one user, and any rule with
 * a word list (tone, chain mail) can compile its own.
 *
 * Each entry says how it matches a word token:
 * - `word`: the whole word (`ass` matches "a$$" but not "class" or "assess");
 * - `prefix`: the start of a word (`wank` matches "wanker");
 * - `within`: anywhere in a word (`fuck` matches "motherfucker");
 * - `phrase`: whole words in sequence (`watch your back` matches "watch ur back").
 * An entry's `allow` strings (and the caller's) are innocent spellings that contain it:
 * a hit is dropped when an allow string occurs in the surrounding words and covers the hit
 * (`scunthorpe` covers the `cunt` in "Scunthorpe"; `spotted dick` covers "dick").
 *
 * Matching is linear in the text: each word is walked through a letter trie from each of
 * its positions, at a depth bounded by the longest term.
 */
import { AMBIGUOUS_IL, UNKNOWN_LETTER, normalizeForMatching, repeatVariants, spellingVariants, tokenize, type WordToken } from "./normalize";

export type MatchMode = "word" | "prefix" | "within" | "phrase";

export type LexiconEntry = Readonly<{
  /** Lower-case word (or words, for `phrase`), spelt plainly. */
  term: string;
  /** Free label chosen by the lexicon's owner, e.g. `obscene`. */
  category: string;
  mode: MatchMode;
  /** Innocent spellings containing the term, e.g. `scunthorpe` for `cunt`. */
  allow?: readonly string[];
}>;

export type LexiconHit = Readonly<{
  entry: LexiconEntry;
  /** Offset of the first character of the matched word(s) in the original text. */
  start: number;
  /** Offset just after the matched word(s) in the original text. */
  end: number;
}>;

export type LexiconOptions = Readonly<{
  /**
   * Words that stand for other words when matching phrases, e.g. `u` → `you`,
   * `ill` → `i will`, `youre` → `you are` (apostrophes are already gone).
   */
  expansions?: Readonly<Record<string, string>>;
}>;

type CompiledEntry = Readonly<{
  entry: LexiconEntry;
  /** The term as matched: one word for word/prefix/within, words joined by spaces for phrases. */
  spelling: string;
  allow: readonly string[];
}>;

/**
 * Letter trie over `a`–`z`, flat: `next[node * 26 + letter]` is the child (0 when none;
 * the root is node 0 and never a child); `entries[node]` are the terms ending there.
 */
type CharTrie = { next: Int32Array; ends: (number[] | null)[]; entries: CompiledEntry[]; size: number };
type WordNode = { next: Map<string, WordNode>; entries: CompiledEntry[] };

export type Lexicon = Readonly<{
  /**
   * Finds the entries that occur in a text.
   * @param text - any text
   * @param allow - further allow strings (the user's), applied to every entry
   * @returns hits in text order, at most one per entry per word
   */
  find(text: string, allow?: readonly string[]): LexiconHit[];
}>;

/**
 * A hit being built: the words around it (spelt tokens for letter matches, expanded words for
 * phrases), the first and last of them it covers, and its span inside those words.
 */
type Candidate = {
  entry: CompiledEntry;
  words: readonly string[];
  first: number;
  last: number;
  /** Offset of the hit in `words[first]`. */
  from: number;
  /** End of the hit in `words[last]`. */
  to: number;
  /** The spelling of `words[first]` that matched, when it differs (spelling variants). */
  spelling: string;
  start: number;
  end: number;
};

/** Words a matched span must contain, beyond unknown letters. */
const MIN_KNOWN_LETTERS = 2;
/** Terms shorter than this never match with an unknown letter (`a*s` is not `ass`). */
const MIN_LENGTH_WITH_UNKNOWN = 4;
/** At most this many unknown letters in one match. */
const MAX_UNKNOWN_PER_MATCH = 2;
const UNKNOWN_CODE = UNKNOWN_LETTER.charCodeAt(0);
const AMBIGUOUS_CODE = AMBIGUOUS_IL.charCodeAt(0);
const I_OR_L: readonly number[] = [8, 11];
const ALL_LETTERS: readonly number[] = Array.from({ length: 26 }, (_, k) => k);
/** Longer words are not looked up in the phrase vocabulary spelling by spelling. */
const MAX_VOCABULARY_WORD = 24;
/** Words either side of a hit in which allow strings are looked for. */
const ALLOW_WINDOW = 3;

/**
 * Normalises a term or allow string the way text is read.
 * @param term - as written in the data
 * @returns its plain reading, words separated by single spaces
 */
export function normalizeTerm(term: string): string {
  return normalizeForMatching(term);
}

/**
 * Compiles a lexicon. Throws when a term is empty or a single-word term reads as several words.
 * @param entries - the entries
 * @param options - phrase expansions
 * @returns the compiled lexicon
 */
export function compileLexicon(entries: readonly LexiconEntry[], options: LexiconOptions = {}): Lexicon {
  const letters = entries.reduce((sum, e) => sum + e.term.length, 1);
  const charTrie: CharTrie = { next: new Int32Array(letters * 26), ends: new Array<number[] | null>(letters).fill(null), entries: [], size: 1 };
  const wordRoot: WordNode = { next: new Map(), entries: [] };
  const vocabulary = new Set<string>();
  const expansions = new Map<string, readonly string[]>();
  for (const [from, to] of Object.entries(options.expansions ?? {})) {
    expansions.set(normalizeTerm(from), normalizeTerm(to).split(" "));
    vocabulary.add(normalizeTerm(from));
  }
  for (const entry of entries) {
    const spelling = normalizeTerm(entry.term);
    if (spelling === "") throw new Error(`Empty lexicon term "${entry.term}"`);
    const compiled: CompiledEntry = { entry, spelling, allow: (entry.allow ?? []).map(normalizeTerm) };
    if (entry.mode === "phrase") {
      let node = wordRoot;
      for (const word of spelling.split(" ")) {
        vocabulary.add(word);
        let child = node.next.get(word);
        if (!child) node.next.set(word, (child = { next: new Map(), entries: [] }));
        node = child;
      }
      node.entries.push(compiled);
    } else {
      if (spelling.includes(" ")) throw new Error(`Lexicon term "${entry.term}" is several words; use mode "phrase"`);
      if (!/^[a-z]+$/.test(spelling)) throw new Error(`Lexicon term "${entry.term}" must read as letters a-z`);
      let node = 0;
      for (let i = 0; i < spelling.length; i++) {
        const slot = node * 26 + spelling.charCodeAt(i) - 0x61;
        if (charTrie.next[slot] === 0) charTrie.next[slot] = charTrie.size++;
        node = charTrie.next[slot] as number;
      }
      (charTrie.ends[node] ??= []).push(charTrie.entries.length);
      charTrie.entries.push(compiled);
    }
  }
  return {
    find(text, allow = []) {
      return findHits(text, charTrie, wordRoot, vocabulary, expansions, allow.map(normalizeTerm).filter((a) => a !== ""));
    },
  };
}

function wordMatchesMode(mode: MatchMode, from: number, to: number, length: number): boolean {
  if (mode === "word") return from === 0 && to === length;
  if (mode === "prefix") return from === 0;
  return true;
}

function unknownAllowed(e: CompiledEntry, unknown: number): boolean {
  return unknown === 0 || (e.spelling.length >= MIN_LENGTH_WITH_UNKNOWN && e.spelling.length - unknown >= MIN_KNOWN_LETTERS);
}

/**
 * Walks the letter trie along `spelling` from position `i` at `node`, pushing onto `out` the
 * id of each term reached and the end of its match (two numbers per term). The i-or-l
 * marker branches to both letters; an unknown letter (`*`) stands for any letter, but never
 * for the first one.
 */
function walk(trie: CharTrie, spelling: string, from: number, node: number, i: number, unknown: number, out: number[]): void {
  for (; i < spelling.length; i++) {
    const code = spelling.charCodeAt(i);
    if (code === AMBIGUOUS_CODE || code === UNKNOWN_CODE) {
      const isUnknown = code === UNKNOWN_CODE;
      if (isUnknown && (i === from || unknown >= MAX_UNKNOWN_PER_MATCH)) return;
      const used = isUnknown ? unknown + 1 : unknown;
      for (const letter of isUnknown ? ALL_LETTERS : I_OR_L) {
        const child = trie.next[node * 26 + letter] as number;
        if (child === 0) continue;
        reached(trie, child, i + 1, used, out);
        walk(trie, spelling, from, child, i + 1, used, out);
      }
      return;
    }
    const letter = code - 0x61;
    if (letter < 0 || letter > 25) return;
    node = trie.next[node * 26 + letter] as number;
    if (node === 0) return;
    if (trie.ends[node] !== null) reached(trie, node, i + 1, unknown, out);
  }
}

function reached(trie: CharTrie, node: number, to: number, unknown: number, out: number[]): void {
  const ends = trie.ends[node];
  if (ends) for (const id of ends) if (unknownAllowed(trie.entries[id] as CompiledEntry, unknown)) out.push(id, to);
}

/** True when a skeleton has a character written three or more times in a row. */
function hasLongRun(skeleton: string): boolean {
  for (let i = 2; i < skeleton.length; i++) {
    const c = skeleton.charCodeAt(i);
    if (c === skeleton.charCodeAt(i - 1) && c === skeleton.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** True when a skeleton has a character a plain word does not (i-or-l marker, unknown letter, digit). */
function hasMarks(skeleton: string): boolean {
  for (let i = 0; i < skeleton.length; i++) {
    const c = skeleton.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return true;
  }
  return false;
}

/** Letter matches of one token: walks each of its spellings from each position. */
function matchToken(trie: CharTrie, token: WordToken, index: number, spelt: readonly string[], out: number[], candidates: Candidate[]): void {
  const skeleton = token.skeleton;
  const spellings = hasLongRun(skeleton) ? repeatVariants(skeleton) : [skeleton];
  let seen: number[] | undefined;
  for (const spelling of spellings) {
    for (let from = 0; from < spelling.length; from++) {
      out.length = 0;
      walk(trie, spelling, from, 0, from, 0, out);
      for (let k = 0; k < out.length; k += 2) {
        const id = out[k] as number;
        const to = out[k + 1] as number;
        const e = trie.entries[id] as CompiledEntry;
        if (seen?.includes(id) || !wordMatchesMode(e.entry.mode, from, to, spelling.length)) continue;
        (seen ??= []).push(id);
        candidates.push({ entry: e, words: spelt, first: index, last: index, from, to, spelling, start: token.start, end: token.end });
      }
    }
  }
}

function findHits(
  text: string,
  charTrie: CharTrie,
  wordRoot: WordNode,
  vocabulary: ReadonlySet<string>,
  expansions: ReadonlyMap<string, readonly string[]>,
  userAllow: readonly string[],
): LexiconHit[] {
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];
  const spelt: string[] = [];
  const phraseWords: string[] = [];
  const phraseTokens: number[] = [];
  const out: number[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as WordToken;
    matchToken(charTrie, token, t, spelt, out, candidates);
    const skeleton = token.skeleton;
    let word = skeleton;
    if (hasMarks(skeleton) || hasLongRun(skeleton)) {
      const variants = spellingVariants(skeleton, skeleton.length > MAX_VOCABULARY_WORD ? 1 : 16);
      word = variants.find((v) => vocabulary.has(v)) ?? (variants[0] as string);
    }
    spelt.push(word);
    const expanded = expansions.get(word);
    if (expanded) {
      for (const w of expanded) {
        phraseWords.push(w);
        phraseTokens.push(t);
      }
    } else {
      phraseWords.push(word);
      phraseTokens.push(t);
    }
  }
  if (wordRoot.next.size > 0) {
    for (let p = 0; p < phraseWords.length; p++) {
      let node: WordNode | undefined = wordRoot;
      for (let q = p; q < phraseWords.length; q++) {
        node = node.next.get(phraseWords[q] as string);
        if (!node) break;
        for (const e of node.entries) {
          candidates.push({
            entry: e,
            words: phraseWords,
            first: p,
            last: q,
            from: 0,
            to: (phraseWords[q] as string).length,
            spelling: phraseWords[p] as string,
            start: (tokens[phraseTokens[p] as number] as WordToken).start,
            end: (tokens[phraseTokens[q] as number] as WordToken).end,
          });
        }
      }
    }
  }
  const hits: LexiconHit[] = [];
  for (const c of candidates) {
    if (!isAllowed(c, userAllow)) hits.push({ entry: c.entry.entry, start: c.start, end: c.end });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** True when an allow string occurs around the hit and covers it. */
function isAllowed(c: Candidate, userAllow: readonly string[]): boolean {
  if (userAllow.includes(c.entry.spelling)) return true;
  const allows = c.entry.allow.length === 0 ? userAllow : [...c.entry.allow, ...userAllow];
  if (allows.length === 0) return false;
  const lo = Math.max(0, c.first - ALLOW_WINDOW);
  const hi = Math.min(c.words.length - 1, c.last + ALLOW_WINDOW);
  let window = "";
  let hitStart = 0;
  let hitEnd = 0;
  for (let w = lo; w <= hi; w++) {
    if (w > lo) window += " ";
    const word = w === c.first ? c.spelling : (c.words[w] as string);
    if (w === c.first) hitStart = window.length + c.from;
    if (w === c.last) hitEnd = window.length + c.to;
    window += word;
  }
  for (const a of allows) {
    let at = window.indexOf(a);
    while (at >= 0) {
      if (at <= hitStart && at + a.length >= hitEnd) return true;
      at = window.indexOf(a, at + 1);
    }
  }
  return false;
}
