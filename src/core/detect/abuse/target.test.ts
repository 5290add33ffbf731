/**
 * Whom a rough word is aimed at: a thing, an animal or the writer, or a person. Written for CALM22;
 * the mails these come from are in test/fixtures/things/things.ts.
 */
import { aimedAway, heatAimedAway } from "./target";

/** Whether "idiot" after these words (and " I am" after it) is aimed away. */
const away = (before: string): boolean => aimedAway(`${before}idiot I am.`, before.length, before.length + 5);

/** Whether the first `word` in `text` is aimed away as heat. */
function heatAway(text: string, word: string): boolean {
  const at = text.indexOf(word);
  if (at < 0) throw new Error(`"${word}" is not in "${text}"`);
  return heatAimedAway(text, at, at + word.length);
}

describe("aimedAway: the words before a rough word that aim it at no person", () => {
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
    expect(away(before)).toBe(true);
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
    expect(away(before)).toBe(false);
  });
});

describe("heatAimedAway: a rough word aimed at a thing, an animal or the writer is no heat", () => {
  it.each([
    ["This printer is so stupid, it jammed three times.", "stupid"],
    ["This stupid laptop keeps freezing during observations.", "stupid"],
    ["The slime we made in Butterflies was absolutely disgusting but the children loved it!", "disgusting"],
    ["What an idiot I am, I forgot the register again!", "idiot"],
    ["Stupid me, I forgot to save the observations.", "Stupid"],
    ["I feel so stupid, I couldn't work out the new photocopier.", "stupid"],
    ["I'm such an idiot, could you buzz me in at 8?", "idiot"],
    ["This rain is disgusting, the garden is a swamp.", "disgusting"],
    ["Could you fix this stupid printer please?", "stupid"],
  ])("no heat: %s", (text, word) => {
    expect(heatAway(text, word)).toBe(true);
  });

  it.each([
    // at a person, or not a rough word
    ["The parents in Room 2 are disgusting.", "disgusting"],
    ["This stupid woman in the office keeps moving my things.", "stupid"],
    ["That stupid bus driver nearly hit the buggy.", "stupid"],
    ["The fridge is absolutely disgusting.", "disgusting"],
    ["I am so furious about the fees.", "furious"],
    // the writer's word with a "you" of blame in the sentence, or going on "to …"
    ["Your stupid dog bit my son.", "stupid"],
    ["I'm so stupid, I actually believed you would turn up.", "stupid"],
    ["I'm so stupid for thinking you'd help.", "stupid"],
    ["Sorry, I was an idiot to trust this nursery with my child.", "idiot"],
    ["What an idiot you are.", "idiot"],
  ])("heat: %s", (text, word) => {
    expect(heatAway(text, word)).toBe(false);
  });
});
