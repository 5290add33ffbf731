/**
 * What the task pane needs from its host (the contract between src/taskpane and
 * src/office/taskpane-services.ts). It lives here, below both, so the Office implementation
 * never imports the pane (issue 11 item 22); src/taskpane/services.tsx re-exports it with the
 * React provider.
 */
import type { Disclaimer, FixKind, MessageDraft, NormalizedPolicy, RuleServices } from "../core";

/** The Office theme, reduced to the three Fluent themes the pane follows. */
export type ThemeKind = "light" | "dark" | "highContrast";

/** Which Outlook the pane runs in; it changes what "Send in 10 minutes" does. */
export type ClientKind = "classic" | "new" | "web" | "mac" | "unknown";

/** What this client can do, from `Office.context.requirements.isSetSupported`. */
export type ClientCapabilities = Readonly<{
  /** to/cc `setAsync` + bcc `addAsync` (Mailbox 1.1). */
  moveToBcc: boolean;
  /** to/cc/bcc `setAsync` (Mailbox 1.1). */
  removeRecipients: boolean;
  /** `body.getAsync`/`setAsync` (Mailbox 1.3). */
  insertDisclaimer: boolean;
  /** `getAttachmentsAsync` (1.8) + `removeAttachmentAsync` (1.1). */
  removeAttachment: boolean;
  /** `item.delayDeliveryTime.setAsync` (Mailbox 1.13). */
  delaySend: boolean;
  /** `item.sendAsync` (Mailbox 1.15). */
  sendNow: boolean;
  /** `InitializationContextChanged` (Mailbox 1.15). */
  contextChanges: boolean;
}>;

/** A fix the pane asks the host to apply. */
export type FixRequest =
  | Readonly<{ kind: "move-to-bcc"; targets: readonly string[] }>
  | Readonly<{ kind: "remove-recipients"; targets: readonly string[] }>
  | Readonly<{ kind: "remove-attachment"; targets: readonly string[] }>
  | Readonly<{ kind: "insert-disclaimer"; disclaimer: Disclaimer }>;

/**
 * A content-free event kept for SMT's report: rule ids, the sender's own reason, and flagged
 * words only when the sender agreed to share them — never message text.
 */
export type SenderEvent =
  | Readonly<{
      kind: "sent-with-reason";
      ruleIds: readonly string[];
      reason: string;
      /** ISO time. */
      at: string;
    }>
  | Readonly<{
      /** "This warning is wrong": the sender reports a finding as a false positive. */
      kind: "false-positive";
      ruleId: string;
      /** The message's verdict when the sender reported it. */
      verdict: "send" | "warn" | "block";
      /** The flagged words, present only when the sender ticked "Include the flagged words". */
      words?: readonly string[];
      /** ISO time. */
      at: string;
    }>;

/** Why a re-check was asked for. */
export type ChangeReason = "recipients" | "attachments" | "theme";

export type TaskPaneServices = Readonly<{
  client: ClientKind;
  capabilities: ClientCapabilities;
  /** The current Office theme. */
  theme(): ThemeKind;
  /** The policy to check against (published policy when available, else the Centre's default). */
  loadPolicy(): Promise<NormalizedPolicy>;
  /** Helpers for the rules (public-suffix list). */
  ruleServices?: RuleServices;
  /** Reads the message being written. */
  readDraft(): Promise<MessageDraft>;
  /** Follows RecipientsChanged / AttachmentsChanged (and theme changes); returns an unsubscribe function. */
  subscribe(onChange: (reason: ChangeReason) => void): () => void;
  /** The raw `contextData` the pane was opened with (Take Action), or null. */
  getInitContext(): Promise<string | null>;
  /** Follows `InitializationContextChanged` when the pane is already open (1.15); returns an unsubscribe function. */
  onInitContextChanged(handler: (contextData: string) => void): () => void;
  applyFix(fix: FixRequest): Promise<void>;
  /** Sets the delivery time (`delayDeliveryTime.setAsync`). */
  delaySend(until: Date): Promise<void>;
  /** Sends the message (`item.sendAsync`). Code after it may not run. */
  send(): Promise<void>;
  /** Queues a content-free event for SMT's report. */
  reportEvent(event: SenderEvent): Promise<void>;
  /** Current time; injectable for tests. */
  now?(): Date;
}>;

/** Fix kinds that the pane applies through `applyFix`. */
export const EDIT_FIXES: readonly FixKind[] = ["move-to-bcc", "remove-recipients", "remove-attachment", "insert-disclaimer"];
