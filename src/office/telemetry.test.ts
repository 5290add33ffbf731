import type { Finding, Report } from "../core/model/finding";
import { CLAUSES } from "../core/policy/clauses";
import { clientName, sendEvent } from "./telemetry";

function finding(ruleId: string, severity: Finding["severity"]): Finding {
  return { id: `${ruleId}#1`, ruleId, severity, messageId: "m", message: "A message about jane@example.com.", field: "body", evidence: "j•••@example.com", clause: CLAUSES.professional };
}

const context = { client: "outlook-web", at: "2026-11-23T10:00:00.000Z" };

describe("sendEvent", () => {
  it("records nothing when no rule matched", () => {
    expect(sendEvent({ verdict: "send", findings: [], rulesRun: ["disclaimer"] }, context)).toBeUndefined();
  });

  it("counts monitor-only rules apart and never carries message text or evidence", () => {
    const report: Report = {
      verdict: "warn",
      findings: [finding("no-heated-tone", "warn"), finding("no-chain-mail", "monitor"), finding("no-heated-tone", "monitor")],
      rulesRun: [],
    };
    const event = sendEvent(report, context);
    expect(event).toEqual({
      ruleIds: ["no-heated-tone", "no-chain-mail"],
      monitorRuleIds: ["no-chain-mail"],
      verdict: "warn",
      action: "warned",
      ...context,
    });
    expect(JSON.stringify(event)).not.toContain("example.com");
  });

  it("records a warning as warned (the sender may still send), and only a block as blocked", () => {
    expect(sendEvent({ verdict: "warn", findings: [finding("no-heated-tone", "warn")], rulesRun: [] }, context)?.action).toBe("warned");
    expect(sendEvent({ verdict: "block", findings: [finding("bcc-for-bulk-mail", "block")], rulesRun: [] }, context)?.action).toBe("blocked");
  });

  it("reports a send with only monitor findings as sent", () => {
    const event = sendEvent({ verdict: "send", findings: [finding("no-chain-mail", "monitor")], rulesRun: [] }, context);
    expect(event?.action).toBe("sent");
    expect(event?.monitorRuleIds).toEqual(["no-chain-mail"]);
  });
});

describe("clientName", () => {
  it("names the clients from Office.context.diagnostics.platform", () => {
    expect(clientName({ platform: "PC" })).toBe("classic-windows");
    expect(clientName({ platform: "OfficeOnline" })).toBe("outlook-web");
    expect(clientName({ platform: "Mac" })).toBe("mac");
    expect(clientName(undefined)).toBe("unknown");
    expect(clientName({ platform: "Universal App" })).toBe("universal-app");
  });
});
