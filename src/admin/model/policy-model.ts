/**
 * The policy document as the admin app edits it. A document is read into "leaves" — one per
 * thing a manager can change (`onError`, `organisation.trustedDomains`,
 * `rules.no-chain-mail.severity`, `rules.audience-size.options.threshold` …) — so that edits,
 * the "what changed" lists and the three-way merge after a save conflict all work on the same
 * small units, and a manager's change is re-applied on a newer draft without touching anyone
 * else's. Pure: no React, no I/O.
 */
import { checkSchema, joinPath, validateSchema, type JsonSchema } from "../../core/engine/json-schema";
import { organisationSchema, organisationSchemaWording } from "../../core/policy/policy";
import type { Issue, RuleInfo } from "../api/types";
import { isRecord } from "../../core/util/is-record";
import { SEVERITY_ORDER } from "../../core/model/severity";
import { diffSettings, ruleSettingParts, sameValue, type SettingRef } from "../../core/policy/diff";

export { sameValue };

import type { Severity } from "../../core/model/finding";

export type { Severity };
export const SEVERITIES: readonly Severity[] = SEVERITY_ORDER;
export type OnError = "allow" | "warn" | "block";

/** A policy document, loosely typed: whatever the server holds, unknown keys kept. */
export type PolicyDoc = Readonly<Record<string, unknown>>;

/**
 * A policy document from the server or storage, or an empty one when it is not an object.
 * @param value - what was read
 * @returns the document
 */
export function asPolicyDoc(value: unknown): PolicyDoc {
  return isRecord(value) ? value : {};
}

/** Leaf key → value. Keys are stable strings (see `leafKey`). */
export type Leaves = ReadonlyMap<string, unknown>;

/** A rule's setting read as severity + explicit options. */
export type RuleSettingParts = Readonly<{ severity: Severity | undefined; options: Readonly<Record<string, unknown>>; malformed: boolean }>;

/**
 * Reads a rule setting in any of its written forms (`"warn"`, `["warn"]`, `["warn", {…}]`), as the
 * policy diff does (`ruleSettingParts`).
 * @param setting - the value under `rules.<id>`
 * @returns severity (undefined when absent) and options; malformed when in none of those forms
 */
export function readRuleSetting(setting: unknown): RuleSettingParts {
  if (setting === undefined) return { severity: undefined, options: {}, malformed: false };
  const parts = ruleSettingParts(setting);
  return parts ? { ...parts, malformed: false } : { severity: undefined, options: {}, malformed: true };
}

/**
 * Writes a rule setting in its shortest form.
 * @param severity - the severity
 * @param options - explicit options (may be empty)
 * @returns `"warn"` or `["warn", { … }]`
 */
export function writeRuleSetting(severity: Severity, options: Readonly<Record<string, unknown>>): unknown {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return Object.keys(defined).length === 0 ? severity : [severity, defined];
}

/** Leaf keys. */
export const leafKey = {
  top: (key: string) => `top:${key}`,
  org: (key: string) => `org:${key}`,
  severity: (ruleId: string) => `rule:${ruleId}:severity`,
  option: (ruleId: string, option: string) => `rule:${ruleId}:option:${option}`,
  /** A rule setting that is not in a form the editor understands; kept whole. */
  rawRule: (ruleId: string) => `rule:${ruleId}:raw`,
};

/**
 * Splits a document into leaves.
 * @param doc - a policy document
 * @returns its leaves
 */
export function toLeaves(doc: PolicyDoc): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(doc)) {
    if (key === "organisation" && isRecord(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (k === "disclaimer" && isRecord(v) && Object.keys(v).every((x) => x === "text" || x === "html")) {
          if (v.text !== undefined) leaves.set(leafKey.org("disclaimer.text"), v.text);
          if (v.html !== undefined) leaves.set(leafKey.org("disclaimer.html"), v.html);
        } else leaves.set(leafKey.org(k), v);
      }
    } else if (key === "rules" && isRecord(value)) {
      for (const [id, setting] of Object.entries(value)) {
        const parts = readRuleSetting(setting);
        if (parts.malformed || parts.severity === undefined) {
          leaves.set(leafKey.rawRule(id), setting);
          continue;
        }
        leaves.set(leafKey.severity(id), parts.severity);
        for (const [option, v] of Object.entries(parts.options)) leaves.set(leafKey.option(id, option), v);
      }
    } else leaves.set(leafKey.top(key), value);
  }
  return leaves;
}

/**
 * Joins leaves back into a document (the inverse of `toLeaves`).
 * @param leaves - leaves
 * @returns the document
 */
