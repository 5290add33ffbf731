/**
 * A compact public-suffix splitter for the on-send bundle, where the full Public Suffix List
 * (about 120 KB even as tldts packs it) does not fit. It knows the multi-label ICANN suffixes of
 * the countries listed in `data/public-suffix-compact.json` and applies the list's own
 * algorithm: an exception rule wins, otherwise the longest matching rule (wildcards included),
 * otherwise the default rule `*` (the last label). For countries outside the data it gives the
 * same answer as the full list except under their second-level suffixes (`foo.com.xx`).
 */
import compact from "../data/public-suffix-compact.json";

/** How a host splits: its registrable domain and its public suffix. */
export type DomainSplit = { registrable: string; suffix: string };

type SuffixTable = Readonly<{
  /** Rules below each TLD, relative to it: `co`, `wa.edu`. */
  rules: ReadonlySet<string>;
  /** Wildcard rules, without the `*.`: `sch` for `*.sch.uk`, the empty string for `*.np`. */
  wildcards: ReadonlySet<string>;
  /** Exception rules, without the `!`: `city.kawasaki` for `!city.kawasaki.jp`. */
  exceptions: ReadonlySet<string>;
}>;

/**
 * Parses the compact data once, at load: one table per TLD.
 * @param data - TLD → space-separated rules relative to the TLD (`*` alone: every name below the TLD)
 * @returns the tables
 */
function buildTables(data: Readonly<Record<string, string>>): ReadonlyMap<string, SuffixTable> {
  const tables = new Map<string, SuffixTable>();
  for (const [tld, list] of Object.entries(data)) {
    const rules = new Set<string>();
    const wildcards = new Set<string>();
    const exceptions = new Set<string>();
    for (const rule of list.split(" ")) {
      if (rule === "") continue;
      if (rule.startsWith("!")) exceptions.add(rule.slice(1));
      else if (rule === "*") wildcards.add("");
      else if (rule.startsWith("*.")) wildcards.add(rule.slice(2));
      else rules.add(rule);
    }
    tables.set(tld, { rules, wildcards, exceptions });
  }
  return tables;
}

const TABLES = buildTables(compact.rules);

/** The TLDs whose data lists only their common second-level suffixes. */
export const PARTIAL_TLDS: readonly string[] = compact.partial;

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Normalises a host for splitting: lower case, no trailing dot, no brackets.
 * @param host - a host name as written
 * @returns the labels, or null when the host is empty, an IP address or has an empty label
 */
export function hostLabels(host: string): string[] | null {
  let h = host.trim().toLowerCase();
  if (h.endsWith(".")) h = h.slice(0, -1);
  if (h === "" || h.includes(":") || h.startsWith("[") || IPV4.test(h)) return null;
  const labels = h.split(".");
  return labels.some((l) => l === "") ? null : labels;
}

/**
 * Splits a host name by the compact public suffix list.
 * @param host - a host name, e.g. `mail.norcot.reading.sch.uk`
 * @returns the registrable domain (`norcot.reading.sch.uk`) and public suffix (`reading.sch.uk`),
 *   or null for an IP address, a bare public suffix or a malformed host
 */
export function splitDomainCompact(host: string): DomainSplit | null {
  const labels = hostLabels(host);
  if (labels === null || labels.length < 2) return null;
  const n = labels.length;
  const tld = labels[n - 1] as string;
  const table = TABLES.get(tld);
  let suffixLength = 1;
  if (table !== undefined) {
    // Walk from the longest candidate below the TLD to the shortest; the first hit is the
    // longest match. Exceptions are longer than the wildcard they override, so they are met first.
    for (let i = 0; i < n - 1; i++) {
      const relative = labels.slice(i, n - 1).join(".");
      if (table.exceptions.has(relative)) {
        suffixLength = n - i - 1;
        break;
      }
      const parent = labels.slice(i + 1, n - 1).join(".");
      if (table.rules.has(relative) || table.wildcards.has(parent)) {
        suffixLength = n - i;
        break;
      }
    }
  }
  if (suffixLength >= n) return null;
  return { registrable: labels.slice(n - suffixLength - 1).join("."), suffix: labels.slice(n - suffixLength).join(".") };
}
