/**
 * @fileoverview Require an attachment when the text says one is attached ("please find
 * attached", "see enclosed", "PFA") but nothing is. Only what the sender wrote is read, never
 * the quoted history, and everyday uses ("attached to the wall", "secure attachment",
 * "enclosed garden") are excluded by the phrase data.
 */
import data from "../data/attachment-reminder/phrases.en.json";
import { CLAUSES } from "../policy/clauses";
import { normalise } from "./no-staff-only-content";
import { defineRule } from "./rule";

export type AttachmentReminderOptions = Record<string, never>;

function alternation(phrases: readonly string[]): string {
  return [...phrases].sort((a, b) => b.length - a.length).join("|");
}

const PHRASES = alternation(data.phrases);
const EXCLUSIONS = alternation(data.exclusions);

/**
 * Finds the first phrase that says something is attached, ignoring the exclusions.
 * @param text - the subject or what the sender wrote
 * @returns the phrase found, or undefined
 */
export function findAttachmentPhrase(text: string): string | undefined {
  if (text === "") return undefined;
  // Built per call: a global regular expression kept at module level carries state.
  const cleaned = normalise(text).replace(new RegExp(` (?:${EXCLUSIONS})(?= )`, "g"), " ");
  return new RegExp(` (${PHRASES})(?= )`).exec(cleaned)?.[1];
}

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

    const inBody = findAttachmentPhrase(snapshot.body.authored);
    if (inBody !== undefined) {
      context.report({ messageId: "missingAttachment", data: { phrase: inBody }, field: "body", evidence: `“${inBody}” in the message` });
      return;
    }
    // A reply or forward keeps the subject it was given, which may mention the original's file.
    if (snapshot.composeType !== "new") return;
    const inSubject = findAttachmentPhrase(snapshot.subject);
    if (inSubject !== undefined) {
      context.report({ messageId: "missingAttachment", data: { phrase: inSubject }, field: "subject", evidence: `“${inSubject}” in the subject` });
    }
  },
});
