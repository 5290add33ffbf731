/**
 * Where the pane's content-free sender events go. In Outlook, `src/taskpane/report-sink.ts` sends them to
 * SMT's report through the stored event queue (`src/office/event-queue.ts`); this in-memory
 * queue is the default when no sink is given (tests, and hosts without a server), where events
 * are kept (never dropped silently) and can be drained.
 */
import type { SenderEvent } from "./pane-contract";

export type EventSink = Readonly<{
  enqueue(event: SenderEvent): void | Promise<void>;
}>;

export type MemoryEventSink = EventSink &
  Readonly<{
    /** Events not yet delivered, oldest first. */
    pending(): readonly SenderEvent[];
    /** Removes and returns the pending events. */
    drain(): SenderEvent[];
  }>;

/** A copy that later changes to the caller's arrays cannot reach. */
function copyEvent(event: SenderEvent): SenderEvent {
  if (event.kind === "sent-with-reason") return { ...event, ruleIds: [...event.ruleIds] };
  return event.words ? { ...event, words: [...event.words] } : { ...event };
}

/** Most events kept; the oldest go first when it is full. */
const LIMIT = 200;

/**
 * Creates an in-memory queue.
 * @returns the queue
 */
export function createMemoryEventSink(): MemoryEventSink {
  const events: SenderEvent[] = [];
  return {
    enqueue(event) {
      events.push(copyEvent(event));
      if (events.length > LIMIT) events.splice(0, events.length - LIMIT);
    },
    pending: () => [...events],
    drain: () => events.splice(0),
  };
}
