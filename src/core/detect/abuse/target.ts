/**
 * Whom a rough word is aimed at: a thing, an animal or the writer rather than a person. Staff write
 * "My cat is such an idiot", "My phone is being an idiot", "I'm such a plonker",
 * "Turned up on the wrong day like an idiot": no one is insulted. The same words aimed at someone
 * still count: "My manager is such an idiot", "The bus driver is an idiot" (a person named after a
 * thing), "the woman with the printer is an idiot", "You parked like an idiot", "Tom drives like an
 * idiot", "I'm not an idiot".
 *
 * Read by structure, on the words of the word's sentence before it: what it is said of ("the / this
 * / my … X is so / such a …", with X a thing or an animal), or that the writer says it of themself
 * or of their own side. A noun not on the short list of things counts as a person, so that no word
 * aimed at someone is let off by a noun the list has not heard of.
 */

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
 * - "what a" (with "… I am" after the word: see `no-abusive-language`).
 */
export const AIMED_AWAY =
  /(?:^ *(?:\w+, *)?(?:(?:the|this|that|my|our)(?: [\w'’-]+){0,2} (?:printer|laptop|computer|tablet|phone|app|system|machine|kettle|cat|dog|pupp(?:y|ie)|kitten|hamster)s?(?: (?:in|at|we|i)\b[^,]{0,30})? (?:is|was|are|were)(?: being)?|(?:i|\w+(?:ed|ght))\b(?:(?!\b(?:you|s?he|the[ym]|h[ei][rm])\b).)* like)|\b(?:(?:i|we)(?:['’]?(?:m|re)| am| are| was| were| feel| felt| look| looked)(?: like)?|made (?:me|us) (?:look|feel)(?: like)?|(?:i|we)(?:['’]?ve| have) been|(?:treat|talk|speak|spok)\w*(?: to)?(?: me| us)? like|me being))(?: (?:so|such|an?|total|complete|absolute|utter|right|proper|massive|silly|daft|bloody|old|little|\w+ly))* *$|\bwhat an? *$/i;
