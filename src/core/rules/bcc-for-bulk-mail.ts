/**
 * @fileoverview Require Bcc when many external addresses would see each other. Parents'
 * e-mail addresses are personal data: a newsletter sent with every family in To or Cc shows
 * each family's address to all the others.
 */
import { maskEmail } from "../engine/mask";
import type { RecipientInfo } from "../model/snapshot";
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";
import { someAndMore } from "./utils/evidence-list";

export type BccForBulkMailOptions = {
  /** How many visible outside addresses make a finding. @default 5 */
  threshold: number;
  /** Count trusted partners (e.g. the local authority) as outside addresses too. @default false */
  countTrusted: boolean;
};

/** How many masked addresses the evidence lists before "and N more". */
const EVIDENCE_ADDRESSES = 3;

/**
 * A finding's evidence: the first visible addresses, masked, and how many more.
 * @param visible - the outside addresses in To and Cc
 * @returns e.g. "j•••@gmail.com, b•••@yahoo.co.uk and 12 more"
 */
function maskedAddresses(visible: readonly RecipientInfo[]): string {
  return someAndMore(visible.map((r) => maskEmail(r.email)), EVIDENCE_ADDRESSES);
}

export default defineRule<BccForBulkMailOptions>({
  meta: {
    id: "bcc-for-bulk-mail",
    title: "Parents' addresses visible to each other",
    description: "Require Bcc when many external addresses would see each other",
    category: "privacy",
    defaultSeverity: "block",
    optionsSchema: {
      type: "object",
      additionalProperties: false,
      properties: {
        threshold: { type: "integer", minimum: 2, description: "How many outside addresses in To and Cc make a finding." },
        countTrusted: { type: "boolean", description: "Count trusted partner addresses as outside addresses." },
      },
    },
    defaultOptions: { threshold: 5, countTrusted: false },
    messages: {
      visibleAddresses:
        "This e-mail shows the addresses of {{count}} people outside the Centre to each other in To or Cc. Please move them to Bcc to keep every family's address private.",
    },
    clause: CLAUSES.dataProtection,
  },
  check(snapshot, context) {
    const { threshold, countTrusted } = context.options;
    const seen = new Set<string>();
    const visible: RecipientInfo[] = [];
    for (const r of snapshot.recipients) {
      if (r.field === "bcc") continue;
      if (!(r.external || (countTrusted && r.trusted))) continue;
      if (seen.has(r.email)) continue;
      seen.add(r.email);
      visible.push(r);
    }
    if (visible.length < threshold) return;

    context.report({
      messageId: "visibleAddresses",
      data: { count: visible.length },
      field: "recipients",
      evidence: `${visible.length} outside addresses in To/Cc: ${maskedAddresses(visible)}`,
      fix: { kind: "move-to-bcc", targets: visible.map((r) => r.email) },
    });
  },
});
