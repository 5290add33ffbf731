/**
 * The lexicon reads plain words in place (no strings built) and streams over the text; these
 * tests compare it with its general path (every word spelt out as a string), and the sparse
 * fold with a character-by-character reference, on obfuscated and innocent text.
 */
import { ABUSIVE_WORD_LISTS, entriesOf } from "../rules/no-abusive-language";
import { abuseHits } from "./abuse";
import expansions from "../data/abusive/expansions.json";
import { compileLexicon, normalizeTerm, type LexiconHit } from "./lexicon";
import { foldChar, foldText, foldTextSparse, normalizeForMatching, originalOffset } from "../text/normalize";

const entries = entriesOf(ABUSIVE_WORD_LISTS);
const fast = compileLexicon(entries, { expansions });
const general = compileLexicon(entries, { expansions, generalPathOnly: true });

/** Every listed term and allow string, word by word and whole, plus innocent words. */
function vocabulary(): string[] {
  const words = new Set<string>();
  const add = (s: string): void => {
    words.add(s);
    for (const w of s.split(" ")) words.add(w);
  };
  for (const list of ABUSIVE_WORD_LISTS) {
    for (const mode of ["word", "prefix", "within", "phrase"] as const) list[mode].forEach(add);
    for (const allow of Object.values(list.allow)) allow.forEach(add);
  }
  for (const [from, to] of Object.entries(expansions)) {
    add(from);
    add(to);
  }
  const innocent =
    "the a I and you to of is are it class assess Scunthorpe cocktail shiitake classic hello please thank message room staff children's don't I'll you're im ill u ur r 2024 10am 12:30 Plan A or B";
  innocent.split(" ").forEach(add);
  return [...words];
}

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const LEET: Record<string, readonly string[]> = {
  a: ["4", "@"],
  e: ["3", "€"],
  i: ["1", "!", "|", "ı", "і"],
  o: ["0", "о", "ο"],
  s: ["5", "$"],
  t: ["7", "+"],
  l: ["1", "|"],
  c: ["с", "ϲ"],
  u: ["ü", "υ", "ц"],
};
const SEPARATORS = [" ", " ", " ", "  ", "\n", ", ", ". ", "\t", " - ", "\u00a0", "/", " é ", " 日本 ", " ß ", "’", " — "];

function obfuscate(word: string, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const r = random();
  if (r < 0.35) return word;
  if (r < 0.45) return word.toUpperCase();
  if (r < 0.5) return word.charAt(0).toUpperCase() + word.slice(1);
  if (r < 0.6) return word.split("").join(pick([" ", ".", "-", "_", "*", " . ", "\u200B", ""]));
  if (r < 0.7) return word.replace(/[aeioustlcu]/g, (c) => (random() < 0.5 ? pick(LEET[c] as readonly string[]) : c));
  const at = Math.floor(random() * word.length);
  if (r < 0.78) return word.slice(0, at) + word.charAt(at).repeat(2 + Math.floor(random() * 4)) + word.slice(at + 1);
  if (r < 0.84) return word.slice(0, at) + pick(["*", "#", "'", "’"]) + word.slice(at + 1);
  if (r < 0.9) return word.replace(/[a-z]/g, (c) => (random() < 0.3 ? String.fromCodePoint(0x1d41a + c.charCodeAt(0) - 0x61) : c));
  if (r < 0.95) return pick(["*", "!", "'", "(", '"', "#"]) + word + pick(["!", "!!!", "*", "'", ")", "?", ""]);
  return word + pick(["ed", "er", "ing", "s", "y", "head"]);
}

function corpus(count: number, seed: number): string[] {
  const random = generator(seed);
  const words = vocabulary();
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = 1 + Math.floor(random() * 25);
    let text = "";
    for (let k = 0; k < length; k++) {
      if (k > 0) text += SEPARATORS[Math.floor(random() * SEPARATORS.length)] as string;
      text += obfuscate(words[Math.floor(random() * words.length)] as string, random);
    }
    texts.push(random() < 0.1 ? text.replace(/ /g, "") : text);
  }
  return texts;
}

const shown = (hits: readonly LexiconHit[]): string[] => hits.map((h) => `${h.entry.category}:${h.entry.term}@${h.start}-${h.end}`);

