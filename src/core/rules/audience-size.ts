/**
 * @fileoverview Disallow sending or replying to all of a large audience without need. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "audience-size",
    title: "Too many recipients",
    description: "Disallow sending or replying to all of a large audience without need",
    category: "recipients",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.congestion,
  },
  check() {
    // Written in the rule's own change.
  },
});
