/**
 * Where the pane's content-free sender events go until they reach SMT's report. The server
 * side (`src/office/event-queue.ts`) can replace this in-memory queue behind the same
 * interface; until it does, events are kept here (never dropped silently) and can be drained.
 */
import type { SenderEvent } from "./services";

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
      events.push({ ...event, ruleIds: [...event.ruleIds] });
      if (events.length > LIMIT) events.splice(0, events.length - LIMIT);
    },
    pending: () => [...events],
    drain: () => events.splice(0),
  };
}
