import { bucketOf, featuresOf, forEachFeature, listFeatures, MAX_MODEL_CHARS, sampleText, type Feature } from "./features";
import { mulberry32 } from "../../../test/random";

/**
 * The features as first written: a string per n-gram, hashed by `bucketOf`. The fast
 * `forEachFeature` hashes over character codes as it reads; it must give exactly these.
 */
function ngramsAsStrings(text: string): Feature[] {
  const read = sampleText(text);
  const out: Feature[] = [];
  const words: { w: string; start: number; end: number }[] = [];
  const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*|[!?]+/gu;
  for (let m = WORD.exec(read); m !== null && words.length < 3000; m = WORD.exec(read)) {
    let w = m[0].toLowerCase().replace(/’/g, "'");
    if (w[0] === "!" || w[0] === "?") w = w.length > 1 ? (w.includes("?") && w.includes("!") ? "?!" : w[0] + w[0]) : w;
    words.push({ w, start: m.index, end: m.index + m[0].length });
  }
  out.push({ bucket: bucketOf("#bias-len" + Math.min(4, Math.floor(Math.log2(words.length + 1) / 2))), start: -1, end: -1 });
  words.forEach(({ w, start, end }, i) => {
    out.push({ bucket: bucketOf("u:" + w), start, end });
    const next = words[i + 1];
    if (next !== undefined) out.push({ bucket: bucketOf("b:" + w + " " + next.w), start, end: next.end });
    if (w.length >= 4 && w.length <= 20) {
      const padded = "<" + w + ">";
      for (let j = 0; j + 4 <= padded.length; j++) out.push({ bucket: bucketOf("c:" + padded.slice(j, j + 4)), start, end });
    }
    const raw = text.slice(start, end);
    if (raw.length >= 3 && raw === raw.toUpperCase() && raw !== raw.toLowerCase()) out.push({ bucket: bucketOf("#caps"), start, end });
  });
  return out;
}

const TEXTS = [
  "",
  "Hi",
  "Please find the rota for next week attached.",
  "This is STUPID and you are an IDIOT, I am sick and tired of it!!!",
  "Why does nobody EVER empty the dishwasher?!? Honestly… it’s not rocket science, is it??",
  "Re: Fwd: Ça va? Größe, straße, naïve café — déjà vu. Zażółć gęślą jaźń. Ελληνικά και Русский текст.",
  "emoji 😀 and 𝒜𝒷𝒸 (supplementary letters) with numbers ½ ² Ⅻ 12345 and don't won’t can't",
  "supercalifragilisticexpialidocious antidisestablishmentarianism short ab abc abcd",
  "fw : send this to 7 friends . you 'll have bad luck ! ! !",
  "x ".repeat(5000),
  "word ".repeat(MAX_MODEL_CHARS),
];

describe("the model's features", () => {
  it("hash each n-gram exactly as the string of the n-gram would be hashed", () => {
    for (const text of TEXTS) expect(featuresOf(text)).toEqual(ngramsAsStrings(text));
  });

  it("lists what forEachFeature visits, in the same order", () => {
    for (const text of TEXTS) {
      const seen: Feature[] = [];
      forEachFeature(text, (bucket, start, end) => seen.push({ bucket, start, end }));
      expect(seen).toEqual(featuresOf(text));
    }
  });
});

