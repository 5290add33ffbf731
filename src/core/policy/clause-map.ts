/**
 * Which clause of the Centre's policy each finding enforces: the rule's own (`meta.clause`),
 * unless this table gives its message another. One rule may enforce different clauses (an
 * oversized attachment is about system congestion, a music file about copyright). The engine
 * quotes the clause on every finding; a test checks every (rule, message id) pair against a
 * hand-written expectation. Only the exceptions are listed: a table of every pair repeated
 * each rule's clause and cost the send handler's bundle about 300 B gzipped.
 */
import { CLAUSES } from "./clauses";

export type ClauseId = keyof typeof CLAUSES;

/** rule id → message id → clause id, for the messages whose clause is not their rule's `meta.clause`. */
export const CLAUSE_OF_MESSAGE: Readonly<Record<string, Readonly<Record<string, ClauseId>>>> = {
  "no-media-attachment": { largeFile: "congestion", largeTotal: "congestion" },
};

/**
 * The clause a finding quotes when it is not its rule's own.
 * @param ruleId - the rule
 * @param messageId - the finding's message id
 * @returns the clause, or undefined when the pair is not in the table (the engine then quotes
 *   the rule's own clause, `meta.clause`)
 */
export function clauseOfMessage(ruleId: string, messageId: string): (typeof CLAUSES)[ClauseId] | undefined {
  const id = CLAUSE_OF_MESSAGE[ruleId]?.[messageId];
  return id === undefined ? undefined : CLAUSES[id];
}
