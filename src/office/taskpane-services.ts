/**
 * The task pane's services over Office.js: reads the compose item (through the shared call
 * queue, at most 3 Office calls in flight), follows its change events, applies the one-click
 * fixes and sends. The only task-pane code that touches Office (style.md 2.5).
 */
import { defaultPolicy, type NormalizedPolicy, type RuleServices } from "../core";
import { fullServices } from "../core/text/public-suffix-full";
import type {
  ChangeReason,
  ClientCapabilities,
  ClientKind,
  FixRequest,
  SenderEvent,
  TaskPaneServices,
  ThemeKind,
} from "./pane-contract";
import { classifyTheme } from "./theme-kind";
import { createMemoryEventSink, type EventSink } from "./event-sink";
import { Coercion, createCallQueue, supportsMailbox, type AsyncResultLike, type CallQueue, type Invoke } from "./office-async";
import { readDraft } from "./read-draft";
import { appendHtmlDisclaimer, appendTextDisclaimer } from "./disclaimer";
import { saveReason, type SessionDataLike } from "./saved-reason";
import { draftFingerprint } from "../core/model/fingerprint";

/** A task pane call may wait longer than the send handler's reads: the sender is watching. */
const PANE_CALL_TIMEOUT_MS = 8000;
/** `sendAsync` may be held by the Smart Alerts dialog; its answer is not awaited for long. */
const SEND_TIMEOUT_MS = 120_000;
/** `addAsync` takes at most 100 recipients per call. */
const ADD_CHUNK = 100;

/** `Office.EventType` values as documented strings, in case the enum is missing. */
const EVENT = {
  RecipientsChanged: "olkRecipientsChanged",
  AttachmentsChanged: "olkAttachmentsChanged",
  InitializationContextChanged: "olkInitializationContextChanged",
  OfficeThemeChanged: "officeThemeChanged",
} as const;

type OfficeLike = typeof Office;
type Compose = Office.MessageCompose;
type EmailDetails = Readonly<{ emailAddress?: string; displayName?: string; recipientType?: string }>;

export type OfficeTaskPaneOptions = Readonly<{
  /** Where the policy comes from; defaults to the Centre's policy as written. */
  loadPolicy?: () => Promise<NormalizedPolicy>;
  /** Where content-free sender events go; defaults to an in-memory queue. */
  events?: EventSink;
  ruleServices?: RuleServices;
  /** For tests: the environment's forced-colours state. */
  forcedColors?: () => boolean;
}>;

function eventType(office: OfficeLike, name: keyof typeof EVENT): Office.EventType {
  const fromEnum = office.EventType ? (office.EventType as unknown as Record<string, string>)[name] : undefined;
  return (fromEnum ?? EVENT[name]) as unknown as Office.EventType;
}

/**
 * Which Outlook this is: `mailbox.diagnostics.hostName` tells new Outlook and the web apart,
 * `context.platform` tells Windows from Mac.
 * @param office - the Office global
 * @returns the client kind
 */
export function detectClient(office: OfficeLike): ClientKind {
  try {
    const host = String(office.context.mailbox.diagnostics?.hostName ?? "");
    const platform = String((office.context as { platform?: unknown }).platform ?? "");
    if (/newOutlook/i.test(host)) return "new";
    if (/OutlookWebApp/i.test(host) || platform === "OfficeOnline") return "web";
    if (platform === "Mac") return "mac";
    if (host === "Outlook" || platform === "PC") return "classic";
  } catch {
    // Diagnostics missing: fall through.
  }
  return "unknown";
}

function isFn(value: unknown): boolean {
  return typeof value === "function";
}

/**
 * What this client lets the pane do.
 * @param office - the Office global
 * @returns the capabilities
 */
