/**
 * Insults aimed at a person in ordinary words, which no list holds as they are written: "you
 * pathetic little worm", "you're a disgusting pig", "she's such a lazy slob".
 *
 * The insult list's two-word phrases ("lazy cow", "spineless worm", "fat slob") teach which
 * adjectives insult and which nouns are used as insults; a frame reads any of those adjectives
 * (one or two, perhaps with "little", "old"…) and any of those nouns aimed at someone ("you",
 * "you're a", "he's such a"…). So each adjective–noun phrase added to `data/abusive/insult.json`
 * also teaches the frame, at no cost in the on-send bundle beyond the phrase itself.
 *
 * Farm visits, nature walks and children's play stay clean: an animal word counts only with an
 * insulting adjective and aimed at a person ("the children loved the pig", "what a whale of a
 * time", "in the play he's a little pig" are not insults). One regular expression, read ignoring
 * case over the text as written (not the lexicon's obfuscation-reading matcher), so stretched or
 * masked spellings ("cowwww", "w0rm") are left to the lists.
 */
import insult from "../../data/abusive/insult.json";
import type { LexiconHit } from "../lexicon";
import { DIRECT, GROUP, UNSAID, VILE } from "./direct";
import { MAX_MODEL_CHARS } from "../features";
import { compiledNow } from "../../text/regex-compat";

/** Who an insult is aimed at ("you're" may be written with any apostrophe or none). */
const AIMED = "you|u|ya|(?:you.?re|ur|your|you are|s?he.?s|s?he is|what)(?: such)? an?|you(?:.?re| are) all(?: a bunch of)?";

/** Words that may stand before or between the adjectives without insulting by themselves ("foreign", "mouth" of "mouth breather"). */
const MILD = "little|lil|old|big|absolute|total|complete|utter|right|proper|real|foreign|mouth";

let frame: RegExp | undefined;

/**
 * The frame learnt from phrases, as the source of a regular expression (read ignoring case):
 * aimed words, then an adjective, perhaps another or a mild word, then a noun (or its plural).
 * Phrases starting with "you" or a mild word teach nothing.
 * @param phrases - the insult list's phrases
 * @returns the expression's source
 */
export function insultFrame(phrases: readonly string[]): string {
  const [a, nouns] = learnt(phrases);
  return `\\b(?:${AIMED}) +(?:(?:${MILD}) +)?(?:${a}) +(?:(?:${a}|${MILD}) +)?(?:${nouns})s?\\b`;
}

/**
 * The adjectives and nouns the insult list's two-word phrases teach, each joined by `|`.
 * @param phrases - the insult list's phrases
 * @returns [adjectives, nouns]
 */
function learnt(phrases: readonly string[]): [string, string] {
  const adjectives = new Set<string>();
  const nouns = new Set<string>();
  for (const p of phrases) {
    const [a, b, more] = p.split(" ");
    if (b && !more && !`you|${MILD}`.split("|").includes(a as string)) {
      adjectives.add(a as string);
      nouns.add(b);
    }
  }
  return [[...adjectives].join("|"), [...nouns].join("|")];
}

/**
 * Slang insults for a person, which are ordinary words elsewhere ("a clown at the party", "the
 * tool kit", "a creep of ivy"): counted only aimed at someone and ending the phrase, as in "ur a
 * clown", "you absolute fraud", "he's a creep.", "shut up loser".
 */
const SLANG = "clown|loser|tool|simp|fraud|thug|troll|junkie|smackhead|freak|goblin|bozo|dork|jerk|hoe|hag|joke|melt|fatty|muppet|twit|git|prick|heifer|knob|tit|slob|turd|parasite|weasel|peasant|rat|snake|liar";

/**
 * The slang frame: you (not "thank you"), "you're a", "he's such a", "shut up", perhaps some of
 * the insult list's adjectives ("you filthy junkie"), a slang noun, then the end of the phrase;
 * or something called rubbish "and so are you".
 * @param filler - the words allowed between the aimed words and the noun (by default the insult
 *   list's adjectives and mild words; `frameHits` reads any one to three words when asked to)
 * @returns the expression's source
 */
