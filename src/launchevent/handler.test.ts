import { defaultPolicy, normalizePolicy, rules, type NormalizedPolicy, type RuleModule } from "../core";
import { FakeOffice, makeEvent, recipients, type FakeEvent, type FakeOfficeOptions } from "../../test/office/fake-office";
import type { PolicySource } from "../office/policy-source";
import { createSendHandler, type HandlerOptions, type HandlerOutcome, type OfficeLike } from "./handler";

const DISCLAIMER = defaultPolicy().organisation.disclaimer;
const BEN = { emailAddress: "ben@norcotearlyyearscentre.co.uk", displayName: "Ben", recipientType: "user" };

/** A policy with only the disclaimer rule, so the tests do not depend on the other rules' work. */
function disclaimerOnly(severity: "warn" | "block", autoInsert: boolean, onError: "allow" | "warn" | "block" = "warn"): NormalizedPolicy {
  const settings: Record<string, unknown> = Object.fromEntries(Object.keys(rules).map((id) => [id, "off"]));
  settings.disclaimer = [severity, { autoInsert }];
  return normalizePolicy({ version: 1, onError, rules: settings }, rules);
}

function fixed(policy: NormalizedPolicy): PolicySource {
  return { name: "test", load: () => Promise.resolve(policy) };
}

function htmlBody(text: string, withDisclaimer = false): string {
  return `<html><body><p>${text}</p>${withDisclaimer ? DISCLAIMER.html : ""}</body></html>`;
}

async function send(fake: FakeOffice, options: HandlerOptions = {}, event: FakeEvent = makeEvent()): Promise<{ event: FakeEvent; outcome: HandlerOutcome }> {
  let outcome: HandlerOutcome | undefined;
  const handle = createSendHandler(fake.office as unknown as OfficeLike, { ...options, onCompleted: (o) => (outcome = o) });
  handle(event);
  await event.done;
  // Let anything that could still (wrongly) complete a second time run.
  await new Promise((r) => setTimeout(r, 20));
  return { event, outcome: outcome as HandlerOutcome };
}

function fake(options: FakeOfficeOptions = {}): FakeOffice {
  return new FakeOffice({ item: { to: [BEN], subject: "Rota", bodyHtml: htmlBody("The rota is on the board.", true) }, ...options });
}

describe("onMessageSendHandler — decisions", () => {
  it("allows a clean message (disclaimer present)", async () => {
    const { event } = await send(fake(), { policySource: fixed(disclaimerOnly("block", true)) });
    expect(event.completions).toEqual([{ allowEvent: true }]);
  });

  it("smoke test: allows an ordinary internal message under the Centre's default policy", async () => {
    const { event } = await send(fake());
    expect(event.completions).toEqual([{ allowEvent: true }]);
  });

  it("prompts (Send Anyway) for a warn finding", async () => {
    const f = fake({ item: { to: [BEN], subject: "Rota", bodyHtml: htmlBody("No disclaimer here.") } });
    const { event } = await send(f, { policySource: fixed(disclaimerOnly("warn", false)) });
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", commandId: "msgComposeOpenPaneButton" });
  });

  it("blocks under SoftBlock with Take Action for a block finding", async () => {
    const f = fake({ item: { to: [BEN], subject: "Rota", bodyHtml: htmlBody("No disclaimer here.") } });
    const { event } = await send(f, { policySource: fixed(disclaimerOnly("block", false)) });
    const o = event.completions[0] as Office.SmartAlertsEventCompletedOptions;
    expect(o).toMatchObject({ allowEvent: false, commandId: "msgComposeOpenPaneButton", cancelLabel: "Fix it" });
    expect(o.sendModeOverride).toBeUndefined();
    expect(JSON.parse(o.contextData as string)).toEqual({ source: "etiquette-guard", verdict: "block", findingIds: ["disclaimer#1"] });
  });

  it.each([
    ["1.12", ["allowEvent", "errorMessage"]],
    ["1.13", ["allowEvent", "errorMessage"]],
    ["1.14", ["allowEvent", "cancelLabel", "commandId", "contextData", "errorMessage", "sendModeOverride"]],
    ["1.15", ["allowEvent", "cancelLabel", "commandId", "contextData", "errorMessage", "errorMessageMarkdown", "sendModeOverride"]],
  ])("Mailbox %s gives the options it supports", async (version, keys) => {
    const f = fake({ mailboxVersion: version, item: { to: [BEN], subject: "Rota", bodyHtml: htmlBody("No disclaimer.") } });
    const { event } = await send(f, { policySource: fixed(disclaimerOnly("warn", false)) });
    expect(Object.keys(event.completions[0] as object).sort()).toEqual(keys);
  });

  it("reports a rule that throws instead of failing the send", async () => {
    const thrower: RuleModule = {
      meta: { ...rules["subject-required"]!.meta, id: "subject-required" },
      check() {
        throw new Error("rule bug");
      },
    };
    const base = disclaimerOnly("block", true);
    const policy: NormalizedPolicy = { ...base, rules: [...base.rules, { rule: thrower, severity: "block", options: {} }] };
    const { event, outcome } = await send(fake(), { policySource: fixed(policy) });
    expect(outcome.path).toBe("checked");
    // onError "warn" caps the crashed rule's finding at warn: the sender may send.
    expect(event.completions).toEqual([expect.objectContaining({ allowEvent: false, sendModeOverride: "promptUser" })]);
    expect(JSON.parse((event.completions[0] as { contextData: string }).contextData).findingIds).toEqual(["subject-required#error"]);
  });
});

