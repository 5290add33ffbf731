/**
 * @fileoverview Require the Centre standard disclaimer on every e-mail. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "disclaimer",
    title: "Standard disclaimer missing",
    description: "Require the Centre standard disclaimer on every e-mail",
    category: "compliance",
    defaultSeverity: "block",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.disclaimer,
  },
  check() {
    // Written in the rule's own change.
  },
});
