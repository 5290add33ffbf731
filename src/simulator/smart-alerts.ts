/**
 * What Outlook shows after the on-send handler completes (Smart Alerts), per client and
 * requirement set — pure, so each documented difference is tested:
 * - allowEvent true (or no options): the message goes.
 * - errorMessageMarkdown (1.15) replaces errorMessage where supported; without a message the
 *   generic "<add-in> is preventing this email from being sent." appears. Both are capped at
 *   500 characters.
 * - sendModeOverride "promptUser" (1.14) turns the manifest's SoftBlock/Block into a prompt
 *   with Send Anyway.
 * - commandId + cancelLabel (1.14): Take Action opens the task pane with contextData on the
 *   web, new Outlook and classic Outlook from 1.15; classic 1.14 builds and Mac relabel
 *   Don't Send instead (walkthrough, "Customize the text and functionality of a button").
 */
import { effectiveSet, type SimClient, type SimRequirementSet } from "./sim-office";

export type SendMode = "promptUser" | "softBlock" | "block";

export type CompletedOptions = Readonly<{
  allowEvent?: boolean;
  errorMessage?: string;
  errorMessageMarkdown?: string;
  cancelLabel?: string;
  commandId?: string;
  contextData?: unknown;
  sendModeOverride?: string;
}>;

export type DialogButton = Readonly<{
  action: "sendAnyway" | "dontSend" | "takeAction";
  label: string;
}>;

export type DialogModel = Readonly<{
  title: string;
  message: Readonly<{ format: "plain" | "markdown"; text: string }>;
  buttons: readonly DialogButton[];
  /** Passed to the task pane when a button opens it. */
  contextData?: string;
  /** Which button opens the task pane, if any. */
  opensPane?: DialogButton["action"];
  /** Where the add-in broke a documented limit (shown by the simulator, not by Outlook). */
  problems: readonly string[];
}>;

export type DialogInput = Readonly<{
  options: CompletedOptions | undefined;
  client: SimClient;
  requirementSet: SimRequirementSet;
  /** The manifest's `SendMode` (SoftBlock when omitted). */
  manifestSendMode: SendMode;
  addinName: string;
  /** `<Control id>`s of the manifest's task pane buttons. */
  commandIds: readonly string[];
}>;

export const MAX_MESSAGE = 500;
export const MAX_CANCEL_LABEL = 20;

/**
 * The dialog Outlook shows, or null when the message is sent.
 * @param input - the completion options, the client and the manifest
 * @returns the dialog model, or null to send
 */
export function smartAlertsDialog(input: DialogInput): DialogModel | null {
  const { options, client } = input;
  if (!options || options.allowEvent !== false) return null;
  const set = effectiveSet(input);
  const problems: string[] = [];
  const generic = `${input.addinName} is preventing this email from being sent.`;

  let message: DialogModel["message"] = { format: "plain", text: generic };
  if (set >= 15 && typeof options.errorMessageMarkdown === "string" && options.errorMessageMarkdown !== "") {
    message = { format: "markdown", text: options.errorMessageMarkdown };
  } else if (typeof options.errorMessage === "string" && options.errorMessage !== "") {
    message = { format: "plain", text: options.errorMessage };
  }
  for (const key of ["errorMessage", "errorMessageMarkdown"] as const) {
    const value = options[key];
    if (typeof value === "string" && value.length > MAX_MESSAGE) problems.push(`${key} is ${value.length} characters; Outlook allows ${MAX_MESSAGE}.`);
  }
  if (message.text.length > MAX_MESSAGE) {
    // The documented limit is broken: the simulator shows Outlook's generic text, so the overflow is noticed.
    message = { format: "plain", text: generic };
  }
  if (set >= 15 && options.errorMessageMarkdown && !options.errorMessage) {
    problems.push("errorMessageMarkdown without errorMessage: clients before 1.15 show the generic text.");
  }

  const sendMode: SendMode = set >= 14 && options.sendModeOverride === "promptUser" ? "promptUser" : input.manifestSendMode;
  if (options.sendModeOverride !== undefined && set < 14) problems.push("sendModeOverride needs Mailbox 1.14; the manifest's SendMode applies.");

  let cancelLabel = typeof options.cancelLabel === "string" && options.cancelLabel !== "" ? options.cancelLabel : undefined;
  if (cancelLabel && cancelLabel.length > MAX_CANCEL_LABEL) {
    problems.push(`cancelLabel is ${cancelLabel.length} characters; Outlook allows ${MAX_CANCEL_LABEL}.`);
    cancelLabel = cancelLabel.slice(0, MAX_CANCEL_LABEL);
  }
  const knownCommand = typeof options.commandId === "string" && input.commandIds.includes(options.commandId);
  if (options.commandId !== undefined && !knownCommand) problems.push(`commandId "${String(options.commandId)}" is not a task pane button in the manifest: the button only cancels.`);
  const contextData =
    options.contextData === undefined ? undefined : typeof options.contextData === "string" ? options.contextData : JSON.stringify(options.contextData);
  if (options.contextData !== undefined && typeof options.contextData !== "string" && client === "classic") {
    problems.push("contextData is not a string: classic Outlook before 2402 accepts only strings.");
  }

  const buttons: DialogButton[] = [];
  if (sendMode === "promptUser") buttons.push({ action: "sendAnyway", label: "Send Anyway" });
  let opensPane: DialogButton["action"] | undefined;
  if (set >= 14 && options.commandId !== undefined) {
    const separateTakeAction = client === "web" || client === "new" || (client === "classic" && set >= 15);
    if (separateTakeAction) {
      buttons.push({ action: "dontSend", label: "Don't Send" });
      buttons.push({ action: "takeAction", label: cancelLabel ?? "Take Action" });
      if (knownCommand) opensPane = "takeAction";
    } else {
      buttons.push({ action: "dontSend", label: cancelLabel ?? "Don't Send" });
      if (knownCommand) opensPane = "dontSend";
    }
  } else {
    if (set < 14 && options.commandId !== undefined) problems.push("commandId needs Mailbox 1.14: no button opens the task pane.");
    buttons.push({ action: "dontSend", label: "Don't Send" });
  }

  return {
    title: input.addinName,
    message,
    buttons,
    ...(contextData !== undefined && opensPane ? { contextData } : {}),
    ...(opensPane ? { opensPane } : {}),
    problems,
  };
}