function slangFrame(filler = `(?:,? (?:${learnt(insult.phrase)[0]}|${MILD}|f\\w*ing))*`): string {
  return `(?:(?:^|\\b(?!thank|bless)\\w+\\W+)(?:you|u|ya)|\\b(?:shut up|stfu|what an?(?![\\w ]{0,30}\\b(?:joke|tool|failure|disgrace|embarrassment)\\b)|(?:ur|your|you.?re|you are|u r|s?he.?s|s?he is|(?:yo)?u look like)(?: such)? an?))${filler} (?:${SLANG}|${INSULT_NOUN})s?(?=\\s*(?:[^\\w ]|$|(?:and|but|who|lol|lmf?ao|mate|bro|tbh|af|smh|haha|nobody|go|you|u)\\b))|\\b(?:${VILE}|rubbish|crap|shit|useless|stupid|pile) and so are (?:you|u)\\b`;
}

/** An emoji (its first UTF-16 unit), which may end an insult as a full stop does in tweets ("ugly little troll 😂"). */
const EMOJI = "[\\ud83c-\\ud83e]";

/**
 * Nouns for a person or people that insult alone, said as a sentence or after a comma, as one
 * calls someone by name (a vocative): "Pipe down, pervert.", "Bleeding us dry, leeches.", "Burn it
 * down. Vermin."; "Animals." only as a sentence of its own ("farm animals, wild animals." stay clean).
 */
const BARE = "vermin|leeche|savage|invader|loser|pervert|creep|degenerate|lowlife";

/** Adjectives that open a sentence that is only an insult, besides the insult list's ("Frigid cow, no wonder…", "cringe loser"). */
const SCORN = "thick|frigid|cringe|whiny|snivelling|gutless";

/**
 * A sentence that is only an insult: an insulting adjective the insult list teaches (or one of
 * {@link SCORN}) at its start, perhaps more ("pathetic, whiny little …"), then a noun the list
 * teaches or a slang noun, ending the sentence or followed by words at the reader ("Frigid cow,
 * no wonder you're single"); not a list of animals in a story ("Dirty pig, muddy duck"), nor a
 * "silly sausage" or a joke. Read in one expression with the slang frame ({@link slangFrame}),
 * whose nouns it shares, so a text is searched for those nouns once.
 * @returns the key words (the nouns, or "so are") and the source of the two frames in one expression
 */
function scornFrame(): [string, string] {
  const [a, learntNouns] = learnt(insult.phrase);
  const adj = `${a}|${SCORN}`;
  // Nouns the list's phrases teach that are everyday words ("you" of "screw you", "face", "off") are left to those phrases.
  const nouns = `${learntNouns.split("|").filter((n) => !/^(?:dead|off|waste|ugly|sack|face|af|asf|you)$/.test(n)).join("|")}|${SLANG}|${INSULT_NOUN}`;
  return [
    `\\b(?:${nouns}|${BARE}|animal)s?\\b|so are`,
    `${slangFrame()}|(?:(?:^|[.!?\\n] *|, *)(?:${adj})(?:,? (?:${adj}|${MILD}))* (?:${nouns})|[.!?] +animal|(?:[.!?] +|, *)(?:(?:${MILD}) )?(?:${BARE}))s?(?=\\s*(?:[.!?\\n]|$|${EMOJI}|, *(?:you|your|ur|u|no|even|go|get)\\b| of an? (?:man|woman)\\b))`,
  ];
}

/** Words that make a group vermin or animals ("asylum seekers are cockroaches"). */
const VERMIN = "vermin|parasites|cockroaches|animals|apes|rats|scum|savages|leeches|subhuman|filth|a plague|a disease|a cancer|invaders|not human";
/** Words that make a group thieving or smelly ("a thieving gypsy"). */
const SLUR_ADJ = "thieving|filthy|dirty|smelly|stinking|greedy|scrounging|sponging|bloody|lazy";
/**
 * Animals a person or people are called, to say they are not human ("she's a walrus", "they're
 * animals", "his wife is a dog"): counted only said of someone ("you're", "he's", "they're") with
 * at most a few plain or insulting words between, ending the phrase or the sentence; "he's a dog
 * person", "she's a cheeky monkey", "you're a little monkey", "he's a donkey and she's a sheep in
 * the nativity" stay clean. Cows and pigs are left to the lists ("you cow", "fat pig") and the
 * insult frame, as role play names them ("he's a little pig and she's a cow"); rats, snakes and
 * weasels are slang nouns ({@link SLANG}).
 */
const BEAST = "monkey|ape|gorilla|baboon|chimp|walrus|whale|hippo|swine|donkey|cockroach|slug|maggot|rodent|leech|dog|warthog|hyena|animal";

/** A person, or a part of one, that a word for looks may be said of ("your mum", "his face", "fat cow"). */
const PERSON = "people|m[ae]n|wom[ae]n|girls?|kids?|children|bird|bitch|cow|slob|face|mug|mouth|arse|mum";

