import { checkDraft, crashSeverity, verdictOf } from "../../src/core/engine/run-rules";
import { parseDraft } from "../../src/core/draft/parse-draft";
import { normalizePolicy } from "../../src/core/policy/policy";
import { defineRule, type AnyRuleModule } from "../../src/core/rules/rule";
import { CLAUSES } from "../../src/core/policy/clauses";
import { makeDraft } from "../rule-tester";

const base = {
  category: "content" as const,
  optionsSchema: { type: "object" as const, additionalProperties: false, properties: {} },
  defaultOptions: {},
  clause: CLAUSES.professional,
};

const alwaysWarn = defineRule({
  meta: { ...base, id: "always-warn", title: "Always warns", description: "Require nothing", defaultSeverity: "warn", messages: { found: "Found {{what}}." } },
  check(_s, ctx) {
    ctx.report({ messageId: "found", data: { what: "a thing" }, field: "body", evidence: "call 07700 900123 or jane.smith@gmail.com" });
  },
});
const crashes = defineRule({
  meta: { ...base, id: "crashes", title: "Crashes", description: "Require nothing", defaultSeverity: "block", messages: { never: "Never." } },
  check() {
    throw new Error("boom: secret message text");
  },
});
const mutates = defineRule({
  meta: { ...base, id: "mutates", title: "Mutates", description: "Require nothing", defaultSeverity: "warn", messages: { never: "Never." } },
  check(snapshot) {
    (snapshot as { subject: string }).subject = "changed";
  },
});
const badMessage = defineRule({
  meta: { ...base, id: "bad-message", title: "Bad message", description: "Require nothing", defaultSeverity: "warn", messages: { ok: "Ok." } },
  check(_s, ctx) {
    ctx.report({ messageId: "nope", field: "body" });
  },
});
const blocks = defineRule({
  meta: { ...base, id: "blocks", title: "Blocks", description: "Require nothing", defaultSeverity: "block", messages: { b: "Blocked." } },
  check(_s, ctx) {
    ctx.report({ messageId: "b", field: "subject" });
  },
});

const registry: Record<string, AnyRuleModule> = { "always-warn": alwaysWarn, crashes, mutates, "bad-message": badMessage, blocks };
const draft = parseDraft(makeDraft());

describe("checkDraft", () => {
  it("keeps running the other rules when one throws, and reports the failure without its text", () => {
    const policy = normalizePolicy({ version: 1, rules: { mutates: "off", "bad-message": "off", blocks: "off" } }, registry);
    const report = checkDraft(draft, policy);
    const ids = report.findings.map((f) => f.ruleId).sort();
    expect(ids).toEqual(["always-warn", "crashes"]);
    const crash = report.findings.find((f) => f.ruleId === "crashes");
    expect(crash?.ruleError).toBe(true);
    expect(crash?.messageId).toBe("ruleFailed");
    expect(crash?.severity).toBe("warn"); // block capped by onError "warn"
    expect(JSON.stringify(report)).not.toContain("secret message text");
    expect(report.verdict).toBe("warn");
  });

  it("turns a rule that mutates the snapshot into a rule failure (the snapshot is frozen)", () => {
    const policy = normalizePolicy({ version: 1, rules: { "always-warn": "off", crashes: "off", "bad-message": "off", blocks: "off" } }, registry);
    const report = checkDraft(draft, policy);
    expect(report.findings.map((f) => [f.ruleId, f.messageId])).toEqual([["mutates", "ruleFailed"]]);
    // The rule after it sees the message as written, not the mutation.
    const seen: string[] = [];
    const observes = defineRule({
      meta: { ...base, id: "observes", title: "Observes", description: "Require nothing", defaultSeverity: "warn", messages: { never: "Never." } },
      check(snapshot) {
        seen.push(snapshot.subject);
      },
    });
    const withObserver = normalizePolicy({ version: 1, rules: { mutates: "warn", observes: "warn" } }, { mutates, observes });
    checkDraft(draft, withObserver);
    expect(seen).toEqual(["Staff rota for next week"]);
  });

  it("treats an unknown messageId as a rule failure", () => {
    const policy = normalizePolicy({ version: 1, rules: { "always-warn": "off", crashes: "off", mutates: "off", blocks: "off" } }, registry);
    expect(checkDraft(draft, policy).findings.map((f) => f.messageId)).toEqual(["ruleFailed"]);
  });

  it("interpolates messages, masks residual personal data in evidence and stamps clause and ids", () => {
    const policy = normalizePolicy({ version: 1, rules: { crashes: "off", mutates: "off", "bad-message": "off", blocks: "off" } }, registry);
    const [finding] = checkDraft(draft, policy).findings;
    expect(finding?.message).toBe("Found a thing.");
    expect(finding?.id).toBe("always-warn#1");
    expect(finding?.clause).toBe(CLAUSES.professional);
    expect(finding?.evidence).not.toContain("900123");
    expect(finding?.evidence).not.toContain("jane.smith");
    expect(finding?.evidence).toContain("@gmail.com");
  });

  it("sorts block before warn before monitor and decides block", () => {
    const policy = normalizePolicy({ version: 1, rules: { crashes: "off", mutates: "off", "bad-message": "off", "always-warn": "monitor" } }, registry);
    const report = checkDraft(draft, policy);
    expect(report.findings.map((f) => f.severity)).toEqual(["block", "monitor"]);
    expect(report.verdict).toBe("block");
  });

  it("never lets monitor findings decide the verdict", () => {
    const policy = normalizePolicy({ version: 1, rules: { crashes: "off", mutates: "off", "bad-message": "off", blocks: "monitor", "always-warn": "monitor" } }, registry);
    const report = checkDraft(draft, policy);
    expect(report.findings).toHaveLength(2);
    expect(report.verdict).toBe("send");
  });
});

describe("verdict helpers", () => {
  it("orders block > warn > send", () => {
    expect(verdictOf([])).toBe("send");
    expect(verdictOf([{ severity: "monitor" }])).toBe("send");
    expect(verdictOf([{ severity: "warn" }, { severity: "monitor" }])).toBe("warn");
    expect(verdictOf([{ severity: "warn" }, { severity: "block" }])).toBe("block");
  });

  it("caps a crashed rule's severity by onError", () => {
    expect(crashSeverity("block", "warn")).toBe("warn");
    expect(crashSeverity("warn", "block")).toBe("warn");
    expect(crashSeverity("block", "block")).toBe("block");
    expect(crashSeverity("block", "allow")).toBe("monitor");
    expect(crashSeverity("monitor", "warn")).toBe("monitor");
  });
});
