/**
 * The bootstrap (launchevent.ts) as Outlook loads it: it associates the handler at the top
 * level, builds the policy source and the event queue at the first Send, records one
 * content-free event after completion — also when setting up the published policy failed —
 * and counts a reason saved in the task pane once, as "sent anyway".
 */
import { normalizePolicy, rules, type NormalizedPolicy } from "../core";
import { FakeOffice, makeEvent } from "../../test/office/fake-office";
import { readDraft } from "../office/read-draft";
import { createCallQueue } from "../office/office-async";
import { draftFingerprint } from "../core/model/fingerprint";
import { SAVED_REASON_KEY } from "../office/saved-reason";
import type { UnsignedEvent } from "../office/event-queue";

const BEN = { emailAddress: "ben@norcotearlyyearscentre.co.uk", displayName: "Ben", recipientType: "user" };

function warnOnMissingDisclaimer(): NormalizedPolicy {
  const settings: Record<string, unknown> = Object.fromEntries(Object.keys(rules).map((id) => [id, "off"]));
  settings.disclaimer = ["warn", { autoInsert: false }];
  return normalizePolicy({ version: 1, onError: "warn", rules: settings }, rules);
}

type Loaded = { fake: FakeOffice; recorded: Array<{ event: UnsignedEvent; sender: string }>; flushes: () => number };

function load(policy: "throws" | NormalizedPolicy): Loaded {
  const fake = new FakeOffice({ item: { to: [BEN], subject: "Rota", bodyHtml: "<html><body><p>The rota is on the board.</p></body></html>" } });
  const recorded: Loaded["recorded"] = [];
  let flushes = 0;
  const g = globalThis as Record<string, unknown>;
  g.Office = fake.office;
  g.__ADDIN_ORIGIN__ = "https://addin.example.org/";
  jest.isolateModules(() => {
    jest.doMock("../office/published-policy", () => ({
      createPublishedPolicySource: () => {
        if (policy === "throws") throw new Error("storage unavailable (injected)");
        return { name: "published", load: () => Promise.resolve(policy) };
      },
    }));
    jest.doMock("../office/event-queue", () => ({
      createEventQueue: () => ({
        record: (event: UnsignedEvent, sender: string) => {
          recorded.push({ event, sender });
          return Promise.resolve();
        },
        flush: () => {
          flushes++;
          return Promise.resolve({ sent: 0, dropped: 0, remaining: 0 });
        },
      }),
    }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bootstrap runs on load, so each test loads a fresh copy
    require("./launchevent");
  });
  return { fake, recorded, flushes: () => flushes };
}

async function pressSend(fake: FakeOffice) {
  const handler = fake.associated.onMessageSendHandler;
  if (!handler) throw new Error("onMessageSendHandler was not associated");
  const event = makeEvent();
  handler(event);
  await event.done;
  await new Promise((r) => setTimeout(r, 30));
  return event;
}

afterEach(() => {
  jest.dontMock("../office/published-policy");
  jest.dontMock("../office/event-queue");
  const g = globalThis as Record<string, unknown>;
  delete g.Office;
  delete g.__ADDIN_ORIGIN__;
});

describe("launchevent.ts (bootstrap)", () => {
  it("associates onMessageSendHandler when loaded and records one event for a warned Send", async () => {
    const { fake, recorded } = load(warnOnMissingDisclaimer());
    const event = await pressSend(fake);
    expect(event.completions).toEqual([expect.objectContaining({ allowEvent: false, sendModeOverride: "promptUser" })]);
    expect(recorded.map((r) => [r.event.action, r.event.ruleIds, r.event.reason])).toEqual([["warned", ["disclaimer"], undefined]]);
    expect(recorded[0]?.sender).toBe("a.jones@norcotearlyyearscentre.co.uk");
  });

  it("still completes once and records the Send when setting up the published policy fails", async () => {
    const { fake, recorded, flushes } = load("throws");
    const event = await pressSend(fake);
    expect(event.completions).toHaveLength(1);
    // The compiled-in policy inserts the disclaimer and lets the message go: nothing matched
    // after that, so no event, but the outcome reached the recorder, which flushed the queue.
    expect(event.completions[0]).toEqual({ allowEvent: true });
    expect(recorded).toEqual([]);
    expect(flushes()).toBe(1);
  });

  it("counts a reason saved for this message once, as sent anyway, and drops it after", async () => {
    const { fake, recorded } = load(warnOnMissingDisclaimer());
    const read = await readDraft((fake.office as { context: { mailbox: Parameters<typeof readDraft>[0] } }).context.mailbox, { queue: createCallQueue(), supports: () => true });
    fake.sessionData[SAVED_REASON_KEY] = JSON.stringify({ reason: "Asked for by the parent", ruleIds: ["disclaimer"], fingerprint: draftFingerprint(read.draft) });
    await pressSend(fake);
    await pressSend(fake);
    expect(recorded.map((r) => [r.event.action, r.event.reason])).toEqual([
      ["sent-anyway", "Asked for by the parent"],
      ["warned", undefined],
    ]);
  });

  it("drops a reason saved for a different version of the message", async () => {
    const { fake, recorded } = load(warnOnMissingDisclaimer());
    fake.sessionData[SAVED_REASON_KEY] = JSON.stringify({ reason: "Asked for by the parent", ruleIds: ["disclaimer"], fingerprint: "0000000000000000" });
    await pressSend(fake);
    expect(recorded.map((r) => r.event.action)).toEqual(["warned"]);
    expect(fake.sessionData).toEqual({});
  });
});
