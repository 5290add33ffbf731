/**
 * The published policy, which every add-in fetches at each Send (issue 11 item 15): answered
 * from memory with its prebuilt headers, outside the admin API's hooks — no database read, no
 * session lookup, no JSON serialisation per request — and 304 to a current ETag.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { buildApp } from "../../src/server/app";
import { loadConfig } from "../../src/server/config";
import { openDatabaseFile } from "../../src/server/db";
import { precomputedApiHeaders } from "../../src/server/security-headers";
import { etagMatches } from "../../src/server/published";
import { EDITOR, makeApp, signIn, type TestApp } from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const URL = "/api/policy/published";

let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});
afterEach(async () => {
  jest.restoreAllMocks();
  await t.close();
});

/** Spies on every way into the database and every store method. */
function watchStorage(): () => string[] {
  const spies: [string, jest.SpyInstance][] = [];
  for (const name of ["prepare", "exec", "transaction", "pragma"] as const) spies.push([`db.${name}`, jest.spyOn(t.db, name)]);
  for (const [storeName, store] of Object.entries(t.stores)) {
    let proto = Object.getPrototypeOf(store) as Record<string, unknown>;
    const names = new Set<string>();
    while (proto && proto !== Object.prototype) {
      for (const key of Object.getOwnPropertyNames(proto)) if (key !== "constructor" && typeof proto[key] === "function") names.add(key);
      proto = Object.getPrototypeOf(proto) as Record<string, unknown>;
    }
    for (const key of names) spies.push([`${storeName}.${key}`, jest.spyOn(store as unknown as Record<string, () => unknown>, key)]);
  }
  return () => spies.filter(([, spy]) => spy.mock.calls.length > 0).map(([name]) => name);
}

