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
import { UNKNOWN_LETTER, normalizeForMatching, spellingVariants, tokenize, type WordToken } from "./normalize";

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

type CharNode = { next: Map<string, CharNode>; entries: CompiledEntry[] };
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
  const charRoot: CharNode = { next: new Map(), entries: [] };
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
      let node = charRoot;
      for (const ch of spelling) {
        let child = node.next.get(ch);
        if (!child) node.next.set(ch, (child = { next: new Map(), entries: [] }));
        node = child;
      }
      node.entries.push(compiled);
    }
  }
  return {
    find(text, allow = []) {
      return findHits(text, charRoot, wordRoot, vocabulary, expansions, allow.map(normalizeTerm).filter((a) => a !== ""));
    },
  };
}

function wordMatchesMode(mode: MatchMode, from: number, to: number, length: number): boolean {
  if (mode === "word") return from === 0 && to === length;
  if (mode === "prefix") return from === 0;
  return true;
}

/** Walks the letter trie from `from`, calling `found` at each entry reached. */
function walk(root: CharNode, spelling: string, from: number, found: (e: CompiledEntry, to: number) => void): void {
  // Stack of (node, position, unknown letters used); grows only at unknown letters.
  const stack: [CharNode, number, number][] = [[root, from, 0]];
  while (stack.length > 0) {
    let [node, i, unknown] = stack.pop() as [CharNode, number, number];
    for (;;) {
      for (const e of node.entries) {
        if (unknown === 0 || (e.spelling.length >= MIN_LENGTH_WITH_UNKNOWN && e.spelling.length - unknown >= MIN_KNOWN_LETTERS)) found(e, i);
      }
      if (i >= spelling.length) break;
      const ch = spelling[i] as string;
      if (ch === UNKNOWN_LETTER) {
        // An unknown letter never starts a match and stands for any letter.
        if (i > from) for (const child of node.next.values()) stack.push([child, i + 1, unknown + 1]);
        break;
      }
      const child = node.next.get(ch);
      if (!child) break;
      node = child;
      i++;
    }
  }
}

function findHits(
  text: string,
  charRoot: CharNode,
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
  tokens.forEach((token, t) => {
    const variants = spellingVariants(token.skeleton);
    let seen: Set<CompiledEntry> | undefined;
    for (const v of variants) {
      for (let from = 0; from < v.length; from++) {
        if (!charRoot.next.has(v[from] as string)) continue;
        walk(charRoot, v, from, (e, to) => {
          if (seen?.has(e) || !wordMatchesMode(e.entry.mode, from, to, v.length)) return;
          (seen ??= new Set()).add(e);
          candidates.push({ entry: e, words: spelt, first: t, last: t, from, to, spelling: v, start: token.start, end: token.end });
        });
      }
    }
    const word = variants.find((v) => vocabulary.has(v)) ?? (variants[0] as string);
    spelt.push(word);
    for (const w of expansions.get(word) ?? [word]) {
      phraseWords.push(w);
      phraseTokens.push(t);
    }
  });
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
