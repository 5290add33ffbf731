/**
 * @fileoverview Disallow forwarding received offensive messages to anyone but SMT.
 *
 * The policy says offensive messages received "should not be forwarded and should be
 * reported to SMT immediately". This rule reads the forwarded (quoted) part of a forward —
 * the message being passed on, not what the sender wrote — with the `no-abusive-language`
 * lexicon, and flags the forward unless every recipient is an SMT address. Words the forwarded
 * message itself reports as someone else's (an incident record quoting what a parent shouted,
 * a moderation log) are not its own offensive language, as in `no-abusive-language`.
 */
import { CLAUSES } from "../policy/clauses";
import type { EmailSnapshot } from "../model/snapshot";
import {
  abusiveOptionsSchema,
  defaultAbusiveOptions,
  firstOwnAbusiveHits,
  firstPerCategory,
  type AbusiveHit,
  type AbusiveLanguageOptions,
} from "./no-abusive-language";
import { defineRule } from "./rule";

/**
 * The forwarded texts of a message: every quoted part of a forward, or the parts marked as
 * forwarded in a reply; each part's text and its subject header.
 * @param snapshot - the message
 * @returns the texts to judge (empty when nothing is forwarded)
 */
export function forwardedTexts(snapshot: EmailSnapshot): string[] {
  const isForward = snapshot.composeType === "forward";
  const parts = snapshot.body.quotedParts.filter((p) => isForward || p.kind === "forward");
  if (parts.length === 0) return isForward && snapshot.body.quoted !== "" ? [snapshot.body.quoted] : [];
  return parts.flatMap((p) => (p.headers.subject ? [p.headers.subject, p.text] : [p.text]));
}

export default defineRule<AbusiveLanguageOptions>({
  meta: {
    id: "no-offensive-forward",
    title: "Forwarding offensive material",
    description: "Disallow forwarding received offensive messages to anyone but SMT",
    category: "content",
    defaultSeverity: "warn",
    optionsSchema: abusiveOptionsSchema,
    defaultOptions: defaultAbusiveOptions,
    messages: {
      offensiveForward:
        "The message you are forwarding contains what could be read as {{kind}} ({{word}}). Please do not forward it; report it to SMT instead.",
    },
    clause: CLAUSES.doNotForward,
    readsQuotedHistory: true,
  },
  check(snapshot, context) {
    if (snapshot.recipients.length === 0) return;
    const smt = new Set(context.organisation.smtAddresses.map((a) => a.toLowerCase()));
    const others = snapshot.recipients.filter((r) => !smt.has(r.email));
    if (others.length === 0) return;
    const hits: AbusiveHit[] = [];
    for (const text of forwardedTexts(snapshot)) hits.push(...firstOwnAbusiveHits(text, context.options));
    const [worst] = firstPerCategory(hits);
    if (!worst) return;
    context.report({
      messageId: "offensiveForward",
      data: { category: worst.label, kind: worst.kind, word: worst.shown },
      field: "body",
      // The words as they stand in the forwarded message (issue 11 item 6); the message keeps them masked.
      evidence: worst.written,
      fix: { kind: "remove-recipients", targets: [...new Set(others.map((r) => r.email))] },
    });
  },
});
