/**
 * The one place where Outlook's callback APIs become promises (style.md 2.5). Every call gets
 * its own timeout, is settled exactly once whatever the host does (answers twice, throws,
 * never answers), and goes through a queue that keeps at most 3 calls in flight — the limit
 * of Outlook on the web and new Outlook ("limits for activation and JavaScript API").
 */
import { withTimeout } from "./with-timeout";

/** Why an Office call did not give a value. */
export type OfficeCallErrorKind = "failed" | "timeout" | "threw" | "unsupported" | "cancelled";

/**
 * An Office call that did not succeed. Carries the AsyncResult error's code and name only:
 * Office error messages are generic, but we never keep free text that could quote the item.
 */
export class OfficeCallError extends Error {
  readonly kind: OfficeCallErrorKind;
  readonly label: string;
  /** `AsyncResult.error.code` when the host reported one (e.g. 9041, 9032). */
  readonly code?: number | string;

  constructor(kind: OfficeCallErrorKind, label: string, code?: number | string, name?: string) {
    super(`${label}: ${kind}${code !== undefined ? ` (code ${code}${name ? `, ${name}` : ""})` : ""}`);
    this.name = "OfficeCallError";
    this.kind = kind;
    this.label = label;
    if (code !== undefined) this.code = code;
  }
}

/** The shape of `Office.AsyncResult` this module relies on. */
export type AsyncResultLike<T> = Readonly<{
  status: Office.AsyncResultStatus | "succeeded" | "failed";
  value: T;
  error?: Readonly<{ code?: number | string; name?: string; message?: string }> | null;
  asyncContext?: unknown;
}>;

/** Starts one Office call; must pass its AsyncResult to `callback`. */
export type Invoke<T> = (callback: (result: AsyncResultLike<T>) => void) => void;

/**
 * `Office.CoercionType` values as the strings Office.js documents ("text", "html"). Used as
 * literals so the adapter never depends on the enum objects being present at load time.
 */
export const Coercion = { Text: "text", Html: "html" } as unknown as Readonly<{ Text: Office.CoercionType; Html: Office.CoercionType }>;

/** Default time one Office call may take before it counts as failed. */
export const DEFAULT_CALL_TIMEOUT_MS = 1500;

/**
 * Runs one Office call as a promise.
 * @param label - a short name for the call (`to`, `body.text`); also sent as `asyncContext`
 * @param invoke - starts the call and hands the AsyncResult to the callback
 * @param timeoutMs - how long to wait for the host's answer
 * @param registerCancel - receives a function that abandons the call (its late answer is ignored)
 * @returns the AsyncResult's value
 * @throws OfficeCallError when the result is Failed, the call throws, or the timeout passes
 */
export function officeCall<T>(
  label: string,
  invoke: Invoke<T>,
  timeoutMs: number = DEFAULT_CALL_TIMEOUT_MS,
  registerCancel?: (cancel: () => void) => void,
): Promise<T> {
  const answer = new Promise<T>((resolve, reject) => {
    let settled = false;
    // One-shot settle: some hosts have been seen answering a call twice, and a cancel may race
    // a late answer.
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
    };
    if (registerCancel) registerCancel(() => settle(() => reject(new OfficeCallError("cancelled", label))));
    try {
      invoke((result) => {
        // Anything thrown in here would escape into Outlook's callback machinery and the
        // handler would never complete (office-js#4391), so it is turned into a rejection.
        try {
          if (result && result.status === "succeeded") {
            const value = result.value;
            settle(() => resolve(value));
          } else {
            const error = result ? result.error : undefined;
            settle(() => reject(new OfficeCallError("failed", label, error ? error.code : undefined, error ? error.name : undefined)));
          }
        } catch {
          settle(() => reject(new OfficeCallError("threw", label)));
        }
      });
    } catch {
      settle(() => reject(new OfficeCallError("threw", label)));
    }
  });
  // The timer may race a late answer (office-js#6656 shows late timers firing in classic
  // Outlook): withTimeout settles once and ignores whichever comes second.
  return withTimeout(answer, timeoutMs, undefined, () => new OfficeCallError("timeout", label));
}

/** A queue of Office calls with a cap on how many are in flight at once. */
export type CallQueue = Readonly<{
  /**
   * Queues a call.
   * @param label - name of the call
   * @param invoke - starts the call
   * @param options - `front` jumps the queue (for a read that others wait on); `timeoutMs` overrides the default
   * @returns the call's value
   */
  run<T>(label: string, invoke: Invoke<T>, options?: Readonly<{ front?: boolean; timeoutMs?: number }>): Promise<T>;
  /** The most calls that were ever in flight together (for tests and the benchmark). */
  maxInFlightSeen(): number;
  /**
   * Abandons every queued and running call (they reject as `cancelled`, their timers are
   * cleared); used once the event has completed so nothing is left running in the runtime.
   */
  close(): void;
}>;

/**
 * Creates a call queue.
 * @param options - `maxInFlight` (default 3, Outlook on the web's limit) and the per-call `timeoutMs`
 * @returns the queue
 */
export function createCallQueue(options: Readonly<{ maxInFlight?: number; timeoutMs?: number }> = {}): CallQueue {
  const maxInFlight = Math.max(1, options.maxInFlight ?? 3);
  const defaultTimeout = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const waiting: Array<{ start: () => void; cancel: () => void }> = [];
  const running = new Set<() => void>();
  let closed = false;
  let inFlight = 0;
  let maxSeen = 0;

  const pump = (): void => {
    while (inFlight < maxInFlight && waiting.length > 0) {
      const next = waiting.shift() as { start: () => void };
      inFlight++;
      maxSeen = Math.max(maxSeen, inFlight);
      next.start();
    }
  };

  return {
    run<T>(label: string, invoke: Invoke<T>, runOptions: Readonly<{ front?: boolean; timeoutMs?: number }> = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = (): void => {
          // A timed-out call frees its slot: waiting for a host that never answers would
          // stall every later read (the handler has a 4-second budget in total).
          let cancelRunning: (() => void) | undefined;
          const release = (): void => {
            if (cancelRunning) running.delete(cancelRunning);
            inFlight--;
            pump();
          };
          officeCall(label, invoke, runOptions.timeoutMs ?? defaultTimeout, (cancel) => {
            cancelRunning = cancel;
            running.add(cancel);
          }).then(
            (value) => {
              release();
              resolve(value);
            },
            (error: unknown) => {
              release();
              reject(error);
            },
          );
        };
        const cancel = (): void => reject(new OfficeCallError("cancelled", label));
        if (closed) {
          cancel();
          return;
        }
        if (runOptions.front) waiting.unshift({ start, cancel });
        else waiting.push({ start, cancel });
        pump();
      });
    },
    maxInFlightSeen: () => maxSeen,
    close(): void {
      closed = true;
      for (const w of waiting.splice(0)) w.cancel();
      for (const cancel of Array.from(running)) cancel();
    },
  };
}

/**
 * Tells whether the host supports a Mailbox requirement set, treating any error as "no".
 * @param requirements - `Office.context.requirements`, if present
 * @param version - e.g. "1.14"
 * @returns true when supported
 */
export function supportsMailbox(requirements: Pick<Office.RequirementSetSupport, "isSetSupported"> | undefined, version: string): boolean {
  try {
    return Boolean(requirements && requirements.isSetSupported("Mailbox", version));
  } catch {
    return false;
  }
}
