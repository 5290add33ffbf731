/**
 * The message being written in the simulator: one store shared by the compose form, the
 * on-send runtime and the task pane, with change notifications that say who changed what
 * (the simulated Office raises RecipientsChanged / AttachmentsChanged from them).
 */

export type SimRecipientType = "user" | "externalUser" | "distributionList" | "other";

export type SimRecipient = Readonly<{ emailAddress: string; displayName: string; recipientType: SimRecipientType }>;

export type SimAttachment = Readonly<{ id: string; name: string; size: number; contentType: string; isInline: boolean }>;

export type SimComposeType = "newMail" | "reply" | "forward";

export type ItemState = Readonly<{
  from: Readonly<{ emailAddress: string; displayName: string }>;
  to: readonly SimRecipient[];
  cc: readonly SimRecipient[];
  bcc: readonly SimRecipient[];
  subject: string;
  /** The body as HTML (the simulated compose form is a rich-text editor). */
  bodyHtml: string;
  attachments: readonly SimAttachment[];
  /** `0` when no delivery time is set (as `delayDeliveryTime.getAsync` reports it). */
  delayDeliveryTime: Date | 0;
  composeType: SimComposeType;
  /** `item.sessionData` (Mailbox 1.11). */
  sessionData: Readonly<Record<string, string>>;
}>;

/** Who changed the message: the sender typing, an add-in, or a new message (sample, after Send). */
export type ChangeSource = "user" | "addin" | "reset";
export type ItemField = keyof ItemState;
export type ItemChange = Readonly<{ fields: readonly ItemField[]; source: ChangeSource }>;

export const INTERNAL_DOMAIN = "norcotearlyyearscentre.co.uk";
export const SIGNED_IN = { emailAddress: `a.jones@${INTERNAL_DOMAIN}`, displayName: "Amy Jones" } as const;

/**
 * Outlook's guess of a recipient type from the address: the Centre's own domain is a user,
 * anything else an external user.
 * @param email - the address
 * @returns the type
 */
export function guessType(email: string): SimRecipientType {
  return email.toLowerCase().endsWith(`@${INTERNAL_DOMAIN}`) ? "user" : "externalUser";
}

/**
 * An empty new message from the signed-in user.
 * @returns the state
 */
export function emptyItem(): ItemState {
  return { from: SIGNED_IN, to: [], cc: [], bcc: [], subject: "", bodyHtml: "", attachments: [], delayDeliveryTime: 0, composeType: "newMail", sessionData: {} };
}

export type ItemStore = Readonly<{
  get(): ItemState;
  update(patch: Partial<ItemState>, source: ChangeSource): void;
  /** Replaces the whole message (a new compose window). */
  reset(state: ItemState): void;
  subscribe(listener: (change: ItemChange) => void): () => void;
  /** Next attachment id, unique within the session (like Outlook's ids). */
  nextAttachmentId(): string;
}>;

/**
 * Creates a store.
 * @param initial - the first message
 * @returns the store
 */
export function createItemStore(initial: ItemState = emptyItem()): ItemStore {
  let state = initial;
  let counter = 0;
  const listeners = new Set<(change: ItemChange) => void>();
  const notify = (change: ItemChange) => {
    for (const l of [...listeners]) l(change);
  };
  return {
    get: () => state,
    update(patch, source) {
      state = { ...state, ...patch };
      notify({ fields: Object.keys(patch) as ItemField[], source });
    },
    reset(next) {
      state = next;
      notify({ fields: Object.keys(next) as ItemField[], source: "reset" });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    nextAttachmentId: () => `AAMkSim${String(++counter).padStart(4, "0")}`,
  };
}

/**
 * Plain text of an HTML body, as `body.getAsync(Text)` gives it: block elements and `<br>`
 * become line breaks, entities are decoded.
 * @param html - the body HTML
 * @returns the text
 */
export function htmlToText(html: string): string {
  if (html.trim() === "") return "";
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  const out: string[] = [];
  const BLOCK = /^(P|DIV|LI|TR|H[1-6]|BLOCKQUOTE|UL|OL|TABLE|PRE)$/;
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push((node.textContent ?? "").replace(/\s+/g, " "));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (/^(SCRIPT|STYLE|HEAD)$/.test(el.tagName)) return;
    if (el.tagName === "BR") {
      out.push("\n");
      return;
    }
    const block = BLOCK.test(el.tagName);
    if (block) out.push("\n");
    el.childNodes.forEach(walk);
    if (block) out.push("\n");
  };
  doc.body.childNodes.forEach(walk);
  return out
    .join("")
    .replace(/[ \t]*\n[ \t]*/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * HTML for plain text (samples are text; the editor is HTML).
 * @param text - plain text
 * @returns paragraphs of escaped text
 */
export function textToHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
}