export function fromLeaves(leaves: Leaves): PolicyDoc {
  const doc: Record<string, unknown> = {};
  const organisation: Record<string, unknown> = {};
  const disclaimer: Record<string, unknown> = {};
  const rules = new Map<string, { severity?: Severity; options: Record<string, unknown>; raw?: unknown; hasRaw: boolean }>();
  const rule = (id: string) => {
    let r = rules.get(id);
    if (!r) rules.set(id, (r = { options: {}, hasRaw: false }));
    return r;
  };
  let hasOrganisation = false;
  let hasRules = false;
  for (const [key, value] of leaves) {
    if (value === undefined) continue;
    if (key.startsWith("top:")) doc[key.slice(4)] = value;
    else if (key.startsWith("org:")) {
      hasOrganisation = true;
      const k = key.slice(4);
      if (k === "disclaimer.text") disclaimer.text = value;
      else if (k === "disclaimer.html") disclaimer.html = value;
      else organisation[k] = value;
    } else if (key.startsWith("rule:")) {
      hasRules = true;
      const m = /^rule:(.+?):(severity|raw|option:(.+))$/.exec(key);
      if (!m) continue;
      const r = rule(m[1] as string);
      if (m[2] === "severity") r.severity = value as Severity;
      else if (m[2] === "raw") {
        r.raw = value;
        r.hasRaw = true;
      } else r.options[m[3] as string] = value;
    }
  }
  if (Object.keys(disclaimer).length > 0) organisation.disclaimer = disclaimer;
  if (hasOrganisation) doc.organisation = organisation;
  if (hasRules) {
    const out: Record<string, unknown> = {};
    for (const [id, r] of rules) {
      if (r.severity !== undefined) out[id] = writeRuleSetting(r.severity, r.options);
      else if (r.hasRaw) out[id] = r.raw;
      else if (Object.keys(r.options).length > 0) out[id] = ["warn", r.options];
    }
    doc.rules = out;
  }
  return doc;
}

/** One changed leaf. */
export type LeafChange = Readonly<{ key: string; before: unknown; after: unknown }>;

/**
 * Leaf key of a setting the policy diff names.
 * @param setting - the diff's setting
 * @returns the leaf key
 */
function leafKeyOf(setting: SettingRef): string {
  if (setting.area === "top") return leafKey.top(setting.key);
  if (setting.area === "organisation") return leafKey.org(setting.key);
  if (setting.part === "severity") return leafKey.severity(setting.rule);
  if (setting.part === "option") return leafKey.option(setting.rule, setting.option);
  return leafKey.rawRule(setting.rule);
}

/**
 * The leaves that differ from one document to another: the core's policy diff, setting by setting
 * (`diffSettings`), with each value as the document writes it.
 * @param before - e.g. the draft as loaded
 * @param after - e.g. the manager's edited copy
 * @returns the changes, in policy path order
 */
export function changedLeaves(before: PolicyDoc, after: PolicyDoc): LeafChange[] {
  const a = toLeaves(before);
  const b = toLeaves(after);
  const keys = [...new Set(diffSettings(before, after).map((c) => leafKeyOf(c.setting)))];
  return keys.map((k) => ({ key: k, before: a.get(k), after: b.get(k) }));
}

export type MergeResult = Readonly<{
  /** The server's draft with the manager's changes applied. */
  merged: PolicyDoc;
  /** What the manager changed (relative to the draft they started from). */
  mine: readonly LeafChange[];
  /** What others saved meanwhile (relative to the same starting point). */
  theirs: readonly LeafChange[];
  /** Leaves both changed, to different values: "keep mine" overwrites these. */
  overlapping: readonly string[];
}>;

/**
 * Three-way merge after a save conflict: re-applies the manager's own changes on the newer draft.
 * @param base - the draft the manager started from
 * @param mine - the manager's edited copy
 * @param theirs - the server's current draft
 * @returns the merged document and both lists of changes
 */
export function mergeDrafts(base: PolicyDoc, mine: PolicyDoc, theirs: PolicyDoc): MergeResult {
  const myChanges = changedLeaves(base, mine);
  const theirChanges = changedLeaves(base, theirs);
  const leaves = toLeaves(theirs);
  for (const change of myChanges) {
    if (change.after === undefined) leaves.delete(change.key);
    else leaves.set(change.key, change.after);
  }
  const theirKeys = new Map(theirChanges.map((c) => [c.key, c.after]));
  const overlapping = myChanges.filter((c) => theirKeys.has(c.key) && !sameValue(theirKeys.get(c.key), c.after)).map((c) => c.key);
  return { merged: fromLeaves(leaves), mine: myChanges, theirs: theirChanges, overlapping };
}

/**
 * Sets one leaf of a document.
 * @param doc - the document
 * @param key - the leaf key
 * @param value - the new value; undefined removes the leaf
 * @returns a new document
 */
export function setLeaf(doc: PolicyDoc, key: string, value: unknown): PolicyDoc {
  const leaves = toLeaves(doc);
  if (value === undefined) leaves.delete(key);
  else leaves.set(key, value);
  return fromLeaves(leaves);
}

