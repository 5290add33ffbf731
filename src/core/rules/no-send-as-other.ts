/**
 * @fileoverview Disallow sending under another person's name unless authorised. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "no-send-as-other",
    title: "Sending as someone else",
    description: "Disallow sending under another person's name unless authorised",
    category: "compliance",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.assumedName,
  },
  check() {
    // Written in the rule's own change.
  },
});
