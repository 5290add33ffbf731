/**
 * Contempt as it is written in tweets and comments: "what a loser", "she's a liar", a sentence
 * that is only an insult ("Frigid cow, no wonder…", "ugly lil troll"), an insult on the last line
 * before a sign-off. Beside them, nursery and office sentences with the same words that must stay
 * clean. Sentences written for the test.
 */
import { frameHits } from "./frames";
import { defaultAbusiveOptions, findAbusiveLanguage } from "../../rules/no-abusive-language";

const categories = (text: string): string[] => frameHits(text).map((h) => h.entry.category);
const found = (text: string): string[] => findAbusiveLanguage(text, defaultAbusiveOptions).map((h) => h.category);

describe("an insult said as a sentence, or after 'what a'", () => {
  it.each([
    "what a loser",
    "lol what a clown",
    "What an absolute creep.",
    "What a fat slob!",
    "Miserable cow, no wonder nobody visits you.",
    "sad lil troll, go outside",
    "Pathetic, whiny little worm.",
    "cringe loser",
    "Stupid woman.",
    "Lazy git. Do your own job.",
    "you're a liar and everyone knows it",
    "what a liar",
    "Honestly, she's a liar.",
  ])("finds %s", (text) => {
    expect(categories(text)).toContain("insult");
  });
  it.each([
    "What a joke the new parking rules are.",
    "What a tool this app is, it saved me hours!",
    "What a disgrace the state of the car park is.",
    "What a failure of planning by the council.",
    "What a clown show at the party, the children loved it.",
    "What cow? The brown one in the far field.",
    "Cheap tart, but tasty: the children loved the jam tart.",
    "Fat pig figures for the farm corner are in the cupboard.",
    "Dirty pig, muddy duck and a wet dog: the farm book the children love.",
    "What a star you are!",
    "Silly billy, you dropped your hat.",
    "In the game he's a liar in disguise, which the children loved.",
    "Don't call him a liar in front of the children, please.",
  ])("finds nothing in %s", (text) => {
    expect(frameHits(text)).toEqual([]);
  });
});

describe("an insult on the last line before a sign-off", () => {
  it.each(["honestly you look like a crackhead\n\nBest,\nSam", "stupid lil goblin\n\nThanks\nJo"])("finds %s", (text) => {
    expect(categories(text)).toContain("insult");
  });
  it("finds nothing in a clown on the last line before a sign-off", () => {
    expect(frameHits("We loved the clown\n\nBest,\nSam")).toEqual([]);
  });
});

describe("spellings of slurs and profanity used as address", () => {
  it.each([
    ["he's a faggit", "homophobic"],
    ["ya hoe is lying again", "sexual"],
    ["side hoe energy", "sexual"],
  ])("finds %s as %s", (text, category) => {
    expect(found(text)).toContain(category);
  });
});
