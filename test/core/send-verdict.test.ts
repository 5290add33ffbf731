/**
 * What Send will actually do (issue 11 item 4): a finding that Send fixes by itself — the
 * disclaimer added automatically — is marked as such and never makes the verdict "block".
 */
import { readFileSync } from "fs";
import { join } from "path";
import { checkDraft } from "../../src/core/engine/run-rules";
import { parseDraft } from "../../src/core/draft/parse-draft";
import { normalizePolicy } from "../../src/core/policy/policy";
import { defaultPolicy } from "../../src/core/policy/default-policy";
import { rules } from "../../src/core/rules";
import { formatStylish } from "../../src/cli/formatters/stylish";
import { formatJson } from "../../src/cli/formatters/json";

const sample = (name: string) => parseDraft(JSON.parse(readFileSync(join(__dirname, "..", "..", "samples", name), "utf8")));

describe("the verdict at Send", () => {
  it("a missing disclaimer that Send adds by itself does not make the message blocked", () => {
    const report = checkDraft(sample("missing-disclaimer.json"), defaultPolicy());
    const disclaimer = report.findings.find((f) => f.ruleId === "disclaimer");
    expect(disclaimer?.messageId).toBe("missingAutoInsert");
    expect(disclaimer?.fixedAtSend).toBe(true);
    expect(report.findings.filter((f) => !f.fixedAtSend && f.severity === "block")).toEqual([]);
    expect(report.verdict).not.toBe("block");
  });

  it("without autoInsert the missing disclaimer still blocks", () => {
    const policy = normalizePolicy({ version: 1, rules: { disclaimer: ["block", { autoInsert: false }] } }, rules);
    const report = checkDraft(sample("missing-disclaimer.json"), policy);
    const disclaimer = report.findings.find((f) => f.ruleId === "disclaimer");
    expect(disclaimer?.messageId).toBe("missing");
    expect(disclaimer?.fixedAtSend).toBeUndefined();
    expect(report.verdict).toBe("block");
  });

  it("the CLI's text and JSON say the message would send and that the disclaimer will be added at Send", () => {
    const report = checkDraft(sample("missing-disclaimer.json"), defaultPolicy());
    const text = formatStylish([{ file: "missing-disclaimer.json", report }]);
    expect(text).not.toContain("would be blocked");
    expect(text).toMatch(/missing-disclaimer\.json {2}would (send|be warned)/);
    expect(text).toContain("added at Send");
    const json = JSON.parse(formatJson([{ file: "missing-disclaimer.json", report }])) as Array<{ verdict: string; findings: Array<{ ruleId: string; message: string }> }>;
    expect(json[0]?.verdict).not.toBe("block");
    expect(json[0]?.findings.find((f) => f.ruleId === "disclaimer")?.message).toMatch(/It will be added for you when you send/);
  });
});
