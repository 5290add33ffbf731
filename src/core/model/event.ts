/**
 * The content-free event the add-in reports for SMT's weekly report (issue 5 §5): the one
 * contract shared by the add-in (src/office/event-queue.ts) and the server's `POST /api/events`
 * (src/server/events.ts). Rule ids, verdict, what the sender did, client, time and a
 * pseudonymous sender id — never message text, addresses or subject.
 */

export const EVENT_VERDICTS = ["send", "warn", "block"] as const;
/**
 * What the sender did: `sent` (nothing shown), `warned` (a warning was shown at Send; Outlook does
 * not say whether the sender then chose Send Anyway), `sent-anyway` (the sender gave a reason and
 * sent), `blocked` (a block: the message could not be sent as written), `fixed`, `false-positive`.
 */
export const EVENT_ACTIONS = ["sent", "warned", "sent-anyway", "blocked", "fixed", "false-positive"] as const;

export type EventVerdict = (typeof EVENT_VERDICTS)[number];
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** One event, as `POST /api/events` accepts it (docs/server.md, "Events"). */
export type MonitorEvent = Readonly<{
  ruleIds: readonly string[];
  /** The subset of `ruleIds` that matched only in monitor mode (the sender saw nothing for them). */
  monitorRuleIds?: readonly string[];
  verdict: EventVerdict;
  action: EventAction;
  /** e.g. "classic-windows", "outlook-web", "mac". */
  client: string;
  /** ISO time with zone. */
  at: string;
  /** A pseudonymous id (`pseudonymousSender`); never an address. */
  sender: string;
  /** The sender's own reason for Send Anyway (≤ 500 characters). */
  reason?: string;
  /** For "This warning is wrong": the rule reported. */
  ruleId?: string;
  /** For "This warning is wrong": the flagged words, only if the sender agreed to share them. */
  words?: readonly string[];
}>;

/** One rule's events in one ISO week, as the weekly report (`GET /api/reports/weekly`) gives them. */
export type WeeklyRow = Readonly<{
  /** ISO week, e.g. `2026-W47`. */
  week: string;
  ruleId: string;
  /** Messages the rule matched (any mode). */
  hits: number;
  /** Matches while the rule was in monitor mode (the sender saw nothing). */
  monitorHits: number;
  /** Warnings the sender overrode with Send Anyway. */
  overridden: number;
  /** Messages the sender could not send as written. */
  blocks: number;
  /** Warnings shown at Send (the sender could still send). Always sent by the server; optional for older servers. */
  warned?: number;
  /** "This warning is wrong" reports. */
  falsePositives: number;
}>;

/** The weekly report: the weeks asked for (null: from the first, or to the last) and their rows. */
export type WeeklyReport = Readonly<{
  from: string | null;
  to: string | null;
  rows: readonly WeeklyRow[];
  /** Events the server refused to count, per week and reason. Always sent by the server; optional for older servers. */
  dropped?: readonly DroppedEvents[];
}>;

/** Why the server did not count some events: no or a wrong install token, or over a daily bound. */
export type DropReason = "no-token" | "wrong-token" | "sender-daily-limit" | "install-daily-limit";

/** How many events of one ISO week were not counted, and why. */
export type DroppedEvents = Readonly<{ week: string; reason: DropReason; events: number }>;
