/** The Smart Alerts dialog per client and requirement set, and its Markdown. */
import { parseSmartAlertsMarkdown, smartAlertsDialog, type DialogInput } from "./smart-alerts";

const base: DialogInput = {
  options: undefined,
  client: "web",
  requirementSet: "1.15",
  manifestSendMode: "softBlock",
  addinName: "Etiquette Guard",
  commandIds: ["msgComposeOpenPaneButton"],
};

const blocked = {
  allowEvent: false,
  errorMessage: "Plain words.",
  errorMessageMarkdown: "**Bold** words.",
  cancelLabel: "Fix it",
  commandId: "msgComposeOpenPaneButton",
  contextData: '{"findingIds":["disclaimer#1"]}',
};

describe("smartAlertsDialog", () => {
  it("sends when the handler allows it or gives no options", () => {
    expect(smartAlertsDialog({ ...base, options: { allowEvent: true } })).toBeNull();
    expect(smartAlertsDialog(base)).toBeNull();
  });

  it("shows Markdown, Don't Send and Take Action with the cancelLabel on the web with 1.15", () => {
    const d = smartAlertsDialog({ ...base, options: blocked });
    expect(d?.message).toEqual({ format: "markdown", text: "**Bold** words." });
    expect(d?.buttons).toEqual([
      { action: "dontSend", label: "Don't Send" },
      { action: "takeAction", label: "Fix it" },
    ]);
    expect(d?.opensPane).toBe("takeAction");
    expect(d?.contextData).toBe('{"findingIds":["disclaimer#1"]}');
  });

  it("uses the plain message before 1.15 and relabels Don't Send in classic 1.14 and on Mac", () => {
    const classic = smartAlertsDialog({ ...base, client: "classic", requirementSet: "1.14", options: blocked });
    expect(classic?.message.format).toBe("plain");
    expect(classic?.buttons).toEqual([{ action: "dontSend", label: "Fix it" }]);
    expect(classic?.opensPane).toBe("dontSend");
    const mac = smartAlertsDialog({ ...base, client: "mac", requirementSet: "1.15", options: blocked });
    expect(mac?.message.format).toBe("plain");
    expect(mac?.buttons.map((b) => b.label)).toEqual(["Fix it"]);
  });

  it("offers no task pane and ignores sendModeOverride on 1.12", () => {
    const d = smartAlertsDialog({ ...base, requirementSet: "1.12", options: { ...blocked, sendModeOverride: "promptUser" } });
    expect(d?.buttons).toEqual([{ action: "dontSend", label: "Don't Send" }]);
    expect(d?.opensPane).toBeUndefined();
    expect(d?.problems.join(" ")).toMatch(/sendModeOverride needs Mailbox 1.14/);
  });

  it("adds Send Anyway for promptUser (1.14)", () => {
    const d = smartAlertsDialog({ ...base, requirementSet: "1.14", options: { ...blocked, sendModeOverride: "promptUser" } });
    expect(d?.buttons.map((b) => b.label)).toEqual(["Send Anyway", "Don't Send", "Fix it"]);
  });

  it("enforces the 500-character and 20-character limits", () => {
    const d = smartAlertsDialog({ ...base, requirementSet: "1.14", options: { allowEvent: false, errorMessage: "x".repeat(501), cancelLabel: "A label longer than twenty", commandId: "msgComposeOpenPaneButton" } });
    expect(d?.message.text).toBe("Etiquette Guard is preventing this email from being sent.");
    expect(d?.buttons.at(-1)?.label).toHaveLength(20);
    expect(d?.problems).toHaveLength(2);
  });

  it("falls back to the generic text and flags an unknown commandId", () => {
    const d = smartAlertsDialog({ ...base, options: { allowEvent: false, commandId: "nope" } });
    expect(d?.message.text).toBe("Etiquette Guard is preventing this email from being sent.");
    expect(d?.opensPane).toBeUndefined();
    expect(d?.problems.join(" ")).toMatch(/not a task pane button/);
  });
});

describe("parseSmartAlertsMarkdown", () => {
  it("reads bold, italics, escapes, https links and lists ended by \\r", () => {
    const blocks = parseSmartAlertsMarkdown("This e\\-mail **can't** go.\n\n- *one*\r- [policy](https://example.org/p)\r\n\n1. first\r");
    expect(blocks).toEqual([
      { kind: "paragraph", spans: [{ text: "This e-mail " }, { text: "can't", bold: true }, { text: " go." }] },
      { kind: "list", ordered: false, items: [[{ text: "one", italic: true }], [{ text: "policy", href: "https://example.org/p" }]] },
      { kind: "list", ordered: true, items: [[{ text: "first" }]] },
    ]);
  });
  it("does not turn http links into links", () => {
    expect(parseSmartAlertsMarkdown("[x](http://example.org)")).toEqual([{ kind: "paragraph", spans: [{ text: "[x](http://example.org)" }] }]);
  });
});

describe("parseSmartAlertsMarkdown and escaped emphasis", () => {
  it("unescapes inside bold text, as the handler escapes every special character", () => {
    expect(parseSmartAlertsMarkdown("**This e\\-mail can't be sent \\(yet\\)\\.**")).toEqual([
      { kind: "paragraph", spans: [{ text: "This e-mail can't be sent (yet).", bold: true }] },
    ]);
    expect(parseSmartAlertsMarkdown("a \\* b \\_ c")).toEqual([{ kind: "paragraph", spans: [{ text: "a * b _ c" }] }]);
  });
});
