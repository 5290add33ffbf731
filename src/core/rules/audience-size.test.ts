import rule, { countWords } from "./audience-size";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";
import { CENTRE_DISCLAIMER_TEXT } from "../policy/default-organisation";

const people = (n: number, domain = "norcotearlyyearscentre.co.uk"): string[] => Array.from({ length: n }, (_, i) => `person.${i + 1}@${domain}`);
const list = (name: string) => ({ email: `${name}@norcotearlyyearscentre.co.uk`, name, type: "distributionList" });
const LONG_REPLY =
  "Thank you for the update. I have checked the rota for next week and I can cover the late shift on Tuesday and Thursday if that helps the team.";

runRuleTests(rule, {
  valid: [
    { name: "one recipient", draft: makeDraft() },
    { name: "no recipients", draft: makeDraft({ to: [] }) },
    { name: "exactly 25 recipients", draft: makeDraft({ to: people(25) }) },
    { name: "25 recipients across To, Cc and Bcc", draft: makeDraft({ to: people(10), cc: people(10, "gmail.com"), bcc: people(5, "yahoo.com") }) },
    { name: "duplicates count once", draft: makeDraft({ to: people(20), cc: people(20), bcc: people(20) }) },
    { name: "two distribution lists (20) and five people", draft: makeDraft({ to: [list("all-staff"), list("room-leaders"), ...people(5)] }) },
    { name: "a long reply to many people", draft: makeDraft({ composeType: "reply", to: people(15), body: LONG_REPLY }) },
    { name: "a short reply to nine people", draft: makeDraft({ composeType: "reply", to: people(9), body: "Thanks!" }) },
    { name: "a short new message to twelve people", draft: makeDraft({ composeType: "new", to: people(12), body: "Thanks!" }) },
    { name: "a short forward to twelve people", draft: makeDraft({ composeType: "forward", to: people(12), body: "FYI" }) },
    { name: "higher threshold", options: { threshold: 100 }, draft: makeDraft({ to: people(100) }) },
    { name: "distribution list weight 1", options: { distributionListWeight: 1 }, draft: makeDraft({ to: [list("a"), list("b"), list("c")] }) },
    { name: "shortReplyWords 1 lets a two-word reply through", options: { shortReplyWords: 1 }, draft: makeDraft({ composeType: "reply", to: people(12), body: "Thanks everyone" }) },
  ],
  invalid: [
    {
      name: "26 recipients",
      draft: makeDraft({ to: people(26) }),
      errors: [{ messageId: "tooManyRecipients", field: "recipients", data: { count: 26, threshold: 25 }, evidenceIncludes: ["26 recipients"] }],
    },
    {
      name: "three distribution lists count as 30",
      draft: makeDraft({ to: [list("all-staff"), list("parents-rainbow"), list("parents-sunshine")] }),
      errors: [{ messageId: "tooManyRecipients", data: { count: 30 }, evidenceIncludes: ["3 distribution lists counted as 10 each"] }],
    },
    {
      name: "distribution list weight option",
      options: { distributionListWeight: 50 },
      draft: makeDraft({ to: [list("everyone")] }),
      errors: [{ messageId: "tooManyRecipients", data: { count: 50 } }],
    },
    {
      name: "lower threshold",
      options: { threshold: 5 },
      draft: makeDraft({ to: people(3), cc: people(3, "gmail.com") }),
      errors: [{ messageId: "tooManyRecipients", data: { count: 6, threshold: 5 } }],
    },
    {
      name: "reply-all 'Thanks!' to ten people",
      draft: makeDraft({ composeType: "reply", to: people(10), body: "Thanks!" }),
      errors: [{ messageId: "shortReplyAll", field: "recipients", data: { count: 10, words: 1 } }],
    },
    {
      name: "reply-all '+1' through a distribution list",
      draft: makeDraft({ composeType: "reply", to: [list("all-staff")], body: "+1" }),
      errors: [{ messageId: "shortReplyAll", data: { count: 10 } }],
    },
    {
      name: "reply-all 'Noted' with a signature, still short",
      draft: makeDraft({ composeType: "reply", to: people(12), cc: people(3, "reading.gov.uk"), body: "Noted, thank you.\n\nAmy Jones\nNursery Practitioner" }),
      errors: [{ messageId: "shortReplyAll", data: { count: 15 } }],
    },
    {
      name: "the disclaimer does not make a short reply long",
      draft: makeDraft({ composeType: "reply", to: people(12), body: `Thanks!\n\n${CENTRE_DISCLAIMER_TEXT}` }),
      errors: [{ messageId: "shortReplyAll", data: { words: 1 } }],
    },
    {
      name: "an empty reply to many",
      draft: makeDraft({ composeType: "reply", to: people(11), body: "" }),
      errors: [{ messageId: "shortReplyAll", data: { words: 0 } }],
    },
    {
      name: "a short reply-all to 40 people is reported once, as a reply-all",
      draft: makeDraft({ composeType: "reply", to: people(40), body: "Great, thanks" }),
      errors: [{ messageId: "shortReplyAll", data: { count: 40, words: 2 } }],
    },
    {
      name: "a long reply to 40 people is still too many",
      draft: makeDraft({ composeType: "reply", to: people(40), body: LONG_REPLY }),
      errors: [{ messageId: "tooManyRecipients", data: { count: 40 } }],
    },
    {
      name: "replyAllThreshold option",
      options: { replyAllThreshold: 3 },
      draft: makeDraft({ composeType: "reply", to: people(3), body: "OK" }),
      errors: [{ messageId: "shortReplyAll", data: { count: 3 } }],
    },
    {
      name: "shortReplyWords option makes a longer reply short",
      options: { shortReplyWords: 40 },
      draft: makeDraft({ composeType: "reply", to: people(12), body: LONG_REPLY }),
      errors: [{ messageId: "shortReplyAll" }],
    },
  ],
});

describe("audience-size (details)", () => {
  it("counts 1,000 recipients", () => {
    const [finding] = runRule(rule, { draft: makeDraft({ to: people(600), cc: people(400, "gmail.com") }) });
    expect(finding?.data).toEqual({ count: 1000, threshold: 25 });
  });

  it("stops counting words early in a 1 MB reply", () => {
    const body = "word ".repeat(210_000);
    const found = runRule(rule, { draft: makeDraft({ composeType: "reply", to: people(12), body }) });
    expect(found).toEqual([]);
  });

  it("countWords stops one past the limit instead of counting the whole body", () => {
    expect(countWords("word ".repeat(210_000), 15)).toBe(16);
    expect(countWords("Thanks, see you Friday", 15)).toBe(4);
  });
});
