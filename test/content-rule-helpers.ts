/**
 * Test helpers shared by the tests of the score-based content rules: a snapshot built once,
 * and a rule run on it alone (for timing the rule without parsing and segmenting).
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

/**
 * Fastest of several runs of a rule on a snapshot of the given body (snapshot built once).
 * @param rule - the rule
 * @param body - the body text
 * @param overrides - further draft fields
 * @param runs - how many runs
 * @returns milliseconds
 */
export function timeRule<O extends object>(rule: RuleModule<O>, body: string, overrides: Record<string, unknown> = {}, runs = 3): number {
  const snapshot = buildTestSnapshot(body, overrides);
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    checkOnly(rule, snapshot);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** A paragraph of ordinary mail, repeated to make long bodies. */
export const ORDINARY_PARAGRAPH =
  "Dear parents, this week we have been reading The Very Hungry Caterpillar and making butterfly prints in Class R. Please send wellies! ";

/**
 * Declares the shared performance tests of a content rule: 1 MB of ordinary mail well under
 * 100 ms, pathological 50 KB inputs under 100 ms, and 4 MB within 4.5 times 1 MB.
 * @param rule - the rule
 * @param extra - further named bodies to time
 */
export function describePerformance<O extends object>(rule: RuleModule<O>, extra: readonly (readonly [string, string])[] = []): void {
  const mb = ORDINARY_PARAGRAPH.repeat(Math.ceil(1_000_000 / ORDINARY_PARAGRAPH.length));
  describe(`${rule.meta.id} performance`, () => {
    const cases: (readonly [string, string])[] = [
      ["1 MB of ordinary text", mb],
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
    it.each(cases)("checks %s quickly", (_name, text) => {
      timeRule(rule, text.slice(0, 2000));
      expect(timeRule(rule, text)).toBeLessThan(100);
    });

    it("grows linearly (4 MB within 4.5 times 1 MB)", () => {
      const one = buildTestSnapshot(mb);
      const four = buildTestSnapshot(mb.repeat(4));
      // Interleaved, fastest of each: a burst of load on a shared machine then hits both sizes.
      // Up to five rounds; a rule that is really slower than linear fails all of them.
      let tOne = Infinity;
      let tFour = Infinity;
      for (let round = 0; round < 5 && !(tFour < Math.max(4.5 * tOne, 40)); round++) {
        tOne = Infinity;
        tFour = Infinity;
        for (let k = 0; k < 5; k++) {
          let start = performance.now();
          checkOnly(rule, one);
          tOne = Math.min(tOne, performance.now() - start);
          start = performance.now();
          checkOnly(rule, four);
          tFour = Math.min(tFour, performance.now() - start);
        }
      }
      expect(tFour).toBeLessThan(Math.max(4.5 * tOne, 40));
    });
  });
}
