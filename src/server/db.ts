/**
 * The server's SQLite database (better-sqlite3): opening it in WAL mode with full fsync on
 * commit, and the schema migrations. Every write elsewhere runs inside a transaction, so a
 * process killed mid-write leaves the last committed state and nothing half-written.
 */
import Database from "better-sqlite3";
import fs from "fs";
import path from "path";

export type Db = Database.Database;

/** The schema, one entry per version; applied in order, each in its own transaction. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_login_at TEXT
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_expiry ON sessions(expires_at);
  CREATE TABLE published_versions (
    version INTEGER PRIMARY KEY,
    document TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    author TEXT NOT NULL,
    published_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    rollback_of INTEGER REFERENCES published_versions(version)
  );
  CREATE TABLE draft (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    document TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
  );
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX audit_at ON audit(at);
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    week TEXT NOT NULL,
    received_at TEXT NOT NULL,
    client TEXT NOT NULL,
    sender TEXT NOT NULL,
    verdict TEXT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT,
    rule_id TEXT,
    words TEXT
  );
  CREATE INDEX events_week ON events(week);
  CREATE TABLE event_rules (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    rule_id TEXT NOT NULL,
    monitor INTEGER NOT NULL CHECK (monitor IN (0, 1)),
    PRIMARY KEY (event_id, rule_id)
  );
  CREATE INDEX event_rules_rule ON event_rules(rule_id);
  `,
  // The draft revision each version was published from: publishing one revision twice is a conflict.
  `
  ALTER TABLE published_versions ADD COLUMN draft_revision INTEGER;
  `,
  // Daily bounds on events (per sender, per installation) and what was dropped, by reason.
  `
  CREATE INDEX events_sender_received ON events(sender, received_at);
  CREATE INDEX events_received ON events(received_at);
  CREATE TABLE event_drops (
    week TEXT NOT NULL,
    reason TEXT NOT NULL,
    events INTEGER NOT NULL,
    PRIMARY KEY (week, reason)
  );
  `,
];

/**
 * Opens (creating if needed) the database in a data folder and brings its schema up to date.
 * @param dataDir - the data folder; created if missing
 * @param fileName - the database file name inside it
 * @returns the open database
 */
export function openDatabase(dataDir: string, fileName = "etiquette-guard.sqlite"): Db {
  // Only the server's own user may read the data: accounts, sessions, reports, the install secrets.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  const file = path.join(dataDir, fileName);
  // Created 600 before SQLite opens it; SQLite gives the -wal and -shm files the same mode.
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
  const db = openDatabaseFile(file);
  for (const f of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
  return db;
}

/**
 * Opens a database file (or `:memory:`) and migrates it.
 * @param file - the path
 * @returns the open database
 */
export function openDatabaseFile(file: string): Db {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // FULL: a commit is on disk before the API answers, so an acknowledged publish survives a crash.
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

/** The schema version this build writes (SQLite's user_version). */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** A database this build cannot use, e.g. one written by a newer version. */
export class DatabaseVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseVersionError";
  }
}

function migrate(db: Db): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    const name = db.name;
    db.close();
    throw new DatabaseVersionError(
      `${name} was written by a newer version of Etiquette Guard (database schema ${current}; this version knows up to ${SCHEMA_VERSION}). ` +
        "Install that newer version again, or restore a backup taken before the upgrade (etiquette-guard admin restore FILE). Nothing was changed.",
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    const sql = MIGRATIONS[v] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/**
 * Runs SQLite's own consistency check.
 * @param db - the database
 * @returns "ok", or SQLite's description of the damage
 */
export function integrityCheck(db: Db): string {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join("\n");
}

/** The current time as an ISO string; injectable so tests control the clock. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
