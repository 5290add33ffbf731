/** Moved below the pane (issue 11 item 22): see src/office/event-sink.ts. */
export { createMemoryEventSink, type EventSink, type MemoryEventSink } from "../office/event-sink";
