import rule from "./no-send-as-other";
import { makeDraft, runRuleTests, STAFF } from "../../../test/rule-tester";

const COLLEAGUE = { email: "b.smith@norcotearlyyearscentre.co.uk", name: "Ben Smith" };
const HEAD = { email: "head@norcotearlyyearscentre.co.uk", name: "Head of Centre" };

runRuleTests(rule, {
  valid: [
    { name: "From is the signed-in user", draft: makeDraft() },
    { name: "same address in a different case", draft: makeDraft({ from: { email: "A.Jones@NorcotEarlyYearsCentre.co.uk" } }) },
    { name: "the office shared mailbox", draft: makeDraft({ from: { email: "office@norcotearlyyearscentre.co.uk", name: "Office" } }) },
    { name: "a shared mailbox written in capitals", draft: makeDraft({ from: "Admin <ADMIN@norcotearlyyearscentre.co.uk>" }) },
    { name: "no signed-in user known", draft: makeDraft({ sender: undefined, from: COLLEAGUE }) },
    { name: "no From known", draft: makeDraft({ from: undefined, sender: STAFF }) },
    { name: "neither known", draft: makeDraft({ from: undefined, sender: undefined }) },
    { name: "delegate allowed in the same domain", options: { allowSameDomainDelegates: true }, draft: makeDraft({ from: HEAD }) },
    {
      name: "a shared mailbox the organisation added",
      organisation: { sharedMailboxes: ["rainbow.room@norcotearlyyearscentre.co.uk"] },
      draft: makeDraft({ from: { email: "rainbow.room@norcotearlyyearscentre.co.uk" } }),
    },
  ],
  invalid: [
    {
      name: "sending as a colleague",
      draft: makeDraft({ from: COLLEAGUE }),
      errors: [{ messageId: "sendingAsOther", field: "from", data: { from: "b.smith@norcotearlyyearscentre.co.uk" }, evidenceIncludes: ["From b.smith@norcotearlyyearscentre.co.uk; signed in as a.jones@norcotearlyyearscentre.co.uk"] }],
    },
    {
      name: "sending as the Head of Centre",
      draft: makeDraft({ from: HEAD }),
      errors: [{ messageId: "sendingAsOther", data: { from: "head@norcotearlyyearscentre.co.uk" } }],
    },
    {
      name: "sending as a personal address",
      draft: makeDraft({ from: "amy.jones.home@gmail.com" }),
      errors: [{ messageId: "sendingAsOther", data: { from: "a•••@gmail.com" } }],
    },
    {
      name: "delegates option does not cover another domain",
      options: { allowSameDomainDelegates: true },
      draft: makeDraft({ from: "someone@reading.gov.uk" }),
      errors: [{ messageId: "sendingAsOther" }],
    },
    {
      name: "a shared mailbox removed by the organisation",
      organisation: { sharedMailboxes: [] },
      draft: makeDraft({ from: { email: "office@norcotearlyyearscentre.co.uk" } }),
      errors: [{ messageId: "sendingAsOther" }],
    },
  ],
});
