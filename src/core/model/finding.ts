/**
 * Findings, reports and verdicts: what the engine hands to the send handler, the task pane,
 * the CLI and the server.
 */

/** Severity as SMT set it in the policy. `monitor` counts a hit but never shows the sender anything. */
export type Severity = "off" | "monitor" | "warn" | "block";

/** The engine's decision for one message. */
export type Verdict = "send" | "warn" | "block";

/** The field of the message a finding is about. */
export type FindingField = "from" | "to" | "cc" | "bcc" | "recipients" | "subject" | "body" | "attachments";

/** The clause of the Centre's policy that a rule enforces, quoted to the sender. */
export type PolicyClause = Readonly<{
  /** Section heading in `electronic-communication-policy.md`. */
  section: string;
  /** The words of the policy, quoted exactly. */
  quote: string;
  /** Anchor of the section in the policy document, e.g. `e-mail-etiquette-and-content`. */
  anchor: string;
}>;

/** A one-click fix the task pane can offer. The rule proposes; the task pane applies. */
export type FixKind =
  | "move-to-bcc"
  | "insert-disclaimer"
  | "remove-attachment"
  | "delay-send"
  | "remove-recipients";

export type FixSuggestion = Readonly<{
  kind: FixKind;
  /** Recipient e-mail addresses or attachment names the fix applies to. */
  targets?: readonly string[];
}>;

/** One problem found in one message. */
export type Finding = Readonly<{
  /** Stable within a report: `<ruleId>#<n>`. Used as `contextData` for the task pane. */
  id: string;
  ruleId: string;
  severity: Exclude<Severity, "off">;
  messageId: string;
  /** The filled-in message template, in plain words. */
  message: string;
  field: FindingField;
  /** What triggered the finding, with personal data masked. May be empty. */
  evidence: string;
  clause: PolicyClause;
  fix?: FixSuggestion;
  /**
   * Send puts this right by itself (the disclaimer is added automatically), so the finding is
   * shown as something that will happen, never as a reason the message is held back.
   */
  fixedAtSend?: true;
  /** Set when the finding reports that the rule itself failed (it threw). */
  ruleError?: boolean;
}>;

export type Report = Readonly<{
  /** What Send will do with the message (see `verdictOf`: findings Send fixes itself never decide). */
  verdict: Verdict;
  /** Most serious first. Includes `monitor` findings, which never affect the verdict. */
  findings: readonly Finding[];
  /** Rule ids that ran. */
  rulesRun: readonly string[];
}>;
