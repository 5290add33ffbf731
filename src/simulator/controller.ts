/**
 * The simulator's state outside React: the message, the switches, the send flow (on-send
 * runtime → Smart Alerts dialog → sent items), the task pane and its Office bridge. React
 * reads it through `subscribe`/`getState` (useSyncExternalStore).
 */
import { createItemStore, emptyItem, guessType, htmlToText, textToHtml, type ItemState, type ItemStore, type SimAttachment, type SimRecipient, type SimRecipientType } from "./item-store";
import { runOnSend } from "./launch-runtime";
import { DEFAULT_MANIFEST, type ManifestInfo } from "./manifest-info";
import { createSimOffice, DEFAULT_SETTINGS, effectiveSet, type CallRecord, type SimOffice, type SimSettings } from "./sim-office";
import { smartAlertsDialog, type DialogButton, type DialogModel } from "./smart-alerts";

export type SentItem = Readonly<{
  id: number;
  subject: string;
  to: readonly string[];
  cc: readonly string[];
  bcc: readonly string[];
  attachments: readonly string[];
  /** The body as sent, as text (shown like Outlook's Sent Items; kept only in this page). */
  bodyText: string;
  sentAt: Date;
  /** Set when the add-in delayed delivery. */
  deliverAt?: Date;
  client: SimSettings["client"];
}>;

export type Phase =
  | Readonly<{ kind: "compose" }>
  | Readonly<{ kind: "sending"; slow: boolean }>
  | Readonly<{ kind: "dialog"; dialog: DialogModel }>;

export type PaneState = Readonly<{ open: boolean; contextData: string | null; key: number }>;

export type SimulatorState = Readonly<{
  item: ItemState;
  /** Changes whenever the body was replaced by someone other than the sender typing. */
  bodyVersion: number;
  settings: SimSettings;
  manifest: ManifestInfo;
  phase: Phase;
  pane: PaneState;
  sent: readonly SentItem[];
  log: readonly CallRecord[];
  warnings: readonly string[];
}>;

export type ControllerOptions = Readonly<{
  document: Document;
  /** Address of the on-send bundle. */
  launchScript?: string;
  slowMs?: number;
  timeoutMs?: number;
}>;

/** A sample MessageDraft (samples/*.json), loosely typed. */
export type SampleDraft = {
  from?: { email: string; name?: string };
  to?: Array<{ email: string; name?: string; type?: string } | string>;
  cc?: Array<{ email: string; name?: string; type?: string } | string>;
  bcc?: Array<{ email: string; name?: string; type?: string } | string>;
  subject?: string;
  body?: string;
  bodyHtml?: string;
  attachments?: Array<{ name: string; size?: number; contentType?: string; isInline?: boolean }>;
  composeType?: string;
};

const LOG_LIMIT = 60;

export class SimulatorController {
  readonly store: ItemStore;
  private settings: SimSettings = DEFAULT_SETTINGS;
  private manifest: ManifestInfo = DEFAULT_MANIFEST;
  private phase: Phase = { kind: "compose" };
  private pane: PaneState = { open: false, contextData: null, key: 0 };
  private sent: SentItem[] = [];
  private log: CallRecord[] = [];
  private warnings: string[] = [];
  private state: SimulatorState;
  private readonly listeners = new Set<() => void>();
  private paneOffice: SimOffice | null = null;
  private dialogResolve: ((action: DialogButton["action"]) => void) | null = null;
  private abort: AbortController | null = null;
  private nextId = 1;
  private bodyVersion = 0;
  private readonly roaming = new Map<string, unknown>();

  constructor(private readonly options: ControllerOptions) {
    this.store = createItemStore();
    this.state = this.snapshot();
    this.store.subscribe((change) => {
      if (change.source !== "user" && change.fields.includes("bodyHtml")) this.bodyVersion++;
      this.changed();
    });
  }

  private snapshot(): SimulatorState {
    return {
      item: this.store.get(),
      bodyVersion: this.bodyVersion,
      settings: this.settings,
      manifest: this.manifest,
      phase: this.phase,
      pane: this.pane,
      sent: this.sent,
      log: this.log,
      warnings: this.warnings,
    };
  }