/** Words that may stand between a person and a word for looks said of them ("you're too", "people this", "she looks"). */
const SO = "(?: (?:are|is|r|was|so|too|very|this|look\\w*|\\w+ly))";

/** Words for how someone looks, and "thick" for their wits. */
const LOOK = "fat(?:ter|test)?|ugl(?:y|ier|iest)|hideous|obese|hairy|skinny|scrawny|saggy|flabby|thick";

/**
 * A word for looks or wits said of a person, to put them down: after you, he, she or "imagine being"
 * ("you're too fat", "are you thick", "she's hideous", "are you actually this stupid", "imagine being
 * this ugly"; "stupid", "dumb" and "dense" only there, not "people are stupid" of counter-speech, nor
 * "dumb-founded"), after "your", "him", "her" or a person and a verb or an intensifier
 * ("your so hairy", "people this ugly", "your face is hideous"), or before a person, at most two words
 * between, ending the phrase or before a verb ("the fat sweaty slob at reception", "your ugly kids,",
 * "fat people shouldn't"), not a thing for people ("the children's menu", "the kids club"). The same
 * words describe logos, rooms, food and paint ("that logo is hideous", "you've made the logo ugly",
 * "your new website is hideous", "the sofa is saggy", "thick fog"): those are not read, and
 * `frameHits` counts one only in a message the heated model reads as hostile ({@link LOOKS_MIN}),
 * not in a sentence about the writer ("I'm fat and I'm fine"), nor after a negation or a reporting
 * verb ("nobody said you were fat").
 */
// Searched in every check, as are the frames' expressions below (`compiledNow`: machine code at once).
const LOOKS = compiledNow(new RegExp(
  `\\b(?:(?:you|u|ur|s?he|imagine being)(?:.?(?:re|s))?${SO}* (?:stupid|dumb|dense|${LOOK})(?!-)|(?:your|him|her|${PERSON})${SO}+ (?:${LOOK}))\\b|\\b(?:${LOOK})(?: [\\w-]+){0,2}? (?:${PERSON})(?=\\s*(?:[^\\w\\s'’-]|$|(?:and|at|in|on|out|of|with|like|who|you|u|is|are|was|should|can|could|will|would|must|do)n?\\b))`,
  "i",
));

/** The heated model's probability for the whole message from which a loose insult frame counts (see {@link loose}). */
const LOOSE_MIN = 0.3;
/** The heated model's probability for the whole message from which a word for looks ({@link LOOKS}) counts. */
const LOOKS_MIN = 0.5;

/** Nouns that insult a person they are aimed at ("ur a total degenerate"). */
const INSULT_NOUN = "dropkick|wasteman|drongo|crackhead|nobody|walking (?:abortion|disaster)|freak of nature|abomination|degenerate|lowlife|scumbag|neanderthal|subhuman|inbred|pervert|creep|weirdo|disgrace|embarrassment|failure|nonce";

/**
 * Abuse in ordinary words that no list holds as written, one expression per class, read ignoring
 * case: a group called vermin or animals ("foreign rats", "foreigners breed like rats") or not to be allowed or
 * welcome ("Gypsies and dogs not welcome", not "not welcome to be stereotyped"), or called thieving or smelly;
 * "go back to your own country", "send them all to Rwanda" (wishing a person or group killed is in `direct.ts`); telling someone to jump off a
 * bridge or drink bleach ("…warnings on bleach. Drink some."); "get raped" said to someone; an insulting noun
 * aimed at a person ("you're a walking disaster", "she's a degenerate"). Each needs the aimed or group words, so the same nouns about
 * pests, photographs, divers and spreadsheets stay clean (frames.test.ts).
 *
 * Each class is [category, key words, expression]: the expression is
 * made and run only on a text holding one of its key words (an expression this size costs
 * milliseconds the first time it runs, which the first check after start-up would pay).
 */