describe("lexicon fast path", () => {
  it("finds the same hits as the general path on obfuscated and innocent text", () => {
    let hits = 0;
    for (const text of corpus(1500, 7)) {
      const expected = shown(general.find(text));
      hits += expected.length;
      expect({ text, hits: shown(fast.find(text)) }).toEqual({ text, hits: expected });
      const allow = ["shit", "you cow", "bloody"];
      expect({ text, hits: shown(fast.find(text, allow)) }).toEqual({ text, hits: shown(general.find(text, allow)) });
    }
    // The corpus is worth comparing: most texts have something to find.
    expect(hits).toBeGreaterThan(1500);
  });

  it("reads a disguised spelling met again in the same text as it read it the first time (generated texts)", () => {
    const random = generator(31);
    const words = vocabulary();
    let hits = 0;
    for (let n = 0; n < 400; n++) {
      // A few disguised words, each written several times in one text.
      const pool = Array.from({ length: 1 + Math.floor(random() * 4) }, () => obfuscate(words[Math.floor(random() * words.length)] as string, random));
      let text = "";
      for (let k = 0; k < 12; k++) text += `${pool[Math.floor(random() * pool.length)] as string}${SEPARATORS[Math.floor(random() * SEPARATORS.length)] as string}`;
      const expected = shown(general.find(text));
      hits += expected.length;
      expect({ text, hits: shown(fast.find(text)) }).toEqual({ text, hits: expected });
    }
    expect(hits).toBeGreaterThan(400);
  });

  it("judges allow strings and phrases across a long text as in a short one", () => {
    const filler = "Please find the menu for the spring term attached. ".repeat(400);
    const pieces: [string, string[]][] = [
      ["You are a loser", ["you are a loser"]],
      ["watch ur back", ["watch your back"]],
      ["f u c k", ["fuck"]],
      ["Scunthorpe United", []],
      ["Homo sapiens", []],
      ["sweet fanny adams", []],
      ["spotted dick", []],
    ];
    for (const [piece, terms] of pieces) {
      for (const text of [piece, `${filler}${piece}. ${filler}`, `${filler}${piece}`]) {
        expect({ text: piece, terms: fast.find(text).map((h) => h.entry.term) }).toEqual({ text: piece, terms });
        expect(shown(fast.find(text))).toEqual(shown(general.find(text)));
      }
    }
  });
});

