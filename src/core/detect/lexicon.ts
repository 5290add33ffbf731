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
import { AMBIGUOUS_IL, UNKNOWN_LETTER, foldTextSparse, normalizeForMatching, repeatVariants, scanWords, spellingVariants } from "../text/normalize";

export type MatchMode = "word" | "prefix" | "within" | "phrase";

export type LexiconEntry = Readonly<{
  /** Lower-case word (or words, for `phrase`), spelt plainly. */
  term: string;
  /** Free label chosen by the lexicon's owner, e.g. `obscene`. */
  category: string;
  mode: MatchMode;
  /** Innocent spellings containing the term, e.g. `scunthorpe` for `cunt`. */
  allow?: readonly string[];
  /**
   * True when a match is innocent in its place in the original text (e.g. `Dick` written as a
   * name); judged after the allow strings, and such a match is not a hit.
   */
  unless?: (text: string, start: number, end: number) => boolean;
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
  /**
   * Reads every word through the general path, building its spellings as strings, instead
   * of matching plain words in place. Slower, same hits; for tests that compare the two.
   */
  generalPathOnly?: boolean;
}>;

type CompiledEntry = Readonly<{
  entry: LexiconEntry;
  /** Position of the entry in the compiled list. */
  index: number;
  /** The term as matched: one word for word/prefix/within, words joined by spaces for phrases. */
  spelling: string;
  /** In any order: {@link isAllowed} moves the one that last covered a hit to the front. */
  allow: string[];
  /**
   * How many words either side of a hit an allow string can reach: its most spaces, at most
   * {@link ALLOW_WINDOW}.
   */
  reach: number;
}>;

/**
 * Letter trie over `a`–`z`, flat: `next[node * 26 + letter]` is the child (0 when none;
 * the root is node 0 and never a child); `entries[node]` are the terms ending there.
 */
type CharTrie = { next: Int32Array; ends: (number[] | null)[]; entries: CompiledEntry[]; size: number; /** Length of its shortest term. */ shortest: number };
/** Phrase trie over word ids (see {@link Vocabulary}). */
type WordNode = { next: Map<number, WordNode>; entries: CompiledEntry[] };

/**
 * The words phrases are made of (and the words expansions replace), each with an id.
 * `trie`/`trieIds` find the id of a plain word (`a`–`z`) in place: `trieIds[node]` is the id
 * of the word ending at a node, or -1.
 */
type Vocabulary = {
  ids: Map<string, number>;
  trie: Int32Array;
  trieIds: number[];
  /** Per id: what the word stands for in phrases (words and their ids), when it is expanded. */
  expansions: ({ words: readonly string[]; ids: readonly number[] } | undefined)[];
};

type CompiledLexicon = Readonly<{
  charTrie: CharTrie;
  /** The `within` terms of `charTrie` (same entry ids). */
  withinTrie: CharTrie;
  wordRoot: WordNode;
  vocabulary: Vocabulary;
  /** Size of the rings of recent words kept while matching (a power of two). */
  ring: number;
  generalOnly: boolean;
  /** How many entries were compiled. */
  entryCount: number;
  /** Entries found in the current search (see {@link Stamps}). */
  scratch: Stamps;
}>;

/**
 * Marks of the entries found in one search, kept from search to search: an entry is found when
 * its mark is this search's `generation`, so nothing is allocated or cleared per text (a typed
 * array of a few thousand entries costs more to allocate than reading a short message).
 */
type Stamps = {
  marks: Int32Array;
  generation: number;
  busy: boolean;
  /**
   * The rings of recent words (`findHitsWith`), made at the first search and reused: each slot
   * is written before it is read, and seven small arrays made per text cost ~1 % of a short
   * message's check.
   */
  rings?: unknown[][];
};

/** How a search is bounded. */
export type FindOptions = Readonly<{
  /**
   * At most one hit per entry, the first in the text: later occurrences of a term already
   * found are not judged again, so a text of thousands of the same word costs one hit.
   */
  firstPerEntry?: boolean;
}>;

export type Lexicon = Readonly<{
  /**
   * Finds the entries that occur in a text.
   * @param text - any text
   * @param allow - further allow strings (the user's), applied to every entry
   * @param options - bounds on the search
   * @returns hits in text order, at most one per entry per word (per text with `firstPerEntry`)
   */
  find(text: string, allow?: readonly string[], options?: FindOptions): LexiconHit[];
}>;