describe("the sentences of the model's features", () => {
  /** Each feature's sentence and the words of each sentence, as forEachFeature gives them. */
  const sentencesOf = (text: string): { words: number[]; of: Map<string, number> } => {
    const words: number[] = [];
    const of = new Map<string, number>();
    forEachFeature(text, (_bucket, start, end, sentence) => {
      if (start >= 0 && !of.has(text.slice(start, end))) of.set(text.slice(start, end), sentence);
    }, words);
    return { words, of };
  };

  it("ends a sentence at a full stop, colon or semicolon before a space, at a line break and after ! or ?", () => {
    const { words, of } = sentencesOf("Hi Sarah,\nThe gate was open again. Why?! Nobody checked: it matters; thanks");
    expect(words).toEqual([2, 5, 2, 2, 2, 1]);
    expect(of.get("gate")).toBe(1);
    expect(of.get("Why")).toBe(2);
    expect(of.get("?!")).toBe(2);
    expect(of.get("Nobody")).toBe(3);
    expect(of.get("thanks")).toBe(5);
  });

  it("does not end a sentence inside a number, a file name or a run of ! and ?", () => {
    const { words } = sentencesOf("Version 3.5 of libc.so fails ?! !! Again");
    expect(words).toEqual([9, 1]);
  });

  it("gives the length feature of the whole text no sentence, and never goes back a sentence", () => {
    for (const text of TEXTS) {
      const seen: number[] = [];
      const words: number[] = [];
      forEachFeature(text, (_b, start, _e, sentence) => seen.push(start < 0 ? -2 - sentence : sentence), words);
      if (text !== "") expect(seen[0]).toBe(-1);
      const rest = seen.slice(1);
      for (let i = 1; i < rest.length; i++) expect(rest[i]).toBeGreaterThanOrEqual(rest[i - 1] as number);
      expect(words.reduce((a, b) => a + b, 0)).toBe(Math.min(3000, (sampleText(text).match(/[\p{L}\p{N}]+(?:['’]\p{L}+)*|[!?]+/gu) ?? []).length));
    }
  });
});



/** Pieces the generated texts are made of: the cases the one-pass word reader must get right. */
const PIECES = [
  "the", "The", "THE", "rota", "ROTA", "Nursery", "dishwasher", "IDIOT", "a", "I", "ok", "x", "Ab", "abc", "ABC", "aBC",
  "don't", "DON'T", "it’s", "IT’S", "o'clock", "rock'n'roll", "x'", "'s", "’", "'", "''", "a'1", "b’2c",
  "12", "3.5", "2024", "½", "²", "Ⅻ", "A1", "B2B", "x86_64", "MEMBARRIER_CMD", "e-mail", "co-op",
  "!", "?", "!!", "??", "?!", "!?", "!!!", "?!?", "! ?", "…", "—", "-", "(", ")", "\"", "“", "”", "@", "#", "£5", "%",
  ".", ". ", ".\n", "; ", ":", ": ", ",", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\n\n",
  "café", "CAFÉ", "Größe", "STRASSE", "straße", "İstanbul", "İİİ", "ΣΟΦΙΑΣ", "σοφίας", "ΑΣ.Β", "Ελληνικά", "РУССКИЙ", "текст",
  "e\u0301", "A\u0301BC", "𝒜𝒷𝒸", "𝐀𝐁𝐂", "😀", "中文", "中’文", "ǅ", "ǈǈǈ", "ﬁ", "Ⓐⓑ", "\ud800", "\udc00x", "K\u212a",
];

/** A text of up to 60 pieces, each joined to the next by nothing or a space. */
function generated(next: () => number): string {
  let text = "";
  const pieces = Math.floor(next() * 60);
  for (let i = 0; i < pieces; i++) text += (PIECES[Math.floor(next() * PIECES.length)] as string) + (next() < 0.5 ? " " : "");
  return text;
}

/** The sentence of each word and the words of each sentence, by the rule as written (see forEachFeature). */
function sentencesAsWritten(text: string): { ofWord: number[]; words: number[] } {
  const read = sampleText(text);
  const found = [...read.matchAll(/[\p{L}\p{N}]+(?:['’]\p{L}+)*|[!?]+/gu)].slice(0, 3000);
  const ofWord: number[] = [];
  const words: number[] = [];
  found.forEach((m, i) => {
    const previous = found[i - 1];
    let sentence = i === 0 ? 0 : (ofWord[i - 1] as number);
    if (previous !== undefined) {
      const gap = read.slice((previous.index as number) + previous[0].length, m.index);
      if ((/^[!?]/.test(previous[0]) && !/^[!?]/.test(m[0])) || /\n|[.;:][ \t\n\r\u00a0]/.test(gap)) sentence++;
    }
    ofWord.push(sentence);
    words[sentence] = (words[sentence] ?? 0) + 1;
  });
  return { ofWord, words };
}

describe("the feature reader on generated texts", () => {
  const TRIALS = 5000;
  const texts: string[] = [];
  const next = mulberry32(20261206);
  for (let i = 0; i < TRIALS; i++) texts.push(generated(next));

  it("gives exactly the string-hashed n-grams on 5,000 generated texts", () => {
    for (const text of texts) {
      const [got, want] = [featuresOf(text), ngramsAsStrings(text)];
      // Compared as JSON first (5,000 deep comparisons are slow); a difference is shown in full.
      if (JSON.stringify(got) !== JSON.stringify(want)) expect({ text, features: got }).toEqual({ text, features: want });
    }
  });

  it("gives each word's sentence and each sentence's words as the rule is written, on the same texts", () => {
    for (const text of texts) {
      const expected = sentencesAsWritten(text);
      const words: number[] = [];
      const firstSentence = new Map<number, number>();
      forEachFeature(text, (_b, start, _e, sentence) => {
        if (start >= 0 && !firstSentence.has(start)) firstSentence.set(start, sentence);
      }, words);
      expect({ text, words }).toEqual({ text, words: expected.words });
      expect({ text, sentences: [...firstSentence.values()] }).toEqual({ text, sentences: expected.ofWord });
    }
  });

  it("lists only the kept buckets, in order, when given a set of them", () => {
    const keep = new Int32Array(1 << 13);
    const pick = mulberry32(7);
    for (let b = 0; b < 1 << 18; b++) if (pick() < 0.05) keep[b >>> 5] = (keep[b >>> 5] as number) | (1 << (b & 31));
    const list = { count: 0, data: new Int32Array(0) };
    for (const text of texts.slice(0, 1000)) {
      const all: number[][] = [];
      forEachFeature(text, (b, s, e, sentence) => {
        if (((keep[b >>> 5] as number) & (1 << (b & 31))) !== 0) all.push([b, s, e, sentence]);
      });
      listFeatures(text, list, undefined, keep);
      const listed: number[][] = [];
      for (let f = 0; f < list.count; f++) listed.push([...list.data.subarray(4 * f, 4 * f + 4)]);
      expect(listed).toEqual(all);
    }
  });
});