export function detectCapabilities(office: OfficeLike): ClientCapabilities {
  const supports = (v: string) => supportsMailbox(office.context.requirements, v);
  const item = office.context.mailbox.item as Compose | null | undefined;
  if (!item) {
    return { moveToBcc: false, removeRecipients: false, insertDisclaimer: false, removeAttachment: false, delaySend: false, sendNow: false, contextChanges: false };
  }
  const recipientsSettable = isFn(item.to?.setAsync) && isFn(item.cc?.setAsync);
  return {
    moveToBcc: supports("1.1") && recipientsSettable && isFn(item.bcc?.addAsync),
    removeRecipients: supports("1.1") && recipientsSettable && isFn(item.bcc?.setAsync),
    insertDisclaimer: supports("1.3") && isFn(item.body?.setAsync) && isFn(item.body?.getTypeAsync),
    removeAttachment: supports("1.8") && isFn(item.getAttachmentsAsync) && isFn(item.removeAttachmentAsync),
    delaySend: supports("1.13") && !!item.delayDeliveryTime && isFn(item.delayDeliveryTime.setAsync),
    sendNow: supports("1.15") && isFn((item as { sendAsync?: unknown }).sendAsync),
    contextChanges: supports("1.15"),
  };
}

function lower(list: readonly string[]): Set<string> {
  return new Set(list.map((s) => s.trim().toLowerCase()));
}

