import { bucketOf, featuresOf, forEachFeature, MAX_MODEL_CHARS, sampleText, type Feature } from "./features";

/**
 * The features as first written: a string per n-gram, hashed by `bucketOf`. The fast
 * `forEachFeature` hashes over character codes as it reads; it must give exactly these.
 * (Sentiment-lexicon signs are left out of the comparison: they are not n-grams.)
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

const SIGNS = new Set(["#neg-mild", "#neg", "#neg-strong", "#neg2", "#neg3", "#you-neg", "#neg-dense"].map(bucketOf));

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
    for (const text of TEXTS) {
      const fast = featuresOf(text).filter((f) => !SIGNS.has(f.bucket) || f.start === -1);
      const slow = ngramsAsStrings(text);
      expect(fast.filter((f) => !SIGNS.has(f.bucket))).toEqual(slow.filter((f) => !SIGNS.has(f.bucket)));
    }
  });

  it("lists what forEachFeature visits, in the same order", () => {
    for (const text of TEXTS) {
      const seen: Feature[] = [];
      forEachFeature(text, (bucket, start, end) => seen.push({ bucket, start, end }));
      expect(seen).toEqual(featuresOf(text));
    }
  });

  it("marks negative words from the sentiment lexicon, and a negative word aimed at 'you'", () => {
    const signs = (text: string): string[] =>
      featuresOf(text)
        .filter((f) => SIGNS.has(f.bucket))
        .map((f) => `${["#neg-mild", "#neg", "#neg-strong", "#neg2", "#neg3", "#you-neg", "#neg-dense"].find((s) => bucketOf(s) === f.bucket)}:${text.slice(f.start, f.end)}`);
    expect(signs("Thanks for the menu, see you on Monday.")).toEqual([]);
    expect(signs("You are useless and this is pathetic.")).toEqual(expect.arrayContaining(["#you-neg:You are useless", "#neg2:pathetic"]));
    expect(signs("This is a disgrace.")).toEqual(expect.arrayContaining([expect.stringMatching(/^#neg(-strong)?:disgrace$/)]));
  });
});
