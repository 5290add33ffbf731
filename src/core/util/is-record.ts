/**
 * A plain JSON object (not null, not an array): the first check when reading untrusted JSON.
 * @param value - anything
 * @returns true for an object that is not an array
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
