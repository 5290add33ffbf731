/**
 * Reads the message being composed into a MessageDraft for the core engine: all fields at
 * once through the call queue (at most 3 Office calls in flight), each with its own timeout.
 * Recipients, subject and the text body are essential; everything else degrades gracefully.
 */
import type { Address, Attachment, ComposeType, MessageDraft, Recipient, RecipientType } from "../core";
import { Coercion, OfficeCallError, type CallQueue, type Invoke } from "./office-async";

/** Body format of the item, as `body.getTypeAsync` reports it. */
export type BodyType = "html" | "text";

/** What `readDraft` returns: the draft plus what the send handler needs to edit the body. */
export type DraftRead = Readonly<{
  draft: MessageDraft;
  bodyType: BodyType;
  /** True when `bodyType` came from `getTypeAsync`; false when it was guessed after a failure. */
  bodyTypeKnown: boolean;
  /** The HTML body, when the item is HTML and it could be read. */
  bodyHtml?: string;
  /** Labels of optional reads that failed, timed out or are not supported here. */
  degraded: readonly string[];
}>;

/** An essential read failed: the check cannot run, so the handler follows the policy's `onError`. */
export class DraftReadError extends Error {
  readonly cause: OfficeCallError | undefined;

  constructor(label: string, cause: unknown) {
    super(`could not read ${label}${cause instanceof OfficeCallError ? ` (${cause.kind})` : ""}`);
    this.name = "DraftReadError";
    this.cause = cause instanceof OfficeCallError ? cause : undefined;
  }
}

/** The parts of `Office.Mailbox` the reader uses. */
export type MailboxLike = Readonly<{
  item?: Office.MessageCompose | Office.Item | null;
  userProfile?: Readonly<{ emailAddress?: string; displayName?: string }>;
}>;

export type ReadDraftOptions = Readonly<{
  queue: CallQueue;
  /** Whether the client supports a Mailbox requirement set, e.g. `"1.10"`. */
  supports(version: string): boolean;
}>;

const RECIPIENT_TYPES: Readonly<Record<string, RecipientType>> = {
  user: "user",
  externalUser: "externalUser",
  distributionList: "distributionList",
  other: "other",
};

type EmailDetails = Readonly<{ emailAddress?: string; displayName?: string; recipientType?: string }>;

function toRecipient(details: EmailDetails): Recipient | null {
  // Unresolved entries can have an empty address; the display name is then all we have, and
  // it still counts as a recipient (with no domain it is treated as outside the Centre).
  const email = (details.emailAddress || details.displayName || "").trim();
  if (email === "") return null;
  const name = (details.displayName || "").trim();
  const type = details.recipientType !== undefined ? RECIPIENT_TYPES[details.recipientType] || "other" : undefined;
  return {
    email,
    ...(name && name !== email ? { name } : {}),
    ...(type ? { type } : {}),
  };
}

function toRecipients(list: unknown): Recipient[] {
  if (!Array.isArray(list)) return [];
  const out: Recipient[] = [];
  for (const entry of list as EmailDetails[]) {
    const r = entry && typeof entry === "object" ? toRecipient(entry) : null;
    if (r) out.push(r);
  }
  return out;
}

function toAddress(details: EmailDetails | undefined | null): Address | undefined {
  if (!details || typeof details !== "object") return undefined;
  const email = (details.emailAddress || "").trim();
  if (email === "") return undefined;
  const name = (details.displayName || "").trim();
  return name ? { email, name } : { email };
}

function toAttachments(list: unknown): Attachment[] {
  if (!Array.isArray(list)) return [];
  const out: Attachment[] = [];
  for (const a of list as Array<Partial<Office.AttachmentDetailsCompose>>) {
    if (!a || typeof a.name !== "string") continue;
    out.push({
      name: a.name,
      ...(typeof a.size === "number" && a.size >= 0 ? { size: a.size } : {}),
      ...(typeof a.isInline === "boolean" ? { isInline: a.isInline } : {}),
    });
  }
  return out;
}

function toComposeType(value: unknown): ComposeType {
  const raw = value && typeof value === "object" ? (value as { composeType?: unknown }).composeType : value;
  if (raw === "reply") return "reply";
  if (raw === "forward") return "forward";
  return "new";
}

/**
 * Reads the compose item.
 * @param mailbox - `Office.context.mailbox`
 * @param options - the call queue and requirement-set support
 * @returns the draft, the body type and HTML, and which optional reads degraded
 * @throws DraftReadError when recipients, subject or body cannot be read
 */
