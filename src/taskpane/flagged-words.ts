/**
 * What "Include the flagged words" would send for a finding: the quoted phrases of its
 * evidence, or the evidence itself when it quotes nothing — already masked by the engine, and
 * within the server's limits (≤ 10 phrases of ≤ 64 characters, no `@`), so the sender is shown
 * exactly what leaves the pane.
 */

/** Most phrases `POST /api/events` takes in `words`. */
export const MAX_WORDS = 10;
/** Longest phrase `POST /api/events` takes. */
export const MAX_WORD_LENGTH = 64;

/**
 * The words of a finding's evidence that may go into a false-positive report.
 * @param evidence - the finding's evidence (may be empty)
 * @returns the phrases, possibly none (then there is nothing to offer)
 */
export function flaggedWords(evidence: string): string[] {
  const quoted = [...evidence.matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? "");
  const pieces = quoted.length > 0 ? quoted : [evidence];
  const out: string[] = [];
  for (const raw of pieces) {
    const word = raw.replace(/\s+/g, " ").trim();
    // Addresses (even masked ones) never go; a phrase too long for the server is left out
    // rather than cut, so what is sent is what the sender saw.
    if (word === "" || word.includes("@") || word.length > MAX_WORD_LENGTH || out.includes(word)) continue;
    out.push(word);
    if (out.length === MAX_WORDS) break;
  }
  return out;
}

/**
 * The words as the checkbox shows them.
 * @param words - from `flaggedWords`
 * @returns e.g. `“forward this”, “bad luck”`
 */
export function showWords(words: readonly string[]): string {
  return words.map((w) => `“${w}”`).join(", ");
}