describe("lexicon firstPerEntry", () => {
  /** The first hit of each entry among all hits, in text order. */
  const firstOfEach = (hits: readonly LexiconHit[]): LexiconHit[] => {
    const seen = new Set<unknown>();
    return hits.filter((h) => !seen.has(h.entry) && seen.add(h.entry) !== undefined);
  };

  it("gives the first hit of each entry, as the full search does, on obfuscated and innocent text", () => {
    let repeated = 0;
    for (const text of corpus(600, 11)) {
      const doubled = `${text} ${text}`;
      const all = fast.find(doubled);
      if (all.length > firstOfEach(all).length) repeated++;
      expect({ text, hits: shown(fast.find(doubled, [], { firstPerEntry: true })) }).toEqual({ text, hits: shown(firstOfEach(all)) });
    }
    expect(repeated).toBeGreaterThan(300);
  });

  it("still reads an occurrence after allowed ones (spotted dick, then Dick)", () => {
    const text = "Spotted dick for pudding. ".repeat(50) + "Dick is a dick.";
    expect(shown(fast.find(text, [], { firstPerEntry: true }))).toEqual(shown(firstOfEach(fast.find(text))));
    expect(fast.find(text, [], { firstPerEntry: true }).map((h) => text.slice(h.start, h.end))).toEqual(["dick"]); // "Dick" at the start of a sentence reads as a name
  });

  it("starts each search afresh: what one text found is not taken as found in the next", () => {
    const text = "you are a loser, gook";
    const first = shown(fast.find(text, [], { firstPerEntry: true }));
    expect(first.length).toBeGreaterThan(1);
    expect(shown(fast.find(text, [], { firstPerEntry: true }))).toEqual(first);
    expect(shown(fast.find("gook", [], { firstPerEntry: true }))).toEqual(shown(fast.find("gook")));
  });

  it("keeps a search's own findings when another search runs inside it (a term's `unless` test)", () => {
    const inner = compileLexicon([{ term: "dick", category: "x", mode: "word" }]);
    let nested = 0;
    const outer = compileLexicon([
      { term: "loser", category: "x", mode: "word", unless: () => inner.find("dick dick", [], { firstPerEntry: true }).length !== 1 },
      { term: "dick", category: "x", mode: "word", unless: () => (nested++, outer.find("loser", [], { firstPerEntry: true }).length !== 1) },
    ]);
    const text = "loser dick loser dick";
    expect(outer.find(text, [], { firstPerEntry: true }).map((h) => [h.entry.term, h.start])).toEqual([
      ["loser", 0],
      ["dick", 6],
    ]);
    expect(nested).toBe(1);
  });

  it("keeps its recent words when another search of the same lexicon runs inside it", () => {
    // "loser" is judged first; its `unless` test searches another text with the same lexicon,
    // and only then is "dick" judged, reading the words before it for its allow string.
    let inner = 0;
    const lexicon = compileLexicon([
      { term: "loser", category: "x", mode: "word", unless: () => (inner++, lexicon.find("nothing to see here at all today").length > 0) },
      { term: "dick", category: "x", mode: "word", allow: ["spotted dick"] },
    ]);
    expect(lexicon.find("loser spotted dick").map((h) => h.entry.term)).toEqual(["loser"]);
    expect(inner).toBe(1);
    // And a search after a longer one reads only its own words.
    lexicon.find("one two three four five six seven eight nine ten eleven twelve loser");
    expect(lexicon.find("loser spotted dick").map((h) => h.entry.term)).toEqual(["loser"]);
  });

  it("drops a hit only where a whole allow string covers it, within three words either side", () => {
    const lexicon = compileLexicon([
      { term: "dick", category: "x", mode: "within", allow: ["dick turpin", "spotted dick", "one two three four dick", "tom dick and harry"] },
      { term: "you cow", category: "x", mode: "phrase", allow: ["thank you cow"] },
    ]);
    const found = (text: string, allow?: readonly string[]): string[] => lexicon.find(text, allow).map((h) => text.slice(h.start, h.end));
    expect(found("dick turpin, spotted dick, tom dick and harry")).toEqual([]);
    // Near misses either side, after the same allow string has covered an earlier hit.
    expect(found("dick turpin dick turpix dick turpi spotted dick potted dick zpotted dick spottedd dick tom dick and harr")).toEqual(["dick", "dick", "dick", "dick", "dick", "dick"]);
    // An allow string may end inside a word (the words are read as spelt) but not reach past the window.
    expect(found("spotted dickens")).toEqual([]);
    expect(found("two three four dick")).toEqual(["dick"]);
    expect(found("one two three four dick")).toEqual(["dick"]);
    // Phrases: the words before them, and the user's allow strings (for that search only).
    expect(found("thank you cow, you cow")).toEqual(["you cow"]);
    expect(found("a dick turpix", ["a dick"])).toEqual([]);
    expect(found("b dick turpix", ["b dick"])).toEqual([]);
    expect(found("a dick turpix")).toEqual(["dick"]);
  });

  it("reads as many words either side of a hit as its allow strings have spaces, and the user's", () => {
    const lexicon = compileLexicon([
      { term: "tits", category: "x", mode: "word", allow: ["blue tits"] },
      { term: "cow", category: "x", mode: "word", allow: ["cow parsley"] },
      { term: "git", category: "x", mode: "word" },
    ]);
    const found = (text: string, allow?: readonly string[]): string[] => lexicon.find(text, allow).map((h) => h.entry.term);
    expect(found("blue tits, cow parsley, the blue tits")).toEqual([]);
    expect(found("blue tit tits, cow cow parsley, git")).toEqual(["tits", "cow", "git"]);
    expect(found("the blue tits", ["the blue tits"])).toEqual([]);
    expect(found("a big blue tits, cow in the parsley, you git", ["big blue tits", "cow in the parsley", "you git"])).toEqual([]);
    expect(found("a big blue tits, cow in the parsley")).toEqual(["cow"]);
  });

  it("reads a term inside a word up to the word's last letter, the shortest as well as longer ones", () => {
    const lexicon = compileLexicon([
      { term: "cunt", category: "x", mode: "within" },
      { term: "wanker", category: "x", mode: "within" },
      { term: "ass", category: "x", mode: "word" },
    ]);
    const found = (text: string): string[] => lexicon.find(text).map((h) => `${h.entry.term}@${h.start}`);
    expect(found("xcunt scunt xxcunt xwanker wanker cunts")).toEqual(["cunt@0", "cunt@6", "cunt@12", "wanker@19", "wanker@27", "cunt@34"]);
    expect(found("xcun xwanke ass xass")).toEqual(["ass@12"]);
  });

  it("finds one hit per term in a long run of the same words", () => {
    const text = "gook raghead f**k 5h1t you are a loser ".repeat(20_000);
    const hits = fast.find(text, [], { firstPerEntry: true });
    expect(new Set(hits.map((h) => h.entry)).size).toBe(hits.length);
    expect(hits.every((h) => h.start < 60)).toBe(true);
  });
});

