/**
 * Bootstrap of the on-send bundle (dist/launchevent.js). Classic Outlook on Windows loads only
 * this file, in a JavaScript-only runtime where `Office.onReady` bodies never run
 * (office-js#3219), so the handler is associated here at the top level and nothing touches
 * `Office.context` until Send is pressed (office-js-docs-pr#3722). The name must equal the
 * manifest's `LaunchEvent FunctionName`; a mismatch blocks every send under SoftBlock
 * (office-js#5214) — a test compares the two.
 */
// The ES2016 prelude (./es2016-prelude.ts) is put in front of the built file by
// webpack/launchevent.config.js, so it runs before anything else, helpers included.
import { createEventQueue, type EventQueue } from "../office/event-queue";
import { createPublishedPolicySource } from "../office/published-policy";
import { createSendHandler, type HandlerOutcome } from "./handler";
import { clientName, sendEvent } from "../office/telemetry";
import { withSavedReason } from "../office/saved-reason";

/** The add-in's own origin at build time (webpack DefinePlugin): ADDIN_HOST, or the dev server. */
declare const __ADDIN_ORIGIN__: string;

/**
 * Where the policy server is. The HTML runtime (web, new Outlook, Mac) knows the page's own
 * origin; classic Outlook's JavaScript-only runtime has no `location` and no relative URLs, so
 * it uses the origin the bundle was built for.
 * @returns the origin, with a trailing slash
 */
function serverOrigin(): string {
  if (typeof location !== "undefined" && location && /^https?:$/.test(location.protocol)) return `${location.origin}/`;
  // A runtime page written into a frame (about:srcdoc, as the Outlook simulator does) has no
  // address of its own but inherits its parent's origin, which `self.origin` reports.
  const inherited = typeof self !== "undefined" ? (self as unknown as { origin?: unknown }).origin : undefined;
  if (typeof inherited === "string" && /^https?:\/\//.test(inherited)) return `${inherited}/`;
  return __ADDIN_ORIGIN__;
}

let events: EventQueue | undefined;

/**
 * Records a content-free event for SMT's report after the Send was decided, and flushes the
 * queue — never before `event.completed`, so it cannot delay Send. Best effort: classic Outlook
 * may end the runtime at once, and the queue is then flushed after a later Send.
 * @param outcome - how the Send was handled
 */
function record(outcome: HandlerOutcome): void {
  if (!events || !outcome.report) return;
  let client = "unknown";
  try {
    client = clientName(Office.context.diagnostics as unknown as { platform?: unknown });
  } catch {
    // diagnostics unreadable: the client stays unknown
  }
  const sent = sendEvent(outcome.report, { client, at: new Date().toISOString() });
  // A reason saved in the task pane for this very message makes this one event "sent anyway".
  const event = sent ? withSavedReason(sent, outcome.savedReason, outcome.fingerprint) : undefined;
  const queue = events;
  // The queue salts the sender's address with the server's secret (from the published policy).
  if (event) void queue.record(event, outcome.senderEmail || "unknown").then(() => queue.flush());
  else void queue.flush();
}

let handle: ((event: Office.MailboxEvent) => void) | undefined;

/**
 * The handler, made at the first Send: creating the policy source and the event queue reads
 * storage through `Office.context`, which must not be touched while the script loads
 * (office-js-docs-pr#3722).
 * @returns the handler
 */
function handler(): (event: Office.MailboxEvent) => void {
  if (!handle) {
    const origin = serverOrigin();
    // Each part on its own: a queue that cannot be set up must not cost the published policy,
    // nor a policy source the report.
    try {
      events = createEventQueue({ url: `${origin}api/events` });
    } catch {
      events = undefined;
    }
    handle = createSendHandler(Office, { policySource: createPublishedPolicySource({ url: `${origin}api/policy/published` }), onCompleted: record });
  }
  return handle;
}

/**
 * Handles OnMessageSend (Smart Alerts, Mailbox 1.12).
 * @param event - the Smart Alerts event; completed exactly once
 */
function onMessageSendHandler(event: Office.MailboxEvent): void {
  let run: (event: Office.MailboxEvent) => void;
  try {
    run = handler();
  } catch {
    // Setting up the published policy or the event queue failed: check with the compiled-in
    // policy rather than leave the event uncompleted.
    run = createSendHandler(Office, { onCompleted: record });
  }
  run(event);
}

Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