describe("GET /api/policy/published", () => {
  it("answers from memory: no database read, no store call and no JSON serialisation, even with a session cookie", async () => {
    const editor = await signIn(t.app, EDITOR);
    const first = await t.app.inject({ method: "GET", url: URL });
    const etag = String(first.headers.etag);
    const called = watchStorage();
    const stringify = jest.spyOn(JSON, "stringify");
    for (let i = 0; i < 3; i++) {
      const full = await t.app.inject({ method: "GET", url: URL, headers: { cookie: editor.cookie, origin: "https://addin.example.org" } });
      expect(full.statusCode).toBe(200);
      const fresh = await t.app.inject({ method: "GET", url: URL, headers: { cookie: editor.cookie, "if-none-match": etag } });
      expect(fresh.statusCode).toBe(304);
    }
    expect(called()).toEqual([]);
    expect(stringify).not.toHaveBeenCalled();
  });

  it("answers 304 with the same ETag and no body, and the full answer again after a publish", async () => {
    const first = await t.app.inject({ method: "GET", url: URL });
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"v1-[0-9a-f]{16}-[0-9a-f]{8}"$/);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const res = await t.app.inject({ method: "GET", url: URL, headers: { "if-none-match": header } });
      expect([header, res.statusCode, res.headers.etag, res.body]).toEqual([header, 304, etag, ""]);
    }
    const stale = await t.app.inject({ method: "GET", url: URL, headers: { "if-none-match": '"v0-0000000000000000-00000000"' } });
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(first.body);

    const editor = await signIn(t.app, EDITOR);
    const draft = (await editor.get("/api/policy/draft")).json() as Json;
    await editor.send("PUT", "/api/policy/draft", { revision: draft.revision, policy: { ...draft.policy, onError: "allow" } });
    expect((await editor.send("POST", "/api/policy/publish", { revision: draft.revision + 1, note: "allow on error" })).statusCode).toBe(201);
    const after = await t.app.inject({ method: "GET", url: URL, headers: { "if-none-match": etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).toMatch(/^"v2-/);
    expect((after.json() as Json).version).toBe(2);
    expect((after.json() as Json).policy.onError).toBe("allow");
    const again = await t.app.inject({ method: "GET", url: URL, headers: { "if-none-match": String(after.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it("sends exactly the precomputed header sets: the API's security headers with the body; ETag, no-cache and Vary with a 304", async () => {
    const security = Object.fromEntries(Object.entries(precomputedApiHeaders(t.config)).map(([k, v]) => [k.toLowerCase(), v]));
    expect(security["content-security-policy"]).toContain("frame-ancestors 'none'");
    const withoutTransport = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).filter(([k]) => !["date", "connection", "keep-alive"].includes(k)));
    const full = await t.app.inject({ method: "GET", url: URL });
    const etag = String(full.headers.etag);
    const caching = { etag, "cache-control": "no-cache", vary: "Origin" };
    expect(withoutTransport(full.headers)).toEqual({ ...security, ...caching, "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(full.body)) });
    // A cache keeps the stored answer's other headers (RFC 9111 §3.2): the 304 sends only these.
    const notModified = await t.app.inject({ method: "GET", url: URL, headers: { "if-none-match": etag } });
    expect(withoutTransport(notModified.headers)).toEqual(caching);
  });

  it("adds CORS headers only for the add-in's origins, echoing Outlook's trailing slash", async () => {
    const ok = await t.app.inject({ method: "GET", url: URL, headers: { origin: "https://addin.example.org/" } });
    expect(ok.headers["access-control-allow-origin"]).toBe("https://addin.example.org/");
    expect(ok.headers["access-control-expose-headers"]).toBe("ETag");
    // The add-in sets If-None-Match itself, so the browser checks CORS on the 304 as well.
    const fresh = await t.app.inject({ method: "GET", url: URL, headers: { origin: "https://addin.example.org", "if-none-match": String(ok.headers.etag) } });
    expect([fresh.statusCode, fresh.headers["access-control-allow-origin"], fresh.headers["access-control-expose-headers"]]).toEqual([304, "https://addin.example.org", "ETag"]);
    const other = await t.app.inject({ method: "GET", url: URL, headers: { origin: "https://addin.example.org.evil.example" } });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    expect(other.headers["access-control-expose-headers"]).toBeUndefined();
    expect(other.statusCode).toBe(200);
  });

  it("still answers the add-in's preflight (If-None-Match and the install token are not simple headers)", async () => {
    const res = await t.app.inject({
      method: "OPTIONS",
      url: URL,
      headers: { origin: "https://addin.example.org", "access-control-request-method": "GET", "access-control-request-headers": "if-none-match" },
    });
    expect(res.statusCode).toBeLessThan(300);
    expect(res.headers["access-control-allow-origin"]).toBe("https://addin.example.org");
    expect(String(res.headers["access-control-allow-headers"]).toLowerCase()).toContain("if-none-match");
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await t.app.inject({ method: "HEAD", url: URL });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe("");
    expect(res.headers.etag).toMatch(/^"v1-/);
  });
});

describe("etagMatches", () => {
  it.each([
    [undefined, false],
    ["", false],
    ['"a"', true],
    ['W/"a"', true],
    ['"b", "a"', true],
    [' "b" ,W/"a" ', true],
    ["*", true],
    ['"b"', false],
    ['"a', false],
  ])("If-None-Match %p against \"a\" → %p", (header, expected) => {
    expect(etagMatches(header, '"a"')).toBe(expected);
  });
});

describe("logging", () => {
  it("does not log each read of the published policy, while other requests are logged", async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => void lines.push(line) };
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "eg-log-"));
    const config = loadConfig({ env: {}, overrides: { distDir: dist, publicOrigin: "https://addin.example.org" } });
    const db = openDatabaseFile(":memory:");
    const { app } = await buildApp({ config, db, logger: { level: "info", stream } });
    try {
      for (let i = 0; i < 3; i++) expect((await app.inject({ method: "GET", url: URL })).statusCode).toBe(200);
      expect(lines).toEqual([]);
      await app.inject({ method: "GET", url: "/api/health" });
      expect(lines.some((l) => l.includes("/api/health"))).toBe(true);
      expect(lines.join("")).not.toContain(URL);
    } finally {
      await app.close();
      db.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
