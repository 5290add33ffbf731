/**
 * RuleTester, modelled on ESLint's: `runRuleTests(rule, { valid, invalid })`.
 * - validates options against the rule's schema and the rule's `meta` against the contract;
 * - deep-freezes the snapshot, so a rule that mutates it fails;
 * - refuses invalid cases that list no expected findings;
 * - fails when a `messages` entry is never exercised by an invalid case.
 * Cases are compared by messageId, field and data — never by message text.
 */
import { parseDraft } from "../src/core/draft/parse-draft";
import { buildSnapshot } from "../src/core/engine/build-snapshot";
import { deepFreeze } from "../src/core/engine/freeze";
import { interpolate } from "../src/core/engine/interpolate";
import { validateSchema } from "../src/core/engine/json-schema";
import { defaultServices } from "../src/core/engine/run-rules";
import type { FindingField, FixSuggestion } from "../src/core/model/finding";
import { defaultOrganisation } from "../src/core/policy/default-organisation";
import type { Organisation } from "../src/core/policy/organisation";
import type { ReportDescriptor, RuleModule, RuleServices } from "../src/core/rules/rule";

/** Draft JSON as a test writes it (any MessageDraft JSON; defaults fill the rest). */
export type DraftInput = Record<string, unknown>;

export type ValidCase<O> = Readonly<{
  name?: string;
  draft: DraftInput;
  options?: Partial<O>;
  organisation?: Partial<Organisation>;
  services?: RuleServices;
}>;

export type ExpectedFinding = Readonly<{
  messageId: string;
  field?: FindingField;
  /** Every key given must equal the reported data's value. */
  data?: Readonly<Record<string, string | number>>;
  /** Strings that must appear in the evidence. */
  evidenceIncludes?: readonly string[];
  /** Strings that must NOT appear in the evidence (e.g. unmasked personal data). */
  evidenceExcludes?: readonly string[];
  fix?: FixSuggestion;
}>;

export type InvalidCase<O> = ValidCase<O> &
  Readonly<{
    errors: readonly ExpectedFinding[];
    /** When true, extra findings beyond `errors` are allowed (matched in order as a subsequence). */
    allowExtra?: boolean;
  }>;

/** The staff member who sends every test message unless the case says otherwise. */
export const STAFF = { email: "a.jones@norcotearlyyearscentre.co.uk", name: "Amy Jones" };

/**
 * Builds MessageDraft JSON with sensible defaults: sent by a member of staff to one colleague.
 * @param overrides - fields to set
 * @returns draft JSON
 */
export function makeDraft(overrides: DraftInput = {}): DraftInput {
  return {
    from: STAFF,
    sender: STAFF,
    to: [{ email: "b.smith@norcotearlyyearscentre.co.uk", name: "Ben Smith", type: "user" }],
    subject: "Staff rota for next week",
    body: "Hi Ben,\n\nThe rota for next week is on the board.\n\nThanks,\nAmy",
    ...overrides,
  };
}

/**
 * Runs a rule on one case and returns what it reported.
 * @param rule - the rule
 * @param testCase - the case
 * @returns the descriptors reported
 */
