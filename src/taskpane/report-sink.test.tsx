/**
 * The pane's events reach SMT's report: mapped to the server's event, stored in the event
 * queue, posted without the pane waiting, and accepted by the server's own validation.
 */
import { createEventQueue, pseudonymousSender, type MonitorEvent } from "../office/event-queue";
import { memoryStorage, type FetchLike } from "../office/published-policy";
import { INSTALL_KEY } from "../office/install-credentials";

const SALT = "s".repeat(43);
/** Storage holding the install token and salt that a published policy brings (src/office/install-credentials.ts). */
function installedStorage() {
  const storage = memoryStorage();
  void storage.setItem(INSTALL_KEY, JSON.stringify({ token: "t".repeat(43), salt: SALT }));
  return storage;
}

import { rules } from "../core";
import { validateEventBatch } from "../server/events";
import { createReportSink, toMonitorEvent } from "./report-sink";

const ORIGIN = "https://addin.example.org/";
const AT = "2026-05-14T09:30:00.000Z";

type Posted = { url: string; events: unknown[] };

function fakeFetch(answer: () => Promise<number>) {
  const posted: Posted[] = [];
  const fetch: FetchLike = async (url, init) => {
    posted.push({ url, events: (JSON.parse(init?.body ?? "{}") as { events: unknown[] }).events });
    const status = await answer();
    return { status, ok: status < 300, json: async () => ({}) };
  };
  return { fetch, posted };
}

function setup(answer: () => Promise<number> = async () => 202, email = "j.bloggs@norcotearlyyearscentre.co.uk") {
  const net = fakeFetch(answer);
  const storage = installedStorage();
  const queue = createEventQueue({ url: `${ORIGIN}api/events`, storage, fetch: net.fetch });
  const sink = createReportSink({ queue, senderEmail: () => email, client: () => "outlook-web" });
  return { ...net, queue, sink };
}

/** Lets queued promise chains (storage writes, the background flush) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("toMonitorEvent", () => {
  const context = { sender: "0123456789abcdef0123456789abcdef", client: "outlook-web" };

  it("maps Send with a reason to sent-anyway with the reason", () => {
    expect(toMonitorEvent({ kind: "sent-with-reason", ruleIds: ["audience-size", "no-heated-tone"], reason: "Fire drill notice", at: AT }, context)).toEqual({
      ruleIds: ["audience-size", "no-heated-tone"],
      verdict: "warn",
      action: "sent-anyway",
      reason: "Fire drill notice",
      client: "outlook-web",
      at: AT,
      sender: context.sender,
    });
  });

  it("maps This warning is wrong to false-positive, with words only when given", () => {
    expect(toMonitorEvent({ kind: "false-positive", ruleId: "no-chain-mail", verdict: "warn", at: AT }, context)).toEqual({
      ruleIds: ["no-chain-mail"],
      verdict: "warn",
      action: "false-positive",
      ruleId: "no-chain-mail",
      client: "outlook-web",
      at: AT,
      sender: context.sender,
    });
    const withWords = toMonitorEvent({ kind: "false-positive", ruleId: "no-chain-mail", verdict: "block", words: ["forward this"], at: AT }, context);
    expect(withWords).toMatchObject({ verdict: "block", words: ["forward this"] });
  });
});

describe("createReportSink", () => {
  it("stores the event, posts it to /api/events, and the server's validation accepts it", async () => {
    const { sink, posted, queue } = setup();
    await sink.enqueue({ kind: "sent-with-reason", ruleIds: ["audience-size"], reason: "Whole-staff fire drill notice", at: new Date().toISOString() });
    await sink.enqueue({ kind: "false-positive", ruleId: "no-chain-mail", verdict: "warn", words: ["forward this to 10 people"], at: new Date().toISOString() });
    await settle();
    await queue.flush();
    const events = posted.flatMap((p) => p.events);
    expect(posted.every((p) => p.url === `${ORIGIN}api/events`)).toBe(true);
    expect(events.map((e) => (e as MonitorEvent).action)).toEqual(["sent-anyway", "false-positive"]);
    expect(await queue.size()).toBe(0);
    const checked = validateEventBatch({ events }, new Set(Object.keys(rules)), new Date());
    expect(checked).toEqual({ ok: true, events: expect.any(Array) });
  });

  it("sends a pseudonymous sender id salted with the server's secret, never the address", async () => {
    const email = "j.bloggs@norcotearlyyearscentre.co.uk";
    const { sink, posted } = setup(async () => 202, email);
    await sink.enqueue({ kind: "false-positive", ruleId: "no-heated-tone", verdict: "warn", at: AT });
    await settle();
    const body = JSON.stringify(posted);
    expect(body).not.toContain("bloggs");
    expect((posted[0]?.events[0] as MonitorEvent).sender).toBe(pseudonymousSender(email, SALT));
    expect((posted[0]?.events[0] as MonitorEvent).sender).not.toBe(pseudonymousSender(email, ORIGIN));
  });

  it("falls back to a valid id when the address cannot be read", async () => {
    const net = fakeFetch(async () => 202);
    const queue = createEventQueue({ url: `${ORIGIN}api/events`, storage: installedStorage(), fetch: net.fetch });
    const sink = createReportSink({
      queue,
      senderEmail: () => {
        throw new Error("userProfile unavailable");
      },
      client: () => "",
    });
    await sink.enqueue({ kind: "false-positive", ruleId: "no-heated-tone", verdict: "warn", at: new Date().toISOString() });
    await settle();
    const event = net.posted[0]?.events[0] as MonitorEvent;
    expect(event).toMatchObject({ sender: pseudonymousSender("unknown", SALT), client: "unknown" });
    expect(validateEventBatch({ events: [event] }, new Set(Object.keys(rules)), new Date())).toMatchObject({ ok: true });
  });

  it("does not wait for the server: enqueue resolves while the POST hangs, and the event stays queued", async () => {
    const { sink, queue, posted } = setup(() => new Promise<number>(() => undefined));
    await expect(sink.enqueue({ kind: "false-positive", ruleId: "no-heated-tone", verdict: "warn", at: AT })).resolves.toBeUndefined();
    await settle();
    expect(posted).toHaveLength(1);
    expect(await queue.size()).toBe(1);
  });

  it("keeps the event for a later flush when the server is down", async () => {
    const { sink, queue } = setup(async () => 503);
    await sink.enqueue({ kind: "sent-with-reason", ruleIds: ["audience-size"], reason: "Whole-staff fire drill notice", at: AT });
    await settle();
    expect(await queue.size()).toBe(1);
  });
});
