/**
 * Automatic insertion of the Centre standard disclaimer at send time (the `disclaimer` rule's
 * `autoInsert` option).
 *
 * Why it is done this way: `body.appendOnSendAsync` / `prependOnSendAsync` called inside the
 * OnMessageSend handler report success but add nothing on the first Send in Outlook on the web
 * and new Outlook, and fail with error 9032 when Send is pressed again (office-js#6908, open);
 * registering them earlier would need an OnNewMessageCompose handler on every compose, the
 * AppendOnSend extended permission, and guessing at compose time whether the body will still
 * lack the disclaimer at send time. Instead the handler, which has already read the body,
 * writes it back once with the disclaimer appended (`body.setAsync`, Mailbox 1.3, works on
 * every client that runs Smart Alerts). It is idempotent by construction:
 * - it only acts when the rule itself reports the disclaimer *missing* — the rule reads the
 *   whole body, so a second Send (the first insertion is now in the body) or a reply that
 *   quotes a message carrying the disclaimer gives no finding and no insertion;
 * - the HTML copy is wrapped in an element with a marker id, and a body that already has the
 *   marker is never written again (even if the sender edited the wording);
 * - a partly present ("altered") disclaimer is left to the sender, so two copies never meet.
 * It is skipped (the finding stays, with a message saying so) when writing the body could lose
 * content: bodies over setAsync's 1,000,000-character limit, and HTML bodies with inline `cid:`
 * images, which body.setAsync during OnMessageSend can drop (office-js#6808, open).
 */
import { verdictOf, type Finding, type NormalizedPolicy, type Report } from "../core";
import type { DraftRead } from "./read-draft";
import { Coercion, type CallQueue } from "./office-async";

export const DISCLAIMER_RULE_ID = "disclaimer";
/** The id (and class) of the element that wraps an inserted HTML disclaimer. */
export const DISCLAIMER_MARKER = "etiquette-guard-disclaimer";
/** `body.setAsync` accepts at most 1,000,000 characters (Mailbox 1.3 reference). */
export const SET_BODY_LIMIT = 1_000_000;
/** Message ids of the disclaimer rule that mean "not there at all". */
const MISSING_IDS: readonly string[] = ["missing", "missingAutoInsert"];

/** Shown instead of the rule's "it will be added for you" when it could not be added. */
export const DISCLAIMER_NOT_INSERTED =
  "The Centre's standard disclaimer could not be added to this e-mail automatically. Please insert it before sending; Etiquette Guard can insert it with one click.";

/** Why the disclaimer was not inserted. */
export type SkipReason = "not-needed" | "auto-insert-off" | "marker-present" | "too-large" | "inline-images" | "body-unreadable";

export type DisclaimerPlan =
  | Readonly<{ action: "none"; reason: SkipReason }>
  | Readonly<{ action: "insert"; coercion: "html" | "text"; body: string }>;

export type DisclaimerOutcome = Readonly<{ inserted: boolean; reason?: SkipReason | "write-failed" }>;

/**
 * Whether the policy asks the handler to insert the disclaimer itself.
 * @param policy - the normalised policy
 * @returns true when the disclaimer rule is enabled with `autoInsert` on
 */
export function autoInsertEnabled(policy: NormalizedPolicy): boolean {
  const configured = policy.rules.find((r) => r.rule.meta.id === DISCLAIMER_RULE_ID);
  return Boolean(configured && configured.options.autoInsert === true);
}

/**
 * The findings an insertion would fix: the disclaimer rule saying it is missing, at warn or
 * block (monitor findings show nothing, and a rule that crashed tells us nothing).
 * @param report - the report
 * @returns those findings
 */
export function missingDisclaimerFindings(report: Report): Finding[] {
  return report.findings.filter(
    (f) => f.ruleId === DISCLAIMER_RULE_ID && !f.ruleError && MISSING_IDS.includes(f.messageId) && (f.severity === "warn" || f.severity === "block"),
  );
}

/**
 * Tells whether an HTML body carries an inserted disclaimer's marker (Outlook may prefix ids
 * in quoted copies, e.g. `x_etiquette-guard-disclaimer`, which still matches).
 * @param html - the HTML body
 * @returns true when the marker is present
 */
export function hasDisclaimerMarker(html: string): boolean {
  return html.toLowerCase().includes(DISCLAIMER_MARKER);
}

/**
 * Appends the HTML disclaimer inside `<body>`, wrapped in the marker element.
 * @param html - the HTML body
 * @param disclaimerHtml - the organisation's HTML disclaimer
 * @returns the new body
 */
