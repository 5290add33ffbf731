/**
 * axe-core over the task pane in jsdom, in each of its states. Colour contrast needs real
 * layout, so it is checked in the browser (test/e2e) instead.
 */
import axe from "axe-core";
import { screen } from "@testing-library/react";
import { renderPane } from "./render";
import { heatedPolicy, onlyRules } from "./policies";
import twelveParents from "../../samples/twelve-parents-in-to.json";
import cleanRota from "../../samples/clean-rota-internal.json";

async function violations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("task pane accessibility (axe-core, jsdom)", () => {
  // Each case runs axe-core over the whole pane in jsdom, twice in the last one: a few seconds on
  // a busy 2-core machine, which timed out at Jest's default 5 s in a fresh-clone CI run.
  jest.setTimeout(30_000);

  it("has no violations with findings listed", async () => {
    const { container } = renderPane({ draft: { ...twelveParents, cc: [{ email: "x@norcotearlyyearscentre.co.uk" }] }, policy: onlyRules({ "bcc-for-bulk-mail": "block", "audience-size": ["warn", { threshold: 5 }] }) });
    await screen.findByRole("list", { name: "Problems found" });
    expect(await violations(container)).toEqual([]);
  });

  it("has no violations with the reason form and delay explanation", async () => {
    const { container } = renderPane({ draft: { ...cleanRota, body: "Not again!!!" }, policy: heatedPolicy() });
    await screen.findByRole("textbox", { name: "Why should this message go as it is?" });
    expect(await violations(container)).toEqual([]);
  });

  it("has no violations when all clear, and in the error state", async () => {
    const clear = renderPane({ draft: cleanRota });
    await screen.findByText("All clear.");
    expect(await violations(clear.container)).toEqual([]);
    clear.unmount();
    const failed = renderPane({ draft: cleanRota, failReads: 5 });
    await screen.findByRole("alert");
    expect(await violations(failed.container)).toEqual([]);
  });
});
