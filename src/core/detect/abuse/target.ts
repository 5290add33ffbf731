/**
 * Whom a rough word is aimed at: the writer rather than a person. Staff write "I'm such a
 * plonker", "Me being a total idiot, I locked the keys in the shed", "Turned up on the wrong day
 * like an idiot": no one is insulted. The same words aimed at someone still count: "You parked like
 * an idiot", "Tom drives like an idiot", "I'm not an idiot".
 *
 * Read by structure, on the words of the word's sentence before it: that the writer says it of
 * themself or of their own side.
 */

/**
 * The words of a sentence before a rough word that aim it at the writer:
 * - the writer or their own side as its subject: "I'm such a", "I felt like a complete", "we looked
 *   like", "made me look a right", "Me being a total"; or how the writer was treated ("treated like
 *   an": heat, not abuse). "I'm not an idiot" is said at someone;
 * - "like a" in a sentence of the writer's own doing: "Turned up on the wrong day like an", "I
 *   stood there like a", "Brought sunglasses like an" (not "You parked like an", "Tom drives like
 *   an", "I watched him park like an");
 * - "what a" (with "… I am" after the word: see `no-abusive-language`).
 */
export const AIMED_AWAY =
  /(?:^ *(?:i|\w+(?:ed|ght))\b(?:(?!\b(?:you|s?he|the[ym]|h[ei][rm])\b).)* like|\b(?:(?:i|we)(?:['’]?(?:m|re)| am| are| was| were| feel| felt| look| looked)(?: like)?|made (?:me|us) (?:look|feel)(?: like)?|(?:i|we)(?:['’]?ve| have) been|(?:treat|talk|speak|spok)\w*(?: to)?(?: me| us)? like|me being))(?: (?:such|an?|total|complete|absolute|utter|right|proper|massive|silly|daft|bloody|old))* *$|\bwhat an? *$/i;
