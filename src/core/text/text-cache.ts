/**
 * Answers of pure text functions kept for the length of one check. Segmenting and several
 * rules lower-case or prepare the same long texts (the subject, what the sender wrote, the
 * whole body); each cache keeps the last few answers so the work is done once per message.
 * The engine empties every cache before it builds a message's snapshot and when its check
 * ends, so nothing is carried from one message to the next (no e-mail text lingers in
 * memory, and a benchmark that checks the same message again measures the whole work).
 * Rules stay independent of each other and of order.
 */

/** A cache of a pure function of one string. */
export type TextCache = Readonly<{
  /**
   * The answer for `input`: kept, or computed with `compute` and kept.
   * @param input - the text
   * @param compute - the pure function
   * @param alsoFor - further inputs with the same answer (lower-casing the answer gives the answer)
   * @param fromKept - the answer worked out from a kept input and its answer, when it can be
   *   (lower-casing the start of a text kept lower-cased), else undefined
   */
  get(
    input: string,
    compute: (input: string) => string,
    alsoFor?: (output: string) => string | undefined,
    fromKept?: (keptInput: string, keptOutput: string, input: string) => string | undefined,
  ): string;
  clear(): void;
}>;

const caches: TextCache[] = [];

/**
 * Makes a cache of the last `keep` answers for texts of at least `keepFrom` characters, and
 * apart from them of the last `keep` answers for shorter texts (so a short subject never
 * pushes a long body out; kept, a short message's texts are not redone by each rule and
 * phrase list: ~5 µs of ~150 a message).
 * @param keep - answers kept
 * @param keepFrom - shortest text kept
 * @returns the cache, emptied with every other by {@link clearTextCaches}
 */
export function textCache(keep: number, keepFrom: number): TextCache {
  type Entry = { input: string; output: string };
  /**
   * Answers for long texts, then apart from them for shorter ones (a subject never pushes a body
   * out), each list oldest first and read newest first (`unshift` cost ~0.7 µs a short message).
   */
  let lists: Entry[][] = [[], []];
  const remember = (kept: Entry[], input: string, output: string): void => {
    if (kept.push({ input, output }) > keep) kept.shift();
  };
  const cache: TextCache = {
    get(input, compute, alsoFor, fromKept) {
      const kept = lists[input.length < keepFrom ? 1 : 0] as Entry[];
      for (let k = kept.length; k--; ) if ((kept[k] as Entry).input === input) return (kept[k] as Entry).output;
      if (fromKept !== undefined) {
        for (let k = kept.length; k--; ) {
          const entry = kept[k] as Entry;
          const derived = fromKept(entry.input, entry.output, input);
          if (derived !== undefined) {
            remember(kept, input, derived);
            return derived;
          }
        }
      }
      const output = compute(input);
      remember(kept, input, output);
      const other = alsoFor?.(output);
      if (other !== undefined && other !== input) remember(kept, other, output);
      return output;
    },
    clear() {
      lists = [[], []];
    },
  };
  caches.push(cache);
  return cache;
}

/** Empties every text cache (the engine calls it before each snapshot and after each check). */
export function clearTextCaches(): void {
  for (const cache of caches) cache.clear();
}