const CLASSES: readonly (readonly [string, string, string])[] = [
  ["racist", `${VERMIN}|allowed|welcome`, `\\b(?:${GROUP}|foreign)(?:(?:,| are| r| is| breed)? (?:all |just |nothing but |like )*(?:${VERMIN})\\b| (?:should not|shouldn.?t|should never) be allowed|(?: and \\w+)?(?: are)? not welcome(?= here| at this| in (?:this|our|my)|\\s*(?:[.!,]|$)))`],
  ["racist", SLUR_ADJ, `\\b(?:${SLUR_ADJ}) (?:${GROUP}|gypsy|yanks|jew|muslim|arab|romanian|bangladeshis|indians|scousers?)\\b`],
  ["racist", "back|rwanda", "\\b(?:go|fuck off|piss off|send (?:them|em|the lot)(?: all)?) back (?:(?:to|home to) )?(?:(?:your|their|ur) (?:own )?countr|where (?:you|they|u) came from|africa|the jungle|the desert|the trees|picking cotton)|\\bsend (?:them|em|the lot)(?: all)? to rwanda"],
  ["harassment", "jump|bleach|raped", "\\b(?:go|just|and|then|pls|please|should) (?:go )?(?:and )?(?:jump off (?:a|the|ur|your) (?:\\w+ )?(?:bridge|cliff|building|roof|tower|balcony)|drink (?:some |the )?bleach)|bleach\\W+drink some|(?:^|[.!?\\n] *)(?:go )?get raped\\b"],
  // An insulting noun aimed at a person; contempt: "nobody asked you", ending the phrase (not "nobody asked you to tidy up",
  // "nobody asked, nobody told us"); "crawl back into your hole", "…under whatever rock you came from" (not "the babies
  // crawl back under the parachute").
  [
    "insult",
    `${INSULT_NOUN}|no one asked|crawl`,
    `\\b(?:ur|your|you.?re|you are|u r|s?he.?s)(?: such)? an? (?:\\w+ )?(?:${INSULT_NOUN})\\b|\\bcrawl back (?:in\\w*|under) (?:your|whatever)|\\b(?:nobody|no one) asked(?: (?:you|u|ya))?(?=\\s*(?:[^\\w\\s,;:]|$|(?:lol|mate|bro|tho)\\b))`,
  ],
  // Telling someone to vanish in ordinary words, ending the phrase: "…, log off forever.", "lol delete your account", "make
  // her delete her account 😂" (not "The old system closes on Friday. Delete your account!", "go delete your account on
  // Tapestry", "lol log off forever? no chance", "if you want to log off forever from the portal"). "Do the world a favour
  // and disappear" was left out: its bytes, with no corpus row found (test/fixtures/aimed/aimed.ts).
  [
    "harassment",
    "log off|delete",
    `(?:(?:^|[.!?,] *|\\b(?:lol|lmao+|go) )log off forever|\\b(?:lol|lmao+|go|make (?:her|him)) delete (?:your|ur|her|his) account)(?= *(?:[^\\w ?]|$))`,
  ],
  // An animal a person or people are called: "she's a walrus", "they're filthy animals".
  [
    "insult",
    BEAST,
    `\\b(?:ur|you.?re|you are|u r|s?he.?s|s?he is|they.?re|they are|wife is)(?: (?:such|just|an?|proper|right|total|absolute|fat|big|ugly|dirty|filthy|fucking|all))* (?:${BEAST})s?(?=\\s*(?:[^\\w\\s']|$|(?:lol|mate|go|you|u)\\b))`,
  ],
];

/**
 * The slang frame with any one to three words before its noun, the last of them shaped like an
 * adjective or participle ("thieving", "aspie", "little", "attention-seeking"), not a noun that
 * makes a compound ("control freak", "gym rat", "circle jerk"): "you thieving little rat",
 * "u sad attention-seeking loser", "you thick Scouse robbing git". Alone it would also read "did
 * you see the funny joke?", so `frameHits` counts it only when the heated model finds the message
 * hostile as well (`no-abusive-language`).
 */
let loose: RegExp | undefined;

type Class = { category: string; key: RegExp; source: string; re?: RegExp };
let classes: Class[] | undefined;
let direct: Class[] | undefined;

/** At most this many places holding a direct frame's key words are read, each in a window of the text around it. */
const MAX_WINDOWS = 200;

/**
 * The first direct frame (`direct.ts`) in a text, read only in windows round its key words (90
 * characters before, 60 after), so its long expression never runs over a whole megabyte; a frame
 * after a negation or "saying" in its sentence, or just after an opening quotation mark, does not count.
 * @param text - any text
 * @param k - the frame
 * @returns the match, its index in the text's own offsets
 */
function directHit(text: string, k: Class): RegExpExecArray | undefined {
  // The frame's own key expression, made global once (`frameHits`): a new one per call, after a
  // first search by the frame's own, was about 1 % of a short message's check.
  const key = k.key;
  key.lastIndex = 0;
  const re = (k.re ||= new RegExp(k.source, "gi"));
  for (let m = key.exec(text), n = 0; m && n < MAX_WINDOWS; m = key.exec(text), n++) {
    const from = Math.max(0, m.index - 90);
    const window = text.slice(from, m.index + 60);
    re.lastIndex = 0;
    for (let f = re.exec(window); f; f = re.exec(window)) {
      f.index += from;
      if (!unsaidBefore(text, f.index)) return f;
    }
  }
  return undefined;
}

