/**
 * Frames: abuse written in ordinary words. Each family is shown caught in a few ways people
 * write it, beside innocent sentences from nursery and office life that use the same words and
 * must stay clean. The examples are written for this test, not copied from the evaluation corpus.
 */
import { compileFrames, findFrames } from "./frames";

/** The categories of the frames found in a text. */
function categories(text: string): string[] {
  return findFrames(text).map((h) => h.category);
}

describe("frames: insults aimed at a person", () => {
  it.each([
    ["you pathetic little worm", "insult"],
    ["You're a disgusting whale", "insult"],
    ["ur a vile fat slug lol", "insult"],
    ["honestly you absolute creep, leave her alone", "insult"],
    ["She's a walrus.", "insult"],
    ["he's a total parasite!", "insult"],
    ["what a loser.", "insult"],
    ["you are all a bunch of sad losers", "insult"],
    ["tell that smelly greasy thug to get lost", "insult"],
    ["she's thick, lazy and ugly with it.", "insult"],
    ["a weirdo and a pervert, that's what he is", "insult"],
    ["this report is garbage and so are you.", "insult"],
    ["your mum should've swallowed", "insult"],
    ["the whole place is run by clowns", "insult"],
    ["he has the IQ of a turnip", "insult"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "The children loved the pig at the farm visit.",
    "What a whale of a time we had at the seaside!",
    "Such a snake of a queue outside the panto.",
    "There's a bag of spanners in the shed.",
    "In the role play he's a pig and she's a cow, and they built a straw house.",
    "The worm farm needs damp newspaper; a fat worm came up after the rain.",
    "The sow and her piglets are in the barn.",
    "Thank you, little one, for tidying up.",
    "Nasty parasites like head lice spread quickly, so please check hair tonight.",
    "A freak storm closed the roads.",
    "The ice on the path is thick.",
    "Pack your one big bag for the trip.",
    "Please empty the rubbish, just like you did yesterday.",
  ])("finds nothing in %s", (text) => {
    expect(findFrames(text)).toEqual([]);
  });
});

describe("frames: dehumanising groups, stereotypes and telling people to go back", () => {
  it.each([
    ["Immigrants are vermin.", "racist"],
    ["they're cockroaches, not people", "racist"],
    ["people like you are not even human.", "racist"],
    ["gas the lot of them", "racist"],
    ["refugees should be deported.", "racist"],
    ["typical muslim, always moaning", "racist"],
    ["another bloody foreigner taking our jobs", "racist"],
    ["Go back to Pakistan", "racist"],
    ["send the lot back on a dinghy", "racist"],
    ["bet he's got a bomb in that rucksack", "racist"],
    ["the estate is full of foreign rats", "racist"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "Typical British weather for sports day: bring a coat.",
    "For culture day we made a typical African dish and a typical Polish soup.",
    "Please go back to the office after lunch.",
    "He'll go back to India for the summer to see his grandma.",
    "Please send them back to the office by Friday.",
    "The black rats spread the plague in 1665, and brown rats live by the canal.",
    "Don't feed the pigeons: they're vermin.",
    "She packed a bath bomb in her bag.",
    "The chairs should be lined up against the wall.",
    "Jewish families in our room shared latkes for Hanukkah.",
  ])("finds nothing in %s", (text) => {
    expect(findFrames(text)).toEqual([]);
  });
});

describe("frames: threats and menace without a violent keyword", () => {
  it.each([
    ["we'll pay him a little visit. bring a bat", "threat"],
    ["I know which school your kids go to.", "threat"],
    ["Nice car. Would be a shame if someone keyed it.", "threat"],
    ["I'll glass you", "threat"],
    ["someone should drown that brat", "threat"],
    ["I'll slit his throat", "threat"],
    ["there's a rope waiting for you", "threat"],
    ["journalists like you should be lined up against a wall.", "threat"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "The health visitor will pay you a visit next week to check in.",
    "Bring a bat and ball for sports day.",
    "Do you know which school your child will go to in September?",
    "It would be a shame if anyone missed the trip.",
    "I'll slap the labels on the pegs tomorrow.",
    "Someone should shoot this video before the light goes.",
  ])("finds nothing in %s", (text) => {
    expect(findFrames(text)).toEqual([]);
  });
});

describe("frames: sexist put-downs and sexual harassment", () => {
  it.each([
    ["Make the coffee, love.", "insult"],
    ["women belong in the kitchen", "insult"],
    ["typical woman.", "insult"],
    ["she only got the job because of her looks", "harassment"],
    ["she slept her way to the top", "harassment"],
    ["send nudes", "harassment"],
    ["I'll send them to your whole family unless you pay", "harassment"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "Shall I make the tea, love?",
    "She got the job because of her experience with SEN.",
    "The children made a kitchen for the role play corner.",
    "Send them to your family if you like: the photos are on Tapestry.",
  ])("finds nothing in %s", (text) => {
    expect(findFrames(text)).toEqual([]);
  });
});

describe("findFrames", () => {
  it("gives the offsets of the frame in the text, case and apostrophes as written", () => {
    const text = "Honestly?? You’re a DISGUSTING whale, mate.";
    const hits = findFrames(text);
    expect(hits).toHaveLength(1);
    expect(text.slice(hits[0]?.start, hits[0]?.end)).toBe("You’re a DISGUSTING whale");
  });

  it("reads a frame once over its own words, and once in all with firstOnly", () => {
    const text = "smelly greasy thug. smelly greasy thug.";
    const frame = findFrames(text)[0]?.frame;
    expect(findFrames(text).filter((h) => h.frame === frame).map((h) => text.slice(h.start, h.end))).toEqual(["smelly greasy thug", "smelly greasy thug"]);
    expect(new Set(findFrames(text, true).map((h) => h.frame)).size).toBe(findFrames(text, true).length);
  });
});

describe("compileFrames", () => {
  it("names the frame when it uses an unknown set", () => {
    expect(() => compileFrames({ sets: {}, frames: [["insult", "you @nouns"]] })).toThrow('frames.json: frame 0 ("you @nouns") uses an unknown set @nouns');
  });

  it("names the frame when it does not start with words", () => {
    expect(() => compileFrames({ sets: { a: "x" }, frames: [["insult", ". @a? y"]] })).toThrow("frame 0 (\". @a? y\") must start with words");
  });

  it("reads optional, repeated and gap slots", () => {
    const { frames } = compileFrames({ sets: { a: "x y_z" }, frames: [["insult", "w @a* ~2 v?"]] });
    const slots = frames[0]?.slots ?? [];
    expect(slots.map((s) => [s.min, s.max, s.gap])).toEqual([[1, 1, 0], [0, 3, 0], [0, 0, 2], [0, 1, 0]]);
    expect([...(slots[1]?.alts?.entries() ?? [])]).toEqual([["x", [["x"]]], ["y", [["y", "z"]]]]);
  });
});
