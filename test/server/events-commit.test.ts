/**
 * Event batches commit without waiting for the disk (WAL, synchronous NORMAL), so a burst of
 * events does not stall the server's other answers; everything else keeps synchronous FULL.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { createStores } from "../../src/server/app";
import { openDatabase, type Db } from "../../src/server/db";

const FULL = 2;
const NORMAL = 1;

let dir: string;
let db: Db;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-events-"));
  db = openDatabase(path.join(dir, "data"));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const event = (sender: string) => ({
  ruleIds: ["audience-size"],
  monitorRuleIds: [],
  verdict: "warn" as const,
  action: "fixed" as const,
  client: "test",
  at: new Date().toISOString(),
  sender,
});

/** The synchronous setting seen inside each transaction the code runs. */
function watchCommits(): number[] {
  const seen: number[] = [];
  const original = db.transaction.bind(db);
  jest.spyOn(db, "transaction").mockImplementation(((fn: (...args: unknown[]) => unknown) =>
    original((...args: unknown[]) => {
      seen.push(db.pragma("synchronous", { simple: true }) as number);
      return fn(...args);
    })) as typeof db.transaction);
  return seen;
}

it("stores an event batch with synchronous NORMAL and puts FULL back, also when the batch fails", () => {
  const { events, policies } = createStores(db);
  expect(db.pragma("synchronous", { simple: true })).toBe(FULL);
  const seen = watchCommits();
  expect(events.add([event("a"), event("b")], { perSenderPerDay: 100, perInstallPerDay: 2000 })).toEqual({ accepted: 2, dropped: 0 });
  expect(seen).toEqual([NORMAL]);
  expect(db.pragma("synchronous", { simple: true })).toBe(FULL);
  expect(events.weekly().reduce((n, r) => n + r.hits, 0)).toBe(2);

  expect(() => events.add([{ ...event("c"), at: "not a date" }])).toThrow();
  expect(db.pragma("synchronous", { simple: true })).toBe(FULL);

  // A publish still waits for the disk.
  seen.length = 0;
  const draft = policies.draft();
  policies.publish(draft.revision, "head@example.org", "test");
  expect(seen.length).toBeGreaterThan(0);
  expect(new Set(seen)).toEqual(new Set([FULL]));
});

it("prepares each statement of a batch once, not for every batch", () => {
  const { events } = createStores(db);
  const limits = { perSenderPerDay: 1, perInstallPerDay: 2000 };
  events.add([event("a")], limits);
  const prepare = jest.spyOn(db, "prepare");
  // The second "a" goes over the sender's bound, so the dropped-count statement runs too.
  expect(events.add([event("b"), event("a")], limits)).toEqual({ accepted: 1, dropped: 1 });
  expect(events.add([event("c"), event("a")], limits)).toEqual({ accepted: 1, dropped: 1 });
  const sql = prepare.mock.calls.map(([text]) => String(text)).filter((text) => !text.startsWith("PRAGMA"));
  expect(sql.filter((text) => /event_drops/.test(text))).toHaveLength(1);
  expect(sql.filter((text) => /INSERT INTO events/.test(text))).toHaveLength(0);
  expect(events.droppedByWeek().reduce((n, r) => n + r.events, 0)).toBe(2);
});

it("counts refused events (no or wrong install token) without waiting for the disk either", () => {
  const { events } = createStores(db);
  const seen: number[] = [];
  const original = db.prepare.bind(db);
  // Every statement that writes to event_drops notes the synchronous setting it runs under.
  jest.spyOn(db, "prepare").mockImplementation(((sql: string, ...rest: unknown[]) => {
    const statement = (original as (...args: unknown[]) => ReturnType<Db["prepare"]>)(sql, ...rest);
    if (!/event_drops/.test(sql) || /^SELECT/.test(sql)) return statement;
    const run = statement.run.bind(statement);
    return Object.assign(statement, {
      run: (...args: unknown[]) => {
        seen.push(db.pragma("synchronous", { simple: true }) as number);
        return (run as (...a: unknown[]) => unknown)(...args);
      },
    });
  }) as typeof db.prepare);
  events.dropped("no-token", 3);
  events.dropped("wrong-token", 2);
  expect(seen).toEqual([NORMAL, NORMAL]);
  expect(db.pragma("synchronous", { simple: true })).toBe(FULL);
  expect(Object.fromEntries(events.droppedByWeek().map((r) => [r.reason, r.events]))).toEqual({ "no-token": 3, "wrong-token": 2 });
});

it("checks the install token of each batch without preparing a statement each time", () => {
  const { install } = createStores(db);
  const token = install.token();
  const prepare = jest.spyOn(db, "prepare");
  for (let i = 0; i < 3; i++) {
    expect(install.accepts(token)).toBe(true);
    expect(install.accepts("not the token")).toBe(false);
  }
  expect(prepare).not.toHaveBeenCalled();
  // Still read from the database: a rotation is seen at once, the old token kept for its week.
  const next = install.rotateToken();
  expect([install.token(), install.accepts(next), install.accepts(token)]).toEqual([next, true, true]);
});