/**
 * A hit being built: the words around it (spelt tokens for letter matches, expanded words for
 * phrases), the first and last of them it covers, and its span inside those words.
 */
type Candidate = {
  entry: CompiledEntry;
  /** `words(i)` is the i-th word; there are `wordCount` of them. */
  words: (index: number) => string;
  wordCount: number;
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
/** Marked spellings remembered per text, so that a text of all different ones cannot grow memory without bound. */
const MAX_SPELT = 4096;
/** Words either side of a hit in which allow strings are looked for. */
const ALLOW_WINDOW = 3;

/**
 * A term of plain lower-case words with no letter written three times and no three one-letter
 * words in a row: one that matching's normalisation leaves as it is.
 */
const PLAIN_TERM = /^(?!.*([a-z])\1\1|(?:.* )?[a-z] [a-z] [a-z](?: |$))[a-z]+(?: [a-z]+)*$/;

/**
 * Normalises a term or allow string the way text is read.
 * @param term - as written in the data
 * @returns its plain reading, words separated by single spaces
 */
export function normalizeTerm(term: string): string {
  // Most listed terms are already plain lower-case words, which matching's normalisation leaves
  // as they are (three one-letter words in a row would be joined as spaced-out spelling, a letter
  // written three times collapsed; "i will hurt you" is kept): about 1,800 terms and allow
  // strings are compiled at the first check, so skipping the tokeniser for them keeps it quick.
  return PLAIN_TERM.test(term) ? term : normalizeForMatching(term);
}

/**
 * Compiles a lexicon. Throws when a term is empty or a single-word term reads as several words.
 * @param entries - the entries
 * @param options - phrase expansions
 * @returns the compiled lexicon
 */
export function compileLexicon(entries: readonly LexiconEntry[], options: LexiconOptions = {}): Lexicon {
  const letters = entries.reduce((sum, e) => sum + e.term.length, 1);
  const charTrie: CharTrie = { next: new Int32Array(letters * 26), ends: new Array<number[] | null>(letters).fill(null), entries: [], size: 1, shortest: Infinity };
  // The terms that may match inside a word, for walks that do not start at its first letter.
  const withinTrie: CharTrie = { next: new Int32Array(letters * 26), ends: new Array<number[] | null>(letters).fill(null), entries: charTrie.entries, size: 1, shortest: Infinity };
  const wordRoot: WordNode = { next: new Map(), entries: [] };
  const ids = new Map<string, number>();
  const idOf = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) ids.set(word, (id = ids.size));
    return id;
  };
  const expanded: [number, readonly string[]][] = [];
  for (const [from, to] of Object.entries(options.expansions || {})) {
    expanded.push([idOf(normalizeTerm(from)), normalizeTerm(to).split(" ")]);
  }
  let entryCount = 0;
  // Words kept while matching: the longest phrase and the allow window either side of it.
  let longest = 1;
  for (const entry of entries) {
    const spelling = normalizeTerm(entry.term);
    if (spelling === "") throw new Error(`Empty lexicon term "${entry.term}"`);
    const allow = (entry.allow || []).map(normalizeTerm);
    const compiled: CompiledEntry = { entry, index: entryCount++, spelling, allow, reach: Math.min(ALLOW_WINDOW, Math.max(0, ...allow.map((a) => a.split(" ").length - 1))) };
    if (entry.mode === "phrase") {
      let node = wordRoot;
      const words = spelling.split(" ");
      longest = Math.max(longest, words.length);
      for (const word of words) {
        const id = idOf(word);
        let child = node.next.get(id);
        if (!child) node.next.set(id, (child = { next: new Map(), entries: [] }));
        node = child;
      }
      node.entries.push(compiled);
    } else {
      if (spelling.includes(" ")) throw new Error(`Lexicon term "${entry.term}" is several words; use mode "phrase"`);
      if (!/^[a-z]+$/.test(spelling)) throw new Error(`Lexicon term "${entry.term}" must read as letters a-z`);
      insertTerm(charTrie, spelling, charTrie.entries.length);
      if (entry.mode === "within") insertTerm(withinTrie, spelling, charTrie.entries.length);
      charTrie.entries.push(compiled);
    }
  }
  const vocabulary = compileVocabulary(ids, expanded);
  const generalOnly = options.generalPathOnly === true;
  let ring = 64;
  while (ring < longest + 2 * ALLOW_WINDOW + 2) ring *= 2;
  const scratch: Stamps = { marks: new Int32Array(entryCount), generation: 0, busy: false };
  const lexicon: CompiledLexicon = { charTrie, withinTrie, wordRoot, vocabulary, ring, generalOnly, entryCount, scratch };
  return {
    find(text, allow = [], findOptions = {}) {
      return findHits(text, lexicon, allow.map(normalizeTerm).filter((a) => a !== ""), findOptions.firstPerEntry === true);
    },
  };
}

