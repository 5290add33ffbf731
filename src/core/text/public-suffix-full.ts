/**
 * Rule services backed by the full Public Suffix List (the `tldts` package), for the CLI, the
 * server and the task pane, where bundle size does not matter. The on-send bundle uses the
 * compact splitter in `public-suffix.ts` instead; a test keeps the two in agreement.
 *
 * Only the ICANN section of the list is used (`allowPrivateDomains: false`). The private section
 * lists hosting platforms (`blogspot.com`, `github.io`, `s3.amazonaws.com`), where every customer
 * gets a sub-domain; with it, `norcot.github.io` would be a registrable domain of its own. For
 * mail that is not what matters: a recipient at a hosting platform is at that platform's domain,
 * the compact splitter has no private rules either, and the look-alike rule examines the
 * sub-domain labels separately, so an imitation such as `norcotearlyyearscentre.github.io` is
 * still found.
 */
import { parse } from "tldts";
import type { RuleServices } from "../rules/rule";
import { hostLabels, type DomainSplit } from "./public-suffix";

const OPTIONS = {
  allowIcannDomains: true,
  allowPrivateDomains: false,
  detectIp: true,
  extractHostname: true,
  validateHostname: false,
} as const;

/**
 * Splits a host name by the full Public Suffix List (ICANN section).
 * @param host - a host name
 * @returns the registrable domain and public suffix, or null for an IP address, a bare public
 *   suffix or a malformed host
 */
export function splitDomainFull(host: string): DomainSplit | null {
  const labels = hostLabels(host);
  if (labels === null || labels.length < 2) return null;
  const parsed = parse(labels.join("."), OPTIONS);
  if (parsed.isIp || !parsed.domain || !parsed.publicSuffix) return null;
  return { registrable: parsed.domain, suffix: parsed.publicSuffix };
}

/** Services for the CLI, server and task pane: the full Public Suffix List. */
export const fullServices: RuleServices = { splitDomain: splitDomainFull };
