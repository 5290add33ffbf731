/**
 * @fileoverview Disallow staff-only material in mail to parents or other outsiders: staff or
 * SMT meeting minutes, internal memos, "not for circulation" notes and the like, named in the
 * subject, in what the sender wrote, or in an attachment's name.
 */
import data from "../data/staff-only/phrases.en.json";
import type { RecipientInfo } from "../model/snapshot";
import { CLAUSES } from "../policy/clauses";
import { defineRule } from "./rule";
import { findPhraseAsWritten } from "./utils/phrase-match";

export type NoStaffOnlyContentOptions = Record<string, never>;

/**
 * Finds the first staff-only phrase in a text, ignoring the exclusions.
 * @param text - subject, authored text or attachment name
 * @returns the phrase found, or undefined
 */
export function findStaffOnlyPhrase(text: string): string | undefined {
  return findPhraseAsWritten(text, data.phrases, data.exclusions);
}

/**
 * Splits words run together in a file name (`StaffMeetingMinutes`), so they match as words.
 * @param name - file name
 * @returns the name with spaces between the words
 */
export function splitFileName(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2");
}

function people(n: number): string {
  return n === 1 ? "1 person" : `${n} people`;
}

function extension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 && name.length - dot <= 6 ? name.slice(dot).toLowerCase() : "";
}

export default defineRule<NoStaffOnlyContentOptions>({
  meta: {
    id: "no-staff-only-content",
    title: "Staff-only material to outsiders",
    description: "Disallow staff-only material in mail to parents or other outsiders",
    category: "privacy",
    defaultSeverity: "block",
    optionsSchema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      staffOnlyText:
        "This e-mail mentions “{{phrase}}”, which is for staff only, but it is going to {{recipients}} outside the Centre. Please remove the outside recipients, or take out the staff-only material.",
      staffOnlyAttachment:
        "This e-mail has {{attachments}} named like staff-only material (“{{phrase}}”), but it is going to {{recipients}} outside the Centre. Please remove the attachment, or the outside recipients.",
    },
    clause: CLAUSES.staffOnly,
  },
  check(snapshot, context) {
    const outsiders: RecipientInfo[] = [];
    const seen = new Set<string>();
    for (const r of snapshot.recipients) {
      if (r.external && !seen.has(r.email)) {
        seen.add(r.email);
        outsiders.push(r);
      }
    }
    if (outsiders.length === 0) return;
    const recipients = people(outsiders.length);
    const removeOutsiders = { kind: "remove-recipients", targets: outsiders.map((r) => r.email) } as const;

    const inSubject = findStaffOnlyPhrase(snapshot.subject);
    if (inSubject !== undefined) {
      context.report({ messageId: "staffOnlyText", data: { phrase: inSubject, recipients }, field: "subject", evidence: `“${inSubject}” in the subject`, fix: removeOutsiders });
    }
    const inBody = findStaffOnlyPhrase(snapshot.body.authored);
    if (inBody !== undefined) {
      context.report({ messageId: "staffOnlyText", data: { phrase: inBody, recipients }, field: "body", evidence: `“${inBody}” in the message`, fix: removeOutsiders });
    }

    const names: string[] = [];
    const extensions = new Set<string>();
    let firstPhrase = "";
    for (const attachment of snapshot.attachments) {
      const phrase = findStaffOnlyPhrase(splitFileName(attachment.name));
      if (phrase === undefined) continue;
      if (names.length === 0) firstPhrase = phrase;
      names.push(attachment.name);
      const ext = extension(attachment.name);
      if (ext) extensions.add(ext);
    }
    if (names.length > 0) {
      const attachments = names.length === 1 ? "an attachment" : `${names.length} attachments`;
      // Attachment names may name a child or colleague, so the evidence gives only their types.
      const types = extensions.size > 0 ? ` (${[...extensions].join(", ")})` : "";
      context.report({
        messageId: "staffOnlyAttachment",
        data: { attachments, phrase: firstPhrase, recipients },
        field: "attachments",
        evidence: `“${firstPhrase}” in ${names.length} attachment name${names.length === 1 ? "" : "s"}${types}`,
        fix: { kind: "remove-attachment", targets: names },
      });
    }
  },
});
