/**
 * The EmailSnapshot: a MessageDraft prepared once by the engine for the rules — recipients
 * classified against the organisation, the body split into what the sender wrote, quoted
 * history, signature and disclaimer. Rules read it and never change it (it is deep-frozen).
 */
import type { Address, Attachment, ComposeType, MessageDraft, RecipientType } from "./draft";

export type RecipientField = "to" | "cc" | "bcc";

/** A recipient with its field and its place relative to the organisation. */
export type RecipientInfo = Readonly<{
  /** Lower-cased address. */
  email: string;
  name?: string;
  type?: RecipientType;
  field: RecipientField;
  /** Lower-cased domain part (after the last `@`); empty when the address has none. */
  domain: string;
  /** The domain is, or is a sub-domain of, an internal domain. */
  internal: boolean;
  /** The domain is, or is a sub-domain of, a trusted partner domain. */
  trusted: boolean;
  /** Neither internal nor trusted. */
  external: boolean;
}>;

/** One block of quoted history: a reply's quoted message or a forwarded message. */
export type QuotedPart = Readonly<{
  kind: "reply" | "forward";
  /** Header lines found above the quoted text (From, Sent/Date, To, Subject), when present. */
  headers: Readonly<{ from?: string; date?: string; to?: string; cc?: string; subject?: string }>;
  /** The quoted text, with `>` markers removed. */
  text: string;
  /** Nesting depth: 1 for the first quoted message, 2 for a message quoted inside it, … */
  depth: number;
}>;

/**
 * A body split into its parts. `full` is the whole body; the other fields partition it, except
 * for lines that hold no words (`[IMAGE]`, `[cid:…]`, `<<file.pdf>>` placeholders), which belong
 * to none of them.
 */
export type BodySegments = Readonly<{
  full: string;
  /** What the sender wrote in this message: no quoted history, signature or disclaimer. */
  authored: string;
  signature: string;
  disclaimer: string;
  /** All quoted history, joined. */
  quoted: string;
  quotedParts: readonly QuotedPart[];
}>;

export type EmailSnapshot = Readonly<{
  draft: MessageDraft;
  from?: Address;
  sender?: Address;
  /** To, then Cc, then Bcc, in the draft's order. */
  recipients: readonly RecipientInfo[];
  subject: string;
  body: BodySegments;
  attachments: readonly Attachment[];
  composeType: ComposeType;
}>;
