/**
 * The Centre's default policy: each rule at the default severity design.md gives it, with its
 * default options, and the Centre's organisation settings. `policy --print-default` prints it
 * as JSON so SMT can start from it.
 */
import { rules } from "../rules";
import { defaultOrganisation } from "./default-organisation";
import { normalizePolicyUnworded, type NormalizedPolicy, type PolicyDocument, type RuleSetting } from "./policy";

/**
 * Builds the default policy document from the rules' own `meta`.
 * @returns a complete policy document
 */
export function defaultPolicyDocument(): PolicyDocument {
  const ruleSettings: Record<string, RuleSetting> = {};
  for (const [id, rule] of Object.entries(rules)) {
    const options = rule.meta.defaultOptions as Record<string, unknown>;
    ruleSettings[id] = Object.keys(options).length > 0 ? [rule.meta.defaultSeverity, { ...options }] : rule.meta.defaultSeverity;
  }
  return {
    version: 1,
    onError: "warn",
    organisation: {
      ...defaultOrganisation,
      internalDomains: [...defaultOrganisation.internalDomains],
      trustedDomains: [...defaultOrganisation.trustedDomains],
      smtAddresses: [...defaultOrganisation.smtAddresses],
      authorisedForCommitments: [...defaultOrganisation.authorisedForCommitments],
      sharedMailboxes: [...defaultOrganisation.sharedMailboxes],
    },
    rules: ruleSettings,
  };
}

let cached: NormalizedPolicy | undefined;

/**
 * The default policy, normalised (computed once). Without the words of errors
 * (`normalizePolicyUnworded`): the send handler's bundle carries this function, and the
 * document, built from the rules' own defaults, is valid (a test checks it; were it not, the
 * PolicyError would still name every path).
 * @returns the normalised default policy
 */
export function defaultPolicy(): NormalizedPolicy {
  cached ||= normalizePolicyUnworded(defaultPolicyDocument(), rules);
  return cached;
}
