/**
 * Reads an RFC 822 message (an `.eml` file as Outlook on the web and new Outlook download it)
 * into MessageDraft JSON, the shape `parseDraft` accepts. Works in the browser and in Node.
 */
import PostalMime from "postal-mime";
import { DraftError } from "./parse-draft";
import { htmlToText } from "./html-to-text";

type Mailbox = { name: string; address: string };
type ParsedAddress = PostalMime.Address;

/** An RFC 5322 field name: printable ASCII except the colon. */
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
const MESSAGE_HEADERS = ["from", "to", "cc", "bcc", "subject", "date", "message-id"];
const FORWARD_SUBJECT = /^\s*(fwd?|fw|wg|tr|rv)\s*:/i;
const REPLY_SUBJECT = /^\s*(re|aw|sv|antw)\s*:/i;
const MAX_SHOWN = 60;

function shown(text: string): string {
  const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  // Control characters (binary files) are shown as "?".
  return JSON.stringify(Array.from(cut, (ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? "?" : ch)).join(""));
}

function mailboxes(list: readonly ParsedAddress[] | ParsedAddress | undefined): Mailbox[] {
  if (!list) return [];
  const items = Array.isArray(list) ? list : [list as ParsedAddress];
  return items.flatMap((item) => (item.group ? item.group : [item as Mailbox]));
}

function addressJson(mailbox: Mailbox, field: string): { email: string; name?: string } {
  const email = mailbox.address.trim();
  if (!email || !email.includes("@")) {
    throw new DraftError(field, `expected an e-mail address, got ${shown(mailbox.address || mailbox.name)}`);
  }
  const name = mailbox.name.trim();
  return name && name !== email ? { email, name } : { email };
}

function recipientsJson(list: readonly ParsedAddress[] | undefined, field: string): Array<{ email: string; name?: string }> {
  return mailboxes(list).map((mailbox, i) => addressJson(mailbox, `${field}[${i}]`));
}

/** The first character that is not white space, read from text or from bytes (as ASCII); undefined when there is none. */
function firstVisibleCharacter(source: string | ArrayBuffer | Uint8Array): string | undefined {
  if (typeof source === "string") {
    const match = /\S/.exec(source);
    return match ? match[0] : undefined;
  }
  const view = source instanceof Uint8Array ? source : new Uint8Array(source);
  for (const byte of view) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return String.fromCharCode(byte);
  }
  return undefined;
}

function sizeOf(content: ArrayBuffer | Uint8Array | string): number {
  return typeof content === "string" ? content.length : content.byteLength;
}

/**
 * Guesses how the message was composed: a forward by its subject (FW:, Fwd:, WG:), a reply by
 * its subject (RE:, AW:) or its In-Reply-To / References headers, otherwise new.
 * @param subject - the subject
 * @param threaded - the message has In-Reply-To or References
 * @returns the compose type
 */
export function guessComposeType(subject: string, threaded: boolean): "new" | "reply" | "forward" {
  if (FORWARD_SUBJECT.test(subject)) return "forward";
  if (REPLY_SUBJECT.test(subject) || threaded) return "reply";
  return "new";
}

/**
 * Parses an RFC 822 message into MessageDraft JSON.
 * @param source - the message as text or bytes
 * @returns MessageDraft JSON: from, to/cc/bcc with names, subject, body (the text part, or the
 *   HTML part as text), bodyHtml, attachments and a guessed composeType
 * @throws DraftError naming what is wrong when the input is not an RFC 822 message
 */
export async function parseEml(source: string | ArrayBuffer | Uint8Array): Promise<Record<string, unknown>> {
  if (typeof source !== "string" && !(source instanceof ArrayBuffer) && !(source instanceof Uint8Array)) {
    throw new DraftError("(message)", "expected the .eml file's text or bytes");
  }
  const start = firstVisibleCharacter(source);
  if (start === undefined) throw new DraftError("(message)", "the .eml file is empty");
  if (start === "{" || start === "[") {
    throw new DraftError("(message)", "not an RFC 822 message: it looks like JSON (MessageDraft JSON belongs in a .json file)");
  }

  let email: PostalMime.Email;
  try {
    email = await PostalMime.parse(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DraftError("(message)", `could not be read as an RFC 822 message (${reason})`);
  }

  const bad = email.headers.find((header) => !FIELD_NAME.test(header.originalKey));
  if (bad) {
    throw new DraftError("(message)", `not an RFC 822 message: the header section has ${shown(bad.originalKey)}, which is not a "Name: value" header line`);
  }
  if (!email.headers.some((header) => MESSAGE_HEADERS.includes(header.key))) {
    throw new DraftError("(message)", "not an RFC 822 message: it has none of the From, To, Cc, Subject or Date headers");
  }

  const fromList = mailboxes(email.from);
  const from = fromList[0] ? addressJson(fromList[0], "from") : undefined;
  if (!from && email.headers.some((header) => header.key === "from")) {
    const raw = email.headers.find((header) => header.key === "from")?.value ?? "";
    throw new DraftError("from", `expected an e-mail address, got ${shown(raw)}`);
  }
  const subject = (email.subject ?? "").trim();
  const html = email.html;
  const body = (email.text !== undefined ? email.text : html !== undefined ? htmlToText(html) : "").trimEnd();
  const attachments = email.attachments.map((attachment, i) => ({
    name: attachment.filename?.trim() || `attachment-${i + 1}`,
    size: sizeOf(attachment.content),
    contentType: attachment.mimeType,
    isInline: attachment.disposition === "inline" || attachment.related === true,
  }));

  return {
    ...(from ? { from } : {}),
    to: recipientsJson(email.to, "to"),
    cc: recipientsJson(email.cc, "cc"),
    bcc: recipientsJson(email.bcc, "bcc"),
    subject,
    body,
    ...(html !== undefined ? { bodyHtml: html } : {}),
    attachments,
    composeType: guessComposeType(subject, Boolean(email.inReplyTo || email.references)),
  };
}
