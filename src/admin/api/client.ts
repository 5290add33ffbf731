/**
 * The admin app's only way to the server: a small typed client over `fetch`. It keeps the
 * session's CSRF token and sends it on every state-changing request (the server refuses them
 * otherwise), names network failures in plain words, turns a 409 on the draft into a
 * `DraftConflict` carrying the server's current draft, and reports an ended session once.
 */
import type {
  AuditEntry,
  DiffResult,
  Draft,
  Issue,
  LoginResult,
  Me,
  PublishedVersion,
  PublishResult,
  RollbackResult,
  RuleInfo,
  TryDraft,
  TryResult,
  VersionSummary,
  WeeklyReport,
} from "./types";
import { isRecord } from "../../core/util/is-record";

export type ApiErrorKind = "network" | "timeout" | "http";

/** A failed request, with a message fit to show to a manager as it is. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The draft changed on the server since the revision the manager started from. */
export class DraftConflict extends ApiError {
  constructor(
    message: string,
    readonly current: Draft,
  ) {
    super("http", 409, message);
    this.name = "DraftConflict";
  }
}

export const NETWORK_MESSAGE = "Could not reach the Etiquette Guard server. Check the network connection and try again.";
export const TIMEOUT_MESSAGE = "The Etiquette Guard server did not answer in time. Try again in a moment.";
export const SESSION_ENDED_MESSAGE = "Your session has ended. Sign in again; nothing you changed here is lost.";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type ApiClientOptions = Readonly<{
  /** @default globalThis.fetch */
  fetch?: FetchLike;
  /** Prefix of every API path, e.g. "https://host:3000". @default "" (same origin) */
  baseUrl?: string;
  /** Milliseconds before a request is given up. @default 20000 */
  timeoutMs?: number;
}>;

export type ApiClient = Readonly<{
  login(email: string, password: string): Promise<LoginResult>;
  logout(): Promise<void>;
  me(): Promise<Me>;
  rules(): Promise<RuleInfo[]>;
  draft(): Promise<Draft>;
  /** @throws DraftConflict when `revision` is no longer the draft's revision */
  saveDraft(policy: unknown, revision: number): Promise<Draft>;
  validate(policy: unknown): Promise<readonly Issue[]>;
  diff(against?: number): Promise<DiffResult>;
  /** @throws DraftConflict when the draft changed since `revision` */
  publish(revision: number, note: string): Promise<PublishResult>;
  versions(): Promise<VersionSummary[]>;
  version(version: number): Promise<PublishedVersion>;
  rollback(version: number, note: string): Promise<RollbackResult>;
  audit(limit: number, before?: number): Promise<AuditEntry[]>;
  /** Runs the saved draft policy on a message: a draft typed in, or the text of an .eml file. */
  tryMessage(message: TryDraft | string): Promise<TryResult>;
  weekly(from?: string, to?: string): Promise<WeeklyReport>;
  /** Called (once per ended session) when the server answers 401 to a signed-in request. */
  onSessionEnded(listener: () => void): () => void;
}>;

type Body = Readonly<{ json?: unknown; text?: string; contentType?: string }>;

function issuesOf(body: unknown): Issue[] {
  if (!isRecord(body) || !Array.isArray(body.issues)) return [];
  return body.issues.filter((i): i is Issue => isRecord(i) && typeof i.path === "string" && typeof i.message === "string");
}

