/**
 * The pane's events on their way to SMT's report: each `SenderEvent` becomes the server's
 * `MonitorEvent` (docs/server.md, "Events"), is stored in the event queue and then posted, best
 * effort. Storing is awaited (so a "Send with a reason" is kept even if Send ends the page);
 * posting is not, so the pane never waits for the network. The Office reads (who sends, which
 * client) are injected by the bootstrap: this module never touches Office.
 */
import type { EventQueue, MonitorEvent, UnsignedEvent } from "../office/event-queue";
import type { EventSink } from "./event-sink";
import type { SenderEvent } from "./services";

export type ReportSinkOptions = Readonly<{
  /** The stored queue posting to `POST /api/events`. */
  queue: Pick<EventQueue, "record" | "flush">;
  /**
   * The signed-in user's address (`userProfile.emailAddress`); only its hash, salted with the
   * secret the server issues with the published policy (`EventQueue.record`), leaves the pane.
   */
  senderEmail(): string;
  /** The client's short name (`clientName`), e.g. "outlook-web". */
  client(): string;
}>;

/**
 * Maps a pane event to the server's event.
 * @param event - what the sender did
 * @param context - the pseudonymous sender id and the client name
 * @returns the event as `POST /api/events` accepts it
 */
export function toMonitorEvent(event: SenderEvent, context: Readonly<{ sender: string; client: string }>): MonitorEvent {
  return { ...toUnsignedEvent(event, context.client), sender: context.sender };
}

/**
 * Maps a pane event to the server's event, before the queue adds the pseudonymous sender.
 * @param event - what the sender did
 * @param client - the client name
 * @returns the event without `sender`
 */
export function toUnsignedEvent(event: SenderEvent, client: string): UnsignedEvent {
  if (event.kind === "sent-with-reason") {
    return { ruleIds: [...event.ruleIds], verdict: "warn", action: "sent-anyway", reason: event.reason, client, at: event.at };
  }
  return {
    ruleIds: [event.ruleId],
    verdict: event.verdict,
    action: "false-positive",
    ruleId: event.ruleId,
    ...(event.words && event.words.length > 0 ? { words: [...event.words] } : {}),
    client,
    at: event.at,
  };
}

function safely(read: () => string, fallback: string): string {
  try {
    const value = read();
    return value === "" ? fallback : value;
  } catch {
    return fallback;
  }
}

/**
 * Creates the sink that feeds SMT's report.
 * @param options - the queue, the sender's address reader and the client reader
 * @returns an EventSink whose `enqueue` resolves once the event is stored
 */
export function createReportSink(options: ReportSinkOptions): EventSink {
  return {
    async enqueue(event) {
      // Same fallback as the on-send handler: the hash of "unknown" still passes the server's
      // sender check (8–64 characters), where the bare word would get the whole batch refused.
      await options.queue.record(toUnsignedEvent(event, safely(options.client, "unknown")), safely(options.senderEmail, "unknown"));
      // Not awaited: a slow or absent server must not hold up the pane; what is not posted now
      // stays queued for the next flush (here or from the on-send handler).
      void options.queue.flush().catch(() => undefined);
    },
  };
}