function asRecipient(d: EmailDetails): Office.EmailUser {
  const email = d.emailAddress ?? "";
  return { emailAddress: email, displayName: d.displayName && d.displayName !== "" ? d.displayName : email };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Builds the services.
 * @param office - the Office global, after `Office.onReady`
 * @param options - policy source, event sink, rule helpers
 * @returns the task pane services
 */
export function createOfficeTaskPaneServices(office: OfficeLike, options: OfficeTaskPaneOptions = {}): TaskPaneServices {
  const queue: CallQueue = createCallQueue({ maxInFlight: 3, timeoutMs: PANE_CALL_TIMEOUT_MS });
  const mailbox = office.context.mailbox;
  const item = () => {
    const current = mailbox.item as Compose | null | undefined;
    if (!current) throw new Error("No message is open.");
    return current;
  };
  const supports = (v: string) => supportsMailbox(office.context.requirements, v);
  const capabilities = detectCapabilities(office);
  const events = options.events ?? createMemoryEventSink();
  const forced = options.forcedColors ?? (() => typeof matchMedia === "function" && matchMedia("(forced-colors: active)").matches);

  const call = <T>(label: string, invoke: Invoke<T>, timeoutMs?: number) => queue.run<T>(label, invoke, timeoutMs ? { timeoutMs } : {});

  // One Office handler per event type, fanned out to every subscriber: Outlook keeps one
  // handler per type and removeHandlerAsync removes them all.
  const listeners = new Set<(reason: ChangeReason) => void>();
  let registered = false;
  const emit = (reason: ChangeReason) => {
    for (const l of [...listeners]) l(reason);
  };
  const addHandler = (target: { addHandlerAsync?: unknown } | undefined, type: Office.EventType, handler: (args: unknown) => void) => {
    if (!target || !isFn(target.addHandlerAsync)) return;
    try {
      (target as Office.Mailbox).addHandlerAsync(type, handler, () => undefined);
    } catch {
      // Event not supported here: the body poll still picks the change up.
    }
  };
  const removeHandler = (target: { removeHandlerAsync?: unknown } | undefined, type: Office.EventType) => {
    if (!target || !isFn(target.removeHandlerAsync)) return;
    try {
      (target as Office.Mailbox).removeHandlerAsync(type, () => undefined);
    } catch {
      // Nothing to remove.
    }
  };
  const media = typeof matchMedia === "function" ? matchMedia("(forced-colors: active)") : undefined;
  const onMedia = () => emit("theme");
  const register = () => {
    if (registered) return;
    registered = true;
    const current = mailbox.item as Compose | undefined;
    addHandler(current, eventType(office, "RecipientsChanged"), () => emit("recipients"));
    addHandler(current, eventType(office, "AttachmentsChanged"), () => emit("attachments"));
    if (supports("1.14")) addHandler(mailbox, eventType(office, "OfficeThemeChanged"), () => emit("theme"));
    media?.addEventListener?.("change", onMedia);
  };
  const unregister = () => {
    if (!registered) return;
    registered = false;
    const current = mailbox.item as Compose | undefined;
    removeHandler(current, eventType(office, "RecipientsChanged"));
    removeHandler(current, eventType(office, "AttachmentsChanged"));
    if (supports("1.14")) removeHandler(mailbox, eventType(office, "OfficeThemeChanged"));
    media?.removeEventListener?.("change", onMedia);
  };

  const contextListeners = new Set<(data: string) => void>();
  let contextRegistered = false;

  const getRecipients = (field: "to" | "cc" | "bcc") =>
    call<EmailDetails[]>(`${field}.get`, (cb) => item()[field].getAsync({ asyncContext: field }, cb as (r: Office.AsyncResult<Office.EmailAddressDetails[]>) => void));
  const setRecipients = (field: "to" | "cc" | "bcc", list: readonly EmailDetails[]) =>
    call<void>(`${field}.set`, (cb) => item()[field].setAsync(list.map(asRecipient), { asyncContext: field }, cb as (r: Office.AsyncResult<void>) => void));

  async function moveToBcc(targets: readonly string[]): Promise<void> {
    const wanted = lower(targets);
    const [to, cc] = await Promise.all([getRecipients("to"), getRecipients("cc")]);
    const isTarget = (r: EmailDetails) => wanted.has((r.emailAddress ?? "").toLowerCase());
    const moving = [...to.filter(isTarget), ...cc.filter(isTarget)];
    if (moving.length === 0) return;
    // Add to Bcc first: if that fails, nobody has been taken out of To/Cc yet.
    for (let i = 0; i < moving.length; i += ADD_CHUNK) {
      const chunk = moving.slice(i, i + ADD_CHUNK).map(asRecipient);
      await call<void>("bcc.add", (cb) => item().bcc.addAsync(chunk, { asyncContext: "bcc" }, cb as (r: Office.AsyncResult<void>) => void));
    }
    await Promise.all([setRecipients("to", to.filter((r) => !isTarget(r))), setRecipients("cc", cc.filter((r) => !isTarget(r)))]);
  }

  async function removeRecipients(targets: readonly string[]): Promise<void> {
    const wanted = lower(targets);
    const isTarget = (r: EmailDetails) => wanted.has((r.emailAddress ?? "").toLowerCase());
    const [to, cc, bcc] = await Promise.all([getRecipients("to"), getRecipients("cc"), getRecipients("bcc")]);
    const changes: Promise<void>[] = [];
    if (to.some(isTarget)) changes.push(setRecipients("to", to.filter((r) => !isTarget(r))));
    if (cc.some(isTarget)) changes.push(setRecipients("cc", cc.filter((r) => !isTarget(r))));
    if (bcc.some(isTarget)) changes.push(setRecipients("bcc", bcc.filter((r) => !isTarget(r))));
    await Promise.all(changes);
  }

  async function removeAttachments(targets: readonly string[]): Promise<void> {
    const wanted = lower(targets);
    const list = await call<Office.AttachmentDetailsCompose[]>("attachments.get", (cb) => item().getAttachmentsAsync({ asyncContext: "attachments" }, cb));
    const ids = list.filter((a) => wanted.has(a.name.toLowerCase())).map((a) => a.id);
    if (ids.length === 0) throw new Error("That attachment is no longer in the message.");
    for (const id of ids) {
      await call<void>("attachments.remove", (cb) => item().removeAttachmentAsync(id, { asyncContext: id }, cb));
    }
  }

  async function insertDisclaimer(disclaimer: { text: string; html: string }): Promise<void> {
    const type = await call<Office.CoercionType>("body.type", (cb) => item().body.getTypeAsync({ asyncContext: "body.type" }, cb));
    if (String(type) === "html") {
      const html = await call<string>("body.html", (cb) => item().body.getAsync(Coercion.Html, { asyncContext: "body.html" }, cb));
      const disclaimerHtml = disclaimer.html || `<p>${escapeHtml(disclaimer.text)}</p>`;
      await call<void>("body.set", (cb) => item().body.setAsync(appendHtmlDisclaimer(html, disclaimerHtml), { coercionType: Coercion.Html, asyncContext: "body.set" }, cb));
      return;
    }
    const text = await call<string>("body.text", (cb) => item().body.getAsync(Coercion.Text, { asyncContext: "body.text" }, cb));
    await call<void>("body.set", (cb) => item().body.setAsync(appendTextDisclaimer(text, disclaimer.text), { coercionType: Coercion.Text, asyncContext: "body.set" }, cb));
  }

  return {
    client: detectClient(office),
    capabilities,
    ruleServices: options.ruleServices ?? fullServices,
    theme(): ThemeKind {
      let colors: { bodyBackgroundColor?: string; bodyForegroundColor?: string } | undefined;
      try {
        colors = office.context.officeTheme;
      } catch {
        colors = undefined;
      }
      return classifyTheme(colors, forced());
    },
    loadPolicy: options.loadPolicy ?? (async () => defaultPolicy()),
    async readDraft() {
      const read = await readDraft(mailbox, { queue, supports });
      return read.draft;
    },
    subscribe(onChange) {
      listeners.add(onChange);
      register();
      return () => {
        listeners.delete(onChange);
        if (listeners.size === 0) unregister();
      };
    },
    async getInitContext() {
      const current = item() as Compose & { getInitializationContextAsync?: (options: Office.AsyncContextOptions, cb: (r: Office.AsyncResult<string>) => void) => void };
      if (!supports("1.8") || !isFn(current.getInitializationContextAsync)) return null;
      try {
        const value = await call<string>("initContext", (cb) => current.getInitializationContextAsync?.({ asyncContext: "initContext" }, cb));
        return typeof value === "string" && value !== "" ? value : null;
      } catch {
        // Opened from the ribbon: Outlook reports "no context" as a failure.
        return null;
      }
    },
    onInitContextChanged(handler) {
      if (!capabilities.contextChanges) return () => undefined;
      contextListeners.add(handler);
      if (!contextRegistered) {
        contextRegistered = true;
        addHandler(mailbox.item as Compose | undefined, eventType(office, "InitializationContextChanged"), (args) => {
          const data = (args as { initializationContextData?: unknown } | undefined)?.initializationContextData;
          for (const l of [...contextListeners]) l(typeof data === "string" ? data : "");
        });
      }
      return () => {
        contextListeners.delete(handler);
        if (contextListeners.size === 0 && contextRegistered) {
          contextRegistered = false;
          removeHandler(mailbox.item as Compose | undefined, eventType(office, "InitializationContextChanged"));
        }
      };
    },
    async applyFix(fix: FixRequest) {
      switch (fix.kind) {
        case "move-to-bcc":
          return moveToBcc(fix.targets);
        case "remove-recipients":
          return removeRecipients(fix.targets);
        case "remove-attachment":
          return removeAttachments(fix.targets);
        case "insert-disclaimer":
          return insertDisclaimer(fix.disclaimer);
      }
    },
    async delaySend(until: Date) {
      if (!capabilities.delaySend) throw new Error("This version of Outlook can't delay a message.");
      await call<void>("delayDeliveryTime.set", (cb) => item().delayDeliveryTime.setAsync(until, { asyncContext: "delay" }, cb));
    },
    async send() {
      const current = item() as Compose & { sendAsync?: (options: Office.AsyncContextOptions, cb: (r: AsyncResultLike<void>) => void) => void };
      if (!capabilities.sendNow || !current.sendAsync) throw new Error("This version of Outlook can't send from the add-in. Press Send in Outlook.");
      // Code after sendAsync may never run (Mailbox 1.15 remarks): everything else is done first.
      await call<void>("send", (cb) => current.sendAsync?.({ asyncContext: "send" }, cb), SEND_TIMEOUT_MS);
    },
    async reportEvent(event: SenderEvent) {
      const session = (item() as { sessionData?: SessionDataLike }).sessionData;
      if (event.kind === "sent-with-reason" && supports("1.11") && session && isFn(session.setAsync)) {
        // Saved for the on-send handler, which counts it once at Send, and only if the message
        // is still the one the reason was given for (saved-reason.ts).
        const read = await readDraft(mailbox, { queue, supports });
        await saveReason(session, { reason: event.reason, ruleIds: event.ruleIds, fingerprint: draftFingerprint(read.draft) }, queue);
        return;
      }
      await events.enqueue(event);
    },
  };
}
