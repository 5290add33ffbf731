/**
 * A `PolicySource` that follows the policy SMT published on the server. Each Send asks the
 * server, within the send path's budget, so a change SMT publish reaches web and new Outlook at
 * the next Send; when the answer is late or fails, the cached copy is used at once. No fetch
 * ever takes longer than 1.5 s.
 * Whatever arrives is validated with the core's `normalizePolicyUnworded` (the checks of
 * `normalizePolicy`, without the words of its errors, which no one here reads) before it is used or cached;
 * when nothing usable is at hand `load` rejects and `loadPolicy` uses the compiled-in policy.
 *
 * Storage: `OfficeRuntime.storage` in classic Outlook's JavaScript-only runtime (Mailbox 1.10;
 * no localStorage there), else `localStorage`, else the mailbox's roaming settings (32 KB),
 * else memory — all behind the small `KeyValueStorage` interface so tests use a fake.
 * Written with promise chains, not async/await: the handler bundle must run on ES2016 engines.
 */
import { normalizePolicyUnworded, type NormalizedPolicy } from "../core/policy/policy";
import { rules as coreRules } from "../core/rules";
import type { AnyRuleModule } from "../core/rules/rule";
import { saveInstallCredentials } from "./install-credentials";
import type { PolicySource } from "./policy-source";
import { withTimeout } from "./with-timeout";
import { isRecord } from "../core/util/is-record";

/** The few storage operations both the policy cache and the event queue need. */
export type KeyValueStorage = Readonly<{
  /** Short name for diagnostics. */
  name: string;
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}>;

type OfficeRuntimeLike = { storage?: { getItem(key: string): Promise<string | null>; setItem(key: string, value: string): Promise<void> } };
type LocalStorageLike = { getItem(key: string): string | null; setItem(key: string, value: string): void };
type RoamingSettingsLike = {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown }) => void): void;
};

/**
 * The global object without `globalThis` (ES2020), which classic Outlook's pre-2403 ES2016
 * runtime lacks: `Function("return this")` runs in sloppy mode and so returns the global.
 */
function globalObject(): Record<string, unknown> {
  if (typeof self !== "undefined") return self as unknown as Record<string, unknown>;
  return Function("return this")() as Record<string, unknown>;
}

function globalValue<T>(name: string): T | undefined {
  try {
    return globalObject()[name] as T | undefined;
  } catch {
    return undefined;
  }
}

/** @returns OfficeRuntime.storage when the runtime has it (classic Outlook's event runtime) */
export function officeRuntimeStorage(): KeyValueStorage | undefined {
  const runtime = globalValue<OfficeRuntimeLike>("OfficeRuntime");
  const storage = runtime && runtime.storage;
  if (!storage || typeof storage.getItem !== "function") return undefined;
  return { name: "OfficeRuntime.storage", getItem: (k) => storage.getItem(k), setItem: (k, v) => storage.setItem(k, v) };
}

/** @returns window.localStorage when present and usable */
export function localStorageStorage(): KeyValueStorage | undefined {
  let ls: LocalStorageLike | undefined;
  try {
    ls = globalValue<LocalStorageLike>("localStorage");
    if (!ls) return undefined;
    ls.getItem("etiquette-guard.probe"); // throws when storage is blocked
  } catch {
    return undefined;
  }
  const store = ls;
  return {
    name: "localStorage",
    getItem: (k) => new Promise<string | null>((resolve) => resolve(store.getItem(k))),
    setItem: (k, v) => new Promise<void>((resolve) => resolve(store.setItem(k, v))),
  };
}

/** @returns the mailbox's roaming settings (saved to the server; 32 KB in all) when present */
export function roamingSettingsStorage(): KeyValueStorage | undefined {
  const office = globalValue<{ context?: { roamingSettings?: RoamingSettingsLike } }>("Office");
  const settings = office && office.context && office.context.roamingSettings;
  if (!settings) return undefined;
  return {
    name: "roamingSettings",
    getItem: (k) =>
      new Promise<string | null>((resolve) => {
        const v = settings.get(k);
        resolve(typeof v === "string" ? v : null);
      }),
    setItem: (k, v) =>
      new Promise<void>((resolve) => {
        settings.set(k, v);
        // Best effort: a failed save only means the next start has no cached copy.
        settings.saveAsync(() => resolve());
      }),
  };
}

/** @returns a storage that lives as long as the runtime (the last resort) */
export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    name: "memory",
    getItem: (k) => new Promise<string | null>((resolve) => resolve(map.has(k) ? (map.get(k) as string) : null)),
    setItem: (k, v) =>
      new Promise<void>((resolve) => {
        map.set(k, v);
        resolve();
      }),
  };
}

/** @returns the best storage this runtime has */
export function detectStorage(): KeyValueStorage {
  return officeRuntimeStorage() || localStorageStorage() || roamingSettingsStorage() || memoryStorage();
}

/** What the cache keeps. */
export type CachedPolicy = Readonly<{ version: number; publishedAt: string; fetchedAt: number; policy: unknown }>;

export const POLICY_CACHE_KEY = "etiquette-guard.published-policy";
/** The longest any fetch in the send path may take (issue 5 §6). */
export const MAX_FETCH_TIMEOUT_MS = 1500;

export type FetchLike = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; credentials?: "omit"; signal?: unknown; body?: string },
) => Promise<{
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
}>;

