/**
 * A bounded queue of content-free monitor events, kept in the runtime's storage and posted to
 * the server's `POST /api/events` later, best effort. Enqueueing only writes to storage; the
 * network is touched by `flush()`, which the caller runs after the send decision is made
 * (never inside the send path's critical section). An event carries rule ids, the verdict,
 * what the sender did, the client, the time and a pseudonymous sender id — no message text,
 * addresses or subject. Written with promise chains (the handler bundle targets ES2016).
 */
import type { FetchLike, KeyValueStorage } from "./published-policy";
import { detectStorage } from "./published-policy";

import type { MonitorEvent } from "../core/model/event";
import { INSTALL_TOKEN_HEADER, readInstallCredentials } from "./install-credentials";
import { withTimeout } from "./with-timeout";

export type { EventAction, EventVerdict, MonitorEvent } from "../core/model/event";

export const EVENT_QUEUE_KEY = "etiquette-guard.events";

export type EventQueueOptions = Readonly<{
  /** The events endpoint, absolute, e.g. https://addin.example.org/api/events */
  url: string;
  storage?: KeyValueStorage;
  fetch?: FetchLike;
  /** Oldest events are dropped beyond this many. @default 500 */
  maxEvents?: number;
  /** Events per POST (the server accepts up to 100). @default 50 */
  batchSize?: number;
  /** Batches per flush. @default 5 */
  maxBatchesPerFlush?: number;
  /** Timeout of one POST. @default 5000 */
  timeoutMs?: number;
}>;

/** An event before its sender is pseudonymised: `record` adds the salted sender id. */
export type UnsignedEvent = Omit<MonitorEvent, "sender">;

/**
 * What the queue stores: a finished event, or — only until the server's salt is known — one
 * that still holds the sender's own address, on the sender's own device. It is salted and
 * hashed before it is posted; the address itself is never sent.
 */
type StoredEvent = MonitorEvent | (UnsignedEvent & { senderEmail: string; sender?: undefined });

export type FlushResult = Readonly<{ sent: number; dropped: number; remaining: number; stoppedBy?: string }>;

export type EventQueue = Readonly<{
  /** Adds an event whose `sender` is already pseudonymous (only its known fields are kept). Never rejects. */
  enqueue(event: MonitorEvent): Promise<void>;
  /**
   * Records one event for SMT's report: the way the add-in should record anything. The
   * sender's address is replaced by `pseudonymousSender(address, salt)` with the salt the
   * server issued with the published policy (kept on the device until that salt is known).
   * Never rejects.
   * @param event - the event without a sender
   * @param senderEmail - the signed-in sender's address
   */
  record(event: UnsignedEvent, senderEmail: string): Promise<void>;
  /** Posts queued events. Never rejects. */
  flush(): Promise<FlushResult>;
  /** @returns how many events are waiting */
  size(): Promise<number>;
}>;

/** Keeps only the fields the server accepts, within its limits: nothing else can leak out. */
function sanitise(e: StoredEvent): StoredEvent {
  const out: Record<string, unknown> = {
    ruleIds: e.ruleIds.slice(0, 50).map(String),
    verdict: e.verdict,
    action: e.action,
    client: String(e.client).replace(/[^A-Za-z0-9 ._()/-]/g, "").slice(0, 64) || "unknown",
    at: e.at,
  };
  if (typeof e.sender === "string") out.sender = e.sender;
  else out.senderEmail = (e as { senderEmail: string }).senderEmail;
  if (e.monitorRuleIds && e.monitorRuleIds.length > 0) out.monitorRuleIds = e.monitorRuleIds.filter((id) => e.ruleIds.indexOf(id) >= 0);
  if (e.action === "sent-anyway" && typeof e.reason === "string" && e.reason.trim() !== "") {
    // eslint-disable-next-line no-control-regex -- the server refuses control characters
    out.reason = e.reason.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, " ").slice(0, 500);
  }
  if (e.action === "false-positive") {
    if (e.ruleId) out.ruleId = e.ruleId;
    if (e.words && e.words.length > 0) out.words = e.words.slice(0, 10).map((w) => String(w).trim().slice(0, 64)).filter((w) => w !== "" && w.indexOf("@") < 0);
  }
  return out as StoredEvent;
}

