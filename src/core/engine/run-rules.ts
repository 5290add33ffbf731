/**
 * The engine: runs the enabled rules of a normalised policy on a draft and produces a report.
 * A rule that throws becomes a finding for that rule; it never stops the others.
 */
import type { MessageDraft } from "../model/draft";
import type { Finding, Report, Severity, Verdict } from "../model/finding";
import type { EmailSnapshot } from "../model/snapshot";
import type { ConfiguredRule, NormalizedPolicy, OnError } from "../policy/policy";
import type { ReportDescriptor, RuleServices } from "../rules/rule";
import { buildSnapshot } from "./build-snapshot";
import { deepFreeze } from "./freeze";
import { SEVERITY_RANK } from "../model/severity";
import { interpolate } from "./interpolate";
import { maskResidualPersonalData } from "./mask";
import { clauseOfMessage } from "../policy/clause-map";
import { splitDomainCompact } from "../text/public-suffix";
import { clearTextCaches } from "../text/text-cache";
import { clearModelMemo } from "../detect/model";

export const defaultServices: RuleServices = { splitDomain: splitDomainCompact };

export type CheckOptions = Readonly<{
  services?: RuleServices;
}>;

const RANK = SEVERITY_RANK;

/** Maximum length of a finding's evidence; longer evidence is cut with an ellipsis. */
const MAX_EVIDENCE = 160;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_EVIDENCE ? `${oneLine.slice(0, MAX_EVIDENCE - 1)}…` : oneLine;
}

/**
 * The severity of the finding that reports a crashed rule: the rule's own severity, capped by
 * the policy's `onError` (with `allow`, the crash is only counted).
 * @param severity - the rule's severity
 * @param onError - the policy's onError
 * @returns the finding's severity
 */
export function crashSeverity(severity: Exclude<Severity, "off">, onError: OnError): Exclude<Severity, "off"> {
  if (onError === "allow") return "monitor";
  return RANK[severity] <= RANK[onError] ? severity : onError;
}

/**
 * What Send will actually do with a message that has these findings: block > warn > send.
 * Monitor findings never decide, and neither do findings that Send puts right by itself
 * (`fixedAtSend`, e.g. the disclaimer added automatically). Every surface — the on-send
 * handler, the task pane, the CLI, the admin app's "Try a message" — uses this verdict.
 * @param findings - the findings
 * @returns the verdict
 */
export function verdictOf(findings: readonly Pick<Finding, "severity" | "fixedAtSend">[]): Verdict {
  const deciding = findings.filter((f) => f.fixedAtSend !== true);
  if (deciding.some((f) => f.severity === "block")) return "block";
  if (deciding.some((f) => f.severity === "warn")) return "warn";
  return "send";
}

/**
 * Runs one rule, adding its findings to `found` (no list of its own per rule: 17 arrays and
 * spreads a check). A rule that throws leaves only the finding of its crash.
 */
function runOne(configured: ConfiguredRule, snapshot: EmailSnapshot, policy: NormalizedPolicy, services: RuleServices, found: Finding[]): void {
  const { rule, severity, options } = configured;
  const { meta } = rule;
  const before = found.length;
  const report = (d: ReportDescriptor): void => {
    const template = meta.messages[d.messageId];
    if (template === undefined) {
      throw new Error(`rule ${meta.id} reported unknown messageId "${d.messageId}"`);
    }
    found.push({
      id: `${meta.id}#${found.length - before + 1}`,
      ruleId: meta.id,
      severity,
      messageId: d.messageId,
      message: interpolate(template, d.data),
      field: d.field,
      evidence: d.evidence ? clip(maskResidualPersonalData(d.evidence, policy.organisation.internalDomains)) : "",
      clause: clauseOfMessage(meta.id, d.messageId) ?? meta.clause,
      ...(d.fix ? { fix: d.fix } : {}),
      ...(d.fixedAtSend === true ? { fixedAtSend: true as const } : {}),
    });
  };
  try {
    rule.check(snapshot, { options, organisation: policy.organisation, services, report });
  } catch {
    // The error text may quote message content, so it is not kept in the finding.
    found.length = before;
    found.push({
      id: `${meta.id}#error`,
      ruleId: meta.id,
      severity: crashSeverity(severity, policy.onError),
      messageId: "ruleFailed",
      message: `The "${meta.title}" check could not run on this message, so it was skipped.`,
      field: "body",
      evidence: "",
      clause: meta.clause,
      ruleError: true,
    });
  }
}

/**
 * Checks a prepared, frozen snapshot.
 * @param snapshot - from `buildSnapshot`, frozen
 * @param policy - a normalised policy
 * @param options - services for the rules
 * @returns the report
 */
export function checkSnapshot(snapshot: EmailSnapshot, policy: NormalizedPolicy, options: CheckOptions = {}): Report {
  const services = options.services || defaultServices;
  const findings: Finding[] = [];
  // Texts the rules share (lower-cased, prepared; some already by buildSnapshot) are kept for
  // this message only.
  try {
    for (const configured of policy.rules) runOne(configured, snapshot, policy, services, findings);
  } finally {
    clearTextCaches();
    clearModelMemo();
  }
  // The findings were gathered in the rules' order, each rule's in the order it reported them:
  // their place among them breaks ties of severity (a map of the rules' order, made per check,
  // cost more than the rest of the engine's own work).
  if (findings.length > 1) {
    const gathered = findings.slice();
    findings.sort((a, b) => RANK[b.severity] - RANK[a.severity] || gathered.indexOf(a) - gathered.indexOf(b));
  }
  return { verdict: verdictOf(findings), findings, rulesRun: policy.rules.map((r) => r.rule.meta.id) };
}

/**
 * Checks a draft against a policy.
 * @param draft - a validated draft (see `parseDraft`)
 * @param policy - a normalised policy (see `normalizePolicy`)
 * @param options - services for the rules
 * @returns the report: verdict and findings, most serious first
 */
export function checkDraft(draft: MessageDraft, policy: NormalizedPolicy, options: CheckOptions = {}): Report {
  clearTextCaches();
  clearModelMemo();
  const snapshot = deepFreeze(buildSnapshot(draft, policy.organisation));
  return checkSnapshot(snapshot, policy, options);
}
