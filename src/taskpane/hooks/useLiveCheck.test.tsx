import { CLAUSES, type Finding, type Report, type Severity } from "../../core";
import { visibleFindings } from "./useLiveCheck";

function finding(ruleId: string, severity: Exclude<Severity, "off">): Finding {
  return { id: `${ruleId}#1`, ruleId, severity, messageId: "m", message: "m", field: "body", evidence: "", clause: CLAUSES.disclaimer };
}

describe("visibleFindings", () => {
  it("leaves out monitor findings and keeps the engine's order (it does not sort again)", () => {
    // Deliberately not by severity: the order shown is the report's own.
    const report: Report = {
      verdict: "block",
      findings: [finding("subject-required", "warn"), finding("no-heated-tone", "monitor"), finding("bcc-for-bulk-mail", "block"), finding("audience-size", "warn")],
      rulesRun: [],
    };
    expect(visibleFindings(report).map((f) => f.ruleId)).toEqual(["subject-required", "bcc-for-bulk-mail", "audience-size"]);
  });
});
