/**
 * The add-in's client code against the real server app: the published-policy source reads
 * what the server publishes, and the event queue's batches are what the server accepts.
 */
import type { FastifyInstance } from "fastify";
import { createEventQueue, pseudonymousSender } from "../../src/office/event-queue";
import { createPublishedPolicySource, memoryStorage, type FetchLike } from "../../src/office/published-policy";
import { EDITOR, VIEWER, makeApp, signIn, type TestApp } from "./helpers";

let t: TestApp;
beforeEach(async () => {
  t = await makeApp();
});
afterEach(async () => {
  await t.close();
});

function injectFetch(app: FastifyInstance): FetchLike {
  return (url, init) =>
    app
      .inject({ method: (init?.method ?? "GET") as "GET" | "POST", url: new URL(url).pathname, headers: { ...(init?.headers ?? {}), origin: "https://addin.example.org" }, ...(init?.body ? { payload: init.body } : {}) })
      .then((res) => ({ status: res.statusCode, ok: res.statusCode < 300, json: () => Promise.resolve(res.json()) }));
}

it("the add-in follows what SMT publish", async () => {
  const source = createPublishedPolicySource({ url: "https://addin.example.org/api/policy/published", storage: memoryStorage(), fetch: injectFetch(t.app) });
  expect((await source.load(800)).severities["subject-required"]).toBe("warn");
  const editor = await signIn(t.app, EDITOR);
  const draft = t.stores.policies.draft();
  const p = JSON.parse(JSON.stringify(draft.policy)) as { rules: Record<string, unknown> };
  p.rules["subject-required"] = "block";
  await editor.send("PUT", "/api/policy/draft", { revision: draft.revision, policy: p });
  await editor.send("POST", "/api/policy/publish", { revision: draft.revision + 1, note: "stricter" });
  // The next Send asks the server again (no explicit refresh): the published change is followed.
  expect((await source.load(800)).severities["subject-required"]).toBe("block");
  expect(source.currentVersion()).toBe(2);
});

it("the server accepts the event queue's batches and reports them", async () => {
  // The install token and salt for events come with the published policy.
  const storage = memoryStorage();
  await createPublishedPolicySource({ url: "https://addin.example.org/api/policy/published", storage, fetch: injectFetch(t.app) }).refresh();
  const queue = createEventQueue({ url: "https://addin.example.org/api/events", storage, fetch: injectFetch(t.app) });
  const sender = pseudonymousSender("a.jones@norcotearlyyearscentre.co.uk", t.stores.install.salt());
  const at = new Date().toISOString();
  await queue.enqueue({ ruleIds: ["no-heated-tone", "audience-size"], monitorRuleIds: ["audience-size"], verdict: "warn", action: "sent-anyway", client: "classic-windows", at, sender, reason: "It was urgent" });
  await queue.enqueue({ ruleIds: ["no-heated-tone"], verdict: "warn", action: "false-positive", ruleId: "no-heated-tone", words: ["sharp"], client: "owa", at, sender });
  expect(await queue.flush()).toEqual({ sent: 2, dropped: 0, remaining: 0 });
  const viewer = await signIn(t.app, VIEWER);
  const rows = ((await viewer.get("/api/reports/weekly")).json() as { rows: { ruleId: string; hits: number; overridden: number; falsePositives: number; monitorHits: number }[] }).rows;
  expect(rows.find((r) => r.ruleId === "no-heated-tone")).toMatchObject({ hits: 1, overridden: 1, falsePositives: 1 });
  expect(rows.find((r) => r.ruleId === "audience-size")).toMatchObject({ hits: 1, monitorHits: 1, overridden: 0 });
});
