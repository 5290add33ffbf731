/**
 * The policy SMT configure (design.md, "Policy (JSON)"), its validation and its
 * normalisation. A policy is checked once, when it is loaded; the engine then runs only the
 * normalised form. Every error names the path of the problem in the policy document.
 */
import type { Severity } from "../model/finding";
import type { AnyRuleModule } from "../rules/rule";
import { checkSchema, joinPath, schemaWording, unworded, type JsonSchema, type SchemaIssue, type Wording } from "../engine/json-schema";
import { defaultOrganisation } from "./default-organisation";
import type { Organisation } from "./organisation";
import { isRecord } from "../util/is-record";
import { SEVERITY_ORDER } from "../model/severity";

export const SEVERITIES: readonly Severity[] = SEVERITY_ORDER;
export type OnError = "allow" | "warn" | "block";
export const ON_ERROR_VALUES: readonly OnError[] = ["allow", "warn", "block"];

/** A rule's setting as written: a severity, or `[severity, options]`. */
export type RuleSetting = Severity | readonly [Severity] | readonly [Severity, Record<string, unknown>];

/** The policy as JSON. Missing parts take the Centre's defaults. */
export type PolicyDocument = {
  version: 1;
  onError?: OnError;
  organisation?: Partial<Organisation>;
  rules?: Record<string, RuleSetting>;
};

/** One rule as the engine runs it. */
export type ConfiguredRule = Readonly<{
  rule: AnyRuleModule;
  severity: Exclude<Severity, "off">;
  options: Readonly<Record<string, unknown>>;
}>;

export type NormalizedPolicy = Readonly<{
  version: 1;
  onError: OnError;
  organisation: Organisation;
  /** Enabled rules only, in catalogue order. */
  rules: readonly ConfiguredRule[];
  /** Every known rule's severity, including `off`. */
  severities: Readonly<Record<string, Severity>>;
}>;

/** Thrown when a policy is not valid. `issues` lists every problem with its path. */
export class PolicyError extends Error {
  readonly issues: readonly SchemaIssue[];

  constructor(issues: readonly SchemaIssue[]) {
    const lines = issues.slice(0, 10).map((i) => `${i.path}: ${i.message}`);
    if (issues.length > 10) lines.push(`… and ${issues.length - 10} more`);
    super(lines.join("\n"));
    this.name = "PolicyError";
    this.issues = issues;
  }
}

const DOMAIN_PATTERN = "^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}$";
const ADDRESS_PATTERN = "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$";
const URL_PATTERN = "^https?://";
const domain: JsonSchema = { type: "string", pattern: DOMAIN_PATTERN };
const address: JsonSchema = { type: "string", pattern: ADDRESS_PATTERN };

/**
 * Words for the organisation schema's patterns, in messages ("expected an e-mail address"). They
 * are kept out of the schema itself, so that the on-send handler, which checks without words,
 * does not carry them: `withPatternName` puts them back where a message is written.
 */
const PATTERN_NAMES: ReadonlyMap<string, string> = new Map([
  [DOMAIN_PATTERN, "a lower-case domain name such as example.org"],
  [ADDRESS_PATTERN, "an e-mail address"],
  [URL_PATTERN, "an http(s) address"],
]);

/**
 * A schema with the words for its pattern (`patternName`) when it is one of the organisation
 * schema's patterns and has none of its own; otherwise the schema itself.
 * @param schema - a schema, e.g. an item schema of `organisationSchema`
 * @returns the schema, or a copy with `patternName`
 */
export function withPatternName<S extends JsonSchema | undefined>(schema: S): S {
  if (schema === undefined || schema.pattern === undefined || schema.patternName !== undefined) return schema;
  const name = PATTERN_NAMES.get(schema.pattern);
  return name === undefined ? schema : { ...schema, patternName: name };
}

/**
 * `schemaWording` with the organisation schema's pattern names (see `withPatternName`).
 * @param kind - the check that failed (see `checkSchema`)
 * @param value - the value found
 * @param about - the schema, or for "duplicate" the item's JSON text
 * @returns the message
 */
export function organisationSchemaWording(kind: string, value: unknown, about?: unknown): string {
  return schemaWording(kind, value, kind === "pattern" ? withPatternName(about as JsonSchema) : about);
}

