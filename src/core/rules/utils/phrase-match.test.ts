import { canonical, findPhrase, phrasesPresent, removePhrases, words } from "./phrase-match";

describe("phrase-match", () => {
  it("splits words on punctuation, dashes, apostrophes and spacing", () => {
    expect(words("I’ve attached — the E-MAIL,\r\nthanks!")).toEqual(["i", "ve", "attached", "the", "e", "mail", "thanks"]);
    expect(words("Zażółć gęślą jaźń")).toEqual(["zażółć", "gęślą", "jaźń"]);
    expect(words("👍 ... ")).toEqual([]);
  });

  it("finds whole-word phrases across any separators", () => {
    expect(findPhrase("CONFIDENTIAL — STAFF", ["confidential staff"])).toBe("confidential staff");
    expect(findPhrase("Staff\nmeeting   minutes", ["staff meeting minutes"])).toBe("staff meeting minutes");
    expect(findPhrase("the staffroom", ["staff"])).toBeUndefined();
    expect(findPhrase("unattached", ["attached"])).toBeUndefined();
    expect(findPhrase("attached", ["attached"])).toBe("attached");
  });

  it("prefers the longest phrase at the same place and the earliest place", () => {
    expect(findPhrase("For staff only", ["staff only", "for staff only"])).toBe("for staff only");
    expect(findPhrase("b then a", ["a", "b"])).toBe("b");
  });

  it("removes exclusions before matching", () => {
    expect(findPhrase("Attached to the wall.", ["attached"], ["attached to the wall"])).toBeUndefined();
    expect(findPhrase("Attached to the wall. See attached.", ["attached"], ["attached to the wall"])).toBe("attached");
    expect(removePhrases("a b c a b", ["a b"]).trim()).toBe("c");
    expect(removePhrases("xa b", ["a b"])).toBe("xa b");
  });

  it("finds overlapping phrases and reports them as listed", () => {
    expect([...phrasesPresent("one two three four", ["one two", "two three", "three four", "four five"])].sort()).toEqual(["one two", "three four", "two three"]);
    expect(canonical("Two,\n THREE")).toBe("two three");
    expect(phrasesPresent("", ["a"]).size).toBe(0);
  });

  it("scans 1 MB", () => {
    const text = "the children enjoyed painting in the garden with the staff today. ".repeat(16_000);
    expect(findPhrase(text, ["staff meeting minutes", "smt minutes"], ["staff only car park"])).toBeUndefined();
    expect(phrasesPresent(text, ["in the garden", "the staff today", "not there"]).size).toBe(2);
  });
});
