/**
 * The policy server's security review (issue 11 items 12–16): sign-in slow-down instead of
 * account lock-out, events only from this Centre's add-in and bounded, input limits, headers
 * decided on the decoded path, file permissions, no-store, publish compare-and-set, and the
 * report's counting of warnings.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { openDatabase } from "../../src/server/db";
import { EDITOR, makeApp, signIn, VIEWER, type TestApp } from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});
afterEach(async () => {
  await t.close();
});

/** The install token and salt the add-in gets with the published policy. */
async function install(app: TestApp["app"]): Promise<{ token: string; salt: string }> {
  const res = await app.inject({ method: "GET", url: "/api/policy/published" });
  const body = res.json() as Json;
  return { token: body.install?.token, salt: body.install?.salt };
}

describe("weekly report counting (item 16)", () => {
  it("counts a warning shown at Send as warned, not as a block", async () => {
    const now = new Date();
    const at = now.toISOString();
    const { token } = await install(t.app);
    const events = [
      { ruleIds: ["no-heated-tone"], verdict: "warn", action: "warned", client: "outlook-web", at, sender: "a1b2c3d4e5f6a7b8" },
      { ruleIds: ["no-heated-tone"], verdict: "warn", action: "warned", client: "outlook-web", at, sender: "a1b2c3d4e5f6a7b8" },
      { ruleIds: ["no-heated-tone"], verdict: "block", action: "blocked", client: "outlook-web", at, sender: "a1b2c3d4e5f6a7b8" },
    ];
    const res = await t.app.inject({ method: "POST", url: "/api/events", headers: { "x-eg-install-token": token ?? "" }, payload: { events } });
    expect(res.statusCode).toBe(202);
    const viewer = await signIn(t.app, VIEWER);
    const rows = ((await viewer.get("/api/reports/weekly")).json() as Json).rows as Json[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ruleId: "no-heated-tone", hits: 3, warned: 2, blocks: 1, overridden: 0 });
  });
});

describe("sign-in slow-down instead of lock-out (item 12)", () => {
  it("slows down the attacker's address with a growing delay; the owner elsewhere still signs in", async () => {
    let now = Date.parse("2026-12-01T09:00:00Z");
    const clocked = await makeApp({ clock: () => new Date(now), overrides: { limits: { loginPerIpPerMinute: 1000 } } });
    try {
      const attempt = (ip: string, password: string) => clocked.app.inject({ method: "POST", url: "/api/session/login", remoteAddress: ip, payload: { email: EDITOR.email, password } });
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await attempt("203.0.113.9", "wrong password")).statusCode);
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      // Now the attacker must wait, even with the right password …
      const paused = await attempt("203.0.113.9", EDITOR.password);
      expect(paused.statusCode).toBe(429);
      const firstWait = Number(paused.headers["retry-after"]);
      expect(firstWait).toBeGreaterThan(0);
      // … but the owner, from the nursery's own address, is not locked out.
      expect((await attempt("198.51.100.20", EDITOR.password)).statusCode).toBe(200);
      // Each further failure from the attacker's address doubles the wait, up to a cap.
      now += firstWait * 1000;
      expect((await attempt("203.0.113.9", "wrong again")).statusCode).toBe(401);
      const second = await attempt("203.0.113.9", "wrong again");
      expect(second.statusCode).toBe(429);
      expect(Number(second.headers["retry-after"])).toBeGreaterThan(firstWait);
      for (let i = 0; i < 20; i++) {
        now += 3600 * 1000;
        await attempt("203.0.113.9", "still wrong");
      }
      const capped = await attempt("203.0.113.9", "still wrong");
      expect(capped.statusCode).toBe(429);
      expect(Number(capped.headers["retry-after"])).toBeLessThanOrEqual(15 * 60);
      // After waiting out the delay the right password works from the attacker's address too.
      now += 15 * 60 * 1000;
      expect((await attempt("203.0.113.9", EDITOR.password)).statusCode).toBe(200);
    } finally {
      await clocked.close();
    }
  });

  it("slows down one address trying many accounts", async () => {
    const now = Date.parse("2026-12-01T09:00:00Z");
    const clocked = await makeApp({ clock: () => new Date(now), overrides: { limits: { loginPerIpPerMinute: 1000 } } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 25; i++) {
        const r = await clocked.app.inject({ method: "POST", url: "/api/session/login", remoteAddress: "203.0.113.7", payload: { email: `user${i}@example.org`, password: "guess guess" } });
        codes.push(r.statusCode);
      }
      expect(codes).toContain(429);
      const other = await clocked.app.inject({ method: "POST", url: "/api/session/login", remoteAddress: "198.51.100.20", payload: EDITOR });
      expect(other.statusCode).toBe(200);
    } finally {
      await clocked.close();
    }
  });
});

