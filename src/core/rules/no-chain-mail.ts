/**
 * @fileoverview Disallow chain letters, hoaxes, jokes and gossip round-robins. (Placeholder meta; the rule's check is written in its own change.)
 */
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";

export default defineRule({
  meta: {
    id: "no-chain-mail",
    title: "Chain mail, jokes or gossip",
    description: "Disallow chain letters, hoaxes, jokes and gossip round-robins",
    category: "content",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {},
    clause: CLAUSES.chainMail,
  },
  check() {
    // Written in the rule's own change.
  },
});
