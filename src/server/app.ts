/**
 * The policy server as a Fastify application: static add-in files, the published policy for
 * the add-in, the admin API (sessions, draft, publish, history, rollback, audit, try a message,
 * reports) and monitor events. Built without listening, so tests drive it with `inject`.
 */
import fs from "fs";
import path from "path";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from "fastify";
import fastifyCookie from "@fastify/cookie";
import fastifyCors, { type FastifyCorsOptions } from "@fastify/cors";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import { timingSafeEqual } from "crypto";
import { checkDraft } from "../core/engine/run-rules";
import { parseEml as coreParseEml } from "../core/draft/eml";
import { htmlToText as coreHtmlToText } from "../core/draft/html-to-text";
import { DraftError, parseDraft } from "../core/draft/parse-draft";
import { normalizePolicy, PolicyError } from "../core/policy/policy";
import { rules } from "../core/rules";
import { ruleCatalogue } from "../core/rules/catalogue";
import { fullServices } from "../core/text/public-suffix-full";
import { AccountStore, type Role, type Session } from "./accounts";
import { AuditLog } from "./audit";
import type { ServerConfig } from "./config";
import { systemClock, type Clock, type Db } from "./db";
import { diffPolicies } from "../core/policy/diff";
import { EventStore, MAX_EVENTS_PER_BATCH, validateEventBatch } from "./events";
import { AlreadyPublishedError, ConflictError, NotFoundError, PolicyStore, canonicalJson } from "./policy-store";
import { APP_PACKAGE, appPackageForOrigin, ORIGIN_FILES, readForOrigin } from "./origin-files";
import { MAX_JSON_DEPTH, normalisedPath, tooDeepPath, UNSAFE_CHARACTERS, unsafeTextPath } from "./input-checks";
import { apiHeaders, precomputedAddinHeaders, precomputedApiHeaders } from "./security-headers";
import { INSTALL_TOKEN_HEADER, InstallSecrets } from "./install";
import { SignInThrottle } from "./sign-in-throttle";
import { answerPublished, PUBLISHED_POLICY_PATH, publishedAnswer, type PublishedAnswer } from "./published";
import { createHash } from "crypto";

export const SESSION_COOKIE = "__Host-eg-session";
export const CSRF_HEADER = "x-csrf-token";

export type AppOptions = Readonly<{
  config: ServerConfig;
  db: Db;
  clock?: Clock;
  /** Fastify's logger; off by default. Fastify logs method, URL and status, never bodies (which may hold e-mail text). */
  logger?: FastifyServerOptions["logger"];
  /** TLS material; without it the app speaks plain HTTP (tests, or behind a TLS proxy). */
  https?: Readonly<{ cert: string; key: string }>;
  /** Parses an RFC 822 message for POST /api/try. @default the core's parseEml */
  parseEml?: (bytes: Uint8Array) => Promise<unknown>;
  /** Converts HTML bodies to text for /api/try. @default the core's htmlToText */
  htmlToText?: (html: string) => string;
}>;

/** The stores behind the app, for the CLI and tests. */
export type Stores = Readonly<{ policies: PolicyStore; accounts: AccountStore; audit: AuditLog; events: EventStore; install: InstallSecrets }>;

declare module "fastify" {
  interface FastifyRequest {
    session?: Session;
  }
  interface FastifyContextConfig {
    /** Minimum role; undefined means anonymous. */
    role?: Role;
    /** State-changing route that does not need the CSRF token (login, anonymous events). */
    skipCsrf?: boolean;
  }
}

/** An HTTP error with a JSON body `{ error, ...extra }`. */
class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const ROLE_RANK: Readonly<Record<Role, number>> = { viewer: 1, editor: 2 };
const WEEK = /^\d{4}-W\d{2}$/;

/**
 * Creates the stores on a database (first start: default policy as version 1).
 * @param db - an open database
 * @param clock - the clock
 * @returns the stores
 */