/** The schema of `organisation`; every property is optional (defaults fill the gaps). */
export const organisationSchema: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    name: { type: "string", minLength: 1, maxLength: 200 },
    internalDomains: { type: "array", items: domain, minItems: 1, uniqueItems: true },
    trustedDomains: { type: "array", items: domain, uniqueItems: true },
    smtAddresses: { type: "array", items: address, uniqueItems: true },
    authorisedForCommitments: { type: "array", items: address, uniqueItems: true },
    sharedMailboxes: { type: "array", items: address, uniqueItems: true },
    disclaimer: {
      type: "object",
      additionalProperties: false,
      required: ["text", "html"],
      properties: {
        text: { type: "string", minLength: 1, maxLength: 5000 },
        html: { type: "string", minLength: 1, maxLength: 5000 },
      },
    },
    policyUrl: { type: "string", pattern: URL_PATTERN },
  },
};

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

function suggest(name: string, known: readonly string[]): string {
  let best = "";
  let bestDistance = Infinity;
  for (const k of known) {
    const d = levenshtein(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? `; did you mean "${best}"?` : "";
}

/**
 * The messages of policy issues, for people (schema issues: `schemaWording`).
 * @param kind - the check that failed (see `normalizeWith`)
 * @param value - the value found
 * @param about - for "rule", the known rule ids; for schema kinds, the schema
 * @returns the message
 */
export function policyWording(kind: string, value: unknown, about?: unknown): string {
  // The severities as a message lists them, quoted, the last joined with "or".
  const choices = `${SEVERITIES.slice(0, -1).map((s) => JSON.stringify(s)).join(", ")} or ${JSON.stringify(SEVERITIES[SEVERITIES.length - 1])}`;
  switch (kind) {
    case "policy":
      return `expected a policy object, got ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}`;
    case "setting":
      return "unknown setting; expected version, onError, organisation or rules";
    case "version":
      return `expected 1, got ${JSON.stringify(value) || "nothing"}`;
    case "onError":
      return `expected "allow", "warn" or "block", got ${JSON.stringify(value)}`;
    case "rules":
      return "expected an object of rule id → setting";
    case "rule":
      return `unknown rule${suggest(value as string, about as readonly string[])}`;
    case "severity":
      return `expected ${choices}, got ${JSON.stringify(value)}`;
    case "ruleSetting":
      return `expected a severity (${choices}) or [severity, { options }]`;
    case "options":
      return "expected an object of options";
    default:
      return organisationSchemaWording(kind, value, about);
  }
}

function lowerList(list: readonly string[] | undefined, fallback: readonly string[]): readonly string[] {
  return (list || fallback).map((s) => s.trim().toLowerCase());
}

/**
 * Validates a policy document and turns it into the form the engine runs.
 * Rules the policy does not mention take their default severity and options.
 * Options of rules set to `off` are not validated (SMT may leave old options behind).
 * @param raw - the parsed JSON of a policy
 * @param registry - the rule catalogue, id → rule
 * @returns the normalised policy
 * @throws PolicyError naming the path of every problem
 */
export function normalizePolicy(raw: unknown, registry: Readonly<Record<string, AnyRuleModule>>): NormalizedPolicy {
  return normalizeWith(raw, registry, policyWording);
}

/**
 * `normalizePolicy` for a caller that never shows why a policy was refused (the send handler
 * falls back to the compiled-in policy): the same policies accepted with the same result, the
 * same PolicyError issues at the same paths, but every message "" (`unworded`), so that the
 * handler's bundle carries none of the messages.
 * @param raw - the parsed JSON of a policy
 * @param registry - the rule catalogue, id → rule
 * @returns the normalised policy
 * @throws PolicyError naming the path of every problem, without messages
 */
export function normalizePolicyUnworded(raw: unknown, registry: Readonly<Record<string, AnyRuleModule>>): NormalizedPolicy {
  return normalizeWith(raw, registry, unworded);
}

/**
 * `normalizePolicy` with the issues worded by `say`.
 * @param raw - the parsed JSON of a policy
 * @param registry - the rule catalogue, id → rule
 * @param say - the wording of the messages
 * @returns the normalised policy
 * @throws PolicyError naming the path of every problem
 */
function normalizeWith(raw: unknown, registry: Readonly<Record<string, AnyRuleModule>>, say: Wording): NormalizedPolicy {
  const issues: SchemaIssue[] = [];
  if (!isRecord(raw)) {
    throw new PolicyError([{ path: "(root)", message: say("policy", raw) }]);
  }
  for (const key of Object.keys(raw)) {
    if (!["version", "onError", "organisation", "rules", "$schema", "comment"].includes(key)) {
      issues.push({ path: key, message: say("setting", raw[key]) });
    }
  }
  if (raw.version !== 1) issues.push({ path: "version", message: say("version", raw.version) });

  let onError: OnError = "warn";
  if (raw.onError !== undefined) {
    if (ON_ERROR_VALUES.includes(raw.onError as OnError)) onError = raw.onError as OnError;
    else issues.push({ path: "onError", message: say("onError", raw.onError) });
  }

  let organisation: Organisation = defaultOrganisation;
  if (raw.organisation !== undefined) {
    const orgIssues = checkSchema(raw.organisation, organisationSchema, "organisation", say);
    issues.push(...orgIssues);
    if (orgIssues.length === 0) {
      const o = raw.organisation as Partial<Organisation>;
      organisation = {
        name: o.name || defaultOrganisation.name,
        internalDomains: lowerList(o.internalDomains, defaultOrganisation.internalDomains),
        trustedDomains: lowerList(o.trustedDomains, defaultOrganisation.trustedDomains),
        smtAddresses: lowerList(o.smtAddresses, defaultOrganisation.smtAddresses),
        authorisedForCommitments: lowerList(o.authorisedForCommitments, defaultOrganisation.authorisedForCommitments),
        sharedMailboxes: lowerList(o.sharedMailboxes, defaultOrganisation.sharedMailboxes),
        disclaimer: o.disclaimer || defaultOrganisation.disclaimer,
        policyUrl: o.policyUrl || defaultOrganisation.policyUrl,
      };
    }
  }

  const settings: Record<string, unknown> = {};
  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) issues.push({ path: "rules", message: say("rules", raw.rules) });
    else Object.assign(settings, raw.rules);
  }
  const ids = Object.keys(registry);
  for (const id of Object.keys(settings)) {
    if (!registry[id]) issues.push({ path: joinPath("rules", id), message: say("rule", id, ids) });
  }

  const rules: ConfiguredRule[] = [];
  const severities: Record<string, Severity> = {};
  for (const id of ids) {
    const rule = registry[id] as AnyRuleModule;
    const path = joinPath("rules", id);
    const setting = settings[id];
    let severity: Severity = rule.meta.defaultSeverity;
    let userOptions: unknown;
    let optionsPath = path;
    if (setting !== undefined) {
      if (typeof setting === "string") {
        severity = setting as Severity;
        if (!SEVERITIES.includes(severity)) {
          issues.push({ path, message: say("severity", setting) });
          continue;
        }
      } else if (Array.isArray(setting) && setting.length >= 1 && setting.length <= 2) {
        severity = setting[0] as Severity;
        if (!SEVERITIES.includes(severity)) {
          issues.push({ path: joinPath(path, 0), message: say("severity", setting[0]) });
          continue;
        }
        userOptions = setting[1];
        optionsPath = joinPath(path, 1);
      } else {
        issues.push({ path, message: say("ruleSetting", setting) });
        continue;
      }
    }
    severities[id] = severity;
    if (severity === "off") continue;
    const options = { ...(rule.meta.defaultOptions as Record<string, unknown>) };
    if (userOptions !== undefined) {
      if (!isRecord(userOptions)) {
        issues.push({ path: optionsPath, message: say("options", userOptions) });
        continue;
      }
      Object.assign(options, userOptions);
    }
    const optionIssues = checkSchema(options, rule.meta.optionsSchema, optionsPath, say);
    if (optionIssues.length > 0) {
      issues.push(...optionIssues);
      continue;
    }
    rules.push({ rule, severity, options });
  }

  if (issues.length > 0) throw new PolicyError(issues);
  return { version: 1, onError, organisation, rules, severities };
}
