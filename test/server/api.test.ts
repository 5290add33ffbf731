/**
 * Policy server API through Fastify `inject`: every role (anonymous, viewer, editor), CSRF,
 * conflicts, validation errors with paths, publish, history, rollback, audit, try, events.
 */
import fs from "fs";
import path from "path";
import { defaultPolicyDocument } from "../../src/core/policy/default-policy";
import { EDITOR, VIEWER, makeApp, signIn, type TestApp } from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses

let t: TestApp;

beforeEach(async () => {
  t = await makeApp();
});
afterEach(async () => {
  await t.close();
});

function withThreshold(policy: unknown, threshold: unknown): Json {
  const p = JSON.parse(JSON.stringify(policy)) as Json;
  p.rules["audience-size"] = ["warn", { threshold }];
  return p;
}

describe("anonymous", () => {
  it("reads the published policy: version 1 is the default policy by 'system'", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/policy/published" });
    expect(res.statusCode).toBe(200);
    const body = res.json() as Json;
    expect(body.version).toBe(1);
    expect(body.policy).toEqual(JSON.parse(JSON.stringify(defaultPolicyDocument())));
    expect(typeof body.publishedAt).toBe("string");
    expect(res.headers.etag).toMatch(/^"v1-[0-9a-f]{16}-[0-9a-f]{8}"$/);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(t.stores.policies.history()[0]).toMatchObject({ version: 1, author: "system" });
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await t.app.inject({ method: "GET", url: "/api/policy/published" });
    const res = await t.app.inject({ method: "GET", url: "/api/policy/published", headers: { "if-none-match": String(first.headers.etag) } });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe("");
  });

  it("gives CORS headers to the add-in's origin only (also with Outlook's trailing slash)", async () => {
    const ok = await t.app.inject({ method: "GET", url: "/api/policy/published", headers: { origin: "https://addin.example.org" } });
    expect(ok.headers["access-control-allow-origin"]).toBe("https://addin.example.org");
    const slash = await t.app.inject({ method: "GET", url: "/api/policy/published", headers: { origin: "https://addin.example.org/" } });
    expect(slash.headers["access-control-allow-origin"]).toBe("https://addin.example.org/");
    const other = await t.app.inject({ method: "GET", url: "/api/policy/published", headers: { origin: "https://evil.example.com" } });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await t.app.inject({
      method: "OPTIONS",
      url: "/api/events",
      headers: { origin: "https://addin.example.org", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("https://addin.example.org");
    expect(String(preflight.headers["access-control-allow-methods"])).toContain("POST");
    const adminCors = await t.app.inject({ method: "GET", url: "/api/policy/draft", headers: { origin: "https://addin.example.org" } });
    expect(adminCors.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("serves the well-known file for classic Outlook and a health check", async () => {
    const wk = await t.app.inject({ method: "GET", url: "/.well-known/microsoft-officeaddins-allowed.json" });
    expect(wk.json()).toEqual({ allowed: ["https://addin.example.org/launchevent.js"] });
    const health = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(health.json()).toMatchObject({ status: "ok", publishedVersion: 1 });
  });

  it.each([
    ["GET", "/api/policy/draft"],
    ["GET", "/api/rules"],
    ["GET", "/api/policy/versions"],
    ["GET", "/api/policy/versions/1"],
    ["GET", "/api/policy/diff"],
    ["GET", "/api/audit"],
    ["GET", "/api/reports/weekly"],
    ["GET", "/api/session/me"],
    ["GET", "/api/session/csrf"],
    ["PUT", "/api/policy/draft"],
    ["POST", "/api/policy/publish"],
    ["POST", "/api/policy/versions/1/rollback"],
    ["POST", "/api/try"],
  ] as const)("is refused %s %s with 401", async (method, url) => {
    const res = await t.app.inject({ method, url, ...(method === "GET" ? {} : { payload: {} }) });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toHaveProperty("error");
  });
});

describe("sessions", () => {
  it("sets an HttpOnly, Secure, SameSite=Strict cookie and stores only a hash of the id", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/session/login", payload: EDITOR });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(/^__Host-eg-session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const id = res.cookies[0]?.value as string;
    const rows = t.db.prepare("SELECT id_hash FROM sessions").all() as { id_hash: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id_hash).not.toBe(id);
    expect(rows[0]?.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.json()).toMatchObject({ user: { email: EDITOR.email, role: "editor" } });
  });

  it("refuses a wrong password with 401 and audits success and failure", async () => {
    const bad = await t.app.inject({ method: "POST", url: "/api/session/login", payload: { email: EDITOR.email, password: "wrong password!" } });
    expect(bad.statusCode).toBe(401);
    const unknown = await t.app.inject({ method: "POST", url: "/api/session/login", payload: { email: "nobody@example.org", password: "wrong password!" } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(bad.json());
    const editor = await signIn(t.app, EDITOR);
    const audit = (await editor.get("/api/audit")).json() as Json[];
    const actions = audit.map((a) => `${a.action}:${a.actor}`);
    expect(actions).toContain(`sign-in:${EDITOR.email}`);
    expect(actions).toContain(`sign-in-failed:${EDITOR.email}`);
    expect(actions).toContain("sign-in-failed:nobody@example.org");
    expect(JSON.stringify(audit)).not.toContain("wrong password");
  });

  it("does not lock an account out when others guess at it from elsewhere (review.test.ts has the slow-down)", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: "POST", url: "/api/session/login", payload: { email: VIEWER.email, password: `guess number ${i}` }, remoteAddress: `10.0.0.${i + 1}` });
      expect(r.statusCode).toBe(401);
    }
    expect((await t.app.inject({ method: "POST", url: "/api/session/login", payload: VIEWER, remoteAddress: "10.0.1.1" })).statusCode).toBe(200);
  });

  it("limits sign-in attempts per IP address", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await t.app.inject({ method: "POST", url: "/api/session/login", payload: { email: `user${i}@example.org`, password: "not the password" }, remoteAddress: "192.0.2.7" });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });

  it("accepts only JSON for sign-in (no cross-site form posts)", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/session/login",
      headers: { "content-type": "text/plain" },
      payload: JSON.stringify(EDITOR),
    });
    expect(res.statusCode).toBe(415);
  });

  it("me, csrf and logout; the session is gone afterwards", async () => {
    const viewer = await signIn(t.app, VIEWER);
    expect((await viewer.get("/api/session/me")).json()).toMatchObject({ user: { email: VIEWER.email, role: "viewer" } });
    expect((await viewer.get("/api/session/csrf")).json()).toEqual({ csrfToken: viewer.csrf });
    expect((await viewer.send("POST", "/api/session/logout", {})).statusCode).toBe(200);
    expect((await viewer.get("/api/session/me")).statusCode).toBe(401);
  });

  it("expires sessions", async () => {
    let now = new Date("2025-03-03T09:00:00Z");
    const clocked = await makeApp({ clock: () => now });
    try {
      const c = await signIn(clocked.app, VIEWER);
      expect((await c.get("/api/session/me")).statusCode).toBe(200);
      now = new Date(now.getTime() + 8 * 3600 * 1000 + 1000);
      expect((await c.get("/api/session/me")).statusCode).toBe(401);
    } finally {
      await clocked.close();
    }
  });
});

