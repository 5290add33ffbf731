import { CLAUSES } from "../policy/clauses";
import { defaultPolicy } from "../policy/default-policy";
import { parseDraft } from "../draft/parse-draft";
import type { Finding, Report, Severity } from "../model/finding";
import { checkDraft } from "./run-rules";
import { clipText, escapeMarkdown, MAX_DIALOG_TEXT, ruleTitle, sendDecision, sendDialog } from "./send-decision";

const internal = { from: { email: "a.jones@norcotearlyyearscentre.co.uk" }, to: ["b.smith@norcotearlyyearscentre.co.uk"] };
const body = "Hi Bea,\n\nThe rota for next week is on the staff room board.\n\nAmy";
const full = { takeAction: true, markdown: true };

function finding(ruleId: string, severity: Exclude<Severity, "off">, extra: Partial<Finding> = {}): Finding {
  return { id: `${ruleId}#1`, ruleId, severity, messageId: "m", message: `Message for ${ruleId}.`, field: "body", evidence: "", clause: CLAUSES.disclaimer, ...extra };
}

describe("sendDecision with the engine and the Centre's default policy", () => {
  it("lets a message whose only finding is the missing disclaimer go: Send adds it", () => {
    const report = checkDraft(parseDraft({ ...internal, subject: "Rota for next week", body }), defaultPolicy());
    const decision = sendDecision(report);
    expect(decision.verdict).toBe("send");
    expect(decision.deciding).toEqual([]);
    expect(decision.fixedAtSend.map((f) => f.id)).toEqual(["disclaimer#1"]);
    expect(sendDialog(report, full)).toBeNull();
  });

  it("warns for an empty subject and leaves the disclaimer out of the dialog", () => {
    const report = checkDraft(parseDraft({ ...internal, subject: "", body }), defaultPolicy());
    const decision = sendDecision(report);
    expect(decision.verdict).toBe("warn");
    expect(decision.deciding.map((f) => f.id)).toEqual(["subject-required#1"]);
    expect(decision.fixedAtSend.map((f) => f.id)).toEqual(["disclaimer#1"]);
    const dialog = sendDialog(report, { takeAction: true, markdown: false });
    expect(dialog).not.toBeNull();
    expect(dialog!.verdict).toBe("warn");
    expect(dialog!.text).toBe(
      "Please check this e-mail before it goes. Missing or meaningless subject: This e-mail has no subject. Please add a few words that say what it is about, as you would head a letter. Select Fix it to review it, or Send Anyway if it is right as it is.",
    );
    expect(dialog!.markdown).toBeUndefined();
  });
});

describe("sendDecision", () => {
  it("keeps the report's verdict and order: it does not decide or sort again", () => {
    // Deliberately not in severity order: the engine's order is the one shown.
    const report: Report = { verdict: "block", findings: [finding("subject-required", "warn"), finding("bcc-for-bulk-mail", "block")], rulesRun: [] };
    const decision = sendDecision(report);
    expect(decision.verdict).toBe("block");
    expect(decision.deciding.map((f) => f.ruleId)).toEqual(["subject-required", "bcc-for-bulk-mail"]);
  });

  it("never counts monitor findings as deciding or as fixed at Send", () => {
    const report: Report = { verdict: "send", findings: [finding("no-heated-tone", "monitor"), finding("disclaimer", "monitor", { fixedAtSend: true })], rulesRun: [] };
    expect(sendDecision(report)).toEqual({ verdict: "send", deciding: [], fixedAtSend: [] });
  });

  it("puts a blocking finding that Send fixes by itself apart from the deciding ones", () => {
    const report: Report = { verdict: "warn", findings: [finding("disclaimer", "block", { fixedAtSend: true }), finding("subject-required", "warn")], rulesRun: [] };
    const decision = sendDecision(report);
    expect(decision.deciding.map((f) => f.id)).toEqual(["subject-required#1"]);
    expect(decision.fixedAtSend.map((f) => f.id)).toEqual(["disclaimer#1"]);
  });
});

describe("sendDialog", () => {
  it("holds the message back with the block wording, most serious rule first, others by title", () => {
    const report: Report = { verdict: "block", findings: [finding("bcc-for-bulk-mail", "block"), finding("subject-required", "warn")], rulesRun: [] };
    const dialog = sendDialog(report, { takeAction: true, markdown: false })!;
    expect(dialog.verdict).toBe("block");
    expect(dialog.text).toBe(
      "This e-mail can't be sent yet. Parents' addresses visible to each other: Message for bcc-for-bulk-mail. Also: Missing or meaningless subject. Select Fix it to see the details and put it right.",
    );
    expect(dialog.findings.map((f) => f.id)).toEqual(["bcc-for-bulk-mail#1", "subject-required#1"]);
  });

  it("points to the ribbon where the client has no Take Action button", () => {
    const report: Report = { verdict: "warn", findings: [finding("subject-required", "warn")], rulesRun: [] };
    expect(sendDialog(report, { takeAction: false, markdown: false })!.text).toBe(
      "Please check this e-mail before it goes. Missing or meaningless subject: Message for subject-required. Open Etiquette Guard from the ribbon to review it.",
    );
  });

  it("writes markdown with a bold lead and the other rules as a list", () => {
    const report: Report = { verdict: "block", findings: [finding("bcc-for-bulk-mail", "block"), finding("subject-required", "warn")], rulesRun: [] };
    expect(sendDialog(report, full)!.markdown).toBe(
      "**This e\\-mail can't be sent yet.**\n\n**Parents' addresses visible to each other**: Message for bcc\\-for\\-bulk\\-mail.\n\nAlso:\n\n- Missing or meaningless subject\r\n\nSelect Fix it to see the details and put it right.",
    );
  });

  it("fits 500 characters with very long messages and many rules", () => {
    const long = "This is a very long explanation of a problem. ".repeat(40);
    const ids = ["bcc-for-bulk-mail", "no-personal-data", "audience-size", "no-heated-tone", "subject-required", "no-chain-mail"];
    const report: Report = { verdict: "block", findings: ids.map((id, i) => finding(id, i < 2 ? "block" : "warn", { message: long })), rulesRun: [] };
    const dialog = sendDialog(report, full)!;
    expect(dialog.text.length).toBeLessThanOrEqual(MAX_DIALOG_TEXT);
    expect(dialog.markdown!.length).toBeLessThanOrEqual(MAX_DIALOG_TEXT);
    expect(dialog.text).toMatch(/; and 3 more\. Select Fix it/);
  });

  it("clipText cuts at a word boundary and adds an ellipsis", () => {
    expect(clipText("short", 10)).toBe("short");
    expect(clipText("one two three four five six", 15)).toBe("one two three…");
  });

  it("escapeMarkdown escapes formatting characters", () => {
    expect(escapeMarkdown("*a* _b_ [c](d) \\")).toBe("\\*a\\* \\_b\\_ \\[c\\]\\(d\\) \\\\");
  });

  it("ruleTitle uses the rule's meta.title", () => {
    expect(ruleTitle("disclaimer")).toBe("Standard disclaimer missing");
    expect(ruleTitle("unknown-rule")).toBe("Communication policy");
  });
});
