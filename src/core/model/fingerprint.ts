/**
 * A short fingerprint of what a check looked at (recipients, subject, body text, attachments),
 * so a decision taken on one version of a message — a sender's saved reason — is not applied to
 * another. A hash only: it holds no message text and is never sent anywhere.
 */
import type { MessageDraft } from "./draft";

/** Two independent 32-bit FNV-1a style hashes of `text`, as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b = (b ^ (b >>> 15)) >>> 0;
  }
  const hex = (n: number): string => `00000000${n.toString(16)}`.slice(-8);
  return hex(a) + hex(b);
}

/**
 * Fingerprints a message as checked.
 * @param draft - the message
 * @returns 16 hex digits; equal for the same recipients, subject, body text and attachments
 */
export function draftFingerprint(draft: MessageDraft): string {
  const people = (list: MessageDraft["to"]): string[] => list.map((r) => r.email.trim().toLowerCase());
  return hash64(
    JSON.stringify([
      people(draft.to),
      people(draft.cc),
      people(draft.bcc),
      draft.subject,
      // The body as text, with runs of white space made one: reading it twice must agree.
      draft.body.replace(/\s+/g, " ").trim(),
      draft.attachments.map((a) => [a.name, a.size ?? -1]),
    ]),
  );
}
