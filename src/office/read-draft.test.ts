import { FakeOffice, recipients, type FakeOfficeOptions } from "../../test/office/fake-office";
import { createCallQueue, supportsMailbox } from "./office-async";
import { DraftReadError, readDraft, type MailboxLike } from "./read-draft";

function setup(options: FakeOfficeOptions = {}) {
  const fake = new FakeOffice({ delayMs: 5, ...options });
  const context = fake.office.context as { mailbox: MailboxLike; requirements: Office.RequirementSetSupport };
  const read = () => readDraft(context.mailbox, { queue: createCallQueue({ timeoutMs: 200 }), supports: (v) => supportsMailbox(context.requirements, v) });
  return { fake, read };
}

describe("readDraft", () => {
  it("reads every field of an HTML message", async () => {
    const { fake, read } = setup({
      item: {
        to: [{ emailAddress: "jane.parent@gmail.com", displayName: "Jane Parent", recipientType: "externalUser" }],
        cc: [{ emailAddress: "ben@norcotearlyyearscentre.co.uk", displayName: "Ben", recipientType: "user" }],
        bcc: [{ emailAddress: "staff-list@norcotearlyyearscentre.co.uk", displayName: "All staff", recipientType: "distributionList" }],
        subject: "Trip",
        bodyType: "html",
        bodyHtml: "<html><body><p>Hello &amp; welcome</p></body></html>",
        attachments: [{ name: "letter.pdf", size: 1200, isInline: false }],
        composeType: "reply",
        from: { emailAddress: "office@norcotearlyyearscentre.co.uk", displayName: "Office" },
      },
    });
    const result = await read();
    expect(result.draft).toEqual({
      from: { email: "office@norcotearlyyearscentre.co.uk", name: "Office" },
      sender: { email: "a.jones@norcotearlyyearscentre.co.uk", name: "Amy Jones" },
      to: [{ email: "jane.parent@gmail.com", name: "Jane Parent", type: "externalUser" }],
      cc: [{ email: "ben@norcotearlyyearscentre.co.uk", name: "Ben", type: "user" }],
      bcc: [{ email: "staff-list@norcotearlyyearscentre.co.uk", name: "All staff", type: "distributionList" }],
      subject: "Trip",
      body: "Hello & welcome\n",
      bodyHtml: "<html><body><p>Hello &amp; welcome</p></body></html>",
      attachments: [{ name: "letter.pdf", size: 1200, isInline: false }],
      composeType: "reply",
    });
    expect(result).toMatchObject({ bodyType: "html", bodyTypeKnown: true, degraded: [] });
    expect(fake.maxInFlight).toBeLessThanOrEqual(3);
    // Every call passes options with its own asyncContext, which the host echoes.
    expect(fake.calls.every((c) => c.overload === "options" && typeof c.asyncContext === "string")).toBe(true);
  });

  it("does not read HTML for a plain-text message", async () => {
    const { fake, read } = setup({ item: { bodyType: "text", bodyText: "Plain", composeType: "forward" } });
    const result = await read();
    expect(result.bodyType).toBe("text");
    expect(result.bodyHtml).toBeUndefined();
    expect(result.draft.body).toBe("Plain");
    expect(result.draft.composeType).toBe("forward");
    expect(fake.labels()).not.toContain("body.getAsync.html");
  });

  it("degrades gracefully when optional reads fail, throw or hang", async () => {
    const { read } = setup({
      behaviours: { getAttachmentsAsync: { kind: "fail", code: 9041 }, "from.getAsync": { kind: "throw" }, getComposeTypeAsync: { kind: "hang" }, "body.getTypeAsync": { kind: "fail" } },
      item: { subject: "Hi", bodyText: "Body", attachments: [{ name: "a.jpg", size: 1, isInline: false }] },
    });
    const result = await read();
    expect(result.draft.attachments).toEqual([]);
    expect(result.draft.composeType).toBe("new");
    expect(result.draft.from).toEqual(result.draft.sender); // falls back to the signed-in user
    expect(result.bodyTypeKnown).toBe(false);
    expect([...result.degraded].sort()).toEqual(["attachments", "body.type", "composeType", "from"]);
  });

  it("skips APIs the client's requirement set lacks", async () => {
    const { fake, read } = setup({ mailboxVersion: "1.9", item: { composeType: "reply" } });
    const result = await read();
    expect(result.draft.composeType).toBe("new");
    expect(result.degraded).toContain("composeType");
    expect(fake.labels()).not.toContain("getComposeTypeAsync");
  });

  it("treats missing methods as unsupported", async () => {
    const { read } = setup({ missing: ["getAttachmentsAsync", "from"] });
    const result = await read();
    expect(result.degraded).toEqual(expect.arrayContaining(["attachments", "from"]));
  });

  it.each(["to.getAsync", "cc.getAsync", "bcc.getAsync", "subject.getAsync", "body.getAsync"])("fails with DraftReadError when %s fails", async (label) => {
    const { read } = setup({ behaviours: { [label]: { kind: "fail" } } });
    await expect(read()).rejects.toBeInstanceOf(DraftReadError);
  });

  it("fails fast on an essential failure even while optional reads hang", async () => {
    // Fake timers: fails once the fake Office's 5 ms answers are in, long before the 200 ms call
    // timeout that ends the hanging read.
    jest.useFakeTimers();
    try {
      const { read } = setup({ behaviours: { "to.getAsync": { kind: "throw" }, getAttachmentsAsync: { kind: "hang" } } });
      let settled: unknown = "pending";
      read().then(
        () => (settled = "resolved"),
        (error: unknown) => (settled = error),
      );
      await jest.advanceTimersByTimeAsync(100);
      expect(settled).toBeInstanceOf(DraftReadError);
    } finally {
      jest.useRealTimers();
    }
  });

  it("reads 1,000 recipients and keeps unresolved ones", async () => {
    const to = recipients(1000);
    to.push({ emailAddress: "", displayName: "Unresolved Name" });
    const { read } = setup({ item: { to } });
    const result = await read();
    expect(result.draft.to).toHaveLength(1001);
    expect(result.draft.to[1000]).toEqual({ email: "Unresolved Name" });
  });

  it("works without a user profile", async () => {
    const { read } = setup({ userProfile: null });
    const result = await read();
    expect(result.draft.sender).toBeUndefined();
    expect(result.degraded).toContain("userProfile");
  });

  it("fails when there is no compose item", async () => {
    await expect(readDraft({ item: null }, { queue: createCallQueue(), supports: () => true })).rejects.toBeInstanceOf(DraftReadError);
  });
});
