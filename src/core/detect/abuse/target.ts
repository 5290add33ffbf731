/**
 * Whom a rough word is aimed at: a thing, an animal or the writer rather than a person. Staff write
 * "My cat is such an idiot", "This printer is so stupid", "This stupid laptop keeps freezing", "The
 * slime we made was absolutely disgusting", "What an idiot I am", "Stupid me", "Turned up on the
 * wrong day like an idiot": no one is insulted (`no-abusive-language`), and the mail is no grievance
 * (`no-heated-tone`). The same words aimed at someone still count: "My manager is such an idiot",
 * "The bus driver is an idiot" (a person named after a thing), "the woman with the printer is an
 * idiot", "You parked like an idiot", "Tom drives like an idiot", "I'm not an idiot", "Your stupid
 * dog", and as heat "I was an idiot to trust this nursery".
 *
 * Read by structure, on the words of the word's sentence: what it is said of ("the / this / my … X
 * is so / such a …", "stupid X", with X a thing or an animal), or that the writer says it of
 * themself or of their own side. A noun not on the short list of things counts as a person, so that
 * no word aimed at someone is let off by a noun the list has not heard of.
 */
import { VILE } from "./direct";
import { sentenceBefore } from "./frames";

/**
 * The words of a sentence before a rough word that aim it at a thing, an animal or the writer:
 * - a thing opening the sentence (perhaps after a word and a comma), then "is / was (being)": "My
 *   cat is such an", "My phone is being an", "The dogs at the farm were absolute", "Honestly, my
 *   laptop is an" (not "the woman with the printer is an": the thing opens the sentence; not "the
 *   bus driver is an": only a place or "we / I …" stands between it and its verb). The things are
 *   machines and software and pets: a short list of what calm mail grumbles about, kept short for
 *   the on-send bundle;
 * - the writer or their own side as its subject: "I'm such a", "I felt like a complete", "we looked
 *   like", "made me look a right", "Me being a total"; or how the writer was treated ("treated like
 *   an": heat, not abuse). "I'm not an idiot" is said at someone;
 * - "like a" in a sentence of the writer's own doing: "Turned up on the wrong day like an", "I
 *   stood there like a" (not "You parked like an", "Tom drives like an", "I watched him park like an");
 * - "what a" (with "… I am" after the word: see {@link aimedAway}).
 */
/** The things, machines and pets of {@link AIMED_AWAY} and {@link BEFORE_THING}: what calm mail grumbles about. */
const THINGS = "(?:printer|laptop|computer|tablet|phone|app|system|machine|kettle|weather|rain|snow|traffic|slime|mess|cat|dog|pupp(?:y|ie)|kitten|hamster)s?";

const AIMED_AWAY = new RegExp(
  `(?:^ *(?:\\w+, *)?(?:(?:the|this|that|my|our)(?: [\\w'’-]+){0,2} ${THINGS}(?: (?:in|at|we|i)\\b[^,]{0,30})? (?:is|was|are|were)(?: being)?|(?:i|\\w+(?:ed|ght))\\b(?:(?!\\b(?:you|s?he|the[ym]|h[ei][rm])\\b).)* like)|\\b(?:(?:i|we)(?:['’]?(?:m|re)| am| are| was| were| feel| felt| look| looked)(?: like)?|made (?:me|us) (?:look|feel)(?: like)?|(?:i|we)(?:['’]?ve| have) been|(?:treat|talk|speak|spok)\\w*(?: to)?(?: me| us)? like|me being))(?: (?:so|such|an?|total|complete|absolute|utter|right|proper|massive|silly|daft|bloody|old|little|\\w+ly))* *$|\\bwhat an? *$`,
  "i",
);

/** The words after a rough word that aim it at a thing ("stupid laptop", "stupid door buzzer"; not "stupid bus driver", "stupid cat lady") or at the writer ("Stupid me"). */
const BEFORE_THING = new RegExp(`^ (?:(?:[\\w-]+ )?${THINGS}\\b(?! \\w+(?:er|or|man|lady)s?\\b)|me\\b)`, "i");

/** A "you" of courtesy, not of blame ("Thank you for covering!", "Could you delete the first one?", "See you at 9", "if you need me"). */
export const POLITE_YOU = /\b(?:thank|could|would|can|see) you\b|\bif you need/gi;

/** Rough words whose target decides whether they are heat: "stupid", "idiot", "useless", "disgusting", "pathetic"… */
const ROUGH = new RegExp(`^(?:stupid|idiot|moron|useless|${VILE})s?$`, "i");

/**
 * Whether the word at [start, end) is aimed at a thing, an animal or the writer, read on its
 * sentence before it ({@link AIMED_AWAY}; "what a …" only with "I am" after it).
 * @param text - the whole text
 * @param start - where the word starts
 * @param end - where it ends
 * @returns true when no person is its target
 */
export function aimedAway(text: string, start: number, end: number): boolean {
  const m = AIMED_AWAY.exec(sentenceBefore(text, start));
  return m !== null && (!/^what/i.test(m[0]) || /^ *i(?: am|['’]m| was)\b/i.test(text.slice(end, end + 8)));
}

/**
 * Whether a rough word ({@link ROUGH}) is aimed at no person as heat: {@link aimedAway}, or it stands
 * before a thing or "me" ("This stupid laptop", "Stupid me"); not in a sentence with a "you" other
 * than a courteous one ("I'm so stupid, I actually believed you would turn up", "Your stupid dog";
 * not "Could you…", "Thank you"), nor going on "to / enough" ("I was an idiot to trust this
 * nursery"): sarcasm and blame.
 * @param text - the whole text
 * @param start - where the word starts
 * @param end - where it ends
 * @returns true when the word is no heat aimed at anyone
 */
export function heatAimedAway(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 60).split(/[.!?\n]/)[0] as string;
  return ROUGH.test(text.slice(start, end)) && !/\byou(?!ng)|\0 (?:to|enough)\b/i.test(`${sentenceBefore(text, start)}\0${after}`.replace(POLITE_YOU, "")) && (BEFORE_THING.test(after) || aimedAway(text, start, end));
}
