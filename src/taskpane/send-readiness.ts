/**
 * What Outlook needs before it can send a message at all, so that the pane never calls a
 * message "All clear" (or offers Send now) after a fix has left it with nothing to send.
 */
import type { MessageDraft } from "../core";

/**
 * What is missing before Outlook could send this message, in plain words.
 * @param draft - the message as last read
 * @returns one sentence per missing part; empty when the message can be sent
 */
export function missingForSend(draft: MessageDraft): string[] {
  const missing: string[] = [];
  if (draft.to.length + draft.cc.length + draft.bcc.length === 0) {
    missing.push("It has no recipients. Add who it is for in To, Cc or Bcc.");
  }
  if (draft.subject.trim() === "" && draft.body.trim() === "" && draft.attachments.length === 0) {
    missing.push("It has no subject, no text and no attachments. Write what you want to say.");
  }
  return missing;
}
