/**
 * @fileoverview Disallow recipient domains that imitate an internal or trusted domain. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "no-lookalike-domain",
    title: "Recipient domain imitates a trusted one",
    description: "Disallow recipient domains that imitate an internal or trusted domain",
    category: "recipients",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.insecure,
  },
  check() {
    // Written in the rule's own change.
  },
});