describe("CSRF", () => {
  it("refuses state-changing requests without the token, with a wrong token, or from another origin", async () => {
    const editor = await signIn(t.app, EDITOR);
    const draft = (await editor.get("/api/policy/draft")).json() as Json;
    const payload = { revision: draft.revision, policy: draft.policy };
    const none = await t.app.inject({ method: "PUT", url: "/api/policy/draft", headers: { cookie: editor.cookie }, payload });
    expect(none.statusCode).toBe(403);
    const wrong = await editor.send("PUT", "/api/policy/draft", payload, { "x-csrf-token": "x".repeat(43) });
    expect(wrong.statusCode).toBe(403);
    const foreign = await editor.send("PUT", "/api/policy/draft", payload, { origin: "https://evil.example.com" });
    expect(foreign.statusCode).toBe(403);
    // Another session's token does not work either.
    const viewer = await signIn(t.app, VIEWER);
    const crossed = await editor.send("PUT", "/api/policy/draft", payload, { "x-csrf-token": viewer.csrf });
    expect(crossed.statusCode).toBe(403);
    expect(t.stores.policies.draft().revision).toBe(1);
    const ok = await editor.send("PUT", "/api/policy/draft", payload, { origin: "https://addin.example.org" });
    expect(ok.statusCode).toBe(200);
  });
});