/**
 * Whether the sentence before `at` (on its line, at most 200 characters back) ends in a negation,
 * a reporting verb or an opening quotation mark ({@link UNSAID}): the words at `at` are not the sender's.
 * @param text - the whole text
 * @param at - where the frame's words start
 * @returns true when they are said to be untrue or someone else's
 */
function unsaidBefore(text: string, at: number): boolean {
  return UNSAID.test(sentenceBefore(text, at));
}

/**
 * The words of the sentence before `at`, on its line and at most 200 characters back.
 * @param text - the whole text
 * @param at - where the words found start
 * @returns the sentence's words before them
 */
export function sentenceBefore(text: string, at: number): string {
  return text.slice(Math.max(text.lastIndexOf("\n", at) + 1, at - 200), at).split(/[.!?;]/).pop() as string;
}

/**
 * Finds insult frames and the other classes of abuse in ordinary words in a text, each as a
 * lexicon hit whose term is the words found (the first place of each only; spaces between the
 * words, no line breaks).
 * @param text - any text
 * @param hostile - when given, the loose slang frame ({@link loose}) and a word for looks ({@link LOOKS})
 *   count too if this says the heated model reads the message as hostile, at least the probability
 *   given (asked only when such a frame or word is found)
 * @returns at most one hit per class, the insult frame first
 */
export function frameHits(text: string, hostile?: (min: number) => boolean): LexiconHit[] {
  frame ||= compiledNow(new RegExp(insultFrame(insult.phrase), "i"));
  // The slang frame and the insult-sentence frame share their key words (the nouns), so the text is searched for them once.
  classes ||= [...CLASSES, ["insult", ...scornFrame()] as const].map(([category, key, source]) => ({ category, key: compiledNow(new RegExp(key, "i")), source }));
  direct ||= DIRECT.map(([category, key, source]) => ({ category, key: compiledNow(new RegExp(`\\b(?:${key})`, "gi")), source }));
  const hits: LexiconHit[] = [];
  // A frame on words already found ("you're a disgusting" in "you're a disgusting pig", the slang frame's "you smug prick") adds nothing.
  const add = (category: string, m: RegExpExecArray | null | undefined): void => {
    if (m && !hits.some((h) => h.start < m.index + m[0].length && m.index < h.end)) hits.push({ entry: { term: m[0].toLowerCase(), category, mode: "phrase" }, start: m.index, end: m.index + m[0].length });
  };
  // Whether the text holds the key words of the class read last: the slang frame's nouns, asked again below.
  let nouns = false;
  for (const k of [{ category: "insult", re: frame }, ...classes]) {
    const m = "key" in k && !(nouns = k.key.test(text)) ? null : (k.re ||= new RegExp((k as Class).source, "i")).exec(text);
    // About a group, not after a negation or a reporting verb in its sentence: "calling immigrants vermin is vile",
    // "never tell them to go back to their own country".
    add(k.category, m && (k.category === "insult" || !unsaidBefore(text, m.index)) ? m : null);
  }
  // (No text is searched for a frame's key words twice: directHit finds nothing without them.)
  for (const k of direct) add(k.category, directHit(text, k));
  // Only on a text holding one of the slang frame's nouns (its key words, shared with the insult-sentence frame).
  if (hostile && nouns) {
    const m = (loose ||= new RegExp(slangFrame("(?: [\\w-]+){0,2} [\\w-]*(?:ing|ed|ie|y|ish|ful|less|ous|ic|ive|ble|ttle|id)"), "i")).exec(text);
    add("insult", m && hostile(LOOSE_MIN) ? m : null);
  }
  // A word for looks or wits said of a person, the first in what the heated model reads (a long text's first 12,000
  // characters), in a hostile message: not in a sentence about the writer ("I'm fat and I'm fine").
  if (hostile) {
    const m = LOOKS.exec(text.slice(0, MAX_MODEL_CHARS));
    const before = m ? sentenceBefore(text, m.index) : "";
    add("insult", m && !/\b(?:i|im|me|my|myself)\b/i.test(before + text.slice(m.index, m.index + 200).split(/[.!?\n]/)[0]) && !UNSAID.test(before) && hostile(LOOKS_MIN) ? m : null);
  }
  return hits;
}
