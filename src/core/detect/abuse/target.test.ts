/**
 * Whom a rough word is aimed at, read on the words of its sentence before it (`AIMED_AWAY`): the
 * writer, or a person. Written for CALM22; the mails these come from are in
 * test/fixtures/things/things.ts.
 */
import { AIMED_AWAY } from "./target";

describe("AIMED_AWAY: the words before a rough word that aim it at no person", () => {
  it.each([
    // the writer or their own side
    "I'm such an ",
    "I felt like a complete ",
    "we looked like ",
    "Me being a total ",
    "treated like an ",
    // "like a" in a sentence of the writer's own doing
    "Brought sunglasses like an ",
    "Turned up for the training on the wrong day like an ",
    "I stood there like a ",
    // "what a … I am" (the words after are read by the rule)
    "What an ",
  ])("aims it away: %s", (before) => {
    expect(AIMED_AWAY.test(before)).toBe(true);
  });

  it.each([
    // a person
    "My manager is such an ",
    "The new girl in Caterpillars is such an ",
    "Your kid is a little ",
    "Jo is such an ",
    // said at someone
    "I'm not an ",
    "I'm sure you're an ",
    "You parked like an ",
    "Tom drives like an ",
    "I watched him park like an ",
    "I told her she drives like an ",
  ])("leaves it aimed at a person: %s", (before) => {
    expect(AIMED_AWAY.test(before)).toBe(false);
  });
});