describe("onMessageSendHandler — disclaimer", () => {
  const policySource = fixed(disclaimerOnly("block", true));

  it("inserts the HTML disclaimer and lets the send go", async () => {
    const f = fake({ item: { to: [BEN], subject: "Rota", bodyHtml: htmlBody("The rota is on the board.") } });
    const { event, outcome } = await send(f, { policySource });
    expect(event.completions).toEqual([{ allowEvent: true }]);
    expect(outcome.disclaimerInserted).toBe(true);
    expect(f.item.bodyHtml.split("etiquette-guard-disclaimer").length - 1).toBe(2); // id and class of one element
    expect(f.item.bodyHtml).toMatch(/<\/div><\/body><\/html>$/);
  });

  it("inserts the text disclaimer into a plain-text body", async () => {
    const f = fake({ item: { to: [BEN], subject: "Rota", bodyType: "text", bodyText: "The rota is on the board." } });
    const { event } = await send(f, { policySource });
    expect(event.completions).toEqual([{ allowEvent: true }]);
    expect(f.item.bodyText).toBe(`The rota is on the board.\r\n\r\n${DISCLAIMER.text}`);
  });

  it("never inserts twice: a second Send leaves the body alone", async () => {
    // First Send: the disclaimer goes in, but another finding blocks the send.
    const blockingSubject: RuleModule = {
      meta: rules["subject-required"]!.meta,
      check(snapshot, context) {
        if (snapshot.subject === "") context.report({ messageId: "emptySubject", field: "subject" });
      },
    };
    const base = disclaimerOnly("block", true);
    const policy: NormalizedPolicy = { ...base, rules: [...base.rules, { rule: blockingSubject, severity: "block", options: {} }] };
    const f = fake({ item: { to: [BEN], subject: "", bodyHtml: htmlBody("The rota is on the board.") } });
    const first = await send(f, { policySource: fixed(policy) });
    expect(first.event.completions[0]).toMatchObject({ allowEvent: false });
    expect(first.outcome.disclaimerInserted).toBe(true);
    const afterFirst = f.item.bodyHtml;
    // Second Send, subject fixed.
    f.item.subject = "Rota";
    const second = await send(f, { policySource: fixed(policy) });
    expect(second.event.completions).toEqual([{ allowEvent: true }]);
    expect(second.outcome.disclaimerInserted).toBe(false);
    expect(f.item.bodyHtml).toBe(afterFirst);
    expect(f.labels().filter((l) => l === "body.setAsync")).toHaveLength(1);
  });

  it("does not insert into a reply that quotes a message carrying the disclaimer", async () => {
    const quoted = `<html><body><p>Thanks!</p><div><b>From:</b> Head<br><b>Sent:</b> Monday<br><b>Subject:</b> Rota</div><p>The rota.</p>${DISCLAIMER.html}</body></html>`;
    const f = fake({ item: { to: [BEN], subject: "RE: Rota", bodyHtml: quoted, composeType: "reply" } });
    const { event } = await send(f, { policySource });
    expect(event.completions).toEqual([{ allowEvent: true }]);
    expect(f.labels()).not.toContain("body.setAsync");
  });

  it("keeps the finding (and blocks) when writing the body fails", async () => {
    const f = fake({ item: { to: [BEN], subject: "Rota", bodyHtml: htmlBody("Hi") }, behaviours: { "body.setAsync": { kind: "fail", code: 9000 } } });
    const { event, outcome } = await send(f, { policySource });
    expect(outcome.disclaimerInserted).toBe(false);
    expect(event.completions[0]).toMatchObject({ allowEvent: false });
    expect((event.completions[0] as { errorMessage: string }).errorMessage).toMatch(/could not be added/);
  });
});

