/**
 * An in-memory stand-in for the policy server's admin API, as a `fetch` function, for the
 * admin app's tests. It keeps the server's rules that matter to the app: session + CSRF
 * token on state-changing requests, draft revisions with 409 and the current draft on a
 * stale save, validation with paths (the core's own `normalizePolicy`), publish, rollback,
 * audit, the policy diff (the core's own, as the server uses) and try-a-message (the core's own engine). Not bundled into the app.
 */
import { checkDraft } from "../../core/engine/run-rules";
import { parseDraft } from "../../core/draft/parse-draft";
import { defaultPolicyDocument } from "../../core/policy/default-policy";
import { diffPolicies } from "../../core/policy/diff";
import { normalizePolicy, PolicyError } from "../../core/policy/policy";
import { rules } from "../../core/rules";
import { ruleCatalogue } from "../../core/rules/catalogue";
import type { DroppedEvents } from "../../core/model/event";
import type { AuditEntry, Draft, Role, VersionSummary, WeeklyRow } from "../api/types";

export type FakeRequest = Readonly<{ method: string; path: string; headers: Record<string, string>; body: string | undefined }>;

export type FakeServerOptions = Readonly<{
  users?: ReadonlyArray<Readonly<{ email: string; password: string; role: Role }>>;
  /** Start signed in as this user (as if the cookie were already set). */
  signedInAs?: string;
  weekly?: readonly WeeklyRow[];
  /** Events the server did not count, for the Reports page. */
  dropped?: readonly DroppedEvents[];
  /** Requests ("METHOD /path") whose first attempt fails with a network error. */
  failFirst?: readonly RegExp[];
}>;

type Failure = Readonly<{ match: RegExp; status: number | "network"; body?: unknown; times: number }>;

export type FakeServer = {
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  requests: FakeRequest[];
  draft: Draft;
  versions: Array<VersionSummary & { policy: unknown }>;
  audit: AuditEntry[];
  weekly: WeeklyRow[];
  dropped: DroppedEvents[];
  csrfToken: string;
  /** Another manager saves the draft (bumps the revision). */
  saveAsOther(policy: unknown, email?: string): void;
  /** Makes the next matching requests fail. */
  fail(match: RegExp, status: number | "network", body?: unknown, times?: number): void;
  /** Ends the session (as an expiry would). */
  expireSession(): void;
  /** Holds requests matching `match` until the returned function is called. */
  hold(match: RegExp): () => void;
};

/** A minimal Response (jsdom has no fetch API): what the client reads — ok, status, text(). */
function json(status: number, body: unknown): Response {
  const text = body === undefined ? "" : JSON.stringify(body);
  return { ok: status >= 200 && status < 300, status, text: async () => text } as unknown as Response;
}

/**
 * Creates the fake server.
 * @param options - users, the signed-in user, report rows
 * @returns the server with its `fetch`
 */
