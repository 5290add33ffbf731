/**
 * The audit log: sign-ins (success and failure), sign-outs, account changes and policy changes.
 * Entries are written in the same transaction as the change they describe.
 */
import type { Clock, Db } from "./db";

export type AuditAction =
  | "sign-in"
  | "sign-in-failed"
  | "sign-out"
  | "draft-saved"
  | "install-token-rotated"
  | "policy-published"
  | "policy-rolled-back"
  | "user-added"
  | "user-removed"
  | "password-reset";

export type AuditEntry = Readonly<{
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  detail: Readonly<Record<string, unknown>>;
}>;

type AuditRow = { id: number; at: string; actor: string; action: AuditAction; detail: string };

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends an entry. Call inside the transaction of the change it records.
   * @param actor - who (an e-mail address, "system" or "cli")
   * @param action - what
   * @param detail - small JSON detail; never message content or passwords
   */
  record(actor: string, action: AuditAction, detail: Record<string, unknown> = {}): void {
    this.db
      .prepare("INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)")
      .run(this.clock().toISOString(), actor, action, JSON.stringify(detail));
  }

  /**
   * Lists entries, newest first.
   * @param limit - at most this many (1–500)
   * @param before - only entries with an id below this (for paging)
   * @returns the entries
   */
  list(limit = 100, before?: number): AuditEntry[] {
    const n = Math.max(1, Math.min(500, Math.floor(limit)));
    const rows = (
      before === undefined
        ? this.db.prepare("SELECT * FROM audit ORDER BY id DESC LIMIT ?").all(n)
        : this.db.prepare("SELECT * FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?").all(before, n)
    ) as AuditRow[];
    return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }
}