describe("viewer", () => {
  it("reads everything", async () => {
    const viewer = await signIn(t.app, VIEWER);
    for (const url of ["/api/policy/draft", "/api/rules", "/api/policy/versions", "/api/policy/versions/1", "/api/policy/diff", "/api/audit", "/api/reports/weekly", "/api/users"]) {
      const res = await viewer.get(url);
      expect([url, res.statusCode]).toEqual([url, 200]);
    }
  });

  it("cannot edit, publish or roll back", async () => {
    const viewer = await signIn(t.app, VIEWER);
    const draft = t.stores.policies.draft();
    expect((await viewer.send("PUT", "/api/policy/draft", { revision: draft.revision, policy: draft.policy })).statusCode).toBe(403);
    expect((await viewer.send("POST", "/api/policy/publish", { revision: draft.revision, note: "x" })).statusCode).toBe(403);
    expect((await viewer.send("POST", "/api/policy/versions/1/rollback", {})).statusCode).toBe(403);
    expect(t.stores.policies.history()).toHaveLength(1);
  });

  it("lists the rules catalogue from the rules' meta", async () => {
    const viewer = await signIn(t.app, VIEWER);
    const catalogue = (await viewer.get("/api/rules")).json() as Json[];
    const audience = catalogue.find((r) => r.id === "audience-size");
    expect(audience).toMatchObject({ id: "audience-size", category: expect.any(String), defaultSeverity: "warn", defaultOptions: { threshold: 25 } });
    expect(Object.keys(audience ?? {}).sort()).toEqual(["category", "clause", "defaultOptions", "defaultSeverity", "description", "id", "optionsSchema", "title"]);
  });
});