function messageFor(status: number, body: unknown): string {
  const serverText = isRecord(body) && typeof body.error === "string" ? body.error : "";
  if (status === 401) return serverText && serverText !== "Sign in first." ? serverText : SESSION_ENDED_MESSAGE;
  if (status === 403) return serverText || "You are not allowed to do this.";
  if (status === 413) return "That is too large for the server to accept.";
  if (status === 429) return serverText || "Too many attempts. Wait a minute and try again.";
  if (status >= 500) return `The server had a problem (error ${status}). Try again; if it keeps happening, tell whoever runs the server.`;
  return serverText || `The server refused the request (error ${status}).`;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Creates the client.
 * @param options - fetch, base address and timeout (tests pass a fake fetch)
 * @returns the client
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = options.baseUrl ?? "";
  const timeoutMs = options.timeoutMs ?? 20000;
  let csrfToken: string | undefined;
  let signedIn = false;
  const listeners = new Set<() => void>();

  async function raw(method: string, path: string, body?: Body): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json" };
    let payload: string | undefined;
    if (body?.json !== undefined) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body.json);
    } else if (body?.text !== undefined) {
      headers["Content-Type"] = body.contentType ?? "text/plain";
      payload = body.text;
    }
    if (STATE_CHANGING.has(method) && path !== "/api/session/login" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
    const controller = typeof AbortController === "function" ? new AbortController() : undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller?.abort();
    }, timeoutMs);
    try {
      return await doFetch(base + path, {
        method,
        headers,
        credentials: "same-origin",
        cache: "no-store",
        ...(payload !== undefined ? { body: payload } : {}),
        ...(controller ? { signal: controller.signal } : {}),
      });
    } catch {
      throw timedOut ? new ApiError("timeout", 0, TIMEOUT_MESSAGE) : new ApiError("network", 0, NETWORK_MESSAGE);
    } finally {
      clearTimeout(timer);
    }
  }

  async function readBody(response: Response): Promise<unknown> {
    const text = await response.text().catch(() => "");
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }

  async function fetchCsrf(): Promise<void> {
    const response = await raw("GET", "/api/session/csrf");
    const body = await readBody(response);
    if (!response.ok) throw failure(response.status, body);
    if (isRecord(body) && typeof body.csrfToken === "string") csrfToken = body.csrfToken;
  }

  function failure(status: number, body: unknown): ApiError {
    if (status === 401 && signedIn) {
      signedIn = false;
      csrfToken = undefined;
      for (const listener of [...listeners]) listener();
    }
    return new ApiError("http", status, messageFor(status, body), issuesOf(body));
  }

  async function request<T>(method: string, path: string, body?: Body): Promise<T> {
    if (STATE_CHANGING.has(method) && path !== "/api/session/login" && !csrfToken) await fetchCsrf();
    let response = await raw(method, path, body);
    let parsed = await readBody(response);
    // The token rotates when the session does; fetch the current one and try once more.
    if (response.status === 403 && STATE_CHANGING.has(method) && isRecord(parsed) && typeof parsed.error === "string" && /csrf/i.test(parsed.error)) {
      await fetchCsrf();
      response = await raw(method, path, body);
      parsed = await readBody(response);
    }
    if (response.status === 409 && isRecord(parsed) && isRecord(parsed.current) && typeof parsed.current.revision === "number") {
      throw new DraftConflict(typeof parsed.error === "string" ? parsed.error : "The draft was changed by someone else.", parsed.current as unknown as Draft);
    }
    if (!response.ok) throw failure(response.status, parsed);
    return parsed as T;
  }

  return {
    async login(email, password) {
      const result = await request<LoginResult>("POST", "/api/session/login", { json: { email, password } });
      csrfToken = result.csrfToken;
      signedIn = true;
      return result;
    },
    async logout() {
      try {
        await request("POST", "/api/session/logout");
      } finally {
        signedIn = false;
        csrfToken = undefined;
      }
    },
    async me() {
      const result = await request<Me>("GET", "/api/session/me");
      signedIn = true;
      return result;
    },
    rules: () => request<RuleInfo[]>("GET", "/api/rules"),
    draft: () => request<Draft>("GET", "/api/policy/draft"),
    saveDraft: (policy, revision) => request<Draft>("PUT", "/api/policy/draft", { json: { policy, revision } }),
    async validate(policy) {
      try {
        await request("POST", "/api/policy/validate", { json: { policy } });
        return [];
      } catch (error) {
        if (error instanceof ApiError && error.status === 422) return error.issues;
        throw error;
      }
    },
    diff: (against) => request<DiffResult>("GET", `/api/policy/diff${against === undefined ? "" : `?against=${encodeURIComponent(String(against))}`}`),
    publish: (revision, note) => request<PublishResult>("POST", "/api/policy/publish", { json: { revision, note } }),
    versions: () => request<VersionSummary[]>("GET", "/api/policy/versions"),
    version: (version) => request<PublishedVersion>("GET", `/api/policy/versions/${encodeURIComponent(String(version))}`),
    rollback: (version, note) =>
      request<RollbackResult>("POST", `/api/policy/versions/${encodeURIComponent(String(version))}/rollback`, { json: note ? { note } : {} }),
    audit: (limit, before) => request<AuditEntry[]>("GET", `/api/audit?limit=${limit}${before === undefined ? "" : `&before=${before}`}`),
    tryMessage: (message) =>
      request<TryResult>("POST", "/api/try", typeof message === "string" ? { text: message, contentType: "message/rfc822" } : { json: message }),
    weekly(from, to) {
      const q = new URLSearchParams();
      if (from) q.set("from", from);
      if (to) q.set("to", to);
      const query = q.toString();
      return request<WeeklyReport>("GET", `/api/reports/weekly${query ? `?${query}` : ""}`);
    },
    onSessionEnded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