function insertTerm(trie: CharTrie, spelling: string, id: number): void {
  let node = 0;
  for (let i = 0; i < spelling.length; i++) {
    const slot = node * 26 + spelling.charCodeAt(i) - 0x61;
    if (trie.next[slot] === 0) trie.next[slot] = trie.size++;
    node = trie.next[slot] as number;
  }
  (trie.ends[node] ||= []).push(id);
  trie.shortest = Math.min(trie.shortest, spelling.length);
}

function compileVocabulary(ids: Map<string, number>, expanded: readonly (readonly [number, readonly string[]])[]): Vocabulary {
  const plain = [...ids.keys()].filter((w) => /^[a-z]+$/.test(w));
  const trie = new Int32Array((plain.reduce((sum, w) => sum + w.length, 0) + 1) * 26);
  const trieIds: number[] = [-1];
  for (const word of plain) {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const slot = node * 26 + word.charCodeAt(i) - 0x61;
      if (trie[slot] === 0) {
        trie[slot] = trieIds.length;
        trieIds.push(-1);
      }
      node = trie[slot] as number;
    }
    trieIds[node] = ids.get(word) as number;
  }
  const expansions: Vocabulary["expansions"] = [];
  for (const [id, words] of expanded) expansions[id] = { words, ids: words.map((w) => ids.get(w) ?? -1) };
  return { ids, trie, trieIds, expansions };
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
    reached(trie, node, i + 1, unknown, out);
  }
}

function reached(trie: CharTrie, node: number, to: number, unknown: number, out: number[]): void {
  const ends = trie.ends[node];
  if (ends) for (const id of ends) if (unknownAllowed(trie.entries[id] as CompiledEntry, unknown)) out.push(id, to);
}

/** True when a skeleton has a character a plain word does not (i-or-l marker, unknown letter, digit). */
function hasMarks(skeleton: string): boolean {
  for (let i = 0; i < skeleton.length; i++) {
    const c = skeleton.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return true;
  }
  return false;
}

/** True when `text` from `from` to `to` has a character written three or more times in a row. */
function hasLongRunIn(text: string, from: number, to: number): boolean {
  for (let i = from + 2; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === text.charCodeAt(i - 1) && c === text.charCodeAt(i - 2)) return true;
  }
  return false;
}

/**
 * Letter matches of a plain word (`a`–`z`, no letter three times in a row) read in place in
 * the folded text from `wordFrom` to `wordTo`: the same as {@link matchToken} on the word,
 * without building strings. Walks after the first letter use the trie of `within` terms,
 * since only those match there.
 */
function matchPlain(trie: CharTrie, withinTrie: CharTrie, text: string, wordFrom: number, wordTo: number, make: MakeCandidate): void {
  // The entries matched in this word so far (a word of thousands of slurs allocates nothing).
  const seen = seenInWord;
  let seenCount = 0;
  let word: string | undefined;
  // Walks after the first letter start only where a `within` term still fits.
  for (let s = wordFrom; s === wordFrom || s <= wordTo - withinTrie.shortest; s++) {
    const t = s === wordFrom ? trie : withinTrie;
    const next = t.next;
    let node = 0;
    for (let i = s; i < wordTo; i++) {
      node = next[node * 26 + text.charCodeAt(i) - 0x61] as number;
      if (node === 0) break;
      const ends = t.ends[node];
      if (ends === null || ends === undefined) continue;
      for (const id of ends) {
        const e = t.entries[id] as CompiledEntry;
        const from = s - wordFrom;
        const to = i + 1 - wordFrom;
        if (!wordMatchesMode(e.entry.mode, from, to, wordTo - wordFrom) || (seenCount > 0 && seen.lastIndexOf(id, seenCount - 1) >= 0)) continue;
        seen[seenCount++] = id;
        make(e, from, to, (word ??= text.slice(wordFrom, wordTo)));
      }
    }
  }
}