export function createStores(db: Db, clock: Clock = systemClock): Stores {
  const audit = new AuditLog(db, clock);
  return { audit, policies: new PolicyStore(db, audit, clock), accounts: new AccountStore(db, audit, clock), events: new EventStore(db, clock), install: new InstallSecrets(db, clock) };
}

function equalTokens(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function body(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  if (typeof b !== "object" || b === null || Array.isArray(b)) throw new HttpError(400, "expected a JSON object body");
  return b as Record<string, unknown>;
}

function intField(b: Record<string, unknown>, name: string): number {
  const v = b[name];
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw new HttpError(400, `${name}: expected a positive integer`, { issues: [{ path: name, message: "expected a positive integer" }] });
  return v;
}

function noteField(b: Record<string, unknown>, required: boolean): string {
  const v = b.note;
  if (v === undefined && !required) return "";
  if (typeof v === "string" && UNSAFE_CHARACTERS.test(v)) {
    throw new HttpError(422, "note: control or text-direction characters are not allowed", { issues: [{ path: "note", message: "control or text-direction characters are not allowed" }] });
  }
  if (typeof v !== "string" || (required && v.trim() === "") || v.length > 1000) {
    throw new HttpError(400, "note: expected text of 1 to 1000 characters", { issues: [{ path: "note", message: "expected text of 1 to 1000 characters" }] });
  }
  return v.trim();
}

/**
 * Refuses control and text-direction characters anywhere in a policy (names, phrases, the
 * disclaimer): they hide or reorder what SMT and staff read.
 * @param policy - the policy from the request
 * @throws HttpError 422 naming the first field that has one
 */
function refuseUnsafeText(policy: unknown): void {
  const where = unsafeTextPath(policy, "");
  if (where !== undefined) {
    throw new HttpError(422, `${where}: control or text-direction characters are not allowed`, { issues: [{ path: where, message: "control or text-direction characters are not allowed" }] });
  }
}

function policyEtag(version: number, policy: unknown): string {
  return `"v${version}-${createHash("sha256").update(canonicalJson(policy)).digest("hex").slice(0, 16)}"`;
}

/**
 * Builds the server application (does not listen).
 * @param options - configuration, database and optional parsers
 * @returns the Fastify instance and its stores
 */
export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; stores: Stores }> {
  const { config, db } = options;
  const clock = options.clock ?? systemClock;
  const stores = createStores(db, clock);
  const { policies, accounts, audit, events, install } = stores;
  const knownRules = new Set(Object.keys(rules));
  const sessionTtlMs = config.sessionHours * 3600 * 1000;
  const allowedOrigins = new Set([config.publicOrigin, ...config.addinOrigins]);

  const root = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.limits.bodyBytes,
    trustProxy: config.trustProxy,
    ...(options.https ? { https: { cert: options.https.cert, key: options.https.key } } : {}),
  }) as unknown as FastifyInstance;

  // ---- published policy (anonymous) ----
  // Every add-in asks for this at each Send, so it is served from memory: one pre-serialised
  // buffer, its ETag and every header of its two answers (200 and 304), built when a version is
  // published or rolled back or the install token rotates. The route lives in the root scope,
  // outside the one below that holds the cookie, session, CSRF, CORS, security-header and body
  // hooks: none of them runs for it, nothing reads the database, nothing is built per request.
  // (Its CORS preflight still goes to @fastify/cors's OPTIONS route in that scope.)
  const securityHeaders = precomputedApiHeaders(config);
  let published = buildPublished();
  function buildPublished(): PublishedAnswer {
    const version = policies.published();
    const token = install.token();
    const answer = { version: version.version, policy: version.policy, publishedAt: version.publishedAt, install: { token, salt: install.salt() } };
    const tokenTag = createHash("sha256").update(token).digest("hex").slice(0, 8);
    const etag = policyEtag(version.version, version.policy).replace(/"$/, `-${tokenTag}"`);
    return publishedAnswer(etag, Buffer.from(JSON.stringify(answer)), securityHeaders);
  }
  function refreshPublished(): void {
    published = buildPublished();
  }
  // Not logged per request (only warnings and errors), even when the server's log is on.
  root.get(PUBLISHED_POLICY_PATH, { logLevel: "warn" }, (request, reply) => {
    reply.hijack();
    answerPublished(published, request.raw, reply.raw, allowedOrigins);
  });

  await root.register(async (app) => {
    app.addContentTypeParser(["message/rfc822", "text/plain"], { parseAs: "string" }, (_req, text, done) => done(null, text));

    await app.register(fastifyCookie);
    await app.register(fastifyRateLimit, { global: false });
    // Helmet's headers for add-in pages, worked out once (helmet's Fastify plugin rebuilds its
    // middleware, CSP included, on every request). Set on the raw response, as helmet does, so
    // files sent by @fastify/static get them too.
    const addinSet = Object.entries(precomputedAddinHeaders(config));
    app.addHook("onRequest", (_request, reply, done) => {
      for (const [name, value] of addinSet) reply.raw.setHeader(name, value);
      done();
    });
    // Decided on the decoded, normalised path: /%61dmin/ and //api/ are the admin app and the API.
    app.addHook("onSend", async (request, reply, payload) => {
      const url = normalisedPath(request.url);
      if (url.startsWith("/api/") || url === "/admin" || url.startsWith("/admin/")) {
        apiHeaders(reply);
        // What a signed-in person reads must not stay in a shared computer's or a proxy's cache;
        // nor may any other API answer that does not say how long it may be kept.
        if (url.startsWith("/api/") && (request.session || request.routeOptions.config.role || !reply.hasHeader("cache-control"))) reply.header("Cache-Control", "no-store");
      }
      return payload;
    });

    // CORS only for the anonymous endpoints the add-in calls, and only for the add-in's origins.
    // Outlook has sent the Origin with a trailing slash (office-js#3907), so compare without it.
    const corsRoutes = new Set([PUBLISHED_POLICY_PATH, "/api/events"]);
    const corsOff: FastifyCorsOptions = { origin: false };
    await app.register(fastifyCors, {
      delegator: (request: FastifyRequest, callback: (error: Error | null, options?: FastifyCorsOptions) => void) => {
        const route = normalisedPath(request.url);
        const origin = String(request.headers.origin ?? "").replace(/\/+$/, "");
        if (!corsRoutes.has(route) || !allowedOrigins.has(origin)) return callback(null, corsOff);
        callback(null, {
          origin: true,
          methods: ["GET", "POST"],
          allowedHeaders: ["Content-Type", "If-None-Match", "X-EG-Install-Token"],
          exposedHeaders: ["ETag"],
          credentials: false,
          maxAge: 600,
        });
      },
    });

    app.setErrorHandler((error: unknown, request, reply) => {
      if (error instanceof HttpError) return reply.code(error.statusCode).send({ error: error.message, ...error.extra });
      if (error instanceof PolicyError) return reply.code(422).send({ error: "The policy is not valid.", issues: error.issues });
      if (error instanceof ConflictError) {
        return reply.code(409).send({ error: "The draft was changed by someone else. Your edit was not saved; the current draft is included.", current: error.current });
      }
      if (error instanceof AlreadyPublishedError) {
        return reply.code(409).send({ error: `This draft was already published as version ${error.version}; nothing new was published.`, version: error.version, current: error.current });
      }
      if (error instanceof NotFoundError) return reply.code(404).send({ error: error.message });
      if (error instanceof DraftError) return reply.code(400).send({ error: error.message, issues: [{ path: error.field ?? "(draft)", message: error.message }] });
      const e = error as { statusCode?: number; code?: string; message?: string };
      if (e.statusCode === 429) return reply.code(429).send({ error: "Too many requests. Try again later." });
      if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
        return reply.code(e.statusCode).send({ error: e.message ?? "bad request", code: e.code });
      }
      request.log.error({ code: e.code }, "unexpected error");
      return reply.code(500).send({ error: "Internal error" });
    });
    app.setNotFoundHandler((request, reply) => {
      if (normalisedPath(request.url).startsWith("/api/")) return reply.code(404).send({ error: "No such endpoint" });
      return reply.code(404).type("text/plain").send("Not found");
    });

    // Sessions and CSRF: every request looks at the cookie; routes declare the role they need.
    // Checked in onRequest, before the body is read: a stranger's body is never parsed.
    app.addHook("onRequest", async (request) => {
      const id = request.cookies[SESSION_COOKIE];
      if (id) {
        const session = accounts.session(id);
        if (session) request.session = session;
      }
    });
    app.addHook("onRequest", async (request) => {
      const routeConfig = request.routeOptions.config;
      const needed = routeConfig.role;
      if (needed) {
        if (!request.session) throw new HttpError(401, "Sign in first.");
        if (ROLE_RANK[request.session.user.role] < ROLE_RANK[needed]) throw new HttpError(403, `This needs the ${needed} role.`);
      }
      const stateChanging = !["GET", "HEAD", "OPTIONS"].includes(request.method);
      if (stateChanging && !routeConfig.skipCsrf) {
        const origin = request.headers.origin;
        if (origin && origin.replace(/\/+$/, "") !== config.publicOrigin) throw new HttpError(403, "Cross-site request refused.");
        const token = request.headers[CSRF_HEADER];
        if (!request.session || typeof token !== "string" || !equalTokens(token, request.session.csrfToken)) {
          throw new HttpError(403, "Missing or wrong CSRF token; get one from GET /api/session/csrf.");
        }
      }
    });
    // A JSON body nested deeper than any policy needs is refused before anything recurses into it.
    app.addHook("preValidation", async (request) => {
      if (typeof request.body !== "object" || request.body === null) return;
      const deep = tooDeepPath(request.body, "", MAX_JSON_DEPTH);
      if (deep !== undefined) {
        const where = deep.replace(/^policy(\.|(?=\[))/, "");
        throw new HttpError(422, `${where}: nested too deeply (at most ${MAX_JSON_DEPTH} levels)`, { issues: [{ path: where, message: `nested too deeply (at most ${MAX_JSON_DEPTH} levels)` }] });
      }
    });

    // ---- health and platform files ----
    const health = async (): Promise<Record<string, unknown>> => {
      db.prepare("SELECT 1").get();
      return { status: "ok", publishedVersion: policies.published().version, time: clock().toISOString() };
    };
    app.get("/api/health", health);
    app.get("/healthz", health);
    app.get("/.well-known/microsoft-officeaddins-allowed.json", async (_request, reply) => {
      reply.header("Cache-Control", "public, max-age=300");
      return { allowed: [`${config.publicOrigin}/launchevent.js`] };
    });

    // ---- sessions ----
    const throttle = new SignInThrottle({ freePerAccount: config.limits.loginFailuresPerAccount });
    app.post(
      "/api/session/login",
      { config: { skipCsrf: true, rateLimit: { max: config.limits.loginPerIpPerMinute, timeWindow: 60_000 } } },
      async (request, reply) => {
        // Only JSON is accepted: an HTML form on another site cannot send it without a CORS preflight.
        if (!String(request.headers["content-type"] ?? "").startsWith("application/json")) throw new HttpError(415, "Send JSON.");
        const b = body(request);
        const email = typeof b.email === "string" ? b.email.trim().toLowerCase().slice(0, 254) : "";
        const password = typeof b.password === "string" ? b.password : "";
        if (!email || !password || password.length > 1024) throw new HttpError(400, "email and password are required");
        const wait = throttle.waitMs(email, request.ip, clock().getTime());
        if (wait > 0) {
          audit.record(email, "sign-in-failed", { ip: request.ip, reason: "slowed down" });
          reply.header("Retry-After", String(Math.max(1, Math.ceil(wait / 1000))));
          throw new HttpError(429, "Too many failed sign-ins from here. Wait a moment and try again.");
        }
        const user = await accounts.authenticate(email, password);
        if (!user) {
          throttle.failed(email, request.ip, clock().getTime());
          audit.record(email, "sign-in-failed", { ip: request.ip, reason: "wrong credentials" });
          throw new HttpError(401, "Wrong e-mail address or password.");
        }
        throttle.succeeded(email, request.ip);
        const { id, session } = accounts.createSession(user, sessionTtlMs);
        audit.record(user.email, "sign-in", { ip: request.ip });
        reply.setCookie(SESSION_COOKIE, id, { httpOnly: true, secure: true, sameSite: "strict", path: "/", expires: new Date(session.expiresAt) });
        return { user: { email: user.email, role: user.role }, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
      },
    );
    app.post("/api/session/logout", { config: { role: "viewer" } }, async (request, reply) => {
      const session = request.session as Session;
      accounts.endSession(session.idHash);
      audit.record(session.user.email, "sign-out", {});
      reply.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: "strict", path: "/" });
      return { ok: true };
    });
    app.get("/api/session/me", { config: { role: "viewer" } }, async (request) => {
      const s = request.session as Session;
      return { user: { email: s.user.email, role: s.user.role, lastLoginAt: s.user.lastLoginAt }, expiresAt: s.expiresAt };
    });
    app.get("/api/session/csrf", { config: { role: "viewer" } }, async (request, reply) => {
      reply.header("Cache-Control", "no-store");
      return { csrfToken: (request.session as Session).csrfToken };
    });

    // ---- catalogue, draft, validation, diff ----
    app.get("/api/rules", { config: { role: "viewer" } }, async () => ruleCatalogue(rules));
    app.get("/api/users", { config: { role: "viewer" } }, async () => accounts.listUsers().map((u) => ({ email: u.email, role: u.role, lastLoginAt: u.lastLoginAt })));
    app.get("/api/policy/draft", { config: { role: "viewer" } }, async () => policies.draft());
    app.put("/api/policy/draft", { config: { role: "editor" } }, async (request) => {
      const b = body(request);
      const revision = intField(b, "revision");
      if (!("policy" in b)) throw new HttpError(400, "policy: required", { issues: [{ path: "policy", message: "required" }] });
      refuseUnsafeText(b.policy);
      return policies.saveDraft(b.policy, revision, (request.session as Session).user.email);
    });
    app.post("/api/policy/validate", { config: { role: "viewer" } }, async (request) => {
      const b = body(request);
      refuseUnsafeText(b.policy);
      normalizePolicy(b.policy, rules);
      return { valid: true, issues: [] };
    });
    app.get("/api/policy/diff", { config: { role: "viewer" } }, async (request) => {
      const q = request.query as Record<string, string | undefined>;
      const published = policies.published();
      let base = published;
      if (q.against !== undefined) {
        const n = Number(q.against);
        const v = Number.isInteger(n) ? policies.version(n) : undefined;
        if (!v) throw new HttpError(404, `there is no published version ${q.against}`);
        base = v;
      }
      const draft = policies.draft();
      return { against: base.version, draftRevision: draft.revision, changes: diffPolicies(base.policy, draft.policy) };
    });

    // ---- publish, history, rollback ----
    app.post("/api/policy/publish", { config: { role: "editor" } }, async (request, reply) => {
      const b = body(request);
      const version = policies.publish(intField(b, "revision"), (request.session as Session).user.email, noteField(b, true));
      refreshPublished();
      return reply.code(201).send({ version: version.version, publishedAt: version.publishedAt, author: version.author, note: version.note });
    });
    app.get("/api/policy/versions", { config: { role: "viewer" } }, async () => policies.history());
    app.get("/api/policy/versions/:version", { config: { role: "viewer" } }, async (request) => {
      const n = Number((request.params as { version: string }).version);
      const v = Number.isInteger(n) ? policies.version(n) : undefined;
      if (!v) throw new HttpError(404, "No such version");
      return v;
    });
    app.post("/api/policy/versions/:version/rollback", { config: { role: "editor" } }, async (request, reply) => {
      const n = Number((request.params as { version: string }).version);
      if (!Number.isInteger(n) || n < 1) throw new HttpError(404, "No such version");
      const b = request.body === undefined || request.body === null ? {} : body(request);
      const result = policies.rollback(n, (request.session as Session).user.email, noteField(b, false));
      refreshPublished();
      const v = result.version;
      return reply.code(201).send({ version: v.version, publishedAt: v.publishedAt, author: v.author, note: v.note, rollbackOf: v.rollbackOf, draftKept: result.draftKept });
    });

    // ---- audit, try, reports ----
    app.get("/api/audit", { config: { role: "viewer" } }, async (request) => {
      const q = request.query as Record<string, string | undefined>;
      const limit = q.limit === undefined ? 100 : Number(q.limit);
      const before = q.before === undefined ? undefined : Number(q.before);
      if (!Number.isFinite(limit) || (before !== undefined && !Number.isInteger(before))) throw new HttpError(400, "limit and before must be numbers");
      return audit.list(limit, before);
    });
    app.post("/api/try", { config: { role: "viewer" }, bodyLimit: config.limits.tryBodyBytes }, async (request) => {
      const draft = policies.draft();
      const policy = normalizePolicy(draft.policy, rules);
      const htmlOptions = { htmlToText: options.htmlToText ?? coreHtmlToText };
      const parseEml = options.parseEml ?? coreParseEml;
      let message;
      if (typeof request.body === "string") {
        if (request.body.trim() === "") throw new HttpError(400, "The message is empty.");
        message = parseDraft(await parseEml(new TextEncoder().encode(request.body)), htmlOptions);
      } else {
        message = parseDraft(request.body, htmlOptions);
      }
      return { draftRevision: draft.revision, report: checkDraft(message, policy, { services: fullServices }) };
    });
    app.post(
      "/api/events",
      { config: { skipCsrf: true, rateLimit: { max: config.limits.eventsPerIpPerMinute, timeWindow: 60_000 } }, bodyLimit: config.limits.eventsBodyBytes },
      async (request, reply) => {
        if (!String(request.headers["content-type"] ?? "").startsWith("application/json")) throw new HttpError(415, "Send JSON.");
        // Only the add-in for this Centre, which got the install token with the published policy.
        const token = request.headers[INSTALL_TOKEN_HEADER];
        if (typeof token !== "string" || token === "" || !install.accepts(token)) {
          const b = request.body as { events?: unknown } | null;
          const count = b && Array.isArray(b.events) ? Math.min(b.events.length, MAX_EVENTS_PER_BATCH) : 0;
          events.dropped(typeof token === "string" && token !== "" ? "wrong-token" : "no-token", count);
          throw new HttpError(401, "Events are taken only from this Centre's add-in (missing or wrong install token).");
        }
        const result = validateEventBatch(request.body, knownRules, clock());
        if (!result.ok) throw new HttpError(400, "Invalid events.", { issues: result.issues });
        const stored = events.add(result.events, { perSenderPerDay: config.limits.eventsPerSenderPerDay, perInstallPerDay: config.limits.eventsPerInstallPerDay });
        return reply.code(202).send(stored);
      },
    );
    app.get("/api/reports/weekly", { config: { role: "viewer" } }, async (request) => {
      const q = request.query as Record<string, string | undefined>;
      for (const k of ["from", "to"] as const) if (q[k] !== undefined && !WEEK.test(q[k] as string)) throw new HttpError(400, `${k}: expected an ISO week such as 2025-W07`);
      return { from: q.from ?? null, to: q.to ?? null, rows: events.weekly(q.from, q.to), dropped: events.droppedByWeek(q.from, q.to) };
    });
    app.post("/api/install/rotate-token", { config: { role: "editor" } }, async (request) => {
      install.rotateToken();
      refreshPublished();
      audit.record((request.session as Session).user.email, "install-token-rotated", {});
      return { rotated: true, previousValidForDays: 7 };
    });

    await registerStatic(app, config);
  });
  return { app: root, stores };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

async function registerStatic(app: FastifyInstance, config: ServerConfig): Promise<void> {
  const dist = config.distDir;
  // Absolute, so the "inside the folder" check below also holds for a relative --dist.
  const adminDir = path.resolve(dist, "admin");
  // The manifests and launchevent.js name the add-in's address: served for the public origin.
  const types: Record<(typeof ORIGIN_FILES)[number], string> = { "manifest.xml": "application/xml", "manifest.json": "application/json", "launchevent.js": "text/javascript" };
  for (const name of ORIGIN_FILES) {
    app.get(`/${name}`, async (_request, reply) => {
      const text = readForOrigin(dist, name, config.publicOrigin);
      if (text === undefined) return reply.code(404).type("text/plain").send("Not found");
      return reply.header("Cache-Control", "no-cache").type(`${types[name]}; charset=utf-8`).send(text);
    });
  }
  app.get(`/${APP_PACKAGE}`, async (_request, reply) => {
    const zip = appPackageForOrigin(dist, config.publicOrigin);
    if (zip === undefined) return reply.code(404).type("text/plain").send("Not found");
    return reply.header("Cache-Control", "no-cache").header("Content-Disposition", `attachment; filename="${APP_PACKAGE}"`).type("application/zip").send(Buffer.from(zip));
  });
  if (fs.existsSync(dist)) {
    await app.register(fastifyStatic, {
      root: dist,
      prefix: "/",
      index: ["taskpane.html"],
      // The Outlook simulator is a development tool; the admin app has its own route below.
      allowedPath: (pathName: string) => {
        const p = normalisedPath(pathName);
        // "/admin" and "/admin/…" only: reply.sendFile also asks this for the admin app's own
        // files, whose names ("admin.1a2b3c4d.js") begin with "admin".
        const admin = p === "/admin" || p.startsWith("/admin/");
        return !admin && (config.development || !p.startsWith("/simulator"));
      },
      cacheControl: true,
      maxAge: 0,
    });
  } else {
    app.get("/", async (_request, reply) => reply.code(503).type("text/plain").send("The add-in is not built yet: run `npm run build` (or `npm start`)."));
  }
  const sendAdmin = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const rest = ((request.params as { "*"?: string })["*"] ?? "").split("?")[0] ?? "";
    const candidate = path.resolve(adminDir, rest);
    const inside = candidate.startsWith(adminDir + path.sep);
    if (rest && inside && isFile(candidate)) return reply.sendFile(path.relative(adminDir, candidate), adminDir);
    if (/\.[a-z0-9]+$/i.test(rest)) return reply.code(404).type("text/plain").send("Not found");
    if (!isFile(path.join(adminDir, "index.html"))) return reply.code(503).type("text/plain").send("The admin app is not built yet.");
    reply.header("Cache-Control", "no-cache");
    return reply.sendFile("index.html", adminDir);
  };
  app.get("/admin", async (_request, reply) => reply.redirect("/admin/"));
  app.get("/admin/*", sendAdmin);
  if (!fs.existsSync(dist)) {
    // sendFile needs the decorator even when dist/ is absent at start-up.
    await app.register(fastifyStatic, { root: path.resolve(dist, ".."), serve: false });
  }
}