export function createFakeServer(options: FakeServerOptions = {}): FakeServer {
  const users = options.users ?? [
    { email: "head@centre.example", password: "correct horse battery", role: "editor" as Role },
    { email: "viewer@centre.example", password: "correct horse battery", role: "viewer" as Role },
  ];
  let session: { email: string; role: Role } | null = null;
  if (options.signedInAs) {
    const u = users.find((x) => x.email === options.signedInAs);
    if (u) session = { email: u.email, role: u.role };
  }
  const holds: Array<{ match: RegExp; release: Promise<void> }> = [];
  const failures: Failure[] = (options.failFirst ?? []).map((match) => ({ match, status: "network" as const, times: 1 }));
  let clock = Date.parse("2026-03-02T09:00:00Z");
  const now = () => new Date((clock += 60_000)).toISOString();
  const start = JSON.parse(JSON.stringify(defaultPolicyDocument())) as unknown;

  const server: FakeServer = {
    requests: [],
    draft: { revision: 1, policy: start, updatedAt: now(), updatedBy: "system" },
    versions: [{ version: 1, policy: start, author: "system", publishedAt: now(), note: "The Centre's policy as written (default)", rollbackOf: null }],
    audit: [],
    weekly: [...(options.weekly ?? [])],
    dropped: [...(options.dropped ?? [])],
    csrfToken: "csrf-token-1",
    saveAsOther(policy, email = "business.manager@centre.example") {
      server.draft = { revision: server.draft.revision + 1, policy, updatedAt: now(), updatedBy: email };
    },
    fail(match, status, body, times = 1) {
      failures.push({ match, status, body, times });
    },
    expireSession() {
      session = null;
    },
    hold(match) {
      let release!: () => void;
      holds.push({ match, release: new Promise<void>((r) => (release = r)) });
      return () => release();
    },
    fetch: async (input, init = {}) => {
      const method = (init.method ?? "GET").toUpperCase();
      const url = new URL(input, "https://admin.test");
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries((init.headers ?? {}) as Record<string, string>)) headers[k.toLowerCase()] = v;
      const text = typeof init.body === "string" ? init.body : undefined;
      server.requests.push({ method, path: url.pathname + url.search, headers, body: text });
      const key = `${method} ${url.pathname}`;
      const held = holds.find((h) => h.match.test(key));
      if (held) {
        holds.splice(holds.indexOf(held), 1);
        await held.release;
      }
      const failure = failures.find((f) => f.match.test(key));
      if (failure) {
        failures.splice(failures.indexOf(failure), 1);
        if (failure.times > 1) failures.push({ ...failure, times: failure.times - 1 });
        if (failure.status === "network") throw new TypeError("Failed to fetch");
        return json(failure.status, failure.body ?? { error: "Internal error" });
      }
      return route(method, url, headers, text);
    },
  };

  const record = (actor: string, action: string, detail: Record<string, unknown> = {}) =>
    server.audit.unshift({ id: server.audit.length + 1, at: now(), actor, action, detail });

  function route(method: string, url: URL, headers: Record<string, string>, text: string | undefined): Response {
    const path = url.pathname;
    const body = (): Record<string, unknown> => (text && headers["content-type"]?.startsWith("application/json") ? (JSON.parse(text) as Record<string, unknown>) : {});
    if (method === "POST" && path === "/api/session/login") {
      const b = body();
      const u = users.find((x) => x.email === b.email && x.password === b.password);
      if (!u) return json(401, { error: "Wrong e-mail address or password." });
      session = { email: u.email, role: u.role };
      record(u.email, "sign-in");
      return json(200, { user: { email: u.email, role: u.role }, csrfToken: server.csrfToken, expiresAt: "2026-03-02T17:00:00Z" });
    }
    if (!session) return json(401, { error: "Sign in first." });
    if (method !== "GET" && headers["x-csrf-token"] !== server.csrfToken) return json(403, { error: "Missing or wrong CSRF token; get one from GET /api/session/csrf." });
    const editor = session.role === "editor";
    const needEditor = () => json(403, { error: "This needs the editor role." });
    switch (`${method} ${path}`) {
      case "GET /api/session/me":
        return json(200, { user: { email: session.email, role: session.role, lastLoginAt: null }, expiresAt: "2026-03-02T17:00:00Z" });
      case "GET /api/session/csrf":
        return json(200, { csrfToken: server.csrfToken });
      case "POST /api/session/logout":
        session = null;
        return json(200, { ok: true });
      case "GET /api/rules":
        return json(200, ruleCatalogue(rules));
      case "GET /api/policy/draft":
        return json(200, server.draft);
      case "PUT /api/policy/draft": {
        if (!editor) return needEditor();
        const b = body();
        try {
          normalizePolicy(b.policy, rules);
        } catch (e) {
          if (e instanceof PolicyError) return json(422, { error: "The policy is not valid.", issues: e.issues });
          throw e;
        }
        if (b.revision !== server.draft.revision) {
          return json(409, { error: "The draft was changed by someone else. Your edit was not saved; the current draft is included.", current: server.draft });
        }
        server.draft = { revision: server.draft.revision + 1, policy: b.policy, updatedAt: now(), updatedBy: session.email };
        record(session.email, "draft-saved", { revision: server.draft.revision });
        return json(200, server.draft);
      }
      case "GET /api/policy/diff": {
        const latest = server.versions[0] as VersionSummary & { policy: unknown };
        return json(200, { against: latest.version, draftRevision: server.draft.revision, changes: diffPolicies(latest.policy, server.draft.policy) });
      }
      case "POST /api/policy/publish": {
        if (!editor) return needEditor();
        const b = body();
        if (b.revision !== server.draft.revision) return json(409, { error: "The draft was changed by someone else.", current: server.draft });
        const version = { version: server.versions.length + 1, policy: server.draft.policy, author: session.email, publishedAt: now(), note: String(b.note), rollbackOf: null };
        server.versions.unshift(version);
        record(session.email, "policy-published", { version: version.version, note: version.note });
        return json(201, { version: version.version, publishedAt: version.publishedAt, author: version.author, note: version.note });
      }
      case "GET /api/policy/versions":
        return json(200, server.versions.map(({ policy: _policy, ...summary }) => summary));
      case "POST /api/try": {
        const policy = normalizePolicy(server.draft.policy, rules);
        const draft = parseDraft(text && headers["content-type"] === "application/json" ? JSON.parse(text) : {});
        return json(200, { draftRevision: server.draft.revision, report: checkDraft(draft, policy) });
      }
      case "GET /api/reports/weekly":
        return json(200, { from: url.searchParams.get("from"), to: url.searchParams.get("to"), rows: server.weekly, dropped: server.dropped });
      case "GET /api/audit": {
        const limit = Number(url.searchParams.get("limit") ?? 100);
        const before = url.searchParams.get("before");
        const list = server.audit.filter((e) => before === null || e.id < Number(before));
        return json(200, list.slice(0, limit));
      }
      default:
        break;
    }
    const version = /^\/api\/policy\/versions\/(\d+)(\/rollback)?$/.exec(path);
    if (version) {
      const v = server.versions.find((x) => x.version === Number(version[1]));
      if (!v) return json(404, { error: "No such version" });
      if (method === "GET" && !version[2]) return json(200, v);
      if (method === "POST" && version[2]) {
        if (!editor) return needEditor();
        const latest = server.versions[0] as VersionSummary & { policy: unknown };
        const clean = JSON.stringify(server.draft.policy) === JSON.stringify(latest.policy);
        const next = { version: server.versions.length + 1, policy: v.policy, author: session.email, publishedAt: now(), note: String(body().note ?? `Rollback to version ${v.version}`), rollbackOf: v.version };
        server.versions.unshift(next);
        if (clean) server.draft = { revision: server.draft.revision + 1, policy: v.policy, updatedAt: next.publishedAt, updatedBy: session.email };
        record(session.email, "policy-rolled-back", { version: next.version, rollbackOf: v.version });
        const { policy: _p, ...summary } = next;
        return json(201, { ...summary, draftKept: !clean });
      }
    }
    return json(404, { error: "No such endpoint" });
  }

  return server;
}
