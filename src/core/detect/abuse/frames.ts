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

/**
 * Finds an insult frame in a text, as a lexicon hit of category `insult` whose term is the words
 * found (the first place only; spaces between the words, no line breaks or punctuation).
 * @param text - any text
 * @returns at most one hit
 */
export function frameHits(text: string): LexiconHit[] {
  frame ??= new RegExp(insultFrame(insult.phrase), "i");
  const m = frame.exec(text);
  return m ? [{ entry: { term: m[0].toLowerCase(), category: "insult", mode: "phrase" }, start: m.index, end: m.index + m[0].length }] : [];
}
