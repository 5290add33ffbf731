/**
 * A small deterministic random generator for tests that compare a fast path with a plain
 * reference on generated text: the same seed gives the same texts, so a failure can be
 * replayed.
 * @param seed - any integer
 * @returns a function giving numbers in [0, 1)
 */
export function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}
