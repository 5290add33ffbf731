/**
 * "This warning is wrong" on a finding card: the sender reports a false positive to SMT; the
 * flagged words go only when the box is ticked; keyboard use, confirmation, errors and axe.
 */
import axe from "axe-core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaultPolicy } from "../../src/core";
import { renderPane } from "./render";
import { onlyRules } from "./policies";
import hoax from "../../samples/hoax-virus-warning.json";
import twelveParents from "../../samples/twelve-parents-in-to.json";

const CHAIN_TITLE = /chain|hoax/i;
const WRONG = "This warning is wrong";
const INCLUDE = /^Include the flagged words \(“virus”, “If you receive an e-mail called”, “This is not a hoax”, “Better safe than sorry”\) in the report$/;

async function openReport(policy = onlyRules({ "no-chain-mail": "warn" })) {
  const user = userEvent.setup();
  const pane = renderPane({ draft: hoax, policy });
  const card = await screen.findByRole("article", { name: CHAIN_TITLE });
  const button = within(card).getByRole("button", { name: WRONG });
  expect(button.getAttribute("aria-expanded")).toBe("false");
  await user.click(button);
  expect(button.getAttribute("aria-expanded")).toBe("true");
  const panel = within(card).getByRole("group", { name: "Report this warning to SMT" });
  return { ...pane, user, card, button, panel };
}

describe("This warning is wrong", () => {
  it("sends the rule without the flagged words when the box is left unticked", async () => {
    const { user, panel, card, fake } = await openReport();
    const box = within(panel).getByRole("checkbox", { name: INCLUDE });
    expect((box as HTMLInputElement).checked).toBe(false);
    await user.click(within(panel).getByRole("button", { name: "Send to SMT" }));
    const thanks = await within(card).findByText("Thanks — SMT will review this rule.");
    expect(fake.calls.events).toEqual([{ kind: "false-positive", ruleId: "no-chain-mail", verdict: "warn", at: expect.any(String) }]);
    expect(fake.calls.events[0]).not.toHaveProperty("words");
    expect(document.activeElement).toBe(thanks);
    expect(within(card).queryByRole("button", { name: WRONG })).toBeNull();
  });

  it("sends the flagged words when the box is ticked", async () => {
    const { user, panel, card, fake } = await openReport(onlyRules({ "no-chain-mail": "block" }));
    await user.click(within(panel).getByRole("checkbox", { name: INCLUDE }));
    await user.click(within(panel).getByRole("button", { name: "Send to SMT" }));
    await within(card).findByText("Thanks — SMT will review this rule.");
    expect(fake.calls.events).toEqual([
      { kind: "false-positive", ruleId: "no-chain-mail", verdict: "block", words: ["virus", "If you receive an e-mail called", "This is not a hoax", "Better safe than sorry"], at: expect.any(String) },
    ]);
  });

  it("is usable with the keyboard alone", async () => {
    const user = userEvent.setup();
    const { fake } = renderPane({ draft: hoax, policy: onlyRules({ "no-chain-mail": "warn" }) });
    const card = await screen.findByRole("article", { name: CHAIN_TITLE });
    const button = within(card).getByRole("button", { name: WRONG });
    while (document.activeElement !== button) await user.tab();
    await user.keyboard("{Enter}");
    const panel = within(card).getByRole("group", { name: "Report this warning to SMT" });
    await user.tab();
    expect(document.activeElement).toBe(within(panel).getByRole("checkbox", { name: INCLUDE }));
    await user.keyboard(" ");
    await user.tab();
    expect(document.activeElement).toBe(within(panel).getByRole("button", { name: "Send to SMT" }));
    await user.keyboard("{Enter}");
    await within(card).findByText("Thanks — SMT will review this rule.");
    expect(fake.calls.events).toEqual([expect.objectContaining({ kind: "false-positive", words: ["virus", "If you receive an e-mail called", "This is not a hoax", "Better safe than sorry"] })]);
  });

  it("closes with Cancel and sends nothing", async () => {
    const { user, panel, button, card, fake } = await openReport();
    await user.click(within(panel).getByRole("button", { name: "Cancel" }));
    expect(within(card).queryByRole("group")).toBeNull();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(fake.calls.events).toEqual([]);
  });

  it("says plainly when the report could not be sent, and lets the sender try again", async () => {
    const user = userEvent.setup();
    renderPane({ draft: hoax, policy: onlyRules({ "no-chain-mail": "warn" }), failEvents: "Storage is full" });
    const card = await screen.findByRole("article", { name: CHAIN_TITLE });
    await user.click(within(card).getByRole("button", { name: WRONG }));
    await user.click(within(card).getByRole("button", { name: "Send to SMT" }));
    const alert = await within(card).findByRole("alert");
    expect(alert.textContent).toBe("Your report wasn't sent: Storage is full. Please try again.");
    expect(within(card).queryByText("Thanks — SMT will review this rule.")).toBeNull();
    expect((within(card).getByRole("button", { name: "Send to SMT" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("offers no words where the evidence is only addresses, and never sends them", async () => {
    const user = userEvent.setup();
    const { fake } = renderPane({ draft: twelveParents, policy: onlyRules({ "bcc-for-bulk-mail": "block" }) });
    const card = await screen.findByRole("article", { name: "Parents' addresses visible to each other" });
    await user.click(within(card).getByRole("button", { name: WRONG }));
    expect(within(card).queryByRole("checkbox")).toBeNull();
    await user.click(within(card).getByRole("button", { name: "Send to SMT" }));
    await waitFor(() => expect(fake.calls.events).toHaveLength(1));
    expect(JSON.stringify(fake.calls.events)).not.toContain("@");
  });

  it("has no axe violations in the card with the panel open (and after sending)", async () => {
    const { card, user, panel } = await openReport(defaultPolicy());
    const run = async () => (await axe.run(card, { rules: { "color-contrast": { enabled: false } } })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(await run()).toEqual([]);
    await user.click(within(panel).getByRole("button", { name: "Send to SMT" }));
    await within(card).findByText("Thanks — SMT will review this rule.");
    expect(await run()).toEqual([]);
  });
});
