/**
 * The monitor event queue with fake storage and fetch: bounded, content-free, best effort,
 * batches, retries later on network errors and drops batches the server refuses.
 */
import { createHash } from "crypto";
import { EVENT_QUEUE_KEY, createEventQueue, pseudonymousSender, rootConstants, sha256Hex, type MonitorEvent } from "../../src/office/event-queue";
import { memoryStorage, type FetchLike } from "../../src/office/published-policy";
import { INSTALL_KEY } from "../../src/office/install-credentials";
import { validateEventBatch } from "../../src/server/events";

const SALT = "s".repeat(43);
/** Storage holding the install token and salt that a published policy brings (src/office/install-credentials.ts). */
function installedStorage() {
  const storage = memoryStorage();
  void storage.setItem(INSTALL_KEY, JSON.stringify({ token: "t".repeat(43), salt: SALT }));
  return storage;
}


const URL = "https://addin.example.org/api/events";

function event(i: number, extra: Partial<MonitorEvent> = {}): MonitorEvent {
  return { ruleIds: ["no-heated-tone"], verdict: "warn", action: "sent-anyway", client: "classic-windows", at: `2025-03-05T10:00:${String(i % 60).padStart(2, "0")}Z`, sender: "abcdef0123456789", ...extra };
}

type Posted = { events: Record<string, unknown>[] };

function fakeFetch(statuses: (number | Error)[]): FetchLike & { posted: Posted[] } {
  const posted: Posted[] = [];
  const f = ((_url: string, init?: Parameters<FetchLike>[1]) => {
    posted.push(JSON.parse(String(init?.body)) as Posted);
    const next = statuses.length > 1 ? statuses.shift() : statuses[0];
    if (next instanceof Error) return Promise.reject(next);
    return Promise.resolve({ status: next as number, ok: (next as number) < 300, json: () => Promise.resolve({}) });
  }) as FetchLike & { posted: Posted[] };
  f.posted = posted;
  return f;
}

it("stores events without touching the network, then flushes them in batches", async () => {
  const storage = installedStorage();
  const fetch = fakeFetch([202]);
  const queue = createEventQueue({ url: URL, storage, fetch, batchSize: 2 });
  await Promise.all([queue.enqueue(event(1)), queue.enqueue(event(2)), queue.enqueue(event(3))]);
  expect(fetch.posted).toHaveLength(0);
  expect(await queue.size()).toBe(3);
  const result = await queue.flush();
  expect(result).toEqual({ sent: 3, dropped: 0, remaining: 0 });
  expect(fetch.posted.map((p) => p.events.length)).toEqual([2, 1]);
  expect(fetch.posted[0]?.events[0]).toMatchObject({ ruleIds: ["no-heated-tone"], action: "sent-anyway" });
  expect(await queue.size()).toBe(0);
});

it("keeps only the allowed fields (no message content can leak)", async () => {
  const storage = installedStorage();
  const queue = createEventQueue({ url: URL, storage, fetch: fakeFetch([202]) });
  const leaky = { ...event(1), subject: "Jamie's EHCP", body: "secret", to: ["parent@gmail.com"], reason: "line\u0007bell" } as unknown as MonitorEvent;
  await queue.enqueue(leaky);
  await queue.enqueue(event(2, { action: "sent", reason: "only with sent-anyway", words: ["no"] }));
  await queue.enqueue(event(3, { action: "false-positive", ruleId: "no-heated-tone", words: ["sharp", "x@y.org", " "] }));
  const stored = JSON.parse((await storage.getItem(EVENT_QUEUE_KEY)) as string) as Record<string, unknown>[];
  expect(Object.keys(stored[0] ?? {}).sort()).toEqual(["action", "at", "client", "reason", "ruleIds", "sender", "verdict"]);
  expect(stored[0]?.reason).toBe("line bell");
  expect(stored[1]).not.toHaveProperty("reason");
  expect(stored[1]).not.toHaveProperty("words");
  expect(stored[2]).toMatchObject({ ruleId: "no-heated-tone", words: ["sharp"] });
  expect(JSON.stringify(stored)).not.toMatch(/EHCP|secret|parent@gmail/);
});

it("is bounded: the oldest events go first", async () => {
  const storage = installedStorage();
  const queue = createEventQueue({ url: URL, storage, fetch: fakeFetch([202]), maxEvents: 5 });
  for (let i = 0; i < 8; i++) await queue.enqueue(event(i));
  const stored = JSON.parse((await storage.getItem(EVENT_QUEUE_KEY)) as string) as MonitorEvent[];
  expect(stored.map((e) => e.at.slice(-3))).toEqual(["03Z", "04Z", "05Z", "06Z", "07Z"]);
});

it("keeps events after a network error or 5xx/429 and sends them on a later flush", async () => {
  const storage = installedStorage();
  const fetch = fakeFetch([new Error("Network request failed"), 503, 429, 202]);
  const queue = createEventQueue({ url: URL, storage, fetch });
  await queue.enqueue(event(1));
  expect(await queue.flush()).toMatchObject({ sent: 0, remaining: 1, stoppedBy: "Network request failed" });
  expect(await queue.flush()).toMatchObject({ sent: 0, remaining: 1, stoppedBy: "HTTP 503" });
  expect(await queue.flush()).toMatchObject({ sent: 0, remaining: 1, stoppedBy: "HTTP 429" });
  expect(await queue.flush()).toEqual({ sent: 1, dropped: 0, remaining: 0 });
});

