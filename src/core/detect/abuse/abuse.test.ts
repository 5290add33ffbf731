import { abuseHits, surgeEntries } from "./index";

describe("abuseHits", () => {
  it.each([
    ["what a faggot", "homophobic"],
    ["he's a poof", "homophobic"],
    ["you spastic", "disablist"],
    ["don't be such a retard", "disablist"],
    // Terms that only the surge-ai/profanity data brings (not in the hand-made lists).
    ["he called him a raghead", "racist"],
    ["a towelhead", "racist"],
    ["go home you wetback", "racist"],
    ["what a gook", "racist"],
    ["stop being a fudgepacker", "homophobic"],
    // A name's spelling said of someone is not a name.
    ["what a Dick", "obscene"],
    ["you Dick", "obscene"],
    ["DICK", "obscene"],
    ["you spick", "racist"],
    ["she's a Dyke", "homophobic"],
    ["the dick from the council", "obscene"],
    ["fancy a shag and a drink?", "sexual"],
  ])("finds %s as %s", (text, category) => {
    expect(abuseHits(text).map((h) => h.category)).toContain(category);
  });

  it("gives offsets in the text, the listed term and a severity from 1 to 3", () => {
    const text = "Honestly, what a F4GGOT he is.";
    const [hit, ...rest] = abuseHits(text);
    expect(rest).toEqual([]);
    expect(hit).toEqual({ start: 17, end: 23, term: "faggot", category: "homophobic", severity: 3 });
    expect(text.slice(hit?.start, hit?.end)).toBe("F4GGOT");
  });

  it("keeps the hand-made reading when surge-ai's data reads the same word too", () => {
    // "f**k" is both `fuck` (hand-made, obscene) and one of surge-ai's sexual spellings.
    expect(abuseHits("f**k").map((h) => h.category)).toContain("obscene");
    expect(abuseHits("f**k").filter((h) => h.category === "sexual")).toEqual([]);
  });

  it.each(["fck", "phuck off", "what the fuk", "fcuk", "mf'er"])("reads %s as the swear word it spells (obscene), not sexual content", (text) => {
    expect(abuseHits(text).map((h) => h.category)).toEqual(["obscene"]);
  });

  it("leaves the caller's allowed words alone", () => {
    expect(abuseHits("a gook", ["gook"])).toEqual([]);
  });

  it.each([
    "Monday menu: faggots, mash and peas",
    "Cock-a-leekie soup with crusty bread",
    "spotted dick and custard",
    "Dick Whittington at the panto",
    "We saw blue tits and a cock pheasant",
    "He had a bloody nose after falling in the playground",
    "The child said her vagina was sore; recorded for the DSL",
    "Reading 'Sweet Fanny Adams' in an old book",
    "Dick will cover the late shift",
    "We read about the Dick, Kerr Ladies football team",
    "Dyke walk at Devil's Dyke on Sunday",
    "Hwange National Park (once spelt Wankie)",
    "Ask Dick and Fanny about the rota",
    "I'll nip to the shop",
    "Keep it spick and span",
    "Sambucus nigra (elder) in the hedge",
    "Blue-footed boobies nest on the ground",
    "The shag is a seabird",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });

  it("rejects a prepared file with a category the rules do not know", () => {
    expect(() => surgeEntries({ source: "x", terms: { weather: { "2": ["drizzle"] } } })).toThrow(/unknown category "weather"/);
  });

  it("stays linear on a long run of slurs", () => {
    const text = "gook raghead f**k ".repeat(20000);
    const hits = abuseHits(text).filter((h) => h.category !== "coarse"); // f**k also reads as "feck"
    expect(hits.length).toBe(60000);
  });
});
