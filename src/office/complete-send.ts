/**
 * Turns a report into the options of `event.completed` for Smart Alerts (design.md,
 * "Send-time behaviour"). Pure: the client's requirement-set support and the ribbon button id
 * are inputs, so every branch is tested without Office. The only place severities map to Office.
 */
import { rules, type Finding, type OnError, type Report, type Verdict } from "../core";
import { SEVERITY_RANK } from "../core/model/severity";

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
export const MAX_MESSAGE = 500;
/** Smart Alerts caps `cancelLabel` at 20 characters. */
export const CANCEL_LABEL = "Fix it";

/** `Office.MailboxEnums.SendModeOverride.PromptUser`, as its documented string value (Mailbox 1.14). */
const PROMPT_USER = "promptUser" as Office.MailboxEnums.SendModeOverride;

/** What the task pane receives as `contextData` (JSON) when Take Action opens it. */
export type SendContextData = Readonly<{
  source: "etiquette-guard";
  verdict: Verdict;
  /** Ids of the findings shown in the dialog, most serious first. */
  findingIds: readonly string[];
}>;

/** How many rules the dialog names; the task pane lists the rest. */
const MAX_RULES_NAMED = 3;
/** Keeps `contextData` small; the task pane re-checks the message anyway. */
const MAX_CONTEXT_IDS = 50;

type Group = { ruleId: string; title: string; message: string; count: number };

/**
 * The rule's name in plain words, from its `meta.title`.
 * @param ruleId - a rule id
 * @returns the title, or a neutral phrase for an unknown id
 */
export function ruleTitle(ruleId: string): string {
  const rule = rules[ruleId];
  return rule ? rule.meta.title : "Communication policy";
}

/**
 * Findings the sender sees: warn and block only (monitor findings are never shown), most
 * serious first, keeping the engine's order among equals.
 * @param findings - a report's findings
 * @returns the visible findings
 */
export function visibleFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.severity === "warn" || f.severity === "block")
    .sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