type MakeCandidate = (entry: CompiledEntry, from: number, to: number, spelling: string) => void;

/** Entries matched in the word being read by {@link matchPlain} (it is never re-entered). */
const seenInWord: number[] = [];

/** Letter matches of one token: walks each of its spellings from each position. */
function matchToken(trie: CharTrie, skeleton: string, out: number[], make: MakeCandidate): void {
  const spellings = repeatVariants(skeleton);
  let seen: number[] | undefined;
  for (const spelling of spellings) {
    for (let from = 0; from < spelling.length; from++) {
      if (out.length !== 0) out.length = 0;
      walk(trie, spelling, from, 0, from, 0, out);
      for (let k = 0; k < out.length; k += 2) {
        const id = out[k] as number;
        const to = out[k + 1] as number;
        const e = trie.entries[id] as CompiledEntry;
        if (seen?.includes(id) || !wordMatchesMode(e.entry.mode, from, to, spelling.length)) continue;
        (seen ||= []).push(id);
        make(e, from, to, spelling);
      }
    }
  }
}

/** Id of the plain word `text` from `from` to `to` in the vocabulary, or -1. */
function plainWordId(vocabulary: Vocabulary, text: string, from: number, to: number): number {
  const trie = vocabulary.trie;
  let node = 0;
  for (let i = from; i < to; i++) {
    node = trie[node * 26 + text.charCodeAt(i) - 0x61] as number;
    if (node === 0) return -1;
  }
  return vocabulary.trieIds[node] as number;
}

/**
 * Matches a text in one pass over its words. Only the last `ring` words (tokens, and words
 * for phrases) are kept, in rings; a candidate is judged against its allow strings as soon
 * as the words after it that the allow window reads have been seen.
 */
function findHits(text: string, lexicon: CompiledLexicon, userAllow: readonly string[], firstPerEntry: boolean): LexiconHit[] {
  // With `firstPerEntry`: the entries already found (no candidate is made for them again) are
  // those marked `gen`. A search started while another is under way gets marks of its own.
  const own = lexicon.scratch;
  const stamps: Stamps = own.busy ? { marks: new Int32Array(lexicon.entryCount), generation: 0, busy: false } : own;
  if (stamps.generation >= 0x7fffffff) {
    stamps.marks.fill(0);
    stamps.generation = 0;
  }
  const gen = ++stamps.generation;
  const marks = stamps.marks;
  stamps.busy = true;
  try {
    return findHitsWith(text, lexicon, userAllow, firstPerEntry, marks, gen, (stamps.rings ||= [0, 0, 0, 0, null, 0, 0].map((v) => new Array(lexicon.ring).fill(v))));
  } finally {
    stamps.busy = false;
  }
}

