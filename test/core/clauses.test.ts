import { readFileSync } from "fs";
import { join } from "path";
import { CLAUSES } from "../../src/core/policy/clauses";
import { rules } from "../../src/core/rules";

const policyText = readFileSync(join(__dirname, "../../docs/policy/electronic-communication-policy.md"), "utf8");
const squash = (s: string): string => s.replace(/\s+/g, " ");

function slug(heading: string): string {
  return heading.toLowerCase().replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-");
}

describe("policy clauses", () => {
  it.each(Object.entries(CLAUSES))("%s quotes the policy word for word", (_name, clause) => {
    expect(squash(policyText)).toContain(squash(clause.quote));
  });

  it.each(Object.entries(CLAUSES))("%s names a real section and its anchor", (_name, clause) => {
    const headings = [...policyText.matchAll(/^##+ (.+)$/gm)].map((m) => (m[1] as string).trim());
    expect(headings).toContain(clause.section);
    expect(slug(clause.section)).toBe(clause.anchor);
  });

  it("every rule cites a clause and has a docs page", () => {
    for (const rule of Object.values(rules)) {
      expect(Object.values(CLAUSES)).toContain(rule.meta.clause);
    }
  });
});
