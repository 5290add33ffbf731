/**
 * Webpack loader for the on-send bundle only, on the core's JSON data files:
 * - drops the documentation keys (`$comment`, `about`) at the top. Webpack already leaves out a
 *   JSON file's top-level keys that the code never reads, but not when the code takes the whole
 *   object (src/core/detect/abuse reads masked.json that way), and then the notes travelled
 *   with the handler. No code reads these keys (test/office/bundle.test.ts checks the bundle).
 * - sorts the lists whose order the code never reads (ORDER_FREE): sorted, lists deflate
 *   smaller (neighbours share their first letters and words, and compact-json's front coding
 *   leaves out more shared words). The source keeps its authors' order.
 */
"use strict";

/** Keys that hold notes for people, never data. */
const DOC_KEYS = ["$comment", "about"];

/**
 * Lists of src/core/data sorted in the bundle (file → paths of lists in it, `*` any key), each
 * one the code reads only as a set:
 * - the abusive categories' phrases: lexicon.ts finds a phrase by its words in a tree of words,
 *   one node per spelling (its entries, in list order, are the same phrase's), and orders hits by
 *   place; between hits on the same words dropSameSpan keeps the longer or the earlier listed,
 *   and two different phrases never read the same words. frames.ts learns the insult phrases'
 *   adjectives and nouns as alternatives each of which must end a word (a space, comma or the
 *   phrase's end follows), so at one place at most one length can match, in any order.
 *   (Words, prefixes and within-word terms stay in order: a masked letter, `g*ppo`, can read as
 *   two listed words, and then the earlier listed is the one reported.)
 * - their allow lists: lexicon.ts's isAllowed asks whether any of them covers the hit;
 * - meaningless subjects (a Set) and the file types (Sets, `includes`, `some`);
 * - the heated tone's acronyms, emphasis words, fragments and pointed "why" words, and the
 *   commitment's hedges (each made a Set, read by `has`).
 */
const ABUSIVE_PHRASES = ["phrase", "allow/*"];
const ORDER_FREE = {
  "abusive/coarse.json": ABUSIVE_PHRASES,
  "abusive/disablist.json": ABUSIVE_PHRASES,
  "abusive/harassment.json": ABUSIVE_PHRASES,
  "abusive/homophobic.json": ABUSIVE_PHRASES,
  "abusive/insult.json": ABUSIVE_PHRASES,
  "abusive/obscene.json": ABUSIVE_PHRASES,
  "abusive/racist.json": ABUSIVE_PHRASES,
  "abusive/sexual.json": ABUSIVE_PHRASES,
  "abusive/threat.json": ABUSIVE_PHRASES,
  "subject/meaningless.en.json": ["subjects"],
  "attachments/file-types.json": ["*/extensions", "*/contentTypes", "*/contentTypePrefixes", "*/excludedContentTypes"],
  "tone/heated.en.json": ["acronyms", "emphasis", "fragments", "flatFragments", "pointedWhy"],
  "commitment/phrases.en.json": ["hedges"],
};

/**
 * Sorts, in place, the lists of strings at the given paths of a JSON value.
 * @param {unknown} value
 * @param {string[]} paths - e.g. "allow/*"
 * @returns {number} how many lists were sorted
 */
function sortLists(value, paths) {
  let sorted = 0;
  const visit = (node, keys) => {
    if (node === null || typeof node !== "object") return;
    const [key, ...rest] = keys;
    for (const k of key === "*" ? Object.keys(node) : [key]) {
      const child = node[k];
      if (rest.length > 0) visit(child, rest);
      else if (Array.isArray(child) && child.every((s) => typeof s === "string")) {
        child.sort();
        sorted++;
      }
    }
  };
  for (const p of paths) visit(value, p.split("/"));
  return sorted;
}

module.exports = function stripJsonDocs(source) {
  const file = (this && this.resourcePath ? this.resourcePath : "").replace(/\\/g, "/");
  const entry = Object.keys(ORDER_FREE).find((name) => file.endsWith(`/src/core/data/${name}`));
  const value = JSON.parse(source);
  if (value === null || typeof value !== "object" || Array.isArray(value)) return source;
  const documented = DOC_KEYS.some((k) => k in value);
  if (!documented && !entry) return source;
  for (const key of DOC_KEYS) delete value[key];
  if (entry && sortLists(value, ORDER_FREE[entry]) === 0) throw new Error(`strip-json-docs-loader: no list to sort in ${entry} (update ORDER_FREE)`);
  return JSON.stringify(value);
};

module.exports.DOC_KEYS = DOC_KEYS;
module.exports.ORDER_FREE = ORDER_FREE;
module.exports.sortLists = sortLists;
