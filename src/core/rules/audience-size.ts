/**
 * @fileoverview Disallow sending or replying to all of a large audience without need. Counts
 * every recipient once (To, Cc and Bcc), with a distribution list standing for many people,
 * and spots a short "Thanks!" sent back to everyone on a long reply-all.
 */
import type { RecipientInfo } from "../model/snapshot";
import { CLAUSES } from "../policy/clauses";
import { withoutDisclaimer } from "./disclaimer";
import { defineRule } from "./rule";
import { WORD_CHARS } from "./utils/phrase-match";

export type AudienceSizeOptions = {
  /** More recipients than this make a finding. @default 25 */
  threshold: number;
  /** A reply to this many recipients or more is a reply to all. @default 10 */
  replyAllThreshold: number;
  /** A reply with at most this many words of the sender's own is a short reply. @default 15 */
  shortReplyWords: number;
  /** How many people one distribution list counts as. @default 10 */
  distributionListWeight: number;
};

/**
 * Counts words (runs of letters or digits), stopping as soon as the count passes `limit`.
 * @param text - the text
 * @param limit - the count that is enough to know the answer
 * @returns the number of words, at most `limit + 1`
 */
export function countWords(text: string, limit: number): number {
  const pattern = new RegExp(`[${WORD_CHARS}]+`, "g");
  let count = 0;
  while (count <= limit && pattern.exec(text) !== null) count++;
  return count;
}

/**
 * Counts recipients once each, by address; a distribution list counts as `weight` people.
 * @param recipients - the snapshot's recipients
 * @param weight - people per distribution list
 * @returns the weighted count and how many distribution lists there were
 */
function audience(recipients: readonly RecipientInfo[], weight: number): { count: number; lists: number } {
  const seen = new Set<string>();
  let count = 0;
  let lists = 0;
  for (const r of recipients) {
    if (seen.has(r.email)) continue;
    seen.add(r.email);
    if (r.type === "distributionList") {
      lists++;
      count += weight;
    } else count++;
  }
  return { count, lists };
}

/**
 * A finding's evidence: how many recipients, and the distribution lists among them.
 * @param count - the weighted count
 * @param lists - how many distribution lists
 * @param weight - people per distribution list
 * @returns e.g. "32 recipients (1 distribution list counted as 10 each)"
 */
function recipientsText(count: number, lists: number, weight: number): string {
  return `${count} recipients${lists > 0 ? ` (${lists} distribution list${lists === 1 ? "" : "s"} counted as ${weight} each)` : ""}`;
}

export default defineRule<AudienceSizeOptions>({
  meta: {
    id: "audience-size",
    title: "Too many recipients",
    description: "Disallow sending or replying to all of a large audience without need",
    category: "recipients",
    defaultSeverity: "warn",
    optionsSchema: {
      type: "object",
      additionalProperties: false,
      properties: {
        threshold: { type: "integer", minimum: 1, description: "More recipients than this make a finding." },
        replyAllThreshold: { type: "integer", minimum: 2, description: "A reply to this many recipients or more counts as a reply to all." },
        shortReplyWords: { type: "integer", minimum: 1, maximum: 200, description: "A reply of at most this many words is a short reply." },
        distributionListWeight: { type: "integer", minimum: 1, description: "How many people one distribution list counts as." },
      },
    },
    defaultOptions: { threshold: 25, replyAllThreshold: 10, shortReplyWords: 15, distributionListWeight: 10 },
    messages: {
      tooManyRecipients:
        "This e-mail is going to about {{count}} people, more than the usual limit of {{threshold}}. Please check that everyone really needs it and remove anyone who does not.",
      shortReplyAll:
        "Your short reply is going to about {{count}} people. Please reply only to the person who needs it, so everyone else's inbox is not filled with small messages.",
    },
    clause: CLAUSES.congestion,
  },
  check(snapshot, context) {
    const { threshold, replyAllThreshold, shortReplyWords, distributionListWeight } = context.options;
    const { count, lists } = audience(snapshot.recipients, distributionListWeight);

    // A short reply-all is the more specific problem, and its remedy (reply to one person)
    // also answers a large audience, so it is reported instead of the general finding.
    if (snapshot.composeType === "reply" && count >= replyAllThreshold) {
      // The disclaimer is not part of the reply's own words.
      const words = countWords(withoutDisclaimer(snapshot.body.authored, context.organisation), shortReplyWords);
      if (words <= shortReplyWords) {
        context.report({
          messageId: "shortReplyAll",
          data: { count, words },
          field: "recipients",
          evidence: `${recipientsText(count, lists, distributionListWeight)}; reply of ${words} word${words === 1 ? "" : "s"}`,
        });
        return;
      }
    }
    if (count > threshold) {
      context.report({ messageId: "tooManyRecipients", data: { count, threshold }, field: "recipients", evidence: recipientsText(count, lists, distributionListWeight) });
    }
  },
});