/**
 * @param e - a stored event
 * @param salt - the server's salt
 * @returns the event as posted: with a pseudonymous sender, never an address
 */
function signed(e: StoredEvent, salt: string): MonitorEvent {
  if (typeof e.sender === "string") return e as MonitorEvent;
  // A copy without the address (written so rather than with a rest pattern, which the
  // on-send bundle would carry a helper for).
  const rest: Partial<UnsignedEvent & { senderEmail: string }> = { ...(e as UnsignedEvent & { senderEmail: string }) };
  const senderEmail = rest.senderEmail;
  delete rest.senderEmail;
  return { ...(rest as UnsignedEvent), sender: pseudonymousSender(senderEmail || "unknown", salt) };
}

/**
 * Creates the queue.
 * @param options - endpoint, storage, fetch and limits
 * @returns the queue
 */
export function createEventQueue(options: EventQueueOptions): EventQueue {
  const storage = options.storage || detectStorage();
  const maxEvents = options.maxEvents || 500;
  const batchSize = Math.min(options.batchSize || 50, 100);
  const maxBatches = options.maxBatchesPerFlush || 5;
  const timeoutMs = options.timeoutMs || 5000;
  const doFetch: FetchLike | undefined = options.fetch || (globalThis as unknown as { fetch?: FetchLike }).fetch;
  // Every read-modify-write of the stored list runs on this chain, so none is lost.
  let chain: Promise<unknown> = Promise.resolve();
  let flushing: Promise<FlushResult> | undefined;

  const read = (): Promise<StoredEvent[]> =>
    storage.getItem(EVENT_QUEUE_KEY).then(
      (text) => {
        if (!text) return [];
        try {
          const list = JSON.parse(text) as unknown;
          return Array.isArray(list) ? (list as StoredEvent[]) : [];
        } catch {
          return [];
        }
      },
      () => [],
    );
  const write = (list: readonly StoredEvent[]): Promise<void> => storage.setItem(EVENT_QUEUE_KEY, JSON.stringify(list));
  const update = <T>(change: (list: StoredEvent[]) => { list: StoredEvent[]; result: T }): Promise<T> => {
    const next = chain.then(() => read()).then((list) => {
      const { list: updated, result } = change(list);
      return write(updated).then(() => result);
    });
    chain = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };

  const enqueue = (event: StoredEvent): Promise<void> =>
    update((list) => {
      const clean = sanitise(event);
      const all = list.concat([clean]);
      return { list: all.length > maxEvents ? all.slice(all.length - maxEvents) : all, result: undefined };
    }).then(
      () => undefined,
      () => undefined,
    );

  const record = (event: UnsignedEvent, senderEmail: string): Promise<void> =>
    readInstallCredentials(storage).then((credentials) =>
      enqueue(credentials ? { ...event, sender: pseudonymousSender(senderEmail || "unknown", credentials.salt) } : { ...event, senderEmail: String(senderEmail || "") }),
    );

  const post = (batch: readonly MonitorEvent[], token: string): Promise<number> => {
    if (!doFetch) return Promise.reject(new Error("no fetch"));
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    headers[INSTALL_TOKEN_HEADER] = token;
    return withTimeout(
      doFetch(options.url, { method: "POST", headers, credentials: "omit", body: JSON.stringify({ events: batch }) }).then(
        (res) => res.status,
      ),
      timeoutMs,
    );
  };

  const flushOnce = (): Promise<FlushResult> => {
    let sent = 0;
    let dropped = 0;
    const step = (n: number): Promise<FlushResult> =>
      chain
        .then(() => Promise.all([read(), readInstallCredentials(storage)]))
        .then(([list, credentials]): Promise<FlushResult> => {
          if (list.length === 0 || n >= maxBatches) return Promise.resolve({ sent, dropped, remaining: list.length });
          // The server takes events only with its install token; it comes with the published policy.
          if (!credentials) return Promise.resolve({ sent, dropped, remaining: list.length, stoppedBy: "no install token yet" });
          const batch = list.slice(0, batchSize);
          return post(
            batch.map((e) => signed(e, credentials.salt)),
            credentials.token,
          ).then(
            (status) => {
              // 2xx: delivered. 400/413/422: the server will never take this batch; drop it.
              // 401 (a rotated-out token) is kept: the next published policy brings the new one.
              const done = status >= 200 && status < 300;
              const hopeless = status === 400 || status === 413 || status === 422;
              if (!done && !hopeless) return { sent, dropped, remaining: list.length, stoppedBy: `HTTP ${status}` };
              return update((current) => ({ list: current.slice(batch.length), result: undefined })).then(() => {
                if (done) sent += batch.length;
                else dropped += batch.length;
                return step(n + 1);
              });
            },
            (error: unknown) => ({ sent, dropped, remaining: list.length, stoppedBy: error instanceof Error ? error.message : "network" }),
          );
        });
    return step(0).catch(() => ({ sent, dropped, remaining: -1, stoppedBy: "storage" }));
  };

  return {
    enqueue,
    record,
    flush: () => {
      if (!flushing) {
        flushing = flushOnce().then((r) => {
          flushing = undefined;
          return r;
        });
      }
      return flushing;
    },
    size: () => chain.then(() => read()).then((list) => list.length),
  };
}

