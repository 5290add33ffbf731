/**
 * @fileoverview Require Bcc when many external addresses would see each other. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "bcc-for-bulk-mail",
    title: "Parents' addresses visible to each other",
    description: "Require Bcc when many external addresses would see each other",
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
