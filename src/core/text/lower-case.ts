/**
 * `toLowerCase` for the long texts several rules read: the subject, what the sender wrote and
 * the whole body are lower-cased by four rules each, and a 1 MB body takes a few
 * milliseconds every time. Answers are kept for the length of one check (see ./text-cache).
 */
import { textCache } from "./text-cache";

const cache = textCache(4, 1024);
const toLower = (text: string): string => text.toLowerCase();
// Lower-casing the answer again gives the answer: rules often pass it on to code that
// lower-cases what it is given.
const same = (output: string): string => output;

/**
 * Lower-cases text, as `text.toLowerCase()`.
 * @param text - any text
 * @returns the text in lower case
 */
export function lowerCase(text: string): string {
  return cache.get(text, toLower, same, fromLonger);
}

/**
 * The lower case of the start of a text already lower-cased, cut from its answer: the segmenter
 * and the rules lower-case the whole body, then what the sender wrote, which is often the same
 * text without its last line breaks (a megabyte lower-cased once instead of twice). Exact when
 * lower-casing kept every offset (nothing became two characters) and the text is followed by a
 * space or line break: lower-casing depends on what follows only for a final sigma (σ or ς),
 * and a space or line break ends a word either way.
 * @param keptText - a text kept lower-cased
 * @param keptLower - its lower case
 * @param text - the text wanted
 * @returns the lower case of `text`, or undefined when it is not such a start of `keptText`
 */
export function fromLonger(keptText: string, keptLower: string, text: string): string | undefined {
  if (keptText.length <= text.length || keptLower.length !== keptText.length) return undefined;
  const next = keptText.charCodeAt(text.length);
  if (next !== 10 && next !== 13 && next !== 32 && next !== 9) return undefined;
  return keptText.startsWith(text) ? keptLower.slice(0, text.length) : undefined;
}
