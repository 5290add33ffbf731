/** The policy document as leaves: round trip, edits, three-way merge after a conflict, browser checks. */
import { defaultPolicyDocument } from "../../core/policy/default-policy";
import { rules } from "../../core/rules";
import type { RuleInfo } from "../api/types";
import { pathLabel } from "./labels";
import { changedLeaves, effectiveRule, fromLeaves, leafKey, localIssues, mergeDrafts, sameValue, toLeaves, withOption, withOrganisation, withSeverity } from "./policy-model";

const catalogue: RuleInfo[] = Object.values(rules).map(({ meta }) => ({ ...meta, defaultSeverity: meta.defaultSeverity as string }));
const rule = (id: string) => catalogue.find((r) => r.id === id) as RuleInfo;
const base = JSON.parse(JSON.stringify(defaultPolicyDocument())) as Record<string, unknown>;

describe("policy model", () => {
  it("reads a document into leaves and back without change", () => {
    const doc = { version: 1, onError: "warn", comment: "kept", organisation: { trustedDomains: ["a.org"], disclaimer: { text: "t", html: "<p>h</p>" } }, rules: { "no-chain-mail": "warn", "audience-size": ["block", { threshold: 30 }], odd: 42 } };
    expect(fromLeaves(toLeaves(doc))).toEqual(doc);
    expect(sameValue(fromLeaves(toLeaves(base)), base)).toBe(true);
  });

  it("changes a severity or an option and keeps the rest of the setting", () => {
    let doc = withSeverity(base, rule("audience-size"), "block");
    expect((doc.rules as Record<string, unknown>)["audience-size"]).toEqual(["block", { threshold: 25, replyAllThreshold: 10, shortReplyWords: 15, distributionListWeight: 10 }]);
    doc = withOption({ version: 1 }, rule("audience-size"), "threshold", 40);
    expect(doc).toEqual({ version: 1, rules: { "audience-size": ["warn", { threshold: 40 }] } });
    expect(effectiveRule(doc, rule("audience-size")).options).toMatchObject({ threshold: 40, replyAllThreshold: 10 });
  });

  it("re-applies my changes on the newer draft and lists both sides, marking overlaps", () => {
    const mine = withOrganisation(withSeverity(base, rule("no-chain-mail"), "block"), "trustedDomains", ["reading.gov.uk"]);
    const theirs = withOption(withSeverity(base, rule("subject-required"), "off"), rule("audience-size"), "threshold", 50);
    const theirsToo = withOrganisation(theirs, "trustedDomains", ["other.org"]);
    const merge = mergeDrafts(base, mine, theirsToo);
    const merged = merge.merged as { rules: Record<string, unknown>; organisation: Record<string, unknown> };
    expect(effectiveRule(merge.merged, rule("no-chain-mail")).severity).toBe("block");
    expect(effectiveRule(merge.merged, rule("subject-required")).severity).toBe("off");
    expect((merged.rules["audience-size"] as [string, Record<string, unknown>])[1].threshold).toBe(50);
    expect(merged.organisation.trustedDomains).toEqual(["reading.gov.uk"]);
    expect(merge.mine.map((c) => c.key)).toEqual([leafKey.org("trustedDomains"), leafKey.severity("no-chain-mail")]);
    expect(merge.theirs.map((c) => c.key).sort()).toEqual([leafKey.org("trustedDomains"), leafKey.option("audience-size", "threshold"), leafKey.severity("subject-required")].sort());
    expect(merge.overlapping).toEqual([leafKey.org("trustedDomains")]);
    expect(changedLeaves(theirsToo, merge.merged).map((c) => c.key)).toEqual(merge.mine.map((c) => c.key));
  });

  it("merges two people's different options on a rule that had none, setting by setting", () => {
    const start = { version: 1, rules: { "audience-size": "warn" } };
    const mine = { version: 1, rules: { "audience-size": ["warn", { threshold: 30 }] } };
    const theirs = { version: 1, rules: { "audience-size": ["warn", { replyAllThreshold: 5 }] } };
    const merge = mergeDrafts(start, mine, theirs);
    expect(merge.merged).toEqual({ version: 1, rules: { "audience-size": ["warn", { replyAllThreshold: 5, threshold: 30 }] } });
    expect(merge.mine).toEqual([{ key: leafKey.option("audience-size", "threshold"), before: undefined, after: 30 }]);
    expect(merge.overlapping).toEqual([]);
  });

  it("finds problems in the browser with the policy's own paths, skipping rules that are off", () => {
    let doc = withOption(base, rule("audience-size"), "threshold", 0);
    doc = withOrganisation(doc, "trustedDomains", ["Not A Domain"]);
    expect(localIssues(doc, catalogue)).toEqual([
      { path: "organisation.trustedDomains[0]", message: 'expected a lower-case domain name such as example.org, got "Not A Domain"' },
      { path: "rules.audience-size[1].threshold", message: "expected a positive integer, got 0" },
    ]);
    expect(localIssues(withSeverity(doc, rule("audience-size"), "off"), catalogue).map((i) => i.path)).toEqual(["organisation.trustedDomains[0]"]);
  });

  it("names server diff paths in words", () => {
    expect(pathLabel("rules.no-chain-mail[0]", catalogue)).toBe(`${rule("no-chain-mail").title} — severity`);
    expect(pathLabel("rules.audience-size[1].replyAllThreshold", catalogue)).toBe(`${rule("audience-size").title} — Recipients that make a reply-all`);
    expect(pathLabel("organisation.authorisedForCommitments", catalogue)).toBe("Authorised to make commitments");
    expect(pathLabel("onError", catalogue)).toBe("When the check cannot run");
  });
});