function findHitsWith(
  text: string,
  lexicon: CompiledLexicon,
  userAllow: readonly string[],
  found: boolean,
  marks: Int32Array,
  gen: number,
  rings: unknown[][],
): LexiconHit[] {
  const { charTrie, withinTrie, wordRoot, vocabulary, generalOnly } = lexicon;
  const mask = lexicon.ring - 1;
  const folded = foldTextSparse(text);
  const ft = folded.text;
  // Recent tokens: offsets in the original and folded text, and the spelt word (null: the
  // folded text from `tokFrom` to `tokTo`); recent words for phrases: their token, and which
  // word of the token's expansion each is (-1: the token's own word).
  // (Small arrays, not typed ones: those cost more to allocate than a short message to read.)
  const [tokStart, tokEnd, tokFrom, tokTo, tokSpelt, pwToken, pwPart] = rings as [number[], number[], number[], number[], (string | null)[], number[], number[]];
  let tokenCount = 0;
  let phraseCount = 0;
  const speltOf = (t: number): string => tokSpelt[t & mask] ?? ft.slice(tokFrom[t & mask], tokTo[t & mask]);
  const phraseWord = (p: number): string => {
    const word = speltOf(pwToken[p & mask] as number);
    const part = pwPart[p & mask] as number;
    if (part < 0) return word;
    const id = vocabulary.ids.get(word) as number;
    return (vocabulary.expansions[id] as { words: readonly string[] }).words[part] as string;
  };
  // Candidates kept, and those waiting for the words after them.
  const tokenHits: Candidate[] = [];
  const phraseHits: Candidate[] = [];
  const waitingTokens: Candidate[] = [];
  const waitingPhrases: Candidate[] = [];
  const isHit = (c: Candidate): boolean => !isAllowed(c, userAllow) && !c.entry.entry.unless?.(text, c.start, c.end);
  const judge = (waiting: Candidate[], count: number, hits: Candidate[], all: boolean): void => {
    let k = 0;
    for (; k < waiting.length; k++) {
      const c = waiting[k] as Candidate;
      if (!all && c.last + ALLOW_WINDOW >= count) break;
      c.wordCount = count;
      if (found && marks[c.entry.index] === gen) continue;
      // (Marks are read only with `found`; each search has a generation of its own.)
      if (isHit(c)) {
        hits.push(c);
        marks[c.entry.index] = gen;
      }
    }
    // (One at a time: `shift` on a short array is quick where `splice` is not.)
    for (; k > 0; k--) waiting.shift();
  };
  // Phrases under way: the word each started at, and the phrase-trie node reached.
  const activeFirst: number[] = [];
  const activeNode: WordNode[] = [];
  let active = 0;
  const reachPhrase = (p: number, q: number, node: WordNode): void => {
    for (const e of node.entries) {
      if (found && marks[e.index] === gen) continue;
      waitingPhrases.push({
        entry: e,
        words: phraseWord,
        wordCount: 0,
        first: p,
        last: q,
        from: 0,
        to: phraseWord(q).length,
        spelling: phraseWord(p),
        start: tokStart[(pwToken[p & mask] as number) & mask] as number,
        end: tokEnd[(pwToken[q & mask] as number) & mask] as number,
      });
    }
    if (node.next.size > 0) {
      activeFirst[active] = p;
      activeNode[active] = node;
      active++;
    }
  };
  const pushPhraseWord = (id: number, t: number, part: number): void => {
    const q = phraseCount++;
    pwToken[q & mask] = t;
    pwPart[q & mask] = part;
    if (active > 0) {
      const n = active;
      active = 0;
      for (let a = 0; a < n; a++) {
        const child = id < 0 ? undefined : (activeNode[a] as WordNode).next.get(id);
        if (child) reachPhrase(activeFirst[a] as number, q, child);
      }
    }
    if (id >= 0) {
      const node = wordRoot.next.get(id);
      if (node) reachPhrase(q, q, node);
    }
  };
  let t = 0;
  const makeLetterCandidate: MakeCandidate = (e, from, to, spelling) => {
    if (found && marks[e.index] === gen) return;
    const slot = t & mask;
    waitingTokens.push({ entry: e, words: speltOf, wordCount: 0, first: t, last: t, from, to, spelling, start: tokStart[slot] as number, end: tokEnd[slot] as number });
  };
  const out: number[] = [];
  // Spellings read in this text ("10am", "c0ach", "dont", a disguised word over and over): their
  // letter matches (entry, span, spelling), the vocabulary word each was read as and its id, so
  // each is walked and spelt once.
  const readMarked = new Map<string, { matches: readonly (readonly [CompiledEntry, number, number, string])[]; word: string; id: number }>();
  // A word longer than any in the vocabulary is not read for phrases (and a run of thousands of
  // characters is not spelt out letter by letter).
  const spellingOf = (sk: string): string => {
    if (sk.length > MAX_VOCABULARY_WORD) return sk;
    const variants = spellingVariants(sk, 16);
    return variants.find((v) => vocabulary.ids.has(v)) ?? (variants[0] as string);
  };
  const collected: (readonly [CompiledEntry, number, number, string])[] = [];
  const collect: MakeCandidate = (e, from, to, spelling) => {
    collected.push([e, from, to, spelling]);
  };
  scanWords(folded, (skeleton, from, to, start, end) => {
    t = tokenCount++;
    const slot = t & mask;
    tokStart[slot] = start;
    tokEnd[slot] = end;
    tokFrom[slot] = from;
    tokTo[slot] = to;
    let id: number;
    if (skeleton === null && !generalOnly && !hasLongRunIn(ft, from, to)) {
      tokSpelt[slot] = null;
      matchPlain(charTrie, withinTrie, ft, from, to, makeLetterCandidate);
      id = plainWordId(vocabulary, ft, from, to);
    } else {
      const sk = skeleton ?? ft.slice(from, to);
      // Words read from l33t, apostrophes or spaced-out letters (often plain letters by now) come
      // back in a text: each spelling is read once, then its letter matches are made again.
      let reading = generalOnly ? undefined : readMarked.get(sk);
      if (reading === undefined) {
        collected.length = 0;
        const marked = hasMarks(sk) || hasLongRunIn(sk, 0, sk.length);
        if (marked || generalOnly) matchToken(charTrie, sk, out, collect);
        else matchPlain(charTrie, withinTrie, sk, 0, sk.length, collect);
        const spelling = marked ? spellingOf(sk) : sk;
        reading = { matches: collected.slice(), word: spelling, id: vocabulary.ids.get(spelling) ?? -1 };
        if (!generalOnly && readMarked.size < MAX_SPELT) readMarked.set(sk, reading);
      }
      for (const [e, from, to, spelling] of reading.matches) makeLetterCandidate(e, from, to, spelling);
      tokSpelt[slot] = reading.word;
      id = reading.id;
    }
    const expansion = id >= 0 ? vocabulary.expansions[id] : undefined;
    if (expansion) {
      for (let k = 0; k < expansion.ids.length; k++) pushPhraseWord(expansion.ids[k] as number, t, k);
    } else pushPhraseWord(id, t, -1);
    if (waitingTokens.length > 0) judge(waitingTokens, tokenCount, tokenHits, false);
    if (waitingPhrases.length > 0) judge(waitingPhrases, phraseCount, phraseHits, false);
  });
  judge(waitingTokens, tokenCount, tokenHits, true);
  judge(waitingPhrases, phraseCount, phraseHits, true);
  // Letter matches first, then phrases by first and last word (they were found by last word);
  // then in text order, keeping that order between hits that start together.
  const hits = tokenHits.concat(phraseHits.sort((a, b) => a.first - b.first || a.last - b.last));
  if (phraseHits.length > 0) hits.sort((a, b) => a.start - b.start);
  return hits.map((c) => ({ entry: c.entry.entry, start: c.start, end: c.end }));
}

