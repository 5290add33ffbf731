import rule, { stripPrefixes } from "./subject-required";
import data from "../data/subject/meaningless.en.json";
import { words } from "./utils/phrase-match";
import { makeDraft, runRuleTests } from "../../../test/rule-tester";

runRuleTests(rule, {
  valid: [
    { name: "an ordinary subject", draft: makeDraft({ subject: "Staff rota for next week" }) },
    { name: "RE: Trip", draft: makeDraft({ composeType: "reply", subject: "RE: Trip" }) },
    { name: "a reply keeps a poor subject it was given", draft: makeDraft({ composeType: "reply", subject: "RE: hello" }) },
    { name: "FW: FW: Nativity photos", draft: makeDraft({ composeType: "forward", subject: "FW: FW: Nativity photos" }) },
    { name: "a single word of three letters or more", draft: makeDraft({ subject: "Invoice" }) },
    { name: "a short but meaningful two-word subject", draft: makeDraft({ subject: "PE kit" }) },
    { name: "a subject that starts with a listed word", draft: makeDraft({ subject: "Hello from the Rainbow room" }) },
    { name: "a subject with a number", draft: makeDraft({ subject: "Room 2 rota" }) },
    { name: "a prefix-like word without a colon", draft: makeDraft({ subject: "Re-enrolment forms" }) },
    { name: "non-Latin letters", draft: makeDraft({ subject: "Zaproszenie na wycieczkę" }) },
  ],
  invalid: [
    { name: "no subject", draft: makeDraft({ subject: "" }), errors: [{ messageId: "emptySubject", field: "subject", evidenceIncludes: ["no subject"] }] },
    { name: "missing subject field", draft: makeDraft({ subject: undefined }), errors: [{ messageId: "emptySubject" }] },
    { name: "only spaces", draft: makeDraft({ subject: "   \t " }), errors: [{ messageId: "emptySubject" }] },
    { name: "RE: with nothing after", draft: makeDraft({ composeType: "reply", subject: "RE: " }), errors: [{ messageId: "emptySubject", evidenceIncludes: ["RE:"] }] },
    { name: "Fwd: RE: with nothing after", draft: makeDraft({ subject: "Fwd: RE:" }), errors: [{ messageId: "emptySubject" }] },
    { name: "hi", draft: makeDraft({ subject: "hi" }), errors: [{ messageId: "meaninglessSubject", data: { subject: "hi" } }] },
    { name: "Hello!!", draft: makeDraft({ subject: "Hello!!" }), errors: [{ messageId: "meaninglessSubject", data: { subject: "Hello!!" } }] },
    { name: "TEST", draft: makeDraft({ subject: "TEST" }), errors: [{ messageId: "meaninglessSubject" }] },
    { name: "FYI", draft: makeDraft({ subject: "FYI" }), errors: [{ messageId: "meaninglessSubject" }] },
    { name: "(no subject)", draft: makeDraft({ subject: "(no subject)" }), errors: [{ messageId: "meaninglessSubject" }] },
    { name: "...", draft: makeDraft({ subject: "..." }), errors: [{ messageId: "meaninglessSubject", data: { subject: "..." } }] },
    { name: "a single two-letter word", draft: makeDraft({ subject: "ab" }), errors: [{ messageId: "meaninglessSubject" }] },
    { name: "a single letter", draft: makeDraft({ subject: "x" }), errors: [{ messageId: "meaninglessSubject" }] },
    { name: "hi there with spacing", draft: makeDraft({ subject: "  Hi   there ! " }), errors: [{ messageId: "meaninglessSubject", data: { subject: "Hi there !" } }] },
    {
      name: "a long meaningless subject is quoted short",
      draft: makeDraft({ subject: `${".".repeat(100)}` }),
      errors: [{ messageId: "meaninglessSubject", data: { subject: `${".".repeat(39)}…` } }],
    },
  ],
});

describe("subject-required (data and prefixes)", () => {
  it("strips repeated and numbered prefixes", () => {
    expect(stripPrefixes("RE: FW: Trip")).toEqual({ rest: "Trip", prefixed: true });
    expect(stripPrefixes("Re[2]: Trip")).toEqual({ rest: "Trip", prefixed: true });
    expect(stripPrefixes("AW:WG: Ausflug")).toEqual({ rest: "Ausflug", prefixed: true });
    expect(stripPrefixes("Trip: Friday")).toEqual({ rest: "Trip: Friday", prefixed: false });
    expect(stripPrefixes("Read me")).toEqual({ rest: "Read me", prefixed: false });
  });

  it("keeps its subject list normalised and unique", () => {
    expect(new Set(data.subjects).size).toBe(data.subjects.length);
    for (const s of data.subjects) expect(words(s).join(" ")).toBe(s);
    for (const p of data.prefixes) expect(p).toMatch(/^[a-z]+$/);
  });
});
