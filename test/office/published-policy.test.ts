/**
 * The published-policy source with fake storage and fetch: cache first, background refresh,
 * timeouts, validation, fallbacks, and the storage adapters.
 */
import { defaultPolicyDocument } from "../../src/core/policy/default-policy";
import { loadPolicy } from "../../src/office/policy-source";
import {
  MAX_FETCH_TIMEOUT_MS,
  POLICY_CACHE_KEY,
  createPublishedPolicySource,
  detectStorage,
  localStorageStorage,
  memoryStorage,
  officeRuntimeStorage,
  roamingSettingsStorage,
  type FetchLike,
  type KeyValueStorage,
} from "../../src/office/published-policy";

const URL = "https://addin.example.org/api/policy/published";

function policyWith(severity: string): Record<string, unknown> {
  const doc = JSON.parse(JSON.stringify(defaultPolicyDocument())) as { rules: Record<string, unknown> };
  doc.rules["subject-required"] = severity;
  return doc;
}

type Call = { url: string; init?: Parameters<FetchLike>[1] };

function fakeFetch(answer: () => Promise<{ status: number; body?: unknown }>): FetchLike & { calls: Call[] } {
  const calls: Call[] = [];
  const f = ((url: string, init?: Parameters<FetchLike>[1]) => {
    calls.push({ url, ...(init ? { init } : {}) });
    return answer().then((a) => ({ status: a.status, ok: a.status >= 200 && a.status < 300, json: () => Promise.resolve(a.body) }));
  }) as FetchLike & { calls: Call[] };
  f.calls = calls;
  return f;
}

const ok = (version: number, severity = "block") => () => Promise.resolve({ status: 200, body: { version, publishedAt: `2025-03-0${version}T10:00:00.000Z`, policy: policyWith(severity) } });
const never = () => new Promise<{ status: number }>(() => undefined);

function severityOf(policy: { severities: Readonly<Record<string, string>> }): string | undefined {
  return policy.severities["subject-required"];
}

afterEach(() => jest.useRealTimers());

it("fetches when nothing is cached, validates, caches with the version and serves it", async () => {
  const storage = memoryStorage();
  const fetch = fakeFetch(ok(4));
  const source = createPublishedPolicySource({ url: URL, storage, fetch });
  const policy = await source.load(800);
  expect(severityOf(policy)).toBe("block");
  expect(source.currentVersion()).toBe(4);
  expect(fetch.calls[0]).toMatchObject({ url: URL, init: { method: "GET", credentials: "omit" } });
  // A simple request: no headers that would need a CORS preflight.
  expect(Object.keys(fetch.calls[0]?.init?.headers ?? {})).toEqual(["Accept"]);
  const cached = JSON.parse((await storage.getItem(POLICY_CACHE_KEY)) as string);
  expect(cached).toMatchObject({ version: 4, publishedAt: "2025-03-04T10:00:00.000Z" });
});

it("never waits longer than its timeout (≤ 1.5 s) and then rejects so loadPolicy uses the compiled-in policy", async () => {
  jest.useFakeTimers();
  const source = createPublishedPolicySource({ url: URL, storage: memoryStorage(), fetch: fakeFetch(never), timeoutMs: 5000 });
  const result = source.load(10_000).then(
    () => "resolved",
    (e: Error) => e.message,
  );
  await jest.advanceTimersByTimeAsync(MAX_FETCH_TIMEOUT_MS + 1);
  expect(await result).toMatch(/could not be fetched/);

  const loaded = loadPolicy(createPublishedPolicySource({ url: URL, storage: memoryStorage(), fetch: fakeFetch(never) }), 800);
  await jest.advanceTimersByTimeAsync(801);
  expect(await loaded).toMatchObject({ from: "compiled-in", fellBack: true });
});

it("rejects an invalid published policy and keeps the valid cached one", async () => {
  const storage = memoryStorage();
  const bad = () => Promise.resolve({ status: 200, body: { version: 9, publishedAt: "z", policy: { version: 1, rules: { "no-such-rule": "warn" } } } });
  const empty = createPublishedPolicySource({ url: URL, storage, fetch: fakeFetch(bad) });
  await expect(empty.load(800)).rejects.toThrow();
  expect(await storage.getItem(POLICY_CACHE_KEY)).toBeNull();

  await storage.setItem(POLICY_CACHE_KEY, JSON.stringify({ version: 2, publishedAt: "x", fetchedAt: 0, policy: policyWith("warn") }));
  const withCache = createPublishedPolicySource({ url: URL, storage, fetch: fakeFetch(bad), now: () => 10 ** 9 });
  expect(severityOf(await withCache.load(800))).toBe("warn");
  expect(await withCache.refresh()).toBeUndefined();
  expect(JSON.parse((await storage.getItem(POLICY_CACHE_KEY)) as string).version).toBe(2);
});

