/**
 * Reads the `contextData` the on-send handler passes when the sender presses Take Action in
 * the Smart Alerts dialog. The handler's exact shape may change, so any of the obvious forms
 * is accepted and anything else is ignored: the pane always re-checks the message itself.
 */

/** What the pane learns from the send dialog. */
export type InitContext = Readonly<{
  /** Rule ids the dialog was about. */
  ruleIds: readonly string[];
  /** The dialog's verdict, when given. */
  verdict?: "warn" | "block";
}>;

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) {
    if (typeof v === "string") out.push(v);
    else if (v && typeof v === "object") {
      const record = v as Record<string, unknown>;
      if (typeof record.ruleId === "string") out.push(record.ruleId);
      else if (typeof record.id === "string") out.push(record.id);
    }
  }
  return out;
}

/**
 * Parses `contextData`.
 * @param raw - the string from `getInitializationContextAsync` or `InitializationContextChanged`
 * @returns the context, or null when there is none or it cannot be read
 */
export function parseInitContext(raw: string | null | undefined): InitContext | null {
  if (!raw) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data === "string") return parseInitContext(data);
  const record: Record<string, unknown> = Array.isArray(data) ? { ids: data } : data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  const ids = [
    ...strings(record.ruleIds),
    ...strings(record.rules),
    ...strings(record.rule),
    ...strings(record.findingIds),
    ...strings(record.findings),
    ...strings(record.ids),
  ];
  // Finding ids are `<ruleId>#<n>`.
  const ruleIds = [...new Set(ids.map((id) => id.split("#")[0] ?? id).filter((id) => /^[a-z][a-z0-9-]*$/.test(id)))];
  const verdict = record.verdict === "warn" || record.verdict === "block" ? record.verdict : undefined;
  return { ruleIds, ...(verdict ? { verdict } : {}) };
}
