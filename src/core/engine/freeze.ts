/**
 * Deep-freezes plain data so that a rule that tries to change the snapshot fails loudly
 * (in strict-mode modules an assignment to a frozen property throws).
 * @param value - plain data (objects, arrays, primitives)
 * @returns the same value, frozen all the way down
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value as object)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
