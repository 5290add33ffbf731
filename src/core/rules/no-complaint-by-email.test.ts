import rule from "./no-complaint-by-email";
import data from "../data/complaint/phrases.en.json";
import { describeLargeInputs } from "../../../test/content-rule-helpers";
import { makeDraft, runRuleTests } from "../../../test/rule-tester";
import { compileSignals, patternProblem } from "../detect/tone-utils";

const body = (text: string) => makeDraft({ body: text });
const toParent = (text: string) => makeDraft({ to: [{ email: "parent@example.com" }], subject: "Re: Lily", body: text });

runRuleTests(rule, {
  valid: [
    { draft: makeDraft() },
    // Staff raising a fault with a product or supplier in neutral words.
    { draft: body("Hi Ben, the printer is not working again. Could you call the engineer? Thanks") },
    { draft: makeDraft({ to: [{ email: "orders@supplier.example" }], body: "The nappies delivered on Monday were the wrong size. Please could you exchange them?" }) },
    { draft: makeDraft({ to: [{ email: "help@copier.example" }], body: "Our photocopier keeps jamming. It is not good enough for a machine under warranty; please send someone this week." }) },
    // Parents' ordinary requests and replies to them.
    { draft: toParent("Thank you for letting us know. We will make sure Lily has her coat on for outdoor play.") },
    { draft: toParent("Of course, we can move Lily to the afternoon session from May. I will ask the office to update the invoice.") },
    { draft: toParent("If you are not happy with the new lunch menu, please do let us know and we will look at it.") },
    { draft: toParent("If you would like to make a complaint, our complaints procedure is on the website.") },
    // Passing on a parent's complaint, or talking about the procedure.
    { draft: body("We have had a complaint from a parent about the car park. Can we talk at lunch?") },
    { draft: body("Please read the updated complaints policy before Friday's meeting.") },
    // Praise and everyday mentions of teams.
    { draft: body("The office did a brilliant job with the newsletter, and the kitchen team's new menu is lovely.") },
    { draft: body("I am not happy with the colour of the display board, I'll redo it tomorrow.") },
    // The complaint is in quoted history, not in what the sender wrote.
    {
      draft: makeDraft({
        composeType: "forward",
        subject: "FW: Complaint",
        body: "Please see below; can we discuss at SMT?\n\n-----Original Message-----\nFrom: Parent <p@example.com>\nSent: 01 May 2024 10:00\nTo: Office\nSubject: Complaint\n\nI want to make a formal complaint. The office keeps getting my invoice wrong.",
      }),
    },
    // Options.
    { draft: body("I am not happy with the way Sarah handled the pick-up."), options: { threshold: 4 } },
  ],
  invalid: [
    { draft: body("I want to make a complaint about the way the office handled my leave."), errors: [{ messageId: "formalComplaint", field: "body", evidenceIncludes: ["I want to make a complaint"] }] },
    { draft: body("Please treat this as a formal complaint about the kitchen."), errors: [{ messageId: "formalComplaint", evidenceIncludes: ["Please treat this as a formal complaint"] }] },
    { draft: body("I'm writing to complain about the cover arrangements."), errors: [{ messageId: "formalComplaint" }] },
    { draft: body("I am not happy with the way Sarah handled the pick-up this afternoon."), errors: [{ messageId: "complaint", evidenceIncludes: ["I am not happy with", "the way Sarah handled"] }] },
    { draft: body("The office keeps getting this wrong. My hours are wrong on the payslip again."), errors: [{ messageId: "complaint", evidenceIncludes: ["keeps getting this wrong", "The office"] }] },
    { draft: body("Jo is not doing her job and I end up covering the baby room."), errors: [{ messageId: "complaint", evidenceIncludes: ["is not doing her job"] }] },
    { draft: body("Tom isn't pulling his weight in Rainbow room."), errors: [{ messageId: "complaint", evidenceIncludes: ["pulling his weight"] }] },
    { draft: body("Honestly, I'm disappointed with the admin team. Nobody in the office ever answers the phone."), errors: [{ messageId: "complaint" }] },
    { draft: body("Poor service from the finance team again. This is the third time my expenses have been lost."), errors: [{ messageId: "complaint" }] },
    { draft: body("I'm fed up with your team's attitude. Very unprofessional."), errors: [{ messageId: "complaint" }] },
    {
      draft: makeDraft({ subject: "Formal complaint", body: "I wish to complain about how my appraisal was done." }),
      errors: [{ messageId: "formalComplaint", field: "body" }],
    },
    // Obfuscation and spacing.
    { draft: body("I  am\u200B  NOT happy   with the way the office dealt with my holiday."), errors: [{ messageId: "complaint" }] },
    // Options.
    { draft: body("I am not happy with the rota."), options: { threshold: 2 }, errors: [{ messageId: "complaint" }] },
    { draft: body("Frankly the cover was a shambles and the office made a mess of it."), options: { extraPhrases: ["made a mess of it"] }, errors: [{ messageId: "complaint", evidenceIncludes: ["made a mess of it"] }] },
  ],
});

describe("no-complaint-by-email data", () => {
  it("has well-formed patterns and no duplicates", () => {
    const all = Object.values(data.groups).flatMap((g) => g.patterns);
    for (const p of all) expect([p, patternProblem(p)]).toEqual([p, undefined]);
    expect(new Set(all).size).toBe(all.length);
    expect(compileSignals(data.groups)?.source.length).toBeLessThan(20_000);
  });
});

describeLargeInputs(rule, [["50 KB of 'i am '", "i am ".repeat(10_000)]]);
