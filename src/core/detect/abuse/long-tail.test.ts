/**
 * The long tail of slurs added to the lexicon this round (racist, homophobic, disablist, sexual and
 * obscene terms; see docs/rules/no-abusive-language.md), each caught as people write it, and the
 * innocent sentences written beside them (places, names, food, tools, animals, records that report
 * abuse) that must stay clean. The sentences are written for the test, none from the evaluation corpus.
 */
import fs from "node:fs";
import path from "node:path";
import { abuseHits } from "./index";

const categories = (text: string): string[] => abuseHits(text).map((h) => h.category);

describe("abusive-language long tail: slurs caught as written", () => {
  it.each([
    ["Eyeties and Frogs, the lot of them cowards", "racist"],
    ["bunch of pajeets running the call centre", "racist"],
    ["Jungle bunnies all over the high street now", "racist"],
    ["slitty eyed scammers", "racist"],
    ["shut up you coconut", "racist"],
    ["look at that bulldyke in the queue", "homophobic"],
    ["you gaylord", "homophobic"],
    ["the new lad is a right pooftah", "homophobic"],
    ["lazy cripples milking the system", "disablist"],
    ["mental cases like you should be locked up", "disablist"],
    ["what a spacker", "disablist"],
    ["nice cleavage, now smile for me", "sexual"],
    ["she's a cocktease", "sexual"],
    ["fk off and stay off", "obscene"],
    ["ur a dumb azzhole", "obscene"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });
});

describe("abusive-language long tail: innocent look-alikes stay clean", () => {
  const file = path.join(__dirname, "../../../../test/fixtures/no-abusive-language/innocent-long-tail.txt");
  const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "");
  it("has the sentences", () => {
    expect(lines.length).toBeGreaterThan(100);
  });
  it.each(lines)("finds nothing in %s", (line) => {
    expect(abuseHits(line)).toEqual([]);
  });
});
