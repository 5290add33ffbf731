import rule, { findAttachmentPhrase } from "./attachment-reminder";
import data from "../data/attachment-reminder/phrases.en.json";
import { words } from "./utils/phrase-match";
import { CENTRE_DISCLAIMER_TEXT } from "../policy/default-organisation";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";
import { generator } from "../../../test/random";

const letter = { name: "Letter.pdf", size: 40_000 };

runRuleTests(rule, {
  valid: [
    { name: "nothing mentioned", draft: makeDraft() },
    { name: "attached, and a file is attached", draft: makeDraft({ body: "Please find attached the letter.", attachments: [letter] }) },
    { name: "a file with no size still counts", draft: makeDraft({ body: "See attached.", attachments: ["menu.pdf"] }) },
    { name: "attached to the wall", draft: makeDraft({ body: "The new coat pegs are attached to the wall by the door." }) },
    { name: "attachment to a key person", draft: makeDraft({ body: "Ella is building a secure attachment to her key person." }) },
    { name: "attachment theory training", draft: makeDraft({ body: "Reminder: attachment theory training on Monday." }) },
    { name: "he is very attached to his blanket", draft: makeDraft({ body: "He is very attached to his blanket, so please bring it." }) },
    { name: "the enclosed garden", draft: makeDraft({ body: "The children played in the enclosed garden all morning." }) },
    { name: "please find below", draft: makeDraft({ body: "Please find below the dates for next term." }) },
    { name: "please find out", draft: makeDraft({ body: "Could you please find out whether the van is booked?" }) },
    { name: "words that contain the phrase", draft: makeDraft({ body: "The detached house; unattached labels; reattached." }) },
    { name: "reply subject mentions an attachment", draft: makeDraft({ composeType: "reply", subject: "RE: Attached invoice", body: "Thanks, paid today." }) },
    { name: "only an inline logo, and nothing mentioned", draft: makeDraft({ attachments: [{ name: "image001.png", size: 9000, isInline: true }] }) },
    { name: "empty body and subject", draft: makeDraft({ body: "", subject: "" }) },
    { name: "the disclaimer's own 'any attachments'", draft: makeDraft({ body: `Hi Jane,\n\nSee you tomorrow.\n\n${CENTRE_DISCLAIMER_TEXT}` }) },
    {
      name: "the disclaimer re-wrapped",
      draft: makeDraft({ body: `Hi Jane,\r\n${CENTRE_DISCLAIMER_TEXT.replace(/ and any /, "\r\nand any\r\n").toUpperCase()}` }),
    },
  ],
  invalid: [
    {
      name: "please find attached, nothing attached",
      draft: makeDraft({ body: "Hi Jane,\n\nPlease find attached the newsletter.\n\nAmy" }),
      errors: [{ messageId: "missingAttachment", field: "body", data: { phrase: "Please find" }, evidenceIncludes: ["Please find"] }],
    },
    { name: "I've attached (curly apostrophe)", draft: makeDraft({ body: "I’ve attached the form." }), errors: [{ messageId: "missingAttachment", data: { phrase: "I’ve attached" } }] },
    { name: "see attached", draft: makeDraft({ body: "See attached!" }), errors: [{ messageId: "missingAttachment", data: { phrase: "See attached" } }] },
    { name: "the attached letter", draft: makeDraft({ body: "Please read the attached letter about the trip." }), errors: [{ messageId: "missingAttachment", data: { phrase: "attached" } }] },
    { name: "enclosed", draft: makeDraft({ body: "The permission slip is enclosed." }), errors: [{ messageId: "missingAttachment", data: { phrase: "enclosed" } }] },
    { name: "PFA", draft: makeDraft({ body: "PFA." }), errors: [{ messageId: "missingAttachment", data: { phrase: "PFA" } }] },
    { name: "attachment", draft: makeDraft({ body: "The attachment has the full menu." }), errors: [{ messageId: "missingAttachment", data: { phrase: "attachment" } }] },
    {
      name: "only an inline logo is attached",
      draft: makeDraft({ body: "See attached.", attachments: [{ name: "image001.png", size: 9000, isInline: true }] }),
      errors: [{ messageId: "missingAttachment" }],
    },
    {
      name: "exclusion and a real mention in the same message",
      draft: makeDraft({ body: "The sign is attached to the fence. The attached form explains why." }),
      errors: [{ messageId: "missingAttachment", data: { phrase: "attached" } }],
    },
    {
      name: "a real mention next to the disclaimer",
      draft: makeDraft({ body: `Please see the attached menu.\n\n${CENTRE_DISCLAIMER_TEXT}` }),
      errors: [{ messageId: "missingAttachment", data: { phrase: "attached" } }],
    },
    {
      name: "subject of a new message",
      draft: makeDraft({ subject: "Attached: trip letter", body: "Hi all," }),
      errors: [{ messageId: "missingAttachment", field: "subject", data: { phrase: "Attached" } }],
    },
    {
      name: "a reply whose own text mentions an attachment",
      draft: makeDraft({ composeType: "reply", subject: "RE: Trip", body: "I have attached the signed form." }),
      errors: [{ messageId: "missingAttachment", field: "body", data: { phrase: "I have attached" } }],
    },
  ],
});

