/**
 * @fileoverview Disallow music and video attachments and oversized files. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "no-media-attachment",
    title: "Music, video or oversized attachment",
    description: "Disallow music and video attachments and oversized files",
    category: "attachments",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.copyright,
  },
  check() {
    // Written in the rule's own change.
  },
});
