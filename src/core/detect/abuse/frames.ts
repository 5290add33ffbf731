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

/** Who an insult is aimed at ("you're" may be written with any apostrophe or none). */
const AIMED = "you|u|ya|(?:you.?re|ur|your|you are|s?he.?s|s?he is)(?: such)? an?|you(?:.?re| are) all";

/** Words that may stand before or between the adjectives without insulting by themselves ("foreign", "mouth" of "mouth breather"). */
const MILD = "little|old|big|absolute|total|complete|utter|right|proper|real|foreign|mouth";

let frame: RegExp | undefined;

/**
 * The frame learnt from phrases, as the source of a regular expression (read ignoring case):
 * aimed words, then an adjective, perhaps another or a mild word, then a noun (or its plural).
 * Phrases starting with "you" or a mild word teach nothing.
 * @param phrases - the insult list's phrases
 * @returns the expression's source
 */
export function insultFrame(phrases: readonly string[]): string {
  const adjectives = new Set<string>();
  const nouns = new Set<string>();
  for (const p of phrases) {
    const [a, b, more] = p.split(" ");
    if (b && !more && !`you|${MILD}`.split("|").includes(a as string)) {
      adjectives.add(a as string);
      nouns.add(b);
    }
  }
  const a = [...adjectives].join("|");
  return `\\b(?:${AIMED}) +(?:(?:${MILD}) +)?(?:${a}) +(?:(?:${a}|${MILD}) +)?(?:${[...nouns].join("|")})s?\\b`;
}

/** Groups of people spoken of as one ("immigrants", "you people", "their lot"). */
const GROUP =
  "(?:immigrants?|migrants?|refugees?|asylum seekers|illegals|foreigners|muslims|jews|gays|gay people|blacks|black people|gypsies|travellers|pakis|arabs|asians|romanians|africans|poles|trannies|queers|(?:these|those|you) people|their lot|your lot|your kind|people like (?:you|them))";

/** Whom a wish of death or harm is said of: a group, the reader, a person ("journalists like you"). */
const WISHED = `(?:${GROUP}|you|u|he|she|(?:all|the lot|every (?:last |single )?one) of (?:you|them)|\\w+ like (?:you|u|them))`;

/** Words that make a group vermin or animals ("asylum seekers are cockroaches"). */
const VERMIN = "vermin|parasites|cockroaches|animals|apes|rats|scum|savages|leeches|subhuman|filth|a plague|a disease|a cancer|invaders|not human";
/** Words that make a group thieving or smelly ("a thieving gypsy"). */
const SLUR_ADJ = "thieving|filthy|dirty|smelly|stinking|greedy|scrounging|sponging|bloody|lazy";
/** What a person or group is wished ("should be shot"). */
const HARM = "shot|gassed|hanged|exterminated|sterili[sz]ed|strung up|wiped out|lined up against a wall|lined up and shot|culled|drowned|harpooned|burn(?:ed|t) alive|castrated";
/** Nouns that insult a person they are aimed at ("ur a total degenerate"). */
const INSULT_NOUN = "dropkick|wasteman|drongo|crackhead|nobody|walking (?:abortion|disaster)|freak of nature|abomination|degenerate|lowlife|scumbag|neanderthal|subhuman|inbred|pervert|creep|weirdo|disgrace|embarrassment|failure|nonce";

/**
 * Abuse in ordinary words that no list holds as written, one expression per class, read ignoring
 * case: a group called vermin or animals or not to be allowed, or called thieving or smelly;
 * "go back to your own country"; wishing a person or group killed; telling someone to jump off a
 * bridge; "get raped" said to someone; an insulting noun aimed at a person ("you're a walking
 * disaster", "she's a degenerate"). Each needs the aimed or group words, so the same nouns about
 * pests, photographs, divers and spreadsheets stay clean (frames.test.ts).
 *
 * Each class is [category, key words, expression]: the expression is
 * made and run only on a text holding one of its key words (an expression this size costs
 * milliseconds the first time it runs, which the first check after start-up would pay).
 */
const CLASSES: readonly (readonly [string, string, string])[] = [
  ["racist", `${VERMIN}|allowed`, `\\b${GROUP}(?:(?:,| are| r| is)? (?:all |just |nothing but |like )*(?:${VERMIN})\\b| (?:should not|shouldn.?t|should never) be allowed)`],
  ["racist", SLUR_ADJ, `\\b(?:${SLUR_ADJ}) (?:${GROUP}|gypsy|yanks|jew|muslim|arab|romanian|bangladeshis|pakistanis|indians|eastern europeans|scousers?)\\b`],
  ["racist", "back", "\\b(?:go|fuck off|piss off|send (?:them|em|the lot)(?: all)?) back (?:(?:to|home to) )?(?:(?:your|their|ur) (?:own )?countr|where (?:you|they|u) came from|africa|the jungle|the desert|the trees|picking cotton)"],
  ["threat", HARM, `\\b${WISHED}(?: all)? (?:should|must|need to|ought to|deserve to)(?: all)? (?:be|get) (?:${HARM})\\b`],
  ["harassment", "jump|bleach|raped", "\\b(?:go|just|and|then|pls|please|should) (?:go )?(?:and )?(?:jump off (?:a|the|ur|your) (?:\\w+ )?(?:bridge|cliff|building|roof|tower|balcony)|drink (?:some )?bleach)|(?:^|[.!?\\n] *)(?:go )?get raped\\b"],
  ["insult", INSULT_NOUN, `\\b(?:ur|your|you.?re|you are|u r|s?he.?s)(?: such)? an? (?:\\w+ )?(?:${INSULT_NOUN})\\b`],
];

type Class = { category: string; key: RegExp; source: string; re?: RegExp };
let classes: Class[] | undefined;

/**
 * Finds insult frames and the other classes of abuse in ordinary words in a text, each as a
 * lexicon hit whose term is the words found (the first place of each only; spaces between the
 * words, no line breaks).
 * @param text - any text
 * @returns at most one hit per class, the insult frame first
 */
export function frameHits(text: string): LexiconHit[] {
  frame ??= new RegExp(insultFrame(insult.phrase), "i");
  classes ??= CLASSES.map(([category, key, source]) => ({ category, key: new RegExp(key, "i"), source }));
  const hits: LexiconHit[] = [];
  for (const k of [{ category: "insult", re: frame }, ...classes]) {
    const m = "key" in k && !k.key.test(text) ? null : (k.re ??= new RegExp((k as Class).source, "i")).exec(text);
    if (m) hits.push({ entry: { term: m[0].toLowerCase(), category: k.category, mode: "phrase" }, start: m.index, end: m.index + m[0].length });
  }
  return hits;
}
