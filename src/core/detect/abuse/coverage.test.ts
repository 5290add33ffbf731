/**
 * Coverage of the abusive-language data (src/core/data/abusive/*.json), family by family:
 * each family added to the lists is shown caught in the ways people really write it, next to
 * innocent look-alikes that must stay clean (the allow lists and the choice of phrases over words).
 * The examples are written for this test; none is copied from the evaluation corpus.
 */
import { abuseHits } from "./index";
import { frameHits } from "./frames";

/** Categories found in a text, by the lists or by the frames that read insults in ordinary words. */
function categories(text: string): string[] {
  return [...abuseHits(text).map((h) => h.category), ...frameHits(text).map((h) => h.entry.category)];
}

describe("abusive-language coverage: wishing harm and threats", () => {
  it.each([
    ["I hope you get cancer", "threat"],
    ["honestly i hope she gets cancer", "threat"],
    ["hope he gets cancer and suffers", "threat"],
    ["hope ur kids die", "threat"],
    ["i hope u choke on it", "threat"],
    ["Traitors like you deserve to hang.", "threat"],
    ["someone ought to be shot for this and it should be you", "threat"],
    ["I'll put a bullet in your head", "threat"],
    ["next time I'll run you off the road", "threat"],
    ["go get raped", "threat"],
    ["i hope you get raped", "threat"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "Cancer Research UK fun run on Sunday: sponsor forms in the office.",
    "We hope she gets the all-clear from the cancer clinic next week.",
    "Cut grapes lengthways so that children do not choke.",
    "The children's paintings deserve to hang in the entrance hall.",
    "Please use bullet points in the room report.",
    "The delivery van nearly ran off the road in the snow.",
    "The DSL logged the disclosure and called the police at once.",
    "She told her key person she was scared she would get raped; the DSL was informed.",
    "I'll hunt you down a copy of the form.",
    "Never throw acid down the sink in the science lab.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: racist and religious slurs and tropes", () => {
  it.each([
    ["all muzzies are the same", "racist"],
    ["send them back where they came from", "racist"],
    ["go back to the jungle", "racist"],
    ["sweaty jocks moaning again", "racist"],
    ["don't put me near him, he stinks of curry", "racist"],
    ["thick paddy, can't count", "racist"],
    ["a load of bog trotters", "racist"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "Please put the toys back where they came from.",
    "After snack the children went back to the jungle play area.",
    "I felt a bit muzzy after the flu jab.",
    "We made a mild curry for lunch and the room smelt lovely.",
    "Paddy's thick coat is on his peg.",
    "The rice paddy fields in the photos are from Vietnam.",
    "Sweaty socks after PE, please send a spare pair.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: insults built from ordinary words", () => {
  it.each([
    ["Lose some weight, you fat heifer", "insult"],
    ["tell that lazy sow to clean up", "insult"],
    ["You're a spineless worm", "insult"],
    ["Sack the useless git", "insult"],
    ["your driver is a right knob", "insult"],
    ["what a knob", "insult"],
    ["wat a kunt", "obscene"],
    ["you smug prick", "insult"],
    ["your son is a fat little freak", "insult"],
    ["corrupt piece of filth", "insult"],
    ["you lying sack of crap", "insult"],
    ["you are trash", "insult"],
    ["she dresses like a prostitute", "insult"],
    ["some foreign tart after his money", "insult"],
    ["butterface lol", "insult"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "The heifer calved on the farm last night.",
    "Sow the cress seeds in March; the sow and her piglets are in the barn.",
    "The worm farm needs damp newspaper.",
    "The door knob on the sleep room is loose.",
    "Kunt u het formulier voor vrijdag ondertekenen?",
    "A freak storm closed the roads.",
    "Bring a piece of fabric and an old sack for the sack race.",
    "Jam tart and custard for pudding.",
    "The trash can in the garden has a broken lid.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: disablist and harassing phrases", () => {
  it.each([
    ["get out the way you cripple", "disablist"],
    ["if you don't sleep with me you can forget the promotion", "harassment"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "The strike could cripple the bus service on Monday.",
    "Children who do not sleep after lunch have quiet time with me.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: animals, places and history stay clean", () => {
  it.each([
    "The city farm has hens and cocks; the cocks crow at dawn.",
    "We planted cock's comb flowers (celosia) by the gate.",
    "The venue is on Cock Lane, near Smithfield.",
    "Our breeder has two bitches due in March and brood bitches are health tested.",
    "Dogs and bitches are judged separately at the show.",
    "The donkey sanctuary keeps asses and mules; Balaam's ass speaks in the Bible.",
    "In the play Nick Bottom turns into an ass.",
    "Scope was once called the National Spastics Society.",
    "Sponsored walk along Offa's Dyke path; the dyke walk starts at 9.",
    "We drove through Dildo, Newfoundland, on holiday.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });

  it.each([
    ["you stupid bitches", "obscene"],
    ["kiss my ass", "obscene"],
    ["shut up you spastics", "disablist"],
    ["a bunch of cocks", "obscene"],
    ["a dirty dyke", "homophobic"],
  ])("still finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });
});

describe("abusive-language coverage: plurals and endings of listed insults", () => {
  it.each([
    "bunch of dumbasses",
    "you jackasses",
    "a pair of douchebags",
    "dimwits, halfwits and nitwits",
    "you numbskulls",
    "plonkers, the lot of them",
    "a gang of wazzocks",
    "utter scumbags",
    "those mingers",
    "a bunch of cockwombles",
    "the nutjobs upstairs",
    "you spazzes",
    "you pillocks",
    "you pricks",
    "bunch of losers",
  ])("finds %s", (text) => {
    expect(abuseHits(text)).not.toEqual([]);
  });

  it.each([
    "Finger pricks for Maya's blood sugar at 10 and 2.",
    "Losers of the egg-and-spoon race still get a sticker.",
    "The Moroney family have sent in their forms.",
    "The older children were skanking to ska music at the party.",
    "Mr Pratt's class visited Pratts Bottom.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: telling someone to harm themselves", () => {
  it.each([
    "go die in a fire",
    "neck yourself",
    "go hang yourself",
    "go drink bleach",
    "go jump off a bridge",
    "the world would be better off without you",
    "nobody would miss you",
    "unalive yourself",
  ])("finds %s as harassment", (text) => {
    expect(categories(text)).toContain("harassment");
  });

  it.each([
    "Keep bleach locked away: if a child drinks bleach, call 111.",
    "Please hang your coats on the pegs, not on the radiator.",
    "The fire safety talk: never jump off a bridge into the river.",
    "Then they go jump off the little wall onto the crash mat.",
    "We will miss you so much, the room won't be the same without you!",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: threats of violence in other words", () => {
  it.each([
    "I will hunt you down",
    "I'll set you on fire",
    "I'll slit your throat",
    "someone should throw acid in her face",
    "I will batter you",
    "i will smack you",
  ])("finds %s as threat", (text) => {
    expect(categories(text)).toContain("threat");
  });

  it.each([
    "Pancake batter: you will need eggs, flour and milk.",
    "We'll hunt for conkers in the park.",
    "The acid test is whether parents read it.",
    "Lemon juice is an acid; the children tested it with red cabbage water.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: sexual slurs and harassment", () => {
  it.each([
    ["these hoes ain't loyal", "sexual"],
    ["she's such a hoe", "sexual"],
    ["thots everywhere", "sexual"],
    ["upskirt pics", "sexual"],
    ["she's jailbait", "sexual"],
    ["I'd bend her over the desk", "sexual"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "The garden hoes are in the shed; bring a Dutch hoe on Saturday.",
    "We'll hoe the onion bed and rake the path.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: more slurs by kind", () => {
  it.each([
    ["he's a battyman", "homophobic"],
    ["bunch of shirt lifters", "homophobic"],
    ["that arse bandit", "homophobic"],
    ["a load of troons", "homophobic"],
    ["stop being a nancy boy", "homophobic"],
    ["ching chong", "racist"],
    ["that half breed", "racist"],
    ["christ killers", "racist"],
    ["he jewed me on the price", "racist"],
    ["you downie", "disablist"],
    ["a total nutcase", "disablist"],
    ["you little gimp", "disablist"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "The golf trip is to Royal Troon in June.",
    "Nancy's boy starts in Acorns on Monday.",
    "Edit the photos in GIMP before printing them.",
    "The Ching Ming festival is in April.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: more insults aimed at a person", () => {
  it.each([
    "bunch of chavs",
    "the trollop next door",
    "he's a paedo",
    "braindead comment",
    "mouth breathers like you",
    "knuckle draggers",
    "you simpleton",
    "ignorant eejit",
    "you clowns broke the build",
    "absolute melt",
    "what a tit",
    "fat landwhale",
    "pizza face",
    "libtards",
    "you asshat",
    "neckbeards",
  ])("finds %s", (text) => {
    expect(categories(text)).not.toEqual([]);
  });

  it.each([
    "We read a Trollope novel at book club.",
    "The children loved the clowns at the party.",
    "Melt the butter, then you stir in the oats.",
    "Blue tit, great tit and coal tit on the feeder: tit for tat.",
    "Fatty foods are limited on the menu.",
    "The safeguarding course covered paedophiles' grooming tactics.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: slurs and insults found missing on the training rows", () => {
  it.each([
    ["disgusting sodomites", "homophobic"],
    ["curry munchers next door", "racist"],
    ["you fat slob", "insult"],
    ["what a twerp", "insult"],
    ["nice legs, shame about the face", "insult"],
    ["I hope you rot", "harassment"],
    ["rot in hell", "harassment"],
    ["I'll put a brick through his window", "threat"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "The apples will rot if we leave them in the bag.",
    "We bought a curry from the takeaway and some bricks for the garden wall.",
    "The ringers caught a cock blackbird and a cock chaffinch.",
    "Put the brick back through the gap in the fence.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: insults, sexism and threats at length", () => {
  it.each([
    ["you talentless hack", "insult"],
    ["you are a parasite", "insult"],
    ["you lying little weasel", "insult"],
    ["You are vile.", "insult"],
    ["you are disgusting", "insult"],
    ["should have been put down at birth", "harassment"],
    ["ignorant peasant", "insult"],
    ["the staff are inbred yokels", "insult"],
    ["Stupid woman, sit down", "insult"],
    ["she's a sket", "sexual"],
    ["get back in the kitchen", "insult"],
    ["string him up", "threat"],
    ["I'll run you over", "threat"],
    ["filthy tinkers", "racist"],
    ["goat botherers", "racist"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "We sang Pop Goes the Weasel at circle time.",
    "Head lice are parasites; please check your child's hair.",
    "The lab used an inbred strain of mice.",
    "A car will run you over if you don't stop, look and listen.",
    "The bitch is in season, so keep her away from the dogs.",
    "Mary and Joseph, the ox and the ass, and three kings.",
    "After washing up, the children went back to the kitchen for snack.",
    "The bunting is strung up across the hall.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: slurs and crude words a peer's list has", () => {
  it.each([
    ["bloody abos", "racist"],
    ["a boonga", "racist"],
    ["africoon", "racist"],
    ["arabush", "racist"],
    ["abeed", "racist"],
    ["you turd", "insult"],
    ["doggystyle", "sexual"],
    ["fisting", "sexual"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "The cuckoo clock in the home corner needs a new battery.",
    "Cuckoos lay their eggs in other birds' nests.",
    "Saturday's fun day starts at 10.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });

  it("reads 'polish a turd' as coarse (off by default), not as obscene or an insult", () => {
    expect(categories("Honestly, you can't polish a turd: let's rewrite the module.")).toEqual(["coarse"]);
  });
});

describe("abusive-language coverage: calling yourself a name is not abuse", () => {
  it.each([
    "Sorry, I'm an idiot, I attached the wrong file.",
    "I am such an idiot - the rota I sent was last week's.",
    "I made an idiot of myself at the quiz night.",
    "What a numpty I am, I left my keys at work.",
    "I felt a right prat when I walked into the wrong meeting.",
    "I feel like an idiot for missing that.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });

  it.each(["you idiot", "he's such an idiot", "what a numpty", "you're a prat", "I'm not the idiot, you are an idiot"])("still finds %s", (text) => {
    expect(abuseHits(text)).not.toEqual([]);
  });
});

describe("abusive-language coverage: a name called at someone else is still found", () => {
  it.each(["you look like an idiot", "he was such an idiot", "they're such numpties, and he's a prat"])("finds %s", (text) => {
    expect(abuseHits(text)).not.toEqual([]);
  });
});

describe("abusive-language coverage: professional compounds and idioms stay clean", () => {
  it.each([
    "The psycho-social assessment is booked for Tuesday.",
    "She offers psycho-educational support to families.",
    "Please don't slag off the council on the parents' page.",
    "And then, in a poof of smoke, the magician vanished.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });

  it.each([
    ["he's a total psycho", "disablist"],
    ["she's a slag", "insult"],
    ["he's a poof", "homophobic"],
  ])("still finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });
});

describe("abusive-language coverage: 'shoot you an email' and seabirds stay clean", () => {
  it.each([
    "I'll shoot you an email once the invoices are in.",
    "Give me ten minutes and I'll shoot you a quick message with the times.",
    "I will shoot you the details for the trip tomorrow.",
    "On the boat trip we counted eleven shags on the harbour wall.",
    "Shags are smaller than cormorants and have a green sheen.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });

  it.each([
    ["I will shoot you if you come near my kids.", "threat"],
    ["next time i'll shoot you, understand?", "threat"],
    ["he shags anything that moves", "sexual"],
  ])("still finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });
});

describe("abusive-language coverage: insult frames around ambiguous nouns", () => {
  it.each([
    "you lying snake",
    "she's such a cow to the new starters",
    "get out of my room, you pigs",
    "you dirty rat, you took my parking space",
    "you snakes, every one of you",
    "you utter knob",
    "you absolute clown",
    "shut it, you weasels",
  ])("finds %s as an insult", (text) => {
    expect(categories(text)).toContain("insult");
  });

  it.each([
    "Did you see the rats in the loft? Pest control comes on Tuesday.",
    "At the farm you can feed the pigs and stroke the cows.",
    "When you land on a snake's head you slide down: snakes and ladders for Rainbow Room.",
    "Thank you so much for the knobs on the new cupboard doors.",
    "Such a cold day for the farm trip, wrap up warm.",
    "Can you help me draw a cow and a pig for the display?",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: dehumanising, menace and sexist put-downs in ordinary words (issue 10)", () => {
  it.each([
    ["immigrants are vermin", "racist"],
    ["Immigrants are animals, all of them", "racist"],
    ["they're cockroaches, not people", "racist"],
    ["vermin not people", "racist"],
    ["gas the lot of them", "threat"],
    ["I know where your kids go to school.", "threat"],
    ["i know which school your kids go to", "threat"],
    ["nice car. shame if something happened to your windows", "threat"],
    ["she slept her way to the top", "harassment"],
    ["she got the job because of her looks", "harassment"],
    ["women belong in the kitchen", "insult"],
    ["what a disgusting pig", "insult"],
    ["vile creep", "insult"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "Immigrants are welcome at the coffee morning; the flyer is in six languages.",
    "I know where your kids' wellies are: in lost property by the door.",
    "It would be a shame if something happened to spoil the party.",
    "Rats and mice are vermin, so please keep the snack tub closed.",
    "She got the job because of her experience with SEN.",
    "The children made a kitchen for the role play corner.",
    "We found a creepy crawly and a fat worm on the nature walk.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});

describe("abusive-language coverage: online put-downs (issue 10)", () => {
  it.each([
    ["you're so dumb it hurts", "insult"],
    ["u r dumb", "insult"],
    ["go get cancer and die", "threat"],
  ])("finds %s as %s", (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    "The film was dubbed, so the dialogue felt dumb-founded and flat.",
    "He was deaf and dumb, the old records say; we say deaf and non-speaking now.",
    "Cancer Research UK: get cancer screening information at the GP surgery.",
  ])("finds nothing in %s", (text) => {
    expect(abuseHits(text)).toEqual([]);
  });
});
