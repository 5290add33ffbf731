/**
 * Issue 11 item 6: evidence quotes what the sender wrote, and masks only personal identifiers —
 * never the sender's own address, a colleague's Centre address or an ordinary file name.
 */
import { checkDraft } from "../../src/core/engine/run-rules";
import { maskResidualPersonalData } from "../../src/core/engine/mask";
import { parseDraft } from "../../src/core/draft/parse-draft";
import { normalizePolicy } from "../../src/core/policy/policy";
import { defineRule } from "../../src/core/rules/rule";
import { rules } from "../../src/core/rules";
import { CLAUSES } from "../../src/core/policy/clauses";
import { makeDraft } from "../rule-tester";

const only = (on: Record<string, string>) => normalizePolicy({ version: 1, rules: { ...Object.fromEntries(Object.keys(rules).map((id) => [id, "off"])), ...on } }, rules);

describe("evidence as written", () => {
  it("the engine keeps case, apostrophes and hyphens of what a rule quotes", () => {
    const quoting = defineRule({
      meta: {
        id: "quoting",
        title: "Quoting",
        description: "Test rule",
        category: "tone",
        defaultSeverity: "warn",
        optionsSchema: { type: "object", additionalProperties: false, properties: {} },
        defaultOptions: {},
        messages: { q: "Found it." },
        clause: CLAUSES.heatOfTheMoment,
      },
      check(_snapshot, context) {
        context.report({ messageId: "q", field: "body", evidence: "“I'm sick and tired”, “Re-read THIS”" });
      },
    });
    const policy = normalizePolicy({ version: 1, rules: { quoting: "warn" } }, { quoting });
    expect(checkDraft(parseDraft(makeDraft()), policy).findings[0]?.evidence).toBe("“I'm sick and tired”, “Re-read THIS”");
  });

  it("the sender's own address and a colleague's stay as written; an outside address is masked", () => {
    const internal = ["norcotearlyyearscentre.co.uk"];
    expect(maskResidualPersonalData("signed in as a.jones@norcotearlyyearscentre.co.uk", internal)).toBe("signed in as a.jones@norcotearlyyearscentre.co.uk");
    expect(maskResidualPersonalData("to sophie.patel84@gmail.com", internal)).toBe("to s•••@gmail.com");
    expect(maskResidualPersonalData("NHS 943 476 5919", internal)).not.toContain("943 476");
  });

  it("sending as a colleague names both Centre addresses in full", () => {
    const draft = makeDraft({ from: { email: "b.smith@norcotearlyyearscentre.co.uk", name: "Ben" }, sender: { email: "a.jones@norcotearlyyearscentre.co.uk", name: "Amy" } });
    const f = checkDraft(parseDraft(draft), only({ "no-send-as-other": "warn" })).findings[0];
    expect(f?.evidence).toBe("From b.smith@norcotearlyyearscentre.co.uk; signed in as a.jones@norcotearlyyearscentre.co.uk");
  });

  it("an ordinary file name is quoted in full", () => {
    const draft = makeDraft({ attachments: [{ name: "Summer-fair poster.pdf", size: 12 * 1024 * 1024, contentType: "application/pdf" }] });
    const f = checkDraft(parseDraft(draft), only({ "no-media-attachment": "warn" })).findings[0];
    expect(f?.evidence).toBe("Summer-fair poster.pdf (12.0 MB)");
  });
});
