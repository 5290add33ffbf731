import rule from "./no-contractual-commitment";
import data from "../data/commitment/phrases.en.json";
import { describeLargeInputs } from "../../../test/content-rule-helpers";
import { makeDraft, runRuleTests } from "../../../test/rule-tester";
import { compileSignals, patternProblem } from "../detect/tone-utils";

const SUPPLIER = [{ email: "sales@playequipment.example", name: "Play Equipment Ltd" }];
const toSupplier = (text: string, extra: Record<string, unknown> = {}) => makeDraft({ to: SUPPLIER, subject: "Re: Quote 4471", body: text, ...extra });
const manager = { email: "Business.Manager@norcotearlyyearscentre.co.uk", name: "Business Manager" };

runRuleTests(rule, {
  valid: [
    { draft: toSupplier("Hi, could you send a quote for two new sand trays?") },
    { draft: toSupplier("Could we accept your quote if delivery is before 1 May?") },
    { draft: toSupplier("Thank you for the quote. I will pass it to our Business Manager, who will be in touch.") },
    { draft: toSupplier("Before we accept your quote, please confirm the delivery charge.") },
    { draft: toSupplier("Unfortunately we cannot agree to the terms as they stand.") },
    { draft: toSupplier("We don't accept the quote at that price, I'm afraid.") },
    { draft: toSupplier("We are happy to proceed with a visit to look at the garden. When are you free?") },
    { draft: makeDraft({ to: [{ email: "parent@example.com" }], body: "I agree with you about the trip; the children will love the farm." }) },
    { draft: makeDraft({ to: [{ email: "parent@example.com" }], body: "The quote from the parents' evening was lovely, thank you for sharing it." }) },
    { draft: makeDraft({ to: [{ email: "parent@example.com" }], body: "We accept your apology, and Lily is very welcome back on Monday." }) },
    { draft: makeDraft({ to: [{ email: "parent@example.com" }], body: "In order to book the trip, please return the slip by Friday." }) },
    { draft: toSupplier("Please find our order number for your invoice: PO-2231.") },
    // Authorised senders, from or signed in, in any case.
    { draft: toSupplier("We accept your quote. Please go ahead with the order.", { from: manager, sender: manager }) },
    { draft: toSupplier("We accept your quote.", { sender: { email: "head@norcotearlyyearscentre.co.uk" } }) },
    // Only colleagues: not checked by default.
    { draft: makeDraft({ body: "I think we accept the quote from Play Equipment; please go ahead with the order, Ben." }) },
    // Options.
    { draft: toSupplier("We are happy to proceed with the quote."), options: { threshold: 4 } },
    { draft: toSupplier("Sounds good."), options: { extraPhrases: ["count us in"] } },
  ],
  invalid: [
    { draft: toSupplier("Thanks, we accept your quote of £1,200."), errors: [{ messageId: "commitment", field: "body", evidenceIncludes: ["we accept your quote"] }] },
    { draft: toSupplier("Please go ahead with the order."), errors: [{ messageId: "commitment", evidenceIncludes: ["Please go ahead with the order"] }] },
    { draft: toSupplier("I agree to the terms and conditions."), errors: [{ messageId: "commitment", evidenceIncludes: ["I agree to the terms"] }] },
    { draft: toSupplier("We are happy to proceed on the basis of your quote."), errors: [{ messageId: "commitment", evidenceIncludes: ["We are happy to proceed"] }] },
    { draft: toSupplier("Please consider this our acceptance."), errors: [{ messageId: "commitment" }] },
    { draft: toSupplier("I confirm we will pay the deposit next week."), errors: [{ messageId: "commitment", evidenceIncludes: ["I confirm we will pay"] }] },
    { draft: toSupplier("Signed on behalf of Norcot Early Years Centre,\nAmy Jones"), errors: [{ messageId: "commitment", evidenceIncludes: ["Signed on behalf of"] }] },
    { draft: toSupplier("We'd like to place an order for 30 aprons."), errors: [{ messageId: "commitment" }] },
    { draft: toSupplier("Great, you've got a deal!"), errors: [{ messageId: "commitment" }] },
    { draft: makeDraft({ to: [{ email: "contracts@reading.gov.uk" }], body: "We have signed the contract and will return it by post." }), errors: [{ messageId: "commitment" }] },
    { draft: makeDraft({ to: SUPPLIER, subject: "We accept your quote", body: "See you Monday." }), errors: [{ messageId: "commitment", field: "subject" }] },
    // Not authorised: another member of staff, even with the manager in copy.
    { draft: toSupplier("We accept your quote.", { cc: [manager] }), errors: [{ messageId: "commitment" }] },
    // Obfuscated spacing and invisible characters.
    { draft: toSupplier("We  ACCEPT\u200B your\nquote."), errors: [{ messageId: "commitment" }] },
    // Options.
    { draft: makeDraft({ body: "Please go ahead with the order, Ben." }), options: { checkInternal: true }, errors: [{ messageId: "commitment" }] },
    { draft: toSupplier("Count us in for the spring term."), options: { extraPhrases: ["count us in"] }, errors: [{ messageId: "commitment", evidenceIncludes: ["Count us in"] }] },
    { draft: toSupplier("We are happy to proceed."), options: { threshold: 2 }, errors: [{ messageId: "commitment" }] },
  ],
});

describe("no-contractual-commitment data", () => {
  it("has well-formed patterns, hedges and no duplicates", () => {
    const all = Object.values(data.groups).flatMap((g) => g.patterns);
    for (const p of all) expect([p, patternProblem(p)]).toEqual([p, undefined]);
    expect(new Set(all).size).toBe(all.length);
    for (const h of data.hedges) expect(h).toMatch(/^[a-z]+$/);
    expect(compileSignals(data.groups)?.source.length).toBeLessThan(20_000);
  });
});

describeLargeInputs(rule, [["50 KB of 'we accept '", "we accept ".repeat(5_000)]]);
