/**
 * @fileoverview Disallow shouting, hostile wording and accusations written in the heat of the moment. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "no-heated-tone",
    title: "Written in the heat of the moment",
    description: "Disallow shouting, hostile wording and accusations written in the heat of the moment",
    category: "tone",
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