describe("editor", () => {
  it("saves the draft with optimistic concurrency: a stale edit gets 409 with the current draft", async () => {
    const a = await signIn(t.app, EDITOR);
    const draft = (await a.get("/api/policy/draft")).json() as Json;
    expect(draft.revision).toBe(1);
    const first = await a.send("PUT", "/api/policy/draft", { revision: 1, policy: withThreshold(draft.policy, 30) });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ revision: 2, updatedBy: EDITOR.email });
    const stale = await a.send("PUT", "/api/policy/draft", { revision: 1, policy: withThreshold(draft.policy, 40) });
    expect(stale.statusCode).toBe(409);
    const body = stale.json() as Json;
    expect(body.current.revision).toBe(2);
    expect(body.current.policy.rules["audience-size"]).toEqual(["warn", { threshold: 30 }]);
    expect(t.stores.policies.draft().revision).toBe(2);
  });

  it("rejects an invalid policy with 422 naming the path, and keeps the draft", async () => {
    const a = await signIn(t.app, EDITOR);
    const draft = t.stores.policies.draft();
    const res = await a.send("PUT", "/api/policy/draft", { revision: 1, policy: withThreshold(draft.policy, -3) });
    expect(res.statusCode).toBe(422);
    const body = res.json() as Json;
    expect(body.error).toEqual(expect.any(String));
    expect(body.issues).toEqual([{ path: "rules.audience-size[1].threshold", message: expect.any(String) }]);
    expect(t.stores.policies.draft().revision).toBe(1);
    const validate = await a.send("POST", "/api/policy/validate", { policy: { version: 1, rules: { "no-such-rule": "warn" } } });
    expect(validate.statusCode).toBe(422);
    expect((validate.json() as Json).issues[0].path).toBe("rules.no-such-rule");
    const good = await a.send("POST", "/api/policy/validate", { policy: draft.policy });
    expect(good.json()).toEqual({ valid: true, issues: [] });
  });

  it("rejects a malformed request with 400", async () => {
    const a = await signIn(t.app, EDITOR);
    const res = await a.send("PUT", "/api/policy/draft", { policy: {} });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Json).issues[0].path).toBe("revision");
    const notJson = await a.send("PUT", "/api/policy/draft", "{not json", { "content-type": "application/json" });
    expect(notJson.statusCode).toBe(400);
  });

  it("diffs, publishes with a note, lists history and reads a version", async () => {
    const a = await signIn(t.app, EDITOR);
    const draft = t.stores.policies.draft();
    const p = withThreshold(draft.policy, 30);
    p.rules["no-heated-tone"] = "block";
    await a.send("PUT", "/api/policy/draft", { revision: 1, policy: p });
    const diff = (await a.get("/api/policy/diff")).json() as Json;
    expect(diff.against).toBe(1);
    expect(diff.changes.map((c: Json) => c.path)).toEqual(expect.arrayContaining(["rules.audience-size[1].threshold", "rules.no-heated-tone[0]"]));
    const threshold = diff.changes.find((c: Json) => c.path === "rules.audience-size[1].threshold");
    expect(threshold).toEqual({ path: "rules.audience-size[1].threshold", kind: "changed", before: 25, after: 30 });
    const noNote = await a.send("POST", "/api/policy/publish", { revision: 2 });
    expect(noNote.statusCode).toBe(400);
    const stale = await a.send("POST", "/api/policy/publish", { revision: 1, note: "old" });
    expect(stale.statusCode).toBe(409);
    const pub = await a.send("POST", "/api/policy/publish", { revision: 2, note: "Raise the audience threshold" });
    expect(pub.statusCode).toBe(201);
    expect(pub.json()).toMatchObject({ version: 2, author: EDITOR.email, note: "Raise the audience threshold" });
    const published = (await t.app.inject({ method: "GET", url: "/api/policy/published" })).json() as Json;
    expect(published.version).toBe(2);
    expect(published.policy.rules["audience-size"]).toEqual(["warn", { threshold: 30 }]);
    const history = (await a.get("/api/policy/versions")).json() as Json[];
    expect(history.map((h) => [h.version, h.author])).toEqual([
      [2, EDITOR.email],
      [1, "system"],
    ]);
    expect((await a.get("/api/policy/versions/1")).json()).toMatchObject({ version: 1, author: "system" });
    expect((await a.get("/api/policy/versions/99")).statusCode).toBe(404);
    expect(((await a.get("/api/policy/diff")).json() as Json).changes).toEqual([]);
  });

  it("rolls back by publishing the old version again; the clean draft follows", async () => {
    const a = await signIn(t.app, EDITOR);
    const v1 = t.stores.policies.published().policy;
    await a.send("PUT", "/api/policy/draft", { revision: 1, policy: withThreshold(v1, 30) });
    await a.send("POST", "/api/policy/publish", { revision: 2, note: "v2" });
    const rb = await a.send("POST", "/api/policy/versions/1/rollback", { note: "Back to the written policy" });
    expect(rb.statusCode).toBe(201);
    expect(rb.json()).toMatchObject({ version: 3, rollbackOf: 1, draftKept: false });
    const published = (await t.app.inject({ method: "GET", url: "/api/policy/published" })).json() as Json;
    expect(published.version).toBe(3);
    expect(published.policy).toEqual(v1);
    expect(t.stores.policies.draft().policy).toEqual(v1);
    expect((await a.send("POST", "/api/policy/versions/42/rollback", {})).statusCode).toBe(404);
    const audit = ((await a.get("/api/audit")).json() as Json[]).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(["draft-saved", "policy-published", "policy-rolled-back"]));
  });

  it("keeps unpublished draft work when rolling back", async () => {
    const a = await signIn(t.app, EDITOR);
    const v1 = t.stores.policies.published().policy;
    await a.send("PUT", "/api/policy/draft", { revision: 1, policy: withThreshold(v1, 30) });
    await a.send("POST", "/api/policy/publish", { revision: 2, note: "v2" });
    await a.send("PUT", "/api/policy/draft", { revision: 2, policy: withThreshold(v1, 50) });
    const rb = await a.send("POST", "/api/policy/versions/1/rollback");
    expect(rb.json()).toMatchObject({ version: 3, draftKept: true, note: "Rollback to version 1" });
    expect((t.stores.policies.draft().policy as Json).rules["audience-size"]).toEqual(["warn", { threshold: 50 }]);
  });
});