/** A piece of Smart Alerts Markdown, ready to render. */
export type MarkdownBlock =
  | Readonly<{ kind: "paragraph"; spans: readonly MarkdownSpan[] }>
  | Readonly<{ kind: "list"; ordered: boolean; items: ReadonlyArray<readonly MarkdownSpan[]> }>;

export type MarkdownSpan = Readonly<{ text: string; bold?: boolean; italic?: boolean; href?: string }>;

/** Characters Smart Alerts Markdown lets `\` escape. */
const ESCAPABLE = "\\\\`*_{}\\[\\]()#+\\-.!|~<>";
const UNESCAPE = new RegExp(`\\\\([${ESCAPABLE}])`, "g");

function unescape(text: string): string {
  return text.replace(UNESCAPE, "$1");
}

function spans(text: string): MarkdownSpan[] {
  const out: MarkdownSpan[] = [];
  // Escapes first, so `\*` never starts emphasis; emphasis content may hold escapes itself.
  const pattern = new RegExp(`\\\\([${ESCAPABLE}])|\\*\\*((?:\\\\.|[^*])+?)\\*\\*|(?:\\*|_)((?:\\\\.|[^*_])+?)(?:\\*|_)|\\[([^\\]]+)\\]\\((https://[^)\\s]+)\\)`, "g");
  let last = 0;
  let plain = "";
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    plain += text.slice(last, m.index);
    last = pattern.lastIndex;
    if (m[1] !== undefined) {
      plain += m[1];
      continue;
    }
    if (plain) out.push({ text: plain });
    plain = "";
    if (m[2] !== undefined) out.push({ text: unescape(m[2]), bold: true });
    else if (m[3] !== undefined) out.push({ text: unescape(m[3]), italic: true });
    else if (m[4] !== undefined && m[5] !== undefined) out.push({ text: unescape(m[4]), href: m[5] });
  }
  plain += text.slice(last);
  if (plain) out.push({ text: plain });
  return out;
}

/**
 * Parses the Markdown Smart Alerts understands: bold, italics, `-`/`*` and `1.` lists (items
 * end with `\r`), https links, and `\n\n` between paragraphs.
 * @param markdown - errorMessageMarkdown
 * @returns the blocks
 */
export function parseSmartAlertsMarkdown(markdown: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let list: { ordered: boolean; items: MarkdownSpan[][] } | null = null;
  const flush = () => {
    if (list) blocks.push({ kind: "list", ordered: list.ordered, items: list.items });
    list = null;
  };
  for (const rawLine of markdown.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (line === "") {
      flush();
      continue;
    }
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^\d+\.\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      const ordered = Boolean(numbered);
      const current: { ordered: boolean; items: MarkdownSpan[][] } = list && list.ordered === ordered ? list : { ordered, items: [] };
      if (current !== list) flush();
      list = current;
      current.items.push(spans(((bullet ?? numbered) as RegExpExecArray)[1] ?? ""));
      continue;
    }
    flush();
    blocks.push({ kind: "paragraph", spans: spans(line) });
  }
  flush();
  return blocks;
}
