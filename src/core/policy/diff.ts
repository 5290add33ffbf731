/**
 * The policy diff, said once: what changed from one policy document to another. The server's
 * `GET /api/policy/diff` and the admin app (its unsaved-changes list, History's comparison and the
 * three-way merge after a save conflict) all use this one comparison.
 *
 * A policy is compared setting by setting: each top-level key, each organisation setting (the
 * disclaimer's text and HTML separately), and each rule's severity and each of its options. Rule
 * settings are read in their array form, so `"warn"`, `["warn"]` and `["warn", {}]` are equal.
 * Paths use the core's notation (`rules.audience-size[1].threshold`, `rules.no-chain-mail[0]`), the
 * same as validation problems. Pure: no I/O.
 */
import { joinPath } from "../engine/json-schema";
import { isRecord } from "../util/is-record";
import { SEVERITY_ORDER } from "../model/severity";
import type { Severity } from "../model/finding";

/** One difference, as the server's API reports it. */
export type PolicyChange = Readonly<{
  path: string;
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}>;

/** Which setting a change is about, for code that edits documents setting by setting. */
export type SettingRef = Readonly<
  | { area: "top"; key: string }
  | { area: "organisation"; key: string }
  | { area: "rule"; rule: string; part: "severity" }
  | { area: "rule"; rule: string; part: "option"; option: string }
  /** A rule setting that is not a severity with options (it is compared whole). */
  | { area: "rule"; rule: string; part: "whole" }
>;

/** A change to one setting (see `diffSettings`). */
export type SettingChange = PolicyChange & Readonly<{ setting: SettingRef }>;

/**
 * @returns whether two JSON values are equal (order of object keys ignored; undefined members ignored)
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/** A rule setting read as its severity and options. */
export type RuleSettingParts = Readonly<{ severity: Severity; options: Readonly<Record<string, unknown>> }>;

const SEVERITY_WORDS: readonly unknown[] = SEVERITY_ORDER;

/**
 * Reads a rule setting in any of its written forms (`"warn"`, `["warn"]`, `["warn", {…}]`).
 * @param setting - the value under `rules.<id>`
 * @returns severity and options, or undefined when the setting is not in one of those forms
 */
export function ruleSettingParts(setting: unknown): RuleSettingParts | undefined {
  if (typeof setting === "string") return SEVERITY_WORDS.includes(setting) ? { severity: setting as Severity, options: {} } : undefined;
  if (!Array.isArray(setting) || setting.length < 1 || setting.length > 2 || !SEVERITY_WORDS.includes(setting[0])) return undefined;
  const options = setting[1];
  if (options === undefined) return { severity: setting[0] as Severity, options: {} };
  return isRecord(options) ? { severity: setting[0] as Severity, options } : undefined;
}

/** A rule setting in array form, as the API reports a whole rule: `["warn"]` or `["warn", {…}]`. */
function arrayForm(setting: unknown): unknown {
  const parts = ruleSettingParts(setting);
  if (parts === undefined) return setting;
  return Object.keys(parts.options).length === 0 ? [parts.severity] : [parts.severity, parts.options];
}

/** Whether the disclaimer is split into its text and HTML (a record with no other keys). */
function splitDisclaimer(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && Object.keys(value).every((k) => k === "text" || k === "html");
}

const recordOrAbsent = (v: unknown): boolean => v === undefined || isRecord(v);

type Emit = (change: SettingChange) => void;

/**
 * Compares one value whole.
 * @param emit - receives the change, if any
 */
function whole(before: unknown, after: unknown, path: string, setting: SettingRef, emit: Emit): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) emit({ path, kind: "added", after, setting });
  else if (after === undefined) emit({ path, kind: "removed", before, setting });
  else if (!sameValue(before, after)) emit({ path, kind: "changed", before, after, setting });
}

/** Keys of both records, sorted. */
function keysOf(a: unknown, b: unknown): string[] {
  return [...new Set([...Object.keys(isRecord(a) ? a : {}), ...Object.keys(isRecord(b) ? b : {})])].sort();
}

/**
 * The one walk behind both diffs.
 * @param each - true: every setting separately, even when a whole rule, option set or section is
 *   added or removed (for merging); false: such a group is one change (for people and the API)
 */
function walk(before: unknown, after: unknown, each: boolean, emit: Emit): void {
  if (!isRecord(before) || !isRecord(after)) {
    whole(before, after, "(root)", { area: "top", key: "" }, emit);
    return;
  }
  for (const key of keysOf(before, after)) {
    const b = before[key];
    const a = after[key];
    const grouped = !each && (b === undefined || a === undefined);
    if (key === "organisation" && recordOrAbsent(b) && recordOrAbsent(a) && !grouped) organisation(b, a, each, emit);
    else if (key === "rules" && recordOrAbsent(b) && recordOrAbsent(a) && !grouped) rules(b, a, each, emit);
    else whole(b, a, joinPath("", key), { area: "top", key }, emit);
  }
}