describe("input limits (item 14)", () => {
  it("answers 422 with the path to a policy nested 10,000 deep, not 500", async () => {
    const editor = await signIn(t.app, EDITOR);
    const draft = (await editor.get("/api/policy/draft")).json() as Json;
    const deep = "[".repeat(10000) + "]".repeat(10000);
    const text = `{"revision":${draft.revision},"policy":{"version":1,"rules":{"no-chain-mail":["warn",{"extraPhrases":${deep}}]}}}`;
    const res = await editor.send("PUT", "/api/policy/draft", text, { "content-type": "application/json" });
    expect(res.statusCode).toBe(422);
    expect((res.json() as Json).issues[0].path).toMatch(/^rules\.no-chain-mail\[1\]\.extraPhrases(\[0\])+$/);
  });

  it.each([
    ["NUL", "\u0000"],
    ["ESC", "\u001b[31m"],
    ["right-to-left override", "\u202e"],
    ["a bidi isolate", "\u2066"],
  ])("refuses %s in a note or a policy text with 422 naming the field", async (_name, bad) => {
    const editor = await signIn(t.app, EDITOR);
    const draft = (await editor.get("/api/policy/draft")).json() as Json;
    const policy = { ...draft.policy, organisation: { ...draft.policy.organisation, name: `Norcote${bad}` } };
    const saved = await editor.send("PUT", "/api/policy/draft", { revision: draft.revision, policy });
    expect(saved.statusCode).toBe(422);
    expect((saved.json() as Json).issues[0].path).toBe("organisation.name");
    const published = await editor.send("POST", "/api/policy/publish", { revision: draft.revision, note: `fine${bad}` });
    expect(published.statusCode).toBe(422);
    expect((published.json() as Json).issues[0].path).toBe("note");
  });

  it("checks the session before reading the body", async () => {
    const garbage = await t.app.inject({ method: "PUT", url: "/api/policy/draft", headers: { "content-type": "application/json" }, payload: "{not json" });
    expect(garbage.statusCode).toBe(401);
    const huge = await t.app.inject({ method: "POST", url: "/api/policy/publish", headers: { "content-type": "application/json" }, payload: JSON.stringify({ note: "x".repeat(400_000) }) });
    expect(huge.statusCode).toBe(401);
  });

  it("marks signed-in API answers Cache-Control: no-store", async () => {
    const viewer = await signIn(t.app, VIEWER);
    for (const url of ["/api/policy/draft", "/api/session/me", "/api/audit", "/api/reports/weekly", "/api/users"]) {
      expect([url, (await viewer.get(url)).headers["cache-control"]]).toEqual([url, "no-store"]);
    }
  });

  it("marks no-store on the sign-in answer, signed-in errors and percent-encoded API paths too", async () => {
    const login = await t.app.inject({ method: "POST", url: "/api/session/login", payload: VIEWER });
    expect(login.statusCode).toBe(200);
    expect(login.headers["cache-control"]).toBe("no-store");
    const viewer = await signIn(t.app, VIEWER);
    const answers = {
      encoded: await viewer.get("/%61pi/session/me"),
      missing: await viewer.get("/api/policy/versions/999"),
      noEndpoint: await viewer.get("/api/no-such-thing"),
      forbidden: await viewer.send("POST", "/api/install/rotate-token", {}),
      signedOut: await t.app.inject({ method: "GET", url: "/api/policy/draft" }),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, [r.statusCode, r.headers["cache-control"]]]))).toEqual({
      encoded: [200, "no-store"],
      missing: [404, "no-store"],
      noEndpoint: [404, "no-store"],
      forbidden: [403, "no-store"],
      signedOut: [401, "no-store"],
    });
    // The published policy is the one API answer a cache may keep (and must revalidate).
    expect((await viewer.get("/api/policy/published")).headers["cache-control"]).toBe("no-cache");
  });

  it("publishing the same revision twice at once makes one version; the other gets 409", async () => {
    const editor = await signIn(t.app, EDITOR);
    const draft = (await editor.get("/api/policy/draft")).json() as Json;
    const policy = { ...draft.policy, onError: "allow" };
    const saved = (await editor.send("PUT", "/api/policy/draft", { revision: draft.revision, policy })).json() as Json;
    const [a, b] = await Promise.all([
      editor.send("POST", "/api/policy/publish", { revision: saved.revision, note: "first click" }),
      editor.send("POST", "/api/policy/publish", { revision: saved.revision, note: "second click" }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(t.stores.policies.history()).toHaveLength(2);
  });
});

describe("headers decided on the decoded path (item 14)", () => {
  it("gives percent-encoded admin and API paths the strict headers, and never serves the simulator outside development", async () => {
    fs.mkdirSync(path.join(t.dist, "admin"), { recursive: true });
    fs.writeFileSync(path.join(t.dist, "admin", "index.html"), "<!doctype html><title>Admin</title>");
    fs.writeFileSync(path.join(t.dist, "simulator.html"), "<!doctype html><title>Simulator</title>");
    const prod = await makeApp({ overrides: { distDir: t.dist, development: false }, users: false });
    try {
      for (const url of ["/%61dmin/", "/%61pi/health", "/%61pi/policy/published", "//api/health", "/x/../admin/"]) {
        const res = await prod.app.inject({ method: "GET", url });
        expect([url, res.headers["x-frame-options"]]).toEqual([url, "DENY"]);
        expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
      }
      for (const url of ["//simulator.html", "/%73imulator.html", "///simulator.html", "/./simulator.html"]) {
        const res = await prod.app.inject({ method: "GET", url });
        expect([url, res.body]).not.toEqual([url, expect.stringContaining("Simulator")]);
      }
    } finally {
      await prod.app.close();
      prod.db.close();
    }
  });
});

describe("file permissions (item 14)", () => {
  it("keeps the database files 600 and the data folder 700", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "eg-perm-")), "data");
    const db = openDatabase(dir);
    try {
      db.prepare("INSERT INTO meta (key, value) VALUES ('x', 'y')").run();
      expect((fs.statSync(dir).mode & 0o777).toString(8)).toBe("700");
      for (const name of ["etiquette-guard.sqlite", "etiquette-guard.sqlite-wal", "etiquette-guard.sqlite-shm"]) {
        expect([name, (fs.statSync(path.join(dir, name)).mode & 0o777).toString(8)]).toEqual([name, "600"]);
      }
    } finally {
      db.close();
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});

