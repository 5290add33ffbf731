/**
 * @fileoverview Require confirmation of parental consent before photos leave the Centre. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "photo-consent",
    title: "Photos going outside the Centre",
    description: "Require confirmation of parental consent before photos leave the Centre",
    category: "attachments",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.photoConsent,
  },
  check() {
    // Written in the rule's own change.
  },
});
