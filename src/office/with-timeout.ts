/**
 * A promise that gives up after a time limit: the one timeout helper of the add-in, for its
 * Office calls (office-async), the policy's budget (policy-source), and its network and
 * storage calls (published-policy, event-queue). Only the on-send handler's watchdog, which
 * completes the event itself, keeps its own timer.
 */

/**
 * Settles as `promise` does, or rejects with "timed out after N ms" when it takes longer.
 * @param promise - the work
 * @param ms - the limit
 * @param onTimeout - called when the limit is reached (e.g. to abort a fetch)
 * @param timeoutError - the error to reject with at the limit (default: "timed out after N ms")
 * @returns the same result, within the limit; a late answer is ignored
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout?: () => void, timeoutError?: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (onTimeout) onTimeout();
      reject(timeoutError ? timeoutError() : new Error(`timed out after ${ms} ms`));
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
