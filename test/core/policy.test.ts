import { normalizePolicy, PolicyError } from "../../src/core/policy/policy";
import { defaultPolicy, defaultPolicyDocument } from "../../src/core/policy/default-policy";
import { rules } from "../../src/core/rules";
import { validateSchema } from "../../src/core/engine/json-schema";

function errorOf(raw: unknown): PolicyError {
  try {
    normalizePolicy(raw, rules);
  } catch (e) {
    if (e instanceof PolicyError) return e;
    throw e;
  }
  throw new Error("expected a PolicyError");
}

describe("normalizePolicy", () => {
  it("accepts the default policy and enables every rule not set to off", () => {
    const policy = defaultPolicy();
    expect(policy.onError).toBe("warn");
    const enabled = policy.rules.map((r) => r.rule.meta.id);
    for (const [id, rule] of Object.entries(rules)) {
      expect(policy.severities[id]).toBe(rule.meta.defaultSeverity);
      expect(enabled.includes(id)).toBe(rule.meta.defaultSeverity !== "off");
    }
  });

  it("gives rules the policy does not mention their default severity", () => {
    const policy = normalizePolicy({ version: 1, rules: { "no-chain-mail": "block" } }, rules);
    expect(policy.severities["no-chain-mail"]).toBe("block");
    expect(policy.severities["disclaimer"]).toBe(rules["disclaimer"]?.meta.defaultSeverity);
  });

  it("names an unknown rule id and suggests the closest one", () => {
    const e = errorOf({ version: 1, rules: { "no-chain-male": "warn" } });
    expect(e.issues).toEqual([{ path: "rules.no-chain-male", message: 'unknown rule; did you mean "no-chain-mail"?' }]);
    expect(e.message).toBe('rules.no-chain-male: unknown rule; did you mean "no-chain-mail"?');
  });

  it("rejects a bad severity with its path", () => {
    expect(errorOf({ version: 1, rules: { "audience-size": "error" } }).issues[0]).toEqual({
      path: "rules.audience-size",
      message: 'expected "off", "monitor", "warn" or "block", got "error"',
    });
    expect(errorOf({ version: 1, rules: { "audience-size": ["fatal", {}] } }).issues[0]?.path).toBe("rules.audience-size[0]");
    expect(errorOf({ version: 1, rules: { "audience-size": 2 } }).issues[0]?.path).toBe("rules.audience-size");
  });

  it("names the path of a bad option, as design.md shows", () => {
    const withThreshold = Object.values(rules).find((r) => {
      const props = r.meta.optionsSchema.properties ?? {};
      return props["threshold"]?.type === "integer";
    });
    if (!withThreshold) return; // rules with thresholds land with the rule catalogue
    const id = withThreshold.meta.id;
    const e = errorOf({ version: 1, rules: { [id]: ["warn", { threshold: -3 }] } });
    expect(e.issues[0]?.path).toBe(`rules.${id}[1].threshold`);
    expect(e.issues[0]?.message).toMatch(/^expected (a positive integer|an integer)/);
  });

  it("rejects unknown options of a rule", () => {
    const e = errorOf({ version: 1, rules: { "subject-required": ["warn", { colour: "red" }] } });
    expect(e.issues[0]?.path).toBe("rules.subject-required[1].colour");
    expect(e.issues[0]?.message).toMatch(/^unknown option/);
  });

  it("does not validate options of a rule that is off", () => {
    const policy = normalizePolicy({ version: 1, rules: { "subject-required": ["off", { colour: "red" }] } }, rules);
    expect(policy.severities["subject-required"]).toBe("off");
    expect(policy.rules.some((r) => r.rule.meta.id === "subject-required")).toBe(false);
  });

  it("checks version, onError and the organisation", () => {
    const e = errorOf({ version: 2, onError: "explode", organisation: { internalDomains: ["Not A Domain"], smtAddresses: ["head"] } });
    expect(e.issues.map((i) => i.path)).toEqual(["version", "onError", "organisation.internalDomains[0]", "organisation.smtAddresses[0]"]);
    expect(e.issues[2]?.message).toBe('expected a lower-case domain name such as example.org, got "Not A Domain"');
  });

  it("rejects things that are not a policy at all", () => {
    expect(errorOf(null).issues[0]?.message).toBe("expected a policy object, got null");
    expect(errorOf([]).issues[0]?.message).toBe("expected a policy object, got an array");
    expect(errorOf({ version: 1, rule: {} }).issues[0]).toEqual({ path: "rule", message: "unknown setting; expected version, onError, organisation or rules" });
  });

  it("fills a partial organisation from the Centre's defaults and lower-cases lists", () => {
    const policy = normalizePolicy({ version: 1, organisation: { trustedDomains: ["la.gov.uk"], smtAddresses: ["Head@Example.org"] } }, rules);
    expect(policy.organisation.internalDomains).toEqual(["norcotearlyyearscentre.co.uk"]);
    expect(policy.organisation.trustedDomains).toEqual(["la.gov.uk"]);
    expect(policy.organisation.smtAddresses).toEqual(["head@example.org"]);
  });

  it("round-trips the default policy document through JSON", () => {
    const doc = JSON.parse(JSON.stringify(defaultPolicyDocument()));
    expect(() => normalizePolicy(doc, rules)).not.toThrow();
  });
});

describe("validateSchema", () => {
  it("reports every problem with its path", () => {
    const issues = validateSchema(
      { a: "x", list: [1, "two"], nested: { n: 0 } },
      {
        type: "object",
        additionalProperties: false,
        properties: {
          a: { type: "integer", minimum: 1 },
          list: { type: "array", items: { type: "integer" } },
          nested: { type: "object", properties: { n: { type: "integer", minimum: 1, maximum: 9 } } },
        },
      },
      "rules.x[1]",
    );
    expect(issues).toEqual([
      { path: "rules.x[1].a", message: "expected a positive integer, got a string" },
      { path: "rules.x[1].list[1]", message: "expected an integer, got a string" },
      { path: "rules.x[1].nested.n", message: "expected an integer from 1 to 9, got 0" },
    ]);
  });
});
