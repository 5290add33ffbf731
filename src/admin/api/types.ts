/**
 * The shapes the policy server's admin API answers with (src/server/app.ts). Kept here or in
 * the pure core, never imported from the server, so the admin bundle never pulls in Node code.
 */
import type { Report } from "../../core/model/finding";

export type Role = "editor" | "viewer";

export type SessionUser = Readonly<{ email: string; role: Role; lastLoginAt?: string | null }>;

export type LoginResult = Readonly<{ user: SessionUser; csrfToken: string; expiresAt: string }>;

export type Me = Readonly<{ user: SessionUser; expiresAt: string }>;

/** One rule of the catalogue, as `GET /api/rules` lists it. */
export type { RuleInfo } from "../../core/rules/catalogue";

export type Draft = Readonly<{ revision: number; policy: unknown; updatedAt: string; updatedBy: string }>;

export type PolicyChange = Readonly<{ path: string; kind: "added" | "removed" | "changed"; before?: unknown; after?: unknown }>;

export type DiffResult = Readonly<{ against: number; draftRevision: number; changes: readonly PolicyChange[] }>;

export type VersionSummary = Readonly<{ version: number; author: string; publishedAt: string; note: string; rollbackOf: number | null }>;

export type PublishedVersion = VersionSummary & Readonly<{ policy: unknown }>;

export type PublishResult = Readonly<{ version: number; publishedAt: string; author: string; note: string }>;

export type RollbackResult = PublishResult & Readonly<{ rollbackOf: number | null; draftKept: boolean }>;

export type AuditEntry = Readonly<{ id: number; at: string; actor: string; action: string; detail: Readonly<Record<string, unknown>> }>;

export type TryResult = Readonly<{ draftRevision: number; report: Report }>;

export type { WeeklyReport, WeeklyRow } from "../../core/model/event";

export type Issue = Readonly<{ path: string; message: string }>;

/** A message typed or pasted into "Try a message" (the core's MessageDraft, JSON form). */
export type TryDraft = Readonly<{
  from?: { email: string };
  to: readonly string[];
  cc: readonly string[];
  bcc: readonly string[];
  subject: string;
  body: string;
  composeType?: "new" | "reply" | "forward";
}>;
