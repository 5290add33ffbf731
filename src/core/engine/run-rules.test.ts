import { checkDraft } from "./run-rules";
import { parseDraft } from "../draft/parse-draft";
import { normalizePolicy } from "../policy/policy";
import { defineRule } from "../rules/rule";
import { CLAUSES } from "../policy/clauses";
import { makeDraft } from "../../../test/rule-tester";

const base = {
  category: "content" as const,
  optionsSchema: { type: "object" as const, additionalProperties: false, properties: {} },
  defaultOptions: {},
  clause: CLAUSES.professional,
  defaultSeverity: "warn" as const,
  description: "Require nothing",
};

/** A rule that reports `count` findings and then, if asked, throws. */
function reporter(id: string, count: number, throws: boolean) {
  return defineRule({
    meta: { ...base, id, title: id, messages: { found: "Found {{n}}." } },
    check(_s, ctx) {
      for (let n = 1; n <= count; n++) ctx.report({ messageId: "found", data: { n }, field: "body" });
      if (throws) throw new Error("boom");
    },
  });
}

describe("runOne (findings gathered into one list)", () => {
  it("numbers each rule's findings from 1, and a rule that throws after reporting leaves only its crash", () => {
    const registry = { first: reporter("first", 2, false), crashes: reporter("crashes", 2, true), last: reporter("last", 2, false) };
    const policy = normalizePolicy({ version: 1, rules: { first: "warn", crashes: "warn", last: "warn" } }, registry);
    const report = checkDraft(parseDraft(makeDraft()), policy);
    expect(report.findings.map((f) => f.id)).toEqual(["first#1", "first#2", "crashes#error", "last#1", "last#2"]);
    expect(report.findings.map((f) => f.message)).toEqual(["Found 1.", "Found 2.", expect.stringContaining("could not run"), "Found 1.", "Found 2."]);
  });
});
