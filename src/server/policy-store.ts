/**
 * The policy store: one draft (with a revision for optimistic concurrency) and every published
 * version (author, time, note). Publishing and rolling back append a version; nothing is ever
 * overwritten. All writes are single SQLite transactions.
 */
import { createHash } from "crypto";
import { defaultPolicyDocument } from "../core/policy/default-policy";
import { normalizePolicy, PolicyError } from "../core/policy/policy";
import { rules } from "../core/rules";
import type { AuditLog } from "./audit";
import type { Clock, Db } from "./db";

export type PublishedVersion = Readonly<{
  version: number;
  policy: unknown;
  author: string;
  publishedAt: string;
  note: string;
  rollbackOf: number | null;
}>;

export type VersionSummary = Omit<PublishedVersion, "policy">;

export type Draft = Readonly<{
  revision: number;
  policy: unknown;
  updatedAt: string;
  updatedBy: string;
}>;

/** A write based on an old revision; carries the current draft so the client loses nothing. */
export class ConflictError extends Error {
  constructor(readonly current: Draft) {
    super(`the draft has changed since revision you edited (it is now at revision ${current.revision})`);
    this.name = "ConflictError";
  }
}

/** The draft revision asked for is already the latest published version. */
export class AlreadyPublishedError extends Error {
  constructor(
    readonly version: number,
    readonly current: Draft,
  ) {
    super(`this draft revision is already published as version ${version}`);
    this.name = "AlreadyPublishedError";
  }
}

/** A request that cannot be carried out as asked (e.g. an unknown version). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

type VersionRow = { version: number; document: string; sha256: string; author: string; published_at: string; note: string; rollback_of: number | null };
type DraftRow = { document: string; revision: number; updated_at: string; updated_by: string };

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Validates a policy document with the core; throws `PolicyError` naming each path.
 * @param policy - the candidate policy
 */
export function validatePolicy(policy: unknown): void {
  normalizePolicy(policy, rules);
}

