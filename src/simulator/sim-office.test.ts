/** The simulated Office.js keeps Office's conventions, limits and requirement sets. */
import { createItemStore, emptyItem } from "./item-store";
import { createSimOffice, DEFAULT_SETTINGS, effectiveSet, type SimSettings } from "./sim-office";

type Result = { status: string; value?: unknown; error?: { code: number; name: string; message: string }; asyncContext?: unknown };

function make(settings: Partial<SimSettings> = {}) {
  const store = createItemStore({ ...emptyItem(), subject: "Hello", bodyHtml: "<p>Line one</p><p>Line <b>two</b></p>" });
  const current = { ...DEFAULT_SETTINGS, latencyMs: 2, ...settings };
  const sim = createSimOffice({ store, settings: () => current, runtime: "test" });
  const item = sim.office.context.mailbox.item as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- probing the simulated surface
  return { store, sim, item, office: sim.office };
}

const call = (fn: (cb: (r: Result) => void) => void) => new Promise<Result>((resolve) => fn(resolve));

describe("simulated Office.js", () => {
  it("answers later, never synchronously, and echoes asyncContext", async () => {
    const { item } = make();
    let answered = false;
    const p = call((cb) => item.subject.getAsync({ asyncContext: { n: 1 } }, (r: Result) => ((answered = true), cb(r))));
    expect(answered).toBe(false);
    expect(await p).toEqual({ status: "succeeded", value: "Hello", asyncContext: { n: 1 } });
  });

  it("supports both getAsync overloads", async () => {
    const { item } = make();
    expect((await call((cb) => item.subject.getAsync(cb))).value).toBe("Hello");
    expect((await call((cb) => item.body.getAsync("text", cb))).value).toBe("Line one\n\nLine two");
    expect((await call((cb) => item.body.getAsync("html", { asyncContext: "h" }, cb))).asyncContext).toBe("h");
  });

  it("fails a 4th concurrent call on the web, not in classic Outlook", async () => {
    for (const [client, failures] of [["web", 1], ["classic", 0]] as const) {
      const { item } = make({ client, latencyMs: 20 });
      const results = await Promise.all([1, 2, 3, 4].map(() => call((cb) => item.to.getAsync(cb))));
      const failed = results.filter((r) => r.status === "failed");
      expect(failed).toHaveLength(failures);
      if (failures) expect(failed[0]?.error).toMatchObject({ code: 5001 });
    }
  });

  it("makes a chosen call fail with an error code, or hang", async () => {
    const { item } = make({ fault: { method: "subject.getAsync", mode: "fail" } });
    expect(await call((cb) => item.subject.getAsync({ asyncContext: 7 }, cb))).toEqual({
      status: "failed",
      value: undefined,
      error: { code: 9020, name: "GenericResponseError", message: expect.any(String) },
      asyncContext: 7,
    });
    const hung = make({ fault: { method: "to.getAsync", mode: "hang" } });
    const outcome = await Promise.race([call((cb) => hung.item.to.getAsync(cb)), new Promise((r) => setTimeout(() => r("no answer"), 50))]);
    expect(outcome).toBe("no answer");
  });

  it("hides members newer than the requirement set and compares versions by their parts", () => {
    const old = make({ requirementSet: "1.12" });
    expect(old.item.delayDeliveryTime).toBeUndefined();
    expect(old.item.sendAsync).toBeUndefined();
    expect(old.office.context.requirements.isSetSupported("Mailbox", "1.8")).toBe(true);
    expect(old.office.context.requirements.isSetSupported("Mailbox", "1.13")).toBe(false);
    const mac = make({ client: "mac", requirementSet: "1.15" });
    expect(effectiveSet({ client: "mac", requirementSet: "1.15" })).toBe(14);
    expect(mac.item.delayDeliveryTime).toBeDefined();
    expect(mac.item.sendAsync).toBeUndefined();
    expect(make().item.sendAsync).toBeInstanceOf(Function);
  });

  it("raises RecipientsChanged for any change to To/Cc/Bcc", async () => {
    const { item, store } = make();
    const seen: unknown[] = [];
    await call((cb) => item.addHandlerAsync("olkRecipientsChanged", (a: unknown) => seen.push(a), cb));
    await call((cb) => item.to.addAsync(["p@gmail.com"], cb));
    store.update({ cc: [] }, "user");
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([
      { type: "olkRecipientsChanged", changedRecipientFields: { to: true, cc: false, bcc: false } },
      { type: "olkRecipientsChanged", changedRecipientFields: { to: false, cc: true, bcc: false } },
    ]);
    expect(store.get().to[0]).toEqual({ emailAddress: "p@gmail.com", displayName: "p@gmail.com", recipientType: "externalUser" });
  });

  it("rejects more than 100 recipients per addAsync and unknown attachment ids", async () => {
    const { item } = make();
    const many = Array.from({ length: 101 }, (_, i) => `p${i}@gmail.com`);
    expect((await call((cb) => item.bcc.addAsync(many, cb))).error?.name).toBe("NumberOfRecipientsExceeded");
    expect((await call((cb) => item.removeAttachmentAsync("nope", cb))).error?.name).toBe("InvalidAttachmentId");
  });

  it("keeps the body on setAsync as HTML or as text", async () => {
    const { item, store } = make();
    await call((cb) => item.body.setAsync("<html><body><p>New</p></body></html>", { coercionType: "html" }, cb));
    expect(store.get().bodyHtml).toBe("<p>New</p>");
    await call((cb) => item.body.setAsync("a < b\n\nc", { coercionType: "text" }, cb));
    expect(store.get().bodyHtml).toBe("<p>a &lt; b</p><p>c</p>");
  });
});
