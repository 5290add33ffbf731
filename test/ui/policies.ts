/** Small policies for UI tests, so the tests do not depend on every rule's wording. */
import { normalizePolicy, rules, type NormalizedPolicy, type RuleSetting } from "../../src/core";
import { defineRule } from "../../src/core/rules/rule";
import { defaultOrganisation } from "../../src/core/policy/default-organisation";

/**
 * A policy with only the named rules on.
 * @param on - rule id → setting
 * @returns the normalised policy
 */
export function onlyRules(on: Record<string, RuleSetting>): NormalizedPolicy {
  const settings: Record<string, RuleSetting> = Object.fromEntries(Object.keys(rules).map((id) => [id, "off"]));
  return normalizePolicy({ version: 1, rules: { ...settings, ...on } }, rules);
}

/** A warn-level rule that flags "!!!" and offers "Send in 10 minutes", like no-heated-tone. */
export const heatedTestRule = defineRule({
  meta: {
    id: "no-heated-tone",
    title: "Written in the heat of the moment",
    description: "Disallow heated messages",
    category: "tone",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: { heated: "This message sounds heated. Take a moment before sending it." },
    clause: rules["no-heated-tone"]!.meta.clause,
  },
  check(snapshot, context) {
    if (snapshot.body.authored.includes("!!!")) context.report({ messageId: "heated", field: "body", evidence: "!!!", fix: { kind: "delay-send" } });
  },
});

/** A policy that runs only the heated test rule, at warn. */
export function heatedPolicy(): NormalizedPolicy {
  return { version: 1, onError: "warn", organisation: defaultOrganisation, rules: [{ rule: heatedTestRule, severity: "warn", options: {} }], severities: { "no-heated-tone": "warn" } };
}