/**
 * A canonical JSON text of a document (keys in a stable order), so equal policies compare equal.
 * @param value - any JSON value
 * @returns the canonical text
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

function toVersion(row: VersionRow): PublishedVersion {
  return {
    version: row.version,
    policy: JSON.parse(row.document) as unknown,
    author: row.author,
    publishedAt: row.published_at,
    note: row.note,
    rollbackOf: row.rollback_of,
  };
}

export class PolicyStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    this.initialise();
  }

  /** First start: the default policy becomes version 1 (author "system") and the draft. */
  private initialise(): void {
    this.db
      .transaction(() => {
        const has = this.db.prepare("SELECT 1 FROM published_versions LIMIT 1").get();
        if (has) return;
        const now = this.clock().toISOString();
        const document = canonicalJson(defaultPolicyDocument());
        this.db
          .prepare("INSERT INTO published_versions (version, document, sha256, author, published_at, note) VALUES (1, ?, ?, 'system', ?, ?)")
          .run(document, sha256(document), now, "The Centre's policy as written (default)");
        this.db.prepare("INSERT OR IGNORE INTO draft (id, document, revision, updated_at, updated_by) VALUES (1, ?, 1, ?, 'system')").run(document, now);
        this.audit.record("system", "policy-published", { version: 1, note: "default policy" });
      })
      .immediate();
  }

  /** @returns the number of the latest published version (cheap; for caches) */
  latestVersion(): number {
    return (this.db.prepare("SELECT MAX(version) AS v FROM published_versions").get() as { v: number }).v;
  }

  /** @returns the latest published version */
  published(): PublishedVersion {
    const row = this.db.prepare("SELECT * FROM published_versions ORDER BY version DESC LIMIT 1").get() as VersionRow;
    return toVersion(row);
  }

  /** @returns the draft */
  draft(): Draft {
    const row = this.db.prepare("SELECT * FROM draft WHERE id = 1").get() as DraftRow;
    return { revision: row.revision, policy: JSON.parse(row.document) as unknown, updatedAt: row.updated_at, updatedBy: row.updated_by };
  }

  /**
   * Replaces the draft if `revision` is the current one.
   * @param policy - the new draft policy (validated first)
   * @param revision - the revision the editor started from
   * @param author - the editor's e-mail
   * @returns the saved draft (revision + 1)
   * @throws PolicyError when the policy is invalid; ConflictError when the revision is stale
   */
  saveDraft(policy: unknown, revision: number, author: string): Draft {
    validatePolicy(policy);
    const document = canonicalJson(policy);
    return this.db
      .transaction(() => {
        const current = this.draft();
        if (current.revision !== revision) throw new ConflictError(current);
        const now = this.clock().toISOString();
        this.db.prepare("UPDATE draft SET document = ?, revision = ?, updated_at = ?, updated_by = ? WHERE id = 1").run(document, revision + 1, now, author);
        this.audit.record(author, "draft-saved", { revision: revision + 1 });
        return this.draft();
      })
      .immediate();
  }

  /**
   * Publishes the draft as a new version.
   * @param revision - the draft revision the editor reviewed; a newer draft is a conflict
   * @param author - the editor's e-mail
   * @param note - why (shown in the history)
   * @returns the new version
   * @throws ConflictError when the draft changed since `revision`; PolicyError if the draft is invalid
   */
  publish(revision: number, author: string, note: string): PublishedVersion {
    return this.db
      .transaction(() => {
        const draft = this.draft();
        if (draft.revision !== revision) throw new ConflictError(draft);
        // Compare-and-set: this revision may already be the latest version (a double click, two
        // editors at once); a second copy of it is a conflict, not a new version.
        const latest = this.db.prepare("SELECT version, draft_revision FROM published_versions ORDER BY version DESC LIMIT 1").get() as { version: number; draft_revision: number | null };
        if (latest.draft_revision === revision) throw new AlreadyPublishedError(latest.version, draft);
        // Rules may have changed since the draft was saved (an upgrade); never publish an invalid policy.
        validatePolicy(draft.policy);
        const version = this.append(canonicalJson(draft.policy), author, note, null, revision);
        this.audit.record(author, "policy-published", { version: version.version, revision, note });
        return version;
      })
      .immediate();
  }

  /**
   * Publishes an earlier version again as a new version. If the draft had no unpublished
   * changes it follows; otherwise it is kept as it is.
   * @param target - the version to return to
   * @param author - the editor's e-mail
   * @param note - why
   * @returns the new version and whether the draft was kept
   * @throws NotFoundError for an unknown version
   */
  rollback(target: number, author: string, note: string): { version: PublishedVersion; draftKept: boolean } {
    return this.db
      .transaction(() => {
        const old = this.db.prepare("SELECT * FROM published_versions WHERE version = ?").get(target) as VersionRow | undefined;
        if (!old) throw new NotFoundError(`there is no published version ${target}`);
        const before = this.published();
        const draft = this.draft();
        const draftClean = canonicalJson(draft.policy) === canonicalJson(before.policy);
        const version = this.append(old.document, author, note || `Rollback to version ${target}`, target);
        if (draftClean) {
          this.db
            .prepare("UPDATE draft SET document = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = 1")
            .run(old.document, version.publishedAt, author);
        }
        this.audit.record(author, "policy-rolled-back", { version: version.version, rollbackOf: target, note, draftKept: !draftClean });
        return { version, draftKept: !draftClean };
      })
      .immediate();
  }

  private append(document: string, author: string, note: string, rollbackOf: number | null, draftRevision: number | null = null): PublishedVersion {
    const last = this.db.prepare("SELECT MAX(version) AS v FROM published_versions").get() as { v: number };
    const version = last.v + 1;
    const now = this.clock().toISOString();
    this.db
      .prepare("INSERT INTO published_versions (version, document, sha256, author, published_at, note, rollback_of, draft_revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(version, document, sha256(document), author, now, note, rollbackOf, draftRevision);
    return { version, policy: JSON.parse(document) as unknown, author, publishedAt: now, note, rollbackOf };
  }

  /** @returns every published version without its policy, newest first */
  history(): VersionSummary[] {
    const rows = this.db.prepare("SELECT version, author, published_at, note, rollback_of FROM published_versions ORDER BY version DESC").all() as VersionRow[];
    return rows.map((r) => ({ version: r.version, author: r.author, publishedAt: r.published_at, note: r.note, rollbackOf: r.rollback_of }));
  }

  /**
   * @param version - a version number
   * @returns that version, or undefined
   */
  version(version: number): PublishedVersion | undefined {
    const row = this.db.prepare("SELECT * FROM published_versions WHERE version = ?").get(version) as VersionRow | undefined;
    return row ? toVersion(row) : undefined;
  }

  /**
   * Checks the stored history: versions 1..N without gaps, each document matching its hash and
   * a valid policy. Used at start-up and by the crash test.
   * @returns a list of problems (empty when all is well)
   */
  verifyHistory(): string[] {
    const problems: string[] = [];
    const rows = this.db.prepare("SELECT * FROM published_versions ORDER BY version").all() as VersionRow[];
    rows.forEach((row, i) => {
      if (row.version !== i + 1) problems.push(`version ${row.version} found where ${i + 1} was expected`);
      if (sha256(row.document) !== row.sha256) problems.push(`version ${row.version}: document does not match its hash`);
      try {
        validatePolicy(JSON.parse(row.document));
      } catch (e) {
        problems.push(`version ${row.version}: ${e instanceof PolicyError ? e.message : String(e)}`);
      }
    });
    return problems;
  }
}
