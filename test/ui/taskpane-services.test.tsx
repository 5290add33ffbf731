/**
 * The task pane's Office services over the simulated Office.js: reads, one-click fixes, delay,
 * send, context and change events, through Office's callback conventions and Outlook on the
 * web's limit of 3 calls in flight.
 */
import { createOfficeTaskPaneServices, detectCapabilities, detectClient } from "../../src/office/taskpane-services";
import { createItemStore, emptyItem, type ItemStore } from "../../src/simulator/item-store";
import { createSimOffice, DEFAULT_SETTINGS, type CallRecord, type SimSettings } from "../../src/simulator/sim-office";
import { createMemoryEventSink } from "../../src/taskpane/event-sink";
import { draftFingerprint } from "../../src/core/model/fingerprint";
import { SAVED_REASON_KEY } from "../../src/office/saved-reason";

const PARENTS = ["p1@gmail.com", "p2@yahoo.co.uk", "p3@hotmail.com"];

function setup(settings: Partial<SimSettings> = {}, opts: { initContext?: string; send?: () => Promise<boolean> } = {}) {
  const store: ItemStore = createItemStore({
    ...emptyItem(),
    to: [...PARENTS.map((e) => ({ emailAddress: e, displayName: e, recipientType: "externalUser" as const })), { emailAddress: "b.smith@norcotearlyyearscentre.co.uk", displayName: "Ben Smith", recipientType: "user" as const }],
    subject: "Trip",
    bodyHtml: "<p>Dear parents,</p><p>See you Friday.</p>",
    attachments: [{ id: "A1", name: "photo.jpg", size: 2048, contentType: "image/jpeg", isInline: false }],
  });
  const log: CallRecord[] = [];
  const current = { ...DEFAULT_SETTINGS, latencyMs: 2, ...settings };
  const sim = createSimOffice({ store, settings: () => current, runtime: "task pane", initContext: () => opts.initContext ?? null, send: opts.send, onCall: (r) => log.push(r) });
  const events = createMemoryEventSink();
  const services = createOfficeTaskPaneServices(sim.office, { events, forcedColors: () => false });
  return { store, sim, services, log, events, current };
}

