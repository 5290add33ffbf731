import { generator } from "../../../../test/random";
import { canonical, findPhrase, findPhraseAsWritten, phrasesPresent, removePhrases, words } from "./phrase-match";

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

  it("short texts give what long ones give (short ones are first searched for each phrase's longest word)", () => {
    // Text past 32 KB is never pre-searched: the same text after that much padding is the reference.
    const pad = "x ".repeat(20_000);
    const lexicon = ["see", "attached", "the", "wall", "attach", "attachment", "ed", "staff", "only", "for", "unattached", "a", "b"];
    const phrases = ["see attached", "attached", "for staff only", "staff only", "attachment", "a b"];
    const exclusions = ["attached to the wall", "the wall"];
    const separators = [" ", " ", "\n", ", ", "—", "’", ""];
    const random = generator(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    for (let n = 0; n < 3000; n++) {
      let text = "";
      for (let i = Math.floor(random() * 8); i > 0; i--) text += pick(lexicon) + pick(separators);
      if (random() < 0.3) text = text.toUpperCase();
      const lower = text.toLowerCase();
      const long = `${pad}${text}`;
      expect([text, findPhrase(text, phrases, exclusions)]).toEqual([text, findPhrase(long, phrases, exclusions)]);
      expect([text, findPhraseAsWritten(text, phrases, exclusions)]).toEqual([text, findPhraseAsWritten(long, phrases, exclusions)]);
      expect([text, [...phrasesPresent(lower, phrases)].sort()]).toEqual([text, [...phrasesPresent(`${pad}${lower}`, phrases)].sort()]);
      // (After the padding, a removed phrase takes the separator before it with it: compare the words left.)
      expect([text, words(removePhrases(lower, exclusions))]).toEqual([text, words(removePhrases(`${pad}${lower}`, exclusions)).slice(pad.length / 2)]);
    }
  });

  it("a list with an empty phrase is still searched", () => {
    expect([...phrasesPresent("see attached", ["", "see attached"])]).toEqual(["see attached"]);
    expect(removePhrases("see attached", ["", "attached"]).trim()).toBe("see");
  });

  it("scans 1 MB", () => {
    const text = "the children enjoyed painting in the garden with the staff today. ".repeat(16_000);
    expect(findPhrase(text, ["staff meeting minutes", "smt minutes"], ["staff only car park"])).toBeUndefined();
    expect(phrasesPresent(text, ["in the garden", "the staff today", "not there"]).size).toBe(2);
  });
});