export type PublishedPolicyOptions = Readonly<{
  /** The published-policy endpoint, e.g. https://addin.example.org/api/policy/published (absolute: the classic runtime has no base URL). */
  url: string;
  storage?: KeyValueStorage;
  fetch?: FetchLike;
  /** Fetch timeout; capped at 1.5 s. @default 1500 */
  timeoutMs?: number;
  /** Reading the cache may take at most this long. @default 300 */
  storageTimeoutMs?: number;
  now?: () => number;
  rules?: Readonly<Record<string, AnyRuleModule>>;
}>;

export type PublishedPolicySource = PolicySource &
  Readonly<{
    /**
     * Fetches the published policy now and caches it when valid.
     * @returns the cached entry, or undefined when the fetch failed or the answer was invalid
     */
    refresh(): Promise<CachedPolicy | undefined>;
    /** The version last loaded (0 before any). */
    currentVersion(): number;
  }>;

/**
 * Creates the published-policy source.
 * @param options - endpoint, storage, fetch and timings
 * @returns a PolicySource with `refresh()`
 */
export function createPublishedPolicySource(options: PublishedPolicyOptions): PublishedPolicySource {
  const storage = options.storage || detectStorage();
  const timeoutMs = Math.min(options.timeoutMs === undefined ? MAX_FETCH_TIMEOUT_MS : options.timeoutMs, MAX_FETCH_TIMEOUT_MS);
  const storageTimeoutMs = options.storageTimeoutMs === undefined ? 300 : options.storageTimeoutMs;
  const now = options.now || ((): number => Date.now());
  const registry = options.rules || coreRules;
  const doFetch: FetchLike | undefined = options.fetch || globalValue<FetchLike>("fetch");
  /** The last normalised policy, by version, so a send does not normalise again. */
  let memo: { version: number; publishedAt: string; policy: NormalizedPolicy } | undefined;
  let refreshing: Promise<CachedPolicy | undefined> | undefined;

  const readCache = (): Promise<CachedPolicy | undefined> =>
    withTimeout(storage.getItem(POLICY_CACHE_KEY), storageTimeoutMs).then(
      (text) => {
        if (!text) return undefined;
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return undefined; // a corrupt cache is as good as none
        }
        if (!isRecord(parsed) || typeof parsed.version !== "number" || typeof parsed.fetchedAt !== "number") return undefined;
        return parsed as CachedPolicy;
      },
      () => undefined,
    );

  const normalise = (entry: CachedPolicy): NormalizedPolicy => {
    if (memo && memo.version === entry.version && memo.publishedAt === entry.publishedAt) return memo.policy;
    const policy = normalizePolicyUnworded(entry.policy, registry);
    memo = { version: entry.version, publishedAt: entry.publishedAt, policy };
    return policy;
  };

  const fetchPublished = (limitMs: number): Promise<CachedPolicy> => {
    if (!doFetch) return Promise.reject(new Error("no fetch in this runtime"));
    const AbortCtor = globalValue<{ new (): { abort(): void; signal: unknown } }>("AbortController");
    const controller = AbortCtor ? new AbortCtor() : undefined;
    const request = doFetch(options.url, {
      method: "GET",
      // No custom headers: a simple request needs no CORS preflight, which would double the wait.
      headers: { Accept: "application/json" },
      credentials: "omit",
      ...(controller ? { signal: controller.signal } : {}),
    }).then((res) => {
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      return res.json();
    });
    return withTimeout(request, limitMs, () => controller && controller.abort()).then((body) => {
      if (!isRecord(body) || typeof body.version !== "number" || typeof body.publishedAt !== "string") throw new Error("unexpected answer");
      const entry: CachedPolicy = { version: body.version, publishedAt: body.publishedAt, fetchedAt: now(), policy: body.policy };
      normalise(entry); // throws PolicyError: an invalid policy is never cached or used
      // The install token and salt for events come with the policy; kept apart from it, best effort.
      if (body.install !== undefined) void saveInstallCredentials(storage, body.install);
      return entry;
    });
  };

  const refresh = (limitMs: number = timeoutMs): Promise<CachedPolicy | undefined> => {
    if (refreshing) return refreshing;
    refreshing = fetchPublished(limitMs)
      .then((entry) =>
        storage.setItem(POLICY_CACHE_KEY, JSON.stringify(entry)).then(
          () => entry,
          () => entry,
        ),
      )
      .then(
        (entry) => {
          refreshing = undefined;
          return entry;
        },
        () => {
          refreshing = undefined;
          return undefined;
        },
      );
    return refreshing;
  };

  /** Time kept back from the budget for reading the cache after a failed fetch. */
  const CACHE_MARGIN_MS = 200;

  const loadNetworkFirst = (budgetMs: number): Promise<NormalizedPolicy> => {
    const cached = readCache();
    const limit = Math.max(0, Math.min(timeoutMs, budgetMs - CACHE_MARGIN_MS));
    const fresh = limit > 0 ? refresh(limit) : Promise.resolve(undefined);
    return fresh.then((entry) => {
      if (entry) return normalise(entry);
      return cached.then((c) => {
        if (!c) throw new Error("the published policy could not be fetched and none is cached");
        return normalise(c);
      });
    });
  };

  /** Asks the server within the budget; falls back to the cache. */
  const load = loadNetworkFirst;

  return {
    name: "published",
    load,
    refresh: () => refresh(),
    currentVersion: () => (memo ? memo.version : 0),
  };
}
