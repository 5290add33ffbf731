/**
 * Insult frames: insults aimed at a person in ordinary words. Each is shown caught in a few ways
 * people write it, beside innocent sentences from nursery and office life that use the same words
 * and must stay clean. The examples are written for this test, not copied from the evaluation corpus.
 */
import insult from "../../data/abusive/insult.json";
import { frameHits, insultFrame } from "./frames";
import { defaultAbusiveOptions, findAbusiveLanguage } from "../../rules/no-abusive-language";
import { LOOKS_OF_THINGS } from "../../../../test/fixtures/looks/things";

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

describe("abuse in ordinary words: groups, wishes of death, go back, self-harm, aimed nouns", () => {
  const categories = (text: string): string[] => frameHits(text).map((h) => h.entry.category);
  it.each([
    ["Asylum seekers are cockroaches, all of them.", "racist"],
    ["These people are nothing but animals.", "racist"],
    ["your lot are a plague on this town", "racist"],
    ["Immigrants, just parasites.", "racist"],
    ["Go back to your own country.", "racist"],
    ["send them all back where they came from", "racist"],
    ["Politicians like you should be lined up against a wall.", "threat"],
    ["refugees should all be gassed", "threat"],
    ["you deserve to be shot", "threat"],
    ["queers shouldn't be allowed to adopt", "racist"],
    ["blacks are apes", "racist"],
    ["Immigrants should never be allowed near our schools.", "racist"],
    ["the new cleaner is a thieving gypsy", "racist"],
    ["smelly Bangladeshis everywhere", "racist"],
    ["another bloody immigrant on the news", "racist"],
    ["Just go and jump off a bridge.", "harassment"],
    ["do us a favour and jump off the Tyne bridge", "harassment"],
    ["pls drink some bleach", "harassment"],
    ["Get raped lol", "harassment"],
    ["you're a walking disaster", "insult"],
    ["ur a total degenerate", "insult"],
    ["she's such a lowlife", "insult"],
    ["he's a creep and everyone knows it", "insult"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "The rats in the bin store are vermin; pest control comes on Monday.",
    "Those people are lovely, the Robins parents brought cakes.",
    "Refugees are welcome here and their children have settled in well.",
    "Travellers are animal lovers too: the site has a pony paddock.",
    "The children go back to school on Monday.",
    "Please send them back to the office once signed.",
    "Visitors shouldn't be allowed to park on the zigzags.",
    "Our Muslim families shouldn't have to miss the Eid party, so we moved it.",
    "A lazy Sunday with the refugee families at the park.",
    "The gypsy moth caterpillars in the garden are hairy.",
    "Go back to your own classroom after assembly, please.",
    "The photos should be shot in daylight.",
    "You should be shown the fire exits on your first day.",
    "The divers jumped off the bridge at the regatta.",
    "Please don't jump off the climbing frame.",
    "A toddler tried to drink bleach at home; the health visitor has been told.",
    "She said she was scared she would get raped walking home, and we referred her to the DSL.",
    "You're a star, thank you.",
    "He's a walking encyclopaedia of dinosaurs.",
    "She's a new starter in the baby room.",
    "What a waste of a morning the traffic was.",
    "That was no excuse for a late invoice.",
    // A group frame after a negation or a reporting verb in its sentence is not the sender's.
    "Calling immigrants vermin is vile.",
    "Calling Muslims cockroaches is a horrible thing to do.",
    "Never tell them to go back to their own country.",
  ])("finds nothing in %s", (text) => {
    expect(frameHits(text)).toEqual([]);
  });
  it("still finds an insult aimed at the reader after a negation", () => {
    expect(categories("you think we don't know you're a smackhead?")).toEqual(["insult"]);
  });
});

describe("phrases said to the reader however 'you are' is written", () => {
  const found = (text: string): string[] => findAbusiveLanguage(text, defaultAbusiveOptions).map((h) => h.category);
  it.each([
    ["ur a disgrace to this team", "insult"],
    ["your an embarrassment", "insult"],
    ["u r a disgrace", "insult"],
    ["youre so pathetic", "insult"],
    ["Typical Jew, always counting the pennies.", "racist"],
    ["hurry up and die", "harassment"],
    ["nobody would care if u died", "harassment"],
    ["what colour knickers u wearing today", "harassment"],
    ["send nudes", "sexual"],
    ["she only got the job for her looks", "harassment"],
    ["team full of window lickers", "disablist"],
    ["our manager is a dickwad", "insult"],
    ["ur gonna regret saying that", "threat"],
    ["ur a ho", "sexual"],
    ["women shouldn't be allowed to drive", "insult"],
    ["Get out of our country.", "racist"],
    ["do everyone a favour and die", "harassment"],
    ["you'll get what's coming", "threat"],
    ["You spineless excuse for a man.", "insult"],
  ])("finds %s as %s", (text, category) => {
    expect(found(text)).toContain(category);
  });
  it.each([
    "Your garbage can is out on the wrong day.",
    "Your a-level results are in the post.",
    "Your so-called quiet room is next to the kitchen.",
    "Hurry up and dress, the coach is here.",
    "Please pack spare knickers, any colour, in the PE bag.",
    "Keep your legs together and jump like a frog!",
    "Typical weather for sports day.",
    "The window cleaner comes on Tuesday.",
    "You'll never regret booking the farm trip early!",
    "Ho ho ho, Santa arrives at ten.",
    "Women should be allowed the same pay as men.",
    "We get out of the country for half term.",
    "Do me a favour and dial in at ten.",
    "The monkeys are the children's favourite at the zoo.",
  ])("finds nothing in %s", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("the loose insult frame, counted only when asked (issue 10)", () => {
  const terms = (text: string, hostile?: () => boolean) => frameHits(text, hostile).map((h) => h.entry.term);

  it("counts an insulting noun after any words only when the message reads hostile", () => {
    const text = "cheers for nothing you thick Scouse robbing git";
    expect(terms(text)).toEqual([]);
    expect(terms(text, () => false)).toEqual([]);
    expect(terms(text, () => true)).toEqual(["nothing you thick scouse robbing git"]);
  });

  it("asks whether the message reads hostile only when the frame is found (not after thank or bless)", () => {
    const asked: string[] = [];
    const hostile = (): boolean => {
      asked.push("asked");
      return true;
    };
    expect(terms("Thanks for the update, see you on Monday.", hostile)).toEqual([]);
    expect(terms("Thank you for the joke!", hostile)).toEqual([]);
    expect(terms("Bless you little rat, you found the cheese!", hostile)).toEqual([]);
    expect(asked).toEqual([]);
    expect(terms("Did you see the funny joke?", hostile)).toEqual(["did you see the funny joke"]);
    expect(asked).toEqual(["asked"]);
  });
});

describe("an animal a person or people are called (issue 10)", () => {
  const terms = (text: string) => frameHits(text).map((h) => h.entry.term);

  it.each([
    ["Keep her off the beach, she's a walrus.", "she's a walrus"],
    ["They're animals, every one of them.", "they're animals"],
    ["Seen his missus? His wife is a dog.", "wife is a dog"],
    ["Mate you're a proper donkey lol", "you're a proper donkey"],
  ])("is found: %s", (text, words) => {
    expect(terms(text)).toEqual([words]);
  });

  it.each([
    "He's a donkey in the nativity play.",
    "In the nativity he's a donkey and she's a sheep.",
    "She's a cheeky monkey!",
    "You're a little monkey, aren't you?",
    "He's a dog person, so the puppy will be fine.",
    "The cow is in the barn and the pig is in the sty.",
    "The children fed the pigs and the cows at the farm.",
    "You're an animal lover, so you'll enjoy the farm trip.",
  ])("is not found: %s", (text) => {
    expect(terms(text)).toEqual([]);
  });
});

describe("a word for looks or wits, counted only in a hostile message (issue 10)", () => {
  const terms = (text: string, hostile?: (min: number) => boolean) => frameHits(text, hostile).map((h) => h.entry.term);
  const always = (): boolean => true;

  it.each([
    ["Get off the stage, you're too fat to be dancing like that.", "you're too fat"],
    ["Nobody wants to see your hideous mug on here, delete your account.", "hideous mug"],
    ["Are you thick or something? Read the instructions.", "you thick"],
  ])("is found when the message reads hostile: %s", (text, word) => {
    expect(terms(text, always)).toEqual([word]);
    expect(terms(text, () => false)).toEqual([]);
    expect(terms(text)).toEqual([]);
  });

  it("reads only what the heated model reads: a long text's first 12,000 characters", () => {
    const filler = "Please see the rota for next week. ".repeat(400);
    expect(terms(`Get off the stage, you're too fat. ${filler}`, always)).toEqual(["you're too fat"]);
    expect(terms(`${filler}Get off the stage, you're too fat.`, always)).toEqual([]);
  });

  it("asks for a more hostile reading than the loose insult frame", () => {
    const asked: number[] = [];
    const hostile = (min: number): boolean => {
      asked.push(min);
      return min < 0.4;
    };
    expect(terms("Get off the stage, you're too fat to be dancing like that.", hostile)).toEqual([]);
    expect(asked).toEqual([0.5]);
  });

  it.each([
    "I'm fat and I'm fine, stop making it a thing.",
    "She called me fat, which is unacceptable.",
    "Nobody said you were fat, stop it.",
    "We need low-fat yoghurt for snack time, not this rubbish.",
    "Whole milk is 40% fat, stop buying it.",
    "The paint is too thick, thin it with water.",
  ])("is not found: %s", (text) => {
    expect(terms(text, always)).toEqual([]);
  });
});

describe("a word for looks counts said of a person, not of a thing (angry complaints about logos, rooms, food)", () => {
  const terms = (text: string) => frameHits(text, () => true).map((h) => h.entry.term);

  it.each(LOOKS_OF_THINGS)("a thing, not found even when the message reads hostile: %s", (text) => {
    expect(terms(text)).toEqual([]);
  });

  it.each([
    "You're fat and disgusting, nobody wants you here.",
    "Look at his ugly face, what a disgrace of a man.",
    "Shut up you fat cow, nobody asked you.",
    "She is hideous and everyone laughs at her behind her back.",
    "Ugly people like you should stay at home.",
    "You are so ugly it hurts to look at you, go away.",
    "He's fat and lazy and stinks, get rid of him.",
    "Your face is hideous, stop posting selfies.",
    "Stop posting pictures of your ugly kids, nobody cares.",
    "She's obese and useless, sack her now.",
    "You're too skinny, eat something you freak.",
    "He is so thick he can't even read a rota, what an idiot.",
    "Are you thick or something? I told you three times.",
    "Get your fat arse out of the office now.",
    "Tell the fat slob at reception to do his job.",
    "She's a hideous old woman and everyone hates her.",
    "ur so ugly lol delete your account",
    "That fat bitch in accounts needs sacking.",
    "Your mum is so fat she broke the chair.",
    "Look at her flabby arse, how disgusting is that.",
    "You hairy ape, get out of here.",
  ])("a person, found when the message reads hostile: %s", (text) => {
    expect(terms(text)).not.toEqual([]);
  });
});
