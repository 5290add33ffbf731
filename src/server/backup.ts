/**
 * Backing up and restoring the server's database (`etiquette-guard admin backup|restore`).
 *
 * A backup uses SQLite's online backup API, so it is a consistent copy even while the server is
 * running and writing. A restore replaces the live database, so it refuses while the server
 * runs (the server keeps a pid file in the data folder), and checks the copy first: SQLite's
 * integrity check, the tables the server needs, and a schema version this build can use.
 */
import Database from "better-sqlite3";
import fs from "fs";
import path from "path";
import { integrityCheck, SCHEMA_VERSION } from "./db";

/** The database's file name in the data folder (as openDatabase uses it). */
export const DATABASE_FILE = "etiquette-guard.sqlite";
/** Written by the running server; holds its process id. */
export const PID_FILE = "server.pid";

/** Tables a usable copy must have. */
const REQUIRED_TABLES = ["meta", "users", "sessions", "published_versions", "draft", "audit", "events"];

/** A backup or restore that was refused; the message says why and what to do. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The pid of a server running on this data folder, if any (a stale pid file is ignored).
 * @param dataDir - the data folder
 * @returns the process id, or undefined
 */
export function runningServerPid(dataDir: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, PID_FILE), "utf8");
  } catch {
    return undefined;
  }
  const pid = Number(text.trim());
  // Our own pid is a stale file: in a container a stopped server's pid (often 1) is reused.
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : undefined;
}

/**
 * Records that a server runs on this data folder.
 * @param dataDir - the data folder
 * @returns a function that removes the record (if it is still this process's)
 */
export function writePidFile(dataDir: string): () => void {
  const file = path.join(dataDir, PID_FILE);
  fs.writeFileSync(file, `${process.pid}\n`, { mode: 0o600 });
  return () => {
    try {
      if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file);
    } catch {
      // already gone
    }
  };
}

/**
 * Checks that a file is a database this build can restore.
 * @param file - the copy
 * @returns its schema version
 * @throws BackupError naming what is wrong
 */
export function checkCopy(file: string): number {
  if (!fs.existsSync(file)) throw new BackupError(`${file}: no such file`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file}: not a database (${(error as Error).message})`);
  }
  try {
    let result: string;
    try {
      result = integrityCheck(db);
    } catch (error) {
      throw new BackupError(`${file}: not a usable database (${(error as Error).message})`);
    }
    if (result !== "ok") throw new BackupError(`${file}: the copy is damaged (SQLite integrity check: ${result.split("\n")[0]})`);
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new BackupError(`${file}: written by a newer version of Etiquette Guard (database schema ${version}; this version knows up to ${SCHEMA_VERSION})`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (version < 1 || missing.length > 0) throw new BackupError(`${file}: not an Etiquette Guard database (missing ${missing.join(", ") || "its schema version"})`);
    return version;
  } finally {
    db.close();
  }
}

/**
 * Takes a consistent copy of the live database, even while the server runs.
 * @param dataDir - the data folder
 * @param target - the file to write (must not exist)
 * @returns the number of pages copied
 */
export async function backupDatabase(dataDir: string, target: string): Promise<{ pages: number }> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(source)) throw new BackupError(`no database in ${dataDir} (${DATABASE_FILE})`);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const { totalPages } = await db.backup(target);
    fs.chmodSync(target, 0o600);
    checkCopy(target);
    return { pages: totalPages };
  } finally {
    db.close();
  }
}

/**
 * Replaces the database with a checked copy. Refuses while the server runs. The replaced
 * database is kept beside it as etiquette-guard.sqlite.before-restore-<time>.
 * @param dataDir - the data folder
 * @param source - the backup to restore
 * @param now - the time, for the name of the kept copy
 * @returns where the replaced database was kept, if there was one
 */
export function restoreDatabase(dataDir: string, source: string, now: Date = new Date()): { kept?: string; version: number } {
  const pid = runningServerPid(dataDir);
  if (pid !== undefined) throw new BackupError(`the server is running on ${dataDir} (process ${pid}); stop it first, then restore`);
  const version = checkCopy(source);
  const live = path.join(dataDir, DATABASE_FILE);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let kept: string | undefined;
  if (fs.existsSync(live)) {
    // Fold any write-ahead log into the file before keeping it.
    const db = new Database(live, { fileMustExist: true });
    try {
      db.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      db.close();
    }
    kept = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(live, kept);
  }
  for (const extra of [`${live}-wal`, `${live}-shm`]) fs.rmSync(extra, { force: true });
  const temp = `${live}.restoring`;
  fs.copyFileSync(source, temp);
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, live);
  return { ...(kept ? { kept } : {}), version };
}
