/**
 * Direct abuse and threats in ordinary words (`direct.ts`): hatred, contempt and threats aimed at
 * a person or at people are found, with their category and the words quoted; the same verbs and
 * adjectives about things, in idioms, negated, or quoted to condemn them stay clean. Sentences
 * written for this test (shapes taught by HateCheck's train-split templates, words our own).
 */
import { frameHits } from "./frames";
import { PEOPLE, UNSAID } from "./direct";
import { defaultAbusiveOptions, firstOwnAbusiveHits } from "../../rules/no-abusive-language";

/** The direct frames' finds in a text, as "category: words as written". */
function found(text: string): string[] {
  return frameHits(text)
    .filter((h) => ["hate", "threat", "insult"].includes(h.entry.category))
    .map((h) => `${h.entry.category}: ${text.slice(h.start, h.end)}`);
}

describe("direct abuse aimed at a person or people", () => {
  it.each([
    ["I hate you.", "hate: I hate you"],
    ["Honestly I really can't stand him", "hate: I really can't stand him"],
    ["I absolutely loathe journalists.", "hate: I absolutely loathe journalists"],
    ["You are scum.", "hate: You are scum"],
    ["he is nothing but trash", "hate: he is nothing but trash"],
    ["Economists are a disease.", "hate: Economists are a disease"],
    ["Vegetarians like you are just pathetic", "hate: Vegetarians like you are just pathetic"],
    ["Journalists are lesser beings", "hate: Journalists are lesser beings"],
    ["Politicians are a virus.", "hate: Politicians are a virus"],
    ["You are human garbage", "hate: You are human garbage"],
  ])("finds %s", (text, words) => {
    expect(found(text)).toEqual([words]);
  });
});

describe("threats and wishing harm", () => {
  it.each([
    ["I'm going to stab him tomorrow.", "threat: I'm going to stab him"],
    ["I will hurt him.", "threat: I will hurt him"],
    ["I'm going to strangle her.", "threat: I'm going to strangle her"],
    ["we'll torture those electricians", "threat: we'll torture those electricians"],
    ["I am going to have to kill you", "threat: I am going to have to kill you"],
    ["Death to all bankers!", "threat: Death to all bankers"],
    ["She should be killed.", "threat: She should be killed"],
    ["Councillors like you deserve to die.", "threat: Councillors like you deserve to die"],
    ["Somebody should just shoot him.", "threat: Somebody should just shoot him"],
    ["We should hang all these cyclists.", "threat: We should hang all these cyclists"],
    ["Illegals should get gassed.", "threat: Illegals should get gassed"],
  ])("finds %s", (text, words) => {
    expect(found(text)).toEqual([words]);
  });
});

