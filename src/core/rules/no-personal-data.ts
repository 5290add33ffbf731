/**
 * @fileoverview Disallow personal data of children or staff in mail to recipients outside the Centre. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "no-personal-data",
    title: "Personal data leaving the Centre",
    description: "Disallow personal data of children or staff in mail to recipients outside the Centre",
    category: "privacy",
    defaultSeverity: "block",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.dataProtection,
  },
  check() {
    // Written in the rule's own change.
  },
});