export function runRule<O extends object>(rule: RuleModule<O>, testCase: ValidCase<O>): ReportDescriptor[] {
  const options = { ...rule.meta.defaultOptions, ...(testCase.options ?? {}) } as O;
  const issues = validateSchema(options, rule.meta.optionsSchema, `rules.${rule.meta.id}[1]`);
  if (issues.length > 0) throw new Error(`Invalid options in test case: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  const organisation: Organisation = { ...defaultOrganisation, ...(testCase.organisation ?? {}) };
  const draft = parseDraft(testCase.draft);
  const snapshot = deepFreeze(buildSnapshot(draft, organisation));
  const reported: ReportDescriptor[] = [];
  rule.check(snapshot, {
    options: deepFreeze(options),
    organisation,
    services: testCase.services ?? defaultServices,
    report(d) {
      if (rule.meta.messages[d.messageId] === undefined) throw new Error(`Unknown messageId "${d.messageId}"`);
      reported.push(d);
    },
  });
  return reported;
}

function checkMeta<O extends object>(rule: RuleModule<O>): void {
  const { meta } = rule;
  expect(meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  expect(meta.description).toMatch(/^(Require|Disallow|Enforce) /);
  expect(meta.description).not.toMatch(/\.$/);
  expect(meta.title.length).toBeGreaterThan(0);
  expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
  for (const [id, text] of Object.entries(meta.messages)) {
    expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(text).toMatch(/^[A-Z"'‘“]/);
    expect(text).toMatch(/[.?]$/);
  }
  expect(validateSchema(meta.defaultOptions, meta.optionsSchema, "defaultOptions")).toEqual([]);
  expect(meta.optionsSchema.type).toBe("object");
  expect(meta.optionsSchema.additionalProperties).toBe(false);
}

function matches(actual: ReportDescriptor, expected: ExpectedFinding): boolean {
  if (actual.messageId !== expected.messageId) return false;
  if (expected.field !== undefined && actual.field !== expected.field) return false;
  if (expected.data) {
    for (const [k, v] of Object.entries(expected.data)) if (actual.data?.[k] !== v) return false;
  }
  for (const s of expected.evidenceIncludes ?? []) if (!(actual.evidence ?? "").includes(s)) return false;
  for (const s of expected.evidenceExcludes ?? []) if ((actual.evidence ?? "").includes(s)) return false;
  if (expected.fix !== undefined && JSON.stringify(actual.fix) !== JSON.stringify(expected.fix)) return false;
  return true;
}

function describeCase(c: ValidCase<unknown>, index: number): string {
  if (c.name) return c.name;
  const d = c.draft as { subject?: string; body?: string };
  return `#${index}: ${JSON.stringify((d.body ?? d.subject ?? "").slice(0, 60))}`;
}

/**
 * Declares the Jest tests for a rule.
 * @param rule - the rule
 * @param cases - valid cases (no findings) and invalid cases (expected findings)
 */
export function runRuleTests<O extends object>(
  rule: RuleModule<O>,
  cases: Readonly<{ valid: readonly ValidCase<O>[]; invalid: readonly InvalidCase<O>[] }>,
): void {
  describe(rule.meta.id, () => {
    it("has a well-formed meta", () => checkMeta(rule));

    it("covers every message id with an invalid case", () => {
      const used = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect(Object.keys(rule.meta.messages).filter((id) => !used.has(id))).toEqual([]);
    });

    describe("valid", () => {
      cases.valid.forEach((c, i) => {
        it(describeCase(c, i), () => {
          const reported = runRule(rule, c);
          expect(reported.map((r) => ({ messageId: r.messageId, evidence: r.evidence }))).toEqual([]);
        });
      });
    });

    describe("invalid", () => {
      cases.invalid.forEach((c, i) => {
        it(describeCase(c, i), () => {
          expect(c.errors.length).toBeGreaterThan(0);
          const reported = runRule(rule, c);
          for (const r of reported) {
            // Every report must interpolate fully: no `{{slot}}` left.
            expect(interpolate(rule.meta.messages[r.messageId] as string, r.data)).not.toMatch(/\{\{/);
          }
          if (c.allowExtra) {
            let j = 0;
            for (const r of reported) if (j < c.errors.length && matches(r, c.errors[j] as ExpectedFinding)) j++;
            if (j < c.errors.length) expect(reported).toEqual(c.errors);
          } else {
            expect(reported.length).toBe(c.errors.length);
            c.errors.forEach((e, k) => {
              const r = reported[k] as ReportDescriptor;
              if (!matches(r, e)) expect(r).toEqual(expect.objectContaining(e));
            });
          }
        });
      });
    });
  });
}