it("drops a batch the server refuses as invalid (it would never be accepted)", async () => {
  const queue = createEventQueue({ url: URL, storage: installedStorage(), fetch: fakeFetch([400, 202]), batchSize: 1 });
  await queue.enqueue(event(1));
  await queue.enqueue(event(2));
  expect(await queue.flush()).toEqual({ sent: 1, dropped: 1, remaining: 0 });
});

it("does not lose events enqueued while a flush is in flight, and joins concurrent flushes", async () => {
  const storage = installedStorage();
  let release: () => void = () => undefined;
  const fetch = ((_u: string, init?: Parameters<FetchLike>[1]) => {
    void init;
    return new Promise((resolve) => (release = () => resolve({ status: 202, ok: true, json: () => Promise.resolve({}) })));
  }) as FetchLike;
  const queue = createEventQueue({ url: URL, storage, fetch, maxBatchesPerFlush: 1 });
  await queue.enqueue(event(1));
  const first = queue.flush();
  expect(queue.flush()).toBe(first);
  await new Promise((r) => setTimeout(r, 0));
  await queue.enqueue(event(2));
  release();
  expect(await first).toMatchObject({ sent: 1 });
  expect(await queue.size()).toBe(1);
});

it("never rejects, even when storage fails", async () => {
  const broken = { name: "broken", getItem: () => Promise.reject(new Error("x")), setItem: () => Promise.reject(new Error("y")) };
  const queue = createEventQueue({ url: URL, storage: broken, fetch: fakeFetch([202]) });
  await expect(queue.enqueue(event(1))).resolves.toBeUndefined();
  await expect(queue.flush()).resolves.toMatchObject({ sent: 0 });
});

describe("pseudonymous sender", () => {
  it.each(["", "abc", "a.jones@norcotearlyyearscentre.co.uk", "ünïcødé ✓", "x".repeat(200)])("sha256Hex(%j) matches Node's crypto", (text) => {
    expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it("computes SHA-256's constants exactly as FIPS 180-4 lists them, with room for any engine's rounding", () => {
    // FIPS 180-4 §5.3.3 and §4.2.2 (first and last values of each table, and a few between).
    const h = rootConstants(8, 1 / 2);
    expect(h).toEqual([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    const k = rootConstants(64, 1 / 3);
    expect(k).toHaveLength(64);
    expect([k[0], k[1], k[2], k[3], k[31], k[32], k[62], k[63]]).toEqual([0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x14292967, 0x27b70a85, 0xbef9a3f7, 0xc67178f2]);
    // Each scaled fraction is far from a whole number, so an engine whose Math.pow is a little
    // off (by hundreds of units in the last place) still truncates it to the same integer.
    const primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311];
    for (const [power, count] of [[1 / 2, 8], [1 / 3, 64]] as const) {
      for (const p of primes.slice(0, count)) {
        const scaled = (Math.pow(p, power) % 1) * 4294967296;
        const margin = Math.min(scaled % 1, 1 - (scaled % 1));
        expect(margin).toBeGreaterThan(1e-3);
        for (const error of [-1e-13, 1e-13]) expect(((Math.pow(p, power) * (1 + error)) % 1) * 4294967296 >>> 0).toBe(scaled >>> 0);
      }
    }
  });

  it("is stable, case-insensitive, salted and accepted by the server's pattern", () => {
    const a = pseudonymousSender("A.Jones@Norcot.co.uk ", "salt");
    expect(a).toBe(pseudonymousSender("a.jones@norcot.co.uk", "salt"));
    expect(a).not.toBe(pseudonymousSender("a.jones@norcot.co.uk", "other"));
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    // The server's own check, not a copy of its pattern.
    const event = { ruleIds: ["no-heated-tone"], verdict: "warn", action: "warned", client: "outlook-web", at: "2025-03-05T10:00:00Z", sender: a };
    expect(validateEventBatch({ events: [event] }, new Set(["no-heated-tone"]), new Date("2025-03-05T10:05:00Z"))).toMatchObject({ ok: true });
    expect(validateEventBatch({ events: [{ ...event, sender: "a.jones@norcot.co.uk" }] }, new Set(["no-heated-tone"]), new Date("2025-03-05T10:05:00Z"))).toMatchObject({ ok: false });
  });

  it("posts batches the server's validator accepts", async () => {
    const storage = installedStorage();
    const fetch = fakeFetch([202]);
    const queue = createEventQueue({ url: URL, storage, fetch });
    await queue.enqueue(event(1, { reason: "Asked by SMT \u0007 to send" }));
    await queue.flush();
    expect(fetch.posted).toHaveLength(1);
    expect(validateEventBatch(fetch.posted[0], new Set(["no-heated-tone"]), new Date("2025-03-05T10:05:00Z"))).toMatchObject({ ok: true });
  });
});
