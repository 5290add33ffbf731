/**
 * Issue 11 items 1 and 4 in the task pane: after a one-click fix the whole message is checked
 * again, and the pane never calls a message "All clear" or offers Send now when Outlook could
 * not send it; a disclaimer that Send adds by itself is shown as such, not as a problem.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaultOrganisation } from "../../src/core/policy/default-organisation";
import { defineRule } from "../../src/core/rules/rule";
import { rules, type NormalizedPolicy } from "../../src/core";
import { renderPane } from "./render";
import { onlyRules } from "./policies";
import cleanRota from "../../samples/clean-rota-internal.json";
import missingDisclaimer from "../../samples/missing-disclaimer.json";

/** Like no-offensive-forward: offers to remove every outside recipient. */
const removeOutsiders = defineRule({
  meta: {
    id: "no-offensive-forward",
    title: "Forwarding offensive material",
    description: "Test rule",
    category: "content",
    defaultSeverity: "block",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: { offensiveForward: "Please do not forward it; report it to SMT instead." },
    clause: rules["no-offensive-forward"]!.meta.clause,
  },
  check(snapshot, context) {
    const outside = snapshot.recipients.filter((r) => r.external).map((r) => r.email);
    if (outside.length > 0) context.report({ messageId: "offensiveForward", field: "recipients", evidence: "", fix: { kind: "remove-recipients", targets: outside } });
  },
});

function policyOf(rule: typeof removeOutsiders): NormalizedPolicy {
  return { version: 1, onError: "warn", organisation: defaultOrganisation, rules: [{ rule, severity: "block", options: {} }], severities: { [rule.meta.id]: "block" } };
}

describe("the pane after a one-click fix", () => {
  it("says the message has no recipients left instead of All clear, and offers no Send now", async () => {
    const user = userEvent.setup();
    const draft = { ...cleanRota, to: [{ email: "friend@gmail.com", type: "externalUser" }], cc: [], bcc: [] };
    const { fake } = renderPane({ draft, policy: policyOf(removeOutsiders) });
    await user.click(await screen.findByRole("button", { name: "Remove 1 recipient" }));
    expect(await screen.findByText("This message can't be sent yet.")).toBeTruthy();
    expect(screen.getByText(/no recipients/)).toBeTruthy();
    expect(fake.draft().to).toHaveLength(0);
    expect(screen.queryByText("All clear.")).toBeNull();
    expect(screen.queryByRole("button", { name: "Send now" })).toBeNull();
  });

  it("says the message is empty when nothing but a removed attachment was in it", async () => {
    const user = userEvent.setup();
    const draft = { ...cleanRota, subject: "", body: "", attachments: [{ name: "song.mp3", size: 4_000_000, contentType: "audio/mpeg" }] };
    renderPane({ draft, policy: onlyRules({ "no-media-attachment": "block" }) });
    await user.click(await screen.findByRole("button", { name: /Remove song\.mp3/ }));
    expect(await screen.findByText("This message can't be sent yet.")).toBeTruthy();
    expect(screen.getByText(/no subject, no text and no attachments/)).toBeTruthy();
    expect(screen.queryByText("All clear.")).toBeNull();
    expect(screen.queryByRole("button", { name: "Send now" })).toBeNull();
  });

  it("still offers Send now once the fix leaves a message Outlook can send", async () => {
    const user = userEvent.setup();
    const draft = { ...cleanRota, to: [...cleanRota.to, { email: "friend@gmail.com", type: "externalUser" }] };
    const { fake } = renderPane({ draft, policy: policyOf(removeOutsiders) });
    await user.click(await screen.findByRole("button", { name: "Remove 1 recipient" }));
    expect(await screen.findByText("All clear.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Send now" }));
    await waitFor(() => expect(fake.calls.sends).toBe(1));
  });
});

describe("a disclaimer that Send adds by itself", () => {
  it("is shown as added at Send, not as a problem to fix, and the message can be sent", async () => {
    renderPane({ draft: missingDisclaimer, policy: onlyRules({ disclaimer: ["block", { autoInsert: true }] }) });
    const card = await screen.findByRole("article", { name: "Standard disclaimer missing" });
    expect(within(card).getByText("Added when you send")).toBeTruthy();
    expect(within(card).queryByText("Must fix")).toBeNull();
    expect(screen.getByText("Nothing to fix. 1 thing will be put right when you send.")).toBeTruthy();
    expect(screen.queryByText(/to fix before sending/)).toBeNull();
    expect(screen.getByRole("button", { name: "Send now" })).toBeTruthy();
  });
});
