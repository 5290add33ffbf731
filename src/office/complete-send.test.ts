import type { Finding, Report, Severity } from "../core";
import { CLAUSES } from "../core";
import { completionFor, failureCompletion } from "./complete-send";

/** The manifest's compose button (manifest.xml `<Control id>`). */
const PANE_BUTTON = "msgComposeOpenPaneButton";
const ids = { commandId: PANE_BUTTON };
/** Smart Alerts allows 500 characters of dialog text. */
const MAX_MESSAGE = 500;
const v1_12 = { mailbox1_14: false, mailbox1_15: false };
const v1_14 = { mailbox1_14: true, mailbox1_15: false };
const v1_15 = { mailbox1_14: true, mailbox1_15: true };

function finding(ruleId: string, severity: Exclude<Severity, "off">, n = 1, message = `Message for ${ruleId}.`, evidence = "jane.parent@gmail.com"): Finding {
  return { id: `${ruleId}#${n}`, ruleId, severity, messageId: "m", message, field: "body", evidence, clause: CLAUSES.disclaimer };
}

/** The disclaimer finding the engine gives when Send will add the disclaimer by itself. */
const disclaimerAtSend: Finding = { ...finding("disclaimer", "block"), fixedAtSend: true };

/**
 * A report as the engine gives it: findings most serious first, with the verdict stated by
 * each test (completionFor takes the engine's verdict; it does not work one out).
 */
function report(verdict: Report["verdict"], findings: Finding[]): Report {
  return { verdict, findings, rulesRun: [] };
}

