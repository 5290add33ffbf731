/**
 * Content-free monitor events from the add-in and SMT's weekly report over them. An event says
 * which rules matched, what the sender did and from which client — never any e-mail text,
 * address or subject. Validation is strict: any unknown field or value rejects the batch.
 */
import type Database from "better-sqlite3";
import type { Clock, Db } from "./db";
import { EVENT_ACTIONS, EVENT_VERDICTS, type DropReason, type DroppedEvents, type EventAction, type EventVerdict, type MonitorEvent, type WeeklyRow } from "../core/model/event";
import { isRecord } from "../core/util/is-record";

type Statement = Database.Statement<unknown[]>;

export const VERDICTS = EVENT_VERDICTS;
export const ACTIONS = EVENT_ACTIONS;
export type { EventAction, EventVerdict, MonitorEvent };
export const MAX_EVENTS_PER_BATCH = 100;
const MAX_RULES_PER_EVENT = 50;
const MAX_WORDS = 10;
const MAX_WORD_LENGTH = 64;
const MAX_REASON_LENGTH = 500;
/** Events further in the future than this (clock skew) or older than a year are refused. */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;
const MAX_AGE_MS = 366 * 24 * 3600 * 1000;

export type EventIssue = Readonly<{ path: string; message: string }>;

const EVENT_KEYS = new Set(["ruleIds", "monitorRuleIds", "verdict", "action", "client", "at", "sender", "reason", "ruleId", "words"]);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const SENDER = /^[A-Za-z0-9_-]{8,64}$/;
const CLIENT = /^[A-Za-z0-9 ._()/-]{1,64}$/;

