/**
 * A compact public-suffix splitter for the on-send bundle, where the full list is too big.
 * (Initial version; replaced by the lookalike-domain work.)
 */

const MULTI_LABEL = new Set(["co.uk", "org.uk", "ac.uk", "gov.uk", "sch.uk", "nhs.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "police.uk"]);

/**
 * @param host - a host name
 * @returns the registrable domain and suffix, or null
 */
export function splitDomainCompact(host: string): { registrable: string; suffix: string } | null {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  if (labels.length < 2 || labels.some((l) => l === "")) return null;
  const two = labels.slice(-2).join(".");
  const suffixLabels = MULTI_LABEL.has(two) ? 2 : 1;
  if (labels.length <= suffixLabels) return null;
  return { registrable: labels.slice(-(suffixLabels + 1)).join("."), suffix: labels.slice(-suffixLabels).join(".") };
}
