/**
 * The MessageDraft: the plain-data form of an e-mail that every part of Etiquette Guard checks
 * (see `design.md`, "MessageDraft (JSON)"). Parsed and validated by `draft/parse-draft.ts`.
 */

/** How Outlook classifies a recipient (`EmailAddressDetails.recipientType`). */
export type RecipientType = "user" | "externalUser" | "distributionList" | "other";

/** One address with an optional display name. */
export type Address = Readonly<{
  email: string;
  name?: string;
}>;

/** A recipient as Outlook reports it. */
export type Recipient = Readonly<{
  email: string;
  name?: string;
  type?: RecipientType;
}>;

/** An attachment's metadata; Etiquette Guard never reads attachment content. */
export type Attachment = Readonly<{
  name: string;
  size?: number;
  contentType?: string;
  isInline?: boolean;
}>;

export type ComposeType = "new" | "reply" | "forward";

/** A validated MessageDraft. Arrays are always present (missing means empty). */
export type MessageDraft = Readonly<{
  from?: Address;
  /** The signed-in user, when known. */
  sender?: Address;
  to: readonly Recipient[];
  cc: readonly Recipient[];
  bcc: readonly Recipient[];
  subject: string;
  /** Plain text of the whole body (derived from `bodyHtml` when only HTML was given). */
  body: string;
  bodyHtml?: string;
  attachments: readonly Attachment[];
  composeType: ComposeType;
}>;
