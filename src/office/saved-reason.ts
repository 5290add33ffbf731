/**
 * "Send with this reason" in the task pane saves the sender's reason; the on-send handler uses
 * it at the next Send. It travels in the item's `sessionData` (Mailbox 1.11, shared by the task
 * pane and the event runtime of the same message; research §"Sharing data"), together with the
 * fingerprint of the message the reason was given for. At Send the handler takes it (reads and
 * removes it), and SMT's report counts it once, on that Send's event — only if the message is
 * unchanged; otherwise it is dropped. The reason is the sender's own words about why they sent;
 * no message content is stored with it.
 */
import type { UnsignedEvent } from "./event-queue";
import type { AsyncResultLike, CallQueue } from "./office-async";

export const SAVED_REASON_KEY = "etiquette-guard.reason";

export type SavedReason = Readonly<{
  reason: string;
  /** The warnings the reason answers. */
  ruleIds: readonly string[];
  /** `draftFingerprint` of the message the reason was given for. */
  fingerprint: string;
}>;

/** The part of `item.sessionData` used here. */
export type SessionDataLike = Readonly<{
  setAsync(name: string, value: string, callback: (result: AsyncResultLike<void>) => void): void;
  getAsync(name: string, callback: (result: AsyncResultLike<string>) => void): void;
  removeAsync(name: string, callback: (result: AsyncResultLike<void>) => void): void;
}>;

/**
 * Saves the reason for this message.
 * @param session - the item's `sessionData`
 * @param saved - the reason, the warnings it answers and the message's fingerprint
 * @param queue - the Office call queue
 * @returns once saved; rejects when Outlook refused
 */
export function saveReason(session: SessionDataLike, saved: SavedReason, queue: CallQueue): Promise<void> {
  const value = JSON.stringify({ reason: saved.reason, ruleIds: [...saved.ruleIds], fingerprint: saved.fingerprint });
  return queue.run<void>("sessionData.setAsync", (cb) => session.setAsync(SAVED_REASON_KEY, value, cb));
}

function parse(value: unknown): SavedReason | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (typeof d.reason !== "string" || typeof d.fingerprint !== "string" || !Array.isArray(d.ruleIds)) return undefined;
  return { reason: d.reason, ruleIds: d.ruleIds.filter((id): id is string => typeof id === "string"), fingerprint: d.fingerprint };
}

/**
 * Takes the saved reason: reads it and removes it, so it is counted at most once.
 * @param session - the item's `sessionData`
 * @param queue - the Office call queue
 * @returns the saved reason, or undefined when there is none (or it cannot be read); never rejects
 */
export function takeSavedReason(session: SessionDataLike, queue: CallQueue): Promise<SavedReason | undefined> {
  return queue
    .run<string>("sessionData.getAsync", (cb) => session.getAsync(SAVED_REASON_KEY, cb))
    .then(
      (value) => {
        const saved = parse(value);
        return queue.run<void>("sessionData.removeAsync", (cb) => session.removeAsync(SAVED_REASON_KEY, cb)).then(
          () => saved,
          () => saved,
        );
      },
      () => undefined,
    );
}

/**
 * The Send's event for SMT's report, with the saved reason when it applies: the Send was a
 * warning (the sender may choose Send Anyway) and the message is the one the reason was given
 * for. Then the one event says "sent anyway" with the reason; otherwise the reason is dropped.
 * @param event - the Send's event (`sendEvent`)
 * @param saved - the reason taken at this Send, if any
 * @param fingerprint - `draftFingerprint` of the message as checked at Send
 * @returns the event to record
 */
export function withSavedReason(event: UnsignedEvent, saved: SavedReason | undefined, fingerprint: string | undefined): UnsignedEvent {
  if (!saved || fingerprint === undefined || saved.fingerprint !== fingerprint || event.verdict !== "warn") return event;
  return { ...event, action: "sent-anyway", reason: saved.reason };
}
