/**
 * Test helpers shared by the tests of the score-based content rules: a snapshot built once,
 * a rule run on it alone, and the shared large- and pathological-input tests.
 */
import { parseDraft } from "../src/core/draft/parse-draft";
import { buildSnapshot } from "../src/core/engine/build-snapshot";
import { deepFreeze } from "../src/core/engine/freeze";
import { defaultServices } from "../src/core/engine/run-rules";
import type { EmailSnapshot } from "../src/core/model/snapshot";
import { defaultOrganisation } from "../src/core/policy/default-organisation";
import type { ReportDescriptor, RuleModule } from "../src/core/rules/rule";

/**
 * Builds a frozen snapshot of a message from a colleague to a colleague with the given body.
 * @param body - the body text
 * @param overrides - further draft fields
 * @returns the snapshot
 */
export function buildTestSnapshot(body: string, overrides: Record<string, unknown> = {}): EmailSnapshot {
  const draft = parseDraft({
    from: { email: "a.jones@norcotearlyyearscentre.co.uk" },
    to: [{ email: "supplier@example.com" }],
    subject: "Test",
    body,
    ...overrides,
  });
  return deepFreeze(buildSnapshot(draft, defaultOrganisation));
}

/**
 * Runs a rule with its default options on a snapshot.
 * @param rule - the rule
 * @param snapshot - the snapshot
 * @returns what it reported
 */
export function checkOnly<O extends object>(rule: RuleModule<O>, snapshot: EmailSnapshot): ReportDescriptor[] {
  const reported: ReportDescriptor[] = [];
  rule.check(snapshot, {
    options: rule.meta.defaultOptions,
    organisation: defaultOrganisation,
    services: defaultServices,
    report: (d) => reported.push(d),
  });
  return reported;
}

/** A paragraph of ordinary mail, repeated to make long bodies. */
export const ORDINARY_PARAGRAPH =
  "Dear parents, this week we have been reading The Very Hungry Caterpillar and making butterfly prints in Class R. Please send wellies! ";

/** A named body and the message ids the rule reports on it (none unless listed). */
export type LargeInputCase = readonly [name: string, body: string, expected?: readonly string[]];

/**
 * Declares the shared large- and pathological-input tests of a content rule: on 1 MB and 4 MB of
 * ordinary mail and on 50 KB pathological bodies the rule completes and reports what it should
 * (by default nothing). Deterministic: how fast the rule is, and that its time grows linearly,
 * is measured by `npm run bench` (bench/core.bench.js), not here.
 * @param rule - the rule
 * @param extra - further named bodies, each with the message ids expected on it
 */
export function describeLargeInputs<O extends object>(rule: RuleModule<O>, extra: readonly LargeInputCase[] = []): void {
  const mb = ORDINARY_PARAGRAPH.repeat(Math.ceil(1_000_000 / ORDINARY_PARAGRAPH.length));
  describe(`${rule.meta.id} on large and pathological input`, () => {
    const cases: LargeInputCase[] = [
      ["1 MB of ordinary text", mb],
      ["4 MB of ordinary text", mb.repeat(4)],
      ["1 MB with curly quotes and dashes", "Tom’s “big” day — bring £1 or €1! ".repeat(30_000)],
      ["250 KB of accented words", "Café crème brûlée, déjà vu, naïve façade. ".repeat(6_000)],
      ["50 KB of one letter", "a".repeat(50_000)],
      ["50 KB of one capital", "A".repeat(50_000)],
      ["50 KB of exclamation marks", "!".repeat(50_000)],
      ["50 KB of at signs", "@".repeat(50_000)],
      ["50 KB of spaces", " ".repeat(50_000)],
      ["50 KB of line breaks", "\n".repeat(50_000)],
      ["50 KB of apostrophes", "'".repeat(50_000)],
      ...extra,
    ];
    for (const [name, text, expected = []] of cases) {
      it(`checks ${name} and reports what it should`, () => {
        expect(checkOnly(rule, buildTestSnapshot(text)).map((d) => d.messageId)).toEqual(expected);
      });
    }
  });
}