export async function readDraft(mailbox: MailboxLike, options: ReadDraftOptions): Promise<DraftRead> {
  const { queue, supports } = options;
  const item = mailbox.item as Office.MessageCompose | null | undefined;
  if (!item || !item.to || !item.body) throw new DraftReadError("the message", undefined);
  const degraded: string[] = [];

  const essential = <T>(label: string, invoke: Invoke<T>): Promise<T> =>
    queue.run(label, invoke).catch((error: unknown) => {
      throw new DraftReadError(label, error);
    });
  const optional = <T>(label: string, available: boolean, invoke: () => Invoke<T>, front = false): Promise<T | undefined> => {
    if (!available) {
      degraded.push(label);
      return Promise.resolve(undefined);
    }
    return queue.run(label, invoke(), { front }).catch(() => {
      degraded.push(label);
      return undefined;
    });
  };

  // Queue order matters with 3 in flight. getComposeTypeAsync (1.10) goes first: besides
  // new/reply/forward it reports the body format, which the HTML read waits on, so one round
  // trip (getTypeAsync) is saved; getTypeAsync is the fallback. Then the essential reads,
  // then the optional ones. `from.getAsync` is Mailbox 1.7 and getAttachmentsAsync 1.8: the
  // manifest asks for 1.12, but missing methods are still checked so a partial host degrades.
  const composeP = optional<unknown>("composeType", supports("1.10") && typeof item.getComposeTypeAsync === "function", () => (cb) =>
    item.getComposeTypeAsync({ asyncContext: "composeType" }, cb),
  );
  const toP = essential<EmailDetails[]>("to", (cb) => item.to.getAsync({ asyncContext: "to" }, cb));
  const ccP = essential<EmailDetails[]>("cc", (cb) => item.cc.getAsync({ asyncContext: "cc" }, cb));
  const bccP = essential<EmailDetails[]>("bcc", (cb) => item.bcc.getAsync({ asyncContext: "bcc" }, cb));
  const subjectP = essential<string>("subject", (cb) => item.subject.getAsync({ asyncContext: "subject" }, cb));
  const textP = essential<string>("body.text", (cb) => item.body.getAsync(Coercion.Text, { asyncContext: "body.text" }, cb));
  const fromP = optional<EmailDetails>("from", supports("1.7") && !!item.from && typeof item.from.getAsync === "function", () => (cb) =>
    item.from.getAsync({ asyncContext: "from" }, cb),
  );
  const attachmentsP = optional<unknown>("attachments", supports("1.8") && typeof item.getAttachmentsAsync === "function", () => (cb) =>
    item.getAttachmentsAsync({ asyncContext: "attachments" }, cb),
  );
  const bodyTypeP = composeP.then((compose) => {
    const format = compose && typeof compose === "object" ? (compose as { coercionType?: unknown }).coercionType : undefined;
    if (format === "html" || format === "text") return format;
    return optional<string>("body.type", typeof item.body.getTypeAsync === "function", () => (cb) => item.body.getTypeAsync({ asyncContext: "body.type" }, cb), true);
  });
  const htmlP = bodyTypeP.then((type) =>
    type === "html" ? optional<string>("body.html", true, () => (cb) => item.body.getAsync(Coercion.Html, { asyncContext: "body.html" }, cb), true) : undefined,
  );

  // Essential reads fail fast: the handler then completes by the policy's onError at once
  // instead of waiting for optional reads that may still be running into their timeouts.
  const [to, cc, bcc, subject, text] = await Promise.all([toP, ccP, bccP, subjectP, textP]);
  const [bodyType, from, attachments, compose, bodyHtml] = await Promise.all([bodyTypeP, fromP, attachmentsP, composeP, htmlP]);

  let sender: Address | undefined;
  try {
    // userProfile is synchronous (Mailbox 1.1) but may be missing in some runtimes.
    const profile = mailbox.userProfile;
    sender = profile ? toAddress({ emailAddress: profile.emailAddress, displayName: profile.displayName }) : undefined;
  } catch {
    sender = undefined;
  }
  if (!sender) degraded.push("userProfile");

  const fromAddress = toAddress(from);
  const draft: MessageDraft = {
    ...(fromAddress ? { from: fromAddress } : sender ? { from: sender } : {}),
    ...(sender ? { sender } : {}),
    to: toRecipients(to),
    cc: toRecipients(cc),
    bcc: toRecipients(bcc),
    subject: typeof subject === "string" ? subject : "",
    body: typeof text === "string" ? text : "",
    ...(typeof bodyHtml === "string" ? { bodyHtml } : {}),
    attachments: toAttachments(attachments),
    composeType: toComposeType(compose),
  };
  return {
    draft,
    bodyType: bodyType === "html" ? "html" : "text",
    bodyTypeKnown: bodyType === "html" || bodyType === "text",
    ...(typeof bodyHtml === "string" ? { bodyHtml } : {}),
    degraded,
  };
}
