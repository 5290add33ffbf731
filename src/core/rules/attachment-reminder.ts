/**
 * @fileoverview Require an attachment when the text says one is attached ("please find
 * attached", "see enclosed", "PFA") but nothing is. Only what the sender wrote is read, never
 * the quoted history, and everyday uses ("attached to the wall", "secure attachment",
 * "enclosed garden") are excluded by the phrase data.
 */
import data from "../data/attachment-reminder/phrases.en.json";
import { CLAUSES } from "../policy/clauses";
import { lowerCase } from "../text/lower-case";
import { withoutDisclaimer } from "./disclaimer";
import { defineRule } from "./rule";
import { findPhrase, findPhraseAsWritten } from "./utils/phrase-match";

export type AttachmentReminderOptions = Record<string, never>;

/**
 * Finds the first phrase that says something is attached, ignoring the exclusions.
 * @param text - the subject or what the sender wrote
 * @returns the phrase found, or undefined
 */
export function findAttachmentPhrase(text: string): string | undefined {
  return findPhrase(text, data.phrases, data.exclusions);
}

/**
 * Words one of which any text holding a phrase contains: each phrase's longest word, without
 * those that contain a shorter one ("attached" holds "attach"). Cutting the exclusions or the
 * disclaimer out only ever splits words, never joins them, so text without any of these has no
 * phrase (most messages: a few native searches instead of the phrase expressions).
 */
const LONGEST = data.phrases.map((p) => p.split(" ").reduce((a, b) => (b.length > a.length ? b : a)));
const KEYS = LONGEST.filter((k) => !LONGEST.some((o) => o.length < k.length && k.includes(o)));
const mayMention = (text: string): boolean => {
  const lower = lowerCase(text);
  return KEYS.some((k) => lower.includes(k));
};

export default defineRule<AttachmentReminderOptions>({
  meta: {
    id: "attachment-reminder",
    title: "Attachment mentioned but missing",
    description: "Require an attachment when the text says one is attached",
    category: "content",
    defaultSeverity: "warn",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      missingAttachment:
        "Your message says “{{phrase}}”, but nothing is attached. Please attach the file before sending, or send anyway if nothing needs to be attached.",
    },
    clause: CLAUSES.heatOfTheMoment,
  },
  check(snapshot, context) {
    // Inline pictures (signature logos) are not what "attached" refers to.
    if (snapshot.attachments.some((a) => a.isInline !== true)) return;

    // The disclaimer's own words ("this e-mail and any attachments") are not the sender's.
    const authored = snapshot.body.authored;
    const listed = mayMention(authored) ? findAttachmentPhrase(withoutDisclaimer(authored, context.organisation)) : undefined;
    // Quoted as the sender wrote it.
    const inBody = listed === undefined ? undefined : (findPhraseAsWritten(snapshot.body.authored, [listed]) ?? listed);
    if (inBody !== undefined) {
      context.report({ messageId: "missingAttachment", data: { phrase: inBody }, field: "body", evidence: `“${inBody}” in the message` });
      return;
    }
    // A reply or forward keeps the subject it was given, which may mention the original's file.
    if (snapshot.composeType !== "new") return;
    const inSubject = mayMention(snapshot.subject) ? findPhraseAsWritten(snapshot.subject, data.phrases, data.exclusions) : undefined;
    if (inSubject !== undefined) {
      context.report({ messageId: "missingAttachment", data: { phrase: inSubject }, field: "subject", evidence: `“${inSubject}” in the subject` });
    }
  },
});
