/**
 * Contempt and veiled threats as they are written in tweets and comments: "what a loser", "she's
 * a liar", a sentence that is only an insult ("Frigid cow, no wonder…", "ugly lil troll"), an
 * insult on the last line before a sign-off, "nobody asked you", "ur getting jumped", "you won't
 * see me coming", "hope your dog gets run over". Beside them, nursery and office sentences with
 * the same words that must stay clean. Sentences written for the test.
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

describe("contempt: nobody asked you", () => {
  it.each(["nobody asked you", "Oh be quiet, nobody asked.", "no one asked u lol"])("finds %s", (text) => {
    expect(categories(text)).toContain("insult");
  });
  it.each(["Nobody asked you to tidy the cupboard, but thank you!", "No one asked about the trip yet.", "Nobody asked for a refund.", "Nobody asked, nobody told us, and now the drive is a mess."])(
    "finds nothing in %s",
    (text) => {
      expect(frameHits(text)).toEqual([]);
    },
  );
});

describe("veiled threats", () => {
  it.each([
    "come near my sister again and ur getting jumped",
    "u wanna get slapped? carry on",
    "you're gonna get battered after school",
    "You won't see me coming.",
    "hope ur cat gets run over lol",
    "I hope your kids get taken off you.",
  ])("finds %s", (text) => {
    expect(categories(text)).toContain("threat");
  });
  it.each([
    "You're getting a new key fob on Monday.",
    "If you don't wear a coat you're getting soaked!",
    "You won't see the difference, it's very subtle.",
    "I'll cut your sandwiches into triangles.",
    "I'll break your news gently to the parents.",
    "I hope your dog gets better soon.",
    "Hope your kids get to see the fireworks.",
    "We'll be waiting outside your classroom at three.",
  ])("finds nothing in %s", (text) => {
    expect(frameHits(text)).toEqual([]);
  });
  it("reports a veiled threat with the threat message's category", () => {
    expect(found("ur getting jumped")).toEqual(["threat"]);
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

describe("an insult said to someone as a name (a vocative), after a comma or as a sentence of its own", () => {
  it.each([
    "Stop whining about the rota, loser.",
    "Keep scrolling, creep",
    "They take and take. Vermin.",
    "Sucking the country dry, leeches!",
    "Ship the lot of them out. Animals.",
    "nice haircut, ugly little troll 😂",
    "as if anyone cares, pathetic little worm 🤡",
    "We all saw what you did, pervert\n\nSam",
  ])("finds %s", (text) => {
    expect(categories(text)).toContain("insult");
  });
  it.each([
    "This term we learn about plants, animals.",
    "The children drew farm animals, wild animals.",
    "Rats. Missed the bus again.",
    "Nobody. Not one parent replied.",
    "Scope creep is the risk here.",
    "Who won? The losers, sadly, were us.",
    "The story has a troll, a goat and a bridge.",
    "Dressing-up day: pirates, princesses, goblins.",
    "Absolute joke. Total failure.",
  ])("finds nothing in %s", (text) => {
    expect(frameHits(text)).toEqual([]);
  });
});