describe("events only from this Centre's add-in, bounded (item 13)", () => {
  const event = (sender: string, at: string) => ({ ruleIds: ["no-chain-mail"], verdict: "warn", action: "false-positive", ruleId: "no-chain-mail", client: "outlook-web", at, sender });

  it("issues a secret install token and salt with the published policy, kept across restarts", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-install-"));
    try {
      const first = await makeApp({ dbFile: path.join(dir, "db.sqlite"), users: false });
      const a = await install(first.app);
      await first.close();
      const second = await makeApp({ dbFile: path.join(dir, "db.sqlite"), users: false });
      const b = await install(second.app);
      await second.close();
      expect(a.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
      expect(a.salt).toMatch(/^[A-Za-z0-9_-]{32,}$/);
      expect(a.salt).not.toContain("addin.example.org");
      expect(b).toEqual(a);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses anonymous batches and batches with a wrong token, and the report counts them as dropped", async () => {
    const at = new Date().toISOString();
    const none = await t.app.inject({ method: "POST", url: "/api/events", payload: { events: [event("a1b2c3d4e5f6a7b8", at)] } });
    expect(none.statusCode).toBe(401);
    const wrong = await t.app.inject({ method: "POST", url: "/api/events", headers: { "x-eg-install-token": "x".repeat(43) }, payload: { events: [event("a1b2c3d4e5f6a7b8", at), event("a1b2c3d4e5f6a7b8", at)] } });
    expect(wrong.statusCode).toBe(401);
    expect(t.db.prepare("SELECT COUNT(*) AS n FROM events").get()).toEqual({ n: 0 });
    const viewer = await signIn(t.app, VIEWER);
    const report = (await viewer.get("/api/reports/weekly")).json() as Json;
    expect(report.dropped).toEqual(expect.arrayContaining([expect.objectContaining({ reason: "no-token", events: 1 }), expect.objectContaining({ reason: "wrong-token", events: 2 })]));
  });

  it("bounds 130 batches of 100 fake events per sender and per day, and reports what was dropped", async () => {
    const now = new Date();
    const flooded = await makeApp({ clock: () => now, overrides: { limits: { eventsPerIpPerMinute: 10_000 } } });
    try {
      const { token } = await install(flooded.app);
      const at = now.toISOString();
      // One fake sender …
      for (let i = 0; i < 65; i++) {
        const events = Array.from({ length: 100 }, () => event("fakefakefakefake", at));
        const res = await flooded.app.inject({ method: "POST", url: "/api/events", headers: { "x-eg-install-token": token }, payload: { events } });
        expect(res.statusCode).toBe(202);
      }
      // … and a different made-up sender on every event.
      for (let i = 0; i < 65; i++) {
        const events = Array.from({ length: 100 }, (_, j) => event(`fake${String(i * 100 + j).padStart(8, "0")}`, at));
        await flooded.app.inject({ method: "POST", url: "/api/events", headers: { "x-eg-install-token": token }, payload: { events } });
      }
      const viewer = await signIn(flooded.app, VIEWER);
      const report = (await viewer.get("/api/reports/weekly")).json() as Json;
      const falsePositives = (report.rows as Json[]).reduce((n, r) => n + r.falsePositives, 0);
      const limits = flooded.config.limits as Json;
      expect(falsePositives).toBeLessThanOrEqual(limits.eventsPerInstallPerDay);
      expect(falsePositives).toBeLessThan(13_000 / 4);
      const stored = flooded.db.prepare("SELECT COUNT(*) AS n FROM events WHERE sender = 'fakefakefakefake'").get() as Json;
      expect(stored.n).toBe(limits.eventsPerSenderPerDay);
      const dropped = Object.fromEntries((report.dropped as Json[]).map((d) => [d.reason, d.events]));
      expect(dropped["sender-daily-limit"]).toBe(6500 - limits.eventsPerSenderPerDay);
      expect(dropped["sender-daily-limit"] + (dropped["install-daily-limit"] ?? 0) + falsePositives).toBe(13_000);
    } finally {
      await flooded.close();
    }
  });

  it("rotates the token: the old one still works for a week, then not", async () => {
    let now = Date.parse("2026-12-01T09:00:00Z");
    const clocked = await makeApp({ clock: () => new Date(now) });
    try {
      const old = await install(clocked.app);
      const editor = await signIn(clocked.app, EDITOR);
      const rotated = await editor.send("POST", "/api/install/rotate-token", {});
      expect(rotated.statusCode).toBe(200);
      const fresh = await install(clocked.app);
      expect(fresh.token).not.toBe(old.token);
      expect(fresh.salt).toBe(old.salt);
      const post = (token: string) => clocked.app.inject({ method: "POST", url: "/api/events", headers: { "x-eg-install-token": token }, payload: { events: [event("a1b2c3d4e5f6a7b8", new Date(now).toISOString())] } });
      expect((await post(old.token)).statusCode).toBe(202);
      expect((await post(fresh.token)).statusCode).toBe(202);
      now += 8 * 24 * 3600 * 1000;
      expect((await post(old.token)).statusCode).toBe(401);
      expect((await post(fresh.token)).statusCode).toBe(202);
      const viewer = await signIn(clocked.app, VIEWER);
      expect((await viewer.send("POST", "/api/install/rotate-token", {})).statusCode).toBe(403);
    } finally {
      await clocked.close();
    }
  });
});

describe("the published policy from memory (item 15)", () => {
  it("gives the published policy the same security headers as every other API answer", async () => {
    const security = (h: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(h).filter(([k]) => /^(content-security-policy|x-|cross-origin|referrer-policy|origin-agent-cluster|strict-transport)/.test(k)));
    const published = await t.app.inject({ method: "GET", url: "/api/policy/published" });
    const health = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(Object.keys(security(published.headers)).length).toBeGreaterThan(8);
    expect(security(published.headers)).toEqual(security(health.headers));
  });

  it("answers 304 to the current ETag and a new body after a publish, without asking the database each time", async () => {
    const first = await t.app.inject({ method: "GET", url: "/api/policy/published" });
    const etag = String(first.headers.etag);
    expect((await t.app.inject({ method: "GET", url: "/api/policy/published", headers: { "if-none-match": etag } })).statusCode).toBe(304);
    // A change behind the server's back (not through the API) is not seen: the answer is in memory.
    t.db.prepare("UPDATE published_versions SET note = 'x'").run();
    const spy = jest.spyOn(t.stores.policies, "published");
    const latest = jest.spyOn(t.stores.policies, "latestVersion");
    for (let i = 0; i < 5; i++) await t.app.inject({ method: "GET", url: "/api/policy/published" });
    expect(spy).not.toHaveBeenCalled();
    expect(latest).not.toHaveBeenCalled();
    const editor = await signIn(t.app, EDITOR);
    const draft = (await editor.get("/api/policy/draft")).json() as Json;
    await editor.send("PUT", "/api/policy/draft", { revision: draft.revision, policy: { ...draft.policy, onError: "allow" } });
    expect((await editor.send("POST", "/api/policy/publish", { revision: draft.revision + 1, note: "allow on error" })).statusCode).toBe(201);
    const after = await t.app.inject({ method: "GET", url: "/api/policy/published", headers: { "if-none-match": etag } });
    expect(after.statusCode).toBe(200);
    expect((after.json() as Json).version).toBe(2);
    spy.mockRestore();
    latest.mockRestore();
  });
});

describe("CORS for the install token (item 13)", () => {
  it("lets the add-in's origin send X-EG-Install-Token with events", async () => {
    const res = await t.app.inject({
      method: "OPTIONS",
      url: "/api/events",
      headers: { origin: "https://addin.example.org", "access-control-request-method": "POST", "access-control-request-headers": "content-type,x-eg-install-token" },
    });
    expect(res.statusCode).toBeLessThan(300);
    expect(String(res.headers["access-control-allow-headers"]).toLowerCase()).toContain("x-eg-install-token");
    expect(res.headers["access-control-allow-origin"]).toBe("https://addin.example.org");
  });
});

describe("account names (item 14)", () => {
  it.each([["NUL", "a\u0000b@example.org"], ["ESC", "a\u001bb@example.org"], ["right-to-left override", "gro.elpmaxe@\u202eab"]])("refuses %s in an account's address", async (_name, email) => {
    await expect(t.stores.accounts.addUser(email, "viewer", "a long enough password")).rejects.toThrow(/control or text-direction/);
  });
});