describe("try a message", () => {
  it("runs the draft policy on a MessageDraft", async () => {
    const viewer = await signIn(t.app, VIEWER);
    const message = {
      from: { email: "a.jones@norcotearlyyearscentre.co.uk" },
      to: ["p1@gmail.com", "p2@gmail.com", "p3@gmail.com", "p4@gmail.com", "p5@gmail.com", "p6@gmail.com"],
      subject: "Trip",
      body: "Hello all, the trip is on Friday.",
    };
    const res = await viewer.send("POST", "/api/try", message);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Json;
    expect(body.draftRevision).toBe(1);
    expect(body.report.verdict).toBe("block");
    expect(body.report.findings.map((f: Json) => f.ruleId)).toContain("bcc-for-bulk-mail");
    // After the editor turns the rule off in the draft, the same message is no longer blocked by it.
    const editor = await signIn(t.app, EDITOR);
    const p = JSON.parse(JSON.stringify(t.stores.policies.draft().policy)) as Json;
    p.rules["bcc-for-bulk-mail"] = "off";
    await editor.send("PUT", "/api/policy/draft", { revision: 1, policy: p });
    const again = (await viewer.send("POST", "/api/try", message)).json() as Json;
    expect(again.report.findings.map((f: Json) => f.ruleId)).not.toContain("bcc-for-bulk-mail");
  });

  it("accepts raw .eml text", async () => {
    const viewer = await signIn(t.app, VIEWER);
    const eml = [
      "From: Amy Jones <a.jones@norcotearlyyearscentre.co.uk>",
      "To: p1@gmail.com, p2@gmail.com, p3@gmail.com, p4@gmail.com, p5@gmail.com, p6@gmail.com",
      "Subject: Trip on Friday",
      "MIME-Version: 1.0",
      'Content-Type: text/plain; charset="utf-8"',
      "",
      "Hello all, the trip is on Friday.",
      "",
    ].join("\r\n");
    const res = await viewer.send("POST", "/api/try", eml, { "content-type": "message/rfc822" });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Json).report.findings.map((f: Json) => f.ruleId)).toContain("bcc-for-bulk-mail");
    const plain = await viewer.send("POST", "/api/try", eml, { "content-type": "text/plain" });
    expect(plain.statusCode).toBe(200);
    expect((await viewer.send("POST", "/api/try", " ", { "content-type": "text/plain" })).statusCode).toBe(400);
  });

  it("names the field of a malformed draft", async () => {
    const viewer = await signIn(t.app, VIEWER);
    const res = await viewer.send("POST", "/api/try", { to: [{ email: 42 }], subject: "x", body: "y" });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Json).issues[0].path).toMatch(/^to\[0\]/);
  });
});

