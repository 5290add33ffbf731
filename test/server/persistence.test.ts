/**
 * Durability: state survives a restart, and killing the server process (SIGKILL) while it
 * publishes in a loop loses no acknowledged publish and corrupts nothing.
 */
import { spawn, type ChildProcess } from "child_process";
import { buildSync } from "esbuild";
import fs from "fs";
import https from "https";
import os from "os";
import path from "path";
import { AccountStore } from "../../src/server/accounts";
import { AuditLog } from "../../src/server/audit";
import { integrityCheck, openDatabase, systemClock } from "../../src/server/db";
import { PolicyStore } from "../../src/server/policy-store";
import { EDITOR, makeApp, signIn } from "./helpers";
import { generator } from "../random";

const killMoment = generator(Number(process.env.EG_KILL_SEED ?? 20261205));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses

const root = path.join(__dirname, "..", "..");
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "eg-persist-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it("keeps the policy history, sessions and audit across a restart", async () => {
  const dbFile = path.join(tmp, "restart.sqlite");
  const first = await makeApp({ dbFile });
  const editor = await signIn(first.app, EDITOR);
  const p = JSON.parse(JSON.stringify(first.stores.policies.draft().policy)) as Json;
  p.rules["subject-required"] = "block";
  expect((await editor.send("PUT", "/api/policy/draft", { revision: 1, policy: p })).statusCode).toBe(200);
  expect((await editor.send("POST", "/api/policy/publish", { revision: 2, note: "Subjects matter" })).statusCode).toBe(201);
  await first.app.close();
  first.db.close();

  const second = await makeApp({ dbFile });
  try {
    const published = (await second.app.inject({ method: "GET", url: "/api/policy/published" })).json() as Json;
    expect(published.version).toBe(2);
    expect(published.policy.rules["subject-required"]).toBe("block");
    // The cookie from before the restart still works (sessions live in SQLite).
    const me = await second.app.inject({ method: "GET", url: "/api/session/me", headers: { cookie: editor.cookie } });
    expect(me.statusCode).toBe(200);
    const history = (await second.app.inject({ method: "GET", url: "/api/policy/versions", headers: { cookie: editor.cookie } })).json() as Json[];
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    expect(second.stores.policies.draft().revision).toBe(2);
    expect(second.stores.audit.list().map((e) => e.action)).toEqual(expect.arrayContaining(["sign-in", "draft-saved", "policy-published"]));
    expect(second.stores.policies.history()).toHaveLength(2); // the default policy was not inserted again
  } finally {
    await second.app.close();
    second.db.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Kill during publish: a real server process, real HTTPS, SIGKILL at a random moment.

type Reply = { status: number; body: Json; cookies: string[] };

function request(port: number, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const data = payload === undefined ? undefined : Buffer.from(JSON.stringify(payload));
    const req = https.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: url,
        rejectUnauthorized: false,
        headers: { ...(data ? { "content-type": "application/json", "content-length": String(data.length) } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: Json = {};
          try {
            body = text ? (JSON.parse(text) as Json) : {};
          } catch {
            body = { text };
          }
          const setCookie = res.headers["set-cookie"] ?? [];
          resolve({ status: res.statusCode ?? 0, body, cookies: setCookie.map((c) => c.split(";")[0] as string) });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (data) req.write(data);
    req.end();
  });
}

function startChild(bundle: string, dataDir: string, distDir: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, "--port", "0", "--host", "127.0.0.1", "--data", dataDir, "--dist", distDir], {
      env: { ...process.env, NODE_PATH: path.join(root, "node_modules"), EG_CONFIG: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${err}`)), 30_000);
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening on https:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.stderr?.on("data", (c: Buffer) => (err += c.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

it("loses nothing acknowledged and corrupts nothing when killed mid-publish", async () => {
  const bundle = path.join(tmp, "server.js");
  buildSync({ entryPoints: [path.join(root, "src", "server", "main.ts")], bundle: true, platform: "node", target: "node20", outfile: bundle, packages: "external", logLevel: "error" });
  const dataDir = path.join(tmp, "kill-data");
  const distDir = path.join(tmp, "kill-dist");
  fs.mkdirSync(distDir, { recursive: true });
  {
    const db = openDatabase(dataDir);
    await new AccountStore(db, new AuditLog(db, systemClock), systemClock).addUser(EDITOR.email, "editor", EDITOR.password);
    db.close();
  }
  /** version → the threshold it was published with, for every publish the server acknowledged */
  const acknowledged = new Map<number, number>();
  let threshold = 100;

  for (let round = 0; round < 3; round++) {
    const { child, port } = await startChild(bundle, dataDir, distDir);
    const login = await request(port, "POST", "/api/session/login", EDITOR);
    expect(login.status).toBe(200);
    const headers = { cookie: login.cookies.join("; "), "x-csrf-token": String(login.body.csrfToken) };
    let stop = false;
    let publishes = 0;
    const loop = (async () => {
      while (!stop) {
        try {
          const draft = await request(port, "GET", "/api/policy/draft", undefined, headers);
          const policy = draft.body.policy as Json;
          const mine = ++threshold;
          policy.rules["audience-size"] = ["warn", { threshold: mine }];
          const saved = await request(port, "PUT", "/api/policy/draft", { revision: draft.body.revision, policy }, headers);
          if (saved.status !== 200) continue;
          const published = await request(port, "POST", "/api/policy/publish", { revision: saved.body.revision, note: `round ${round} threshold ${mine}` }, headers);
          if (published.status === 201) {
            acknowledged.set(published.body.version as number, mine);
            publishes++;
          }
        } catch {
          return; // the connection died with the server
        }
      }
    })();
    // Let a few publishes through, then kill at a random moment.
    while (publishes < 3) await new Promise((r) => setTimeout(r, 5));
    // The moment is drawn from a fixed seed, so a failure can be replayed (EG_KILL_SEED picks another).
    await new Promise((r) => setTimeout(r, Math.floor(killMoment() * 60)));
    await killed(child);
    stop = true;
    await loop;

    // Restart: the server comes up, and the database is intact and consistent.
    const again = await startChild(bundle, dataDir, distDir);
    const published = await request(again.port, "GET", "/api/policy/published");
    expect(published.status).toBe(200);
    await killed(again.child);

    const db = openDatabase(dataDir);
    try {
      expect(integrityCheck(db)).toBe("ok");
      const store = new PolicyStore(db, new AuditLog(db, systemClock), systemClock);
      expect(store.verifyHistory()).toEqual([]);
      const history = store.history();
      const latest = history[0]?.version ?? 0;
      expect(published.body.version).toBe(latest);
      expect(history.map((h) => h.version)).toEqual(Array.from({ length: latest }, (_, i) => latest - i));
      for (const [version, value] of acknowledged) {
        const v = store.version(version);
        expect([version, (v?.policy as Json | undefined)?.rules["audience-size"]]).toEqual([version, ["warn", { threshold: value }]]);
      }
      // Every published version's note matches its policy (no half-written row).
      for (const h of history.filter((x) => x.version > 1)) {
        const m = /threshold (\d+)$/.exec(h.note);
        expect(((store.version(h.version)?.policy as Json).rules["audience-size"] as Json)[1].threshold).toBe(Number(m?.[1]));
      }
      const draft = store.draft();
      expect(draft.revision).toBeGreaterThanOrEqual(latest);
    } finally {
      db.close();
    }
  }
  expect(acknowledged.size).toBeGreaterThanOrEqual(9);
}, 120_000);
