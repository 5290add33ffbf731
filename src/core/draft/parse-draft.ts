/**
 * Parses and validates MessageDraft JSON (design.md, "MessageDraft (JSON)"): recipients as
 * strings or objects, missing arrays as empty, unknown fields ignored, and an HTML-only body
 * turned into text. A malformed draft is a DraftError naming the field — never a crash.
 */
import type { Address, Attachment, ComposeType, MessageDraft, Recipient, RecipientType } from "../model/draft";
import { parseAddress } from "./addresses";
import { isRecord } from "../util/is-record";

/** Thrown for a malformed draft; `field` is the path of the problem, e.g. `to[2].email`. */
export class DraftError extends Error {
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = "DraftError";
    this.field = field;
  }
}

/** Converts an HTML body to plain text; injected so the pure core needs no HTML library. */
export type HtmlToText = (html: string) => string;

export type ParseDraftOptions = Readonly<{
  /** Used when the draft has `bodyHtml` but no `body`. Without it, tags are stripped crudely. */
  htmlToText?: HtmlToText;
}>;

const RECIPIENT_TYPES: readonly RecipientType[] = ["user", "externalUser", "distributionList", "other"];
const COMPOSE_TYPES: Readonly<Record<string, ComposeType>> = {
  new: "new",
  newmail: "new",
  reply: "reply",
  replyall: "reply",
  forward: "forward",
};

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

function optionalString(record: Record<string, unknown>, key: string, path: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new DraftError(path, `expected a string, got ${describe(value)}`);
  return value;
}

function parseAddressValue(value: unknown, path: string): Address {
  if (typeof value === "string") {
    const parsed = parseAddress(value);
    if (!parsed) throw new DraftError(path, `expected an e-mail address, got ${JSON.stringify(value)}`);
    return parsed;
  }
  if (!isRecord(value)) throw new DraftError(path, `expected an address string or { "email": … }, got ${describe(value)}`);
  const email = optionalString(value, "email", `${path}.email`);
  if (email === undefined) throw new DraftError(`${path}.email`, "is required");
  const parsed = parseAddress(email);
  if (!parsed || parsed.name) throw new DraftError(`${path}.email`, `expected an e-mail address, got ${JSON.stringify(email)}`);
  const name = optionalString(value, "name", `${path}.name`);
  return name ? { email: parsed.email, name } : { email: parsed.email };
}

function parseRecipients(value: unknown, field: string): Recipient[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list)) throw new DraftError(field, `expected an array of recipients, got ${describe(value)}`);
  return list.map((item, i) => {
    const path = `${field}[${i}]`;
    const address = parseAddressValue(item, path);
    if (!isRecord(item) || item.type === undefined || item.type === null) return address;
    if (!RECIPIENT_TYPES.includes(item.type as RecipientType)) {
      throw new DraftError(`${path}.type`, `expected one of ${RECIPIENT_TYPES.join(", ")}, got ${JSON.stringify(item.type)}`);
    }
    return { ...address, type: item.type as RecipientType };
  });
}

function parseAttachments(value: unknown): Attachment[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new DraftError("attachments", `expected an array, got ${describe(value)}`);
  return value.map((item, i) => {
    const path = `attachments[${i}]`;
    if (typeof item === "string") return { name: item };
    if (!isRecord(item)) throw new DraftError(path, `expected { "name": … }, got ${describe(item)}`);
    const name = optionalString(item, "name", `${path}.name`);
    if (name === undefined) throw new DraftError(`${path}.name`, "is required");
    const attachment: { name: string; size?: number; contentType?: string; isInline?: boolean } = { name };
    if (item.size !== undefined && item.size !== null) {
      if (typeof item.size !== "number" || !Number.isFinite(item.size) || item.size < 0) {
        throw new DraftError(`${path}.size`, `expected a size in bytes, got ${describe(item.size)}`);
      }
      attachment.size = item.size;
    }
    const contentType = optionalString(item, "contentType", `${path}.contentType`);
    if (contentType !== undefined) attachment.contentType = contentType;
    if (item.isInline !== undefined && item.isInline !== null) {
      if (typeof item.isInline !== "boolean") throw new DraftError(`${path}.isInline`, `expected true or false, got ${describe(item.isInline)}`);
      attachment.isInline = item.isInline;
    }
    return attachment;
  });
}

/**
 * A last-resort HTML to text conversion for when no converter is injected.
 * @param html - HTML
 * @returns rough text
 */
export function stripTags(html: string): string {
  return html
    .replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/gi, " ")
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, "&");
}

/**
 * Validates MessageDraft JSON and normalises it.
 * @param input - parsed JSON
 * @param options - the HTML converter
 * @returns the draft
 * @throws DraftError naming the field that is wrong
 */
export function parseDraft(input: unknown, options: ParseDraftOptions = {}): MessageDraft {
  if (!isRecord(input)) throw new DraftError("(message)", `expected a JSON object, got ${describe(input)}`);
  const subject = optionalString(input, "subject", "subject") || "";
  const bodyHtml = optionalString(input, "bodyHtml", "bodyHtml");
  let body = optionalString(input, "body", "body");
  if (body === undefined) {
    body = bodyHtml !== undefined ? (options.htmlToText || stripTags)(bodyHtml) : "";
  }
  const rawCompose = optionalString(input, "composeType", "composeType");
  let composeType: ComposeType = "new";
  if (rawCompose !== undefined) {
    const mapped = COMPOSE_TYPES[rawCompose.toLowerCase()];
    if (!mapped) throw new DraftError("composeType", `expected "new", "reply" or "forward", got ${JSON.stringify(rawCompose)}`);
    composeType = mapped;
  }
  const from = input.from !== undefined && input.from !== null ? parseAddressValue(input.from, "from") : undefined;
  const sender = input.sender !== undefined && input.sender !== null ? parseAddressValue(input.sender, "sender") : undefined;
  return {
    ...(from ? { from } : {}),
    ...(sender ? { sender } : {}),
    to: parseRecipients(input.to, "to"),
    cc: parseRecipients(input.cc, "cc"),
    bcc: parseRecipients(input.bcc, "bcc"),
    subject,
    body,
    ...(bodyHtml !== undefined ? { bodyHtml } : {}),
    attachments: parseAttachments(input.attachments),
    composeType,
  };
}
