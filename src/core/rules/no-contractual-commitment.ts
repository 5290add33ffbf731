/**
 * @fileoverview Disallow agreeing terms or contracts by e-mail without authority. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "no-contractual-commitment",
    title: "Agreeing terms without authority",
    description: "Disallow agreeing terms or contracts by e-mail without authority",
    category: "compliance",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.commitments,
  },
  check() {
    // Written in the rule's own change.
  },
});
