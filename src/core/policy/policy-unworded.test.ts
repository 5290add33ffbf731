/**
 * normalizePolicyUnworded (the send handler's validation of the published and compiled-in
 * policy) accepts exactly the policies normalizePolicy accepts, with the same result, and
 * refuses the others with the same issues at the same paths, only without their words.
 */
import { rules } from "../rules";
import { checkSchema, unworded, validateSchema, type JsonSchema } from "../engine/json-schema";
import { defaultPolicyDocument } from "./default-policy";
import { normalizePolicy, normalizePolicyUnworded, organisationSchema, PolicyError } from "./policy";
import { mulberry32 } from "../../../test/random";

type Outcome = { ok: true; policy: unknown } | { ok: false; paths: string[]; messages: string[] };

function outcome(normalize: (raw: unknown) => unknown, raw: unknown): Outcome {
  try {
    return { ok: true, policy: normalize(raw) };
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    return { ok: false, paths: e.issues.map((i) => i.path), messages: e.issues.map((i) => i.message) };
  }
}


/** Values of every JSON type, in and out of the ranges the schemas allow. */
const ODD_VALUES: unknown[] = [
  null, true, false, 0, 1, -1, 2, 3, 9, 10, 11, 100, 1e9, 0.5, -0.5, Number.NaN, "", "x", "warn", "off", "monitor", "block", "allow", "error",
  "Example.org", "example.org", "a@b.co", "not an address", "http://x", "ftp://x", [], ["warn"], ["warn", {}], ["warn", { nope: 1 }], ["off", 3], ["x"],
  [1, 2], ["a", "a"], ["example.org", "example.org"], {}, { a: 1 }, { text: "t" }, { text: "t", html: "h" }, "x".repeat(300),
];

/** A copy of `doc` with the value at a random path (existing or new) replaced by a random odd value. */
function mutate(doc: unknown, next: () => number): unknown {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const copy = JSON.parse(JSON.stringify(doc) ?? "null") as unknown;
  if (copy === null || typeof copy !== "object" || next() < 0.05) return pick(ODD_VALUES);
  let node = copy as Record<string, unknown>;
  for (let depth = 0; depth < 6; depth++) {
    const keys = Object.keys(node);
    const key = keys.length === 0 || next() < 0.1 ? pick(["nope", "version", "rules", "0", "1", "threshold", "extraPhrases", "name"]) : pick(keys);
    const child = node[key];
    if (child !== null && typeof child === "object" && next() < 0.75) {
      node = child as Record<string, unknown>;
      continue;
    }
    node[key] = next() < 0.1 ? undefined : pick(ODD_VALUES);
    break;
  }
  return copy;
}

describe("normalizePolicyUnworded", () => {
  const worded = (raw: unknown): unknown => normalizePolicy(raw, rules);
  const bare = (raw: unknown): unknown => normalizePolicyUnworded(raw, rules);

  it("gives the default policy document the same result as normalizePolicy", () => {
    const doc = defaultPolicyDocument();
    expect(outcome(bare, doc)).toEqual(outcome(worded, doc));
    expect(outcome(bare, doc).ok).toBe(true);
  });

  it("refuses what normalizePolicy refuses, at the same paths, with empty messages", () => {
    const cases: unknown[] = [
      null,
      [],
      "policy",
      { version: 2 },
      { version: 1, onError: "explode" },
      { version: 1, rule: {} },
      { version: 1, rules: [] },
      { version: 1, rules: { "no-chain-male": "warn" } },
      { version: 1, rules: { "audience-size": "error" } },
      { version: 1, rules: { "audience-size": ["error", {}] } },
      { version: 1, rules: { "audience-size": [] } },
      { version: 1, rules: { "audience-size": ["warn", 3] } },
      { version: 1, rules: { "audience-size": ["warn", { threshold: "many", nope: true }] } },
      { version: 1, organisation: { internalDomains: ["Not A Domain", "example.org", "example.org"], smtAddresses: ["x"], policyUrl: "ftp://x" } },
      { version: 1, organisation: { disclaimer: { text: "" } } },
    ];
    for (const raw of cases) {
      const expected = outcome(worded, raw);
      const got = outcome(bare, raw);
      expect(expected.ok).toBe(false);
      expect(got).toEqual(expected.ok ? expected : { ok: false, paths: expected.paths, messages: expected.paths.map(() => "") });
    }
  });

  it("agrees with normalizePolicy on 1,000 random changes to the default document", () => {
    const next = mulberry32(14);
    const base = defaultPolicyDocument();
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      const raw = mutate(i % 3 === 0 ? base : mutate(base, next), next);
      const expected = outcome(worded, raw);
      const got = outcome(bare, raw);
      if (expected.ok) {
        expect(got).toEqual(expected);
      } else {
        refused++;
        expect(got).toEqual({ ok: false, paths: expected.paths, messages: expected.paths.map(() => "") });
        expect(expected.messages.every((m) => m.length > 0)).toBe(true);
      }
    }
    // Both kinds are well represented.
    expect(refused).toBeGreaterThan(200);
    expect(refused).toBeLessThan(950);
  });
});

describe("checkSchema with no words", () => {
  it("finds the issues validateSchema finds, at the same paths", () => {
    const next = mulberry32(7);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const schemas: JsonSchema[] = [organisationSchema, ...Object.values(rules).map((r) => r.meta.optionsSchema)];
    for (let i = 0; i < 2000; i++) {
      const schema = pick(schemas);
      const value: Record<string, unknown> = {};
      for (const key of [...Object.keys(schema.properties ?? {}), "nope"]) if (next() < 0.5) value[key] = pick(ODD_VALUES);
      const expected = validateSchema(value, schema, "p");
      expect(checkSchema(value, schema, "p", unworded)).toEqual(expected.map((issue) => ({ path: issue.path, message: "" })));
    }
  });
});
