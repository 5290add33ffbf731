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
