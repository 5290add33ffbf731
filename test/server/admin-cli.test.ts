/**
 * `etiquette-guard admin …` against a temporary data folder: add, list, reset, remove, errors.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { Readable } from "stream";
import { runAdmin } from "../../src/cli/admin";
import { AccountStore, verifyPassword } from "../../src/server/accounts";
import { AuditLog } from "../../src/server/audit";
import { openDatabase, systemClock } from "../../src/server/db";

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
])("usage errors exit 2: %j", async (args, code) => {
  expect((await admin(args as string[])).code).toBe(code);
});

it("asks for --password-stdin when there is no terminal", async () => {
  const res = await admin(["add-user", "x@example.org", "--role", "viewer"], "");
  expect(res.code).toBe(2);
  expect(res.err).toContain("--password-stdin");
});