it("fetches again when the cache is corrupt or invalid, and treats HTTP errors as failures", async () => {
  const storage = memoryStorage();
  await storage.setItem(POLICY_CACHE_KEY, "{not json");
  expect(severityOf(await createPublishedPolicySource({ url: URL, storage, fetch: fakeFetch(ok(5, "warn")) }).load(800))).toBe("warn");
  await storage.setItem(POLICY_CACHE_KEY, JSON.stringify({ version: 1, publishedAt: "x", fetchedAt: 0, policy: { version: 2 } }));
  expect(severityOf(await createPublishedPolicySource({ url: URL, storage, fetch: fakeFetch(ok(6, "off")) }).load(800))).toBe("off");
  const failing = createPublishedPolicySource({ url: URL, storage: memoryStorage(), fetch: fakeFetch(() => Promise.resolve({ status: 503 })) });
  await expect(failing.load(800)).rejects.toThrow();
});

it("does not hang on a storage that never answers", async () => {
  jest.useFakeTimers();
  const stuck: KeyValueStorage = { name: "stuck", getItem: () => new Promise(() => undefined), setItem: () => Promise.resolve() };
  const source = createPublishedPolicySource({ url: URL, storage: stuck, fetch: fakeFetch(ok(2)), storageTimeoutMs: 100 });
  const result = source.load(800);
  await jest.advanceTimersByTimeAsync(101);
  expect(severityOf(await result)).toBe("block");
});

describe("storage adapters", () => {
  const g = globalThis as unknown as Record<string, unknown>;
  afterEach(() => {
    delete g.OfficeRuntime;
    delete g.localStorage;
    delete g.Office;
  });

  it("prefers OfficeRuntime.storage, then localStorage, then roaming settings, then memory", async () => {
    expect(detectStorage().name).toBe("memory");
    const settings = new Map<string, unknown>();
    let saves = 0;
    g.Office = { context: { roamingSettings: { get: (k: string) => settings.get(k), set: (k: string, v: unknown) => settings.set(k, v), saveAsync: (cb: () => void) => (saves++, cb()) } } };
    expect(detectStorage().name).toBe("roamingSettings");
    const roaming = roamingSettingsStorage() as KeyValueStorage;
    await roaming.setItem("k", "v");
    expect(await roaming.getItem("k")).toBe("v");
    expect(saves).toBe(1);
    const ls = new Map<string, string>();
    g.localStorage = { getItem: (k: string) => (ls.has(k) ? ls.get(k) : null), setItem: (k: string, v: string) => ls.set(k, v) };
    expect(detectStorage().name).toBe("localStorage");
    await (localStorageStorage() as KeyValueStorage).setItem("a", "b");
    expect(ls.get("a")).toBe("b");
    const rt = new Map<string, string>();
    g.OfficeRuntime = { storage: { getItem: (k: string) => Promise.resolve(rt.get(k) ?? null), setItem: (k: string, v: string) => Promise.resolve(void rt.set(k, v)) } };
    expect(detectStorage().name).toBe("OfficeRuntime.storage");
    await (officeRuntimeStorage() as KeyValueStorage).setItem("x", "y");
    expect(rt.get("x")).toBe("y");
  });

  it("skips a localStorage that throws (blocked storage)", () => {
    g.localStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => undefined,
    };
    expect(localStorageStorage()).toBeUndefined();
  });
});

describe("network-first (the default)", () => {
  it("uses a newly published version at the very next Send", async () => {
    const storage = memoryStorage();
    await storage.setItem(POLICY_CACHE_KEY, JSON.stringify({ version: 2, publishedAt: "x", fetchedAt: Date.now(), policy: policyWith("warn") }));
    const fetch = fakeFetch(ok(3, "block"));
    const source = createPublishedPolicySource({ url: URL, storage, fetch });
    expect(severityOf(await source.load(800))).toBe("block");
    expect(source.currentVersion()).toBe(3);
    expect(JSON.parse((await storage.getItem(POLICY_CACHE_KEY)) as string)).toMatchObject({ version: 3 });
  });

  it("uses the cached copy when the server does not answer within the budget", async () => {
    const storage = memoryStorage();
    await storage.setItem(POLICY_CACHE_KEY, JSON.stringify({ version: 2, publishedAt: "x", fetchedAt: 0, policy: policyWith("warn") }));
    jest.useFakeTimers();
    try {
      const source = createPublishedPolicySource({ url: URL, storage, fetch: fakeFetch(never) });
      let policy: Awaited<ReturnType<typeof loadPolicy>> | undefined;
      void loadPolicy(source, 800).then((p) => (policy = p));
      // By the end of the 800 ms budget on the fake clock, not after it.
      await jest.advanceTimersByTimeAsync(800);
      expect(policy && severityOf(policy.policy)).toBe("warn");
      expect(policy?.fellBack).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  it("uses the cached copy when the server fails", async () => {
    const storage = memoryStorage();
    await storage.setItem(POLICY_CACHE_KEY, JSON.stringify({ version: 2, publishedAt: "x", fetchedAt: 0, policy: policyWith("off") }));
    const source = createPublishedPolicySource({ url: URL, storage, fetch: fakeFetch(() => Promise.resolve({ status: 500 })) });
    expect(severityOf(await source.load(800))).toBe("off");
  });
});
