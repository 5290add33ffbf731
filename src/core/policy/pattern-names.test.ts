/**
 * The organisation schema's pattern names live beside the schema (policy.ts `PATTERN_NAMES`),
 * not in it, so the on-send handler does not carry them; every worded check still says them.
 */
import { checkSchema, validateSchema, type JsonSchema } from "../engine/json-schema";
import { rules } from "../rules";
import { normalizePolicy, normalizePolicyUnworded, organisationSchema, organisationSchemaWording, PolicyError, withPatternName } from "./policy";

const items = (key: string): JsonSchema => (organisationSchema.properties?.[key] as JsonSchema).items as JsonSchema;

function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (e) {
    if (e instanceof PolicyError) return e.issues.map((i) => ({ path: i.path, message: i.message }));
    throw e;
  }
  throw new Error("no PolicyError");
}

const wrong = { version: 1, organisation: { internalDomains: ["Not A Domain"], smtAddresses: ["head"], policyUrl: "ftp://x" }, rules: {} };

describe("organisation schema pattern names", () => {
  it("words a policy's pattern issues with the pattern's name", () => {
    expect(issuesOf(() => normalizePolicy(wrong, rules))).toEqual([
      { path: "organisation.internalDomains[0]", message: 'expected a lower-case domain name such as example.org, got "Not A Domain"' },
      { path: "organisation.smtAddresses[0]", message: 'expected an e-mail address, got "head"' },
      { path: "organisation.policyUrl", message: 'expected an http(s) address, got "ftp://x"' },
    ]);
    expect(issuesOf(() => normalizePolicyUnworded(wrong, rules))).toEqual([
      { path: "organisation.internalDomains[0]", message: "" },
      { path: "organisation.smtAddresses[0]", message: "" },
      { path: "organisation.policyUrl", message: "" },
    ]);
  });

  it("gives the admin app's checks the same words", () => {
    expect(checkSchema(wrong.organisation, organisationSchema, "organisation", organisationSchemaWording).map((i) => i.message)).toEqual([
      'expected a lower-case domain name such as example.org, got "Not A Domain"',
      'expected an e-mail address, got "head"',
      'expected an http(s) address, got "ftp://x"',
    ]);
    expect(validateSchema("head", withPatternName(items("sharedMailboxes")))[0]?.message).toBe('expected an e-mail address, got "head"');
    expect(withPatternName(items("trustedDomains")).patternName).toBe("a lower-case domain name such as example.org");
  });

  it("leaves alone schemas with a name of their own, other patterns and no schema", () => {
    const own: JsonSchema = { type: "string", pattern: "^https?://", patternName: "a web page" };
    const other: JsonSchema = { type: "string", pattern: "^x$" };
    expect(withPatternName(own)).toBe(own);
    expect(withPatternName(other)).toBe(other);
    expect(withPatternName(undefined)).toBeUndefined();
    expect(withPatternName({ type: "string", pattern: "constructor" })).toEqual({ type: "string", pattern: "constructor" });
    expect(validateSchema("y", other)[0]?.message).toBe('expected text matching /^x$/, got "y"');
  });
});
