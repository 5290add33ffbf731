/**
 * A promise that gives up after a time limit, for the add-in's network and storage calls.
 */

/**
 * Settles as `promise` does, or rejects with "timed out after N ms" when it takes longer.
 * @param promise - the work
 * @param ms - the limit
 * @param onTimeout - called when the limit is reached (e.g. to abort a fetch)
 * @returns the same result, within the limit
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (onTimeout) onTimeout();
      reject(new Error(`timed out after ${ms} ms`));
    }, ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
