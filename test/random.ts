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

/**
 * mulberry32: a small deterministic generator with a longer period than `generator`, for tests
 * that draw many values (random documents, words, host names); the same seed replays a failure.
 * @param seed - any integer
 * @returns a function giving numbers in [0, 1)
 */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