function hasControl(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/**
 * Validates a batch of events.
 * @param body - the parsed request body
 * @param knownRules - the rule ids that exist
 * @param now - the server's time
 * @returns the events, or the problems with their paths
 */
export function validateEventBatch(
  body: unknown,
  knownRules: ReadonlySet<string>,
  now: Date,
): { ok: true; events: MonitorEvent[] } | { ok: false; issues: EventIssue[] } {
  const issues: EventIssue[] = [];
  const add = (path: string, message: string): void => {
    if (issues.length < 20) issues.push({ path, message });
  };
  if (!isRecord(body)) return { ok: false, issues: [{ path: "(root)", message: "expected an object { events: [...] }" }] };
  for (const key of Object.keys(body)) if (key !== "events") add(key, "unknown field");
  const list = body.events;
  if (!Array.isArray(list)) return { ok: false, issues: [...issues, { path: "events", message: "expected an array" }] };
  if (list.length === 0) add("events", "expected at least one event");
  if (list.length > MAX_EVENTS_PER_BATCH) add("events", `expected at most ${MAX_EVENTS_PER_BATCH} events`);
  const events: MonitorEvent[] = [];
  list.slice(0, MAX_EVENTS_PER_BATCH).forEach((raw: unknown, i) => {
    const p = `events[${i}]`;
    if (!isRecord(raw)) {
      add(p, "expected an object");
      return;
    }
    for (const key of Object.keys(raw)) if (!EVENT_KEYS.has(key)) add(`${p}.${key}`, "unknown field");
    const ruleList = (field: "ruleIds" | "monitorRuleIds", required: boolean): string[] => {
      const value = raw[field];
      if (value === undefined && !required) return [];
      if (!Array.isArray(value)) {
        add(`${p}.${field}`, "expected an array of rule ids");
        return [];
      }
      if (value.length > MAX_RULES_PER_EVENT) add(`${p}.${field}`, `expected at most ${MAX_RULES_PER_EVENT} rule ids`);
      value.forEach((id: unknown, j) => {
        if (typeof id !== "string" || !knownRules.has(id)) add(`${p}.${field}[${j}]`, "unknown rule id");
      });
      if (new Set(value).size !== value.length) add(`${p}.${field}`, "duplicate rule id");
      return value.filter((id): id is string => typeof id === "string");
    };
    const ruleIds = ruleList("ruleIds", true);
    const monitorRuleIds = ruleList("monitorRuleIds", false);
    monitorRuleIds.forEach((id, j) => {
      if (!ruleIds.includes(id)) add(`${p}.monitorRuleIds[${j}]`, "must also be listed in ruleIds");
    });
    const verdict = raw.verdict;
    if (!VERDICTS.includes(verdict as EventVerdict)) add(`${p}.verdict`, `expected one of ${VERDICTS.join(", ")}`);
    const action = raw.action;
    if (!ACTIONS.includes(action as EventAction)) add(`${p}.action`, `expected one of ${ACTIONS.join(", ")}`);
    if (typeof raw.client !== "string" || !CLIENT.test(raw.client)) add(`${p}.client`, "expected a short client name (letters, digits, space . _ ( ) / -)");
    if (typeof raw.sender !== "string" || !SENDER.test(raw.sender)) add(`${p}.sender`, "expected a pseudonymous id: 8–64 letters, digits, _ or -");
    if (typeof raw.at !== "string" || !ISO_TIME.test(raw.at) || Number.isNaN(Date.parse(raw.at))) {
      add(`${p}.at`, "expected an ISO 8601 time with a time zone");
    } else {
      const t = Date.parse(raw.at);
      if (t > now.getTime() + FUTURE_SLACK_MS) add(`${p}.at`, "is in the future");
      if (t < now.getTime() - MAX_AGE_MS) add(`${p}.at`, "is more than a year old");
    }
    if (raw.reason !== undefined) {
      if (typeof raw.reason !== "string" || raw.reason.length > MAX_REASON_LENGTH || hasControl(raw.reason)) {
        add(`${p}.reason`, `expected text of at most ${MAX_REASON_LENGTH} characters`);
      } else if (action !== "sent-anyway") add(`${p}.reason`, 'only allowed with action "sent-anyway"');
    }
    if (raw.ruleId !== undefined) {
      if (typeof raw.ruleId !== "string" || !knownRules.has(raw.ruleId)) add(`${p}.ruleId`, "unknown rule id");
      else if (action !== "false-positive") add(`${p}.ruleId`, 'only allowed with action "false-positive"');
    } else if (action === "false-positive") add(`${p}.ruleId`, 'required with action "false-positive"');
    if (raw.words !== undefined) {
      if (action !== "false-positive") add(`${p}.words`, 'only allowed with action "false-positive"');
      else if (!Array.isArray(raw.words) || raw.words.length > MAX_WORDS) add(`${p}.words`, `expected at most ${MAX_WORDS} words`);
      else {
        raw.words.forEach((w: unknown, j) => {
          if (typeof w !== "string" || w.length === 0 || w.length > MAX_WORD_LENGTH || hasControl(w) || /\s{2,}|@/.test(w)) {
            add(`${p}.words[${j}]`, `expected a word or short phrase of at most ${MAX_WORD_LENGTH} characters, without addresses`);
          }
        });
      }
    }
    events.push({
      ruleIds,
      monitorRuleIds,
      verdict: verdict as EventVerdict,
      action: action as EventAction,
      client: raw.client as string,
      at: raw.at as string,
      sender: raw.sender as string,
      ...(typeof raw.reason === "string" ? { reason: raw.reason } : {}),
      ...(typeof raw.ruleId === "string" ? { ruleId: raw.ruleId } : {}),
      ...(Array.isArray(raw.words) ? { words: raw.words as string[] } : {}),
    });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, events };
}

/**
 * The ISO 8601 week of a time, in UTC, as `2025-W07`.
 * @param date - the time
 * @returns the week label
 */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day); // the Thursday of this week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Why events were not counted: no or a wrong install token, or a daily bound reached. */
export type { DropReason } from "../core/model/event";
export type DroppedRow = DroppedEvents;
export type EventLimits = Readonly<{ perSenderPerDay: number; perInstallPerDay: number }>;

export class EventStore {
  /** Prepared once: every batch the add-ins send runs the same few statements. */
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private statement(sql: string): Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /**
   * Runs a write without waiting for the disk at its commit (WAL, synchronous NORMAL: safe if the
   * server crashes; the last writes may be lost if the machine loses power), then puts the
   * setting back. Events are counts for the weekly report, not SMT's work: waiting for the disk
   * took about 6 ms per write, during which the server answered nobody, add-ins asking for the
   * published policy included. Policy changes keep synchronous FULL.
   * @param write - the write (a statement or a whole transaction)
   * @returns what it returns
   */
  private withoutWaitingForDisk<T>(write: () => T): T {
    const synchronous = this.db.pragma("synchronous", { simple: true }) as number;
    this.db.pragma("synchronous = NORMAL");
    try {
      return write();
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
    }
  }

  /**
   * Counts events that were not stored, under the ISO week they arrived in.
   * @param reason - why
   * @param count - how many events
   */
  dropped(reason: DropReason, count: number): void {
    if (count <= 0) return;
    this.withoutWaitingForDisk(() => this.countDropped(reason, count));
  }

  private countDropped(reason: DropReason, count: number): void {
    if (count <= 0) return;
    this.statement("INSERT INTO event_drops (week, reason, events) VALUES (?, ?, ?) ON CONFLICT(week, reason) DO UPDATE SET events = events + excluded.events").run(isoWeek(this.clock()), reason, count);
  }

  /**
   * Stores a validated batch in one transaction, within the daily bounds (UTC day of arrival):
   * events beyond a sender's or the installation's bound are counted as dropped instead.
   * @param events - from `validateEventBatch`
   * @param limits - the daily bounds; none when omitted
   * @returns how many were stored and how many dropped
   */
  add(events: readonly MonitorEvent[], limits?: EventLimits): { accepted: number; dropped: number } {
    const now = this.clock();
    const received = now.toISOString();
    const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
    const countSender = this.statement("SELECT COUNT(*) AS n FROM events WHERE sender = ? AND received_at >= ?");
    const countAll = this.statement("SELECT COUNT(*) AS n FROM events WHERE received_at >= ?");
    let accepted = 0;
    let dropped = 0;
    const insertEvent = this.statement("INSERT INTO events (at, week, received_at, client, sender, verdict, action, reason, rule_id, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const insertRule = this.statement("INSERT INTO event_rules (event_id, rule_id, monitor) VALUES (?, ?, ?)");
    this.withoutWaitingForDisk(() =>
      this.db
        .transaction(() => {
          const perSender = new Map<string, number>();
          let total = limits ? (countAll.get(dayStart) as { n: number }).n : 0;
          const drops = { "sender-daily-limit": 0, "install-daily-limit": 0 };
          for (const e of events) {
            if (limits) {
              const sent = perSender.get(e.sender) ?? (countSender.get(e.sender, dayStart) as { n: number }).n;
              if (sent >= limits.perSenderPerDay) {
                drops["sender-daily-limit"] += 1;
                continue;
              }
              if (total >= limits.perInstallPerDay) {
                drops["install-daily-limit"] += 1;
                continue;
              }
              perSender.set(e.sender, sent + 1);
              total += 1;
            }
            accepted += 1;
            const at = new Date(e.at);
            const info = insertEvent.run(at.toISOString(), isoWeek(at), received, e.client, e.sender, e.verdict, e.action, e.reason ?? null, e.ruleId ?? null, e.words ? JSON.stringify(e.words) : null);
            const id = Number(info.lastInsertRowid);
            // With no warn or block shown, every match was a monitor-only match.
            const monitor = new Set(e.monitorRuleIds && e.monitorRuleIds.length > 0 ? e.monitorRuleIds : e.verdict === "send" ? e.ruleIds : []);
            const ids = new Set(e.ruleIds);
            if (e.ruleId) ids.add(e.ruleId);
            for (const ruleId of ids) insertRule.run(id, ruleId, monitor.has(ruleId) ? 1 : 0);
          }
          this.countDropped("sender-daily-limit", drops["sender-daily-limit"]);
          this.countDropped("install-daily-limit", drops["install-daily-limit"]);
          dropped = drops["sender-daily-limit"] + drops["install-daily-limit"];
        })
        .immediate(),
    );
    return { accepted, dropped };
  }

  /**
   * Events not counted, per ISO week of arrival and reason.
   * @param fromWeek - first week (inclusive); all when omitted
   * @param toWeek - last week (inclusive)
   * @returns rows ordered by week then reason
   */
  droppedByWeek(fromWeek?: string, toWeek?: string): DroppedRow[] {
    return this.db
      .prepare("SELECT week, reason, events FROM event_drops WHERE week >= ? AND week <= ? ORDER BY week, reason")
      .all(fromWeek ?? "0000-W00", toWeek ?? "9999-W99") as DroppedRow[];
  }

  /**
   * Per rule and ISO week: hits, monitor hits, warnings shown, warnings overridden, blocks, false-positive reports.
   * @param fromWeek - first week (inclusive), e.g. "2025-W01"; all when omitted
   * @param toWeek - last week (inclusive)
   * @returns rows ordered by week then rule
   */
  weekly(fromWeek?: string, toWeek?: string): WeeklyRow[] {
    const rows = this.db
      .prepare(
        `SELECT e.week AS week, r.rule_id AS ruleId,
            SUM(CASE WHEN e.action <> 'false-positive' THEN 1 ELSE 0 END) AS hits,
            SUM(CASE WHEN e.action <> 'false-positive' AND r.monitor = 1 THEN 1 ELSE 0 END) AS monitorHits,
            SUM(CASE WHEN e.action = 'sent-anyway' AND r.monitor = 0 THEN 1 ELSE 0 END) AS overridden,
            SUM(CASE WHEN e.action = 'blocked' AND e.verdict = 'block' AND r.monitor = 0 THEN 1 ELSE 0 END) AS blocks,
            SUM(CASE WHEN e.action = 'warned' AND r.monitor = 0 THEN 1 ELSE 0 END) AS warned,
            SUM(CASE WHEN e.action = 'false-positive' AND e.rule_id = r.rule_id THEN 1 ELSE 0 END) AS falsePositives
         FROM events e JOIN event_rules r ON r.event_id = e.id
         WHERE e.week >= ? AND e.week <= ?
         GROUP BY e.week, r.rule_id
         ORDER BY e.week, r.rule_id`,
      )
      .all(fromWeek ?? "0000-W00", toWeek ?? "9999-W99") as WeeklyRow[];
    return rows;
  }
}
