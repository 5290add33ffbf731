/**
 * Slang insults as they are written in tweets and comments ("ur a clown", "cuffin dat hoe",
 * "shut up loser", "this game is trash and so are you") are found; the same words in a nursery's
 * ordinary mail (a clown at the party, the hoes in the tool shed, pricking sausages, a fag break,
 * faggots and peas) are not. Sentences written for the test.
 */
import { defaultAbusiveOptions, findAbusiveLanguage } from "../../rules/no-abusive-language";

const found = (text: string): string[] => findAbusiveLanguage(text, defaultAbusiveOptions).map((h) => h.category);

describe("slang insults aimed at a person", () => {
  it.each([
    ["ur a clown", "insult"],
    ["You're an absolute fraud, mate.", "insult"],
    ["lol he's a simp", "insult"],
    ["shut up loser nobody cares", "insult"],
    ["stay away from my sister you filthy junkie", "insult"],
    ["Go and cry about it, you muppet!", "insult"],
    ["she's such a creep", "insult"],
    ["this game is trash and so are you", "insult"],
    ["the patch is a steaming pile and so are u", "insult"],
    ["He's sleeping on the sofa tonight, the prick.", "insult"],
    ["selfish pricks, the lot of them", "insult"],
    ["lmao ur so ugly", "insult"],
    ["u dumb asf bro", "insult"],
    ["cuffin dat hoe", "sexual"],
    ["hoes be trippin", "sexual"],
    ["she a hoe fr", "sexual"],
    ["lol that hoe again", "sexual"],
    ["u suck, go home", "insult"],
    ["screw you", "insult"],
    ["you look like a crackhead", "insult"],
    ["You smug arrogant creep!", "insult"],
    ["lol this is so gay", "homophobic"],
    ["He popped out for a fag, what a fag.", "homophobic"],
  ])("finds %s as %s", (text, category) => {
    expect(found(text)).toContain(category);
  });
});

describe("the same words in ordinary mail", () => {
  it.each([
    "Thank you clowns, the children loved the show!",
    "Did you see the clown?",
    "There was a clown at the party and he's a clown at the summer fair too.",
    "Please pass the tool kit; the tool shed key is on the hook.",
    "Did you freak out when the fire alarm went off?",
    "Can you trash these old planning sheets?",
    "I bought a garden hoe and a rake for the allotment.",
    "We need a new hoe; the old hoes are broken.",
    "Please put the hoes back on the hooks in the shed.",
    "We walked along Plymouth Hoe and had lunch on Hoe Road.",
    "Prick the sausages before they go in the oven.",
    "Careful with the pins, no pricks on little fingers please.",
    "Ben nipped out for a fag and a cup of tea.",
    "Faggots and peas, or pork meatballs with gravy, for lunch.",
    "Female canines are called bitches.",
    "They are building a new dyke near the beach.",
    "I thought the thistles were lovely.",
    "Is it trash day on Thursday?",
    "We shut up shop at five on Fridays.",
    "The pussy willow is out and the pussy cat is asleep.",
    "What a hell of a day, but you're killing it.",
    "Scunthorpe United won on Saturday.",
    "Blue tits at the feeder and a cock-a-doodle-doo from the farm.",
    "Spotted dick and custard for pudding.",
    "For women's history month we're reading about the dick, kerr ladies football team.",
    "In the play he's a troll under the bridge.",
    "She's a control freak about the rota and he's an adrenaline junkie.",
    "You're a star, thank you!",
    "Do you suck your thumb at nap time, or do you suck on a dummy?",
    "You look like a new person after the holiday, you look like a pro on that bike!",
  ])("finds nothing in %s", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("idioms and dishes", () => {
  it.each([
    "Pissing down again, so we'll stay in the hall.",
    "Faggot and mash on the menu for Friday.",
  ])("finds nothing in %s", (text) => {
    expect(found(text)).toEqual([]);
  });
  it.each([
    ["he's a faggot and everyone knows it", "homophobic"],
  ])("still finds %s", (text, category) => {
    expect(found(text)).toContain(category);
  });
});
