/**
 * @fileoverview Disallow complaints about colleagues or departments by e-mail. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "no-complaint-by-email",
    title: "Complaint about a colleague by e-mail",
    description: "Disallow complaints about colleagues or departments by e-mail",
    category: "tone",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.complaints,
  },
  check() {
    // Written in the rule's own change.
  },
});