/**
 * True when an allow string occurs around the hit and covers it, in the window of the words
 * around the hit joined by spaces: {@link ALLOW_WINDOW} words either side, or fewer when no allow
 * string has as many spaces (one with `n` spaces reaches at most `n` words from the hit).
 */
function isAllowed(c: Candidate, userAllow: readonly string[]): boolean {
  const e = c.entry;
  if (userAllow.includes(e.spelling)) return true;
  const own = e.allow;
  const allows = userAllow.length === 0 ? own : own.concat(userAllow);
  if (allows.length === 0) return false;
  const reach = userAllow.length === 0 ? e.reach : ALLOW_WINDOW;
  const lo = Math.max(0, c.first - reach);
  const hi = Math.min(c.wordCount - 1, c.last + reach);
  let window = "";
  let hitStart = 0;
  let hitEnd = 0;
  for (let w = lo; w <= hi; w++) {
    if (w > lo) window += " ";
    const word = w === c.first ? c.spelling : c.words(w);
    if (w === c.first) hitStart = window.length + c.from;
    if (w === c.last) hitEnd = window.length + c.to;
    window += word;
  }
  for (let k = 0; k < allows.length; k++) {
    const a = allows[k] as string;
    for (let at = window.indexOf(a); at >= 0; at = window.indexOf(a, at + 1)) {
      if (at <= hitStart && at + a.length >= hitEnd) {
        // Tried first next time: an innocent phrase ("spotted dick") usually comes back in the same text.
        if (k < own.length) [own[0], own[k]] = [a, own[0] as string];
        return true;
      }
    }
  }
  return false;
}