function organisation(before: unknown, after: unknown, each: boolean, emit: Emit): void {
  const bo = isRecord(before) ? before : {};
  const ao = isRecord(after) ? after : {};
  for (const key of keysOf(bo, ao)) {
    const b = bo[key];
    const a = ao[key];
    const path = joinPath("organisation", key);
    const grouped = !each && (b === undefined || a === undefined);
    if (key === "disclaimer" && (b === undefined || splitDisclaimer(b)) && (a === undefined || splitDisclaimer(a)) && !grouped) {
      for (const part of ["html", "text"]) {
        whole(isRecord(b) ? b[part] : undefined, isRecord(a) ? a[part] : undefined, joinPath(path, part), { area: "organisation", key: `disclaimer.${part}` }, emit);
      }
    } else whole(b, a, path, { area: "organisation", key }, emit);
  }
}

function rules(before: unknown, after: unknown, each: boolean, emit: Emit): void {
  const br = isRecord(before) ? before : {};
  const ar = isRecord(after) ? after : {};
  for (const rule of keysOf(br, ar)) {
    const b = br[rule];
    const a = ar[rule];
    const path = joinPath("rules", rule);
    const bp = b === undefined ? undefined : ruleSettingParts(b);
    const ap = a === undefined ? undefined : ruleSettingParts(a);
    const readable = (b === undefined || bp !== undefined) && (a === undefined || ap !== undefined);
    if (!each && (!readable || b === undefined || a === undefined)) {
      whole(b === undefined ? undefined : arrayForm(b), a === undefined ? undefined : arrayForm(a), path, { area: "rule", rule, part: "whole" }, emit);
      continue;
    }
    if (!readable) {
      // Setting by setting, an unreadable setting is one whole value and a readable one is its parts.
      if (bp === undefined && ap === undefined) whole(b, a, path, { area: "rule", rule, part: "whole" }, emit);
      else if (bp === undefined) {
        whole(b, undefined, path, { area: "rule", rule, part: "whole" }, emit);
        settingParts(rule, undefined, ap, emit);
      } else {
        settingParts(rule, bp, undefined, emit);
        whole(undefined, a, path, { area: "rule", rule, part: "whole" }, emit);
      }
      continue;
    }
    if (each) {
      settingParts(rule, bp, ap, emit);
      continue;
    }
    whole(bp?.severity, ap?.severity, joinPath(path, 0), { area: "rule", rule, part: "severity" }, emit);
    const bo = bp?.options ?? {};
    const ao = ap?.options ?? {};
    const optionsPath = joinPath(path, 1);
    const none = (o: Readonly<Record<string, unknown>>) => Object.keys(o).length === 0;
    if (none(bo) || none(ao)) whole(none(bo) ? undefined : bo, none(ao) ? undefined : ao, optionsPath, { area: "rule", rule, part: "whole" }, emit);
    else options(rule, bo, ao, emit);
  }
}

/** A rule's severity and each option, compared separately. */
function settingParts(rule: string, before: RuleSettingParts | undefined, after: RuleSettingParts | undefined, emit: Emit): void {
  whole(before?.severity, after?.severity, joinPath(joinPath("rules", rule), 0), { area: "rule", rule, part: "severity" }, emit);
  options(rule, before?.options ?? {}, after?.options ?? {}, emit);
}

function options(rule: string, before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, emit: Emit): void {
  const path = joinPath(joinPath("rules", rule), 1);
  for (const option of keysOf(before, after)) whole(before[option], after[option], joinPath(path, option), { area: "rule", rule, part: "option", option }, emit);
}

/**
 * Lists what changed from one policy document to another, a whole rule, option set or section at a
 * time when it was added or removed. This is the server's `GET /api/policy/diff` answer.
 * @param before - e.g. the published policy
 * @param after - e.g. the draft
 * @returns the changes, in path order
 */
export function diffPolicies(before: unknown, after: unknown): PolicyChange[] {
  const out: PolicyChange[] = [];
  walk(before, after, false, ({ path, kind, before: b, after: a }) => out.push(kind === "added" ? { path, kind, after: a } : kind === "removed" ? { path, kind, before: b } : { path, kind, before: b, after: a }));
  return out;
}

/**
 * Lists what changed setting by setting: each rule's severity and each option separately, even
 * when the whole rule was added or removed, so that one person's changes can be re-applied on
 * another's (the admin app's merge after a save conflict).
 * @param before - e.g. the draft as loaded
 * @param after - e.g. the manager's edited copy
 * @returns the changes, in path order, each naming its setting
 */
export function diffSettings(before: unknown, after: unknown): SettingChange[] {
  const out: SettingChange[] = [];
  walk(before, after, true, (c) => out.push(c));
  return out;
}