// ---- pseudonymous sender id ----

/**
 * The first `count` primes' roots (square roots for the initial hash, cube roots for the round
 * constants), their fractional parts' first 32 bits: how FIPS 180-4 defines SHA-256's
 * constants, computed here instead of 72 numbers written out. Each scaled fraction is at least
 * 0.005 away from a whole number (test/office/event-queue.test.ts checks it against the
 * standard's values), far beyond any engine's rounding error in `Math.pow`, so every runtime
 * gets the same integers.
 * @param count - how many primes
 * @param power - 1/2 or 1/3
 * @returns the constants
 */
export function rootConstants(count: number, power: number): number[] {
  const out: number[] = [];
  for (let n = 2; out.length < count; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (prime) out.push(((Math.pow(n, power) % 1) * 4294967296) >>> 0);
  }
  return out;
}

let K: number[] | undefined;

function utf8(text: string): number[] {
  const out: number[] = [];
  const encoded = unescape(encodeURIComponent(text));
  for (let i = 0; i < encoded.length; i++) out.push(encoded.charCodeAt(i));
  return out;
}

/**
 * SHA-256 (FIPS 180-4) in plain script: the classic runtime has no `crypto.subtle`.
 * @param text - the input, encoded as UTF-8
 * @returns the digest as 64 hex digits
 */
export function sha256Hex(text: string): string {
  const bytes = utf8(text);
  const bitLength = bytes.length * 8;
  bytes.push(0x80);
  while (bytes.length % 64 !== 56) bytes.push(0);
  for (let i = 7; i >= 0; i--) bytes.push(i >= 4 ? 0 : (bitLength >>> (i * 8)) & 0xff);
  const h = rootConstants(8, 1 / 2);
  const k = K || (K = rootConstants(64, 1 / 3));
  const w = new Array<number>(64);
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < bytes.length; offset += 64) {
    for (let t = 0; t < 16; t++) {
      const j = offset + t * 4;
      w[t] = (((bytes[j] as number) << 24) | ((bytes[j + 1] as number) << 16) | ((bytes[j + 2] as number) << 8) | (bytes[j + 3] as number)) >>> 0;
    }
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15] as number;
      const w2 = w[t - 2] as number;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (k[t] as number) + (w[t] as number)) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = ((h[i] as number) + (add[i] as number)) >>> 0;
  }
  return h.map((x) => ("00000000" + x.toString(16)).slice(-8)).join("");
}

/**
 * The pseudonymous id the server stores instead of the sender's address: a salted SHA-256,
 * shortened to 32 hex digits. The same person gets the same id, so SMT can count repeat
 * overrides without learning who.
 * @param email - the sender's address (lower-cased before hashing)
 * @param salt - the installation's secret salt, issued by the server with the published policy (`install.salt`)
 * @returns 32 hex digits
 */
export function pseudonymousSender(email: string, salt: string): string {
  return sha256Hex(`${salt}\n${email.trim().toLowerCase()}`).slice(0, 32);
}
