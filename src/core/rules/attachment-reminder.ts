/**
 * @fileoverview Require an attachment when the text says one is attached. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "attachment-reminder",
    title: "Attachment mentioned but missing",
    description: "Require an attachment when the text says one is attached",
    category: "content",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.heatOfTheMoment,
  },
  check() {
    // Written in the rule's own change.
  },
});
