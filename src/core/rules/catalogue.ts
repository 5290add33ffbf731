/**
 * The rule catalogue as the policy server's `GET /api/rules` gives it to the admin app: each
 * rule's documentation, defaults, options schema and clause, without its check.
 */
import type { JsonSchema } from "../engine/json-schema";
import type { PolicyClause } from "../model/finding";
import type { AnyRuleModule } from "./rule";

/** One rule of the catalogue. */
export type RuleInfo = Readonly<{
  id: string;
  title: string;
  description: string;
  category: string;
  defaultSeverity: string;
  optionsSchema: JsonSchema;
  defaultOptions: Readonly<Record<string, unknown>>;
  clause: PolicyClause;
}>;

/**
 * Lists the rules for the admin app.
 * @param rules - rule id → rule module
 * @returns one entry per rule, in the order given
 */
export function ruleCatalogue(rules: Readonly<Record<string, AnyRuleModule>>): RuleInfo[] {
  return Object.values(rules).map(({ meta }) => ({
    id: meta.id,
    title: meta.title,
    description: meta.description,
    category: meta.category,
    defaultSeverity: meta.defaultSeverity,
    optionsSchema: meta.optionsSchema,
    defaultOptions: meta.defaultOptions,
    clause: meta.clause,
  }));
}
