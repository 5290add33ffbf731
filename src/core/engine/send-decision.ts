/**
 * What Send does with a checked message, said once for every surface: the on-send handler
 * (office/complete-send turns it into Smart Alerts options), the admin app's "Try a message"
 * preview, and anything else that shows the Send dialog's words.
 *
 * The engine has already decided: `report.verdict` (see `verdictOf`) and the findings in
 * order, most serious first. Nothing here re-sorts or re-decides; it only splits the findings
 * into those that decide what Send does and those Send puts right by itself (`fixedAtSend`,
 * e.g. the disclaimer added automatically), and words the dialog.
 */
import type { Finding, Report, Verdict } from "../model/finding";
import { rules } from "../rules";

/** What Send will do with a checked message. */
export type SendDecision = Readonly<{
  /** The engine's verdict: findings Send fixes by itself never make it warn or block. */
  verdict: Verdict;
  /** Warn and block findings that hold the message back or ask the sender, in the engine's order. */
  deciding: readonly Finding[];
  /** Findings Send puts right by itself: shown as something that will happen, never as a reason to stop. */
  fixedAtSend: readonly Finding[];
}>;

/**
 * Splits a report into what decides Send and what Send fixes by itself. Monitor findings are
 * in neither: the sender never sees them.
 * @param report - the engine's report (verdict and findings, most serious first)
 * @returns the decision
 */
export function sendDecision(report: Report): SendDecision {
  const deciding: Finding[] = [];
  const fixedAtSend: Finding[] = [];
  for (const f of report.findings) {
    if (f.severity === "monitor") continue;
    if (f.fixedAtSend === true) fixedAtSend.push(f);
    else deciding.push(f);
  }
  return { verdict: report.verdict, deciding, fixedAtSend };
}

/** Smart Alerts caps `errorMessage` and `errorMessageMarkdown` at 500 characters. */
export const MAX_DIALOG_TEXT = 500;
/** The Take Action button's words (Smart Alerts caps `cancelLabel` at 20 characters). */
export const FIX_IT_LABEL = "Fix it";

/** How many rules the dialog names; the task pane lists the rest. */
const MAX_RULES_NAMED = 3;

/** Which parts of the dialog the client can show. */
export type DialogSupport = Readonly<{
  /** A Take Action button (`FIX_IT_LABEL`) that opens the task pane, and Send Anyway for warnings (Mailbox 1.14). */
  takeAction: boolean;
  /** Markdown text (Mailbox 1.15). */
  markdown: boolean;
}>;

/** The Send dialog's words for a message that is warned or held back. */
export type SendDialog = Readonly<{
  verdict: "warn" | "block";
  /** Plain text, at most `MAX_DIALOG_TEXT` characters. */
  text: string;
  /** Markdown, at most `MAX_DIALOG_TEXT` characters; only when `support.markdown`. */
  markdown?: string;
  /** The deciding findings, in the engine's order (most serious first). */
  findings: readonly Finding[];
}>;

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

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
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

function textsFor(verdict: "warn" | "block", support: DialogSupport): Texts {
  if (verdict === "block") {
    return {
      lead: "This e-mail can't be sent yet.",
      close: support.takeAction ? `Select ${FIX_IT_LABEL} to see the details and put it right.` : "Open Etiquette Guard from the ribbon to see the details.",
    };
  }
  return {
    lead: "Please check this e-mail before it goes.",
    close: support.takeAction ? `Select ${FIX_IT_LABEL} to review it, or Send Anyway if it is right as it is.` : "Open Etiquette Guard from the ribbon to review it.",
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
 * other rules by title, then what to do. Fits `MAX_DIALOG_TEXT` by shortening the first message.
 */
function plainText(groups: readonly Group[], texts: Texts): string {
  const first = groups[0] as Group;
  const rest = others(groups);
  const more = moreCount(groups);
  const also = rest.length > 0 ? ` Also: ${rest.join("; ")}${more > 0 ? `; and ${more} more` : ""}.` : "";
  const fixed = `${texts.lead} ${first.title}: `;
  const tail = `${also} ${texts.close}`;
  const room = MAX_DIALOG_TEXT - fixed.length - tail.length;
  if (room >= 40) return fixed + clipText(first.message, room) + tail;
  // Extremely long titles: drop the list of other rules before the lead finding.
  return clipText(`${fixed}${first.message} ${texts.close}`, MAX_DIALOG_TEXT);
}

/** The markdown dialog text (Mailbox 1.15): bold lead finding, other rules as a list. */
function markdownText(groups: readonly Group[], texts: Texts): string {
  const first = groups[0] as Group;
  const head = `**${escapeMarkdown(texts.lead)}**\n\n**${escapeMarkdown(first.title)}**: `;
  const rest = others(groups);
  const more = moreCount(groups);
  // Smart Alerts markdown ends each list item with \r and starts a new line with \n\n.
  const list = rest.length > 0 ? `\n\nAlso:\n\n${rest.map((t) => `- ${escapeMarkdown(t)}\r`).join("")}${more > 0 ? `- ${more} more\r` : ""}` : "";
  const tail = `${list}\n\n${escapeMarkdown(texts.close)}`;
  const room = MAX_DIALOG_TEXT - head.length - tail.length;
  if (room >= 40) {
    // Clip before escaping would undercount; clip the escaped text and drop a dangling "\".
    return head + clipText(escapeMarkdown(first.message), room).replace(/\\…$/, "…") + tail;
  }
  return clipText(`${head}${escapeMarkdown(first.message)}\n\n${escapeMarkdown(texts.close)}`, MAX_DIALOG_TEXT).replace(/\\…$/, "…");
}

/**
 * The Send dialog for a checked message, or `null` when Send lets it go without a word
 * (verdict "send": nothing deciding, or only findings Send fixes by itself).
 * @param report - the engine's report
 * @param support - what the client can show
 * @returns the dialog's verdict, words and deciding findings, or null
 */
export function sendDialog(report: Report, support: DialogSupport): SendDialog | null {
  const decision = sendDecision(report);
  if (decision.verdict === "send" || decision.deciding.length === 0) return null;
  const groups = groupByRule(decision.deciding);
  const texts = textsFor(decision.verdict, support);
  return {
    verdict: decision.verdict,
    text: plainText(groups, texts),
    ...(support.markdown ? { markdown: markdownText(groups, texts) } : {}),
    findings: decision.deciding,
  };
}
