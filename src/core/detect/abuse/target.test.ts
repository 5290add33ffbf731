/**
 * Whom a rough word is aimed at, read on the words of its sentence before it (`AIMED_AWAY`): a
 * thing, an animal or the writer, or a person. Written for CALM22; the mails these come from are in
 * test/fixtures/things/things.ts.
 */
import { AIMED_AWAY } from "./target";

describe("AIMED_AWAY: the words before a rough word that aim it at no person", () => {
  it.each([
    // a thing or an animal opening the sentence
    "My cat is such an ",
    "My dog is a total ",
    "The class hamster is a little ",
    "Our puppy is such a ",
    "My phone is being an ",
    "This printer is so ",
    "The computer in the office is really ",
    "The dogs at the farm were absolute ",
    " Honestly, my laptop is an absolute ",
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
    // a person, or a noun the list does not know
    "My manager is such an ",
    "The new girl in Caterpillars is such an ",
    "My husband is a total ",
    "The bus driver is an ",
    "The cat lady next door is an ",
    "The woman with the printer is an ",
    "The dog's owner is an ",
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