describe("foldTextSparse", () => {
  /** foldText as first written: each character folded on its own, each unit mapped to its source. */
  function reference(text: string): { text: string; offsets: number[] } {
    let out = "";
    const offsets: number[] = [];
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i) as number;
      const folded = foldChar(String.fromCodePoint(cp));
      out += folded;
      for (let k = 0; k < folded.length; k++) offsets.push(i);
      i += cp > 0xffff ? 2 : 1;
    }
    offsets.push(text.length);
    return { text: out, offsets };
  }

  it.each([
    "Tom’s “big” day — bring £1 or €1!",
    "Café crème brûlée, déjà vu, naïve façade.",
    "ΟΔΟΣ σ ς Straße ﬁne ½",
    "f\u200Bu\u200D\u200Dс\uFEFFk 𝐟𝐮𝐜𝐤 ｆｕｃｋ 🇫🇺",
    "lone \uD800 surrogates \uDC00 and 日本語",
    "\u200B\u200B",
    "PLAIN ASCII Text",
  ])("matches a character-by-character fold: %s", (text) => {
    const expected = reference(text);
    const folded = foldText(text);
    expect(folded.text).toBe(expected.text);
    expect(Array.from(folded.offsets)).toEqual(expected.offsets);
    const sparse = foldTextSparse(text);
    expect(sparse.text).toBe(expected.text);
    expect(expected.offsets.map((_, at) => originalOffset(sparse, at))).toEqual(expected.offsets);
  });
});

describe("normalizeTerm's fast path for plain terms", () => {
  it("reads every listed term and allow string, and generated plain texts, as matching's normalisation does", () => {
    const terms = new Set<string>();
    for (const entry of entriesOf(ABUSIVE_WORD_LISTS)) {
      terms.add(entry.term);
      for (const allow of entry.allow ?? []) terms.add(allow);
    }
    // Generated lower-case texts: words of one to six letters (single letters too, which read as
    // spaced-out spelling), some with a letter written three times.
    let seed = 7;
    const next = (n: number): number => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    for (let i = 0; i < 5_000; i++) {
      const words: string[] = [];
      for (let w = 0, n = 1 + next(6); w < n; w++) words.push(Array.from({ length: next(3) === 0 ? 1 : 2 + next(5) }, () => String.fromCharCode(97 + next(26))).join(""));
      terms.add(next(10) === 0 ? words.join(" ").replace(/([a-z])/, "$1$1$1") : words.join(" "));
    }
    for (const term of terms) expect([term, normalizeTerm(term)]).toEqual([term, normalizeForMatching(term)]);
  });
});

describe("'@' as a look-alike letter", () => {
  const terms = (text: string): string[] => abuseHits(text).map((h) => text.slice(h.start, h.end));
  it.each([
    ["he's a f@ggot", ["f@ggot"]],
    ["what a f@g", ["f@g"]],
    ["you're a b@st@rd", ["b@st@rd"]],
    ["@sam thanks for the photos", []],
    ["please email fag@example.com", []],
    ["ask @dick_turpin about the trip", []],
  ])("reads %s", (text, words) => {
    expect(terms(text)).toEqual(words);
  });
});
