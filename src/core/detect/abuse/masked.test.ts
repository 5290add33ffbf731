import { abuseHits } from "./index";
import { compileMasked } from "./masked";

/** The term and category read from a text, and the words as written. */
const read = (text: string): string[] => abuseHits(text).map((h) => `${h.category} ${h.term} "${text.slice(h.start, h.end)}"`);

describe("masked words", () => {
  it.each([
    ["what the f***", 'obscene fuck "f***"'],
    ["F***ing idiot", 'obscene fuck "F***ing"'],
    ["f******", 'obscene fuck "f******"'],
    ["motherf***er", 'obscene fuck "motherf***er"'],
    ["f***-off", 'obscene fuck "f***"'],
    ["f***head", 'obscene fuck "f***head"'],
    ["this is s***", 'obscene shit "s***"'],
    ["sh**", 'obscene shit "sh**"'],
    ["sh**head", 'obscene shit "sh**head"'],
    ["you b****", 'obscene bitch "b****"'],
    ["b#####d", 'obscene bastard "b#####d"'],
    ["f-ck", 'obscene fuck "f-ck"'],
    ["F--K", 'obscene fuck "F--K"'],
    ["sh-t", 'obscene shit "sh-t"'],
    ["sh_t", 'obscene shit "sh_t"'],
    ["c-nt", 'obscene cunt "c-nt"'],
    ["b-tch", 'obscene bitch "b-tch"'],
    ["n****r", 'racist nigger "n****r"'],
    ["fa****", 'homophobic faggot "fa****"'],
  ])("reads %s", (text, expected) => {
    expect(read(text)).toContain(expected);
  });

  it.each([
    "c***", // crap, cock or cunt: too few letters shown
    "n*****",
    "d***",
    "a**",
    "Child S*** Jones was seen by the nurse", // a name hidden in a record
    "J*** Smith",
    "Password: p******d",
    "pass****",
    "****",
    "Card ending ****1234",
    "co-op, e-mail, re-do, x-ray, well-being, T-shirt, A-level, Wi-Fi, pick-up, drop-off, sign-in",
    "What a cock-up with the rota",
    "f---------k and a----b", // long dashes are punctuation
  ])("finds nothing in %s", (text) => {
    expect(read(text)).toEqual([]);
  });

  // Found by the scan being linear: a regular expression for these runs backtracked on a long
  // word and took minutes on 1 MB of one letter.
  it.each([
    ["1 MB of one letter", "f".repeat(1_000_000), []],
    ["1 MB of letters and hyphens", "a-".repeat(500_000), []],
    ["1 MB of letters and asterisks", "f*".repeat(500_000), []],
    ["1 MB of letters, then a mask", `${"f".repeat(1_000_000)}***`, []],
    ["1 MB of masked words", "f*** ".repeat(200_000), ['obscene fuck "f***"']],
  ])("reads %s in one pass", (_name, text, expected) => {
    expect([...new Set(read(text))]).toEqual(expected);
  });

  it("counts a word the main matcher reads too only once", () => {
    expect(read("f*ck")).toEqual(['obscene fuck "f*ck"']);
  });

  it("reads each masked word once per text when only first hits are wanted", () => {
    const entry = { term: "fuck", category: "obscene", mode: "within" as const };
    const matcher = compileMasked({ terms: [["fuck", 1]], inflections: ["ing"], compounds: [], before: [] }, (t) => (t === "fuck" ? entry : undefined));
    const text = "f*** f***ing ".repeat(1000);
    expect(matcher.find(text, true).map((h) => [h.start, h.end])).toEqual([[0, 4]]);
    expect(matcher.find(text, false)).toHaveLength(2000);
  });

  it("judges each place of a masked word on its own, even when the word has been read before", () => {
    const text = "Child S*** Jones was upset. Honestly, S***. Then S*** Brown.";
    expect(abuseHits(text).map((h) => text.slice(h.start, h.end))).toEqual(["S***"]);
    expect(abuseHits(text)[0]?.start).toBe(text.indexOf("S***."));
  });

  it("rejects a term that no category file lists", () => {
    expect(() => compileMasked({ terms: [["drizzle", 1]], inflections: [], compounds: [], before: [] }, () => undefined)).toThrow(/"drizzle" is not a listed term/);
  });
});