/**
 * A rule's effective severity and options: the document's, else the rule's defaults.
 * @param doc - the document
 * @param rule - the rule's catalogue entry
 * @returns severity, options merged over the defaults, and whether the setting is unreadable
 */
export function effectiveRule(doc: PolicyDoc, rule: RuleInfo): { severity: Severity; options: Record<string, unknown>; malformed: boolean } {
  const rules = isRecord(doc.rules) ? doc.rules : {};
  const parts = readRuleSetting(rules[rule.id]);
  return {
    severity: parts.severity ?? (rule.defaultSeverity as Severity),
    options: { ...rule.defaultOptions, ...parts.options },
    malformed: parts.malformed,
  };
}

/**
 * Changes a rule's severity, writing its options explicitly so the setting stays complete.
 * @param doc - the document
 * @param rule - the rule
 * @param severity - the new severity
 * @returns a new document
 */
export function withSeverity(doc: PolicyDoc, rule: RuleInfo, severity: Severity): PolicyDoc {
  return setLeaf(doc, leafKey.severity(rule.id), severity);
}

/**
 * Changes one option of a rule. The severity leaf is written too when the document had none.
 * @param doc - the document
 * @param rule - the rule
 * @param option - the option name
 * @param value - the new value
 * @returns a new document
 */
export function withOption(doc: PolicyDoc, rule: RuleInfo, option: string, value: unknown): PolicyDoc {
  const leaves = toLeaves(doc);
  if (!leaves.has(leafKey.severity(rule.id))) {
    leaves.delete(leafKey.rawRule(rule.id));
    leaves.set(leafKey.severity(rule.id), effectiveRule(doc, rule).severity);
  }
  leaves.set(leafKey.option(rule.id, option), value);
  return fromLeaves(leaves);
}

/** The organisation settings, read from a document (absent → undefined). */
export function organisationOf(doc: PolicyDoc): Record<string, unknown> {
  return isRecord(doc.organisation) ? doc.organisation : {};
}

/**
 * Changes one organisation setting (`disclaimer.text` and `disclaimer.html` address the disclaimer's parts).
 * @returns a new document
 */
export function withOrganisation(doc: PolicyDoc, key: string, value: unknown): PolicyDoc {
  return setLeaf(doc, leafKey.org(key), value);
}

/**
 * The path of a rule option in the policy's own notation, as the server's validator writes it.
 * @param ruleId - the rule
 * @param option - the option (omit for the setting itself)
 * @returns e.g. `rules.audience-size[1].threshold`
 */
export function optionPath(ruleId: string, option?: string): string {
  const base = joinPath(joinPath("rules", ruleId), 1);
  return option === undefined ? base : joinPath(base, option);
}

/**
 * Checks a document in the browser, as far as the admin app can without the rule catalogue's
 * code: each rule's options against its schema (rules set to off are not checked, as the
 * server does), and the organisation settings. The server validates again on save.
 * @param doc - the document
 * @param catalogue - the rules
 * @returns problems with their policy paths
 */
export function localIssues(doc: PolicyDoc, catalogue: readonly RuleInfo[]): Issue[] {
  const issues: Issue[] = [];
  if (doc.onError !== undefined && !["allow", "warn", "block"].includes(doc.onError as string)) {
    issues.push({ path: "onError", message: `expected "allow", "warn" or "block"` });
  }
  if (doc.organisation !== undefined) issues.push(...checkSchema(doc.organisation, organisationSchema, "organisation", organisationSchemaWording));
  for (const rule of catalogue) {
    const { severity, options, malformed } = effectiveRule(doc, rule);
    if (malformed) {
      issues.push({ path: joinPath("rules", rule.id), message: "this setting is not in a form the admin app understands" });
      continue;
    }
    if (severity === "off") continue;
    issues.push(...validateSchema(options, rule.optionsSchema, optionPath(rule.id)));
  }
  return issues;
}

/**
 * Issues under a path (the path itself or anything inside it).
 * @param issues - all issues
 * @param path - e.g. `rules.audience-size[1].threshold`
 * @returns the matching issues
 */
export function issuesAt(issues: readonly Issue[], path: string): Issue[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));
}

/**
 * Where a leaf lives in the policy's own path notation (for showing changes).
 * @param key - a leaf key
 * @returns e.g. `rules.no-chain-mail` (severity) or `organisation.trustedDomains`
 */
export function leafPath(key: string): string {
  if (key.startsWith("top:")) return key.slice(4);
  if (key.startsWith("org:")) return `organisation.${key.slice(4)}`;
  const m = /^rule:(.+?):(severity|raw|option:(.+))$/.exec(key);
  if (!m) return key;
  if (m[3]) return optionPath(m[1] as string, m[3]);
  return joinPath("rules", m[1] as string);
}

export type { JsonSchema };