  private changed(): void {
    this.state = this.snapshot();
    for (const l of [...this.listeners]) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SimulatorState => this.state;

  setManifest(manifest: ManifestInfo): void {
    this.manifest = manifest;
    this.changed();
  }

  /**
   * Changes the switches. A new client or requirement set restarts the open task pane, as
   * a different Outlook would load it afresh.
   * @param patch - the switches to change
   */
  setSettings(patch: Partial<SimSettings>): void {
    const before = this.settings;
    this.settings = { ...this.settings, ...patch };
    if (this.pane.open && (patch.client !== undefined && patch.client !== before.client || patch.requirementSet !== undefined && patch.requirementSet !== before.requirementSet)) {
      this.pane = { ...this.pane, key: this.pane.key + 1 };
    }
    if (patch.theme !== undefined && patch.theme !== before.theme) this.paneOffice?.fireThemeChanged();
    this.changed();
  }

  private record = (entry: CallRecord): void => {
    this.log = [entry, ...this.log].slice(0, LOG_LIMIT);
    this.changed();
  };

  private warn(text: string): void {
    if (this.warnings.includes(text)) return;
    this.warnings = [text, ...this.warnings].slice(0, 10);
    this.changed();
  }

  clearWarnings(): void {
    this.warnings = [];
    this.changed();
  }

  /**
   * Replaces the message with a sample MessageDraft.
   * @param draft - the sample
   */
  loadSample(draft: SampleDraft): void {
    const recipients = (list: SampleDraft["to"]): SimRecipient[] =>
      (list ?? []).map((r) => {
        const email = typeof r === "string" ? r : r.email;
        const name = typeof r === "string" ? r : r.name ?? r.email;
        const type = typeof r === "string" ? undefined : (r.type as SimRecipientType | undefined);
        return { emailAddress: email, displayName: name, recipientType: type ?? guessType(email) };
      });
    const attachments: SimAttachment[] = (draft.attachments ?? []).map((a) => ({
      id: this.store.nextAttachmentId(),
      name: a.name,
      size: a.size ?? 1024,
      contentType: a.contentType ?? "application/octet-stream",
      isInline: a.isInline ?? false,
    }));
    const base = emptyItem();
    this.store.reset({
      ...base,
      from: draft.from ? { emailAddress: draft.from.email, displayName: draft.from.name ?? draft.from.email } : base.from,
      to: recipients(draft.to),
      cc: recipients(draft.cc),
      bcc: recipients(draft.bcc),
      subject: draft.subject ?? "",
      bodyHtml: draft.bodyHtml ?? textToHtml(draft.body ?? ""),
      attachments,
      composeType: draft.composeType === "reply" ? "reply" : draft.composeType === "forward" ? "forward" : "newMail",
    });
  }

  newMessage(): void {
    this.store.reset(emptyItem());
  }

  /** The bridge the task pane's page uses instead of the CDN office.js (see src/office/taskpane-loader.ts). */
  officeFor = (win: Window): typeof Office => {
    this.paneOffice?.dispose();
    const sim = createSimOffice({
      store: this.store,
      settings: () => this.settings,
      runtime: "task pane",
      initContext: () => this.pane.contextData,
      send: () => this.send("task pane"),
      roaming: this.roaming,
      onCall: this.record,
      onCallbackError: (method) => this.warn(`The task pane's ${method} callback threw (Office swallows it).`),
    });
    this.paneOffice = sim;
    win.addEventListener("pagehide", () => {
      sim.dispose();
      if (this.paneOffice === sim) this.paneOffice = null;
    });
    return sim.office;
  };

  /**
   * Opens the task pane (ribbon button or Take Action). If it is open already, Mailbox 1.15
   * raises InitializationContextChanged; older clients reload the pane.
   * @param contextData - from the dialog, or null from the ribbon
   */
  openPane(contextData: string | null): void {
    if (this.pane.open && contextData !== null && this.paneOffice?.fireInitializationContextChanged(contextData)) {
      this.pane = { ...this.pane, contextData };
    } else if (this.pane.open && contextData === null) {
      return;
    } else {
      this.pane = { open: true, contextData, key: this.pane.key + 1 };
    }
    this.changed();
  }

  closePane(): void {
    this.paneOffice?.dispose();
    this.paneOffice = null;
    this.pane = { open: false, contextData: null, key: this.pane.key + 1 };
    this.changed();
  }

  /** Answers the open dialog. */
  answer(action: DialogButton["action"]): void {
    const resolve = this.dialogResolve;
    this.dialogResolve = null;
    resolve?.(action);
  }

  /** Gives up waiting for a hanging handler (the simulator's own escape hatch). */
  cancelSend(): void {
    this.abort?.abort();
  }

  private deliver(): void {
    const item = this.store.get();
    const emails = (list: readonly SimRecipient[]) => list.map((r) => r.emailAddress);
    this.sent = [
      {
        id: this.nextId++,
        subject: item.subject,
        to: emails(item.to),
        cc: emails(item.cc),
        bcc: emails(item.bcc),
        attachments: item.attachments.map((a) => a.name),
        bodyText: htmlToText(item.bodyHtml),
        sentAt: new Date(),
        ...(item.delayDeliveryTime instanceof Date ? { deliverAt: item.delayDeliveryTime } : {}),
        client: this.settings.client,
      },
      ...this.sent,
    ];
    // The compose window closes, and the task pane with it.
    this.paneOffice?.dispose();
    this.paneOffice = null;
    this.pane = { open: false, contextData: null, key: this.pane.key + 1 };
    this.store.reset(emptyItem());
  }

  private showDialog(dialog: DialogModel): Promise<DialogButton["action"]> {
    this.phase = { kind: "dialog", dialog };
    for (const p of dialog.problems) this.warn(p);
    this.changed();
    return new Promise((resolve) => {
      this.dialogResolve = resolve;
    });
  }

  /**
   * Presses Send: runs the on-send bundle, shows the dialog Outlook would, and sends or not.
   * @param origin - who pressed Send (for the log)
   * @returns true when the message was sent
   */
  send = async (origin: "send button" | "task pane" = "send button"): Promise<boolean> => {
    if (this.phase.kind !== "compose") return false;
    this.record({ runtime: origin, method: "Send", outcome: "succeeded" });
    this.phase = { kind: "sending", slow: false };
    this.abort = new AbortController();
    this.changed();
    const settings = this.settings;
    const result = await runOnSend({
      document: this.options.document,
      scriptUrl: this.options.launchScript ?? "launchevent.js",
      functionName: this.manifest.functionName,
      slowMs: this.options.slowMs,
      timeoutMs: this.options.timeoutMs,
      signal: this.abort.signal,
      makeOffice: (associate) =>
        createSimOffice({
          store: this.store,
          settings: () => this.settings,
          runtime: "on-send",
          associate,
          roaming: this.roaming,
          onCall: this.record,
          onCallbackError: (method) => this.warn(`The on-send handler's ${method} callback threw (Office swallows it; completed may never be called).`),
        }),
      onSlow: () => {
        if (this.phase.kind === "sending") {
          this.phase = { kind: "sending", slow: true };
          this.changed();
        }
      },
      onExtraCompletion: () => this.warn("The on-send handler called event.completed more than once."),
    });
    this.abort = null;

    const name = this.manifest.addinName;
    let dialog: DialogModel | null;
    if (result.kind === "completed") {
      dialog = smartAlertsDialog({
        options: result.options,
        client: settings.client,
        requirementSet: settings.requirementSet,
        manifestSendMode: this.manifest.sendMode,
        addinName: name,
        commandIds: this.manifest.commandIds,
      });
    } else {
      const prompt = this.manifest.sendMode !== "block" && (result.kind === "unavailable" || this.manifest.sendMode === "promptUser");
      if (result.kind === "unavailable") this.warn(result.reason);
      dialog = {
        title: name,
        message: {
          format: "plain",
          text:
            result.kind === "unavailable"
              ? `${name} couldn't run, so this message wasn't checked.`
              : `${name} took too long to respond.${prompt ? "" : " You can't send this message until it finishes; try again."}`,
        },
        buttons: prompt
          ? [
              { action: "sendAnyway", label: "Send Anyway" },
              { action: "dontSend", label: result.kind === "unavailable" ? "Try Later" : "Don't Send" },
            ]
          : [{ action: "dontSend", label: "OK" }],
        problems: [],
      };
    }

    if (dialog === null) {
      this.deliver();
      this.phase = { kind: "compose" };
      this.changed();
      return true;
    }
    const action = await this.showDialog(dialog);
    this.phase = { kind: "compose" };
    this.changed();
    if (action === "sendAnyway") {
      this.deliver();
      this.changed();
      return true;
    }
    if (dialog.opensPane === action) this.openPane(dialog.contextData ?? "");
    return false;
  };

  /** The requirement set in force (for the status line). */
  effectiveSet(): string {
    return `1.${effectiveSet(this.settings)}`;
  }
}
