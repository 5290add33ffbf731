/**
 * `etiquette-guard admin …` against a temporary data folder: add, list, reset, remove, errors,
 * --help for each command, backup and restore, and a database from a newer version.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { Readable } from "stream";
import { runAdmin } from "../../src/cli/admin";
import { AccountStore, verifyPassword } from "../../src/server/accounts";
import { AuditLog } from "../../src/server/audit";
import Database from "better-sqlite3";
import { DATABASE_FILE, PID_FILE, runningServerPid, writePidFile } from "../../src/server/backup";
import { DatabaseVersionError, openDatabase, SCHEMA_VERSION, systemClock } from "../../src/server/db";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-admin-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function admin(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runAdmin([...args, "--data", dir], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    ...(stdin !== undefined ? { stdin: Readable.from([Buffer.from(stdin)]) } : {}),
  });
  return { code, out, err };
}

function hashOf(email: string): string {
  const db = openDatabase(dir);
  try {
    return (db.prepare("SELECT password_hash FROM users WHERE email = ?").get(email) as { password_hash: string }).password_hash;
  } finally {
    db.close();
  }
}

it("adds users with a password from stdin, hashed with scrypt and a salt", async () => {
  expect(await admin(["add-user", "Head@Example.org", "--role", "editor", "--password-stdin"], "a long passphrase\n")).toMatchObject({ code: 0 });
  expect(await admin(["add-user", "bm@example.org", "--role", "viewer", "--password-stdin"], "a long passphrase\n")).toMatchObject({ code: 0 });
  const a = hashOf("head@example.org");
  const b = hashOf("bm@example.org");
  expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
  expect(a).not.toBe(b); // same password, different salt
  expect(await verifyPassword("a long passphrase", a)).toBe(true);
  expect(await verifyPassword("a long passphrase\n", a)).toBe(false);
  const list = await admin(["list-users", "--format", "json"]);
  expect(JSON.parse(list.out).map((u: { email: string; role: string }) => [u.email, u.role])).toEqual([
    ["bm@example.org", "viewer"],
    ["head@example.org", "editor"],
  ]);
  const table = await admin(["list-users"]);
  expect(table.out).toMatch(/^email\s+role/);
  expect(table.out).toContain("head@example.org  editor");
});

it("refuses duplicates, short passwords and unknown accounts with exit 1", async () => {
  await admin(["add-user", "head@example.org", "--role", "editor", "--password-stdin"], "a long passphrase");
  const dup = await admin(["add-user", "HEAD@example.org", "--role", "viewer", "--password-stdin"], "a long passphrase");
  expect(dup.code).toBe(1);
  expect(dup.err).toContain("already has an account");
  expect((await admin(["add-user", "x@example.org", "--role", "viewer", "--password-stdin"], "short")).code).toBe(1);
  expect((await admin(["remove-user", "nobody@example.org"])).code).toBe(1);
  expect((await admin(["reset-password", "nobody@example.org", "--password-stdin"], "a long passphrase")).code).toBe(1);
});

it("resets a password (ending sessions) and removes a user; both are audited", async () => {
  await admin(["add-user", "head@example.org", "--role", "editor", "--password-stdin"], "a long passphrase");
  const before = hashOf("head@example.org");
  const db = openDatabase(dir);
  const accounts = new AccountStore(db, new AuditLog(db, systemClock), systemClock);
  const user = accounts.find("head@example.org");
  if (!user) throw new Error("missing");
  const { id } = accounts.createSession(user, 3600_000);
  db.close();
  expect((await admin(["reset-password", "head@example.org", "--password-stdin"], "another passphrase")).code).toBe(0);
  expect(hashOf("head@example.org")).not.toBe(before);
  const db2 = openDatabase(dir);
  const accounts2 = new AccountStore(db2, new AuditLog(db2, systemClock), systemClock);
  expect(accounts2.session(id)).toBeUndefined();
  expect(await accounts2.authenticate("head@example.org", "another passphrase")).toBeDefined();
  db2.close();
  expect((await admin(["remove-user", "head@example.org"])).code).toBe(0);
  const db3 = openDatabase(dir);
  const actions = (db3.prepare("SELECT action FROM audit ORDER BY id").all() as { action: string }[]).map((r) => r.action);
  db3.close();
  expect(actions).toEqual(["user-added", "password-reset", "user-removed"]);
});

it.each([
  [[], 2],
  [["add-user", "x@example.org"], 2],
  [["add-user", "x@example.org", "--role", "owner"], 2],
  [["frobnicate"], 2],
  [["list-users", "extra"], 2],
  [["remove-user", "x@example.org", "--role", "editor"], 2],
  [["add-user", "not-an-address", "--role", "viewer", "--password-stdin"], 2],
  [["reset-password", "head at example.org", "--password-stdin"], 2],
  [["backup"], 2],
  [["restore", "a.sqlite", "b.sqlite"], 2],
])("usage errors exit 2: %j", async (args, code) => {
  expect((await admin(args as string[])).code).toBe(code);
});

it("asks for --password-stdin when there is no terminal", async () => {
  const res = await admin(["add-user", "x@example.org", "--role", "viewer"], "");
  expect(res.code).toBe(2);
  expect(res.err).toContain("--password-stdin");
});

describe("--help for every admin command (parseArgs)", () => {
  it.each(["add-user", "reset-password", "remove-user", "list-users", "backup", "restore"])("admin %s --help prints that command's usage and exits 0", async (command) => {
    const res = await admin([command, "--help"]);
    expect(res).toMatchObject({ code: 0, err: "" });
    expect(res.out).toContain(`Usage: etiquette-guard admin ${command} `);
  });

  it("admin --help lists every command and exits 0", async () => {
    let out = "";
    expect(await runAdmin(["--help"], { stdout: (s) => (out += s), stderr: () => undefined })).toBe(0);
    for (const c of ["add-user", "reset-password", "remove-user", "list-users", "backup", "restore"]) expect(out).toContain(`admin ${c}`);
  });

  it("names the option at fault, exit 2", async () => {
    const res = await admin(["list-users", "--format"]);
    expect(res.code).toBe(2);
    expect(res.err).toContain("--format needs a value");
    const unknown = await admin(["backup", "x.sqlite", "--bogus"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown option --bogus");
  });
});

describe("admin backup and restore", () => {
  const add = (email: string): Promise<{ code: number }> => admin(["add-user", email, "--role", "viewer", "--password-stdin"], "a long passphrase");
  const emails = (): string[] => {
    const db = openDatabase(dir);
    try {
      return (db.prepare("SELECT email FROM users ORDER BY email").all() as { email: string }[]).map((r) => r.email);
    } finally {
      db.close();
    }
  };

  it("takes a consistent copy while the server has the database open and is writing, and restores it", async () => {
    await add("a@example.org");
    const live = openDatabase(dir); // the running server's connection
    const backups = fs.mkdtempSync(path.join(os.tmpdir(), "eg-backup-"));
    try {
      // An uncommitted write of the "server" at backup time is not in the copy; committed ones are.
      live.prepare("INSERT INTO audit (at, actor, action) VALUES ('t', 'x', 'committed')").run();
      const file = path.join(backups, "copy.sqlite");
      const res = await admin(["backup", file]);
      expect(res).toMatchObject({ code: 0, err: "" });
      expect(res.out).toContain(file);
      expect((fs.statSync(file).mode & 0o777).toString(8)).toBe("600");
      live.close();
      await add("b@example.org");
      expect(emails()).toEqual(["a@example.org", "b@example.org"]);
      const restored = await admin(["restore", file]);
      expect(restored).toMatchObject({ code: 0, err: "" });
      expect(emails()).toEqual(["a@example.org"]);
      const kept = fs.readdirSync(dir).filter((f) => f.includes("before-restore"));
      expect(kept).toHaveLength(1);
      expect(restored.out).toContain(kept[0]);
      expect((await admin(["backup", file])).code).toBe(1); // never overwrites
    } finally {
      if (live.open) live.close();
      fs.rmSync(backups, { recursive: true, force: true });
    }
  });

  it("refuses to restore while the server runs on the data folder", async () => {
    await add("a@example.org");
    const file = path.join(dir, "copy.sqlite");
    expect((await admin(["backup", file])).code).toBe(0);
    // A live process other than this one stands in for the running server.
    fs.writeFileSync(path.join(dir, PID_FILE), `${process.ppid}\n`);
    const res = await admin(["restore", file]);
    expect(res.code).toBe(1);
    expect(res.err).toContain(`the server is running on ${dir} (process ${process.ppid}); stop it first`);
    // The server's own record is removed when it stops; this process's pid counts as stale.
    const remove = writePidFile(dir);
    expect(runningServerPid(dir)).toBeUndefined();
    remove();
    expect(fs.existsSync(path.join(dir, PID_FILE))).toBe(false);
    fs.writeFileSync(path.join(dir, PID_FILE), "999999999\n"); // a stale pid file does not block
    expect((await admin(["restore", file])).code).toBe(0);
  });

  it("checks the copy before touching the live database: damaged, not ours, or from a newer version", async () => {
    await add("a@example.org");
    const damaged = path.join(dir, "damaged.sqlite");
    expect((await admin(["backup", damaged])).code).toBe(0);
    const bytes = fs.readFileSync(damaged);
    bytes.fill(0x41, 4096, 8192); // overwrite the second page
    fs.writeFileSync(damaged, bytes);
    const notOurs = path.join(dir, "other.sqlite");
    const other = new Database(notOurs);
    other.exec("CREATE TABLE t (x)");
    other.close();
    const newer = path.join(dir, "newer.sqlite");
    expect((await admin(["backup", newer])).code).toBe(0);
    const n = new Database(newer);
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    n.close();
    const text = path.join(dir, "notes.txt");
    fs.writeFileSync(text, "not a database at all, just some words that fill more than a header ".repeat(20));
    for (const [file, message] of [
      [damaged, /damaged|not a usable database|not a database/],
      [notOurs, /not an Etiquette Guard database/],
      [newer, /newer version of Etiquette Guard/],
      [text, /not a (usable )?database/],
      [path.join(dir, "missing.sqlite"), /no such file/],
    ] as const) {
      const res = await admin(["restore", file]);
      expect(res.code).toBe(1);
      expect(res.err).toMatch(message);
      expect(res.err).toContain(file);
      expect(emails()).toEqual(["a@example.org"]);
    }
  });
});

describe("a database from a newer version", () => {
  it("is refused at start-up with a clear message, and left unchanged", () => {
    const db = openDatabase(dir);
    db.pragma(`user_version = ${SCHEMA_VERSION + 3}`);
    db.close();
    expect(() => openDatabase(dir)).toThrow(DatabaseVersionError);
    expect(() => openDatabase(dir)).toThrow(`newer version of Etiquette Guard (database schema ${SCHEMA_VERSION + 3}; this version knows up to ${SCHEMA_VERSION})`);
    const check = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION + 3);
    check.close();
  });
});