describe("onMessageSendHandler — never hangs Outlook", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function underFakeTimers(options: FakeOfficeOptions, handlerOptions: HandlerOptions = {}, event = makeEvent()) {
    const f = fake(options);
    const outcomes: HandlerOutcome[] = [];
    createSendHandler(f.office as unknown as OfficeLike, { ...handlerOptions, onCompleted: (o) => outcomes.push(o) })(event);
    await jest.advanceTimersByTimeAsync(4000);
    const completedBy4s = event.completions.length;
    await jest.advanceTimersByTimeAsync(60_000);
    return { event, outcomes, completedBy4s, f };
  }

  it.each(["fail", "throw", "hang", "throwInCallback", "twice"] as const)("completes exactly once within 4 s when every Office call does %s", async (kind) => {
    const { event, completedBy4s, outcomes } = await underFakeTimers({ defaultBehaviour: { kind } });
    expect(completedBy4s).toBe(1);
    expect(event.completions).toHaveLength(1);
    if (kind === "twice") {
      expect(event.completions[0]).toEqual({ allowEvent: true });
    } else {
      // Default onError is warn: Send Anyway with a message that the check could not finish.
      expect(event.completions[0]).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", errorMessage: expect.stringMatching(/could not finish/) });
      expect(["read-failed", "watchdog"]).toContain(outcomes[0]?.path);
    }
    expect(jest.getTimerCount()).toBe(0);
  });

  it.each([
    ["allow", { allowEvent: true }],
    ["block", { allowEvent: false }],
  ] as const)("follows onError %s when the item cannot be read", async (onError, expected) => {
    const { event } = await underFakeTimers({ defaultBehaviour: { kind: "hang" } }, { policySource: fixed(disclaimerOnly("block", true, onError)) });
    expect(event.completions).toEqual([expect.objectContaining(expected)]);
    if (onError === "block") expect((event.completions[0] as { sendModeOverride?: string }).sendModeOverride).toBeUndefined();
  });

  it("the watchdog completes when the policy and the check never finish", async () => {
    const never: PolicySource = { name: "never", load: () => new Promise(() => undefined) };
    // A fallback that also never answers is impossible with the compiled-in policy, so stall the
    // reads just under their timeout instead: the watchdog must still win.
    const { event, completedBy4s, outcomes } = await underFakeTimers({ delayMs: 1400 }, { policySource: never, watchdogMs: 1000 });
    expect(completedBy4s).toBe(1);
    expect(event.completions).toHaveLength(1);
    expect(outcomes[0]?.path).toBe("watchdog");
  });

  it("completes once even if event.completed throws", async () => {
    const event = makeEvent(true);
    const { completedBy4s } = await underFakeTimers({}, {}, event);
    expect(completedBy4s).toBe(1);
    expect(event.completions).toHaveLength(1);
  });

  it("completes once when Office.context itself throws", async () => {
    const event = makeEvent();
    const broken = { get context(): never { throw new Error("no context"); } };
    createSendHandler(broken as unknown as OfficeLike)(event);
    await jest.advanceTimersByTimeAsync(5000);
    // Support unknown (treated as Mailbox 1.12, no Send Anyway) and onError "warn": the message goes.
    expect(event.completions).toEqual([{ allowEvent: true }]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("the watchdog completes once when it fires while the disclaimer's body.setAsync is still running", async () => {
    const f = fake({ item: { to: [BEN], subject: "Rota", bodyHtml: htmlBody("Hi") }, behaviours: { "body.setAsync": { kind: "hang" } } });
    const event = makeEvent();
    const outcomes: HandlerOutcome[] = [];
    createSendHandler(f.office as unknown as OfficeLike, { policySource: fixed(disclaimerOnly("block", true, "block")), watchdogMs: 1000, callTimeoutMs: 5000, onCompleted: (o) => outcomes.push(o) })(event);
    await jest.advanceTimersByTimeAsync(900);
    expect(f.labels()).toContain("body.setAsync");
    expect(event.completions).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(200);
    expect(outcomes.map((o) => o.path)).toEqual(["watchdog"]);
    expect(event.completions).toEqual([expect.objectContaining({ allowEvent: false })]);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(event.completions).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("completes once even if onCompleted throws", async () => {
    const event = makeEvent();
    let calls = 0;
    // Reads that never answer: the watchdog completes, from a timer, where a throw would escape.
    createSendHandler(fake({ defaultBehaviour: { kind: "hang" } }).office as unknown as OfficeLike, {
      onCompleted: () => {
        calls++;
        throw new Error("diagnostics bug (injected)");
      },
    })(event);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(event.completions).toEqual([expect.objectContaining({ allowEvent: false, sendModeOverride: "promptUser" })]);
    expect(calls).toBe(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("keeps at most 3 Office calls in flight", async () => {
    const { f, event } = await underFakeTimers({ delayMs: 50 });
    expect(event.completions).toHaveLength(1);
    expect(f.maxInFlight).toBeLessThanOrEqual(3);
    expect(f.maxInFlight).toBe(3);
  });
});

describe("onMessageSendHandler — large messages", () => {
  it("handles 1,000 recipients", async () => {
    const f = fake({ item: { to: recipients(1000), subject: "Newsletter", bodyHtml: htmlBody("Newsletter", true) } });
    const { event } = await send(f, { policySource: fixed(disclaimerOnly("block", true)) });
    expect(event.completions).toHaveLength(1);
    expect(event.completions[0]).toEqual({ allowEvent: true });
  });

  it("checks a 5 MB body before the watchdog, without writing it back", async () => {
    // Fake timers: the watchdog and the fake Office's latency run on the fake clock, so this tests
    // the handler's own waits, not the machine's speed (that is measured by npm run bench).
    jest.useFakeTimers();
    const big = "The children planted sunflowers in the garden today. ".repeat(100_000);
    const f = fake({ item: { to: [BEN], subject: "Diary", bodyType: "text", bodyText: big } });
    const event = makeEvent();
    let outcome: HandlerOutcome | undefined;
    try {
      createSendHandler(f.office as unknown as OfficeLike, { policySource: fixed(disclaimerOnly("block", true)), onCompleted: (o) => (outcome = o) })(event);
      await jest.advanceTimersByTimeAsync(3000);
      expect(outcome?.path).toBe("checked");
      await jest.advanceTimersByTimeAsync(60_000);
    } finally {
      jest.useRealTimers();
    }
    if (!outcome) throw new Error("the handler did not complete");
    expect(event.completions).toHaveLength(1);
    // Too large for body.setAsync (1,000,000 characters): the finding stays.
    expect(outcome.disclaimerInserted).toBe(false);
    expect(event.completions[0]).toMatchObject({ allowEvent: false });
    expect(f.labels()).not.toContain("body.setAsync");
  });
});

describe("onMessageSendHandler — a failure of the add-in follows onError (issue 11 item 3)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** When the published policy answers, relative to the failing reads (which fail at once, or hang). */
  type Timing = "compiled-in" | "published early" | "published late";
  const kinds = { throws: { kind: "throw" }, "error result": { kind: "fail", code: 9002 }, "never calls back": { kind: "hang" } } as const;

  function sourceFor(timing: Timing, onError: "allow" | "warn" | "block"): PolicySource | undefined {
    if (timing === "compiled-in") return undefined;
    const policy = disclaimerOnly("block", true, onError);
    // "late": after every read has already failed (they fail on the next tick), within the policy budget.
    const delay = timing === "published early" ? 0 : 300;
    return { name: "published", load: () => new Promise((resolve) => setTimeout(() => resolve(policy), delay)) };
  }

  const cases: Array<[string, "allow" | "warn" | "block", Timing, keyof typeof kinds]> = [];
  for (const version of ["1.12", "1.13", "1.14", "1.15"]) {
    for (const timing of ["compiled-in", "published early", "published late"] as const) {
      // The compiled-in policy says "warn" (design.md); published policies may say anything.
      for (const onError of timing === "compiled-in" ? (["warn"] as const) : (["allow", "warn", "block"] as const)) {
        for (const kind of Object.keys(kinds) as Array<keyof typeof kinds>) cases.push([version, onError, timing, kind]);
      }
    }
  }

  it("the compiled-in policy's onError is warn (the cases below rely on it)", () => {
    expect(defaultPolicy().onError).toBe("warn");
  });

  it.each(cases)("Mailbox %s, onError %s (%s), every Office call %s", async (version, onError, timing, kind) => {
    const f = fake({ mailboxVersion: version, defaultBehaviour: kinds[kind] });
    const event = makeEvent();
    const outcomes: HandlerOutcome[] = [];
    const policySource = sourceFor(timing, onError);
    createSendHandler(f.office as unknown as OfficeLike, { ...(policySource ? { policySource } : {}), onCompleted: (o) => outcomes.push(o) })(event);
    await jest.advanceTimersByTimeAsync(4000);
    expect(event.completions).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(event.completions).toHaveLength(1);
    expect(outcomes).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);

    const done = event.completions[0] as Office.SmartAlertsEventCompletedOptions;
    const promptUser = version === "1.14" || version === "1.15";
    if (onError === "block") {
      expect(done.allowEvent).toBe(false);
      expect(done.sendModeOverride).toBeUndefined();
      expect(done.errorMessage).toMatch(/could not finish checking/);
    } else if (onError === "warn" && promptUser) {
      // The warning is shown, and Send Anyway lets the message go.
      expect(done).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", errorMessage: expect.stringMatching(/Send Anyway/) });
    } else {
      // "allow", or "warn" where the client cannot offer Send Anyway (1.12–1.13): the message goes.
      expect(done).toEqual({ allowEvent: true });
    }
  });

  it("a published policy that answers after its budget is not waited for: the compiled-in onError applies", async () => {
    const f = fake({ defaultBehaviour: { kind: "fail" } });
    const event = makeEvent();
    const slow: PolicySource = { name: "published", load: () => new Promise((resolve) => setTimeout(() => resolve(disclaimerOnly("block", true, "block")), 2000)) };
    createSendHandler(f.office as unknown as OfficeLike, { policySource: slow, policyBudgetMs: 500 })(event);
    await jest.advanceTimersByTimeAsync(600);
    expect(event.completions).toEqual([expect.objectContaining({ allowEvent: false, sendModeOverride: "promptUser" })]);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(event.completions).toHaveLength(1);
  });
});

describe("onMessageSendHandler — a reason saved in the task pane (issue 11 item 2)", () => {
  const warnPolicy = fixed(disclaimerOnly("warn", false));
  const item = { to: [BEN], subject: "Rota", bodyHtml: htmlBody("No disclaimer here.") };

  async function saveFor(f: FakeOffice): Promise<void> {
    const { readDraft } = await import("../office/read-draft");
    const { createCallQueue } = await import("../office/office-async");
    const { draftFingerprint } = await import("../core/model/fingerprint");
    const { saveReason } = await import("../office/saved-reason");
    const mailbox = (f.office as unknown as OfficeLike).context.mailbox;
    const read = await readDraft(mailbox, { queue: createCallQueue(), supports: () => true });
    const session = (mailbox.item as unknown as { sessionData: import("../office/saved-reason").SessionDataLike }).sessionData;
    await saveReason(session, { reason: "The parent asked for it in writing", ruleIds: ["disclaimer"], fingerprint: draftFingerprint(read.draft) }, createCallQueue());
  }

  it("hands the saved reason to the report once, and removes it from the message", async () => {
    const f = fake({ item });
    await saveFor(f);
    const { event, outcome } = await send(f, { policySource: warnPolicy });
    expect(event.completions[0]).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(outcome.savedReason?.reason).toBe("The parent asked for it in writing");
    expect(outcome.savedReason?.fingerprint).toBe(outcome.fingerprint);
    expect(f.sessionData).toEqual({});
    // A second Send has nothing left to count.
    const again = await send(f, { policySource: warnPolicy });
    expect(again.outcome.savedReason).toBeUndefined();
  });

  it("drops the reason when the message changed after it was saved", async () => {
    const f = fake({ item });
    await saveFor(f);
    f.item.subject = "Rota (changed)";
    const { outcome } = await send(f, { policySource: warnPolicy });
    expect(outcome.savedReason?.fingerprint).not.toBe(outcome.fingerprint);
    expect(f.sessionData).toEqual({});
  });
});
