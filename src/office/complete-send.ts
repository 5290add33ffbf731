/**
 * Turns a report into the options of `event.completed` for Smart Alerts (design.md,
 * "Send-time behaviour"). Pure: the client's requirement-set support and the ribbon button id
 * are inputs, so every branch is tested without Office. The only place severities map to Office.
 */
import type { OnError, Report, Verdict } from "../core";
import { escapeMarkdown, FIX_IT_LABEL, MAX_DIALOG_TEXT, sendDialog } from "../core/engine/send-decision";

/** Which Smart Alerts options the client understands (`isSetSupported("Mailbox", …)`). */
export type SmartAlertsSupport = Readonly<{
  /** Mailbox 1.14: `sendModeOverride`, `cancelLabel`, `commandId` (task pane), `contextData`. */
  mailbox1_14: boolean;
  /** Mailbox 1.15: `errorMessageMarkdown`. */
  mailbox1_15: boolean;
}>;

export type CompletionIds = Readonly<{
  /** The `<Control id>` of the compose ribbon button that opens the task pane (manifest.xml). */
  commandId: string;
}>;

/** The id of the manifest's compose button that opens the task pane; Take Action opens it. */
export const TASKPANE_COMMAND_ID = "msgComposeOpenPaneButton";

/** Smart Alerts caps `errorMessage` and `errorMessageMarkdown` at 500 characters. */
export const MAX_MESSAGE = MAX_DIALOG_TEXT;
/** Smart Alerts caps `cancelLabel` at 20 characters. */
export const CANCEL_LABEL = FIX_IT_LABEL;

/** `Office.MailboxEnums.SendModeOverride.PromptUser`, as its documented string value (Mailbox 1.14). */
const PROMPT_USER = "promptUser" as Office.MailboxEnums.SendModeOverride;

/** What the task pane receives as `contextData` (JSON) when Take Action opens it. */
export type SendContextData = Readonly<{
  source: "etiquette-guard";
  verdict: Verdict;
  /** Ids of the findings shown in the dialog, most serious first. */
  findingIds: readonly string[];
}>;

/** Keeps `contextData` small; the task pane re-checks the message anyway. */
const MAX_CONTEXT_IDS = 50;

/**
 * Decides what `event.completed` receives for a finished check.
 * - verdict send (nothing at warn or above, or only what Send fixes by itself) → `{ allowEvent: true }`;
 * - verdict warn → `allowEvent: false` with `sendModeOverride: PromptUser` (Send Anyway, Mailbox 1.14);
 * - verdict block → `allowEvent: false` under the manifest's SoftBlock.
 * `errorMessage` is always set (older clients, and classic Outlook ignores the button without
 * it, office-js#5233); markdown only where 1.15 is supported; the Take Action button
 * (`cancelLabel` + `commandId` + `contextData`) only where 1.14 is.
 * @param report - the engine's report
 * @param support - the client's requirement-set support
 * @param ids - the ribbon button id
 * @returns the completion options
 */
export function completionFor(report: Report, support: SmartAlertsSupport, ids: CompletionIds): Office.SmartAlertsEventCompletedOptions {
  // The engine's verdict and order decide (core/engine/send-decision); findings Send fixes by
  // itself (the disclaimer added automatically) never hold the message back.
  const dialog = sendDialog(report, { takeAction: support.mailbox1_14, markdown: support.mailbox1_15 });
  if (!dialog) return { allowEvent: true };
  const options: Office.SmartAlertsEventCompletedOptions = { allowEvent: false, errorMessage: dialog.text };
  if (dialog.markdown !== undefined) options.errorMessageMarkdown = dialog.markdown;
  if (support.mailbox1_14) {
    const context: SendContextData = { source: "etiquette-guard", verdict: dialog.verdict, findingIds: dialog.findings.slice(0, MAX_CONTEXT_IDS).map((f) => f.id) };
    options.cancelLabel = CANCEL_LABEL;
    options.commandId = ids.commandId;
    // A string, not an object: classic Outlook accepts other types only from build 2402.
    options.contextData = JSON.stringify(context);
    if (dialog.verdict === "warn") options.sendModeOverride = PROMPT_USER;
  }
  return options;
}

/** The message when the check itself could not finish (an Office call, the policy, a timeout). */
export const CHECK_FAILED_MESSAGE = "Etiquette Guard could not finish checking this e-mail.";

/**
 * What `event.completed` receives when the check could not finish, as the policy's
 * `onError` says: allow → send; warn → Send Anyway with the warning (Mailbox 1.14); where the
 * client cannot offer Send Anyway (1.12–1.13, the manifest's SoftBlock would hold the message
 * back for good) warn lets the message go, as a failure of the add-in must never stop
 * sending unless SMT chose "block"; block → held back.
 * @param onError - the policy's onError
 * @param support - the client's requirement-set support
 * @returns the completion options
 */
export function failureCompletion(onError: OnError, support: SmartAlertsSupport): Office.SmartAlertsEventCompletedOptions {
  if (onError === "allow" || (onError === "warn" && !support.mailbox1_14)) return { allowEvent: true };
  const advice =
    onError === "warn"
      ? "Please check it yourself, then select Send Anyway, or try sending again."
      : "Please try sending again in a moment. If this keeps happening, contact the office.";
  const options: Office.SmartAlertsEventCompletedOptions = { allowEvent: false, errorMessage: `${CHECK_FAILED_MESSAGE} ${advice}` };
  if (support.mailbox1_15) options.errorMessageMarkdown = `**${escapeMarkdown(CHECK_FAILED_MESSAGE)}**\n\n${escapeMarkdown(advice)}`;
  if (onError === "warn" && support.mailbox1_14) options.sendModeOverride = PROMPT_USER;
  return options;
}
