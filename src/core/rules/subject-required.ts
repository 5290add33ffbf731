/**
 * @fileoverview Require a meaningful subject line. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "subject-required",
    title: "Missing or meaningless subject",
    description: "Require a meaningful subject line",
    category: "content",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.professional,
  },
  check() {
    // Written in the rule's own change.
  },
});
