/**
 * The task pane with fake services: findings most serious first with clause and evidence,
 * one-click fixes, live re-check, sending, and the loading / error / all-clear states.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPane } from "../../test/ui/render";
import { heatedPolicy, onlyRules } from "../../test/ui/policies";
import twelveParents from "../../samples/twelve-parents-in-to.json";
import cleanRota from "../../samples/clean-rota-internal.json";

const DISCLAIMER_TEXT =
  "This e-mail and any attachments are confidential and intended only for the person or organisation to whom they are addressed. If you have received this e-mail in error, please tell the sender and delete it; do not copy, forward or use its contents. Views expressed are those of the sender and not necessarily those of Norcot Early Years Centre. Norcot Early Years Centre — www.norcotearlyyearscentre.co.uk";

function staff(n: number) {
  return Array.from({ length: n }, (_, i) => ({ email: `staff${i}@norcotearlyyearscentre.co.uk`, type: "user" }));
}

describe("task pane", () => {
  it("shows a loading state, then All clear for a clean message", async () => {
    renderPane({ draft: cleanRota });
    expect(screen.getByText("Checking your message…")).toBeTruthy();
    expect(await screen.findByText("All clear.")).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Problems found" })).toBeNull();
    expect(screen.getByRole("button", { name: "Send now" })).toBeTruthy();
  });

  it("explains a blocked message: plain words, quoted clause, policy link and masked evidence", async () => {
    const policy = onlyRules({ "bcc-for-bulk-mail": "block" });
    renderPane({ draft: twelveParents, policy });
    const list = await screen.findByRole("list", { name: "Problems found" });
    const card = within(list).getByRole("article", { name: "Parents' addresses visible to each other" });
    expect(within(card).getByText("Must fix")).toBeTruthy();
    expect(
      within(card).getByText(
        "This e-mail shows the addresses of 12 people outside the Centre to each other in To or Cc. Please move them to Bcc to keep every family's address private.",
      ),
    ).toBeTruthy();
    expect(within(card).getByText(/never disclose personal information about a colleague or pupils online/)).toBeTruthy();
    const link = within(card).getByRole("link", { name: /Policy: Compliance with related policies and agreements/ });
    expect(link.getAttribute("href")).toBe("policy.html#compliance-with-related-policies-and-agreements");
    expect(card.textContent).toContain("s•••@gmail.com");
    expect(card.textContent).not.toContain("sophie.patel84@gmail.com");
    expect(screen.queryByRole("button", { name: "Send now" })).toBeNull();
    expect(screen.getByText(/Fix everything marked “Must fix”/)).toBeTruthy();
  });

  it("moves the parents to Bcc with one click, then offers Send now", async () => {
    const user = userEvent.setup();
    const { fake } = renderPane({ draft: twelveParents, policy: onlyRules({ "bcc-for-bulk-mail": "block" }) });
    await user.click(await screen.findByRole("button", { name: "Move 12 addresses to Bcc" }));
    expect(await screen.findByText("All clear.")).toBeTruthy();
    expect(fake.calls.fixes).toEqual([{ kind: "move-to-bcc", targets: expect.arrayContaining(["sophie.patel84@gmail.com", "olivia.green@aol.com"]) }]);
    expect(fake.draft().to).toHaveLength(0);
    expect(fake.draft().bcc).toHaveLength(12);
    expect(screen.getByRole("status").textContent).toContain("Moved 12 addresses to Bcc.");
    await user.click(screen.getByRole("button", { name: "Send now" }));
    await waitFor(() => expect(fake.calls.sends).toBe(1));
  });

  it("says what to do by hand where the client cannot apply a fix", async () => {
    renderPane({ draft: twelveParents, policy: onlyRules({ "bcc-for-bulk-mail": "block" }), capabilities: { moveToBcc: false } });
    const card = await screen.findByRole("article", { name: "Parents' addresses visible to each other" });
    // No fix button: only the false-positive report is offered.
    expect(within(card).getAllByRole("button").map((b) => b.textContent)).toEqual(["This warning is wrong"]);
    expect(within(card).getByText(/doesn't let add-ins move recipients/)).toBeTruthy();
  });

  it("lists block findings before warnings", async () => {
    const draft = { ...twelveParents, cc: staff(20) };
    renderPane({ draft, policy: onlyRules({ "bcc-for-bulk-mail": "block", "audience-size": "warn" }) });
    const list = await screen.findByRole("list", { name: "Problems found" });
    const titles = within(list)
      .getAllByRole("article")
      .map((a) => within(a).getByRole("heading").textContent);
    expect(titles).toEqual(["Parents' addresses visible to each other", "Too many recipients"]);
    expect(screen.getByText("1 problem to fix before sending and 1 thing to check.")).toBeTruthy();
  });

  it("inserts the disclaimer and the finding disappears", async () => {
    const user = userEvent.setup();
    const draft = { ...cleanRota, body: "Hi Ben,\n\nSee you at handover.\n\nAmy" };
    const { fake } = renderPane({ draft, policy: onlyRules({ disclaimer: ["block", { autoInsert: false }] }) });
    await user.click(await screen.findByRole("button", { name: "Insert the disclaimer" }));
    expect(await screen.findByText("All clear.")).toBeTruthy();
    expect(fake.calls.fixes[0]).toMatchObject({ kind: "insert-disclaimer", disclaimer: { text: DISCLAIMER_TEXT } });
  });

  it("re-checks live when recipients change, without reopening", async () => {
    const { fake } = renderPane({ draft: cleanRota, policy: onlyRules({ "bcc-for-bulk-mail": "block" }) });
    expect(await screen.findByText("All clear.")).toBeTruthy();
    fake.setDraft(twelveParents);
    act(() => fake.emit("recipients"));
    expect(await screen.findByRole("article", { name: "Parents' addresses visible to each other" })).toBeTruthy();
    fake.setDraft(cleanRota);
    act(() => fake.emit("recipients"));
    expect(await screen.findByText("All clear.")).toBeTruthy();
  });

  it("polls the body while the pane is open", async () => {
    const fake = (await import("../../test/ui/fake-services")).createFakeServices({ draft: cleanRota, policy: heatedPolicy() });
    const { render } = await import("@testing-library/react");
    const { Root } = await import("./Root");
    render(<Root debounceMs={0} pollMs={20} services={fake.services} />);
    expect(await screen.findByText("All clear.")).toBeTruthy();
    fake.setDraft({ ...cleanRota, body: "WHY is this not done!!!" });
    expect(await screen.findByRole("article", { name: "Written in the heat of the moment" })).toBeTruthy();
  });

  it("shows an error state and recovers with Try again", async () => {
    const user = userEvent.setup();
    renderPane({ draft: cleanRota, failReads: 1 });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("We couldn't check this message.");
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("All clear.")).toBeTruthy();
  });

  it("reports a fix that Outlook refused", async () => {
    const user = userEvent.setup();
    renderPane({ draft: twelveParents, policy: onlyRules({ "bcc-for-bulk-mail": "block" }), failFix: "bcc.add: failed (code 9041)" });
    await user.click(await screen.findByRole("button", { name: "Move 12 addresses to Bcc" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("That didn't work.");
    expect(alert.textContent).toContain("code 9041");
    expect(screen.getByRole("article", { name: "Parents' addresses visible to each other" })).toBeTruthy();
  });

  it("sends with a reason for warnings and keeps only rule ids and the reason", async () => {
    const user = userEvent.setup();
    const draft = { ...cleanRota, to: staff(30) };
    const { fake } = renderPane({ draft, policy: onlyRules({ "audience-size": "warn" }) });
    await user.click(await screen.findByRole("button", { name: "Save my reason and send" }));
    expect(screen.getByText(/Please write at least 10 characters/)).toBeTruthy();
    expect(fake.calls.sends).toBe(0);
    await user.type(screen.getByRole("textbox", { name: "Why should this message go as it is?" }), "Whole-staff fire drill notice");
    await user.click(screen.getByRole("button", { name: "Save my reason and send" }));
    await waitFor(() => expect(fake.calls.sends).toBe(1));
    expect(fake.calls.events).toEqual([{ kind: "sent-with-reason", ruleIds: ["audience-size"], reason: "Whole-staff fire drill notice", at: expect.any(String) }]);
  });

  it("without Mailbox 1.15, saves the reason and tells the sender to press Send", async () => {
    const user = userEvent.setup();
    const draft = { ...cleanRota, to: staff(30) };
    const { fake } = renderPane({ draft, policy: onlyRules({ "audience-size": "warn" }), capabilities: { sendNow: false } });
    await user.type(await screen.findByRole("textbox", { name: "Why should this message go as it is?" }), "Whole-staff fire drill notice");
    await user.click(screen.getByRole("button", { name: "Save my reason" }));
    expect((await screen.findByText(/Reason saved/)).textContent).toBe("Reason saved — press Send, then Send Anyway.");
    expect(fake.calls.sends).toBe(0);
    expect(fake.calls.events).toHaveLength(1);
  });

  it("offers Send in 10 minutes for heated mail and explains what this Outlook does", async () => {
    const user = userEvent.setup();
    const draft = { ...cleanRota, body: "Why is this STILL not done!!!" };
    const { fake } = renderPane({ draft, policy: heatedPolicy(), client: "classic" });
    const card = await screen.findByRole("article", { name: "Written in the heat of the moment" });
    expect(within(card).getByText(/In classic Outlook for Windows it won't wait in your Outbox/)).toBeTruthy();
    await user.click(within(card).getByRole("button", { name: "Send in 10 minutes" }));
    await waitFor(() => expect(fake.calls.sends).toBe(1));
    expect(fake.calls.delays[0]?.getTime()).toBe(new Date(2026, 4, 14, 9, 40, 0).getTime());
    expect(screen.getByRole("status").textContent).toContain("09:40");
  });

  it("says so instead of a dead button when delayed delivery is not supported (before 1.13)", async () => {
    renderPane({ draft: { ...cleanRota, body: "Not again!!!" }, policy: heatedPolicy(), capabilities: { delaySend: false, sendNow: false } });
    const card = await screen.findByRole("article", { name: "Written in the heat of the moment" });
    expect(within(card).queryByRole("button", { name: "Send in 10 minutes" })).toBeNull();
    expect(within(card).getByText(/can't delay a message from an add-in/)).toBeTruthy();
  });

  it("highlights what the send dialog was about (Take Action), and follows a new context", async () => {
    const { fake } = renderPane({
      draft: twelveParents,
      policy: onlyRules({ "bcc-for-bulk-mail": "block" }),
      initContext: JSON.stringify({ source: "etiquette-guard", verdict: "block", findingIds: ["bcc-for-bulk-mail#1"] }),
    });
    expect(await screen.findByText("Your message wasn't sent yet.")).toBeTruthy();
    act(() => fake.fireContext(JSON.stringify({ findingIds: [] })));
    expect(await screen.findByText("Your message wasn't sent yet.")).toBeTruthy();
  });

  it("does not show monitor findings to the sender", async () => {
    renderPane({ draft: twelveParents, policy: onlyRules({ "bcc-for-bulk-mail": "monitor" }) });
    expect(await screen.findByText("All clear.")).toBeTruthy();
  });

  it("is usable with the keyboard alone", async () => {
    const user = userEvent.setup();
    const { fake } = renderPane({ draft: twelveParents, policy: onlyRules({ "bcc-for-bulk-mail": "block" }) });
    await screen.findByRole("button", { name: "Move 12 addresses to Bcc" });
    await user.tab();
    expect(document.activeElement?.textContent).toContain("Policy: Compliance");
    await user.tab();
    expect(document.activeElement?.textContent).toBe("Move 12 addresses to Bcc");
    await user.keyboard("{Enter}");
    expect(await screen.findByText("All clear.")).toBeTruthy();
    expect(fake.calls.fixes).toHaveLength(1);
  });
});