describe("events and weekly report", () => {
  const at = "2025-03-05T10:00:00.000Z";
  const base = { verdict: "warn", action: "sent-anyway", client: "classic-windows", at, sender: "a1b2c3d4e5f6a7b8" };

  it("accepts a valid batch and reports per rule and ISO week", async () => {
    const now = new Date("2025-03-11T12:00:00Z");
    const clocked = await makeApp({ clock: () => now });
    try {
      const events = [
        { ...base, ruleIds: ["no-heated-tone"], reason: "Urgent and fine" },
        { ...base, ruleIds: ["no-heated-tone", "audience-size"], monitorRuleIds: ["audience-size"], verdict: "warn", action: "sent" },
        { ...base, ruleIds: ["bcc-for-bulk-mail"], verdict: "block", action: "blocked" },
        { ...base, ruleIds: ["no-chain-mail"], verdict: "send", action: "sent" },
        { ...base, ruleIds: ["no-heated-tone"], action: "false-positive", ruleId: "no-heated-tone", words: ["sharp"] },
        { ...base, ruleIds: ["no-heated-tone"], at: "2025-03-10T08:00:00Z", action: "fixed" },
      ];
      const res = await clocked.app.inject({ method: "POST", url: "/api/events", headers: { "x-eg-install-token": clocked.stores.install.token() }, payload: { events } });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ accepted: 6, dropped: 0 });
      const viewer = await signIn(clocked.app, VIEWER);
      const report = (await viewer.get("/api/reports/weekly")).json() as Json;
      const row = (week: string, ruleId: string): Json | undefined => report.rows.find((r: Json) => r.week === week && r.ruleId === ruleId);
      expect(row("2025-W10", "no-heated-tone")).toEqual({ week: "2025-W10", ruleId: "no-heated-tone", hits: 2, monitorHits: 0, overridden: 1, blocks: 0, warned: 0, falsePositives: 1 });
      expect(row("2025-W10", "audience-size")).toMatchObject({ hits: 1, monitorHits: 1, overridden: 0 });
      expect(row("2025-W10", "bcc-for-bulk-mail")).toMatchObject({ hits: 1, blocks: 1 });
      expect(row("2025-W10", "no-chain-mail")).toMatchObject({ hits: 1, monitorHits: 1 });
      expect(row("2025-W11", "no-heated-tone")).toMatchObject({ hits: 1 });
      const only10 = (await viewer.get("/api/reports/weekly?from=2025-W10&to=2025-W10")).json() as Json;
      expect(only10.rows.every((r: Json) => r.week === "2025-W10")).toBe(true);
      expect((await viewer.get("/api/reports/weekly?from=March")).statusCode).toBe(400);
      // Nothing but the event fields is stored: no IP address, no text beyond the reason.
      const stored = clocked.db.prepare("SELECT * FROM events").all() as Json[];
      expect(Object.keys(stored[0] ?? {}).sort()).toEqual(["action", "at", "client", "id", "reason", "received_at", "rule_id", "sender", "verdict", "week", "words"]);
    } finally {
      await clocked.close();
    }
  });

  it.each([
    ["an unknown field", { ...base, ruleIds: ["no-heated-tone"], subject: "Hello" }, "events[0].subject"],
    ["an unknown rule", { ...base, ruleIds: ["no-such-rule"] }, "events[0].ruleIds[0]"],
    ["an e-mail address as sender", { ...base, ruleIds: [], sender: "a.jones@norcot.co.uk" }, "events[0].sender"],
    ["a long reason", { ...base, ruleIds: [], reason: "x".repeat(501) }, "events[0].reason"],
    ["a reason without sent-anyway", { ...base, ruleIds: [], action: "sent", reason: "why" }, "events[0].reason"],
    ["words without false-positive", { ...base, ruleIds: [], words: ["x"] }, "events[0].words"],
    ["a bad verdict", { ...base, ruleIds: [], verdict: "maybe" }, "events[0].verdict"],
    ["a time without zone", { ...base, ruleIds: [], at: "2025-03-05 10:00" }, "events[0].at"],
    ["a false-positive without ruleId", { ...base, ruleIds: [], action: "false-positive" }, "events[0].ruleId"],
  ])("rejects %s", async (_name, event, pathName) => {
    const res = await t.app.inject({ method: "POST", url: "/api/events", headers: { "x-eg-install-token": t.stores.install.token() }, payload: { events: [event] } });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Json).issues.map((i: Json) => i.path)).toContain(pathName);
    expect(t.db.prepare("SELECT COUNT(*) AS n FROM events").get()).toEqual({ n: 0 });
  });

  it("rejects a batch that is not { events: [...] }, too big, or not JSON", async () => {
    expect((await t.app.inject({ method: "POST", url: "/api/events", headers: { "x-eg-install-token": t.stores.install.token() }, payload: [] })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "POST", url: "/api/events", headers: { "x-eg-install-token": t.stores.install.token() }, payload: { events: [], extra: 1 } })).statusCode).toBe(400);
    const big = { events: [{ ...base, ruleIds: [], reason: "y".repeat(500) }] };
    const huge = { events: Array.from({ length: 150 }, () => big.events[0]) };
    expect((await t.app.inject({ method: "POST", url: "/api/events", headers: { "x-eg-install-token": t.stores.install.token() }, payload: huge })).statusCode).toBe(413);
    const text = await t.app.inject({ method: "POST", url: "/api/events", headers: { "content-type": "text/plain", "x-eg-install-token": t.stores.install.token() }, payload: JSON.stringify(big) });
    expect(text.statusCode).toBe(415);
  });

  it("rate-limits event posts per IP address", async () => {
    const limited = await makeApp({ overrides: { limits: { eventsPerIpPerMinute: 3 } }, users: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({ method: "POST", url: "/api/events", headers: { "x-eg-install-token": limited.stores.install.token() }, payload: { events: [{ ...base, ruleIds: [], at: new Date().toISOString() }] } });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([202, 202, 202, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("static files and headers", () => {
  it("serves the add-in with a CSP that allows Office's CDN and framing by Outlook", async () => {
    fs.writeFileSync(path.join(t.dist, "taskpane.html"), "<!doctype html><title>Task pane</title>");
    const rebuilt = await makeApp({ overrides: { distDir: t.dist } });
    try {
      const res = await rebuilt.app.inject({ method: "GET", url: "/taskpane.html" });
      expect(res.statusCode).toBe(200);
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
      expect(csp).toContain("frame-ancestors 'self' https://outlook.office.com");
      expect(res.headers["x-frame-options"]).toBeUndefined();
      expect(res.headers["strict-transport-security"]).toMatch(/max-age=/);
      const api = await rebuilt.app.inject({ method: "GET", url: "/api/policy/published" });
      expect(String(api.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
      expect(api.headers["x-frame-options"]).toBe("DENY");
    } finally {
      await rebuilt.app.close();
      rebuilt.db.close();
    }
  });

  it("serves the admin app with an SPA fallback, and the simulator only in development", async () => {
    fs.mkdirSync(path.join(t.dist, "admin"), { recursive: true });
    fs.writeFileSync(path.join(t.dist, "admin", "index.html"), "<!doctype html><title>Admin</title>");
    fs.writeFileSync(path.join(t.dist, "admin", "app.js"), "void 0;");
    // The build names the bundle after the app with a content hash (admin.<hash>.js).
    fs.writeFileSync(path.join(t.dist, "admin", "admin.1a2b3c4d.js"), "void 1;");
    fs.writeFileSync(path.join(t.dist, "simulator.html"), "<!doctype html><title>Simulator</title>");
    const prod = await makeApp({ overrides: { distDir: t.dist, development: false }, users: false });
    const dev = await makeApp({ overrides: { distDir: t.dist, development: true }, users: false });
    try {
      expect((await prod.app.inject({ method: "GET", url: "/admin" })).statusCode).toBe(302);
      const index = await prod.app.inject({ method: "GET", url: "/admin/" });
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain("<title>Admin</title>");
      expect(String(index.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
      expect((await prod.app.inject({ method: "GET", url: "/admin/history/3" })).body).toContain("<title>Admin</title>");
      expect((await prod.app.inject({ method: "GET", url: "/admin/app.js" })).body).toBe("void 0;");
      expect((await prod.app.inject({ method: "GET", url: "/admin/admin.1a2b3c4d.js" })).body).toBe("void 1;");
      expect((await prod.app.inject({ method: "GET", url: "/admin/missing.js" })).statusCode).toBe(404);
      expect((await prod.app.inject({ method: "GET", url: "/admin/..%2F..%2Fetc%2Fpasswd" })).body).not.toContain("root:");
      expect((await prod.app.inject({ method: "GET", url: "/simulator.html" })).statusCode).toBe(404);
      expect((await dev.app.inject({ method: "GET", url: "/simulator.html" })).statusCode).toBe(200);
    } finally {
      for (const x of [prod, dev]) {
        await x.app.close();
        x.db.close();
      }
    }
  });
});
