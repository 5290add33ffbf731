import rule, { findStaffOnlyPhrase } from "./no-staff-only-content";
import { words } from "./utils/phrase-match";
import data from "../data/staff-only/phrases.en.json";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";

const PARENT = { email: "jane.parent@gmail.com", name: "Jane Parent", type: "externalUser" };
const COUNCIL = { email: "officer@reading.gov.uk", name: "LA Officer" };
const COLLEAGUE = { email: "b.smith@norcotearlyyearscentre.co.uk", name: "Ben Smith", type: "user" };
const removeParent = { kind: "remove-recipients", targets: ["jane.parent@gmail.com"] } as const;

runRuleTests(rule, {
  valid: [
    { name: "staff meeting minutes to colleagues", draft: makeDraft({ subject: "Staff meeting minutes 12/03", body: "Minutes of the staff meeting attached." }) },
    { name: "SMT minutes to a trusted partner", draft: makeDraft({ to: [COUNCIL], subject: "SMT minutes", attachments: ["SMT minutes 12-03.docx"] }) },
    { name: "staff-only attachment in Bcc to a colleague", draft: makeDraft({ bcc: [COLLEAGUE], attachments: ["SMT minutes.docx"] }) },
    { name: "no recipients", draft: makeDraft({ to: [], subject: "Staff only" }) },
    { name: "the word staff alone", draft: makeDraft({ to: [PARENT], subject: "Staff changes in Rainbow room", body: "Our staff will be at the gate from 8am." }) },
    { name: "parents' evening minutes", draft: makeDraft({ to: [PARENT], subject: "Parents' evening minutes", attachments: ["Parents evening minutes.pdf"] }) },
    { name: "staff-only car park", draft: makeDraft({ to: [PARENT], body: "Please do not park in the staff-only car park at drop-off." }) },
    { name: "a staff only area", draft: makeDraft({ to: [PARENT], body: "The kitchen is a staff only area, so children cannot go in." }) },
    { name: "words split across other words do not match", draft: makeDraft({ to: [PARENT], body: "Our staff onlyworks... staffonly minutes" }) },
    { name: "staff meeting without minutes", draft: makeDraft({ to: [PARENT], body: "The nursery closes at 3pm on Friday for a staff meeting." }) },
    { name: "meeting minutes from a parents' committee", draft: makeDraft({ to: [PARENT], attachments: ["Committee meeting minutes.docx"] }) },
  ],
  invalid: [
    {
      name: "staff meeting minutes in the subject to a parent",
      draft: makeDraft({ to: [PARENT], subject: "FW: Staff meeting minutes 12/03" }),
      errors: [{ messageId: "staffOnlyText", field: "subject", data: { phrase: "Staff meeting minutes", recipients: "1 person" }, fix: removeParent }],
    },
    {
      name: "SMT minutes attachment to a parent",
      draft: makeDraft({ to: [PARENT], attachments: [{ name: "SMT minutes 12-03.docx", size: 20000 }] }),
      errors: [
        {
          messageId: "staffOnlyAttachment",
          field: "attachments",
          data: { phrase: "SMT minutes", attachments: "an attachment" },
          evidenceIncludes: [".docx"],
          evidenceExcludes: ["12-03"],
          fix: { kind: "remove-attachment", targets: ["SMT minutes 12-03.docx"] },
        },
      ],
    },
    {
      name: "attachment names run together",
      draft: makeDraft({ to: [PARENT], attachments: ["StaffMeetingMinutes.pdf", "smt_minutes_march.docx", "menu.pdf"] }),
      errors: [
        { messageId: "staffOnlyAttachment", data: { phrase: "Staff Meeting Minutes", attachments: "2 attachments" }, fix: { kind: "remove-attachment", targets: ["StaffMeetingMinutes.pdf", "smt_minutes_march.docx"] } },
      ],
    },
    {
      name: "minutes of the staff meeting in the body",
      draft: makeDraft({ to: [PARENT], body: "Hi Jane,\n\nBelow are the minutes of the staff meeting as promised.\n\nAmy" }),
      errors: [{ messageId: "staffOnlyText", field: "body", data: { phrase: "minutes of the staff meeting" } }],
    },
    {
      name: "confidential — staff, with a dash",
      draft: makeDraft({ to: [PARENT], body: "CONFIDENTIAL — STAFF\nRota changes" }),
      errors: [{ messageId: "staffOnlyText", field: "body", data: { phrase: "CONFIDENTIAL — STAFF" } }],
    },
    {
      name: "internal memo and not for circulation",
      draft: makeDraft({ to: [PARENT], subject: "Internal memo", body: "Not for circulation." }),
      errors: [
        { messageId: "staffOnlyText", field: "subject", data: { phrase: "Internal memo" } },
        { messageId: "staffOnlyText", field: "body", data: { phrase: "Not for circulation" } },
      ],
    },
    {
      name: "INSET day notes to a parent and a colleague: only the parent is an outsider",
      draft: makeDraft({ to: [COLLEAGUE, PARENT], subject: "INSET day notes" }),
      errors: [{ messageId: "staffOnlyText", data: { phrase: "INSET day notes", recipients: "1 person" }, fix: removeParent }],
    },
    {
      name: "staff only with an exclusion elsewhere in the text",
      draft: makeDraft({ to: [PARENT], body: "Use the staff only car park. This note is staff only." }),
      errors: [{ messageId: "staffOnlyText", data: { phrase: "staff only" } }],
    },
    {
      name: "Bcc parents count as outsiders",
      draft: makeDraft({ to: [COLLEAGUE], bcc: [PARENT, "dad@yahoo.co.uk", "DAD@yahoo.co.uk"], subject: "SMT minutes" }),
      errors: [{ messageId: "staffOnlyText", data: { recipients: "2 people" }, fix: { kind: "remove-recipients", targets: ["jane.parent@gmail.com", "dad@yahoo.co.uk"] } }],
    },
    {
      name: "subject, body and attachment each reported",
      draft: makeDraft({ to: [PARENT], subject: "SMT minutes", body: "Staff only please.", attachments: ["SMT minutes.docx"] }),
      errors: [
        { messageId: "staffOnlyText", field: "subject" },
        { messageId: "staffOnlyText", field: "body" },
        { messageId: "staffOnlyAttachment", field: "attachments" },
      ],
    },
  ],
});

describe("no-staff-only-content (data and matching)", () => {
  it("keeps its phrase lists normalised, unique and non-empty", () => {
    for (const list of [data.phrases, data.exclusions]) {
      expect(list.length).toBeGreaterThan(0);
      expect(new Set(list).size).toBe(list.length);
      for (const phrase of list) expect(words(phrase).join(" ")).toBe(phrase);
    }
  });

  it("matches every phrase in its own list", () => {
    for (const phrase of data.phrases) expect(findStaffOnlyPhrase(phrase.toUpperCase())).toBeDefined();
  });

  it("prefers the longest phrase at the same place", () => {
    expect(findStaffOnlyPhrase("For staff only: rota")).toBe("For staff only");
  });

  it("checks a 1 MB body without a staff-only phrase", () => {
    const body = "The children enjoyed painting in the garden with the staff today. ".repeat(16_000);
    expect(runRule(rule, { draft: makeDraft({ to: [PARENT], body }) })).toEqual([]);
  });
});
