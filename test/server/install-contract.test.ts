/**
 * The add-in's side of the install token and salt (issue 11 items 13 and 16), against the real
 * server app: the published-policy source keeps what the server issues, and the event queue
 * sends the token and a sender id salted with the server's secret, not with its public origin.
 */
import type { FastifyInstance } from "fastify";
import { createEventQueue, pseudonymousSender } from "../../src/office/event-queue";
import { createPublishedPolicySource, memoryStorage, type FetchLike } from "../../src/office/published-policy";
import { makeApp, type TestApp } from "./helpers";

let t: TestApp;
beforeEach(async () => {
  t = await makeApp({ users: false });
});
afterEach(async () => {
  await t.close();
});

const ORIGIN = "https://addin.example.org/";
const EMAIL = "a.jones@norcotearlyyearscentre.co.uk";

function injectFetch(app: FastifyInstance, seen: Record<string, string>[] = []): FetchLike {
  return (url, init) => {
    seen.push({ ...(init?.headers ?? {}) });
    return app
      .inject({ method: (init?.method ?? "GET") as "GET" | "POST", url: new URL(url).pathname, headers: { ...(init?.headers ?? {}), origin: "https://addin.example.org" }, ...(init?.body ? { payload: init.body } : {}) })
      .then((res) => ({ status: res.statusCode, ok: res.statusCode < 300, json: () => Promise.resolve(res.json()) }));
  };
}

it("sends events with the install token and a sender id salted with the server's secret", async () => {
  const storage = memoryStorage();
  const seen: Record<string, string>[] = [];
  const fetch = injectFetch(t.app, seen);
  const source = createPublishedPolicySource({ url: `${ORIGIN}api/policy/published`, storage, fetch });
  await source.refresh();
  const queue = createEventQueue({ url: `${ORIGIN}api/events`, storage, fetch });
  await queue.record({ ruleIds: ["no-heated-tone"], verdict: "warn", action: "warned", client: "outlook-web", at: new Date().toISOString() }, EMAIL);
  expect(await queue.flush()).toEqual({ sent: 1, dropped: 0, remaining: 0 });
  expect(seen[seen.length - 1]).toMatchObject({ "X-EG-Install-Token": t.stores.install.token() });
  const stored = t.db.prepare("SELECT sender FROM events").all() as { sender: string }[];
  expect(stored).toEqual([{ sender: pseudonymousSender(EMAIL, t.stores.install.salt()) }]);
  expect(stored[0]?.sender).not.toBe(pseudonymousSender(EMAIL, ORIGIN));
  // The address itself never reached the server or stayed in storage once salted.
  expect(JSON.stringify(await storage.getItem("etiquette-guard.events"))).not.toContain("a.jones");
});

it("keeps events until the add-in has the token and salt, then sends them", async () => {
  const storage = memoryStorage();
  const seen: Record<string, string>[] = [];
  const fetch = injectFetch(t.app, seen);
  const queue = createEventQueue({ url: `${ORIGIN}api/events`, storage, fetch });
  await queue.record({ ruleIds: ["no-heated-tone"], verdict: "warn", action: "warned", client: "outlook-web", at: new Date().toISOString() }, EMAIL);
  const early = await queue.flush();
  expect(early).toMatchObject({ sent: 0, remaining: 1 });
  expect(seen).toHaveLength(0);
  await createPublishedPolicySource({ url: `${ORIGIN}api/policy/published`, storage, fetch }).refresh();
  expect(await queue.flush()).toEqual({ sent: 1, dropped: 0, remaining: 0 });
  expect(t.db.prepare("SELECT sender FROM events").all()).toEqual([{ sender: pseudonymousSender(EMAIL, t.stores.install.salt()) }]);
});

it("keeps a batch the server refuses for a rotated-out token, and sends it once the policy brings the new one", async () => {
  const storage = memoryStorage();
  const fetch = injectFetch(t.app);
  const source = createPublishedPolicySource({ url: `${ORIGIN}api/policy/published`, storage, fetch });
  await source.refresh();
  await storage.setItem("etiquette-guard.install", JSON.stringify({ token: "t".repeat(43), salt: t.stores.install.salt() }));
  const queue = createEventQueue({ url: `${ORIGIN}api/events`, storage, fetch });
  await queue.record({ ruleIds: ["no-heated-tone"], verdict: "warn", action: "warned", client: "outlook-web", at: new Date().toISOString() }, EMAIL);
  expect(await queue.flush()).toMatchObject({ sent: 0, remaining: 1, stoppedBy: "HTTP 401" });
  await source.refresh();
  expect(await queue.flush()).toEqual({ sent: 1, dropped: 0, remaining: 0 });
});
