/**
 * @fileoverview Disallow forwarding received offensive messages to anyone but SMT. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "no-offensive-forward",
    title: "Forwarding offensive material",
    description: "Disallow forwarding received offensive messages to anyone but SMT",
    category: "content",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.doNotForward,
  },
  check() {
    // Written in the rule's own change.
  },
});
