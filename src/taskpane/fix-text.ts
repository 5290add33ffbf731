/**
 * The words of the one-click fixes: button labels, what to do by hand where this Outlook
 * cannot apply a fix, and what each Outlook does with "Send in 10 minutes".
 */
import type { Finding, FixKind } from "../core";
import type { ClientCapabilities, ClientKind } from "./services";

/** Minutes "Send in 10 minutes" waits. */
export const DELAY_MINUTES = 10;

/**
 * Whether this client can apply a fix kind.
 * @param kind - the fix
 * @param capabilities - the client's capabilities
 * @returns true when the button can work
 */
export function canApply(kind: FixKind, capabilities: ClientCapabilities): boolean {
  switch (kind) {
    case "move-to-bcc":
      return capabilities.moveToBcc;
    case "remove-recipients":
      return capabilities.removeRecipients;
    case "insert-disclaimer":
      return capabilities.insertDisclaimer;
    case "remove-attachment":
      return capabilities.removeAttachment;
    case "delay-send":
      return capabilities.delaySend;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The label of a fix button.
 * @param finding - the finding with a fix
 * @param target - for attachment fixes, the attachment the button removes
 * @returns the label
 */
export function fixLabel(finding: Finding, target?: string): string {
  const fix = finding.fix;
  const count = fix?.targets?.length ?? 0;
  switch (fix?.kind) {
    case "move-to-bcc":
      return count > 0 ? `Move ${plural(count, "address", "addresses")} to Bcc` : "Move outside addresses to Bcc";
    case "remove-recipients":
      return count > 0 ? `Remove ${plural(count, "recipient", "recipients")}` : "Remove the recipients";
    case "insert-disclaimer":
      return "Insert the disclaimer";
    case "remove-attachment":
      return target ? `Remove ${target}` : "Remove the attachment";
    case "delay-send":
      return `Send in ${DELAY_MINUTES} minutes`;
    default:
      return "";
  }
}

/**
 * What the sender can do by hand when this Outlook cannot apply the fix.
 * @param kind - the fix
 * @returns one sentence
 */
export function manualFix(kind: FixKind): string {
  switch (kind) {
    case "move-to-bcc":
      return "This version of Outlook doesn't let add-ins move recipients. Cut the outside addresses from To and Cc and paste them into Bcc.";
    case "remove-recipients":
      return "This version of Outlook doesn't let add-ins change recipients. Delete them from To, Cc or Bcc yourself.";
    case "insert-disclaimer":
      return "This version of Outlook doesn't let add-ins change the body. Paste the Centre's disclaimer at the end of your message.";
    case "remove-attachment":
      return "This version of Outlook doesn't let add-ins remove attachments. Remove it from the message yourself.";
    case "delay-send":
      return "This version of Outlook can't delay a message from an add-in (it needs Mailbox 1.13). Save it as a draft and come back to it in a few minutes.";
  }
}

/**
 * What happens to a delayed message in this Outlook (Microsoft Learn, `DelayDeliveryTime.setAsync`:
 * the delay is kept on the server).
 * @param client - the Outlook client
 * @returns one or two sentences
 */
export function delayExplanation(client: ClientKind): string {
  const server = "The delay is kept by the mail server, so the message goes out even if you close Outlook.";
  switch (client) {
    case "classic":
      return `${server} In classic Outlook for Windows it won't wait in your Outbox: once you press Send you can't change or cancel it, and you'll find it in Sent Items.`;
    case "new":
    case "web":
    case "mac":
      return `${server} Until then it waits in your Drafts folder, where you can still open it, change it or delete it.`;
    default:
      return `${server} In Outlook on the web, new Outlook and Outlook for Mac it waits in Drafts, where you can still change it; in classic Outlook for Windows it can't be changed after Send.`;
  }
}

/**
 * The time a delayed message will go, as the sender reads it.
 * @param date - delivery time
 * @returns e.g. "14:05"
 */
export function formatTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}