describe("hatred of a protected group in ordinary words", () => {
  it.each([
    ["Honestly, refugees are all thieves.", "hate: refugees are all thieves"],
    ["Those women are the absolute worst!", "hate: Those women are the absolute worst"],
    ["Gays are perverts, end of.", "hate: Gays are perverts"],
    ["Women are not human.", "hate: Women are not human"],
    ["Trans people shouldn't exist.", "hate: Trans people shouldn't exist"],
    ["Homosexuals don't deserve rights.", "hate: Homosexuals don't deserve rights"],
    ["No Jew deserves to live.", "hate: No Jew deserves to live"],
    ["Can't stand immigrants.", "hate: Can't stand immigrants"],
    ["These Muslims disgust me.", "hate: These Muslims disgust me"],
    ["I feel nothing but contempt for disabled people.", "hate: I feel nothing but contempt for disabled people"],
    ["We should get rid of all the immigrants.", "threat: get rid of all the immigrants"],
    ["Kill all gays", "threat: Kill all gays"],
    ["I hope she gets hurt.", "threat: I hope she gets hurt"],
    ["I wish those refugees were dead.", "threat: I wish those refugees were dead"],
    ["Time to murder every Muslim.", "threat: murder every Muslim"],
    ["Shoot all of those kinds of immigrants", "threat: Shoot all of those kinds of immigrants"],
    ["Lesbians are no better than rats.", "hate: Lesbians are no better than rats"],
    ["Disabled people are the dumbest.", "hate: Disabled people are the dumbest"],
    ["Trans people are so ignorant!", "hate: Trans people are so ignorant"],
    ["Honestly refugees are the stupidest people on earth.", "hate: refugees are the stupidest"],
    ["I'll snap your neck.", "threat: snap your neck"],
    ["Someone should cut the throats of all those Muslims.", "threat: cut the throats of all those Muslims"],
    ["We'd all be better off if the immigrants were gone.", "threat: better off if the immigrants were gone"],
    ["Honestly, gay people should all be locked up.", "hate: gay people should all be locked up"],
    ["Disabled people have no right to exist.", "hate: Disabled people have no right to exist"],
    ["The loathing I feel for lesbians is hard to hide.", "hate: loathing I feel for lesbians"],
  ])("finds %s", (text, words) => {
    expect(found(text)).toEqual([words]);
  });
  it.each([
    "Women are underrepresented in leadership roles.",
    "Immigrants are welcome here.",
    "Women are the worst affected by the cuts.",
    "Black families are sick of being stopped.",
    "It is a myth that immigrants are criminals.",
    "Not all immigrants are criminals.",
    "Are disabled people getting the support they need?",
    "Kill all the weeds along the fence.",
    "We should get rid of the old sandpit.",
    "I hope nobody gets hurt.",
    "If you get hurt, tell a first aider.",
    "I hope she gets shot of that boyfriend.",
    "Threatening to kill all Muslims is a crime.",
    "Calling immigrants criminals is wrong.",
    "I have contempt for this policy.",
    "The smell disgusts me.",
    "No child deserves to live in fear.",
    "Trans people are a threat to nobody.",
    "Women are not human resources' only worry.",
    "Please hang the women's coats on the pegs.",
    "We will shoot the immigrants' stories for the film on Friday.",
    "Immigrants are ignorant of the forms we use, so help them.",
    "Women are sick of the stupid rota.",
    "It is a myth that a trans person is no better than a rat.",
    "Stop saying immigrants are the dumbest.",
    "Parents are no better than us at this.",
    "I'll cut your hair on Friday.",
    "We would be better off if the printers were gone.",
    "The children have no right to be left alone in the garden.",
    "Anyone who attacks Muslims should be locked up.",
    "People who hurt women should be locked up.",
    "I have no hatred for immigrants at all.",
  ])("finds nothing in %s", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("the same words about things, in idioms, negated or quoted stay clean", () => {
  it.each([
    "The laptop has a virus, so IT are on it.",
    "I think she's sickening for a cold.",
    "Staff are human beings too.",
    "I'll shoot you an email later.",
    "Shoot me a text when you're here.",
    "I could murder a cup of tea.",
    "We killed it at the inspection!",
    "Kill the process and restart it.",
    "That joke killed me.",
    "The plan should be executed on Monday.",
    "Can you hang the pictures in the hall?",
    "I hate Mondays.",
    "I really can't stand cauliflower.",
    "I hate this printer.",
    "I hate it when the printer jams.",
    "We'll attack the backlog tomorrow.",
    "You deserve a medal.",
    "You are a star.",
    // Playful about toddlers, not abuse: "monsters" is in no frame.
    "The kids are monsters today.",
    "I don't hate anyone.",
    "He is sick today, so he's staying at home.",
    "No one should die in a fire.",
    "Nobody deserves to be hurt.",
    "No parent deserves to be spoken to like that.",
    "No teacher deserves to die.",
    "I would never hurt any child.",
    "We're going to shoot the staff photos on Friday.",
    "I hate the new staff rota.",
    "I'll hurt her feelings if I say that.",
    "We should hang the parents' paintings by the door.",
    "We will execute her plan next week.",
    "Our lives are worth more than this job.",
    "The battery life is worthless.",
    "We have rats in the shed; they are vermin.",
    "The staff should hang their coats in the cloakroom.",
    "I hope the winds die down soon.",
    "You should die of embarrassment, that was so funny.",
    "I'd love to see you at the party.",
    "Someone should cut the grass.",
    "Death to spreadsheets!",
    "Landfill sites are disgusting.",
    "My headphones are scum.",
    "Those kinds of plans ought to be executed.",
    "The world would be better off without coal plants like that.",
    "I despise the new booking system.",
    "Please add the playlists and checklists are worthless without dates.",
    'Saying "you are scum" to a parent is never acceptable.',
    '"I hate you" is not something we ever write to a parent.',
    "I know they hate you leaving.",
    "I think he will hurt you.",
    "Parents are finding the toilets disgusting.",
    "Parents are saying that is garbage.",
    "I have no contempt for politicians.",
    "It hurts to see people saying that immigrants are vermin.",
  ])("finds nothing in %s", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("PEOPLE and UNSAID", () => {
  const people = new RegExp(`^${PEOPLE}$`, "i");
  it.each(["women", "immigrants", "Muslims", "politicians", "parents", "racists", "teachers", "man", "police", "gay people", "Europeans", "Eastern Europeans"])("reads %s as people", (w) => {
    expect(people.test(w)).toBe(true);
  });
  it.each(["printers", "checklists", "playlists", "Mondays", "cauliflower", "pictures", "it", "oceans", "European Union"])("does not read %s as people", (w) => {
    expect(people.test(w)).toBe(false);
  });
  it("leaves out what follows a negation or a reporting verb in the last few words", () => {
    expect(UNSAID.test("It is not true that ")).toBe(true);
    expect(UNSAID.test("people keep saying ")).toBe(true);
    expect(UNSAID.test("I don't think ")).toBe(true);
    expect(UNSAID.test("Honestly, ")).toBe(false);
    expect(UNSAID.test("I think ")).toBe(false);
    expect(UNSAID.test('The slide quoted "')).toBe(true);
  });
});

describe("in the rule", () => {
  const categories = (text: string): string[] => firstOwnAbusiveHits(text, defaultAbusiveOptions).map((h) => `${h.category}: ${h.written}`);
  it("reports hatred and contempt of people as hate, with the words as written", () => {
    expect(categories("Honestly, I despise politicians.")).toEqual(["hate: I despise politicians"]);
  });
  it("reports a threat before hatred", () => {
    expect(firstOwnAbusiveHits("I hate you. I'm going to strangle you.", defaultAbusiveOptions).map((h) => h.category)).toEqual(["threat", "hate"]);
  });
  it("leaves to the lists what they already hold as phrases", () => {
    expect(categories("You make me sick.")).toEqual(["insult: You make me sick"]);
    expect(categories("I hope you die.")).toEqual(["harassment: hope you die"]);
  });
  it("leaves hatred out when the category is switched off", () => {
    expect(firstOwnAbusiveHits("I hate you.", { ...defaultAbusiveOptions, categories: defaultAbusiveOptions.categories.filter((c) => c !== "hate") })).toEqual([]);
  });
  it("does not report words the sender records as someone else's", () => {
    expect(categories('Incident log: the parent shouted "I am going to stab you" at the receptionist.')).toEqual([]);
  });
});
