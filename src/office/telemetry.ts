/**
 * What the on-send handler tells SMT's report about one Send: content-free (rule ids, verdict,
 * client, time, a pseudonymous sender id) and only when a rule matched — monitor-mode rules
 * included, which is how SMT see a rule's effect before enforcing it (issue 5 §5).
 */
import type { Report } from "../core/model/finding";
import type { UnsignedEvent } from "./event-queue";

/**
 * Builds the event for a checked Send.
 * @param report - the report the decision was made on
 * @param context - client name and time (the queue's `record` adds the pseudonymous sender)
 * @returns the event, or undefined when no rule matched
 */
export function sendEvent(report: Report, context: Readonly<{ client: string; at: string }>): UnsignedEvent | undefined {
  if (report.findings.length === 0) return undefined;
  const ruleIds: string[] = [];
  const enforced = new Set<string>();
  for (const f of report.findings) {
    if (ruleIds.indexOf(f.ruleId) < 0) ruleIds.push(f.ruleId);
    if (f.severity !== "monitor") enforced.add(f.ruleId);
  }
  const monitorRuleIds = ruleIds.filter((id) => !enforced.has(id));
  return {
    ruleIds,
    ...(monitorRuleIds.length > 0 ? { monitorRuleIds } : {}),
    verdict: report.verdict,
    // A warning lets the sender choose Send Anyway, which Outlook does not report
    // (office-js#5554), so it is "warned", never "blocked"; the task pane's "Send with a reason"
    // reports the override as "sent-anyway". Only a block stops the message.
    action: report.verdict === "send" ? "sent" : report.verdict === "warn" ? "warned" : "blocked",
    client: context.client,
    at: context.at,
  };
}

/**
 * A short name of the Outlook client from `Office.context.diagnostics`.
 * @param diagnostics - `Office.context.diagnostics`, when readable
 * @returns e.g. "classic-windows", "outlook-web", "mac"
 */
export function clientName(diagnostics: { platform?: unknown; hostName?: unknown } | undefined): string {
  const platform = diagnostics && typeof diagnostics.platform === "string" ? diagnostics.platform : "";
  switch (platform) {
    case "PC":
      return "classic-windows";
    case "OfficeOnline":
      return "outlook-web";
    case "Mac":
      return "mac";
    case "":
      return "unknown";
    default:
      return platform.toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 32);
  }
}