function groupByRule(findings: readonly Finding[]): Group[] {
  const groups: Group[] = [];
  for (const f of findings) {
    const g = groups.find((x) => x.ruleId === f.ruleId);
    if (g) g.count++;
    // Only the finding's message is used: it is written for the sender and masked; evidence
    // may quote the message itself, so it never goes into the dialog.
    else groups.push({ ruleId: f.ruleId, title: ruleTitle(f.ruleId), message: oneLine(f.message), count: 1 });
  }
  return groups;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Cuts text to at most `max` characters at a word boundary, ending with an ellipsis.
 * @param text - the text
 * @param max - the limit
 * @returns the text, shortened when needed
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "…".slice(0, Math.max(0, max));
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/**
 * Escapes text for Smart Alerts markdown (Mailbox 1.15), where `\` escapes the characters
 * that would otherwise format (`*`, `_`, brackets, back-ticks …).
 * @param text - plain text
 * @returns text safe inside markdown
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|~<>-]/g, (c) => `\\${c}`);
}

type Texts = Readonly<{ lead: string; close: string }>;

function textsFor(verdict: "warn" | "block", support: SmartAlertsSupport): Texts {
  if (verdict === "block") {
    return {
      lead: "This e-mail can't be sent yet.",
      close: support.mailbox1_14 ? `Select ${CANCEL_LABEL} to see the details and put it right.` : "Open Etiquette Guard from the ribbon to see the details.",
    };
  }
  return {
    lead: "Please check this e-mail before it goes.",
    close: support.mailbox1_14 ? `Select ${CANCEL_LABEL} to review it, or Send Anyway if it is right as it is.` : "Open Etiquette Guard from the ribbon to review it.",
  };
}

function others(groups: readonly Group[]): string[] {
  return groups.slice(1, MAX_RULES_NAMED).map((g) => (g.count > 1 ? `${g.title} (${g.count})` : g.title));
}

function moreCount(groups: readonly Group[]): number {
  return Math.max(0, groups.length - MAX_RULES_NAMED);
}

/**
 * The plain dialog text: lead, the most serious finding (its rule's title and message), the
 * other rules by title, then what to do. Fits `MAX_MESSAGE` by shortening the first message.
 */
function plainMessage(groups: readonly Group[], texts: Texts): string {
  const first = groups[0] as Group;
  const rest = others(groups);
  const more = moreCount(groups);
  const also = rest.length > 0 ? ` Also: ${rest.join("; ")}${more > 0 ? `; and ${more} more` : ""}.` : "";
  const fixed = `${texts.lead} ${first.title}: `;
  const tail = `${also} ${texts.close}`;
  const room = MAX_MESSAGE - fixed.length - tail.length;
  if (room >= 40) return fixed + clipText(first.message, room) + tail;
  // Extremely long titles: drop the list of other rules before the lead finding.
  return clipText(`${fixed}${first.message} ${texts.close}`, MAX_MESSAGE);
}

/** The markdown dialog text (Mailbox 1.15): bold lead finding, other rules as a list. */
function markdownMessage(groups: readonly Group[], texts: Texts): string {
  const first = groups[0] as Group;
  const head = `**${escapeMarkdown(texts.lead)}**\n\n**${escapeMarkdown(first.title)}**: `;
  const rest = others(groups);
  const more = moreCount(groups);
  // Smart Alerts markdown ends each list item with \r and starts a new line with \n\n.
  const list = rest.length > 0 ? `\n\nAlso:\n\n${rest.map((t) => `- ${escapeMarkdown(t)}\r`).join("")}${more > 0 ? `- ${more} more\r` : ""}` : "";
  const tail = `${list}\n\n${escapeMarkdown(texts.close)}`;
  const room = MAX_MESSAGE - head.length - tail.length;
  if (room >= 40) {
    // Clip before escaping would undercount; clip the escaped text and drop a dangling "\".
    return head + clipText(escapeMarkdown(first.message), room).replace(/\\…$/, "…") + tail;
  }
  return clipText(`${head}${escapeMarkdown(first.message)}\n\n${escapeMarkdown(texts.close)}`, MAX_MESSAGE).replace(/\\…$/, "…");
}

/**
 * Decides what `event.completed` receives for a finished check.
 * - nothing at warn or above → `{ allowEvent: true }`;
 * - highest severity warn → `allowEvent: false` with `sendModeOverride: PromptUser` (Send Anyway, Mailbox 1.14);
 * - highest severity block → `allowEvent: false` under the manifest's SoftBlock.
 * `errorMessage` is always set (older clients, and classic Outlook ignores the button without
 * it, office-js#5233); markdown only where 1.15 is supported; the Take Action button
 * (`cancelLabel` + `commandId` + `contextData`) only where 1.14 is.
 * @param report - the engine's report
 * @param support - the client's requirement-set support
 * @param ids - the ribbon button id
 * @returns the completion options
 */
export function completionFor(report: Report, support: SmartAlertsSupport, ids: CompletionIds): Office.SmartAlertsEventCompletedOptions {
  const shown = visibleFindings(report.findings);
  if (shown.length === 0) return { allowEvent: true };
  const verdict: "warn" | "block" = shown.some((f) => f.severity === "block") ? "block" : "warn";
  const groups = groupByRule(shown);
  const texts = textsFor(verdict, support);
  const options: Office.SmartAlertsEventCompletedOptions = { allowEvent: false, errorMessage: plainMessage(groups, texts) };
  if (support.mailbox1_15) options.errorMessageMarkdown = markdownMessage(groups, texts);
  if (support.mailbox1_14) {
    const context: SendContextData = { source: "etiquette-guard", verdict, findingIds: shown.slice(0, MAX_CONTEXT_IDS).map((f) => f.id) };
    options.cancelLabel = CANCEL_LABEL;
    options.commandId = ids.commandId;
    // A string, not an object: classic Outlook accepts other types only from build 2402.
    options.contextData = JSON.stringify(context);
    if (verdict === "warn") options.sendModeOverride = PROMPT_USER;
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
