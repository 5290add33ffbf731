/** The one policy diff: grouped for the API and people, setting by setting for merging. */
import { diffPolicies, diffSettings, ruleSettingParts, sameValue } from "./diff";

const before = {
  version: 1,
  onError: "warn",
  organisation: { name: "Norcot", trustedDomains: ["a.gov.uk"], disclaimer: { text: "Old", html: "<p>Old</p>" } },
  rules: { a: "warn", b: ["block", { n: 5, m: 1 }], c: "off", e: ["warn", { n: 1 }], odd: 42 },
};
const after = {
  version: 1,
  onError: "block",
  organisation: { trustedDomains: ["a.gov.uk", "b.gov.uk"], disclaimer: { text: "New", html: "<p>Old</p>" }, policyUrl: "https://x.org" },
  rules: { a: ["warn", {}], b: ["block", { n: 6, m: 1 }], d: ["monitor", { k: true }], e: "warn", odd: 43 },
};

describe("diffPolicies (the API's answer)", () => {
  it("lists each change once, a whole rule or option set at a time when it comes or goes", () => {
    expect(diffPolicies(before, after)).toEqual([
      { path: "onError", kind: "changed", before: "warn", after: "block" },
      { path: "organisation.disclaimer.text", kind: "changed", before: "Old", after: "New" },
      { path: "organisation.name", kind: "removed", before: "Norcot" },
      { path: "organisation.policyUrl", kind: "added", after: "https://x.org" },
      { path: "organisation.trustedDomains", kind: "changed", before: ["a.gov.uk"], after: ["a.gov.uk", "b.gov.uk"] },
      { path: "rules.b[1].n", kind: "changed", before: 5, after: 6 },
      { path: "rules.c", kind: "removed", before: ["off"] },
      { path: "rules.d", kind: "added", after: ["monitor", { k: true }] },
      { path: "rules.e[1]", kind: "removed", before: { n: 1 } },
      { path: "rules.odd", kind: "changed", before: 42, after: 43 },
    ]);
  });

  it("finds nothing between a policy and itself, or between the short and long forms of a setting", () => {
    expect(diffPolicies(before, before)).toEqual([]);
    expect(diffPolicies({ rules: { a: "warn" } }, { rules: { a: ["warn"] } })).toEqual([]);
    expect(diffPolicies({ rules: { a: ["warn", {}] } }, { rules: { a: "warn" } })).toEqual([]);
  });

  it("reports a whole section that comes or goes as one change", () => {
    expect(diffPolicies({ version: 1 }, { version: 1, organisation: { name: "X" }, rules: { a: "warn" } })).toEqual([
      { path: "organisation", kind: "added", after: { name: "X" } },
      { path: "rules", kind: "added", after: { a: "warn" } },
    ]);
    expect(diffPolicies({ organisation: { disclaimer: { text: "T" } } }, { organisation: {} })).toEqual([
      { path: "organisation.disclaimer", kind: "removed", before: { text: "T" } },
    ]);
  });

  it("compares a setting that is not a severity with options whole", () => {
    expect(diffPolicies({ rules: { a: ["warn", { n: 1 }] } }, { rules: { a: ["loud"] } })).toEqual([
      { path: "rules.a", kind: "changed", before: ["warn", { n: 1 }], after: ["loud"] },
    ]);
    expect(diffPolicies(1, 2)).toEqual([{ path: "(root)", kind: "changed", before: 1, after: 2 }]);
  });
});

describe("diffSettings (setting by setting, for merging)", () => {
  it("splits an added rule into its severity and each option, and names each setting", () => {
    expect(diffSettings({ rules: {} }, { rules: { d: ["monitor", { k: true, j: 2 }] } })).toEqual([
      { path: "rules.d[0]", kind: "added", after: "monitor", setting: { area: "rule", rule: "d", part: "severity" } },
      { path: "rules.d[1].j", kind: "added", after: 2, setting: { area: "rule", rule: "d", part: "option", option: "j" } },
      { path: "rules.d[1].k", kind: "added", after: true, setting: { area: "rule", rule: "d", part: "option", option: "k" } },
    ]);
  });

  it("splits removed options and sections into single settings", () => {
    expect(diffSettings(before, after).map((c) => c.path)).toEqual([
      "onError",
      "organisation.disclaimer.text",
      "organisation.name",
      "organisation.policyUrl",
      "organisation.trustedDomains",
      "rules.b[1].n",
      "rules.c[0]",
      "rules.d[0]",
      "rules.d[1].k",
      "rules.e[1].n",
      "rules.odd",
    ]);
    expect(diffSettings({}, { organisation: { disclaimer: { text: "T" } } })).toEqual([
      { path: "organisation.disclaimer.text", kind: "added", after: "T", setting: { area: "organisation", key: "disclaimer.text" } },
    ]);
  });

  it("keeps an unreadable rule setting whole and the readable side in parts", () => {
    expect(diffSettings({ rules: { a: 42 } }, { rules: { a: ["warn", { n: 1 }] } })).toEqual([
      { path: "rules.a", kind: "removed", before: 42, setting: { area: "rule", rule: "a", part: "whole" } },
      { path: "rules.a[0]", kind: "added", after: "warn", setting: { area: "rule", rule: "a", part: "severity" } },
      { path: "rules.a[1].n", kind: "added", after: 1, setting: { area: "rule", rule: "a", part: "option", option: "n" } },
    ]);
  });
});

describe("rule settings and equality", () => {
  it("reads every written form of a rule setting and refuses others", () => {
    expect(ruleSettingParts("block")).toEqual({ severity: "block", options: {} });
    expect(ruleSettingParts(["warn"])).toEqual({ severity: "warn", options: {} });
    expect(ruleSettingParts(["warn", { n: 1 }])).toEqual({ severity: "warn", options: { n: 1 } });
    expect(ruleSettingParts("loud")).toBeUndefined();
    expect(ruleSettingParts(["loud", {}])).toBeUndefined();
    expect(ruleSettingParts(["warn", 3])).toBeUndefined();
    expect(ruleSettingParts(["warn", {}, {}])).toBeUndefined();
  });

  it("ignores the order of keys but not of list items", () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
