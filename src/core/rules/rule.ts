/**
 * The contract of a rule module, ESLint-style: `meta` says everything the engine, the admin
 * app and the docs need without running the rule; `check` inspects a frozen snapshot and
 * reports by message id. A rule never knows its severity, does no I/O and keeps no state.
 */
import type { FindingField, FixSuggestion, PolicyClause, Severity } from "../model/finding";
import type { EmailSnapshot } from "../model/snapshot";
import type { Organisation } from "../policy/organisation";
import type { JsonSchema } from "../engine/json-schema";

export type RuleCategory = "recipients" | "content" | "compliance" | "tone" | "privacy" | "attachments";

export type RuleMeta<O extends object = Record<string, unknown>> = Readonly<{
  /** Kebab-case; equals the file name and `docs/rules/<id>.md`. */
  id: string;
  /** Plain words for the sender and the admin app, e.g. "Parents' addresses visible". */
  title: string;
  /** Imperative, no trailing period: "Require …" / "Disallow …". */
  description: string;
  category: RuleCategory;
  /** The Centre's default severity (design.md's catalogue). */
  defaultSeverity: Severity;
  optionsSchema: JsonSchema;
  defaultOptions: O;
  /** Message templates keyed by camelCase id, with `{{slot}}` placeholders. */
  messages: Readonly<Record<string, string>>;
  clause: PolicyClause;
  /** True for the rules about forwarding, which also read quoted history. */
  readsQuotedHistory?: boolean;
}>;

/** What a rule reports. The engine adds the rule id, severity, clause and finding id. */
export type ReportDescriptor = Readonly<{
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  field: FindingField;
  /** What triggered it, with personal data already masked by the rule. */
  evidence?: string;
  fix?: FixSuggestion;
  /** Send itself puts this right (e.g. inserts the disclaimer); the finding then never decides the verdict. */
  fixedAtSend?: boolean;
}>;

/** Helpers the environment provides to rules (pure functions; may differ in size per bundle). */
export type RuleServices = Readonly<{
  /**
   * Splits a host name by the public suffix list.
   * @returns the registrable domain (e.g. `norcot.co.uk`) and its public suffix (`co.uk`), or null for an IP or bare suffix
   */
  splitDomain(host: string): { registrable: string; suffix: string } | null;
}>;

export type RuleContext<O> = Readonly<{
  options: Readonly<O>;
  organisation: Organisation;
  services: RuleServices;
  report(descriptor: ReportDescriptor): void;
}>;

export type RuleModule<O extends object = Record<string, unknown>> = Readonly<{
  meta: RuleMeta<O>;
  check(snapshot: EmailSnapshot, context: RuleContext<O>): void;
}>;

/** A rule with its options type erased, as stored in the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds rules of many option types
export type AnyRuleModule = RuleModule<any>;

/**
 * Identity helper that keeps a rule's options type while checking it against the contract.
 * @param rule - the rule module
 * @returns the same module
 */
export function defineRule<O extends object>(rule: RuleModule<O>): RuleModule<O> {
  return rule;
}
