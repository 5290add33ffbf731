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
  return cache.get(text, toLower, same);
}
