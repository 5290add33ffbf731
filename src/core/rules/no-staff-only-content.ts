/**
 * @fileoverview Disallow staff-only material in mail to parents or other outsiders. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "no-staff-only-content",
    title: "Staff-only material to outsiders",
    description: "Disallow staff-only material in mail to parents or other outsiders",
    category: "privacy",
    defaultSeverity: "block",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.staffOnly,
  },
  check() {
    // Written in the rule's own change.
  },
});
