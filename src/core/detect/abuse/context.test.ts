/**
 * Words that are abusive of a person but ordinary on a farm, at a dog show, in a garden or on a
 * drainage map are judged by their sentence (`data/abusive/context.json`): "the bitch had six
 * puppies", "the jennies and the asses", "the cocks are noisy, the hens lay well". Aimed at a
 * person ("you stupid bitch", "she's a cow") they still count. Listed single words are also
 * found in the plural without listing it, unless the list keeps the plural to phrases
 * ("you faggots", not "faggots and peas"). Sentences written for the test.
 */
import fs from "node:fs";
import path from "node:path";
import { abuseHits, pluralOf } from "./index";
import { defaultAbusiveOptions, findAbusiveLanguage } from "../../rules/no-abusive-language";

const found = (text: string): string[] => findAbusiveLanguage(text, defaultAbusiveOptions).map((h) => h.category);

describe("abusive words in an innocent sentence", () => {
  const file = path.join(__dirname, "../../../../test/fixtures/no-abusive-language/innocent-context.txt");
  const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "");
  it("has the sentences", () => {
    expect(lines.length).toBeGreaterThan(50);
  });
  it.each(lines)("finds nothing in %s", (line) => {
    expect(found(line)).toEqual([]);
  });
});

describe("the same words aimed at a person", () => {
  it.each([
    ["You stupid bitch, walk your own dog next time.", "obscene"],
    ["She's a bitch to everyone at the kennels.", "obscene"],
    ["That bitch from the vet's overcharged me again.", "obscene"],
    ["Move your fat ass, the donkey is quicker than you.", "obscene"],
    ["You old cow, you left the farm gate open again.", "insult"],
    ["Look at the tits on her.", "obscene"],
    ["The dog walker is a dyke.", "homophobic"],
    ["Nice cock, send me a picture.", "obscene"],
  ])("finds %s as %s", (text, category) => {
    expect(found(text)).toContain(category);
  });
  it("judges each use by its own sentence", () => {
    expect(found("Our Labrador bitch had puppies. My manager is a bitch.")).toEqual(["obscene"]);
  });
});

describe("plurals of listed words", () => {
  it("makes -s and -es plurals", () => {
    expect(["wog", "lesbo", "bitch", "ass", "loony", "cowboy", "shagged", "fuking", "moronic"].map(pluralOf)).toEqual(["wogs", "lesbos", "bitches", "asses", "loonies", "cowboys", undefined, undefined, undefined]);
  });
  it.each([
    ["Bunch of greaseballs moved in next door.", "racist"],
    ["Those sandmonkeys are everywhere.", "racist"],
    ["A room full of windowlickers and mongoloids.", "disablist"],
    ["The lesbos in accounts are at it again.", "homophobic"],
    ["Bulldykes, the lot of them.", "homophobic"],
    ["Look at the milfs at the school gate.", "sexual"],
  ])("finds %s as %s", (text, category) => {
    expect(abuseHits(text).map((h) => h.category)).toContain(category);
  });
  it.each([
    "Pork faggots and peas for lunch on Friday.",
    "Faggots, mash and peas on Monday.",
    "The pipe benders are in the workshop.",
    "Dicks Sporting Goods had the football boots.",
    "The PE order is from Decathlon, not Dick's (the American shop).",
    "Dick’s daughter starts in the Robins on Monday.",
    "We watched the shags on the rocks at the harbour.",
    "Kaffir limes for the Thai curry.",
  ])("leaves %s clean", (text) => {
    expect(found(text)).toEqual([]);
  });
});
