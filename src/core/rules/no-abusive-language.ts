/**
 * @fileoverview Disallow abusive, obscene, discriminatory, harassing or threatening language. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "no-abusive-language",
    title: "Abusive or offensive language",
    description: "Disallow abusive, obscene, discriminatory, harassing or threatening language",
    category: "tone",
    defaultSeverity: "block",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.abusive,
  },
  check() {
    // Written in the rule's own change.
  },
});