describe("completionFor", () => {
  it("allows a message with no findings", () => {
    expect(completionFor(report("send", []), v1_15, ids)).toEqual({ allowEvent: true });
  });

  it("allows a message with only monitor findings and never shows them", () => {
    expect(completionFor(report("send", [finding("no-heated-tone", "monitor")]), v1_15, ids)).toEqual({ allowEvent: true });
  });

  it("prompts (Send Anyway) when the highest severity is warn, on Mailbox 1.14", () => {
    const o = completionFor(report("warn", [finding("subject-required", "warn")]), v1_14, ids);
    expect(o.allowEvent).toBe(false);
    expect(o.sendModeOverride).toBe("promptUser");
    expect(o.cancelLabel).toBe("Fix it");
    expect(o.commandId).toBe(PANE_BUTTON);
    expect(o.errorMessageMarkdown).toBeUndefined();
    expect(JSON.parse(o.contextData as string)).toEqual({ source: "etiquette-guard", verdict: "warn", findingIds: ["subject-required#1"] });
  });

  it("blocks under the manifest's SoftBlock when the highest severity is block", () => {
    const o = completionFor(report("block", [finding("bcc-for-bulk-mail", "block"), finding("subject-required", "warn")]), v1_14, ids);
    expect(o.allowEvent).toBe(false);
    expect(o.sendModeOverride).toBeUndefined();
    expect(o.commandId).toBe(PANE_BUTTON);
    expect(JSON.parse(o.contextData as string)).toEqual({ source: "etiquette-guard", verdict: "block", findingIds: ["bcc-for-bulk-mail#1", "subject-required#1"] });
  });

  it("gives only allowEvent and errorMessage on Mailbox 1.12 / 1.13", () => {
    for (const severity of ["warn", "block"] as const) {
      const o = completionFor(report(severity, [finding("subject-required", severity)]), v1_12, ids);
      expect(Object.keys(o).sort()).toEqual(["allowEvent", "errorMessage"]);
      expect(o.allowEvent).toBe(false);
    }
  });

  it("adds markdown on Mailbox 1.15 and keeps the plain message", () => {
    const o = completionFor(report("block", [finding("bcc-for-bulk-mail", "block"), finding("subject-required", "warn")]), v1_15, ids);
    expect(o.errorMessage).toEqual(expect.any(String));
    expect(o.errorMessageMarkdown).toContain("**Parents' addresses visible to each other**");
    expect(o.errorMessageMarkdown).toContain("- Missing or meaningless subject\r");
    expect(o.errorMessageMarkdown!.length).toBeLessThanOrEqual(MAX_MESSAGE);
  });

  it("leads with the most serious finding and names its rule by title", () => {
    const o = completionFor(report("block", [finding("disclaimer", "block"), finding("subject-required", "warn")]), v1_14, ids);
    const text = o.errorMessage as string;
    expect(text.indexOf("Standard disclaimer missing")).toBeGreaterThan(-1);
    expect(text.indexOf("Standard disclaimer missing")).toBeLessThan(text.indexOf("Missing or meaningless subject"));
    expect(text).toContain("Message for disclaimer.");
    expect(text).not.toContain("Message for subject-required.");
  });

  it("lets a message go when its only finding is the disclaimer Send adds by itself", () => {
    expect(completionFor(report("send", [disclaimerAtSend]), v1_15, ids)).toEqual({ allowEvent: true });
  });

  it("prompts, not blocks, when a warning comes with the disclaimer Send adds by itself", () => {
    const o = completionFor(report("warn", [disclaimerAtSend, finding("subject-required", "warn")]), v1_14, ids);
    expect(o.sendModeOverride).toBe("promptUser");
    expect(o.errorMessage).toBe(
      "Please check this e-mail before it goes. Missing or meaningless subject: Message for subject-required. Select Fix it to review it, or Send Anyway if it is right as it is.",
    );
    expect(JSON.parse(o.contextData as string)).toEqual({ source: "etiquette-guard", verdict: "warn", findingIds: ["subject-required#1"] });
  });

  it("shows the findings in the engine's order, without sorting them again", () => {
    // A report the engine would never give (warn before block) shows that the order is the report's.
    const o = completionFor(report("block", [finding("subject-required", "warn"), finding("bcc-for-bulk-mail", "block")]), v1_14, ids);
    expect(JSON.parse(o.contextData as string).findingIds).toEqual(["subject-required#1", "bcc-for-bulk-mail#1"]);
  });

  it("never quotes evidence", () => {
    const o = completionFor(report("block", [finding("no-personal-data", "block", 1, "Personal data is going outside the Centre.", "DOB 01/02/2019 for Oliver Smith")]), v1_15, ids);
    for (const text of [o.errorMessage, o.errorMessageMarkdown, o.contextData]) {
      expect(text).not.toContain("Oliver");
      expect(text).not.toContain("01/02/2019");
    }
  });

  it("fits 500 characters with very long messages and many rules", () => {
    const long = "This is a very long explanation of a problem. ".repeat(40);
    const many = ["disclaimer", "bcc-for-bulk-mail", "audience-size", "no-heated-tone", "subject-required", "no-chain-mail"].map((id, i) => finding(id, i < 2 ? "block" : "warn", 1, long));
    const o = completionFor(report("block", many), v1_15, ids);
    expect((o.errorMessage as string).length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect((o.errorMessageMarkdown as string).length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(o.errorMessage).toContain("Standard disclaimer missing");
    expect(o.errorMessage).toMatch(/and 3 more/);
    expect((o.cancelLabel as string).length).toBeLessThanOrEqual(20);
  });

  it("counts several findings of one rule once, and lists every shown id in contextData", () => {
    const o = completionFor(report("block", [finding("bcc-for-bulk-mail", "block", 1), finding("bcc-for-bulk-mail", "block", 2), finding("subject-required", "warn"), finding("x", "monitor")]), v1_14, ids);
    expect(JSON.parse(o.contextData as string).findingIds).toEqual(["bcc-for-bulk-mail#1", "bcc-for-bulk-mail#2", "subject-required#1"]);
    expect((o.errorMessage as string).split("Parents' addresses visible to each other").length).toBe(2);
  });
});

describe("failureCompletion", () => {
  it("follows onError", () => {
    expect(failureCompletion("allow", v1_15)).toEqual({ allowEvent: true });
    const warn = failureCompletion("warn", v1_15);
    expect(warn).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(warn.errorMessage).toMatch(/could not finish/);
    expect(warn.errorMessageMarkdown).toMatch(/could not finish/);
    const block = failureCompletion("block", v1_15);
    expect(block.allowEvent).toBe(false);
    expect(block.sendModeOverride).toBeUndefined();
    expect(block.errorMessage).toMatch(/could not finish/);
  });

  it("has no 1.14/1.15 options on older clients", () => {
    expect(Object.keys(failureCompletion("block", v1_12)).sort()).toEqual(["allowEvent", "errorMessage"]);
  });

  it("lets the message go for warn where the client cannot offer Send Anyway (1.12–1.13)", () => {
    expect(failureCompletion("warn", v1_12)).toEqual({ allowEvent: true });
    expect(failureCompletion("block", v1_12).allowEvent).toBe(false);
  });
});
