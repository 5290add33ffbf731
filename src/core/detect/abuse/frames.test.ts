/**
 * Insult frames: insults aimed at a person in ordinary words. Each is shown caught in a few ways
 * people write it, beside innocent sentences from nursery and office life that use the same words
 * and must stay clean. The examples are written for this test, not copied from the evaluation corpus.
 */
import insult from "../../data/abusive/insult.json";
import { frameHits, insultFrame } from "./frames";

/** The words of the frame found in a text, as written. */
function found(text: string): string[] {
  return frameHits(text).map((h) => text.slice(h.start, h.end));
}

describe("insult frames", () => {
  it.each([
    ["Honestly, you pathetic little worm.", "you pathetic little worm"],
    ["You're a disgusting pig, mate", "You're a disgusting pig"],
    ["ur a vile fat cow lol", "ur a vile fat cow"],
    ["she’s such a lazy slob", "she’s such a lazy slob"],
    ["he is a greasy little tramp", "he is a greasy little tramp"],
    ["you are all sad virgins", "you are all sad virgins"],
    ["You smug arrogant prick!", "You smug arrogant prick"],
    ["YOU SPINELESS COWS", "YOU SPINELESS COWS"],
  ])("finds %s", (text, words) => {
    expect(found(text)).toEqual([words]);
  });

  it.each([
    "The children loved the pig at the farm visit.",
    "What a whale of a time we had at the seaside!",
    "Such a snake of a queue outside the panto.",
    "There's a bag of spanners in the shed.",
    "In the role play he's a little pig and she's a cow, and they built a straw house.",
    "The worm farm needs damp newspaper; a fat worm came up after the rain.",
    "The sow and her piglets are in the barn; she is a big old sow.",
    "Thank you, little ones, for tidying up.",
    "She's a foreign woman from Lyon who teaches French on Fridays.",
    "Don't you mouth off at me.",
    "You are a fat cowboy in the Wild West show.",
    "Did you see the lazy cat in the garden?",
  ])("finds nothing in %s", (text) => {
    expect(frameHits(text)).toEqual([]);
  });

  it("gives the category, the words found as the term, and offsets in the text", () => {
    const text = "Right. You’re a DISGUSTING pig.";
    expect(frameHits(text)).toEqual([{ entry: { term: "you’re a disgusting pig", category: "insult", mode: "phrase" }, start: 7, end: 30 }]);
  });
});

describe("insultFrame", () => {
  const reads = (phrases: string[], text: string): boolean => new RegExp(insultFrame(phrases)).test(text);

  it("learns adjectives and nouns from two-word phrases", () => {
    expect(reads(["lazy cow"], "you lazy cow")).toBe(true);
    expect(reads(["lazy cow"], "you lazy cows")).toBe(true);
    expect(reads(["lazy cow", "smug git"], "he's a smug lazy cow")).toBe(true);
    expect(reads(["lazy cow", "smug git"], "you smug cow")).toBe(true);
  });

  it("learns nothing from phrases that start with you or a mild word, or are longer", () => {
    expect(reads(["you muppet", "old git", "waste of space"], "you stupid muppet")).toBe(false);
    expect(reads(["lazy cow", "old git"], "you old git")).toBe(false);
    expect(reads(["lazy cow", "waste of space"], "you lazy space")).toBe(false);
  });

  it("is learnt from the insult list as shipped (every adjective–noun phrase is read aimed at someone)", () => {
    for (const p of insult.phrase) {
      const [a, b, more] = p.split(" ");
      if (!b || more || ["you", "little", "old", "big", "absolute", "total", "foreign", "mouth"].includes(a as string)) continue;
      expect(found(`you ${p}`)).toEqual([`you ${p}`]);
    }
  });
});
