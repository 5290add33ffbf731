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
import { createSendHandler } from "./handler";

const handle = createSendHandler(Office);

/**
 * Handles OnMessageSend (Smart Alerts, Mailbox 1.12).
 * @param event - the Smart Alerts event; completed exactly once
 */
function onMessageSendHandler(event: Office.MailboxEvent): void {
  handle(event);
}

Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
