import rule from "./bcc-for-bulk-mail";
import { makeDraft, runRule, runRuleTests } from "../../../test/rule-tester";

const parents = (n: number, domain = "gmail.com"): string[] => Array.from({ length: n }, (_, i) => `parent.${i + 1}@${domain}`);
const staff = (n: number): string[] => Array.from({ length: n }, (_, i) => `staff${i + 1}@norcotearlyyearscentre.co.uk`);
const council = (n: number): string[] => Array.from({ length: n }, (_, i) => `officer${i + 1}@reading.gov.uk`);

runRuleTests(rule, {
  valid: [
    { name: "one colleague", draft: makeDraft() },
    { name: "no recipients at all", draft: makeDraft({ to: [] }) },
    { name: "four parents in To (below the threshold)", draft: makeDraft({ to: parents(4) }) },
    { name: "fifty parents in Bcc", draft: makeDraft({ to: ["office@norcotearlyyearscentre.co.uk"], bcc: parents(50) }) },
    { name: "thirty colleagues in To", draft: makeDraft({ to: staff(30) }) },
    { name: "trusted partners are not counted by default", draft: makeDraft({ to: council(8) }) },
    { name: "the same parent repeated in To and Cc counts once", draft: makeDraft({ to: parents(4), cc: parents(4).map((a) => a.toUpperCase()) }) },
    { name: "three parents in To, one in Cc, many in Bcc", draft: makeDraft({ to: parents(3), cc: ["p.other@yahoo.co.uk"], bcc: parents(20, "hotmail.com") }) },
    { name: "higher threshold", options: { threshold: 10 }, draft: makeDraft({ to: parents(9) }) },
    {
      name: "sub-domains of internal domains are internal",
      draft: makeDraft({ to: Array.from({ length: 6 }, (_, i) => `room${i}@nursery.norcotearlyyearscentre.co.uk`) }),
    },
  ],
  invalid: [
    {
      name: "five parents in To",
      draft: makeDraft({ to: parents(5) }),
      errors: [
        {
          messageId: "visibleAddresses",
          field: "recipients",
          data: { count: 5 },
          evidenceIncludes: ["p•••@gmail.com", "and 2 more"],
          evidenceExcludes: ["parent.1@gmail.com", "parent.1"],
          fix: { kind: "move-to-bcc", targets: parents(5) },
        },
      ],
    },
    {
      name: "parents split across To and Cc, colleagues and Bcc not included",
      draft: makeDraft({ to: [...staff(2), ...parents(3)], cc: parents(3, "outlook.com"), bcc: parents(2, "icloud.com") }),
      errors: [{ messageId: "visibleAddresses", data: { count: 6 }, fix: { kind: "move-to-bcc", targets: [...parents(3), ...parents(3, "outlook.com")] } }],
    },
    {
      name: "recipients given as strings with names and mixed case",
      draft: makeDraft({ to: ["Jane Parent <Jane.Parent@Gmail.com>", "b@x.org", "c@y.org", "d@z.org", '"Smith, Ann" <ann@w.org>'] }),
      errors: [{ messageId: "visibleAddresses", data: { count: 5 }, fix: { kind: "move-to-bcc", targets: ["jane.parent@gmail.com", "b@x.org", "c@y.org", "d@z.org", "ann@w.org"] } }],
    },
    {
      name: "countTrusted counts partners",
      options: { countTrusted: true },
      draft: makeDraft({ to: [...council(3), ...parents(2)] }),
      errors: [{ messageId: "visibleAddresses", data: { count: 5 } }],
    },
    {
      name: "lower threshold of 2",
      options: { threshold: 2 },
      draft: makeDraft({ cc: parents(2) }),
      errors: [{ messageId: "visibleAddresses", data: { count: 2 }, evidenceExcludes: ["more"] }],
    },
    {
      name: "an external distribution list counts as one address",
      draft: makeDraft({ to: [...parents(4), { email: "all-parents@groups.example.org", type: "distributionList" }] }),
      errors: [{ messageId: "visibleAddresses", data: { count: 5 } }],
    },
  ],
});

describe("bcc-for-bulk-mail (details)", () => {
  it("handles 1,000 recipients and never puts raw addresses in the evidence", () => {
    const to = parents(1000);
    const [finding] = runRule(rule, { draft: makeDraft({ to }) });
    expect(finding?.data?.count).toBe(1000);
    expect(finding?.fix?.targets).toHaveLength(1000);
    expect(finding?.evidence).toContain("and 997 more");
    expect(finding?.evidence).not.toMatch(/parent\.\d+@/);
  });
});
