/**
 * A structured difference between two policy documents: the list of paths that were added,
 * removed or changed, with the values before and after. Paths use the core's notation
 * (`rules.audience-size[1].threshold`), so the admin app can show them beside validation errors.
 */
import { joinPath } from "../core/engine/json-schema";
import { isRecord } from "../core/util/is-record";
import { SEVERITY_ORDER } from "../core/model/severity";

export type PolicyChange = Readonly<{
  path: string;
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}>;

/**
 * Normalises the shorthand forms of a rule setting so that `"warn"` and `["warn"]` compare equal.
 * @param setting - a rule setting
 * @returns the same setting in array form
 */
function ruleSettingArray(setting: unknown): unknown {
  if (typeof setting === "string") return [setting];
  if (Array.isArray(setting) && setting.length === 2 && isRecord(setting[1]) && Object.keys(setting[1]).length === 0) return [setting[0]];
  return setting;
}

const SEVERITY_WORDS: readonly unknown[] = SEVERITY_ORDER;

function isRuleSetting(value: readonly unknown[]): boolean {
  return SEVERITY_WORDS.includes(value[0]);
}

function walk(before: unknown, after: unknown, path: string, out: PolicyChange[]): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of [...keys].sort()) {
      const p = joinPath(path, key);
      if (!(key in after)) out.push({ path: p, kind: "removed", before: before[key] });
      else if (!(key in before)) out.push({ path: p, kind: "added", after: after[key] });
      else walk(before[key], after[key], p, out);
    }
    return;
  }
  // Arrays of plain values (domain lists) are compared as a whole; a rule's [severity, options] pair
  // is compared element by element so the path points at the option that changed.
  if (Array.isArray(before) && Array.isArray(after) && isRuleSetting(before) && isRuleSetting(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const p = joinPath(path, i);
      if (i >= after.length) out.push({ path: p, kind: "removed", before: before[i] });
      else if (i >= before.length) out.push({ path: p, kind: "added", after: after[i] });
      else walk(before[i], after[i], p, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.some((v) => isRecord(v))) {
    before.forEach((v, i) => walk(v, after[i], joinPath(path, i), out));
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path: path || "(root)", kind: "changed", before, after });
}

/**
 * Lists what changed from one policy document to another.
 * @param before - e.g. the published policy
 * @param after - e.g. the draft
 * @returns the changes, in path order
 */
export function diffPolicies(before: unknown, after: unknown): PolicyChange[] {
  const out: PolicyChange[] = [];
  if (isRecord(before) && isRecord(after) && isRecord(before.rules) && isRecord(after.rules)) {
    const norm = (rules: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, ruleSettingArray(v)]));
    walk({ ...before, rules: norm(before.rules) }, { ...after, rules: norm(after.rules) }, "", out);
    return out;
  }
  walk(before, after, "", out);
  return out;
}