export function appendHtmlDisclaimer(html: string, disclaimerHtml: string): string {
  const block = `<div id="${DISCLAIMER_MARKER}" class="${DISCLAIMER_MARKER}">${disclaimerHtml}</div>`;
  const close = html.toLowerCase().lastIndexOf("</body");
  return close >= 0 ? html.slice(0, close) + block + html.slice(close) : html + block;
}

/**
 * Appends the text disclaimer after a blank line.
 * @param text - the text body
 * @param disclaimerText - the organisation's text disclaimer
 * @returns the new body
 */
export function appendTextDisclaimer(text: string, disclaimerText: string): string {
  const trimmed = text.replace(/\s+$/, "");
  return trimmed === "" ? disclaimerText : `${trimmed}\r\n\r\n${disclaimerText}`;
}

/**
 * Decides whether and how to insert the disclaimer. Pure.
 * @param policy - the normalised policy
 * @param report - the report on the body as read
 * @param read - what was read from the item
 * @returns the plan
 */
export function planDisclaimer(policy: NormalizedPolicy, report: Report, read: DraftRead): DisclaimerPlan {
  if (missingDisclaimerFindings(report).length === 0) return { action: "none", reason: "not-needed" };
  if (!autoInsertEnabled(policy)) return { action: "none", reason: "auto-insert-off" };
  const disclaimer = policy.organisation.disclaimer;
  if (!read.bodyTypeKnown) return { action: "none", reason: "body-unreadable" };
  if (read.bodyType === "html") {
    const html = read.bodyHtml;
    if (typeof html !== "string") return { action: "none", reason: "body-unreadable" };
    if (hasDisclaimerMarker(html)) return { action: "none", reason: "marker-present" };
    if (/\bsrc\s*=\s*["']?\s*cid:/i.test(html)) return { action: "none", reason: "inline-images" };
    const body = appendHtmlDisclaimer(html, disclaimer.html);
    return body.length > SET_BODY_LIMIT ? { action: "none", reason: "too-large" } : { action: "insert", coercion: "html", body };
  }
  const body = appendTextDisclaimer(read.draft.body, disclaimer.text);
  return body.length > SET_BODY_LIMIT ? { action: "none", reason: "too-large" } : { action: "insert", coercion: "text", body };
}

/** The part of the compose item's body this module writes. */
export type WritableBody = Readonly<{
  setAsync(data: string, options: Office.AsyncContextOptions & Office.CoercionTypeOptions, callback?: (result: Office.AsyncResult<void>) => void): void;
}>;

/**
 * Carries out a plan with `body.setAsync` through the call queue.
 * @param body - `Office.context.mailbox.item.body`
 * @param plan - from `planDisclaimer`
 * @param queue - the handler's call queue
 * @returns whether the disclaimer is now in the body
 */
export function applyDisclaimer(body: WritableBody, plan: DisclaimerPlan, queue: CallQueue): Promise<DisclaimerOutcome> {
  if (plan.action === "none") return Promise.resolve({ inserted: false, reason: plan.reason });
  const coercionType = plan.coercion === "html" ? Coercion.Html : Coercion.Text;
  return queue
    .run<void>("body.set", (cb) => body.setAsync(plan.body, { coercionType, asyncContext: "body.set" }, cb))
    .then(
      (): DisclaimerOutcome => ({ inserted: true }),
      (): DisclaimerOutcome => ({ inserted: false, reason: "write-failed" }),
    );
}

/**
 * The report after the insertion attempt: an inserted disclaimer removes the findings it
 * fixed (so they neither block nor prompt this send); a failed or skipped one keeps them, with
 * a message that no longer promises automatic insertion.
 * @param report - the report
 * @param outcome - what `applyDisclaimer` did
 * @returns the adjusted report
 */
export function reportAfterDisclaimer(report: Report, outcome: DisclaimerOutcome): Report {
  const fixed = new Set(missingDisclaimerFindings(report).map((f) => f.id));
  if (fixed.size === 0) return report;
  if (outcome.inserted) {
    const findings = report.findings.filter((f) => !fixed.has(f.id));
    return { ...report, findings, verdict: verdictOf(findings) };
  }
  if (outcome.reason === "auto-insert-off" || outcome.reason === "not-needed") return report;
  // Not added after all: the finding is no longer something Send puts right, so it decides again.
  const findings = report.findings.map((f) => {
    if (!fixed.has(f.id)) return f;
    // A copy without fixedAtSend (written so rather than with a rest pattern, which the on-send
    // bundle would carry a helper for).
    const rest: { -readonly [K in keyof Finding]: Finding[K] } = { ...f };
    delete rest.fixedAtSend;
    return f.messageId === "missingAutoInsert" ? { ...rest, message: DISCLAIMER_NOT_INSERTED } : rest;
  });
  return { ...report, findings, verdict: verdictOf(findings) };
}