describe("attachment-reminder (data and matching)", () => {
  it("keeps its phrase lists normalised and unique", () => {
    for (const list of [data.phrases, data.exclusions]) {
      expect(new Set(list).size).toBe(list.length);
      for (const phrase of list) expect(words(phrase).join(" ")).toBe(phrase);
    }
  });

  it("matches every phrase in its own list", () => {
    for (const phrase of data.phrases) expect(findAttachmentPhrase(`Note: ${phrase}.`)).toBeDefined();
  });

  it("excludes every exclusion on its own", () => {
    for (const phrase of data.exclusions) expect(findAttachmentPhrase(`Note: ${phrase} everything.`)).toBeUndefined();
  });

  it("reports every phrase of its list in the body and in a new message's subject, however written", () => {
    for (const phrase of data.phrases) {
      for (const written of [phrase, phrase.toUpperCase(), phrase.replace(" ve ", "\u2019ve ").replace(/ /g, "\n")]) {
        expect([written, runRule(rule, { draft: makeDraft({ body: `Note: ${written}.` }) }).length]).toEqual([written, 1]);
        expect([written, runRule(rule, { draft: makeDraft({ subject: `${written} form`, body: "Hi" }) }).length]).toEqual([written, 1]);
      }
    }
  });

  it("reports the body exactly when the phrase search finds a phrase, on 1,000 generated texts", () => {
    const random = generator(7);
    const pieces = [...data.phrases, ...data.exclusions.slice(0, 30), "the", "trip", "form", "please", "find", "i", "ve", "have", "attach", "enclose", "pfas", "reattached", "Attach-ed", "ATTACHED"];
    const gaps = [" ", "  ", "\n", ", ", " - ", "’", ""];
    let reported = 0;
    for (let n = 0; n < 1000; n++) {
      let body = "";
      for (let k = 1 + Math.floor(random() * 6); k > 0; k--) body += `${pieces[Math.floor(random() * pieces.length)] as string}${gaps[Math.floor(random() * gaps.length)] as string}`;
      const expected = findAttachmentPhrase(body) === undefined ? 0 : 1;
      reported += expected;
      expect([body, runRule(rule, { draft: makeDraft({ composeType: "reply", body }) }).length]).toEqual([body, expected]);
    }
    expect(reported).toBeGreaterThan(200);
    expect(reported).toBeLessThan(900);
  });

  it("checks a 1 MB body without an attachment phrase", () => {
    const body = "The children enjoyed painting in the enclosed garden today. ".repeat(17_000);
    expect(runRule(rule, { draft: makeDraft({ body }) })).toEqual([]);
  });
});