describe("taskpane-services over the simulated Office.js", () => {
  it("reads the message into a MessageDraft", async () => {
    const { services } = setup();
    const draft = await services.readDraft();
    expect(draft.to.map((r) => r.email)).toEqual([...PARENTS, "b.smith@norcotearlyyearscentre.co.uk"]);
    expect(draft.to[0]?.type).toBe("externalUser");
    expect(draft.subject).toBe("Trip");
    expect(draft.body).toContain("Dear parents,");
    expect(draft.attachments).toEqual([{ name: "photo.jpg", size: 2048, isInline: false }]);
  });

  it("moves outside recipients to Bcc without losing anyone", async () => {
    const { services, store } = setup();
    await services.applyFix({ kind: "move-to-bcc", targets: PARENTS.map((e) => e.toUpperCase()) });
    expect(store.get().to.map((r) => r.emailAddress)).toEqual(["b.smith@norcotearlyyearscentre.co.uk"]);
    expect(store.get().bcc.map((r) => r.emailAddress)).toEqual(PARENTS);
  });

  it("inserts the disclaimer into the HTML body once, and removes an attachment by name", async () => {
    const { services, store } = setup();
    await services.applyFix({ kind: "insert-disclaimer", disclaimer: { text: "Confidential.", html: "<p>Confidential.</p>" } });
    expect(store.get().bodyHtml).toMatch(/See you Friday\.<\/p><div id="etiquette-guard-disclaimer"[^>]*><p>Confidential\.<\/p><\/div>$/);
    await services.applyFix({ kind: "remove-attachment", targets: ["photo.jpg"] });
    expect(store.get().attachments).toEqual([]);
    await expect(services.applyFix({ kind: "remove-attachment", targets: ["photo.jpg"] })).rejects.toThrow("no longer in the message");
  });

  it("sets the delivery time (1.13) and knows what the client can do", async () => {
    const { services, store } = setup({ requirementSet: "1.14", client: "classic" });
    const until = new Date(Date.now() + 600_000);
    await services.delaySend(until);
    expect(store.get().delayDeliveryTime).toEqual(until);
    expect(services.capabilities).toMatchObject({ delaySend: true, sendNow: false, contextChanges: false });
    expect(services.client).toBe("classic");
    await expect(services.send()).rejects.toThrow("Press Send in Outlook");
  });

  it("has no delay before 1.13 and no sendAsync before 1.15; Mac stops at 1.14", () => {
    expect(detectCapabilities(setup({ requirementSet: "1.12" }).sim.office)).toMatchObject({ delaySend: false, sendNow: false, moveToBcc: true });
    expect(detectCapabilities(setup({ client: "mac", requirementSet: "1.15" }).sim.office)).toMatchObject({ delaySend: true, sendNow: false });
    expect(detectClient(setup({ client: "new" }).sim.office)).toBe("new");
    expect(detectClient(setup({ client: "web" }).sim.office)).toBe("web");
    expect(detectClient(setup({ client: "mac" }).sim.office)).toBe("mac");
  });

  it("sends with sendAsync (1.15) and reports a send that Smart Alerts stopped", async () => {
    let allow = true;
    const { services } = setup({}, { send: async () => allow });
    await expect(services.send()).resolves.toBeUndefined();
    allow = false;
    await expect(services.send()).rejects.toThrow(/send: failed/);
  });

  it("reads the Take Action context, follows context changes (1.15) and change events", async () => {
    const { services, sim, store } = setup({}, { initContext: '{"findingIds":["disclaimer#1"]}' });
    await expect(services.getInitContext()).resolves.toBe('{"findingIds":["disclaimer#1"]}');
    const contexts: string[] = [];
    const reasons: string[] = [];
    services.onInitContextChanged((c) => contexts.push(c));
    const off = services.subscribe((r) => reasons.push(r));
    await new Promise((r) => setTimeout(r, 20));
    sim.fireInitializationContextChanged('{"findingIds":["bcc-for-bulk-mail#1"]}');
    store.update({ cc: [{ emailAddress: "x@gmail.com", displayName: "x", recipientType: "externalUser" }] }, "user");
    store.update({ attachments: [] }, "user");
    await new Promise((r) => setTimeout(r, 20));
    expect(contexts).toEqual(['{"findingIds":["bcc-for-bulk-mail#1"]}']);
    expect(reasons).toEqual(["recipients", "attachments"]);
    off();
    store.update({ cc: [] }, "user");
    await new Promise((r) => setTimeout(r, 20));
    expect(reasons).toHaveLength(2);
  });

  it("returns no context when the pane was opened from the ribbon", async () => {
    await expect(setup().services.getInitContext()).resolves.toBeNull();
  });

  it("keeps within Outlook on the web's 3 calls in flight, so no call is refused", async () => {
    const { services, log } = setup({ client: "web", latencyMs: 5 });
    await Promise.all([services.readDraft(), services.readDraft()]);
    expect(log.filter((r) => r.outcome === "failed")).toEqual([]);
  });

  it("surfaces an Office failure with its code", async () => {
    const { services } = setup({ fault: { method: "bcc.addAsync", mode: "fail" } });
    await expect(services.applyFix({ kind: "move-to-bcc", targets: PARENTS })).rejects.toThrow(/bcc.add: failed \(code 9020/);
  });

  it("queues a false-positive report in memory", async () => {
    const { services, events } = setup();
    await services.reportEvent({ kind: "false-positive", ruleId: "no-chain-mail", verdict: "warn", at: "2026-05-14T09:00:00.000Z" });
    expect(events.pending()).toHaveLength(1);
  });

  it("saves a reason with the fingerprint of the message it was given for, and reports nothing until Send (item 2)", async () => {
    const { services, events, store } = setup();
    await services.reportEvent({ kind: "sent-with-reason", ruleIds: ["no-chain-mail"], reason: "Asked by SMT", at: "2026-05-14T09:00:00.000Z" });
    // Counted once, by the on-send handler at Send (it takes the reason from sessionData).
    expect(events.pending()).toHaveLength(0);
    const saved = JSON.parse(store.get().sessionData[SAVED_REASON_KEY] as string);
    expect(saved).toEqual({ reason: "Asked by SMT", ruleIds: ["no-chain-mail"], fingerprint: draftFingerprint(await services.readDraft()) });
  });
});
