import { checkDraft, normalizePolicy, rules, type MessageDraft, type NormalizedPolicy } from "../core";
import {
  appendHtmlDisclaimer,
  appendTextDisclaimer,
  autoInsertEnabled,
  DISCLAIMER_MARKER,
  DISCLAIMER_NOT_INSERTED,
  hasDisclaimerMarker,
  planDisclaimer,
  reportAfterDisclaimer,
  SET_BODY_LIMIT,
} from "./disclaimer";
import type { DraftRead } from "./read-draft";

/** Only the disclaimer rule, so these tests do not depend on the other rules. */
function policy(severity: "warn" | "block" | "monitor", autoInsert: boolean): NormalizedPolicy {
  const settings: Record<string, unknown> = Object.fromEntries(Object.keys(rules).map((id) => [id, "off"]));
  settings.disclaimer = [severity, { autoInsert }];
  return normalizePolicy({ version: 1, rules: settings }, rules);
}

const P = policy("block", true);
const { text: DISCLAIMER_TEXT, html: DISCLAIMER_HTML } = P.organisation.disclaimer;

function read(body: string, bodyHtml?: string, bodyType: "html" | "text" = bodyHtml === undefined ? "text" : "html"): DraftRead {
  const draft: MessageDraft = { to: [{ email: "ben@norcotearlyyearscentre.co.uk" }], cc: [], bcc: [], subject: "Rota", body, attachments: [], composeType: "new", ...(bodyHtml ? { bodyHtml } : {}) };
  return { draft, bodyType, bodyTypeKnown: true, ...(bodyHtml ? { bodyHtml } : {}), degraded: [] };
}

function plan(r: DraftRead, p: NormalizedPolicy = P) {
  return planDisclaimer(p, checkDraft(r.draft, p), r);
}

describe("planDisclaimer", () => {
  it("appends the HTML disclaimer inside <body>, wrapped in the marker", () => {
    const r = read("Hi Ben, the rota is up.", "<html><body><p>Hi Ben, the rota is up.</p></body></html>");
    const result = plan(r);
    expect(result).toMatchObject({ action: "insert", coercion: "html" });
    if (result.action !== "insert") return;
    expect(result.body).toBe(`<html><body><p>Hi Ben, the rota is up.</p><div id="${DISCLAIMER_MARKER}" class="${DISCLAIMER_MARKER}">${DISCLAIMER_HTML}</div></body></html>`);
  });

  it("appends the text disclaimer to a plain-text body", () => {
    const result = plan(read("Hi Ben,\nthe rota is up.\n\n"));
    expect(result).toEqual({ action: "insert", coercion: "text", body: `Hi Ben,\nthe rota is up.\r\n\r\n${DISCLAIMER_TEXT}` });
  });

  it("does nothing when the disclaimer is already there (second Send)", () => {
    expect(plan(read(`Hi Ben\n\n${DISCLAIMER_TEXT}`))).toEqual({ action: "none", reason: "not-needed" });
  });

  it("does nothing on a reply quoting a message that has the disclaimer", () => {
    const body = `Thanks!\n\nFrom: Head <head@norcotearlyyearscentre.co.uk>\nSent: Monday\nSubject: Rota\n\nThe rota.\n\n${DISCLAIMER_TEXT}`;
    expect(plan(read(body))).toEqual({ action: "none", reason: "not-needed" });
  });

  it("never writes a body that already carries the marker", () => {
    const html = `<html><body><p>Hi</p><div id="x_${DISCLAIMER_MARKER}">edited wording</div></body></html>`;
    expect(plan(read("Hi\nedited wording", html))).toEqual({ action: "none", reason: "marker-present" });
    expect(hasDisclaimerMarker(html)).toBe(true);
  });

  it("leaves an altered disclaimer to the sender (no second copy)", () => {
    const half = DISCLAIMER_TEXT.split(". ").slice(0, 3).join(". ");
    expect(plan(read(`Hi Ben\n\n${half}`))).toEqual({ action: "none", reason: "not-needed" });
  });

  it("respects autoInsert off and monitor severity", () => {
    expect(plan(read("Hi Ben"), policy("block", false))).toEqual({ action: "none", reason: "auto-insert-off" });
    expect(plan(read("Hi Ben"), policy("monitor", true))).toEqual({ action: "none", reason: "not-needed" });
    expect(autoInsertEnabled(policy("warn", true))).toBe(true);
    expect(autoInsertEnabled(policy("warn", false))).toBe(false);
  });

  it("skips bodies over setAsync's limit and HTML with inline cid: images (office-js#6808)", () => {
    expect(plan(read("x ".repeat(SET_BODY_LIMIT / 2)))).toEqual({ action: "none", reason: "too-large" });
    expect(plan(read("Hi", '<html><body><p>Hi</p><img src="cid:image001.png@01DA"></body></html>'))).toEqual({ action: "none", reason: "inline-images" });
  });

  it("skips when the body type or HTML could not be read", () => {
    const r = read("Hi", "<p>Hi</p>");
    expect(plan({ ...r, bodyTypeKnown: false })).toEqual({ action: "none", reason: "body-unreadable" });
    const { bodyHtml: _drop, ...noHtml } = r;
    expect(plan(noHtml as DraftRead)).toEqual({ action: "none", reason: "body-unreadable" });
  });
});

describe("reportAfterDisclaimer", () => {
  const r = read("Hi Ben");
  const report = checkDraft(r.draft, P);

  it("removes the fixed finding once inserted, so it neither blocks nor prompts", () => {
    // Before Send: the disclaimer will be added, so it does not hold the message back.
    expect(report.verdict).toBe("send");
    expect(report.findings.find((f) => f.ruleId === "disclaimer")?.fixedAtSend).toBe(true);
    const after = reportAfterDisclaimer(report, { inserted: true });
    expect(after.findings.filter((f) => f.ruleId === "disclaimer")).toEqual([]);
    expect(after.verdict).toBe("send");
  });

  it("keeps the finding with an honest message when insertion failed", () => {
    const after = reportAfterDisclaimer(report, { inserted: false, reason: "write-failed" });
    expect(after.verdict).toBe("block");
    expect(after.findings[0]?.message).toBe(DISCLAIMER_NOT_INSERTED);
    expect(after.findings[0]?.fixedAtSend).toBeUndefined();
  });
});

describe("append helpers", () => {
  it("appends HTML at the end when there is no </body>", () => {
    expect(appendHtmlDisclaimer("<p>Hi</p>", "<p>D</p>")).toBe(`<p>Hi</p><div id="${DISCLAIMER_MARKER}" class="${DISCLAIMER_MARKER}"><p>D</p></div>`);
  });

  it("uses the last </BODY> regardless of case", () => {
    expect(appendHtmlDisclaimer("<BODY>a</BODY>", "D")).toMatch(/^<BODY>a<div[^>]*>D<\/div><\/BODY>$/);
  });

  it("puts the text disclaimer alone in an empty body", () => {
    expect(appendTextDisclaimer("  \n", "D")).toBe("D");
  });
});
