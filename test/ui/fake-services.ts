/**
 * A fake TaskPaneServices for UI tests: an in-memory message the fixes really change, change
 * events the test fires, and a record of what the pane asked for. No Office anywhere.
 */
import { defaultPolicy, parseDraft, type MessageDraft, type NormalizedPolicy } from "../../src/core";
import type { ChangeReason, ClientCapabilities, ClientKind, FixRequest, SenderEvent, TaskPaneServices, ThemeKind } from "../../src/taskpane/services";

export const ALL_CAPABILITIES: ClientCapabilities = {
  moveToBcc: true,
  removeRecipients: true,
  insertDisclaimer: true,
  removeAttachment: true,
  delaySend: true,
  sendNow: true,
  contextChanges: true,
};

export type FakeOptions = {
  draft: unknown;
  capabilities?: Partial<ClientCapabilities>;
  client?: ClientKind;
  theme?: ThemeKind;
  initContext?: string | null;
  policy?: NormalizedPolicy;
  /** Make the next N reads fail. */
  failReads?: number;
  /** Make applyFix fail with this message. */
  failFix?: string;
  /** Make reportEvent fail with this message (nothing is recorded). */
  failEvents?: string;
};

export type Fake = {
  services: TaskPaneServices;
  draft(): MessageDraft;
  setDraft(input: unknown): void;
  emit(reason: ChangeReason): void;
  fireContext(raw: string): void;
  calls: { fixes: FixRequest[]; sends: number; delays: Date[]; events: SenderEvent[]; reads: number };
};

/**
 * Creates the fake.
 * @param options - the starting message and client
 * @returns the fake and its controls
 */
export function createFakeServices(options: FakeOptions): Fake {
  let draft = parseDraft(options.draft);
  let failReads = options.failReads ?? 0;
  const listeners = new Set<(reason: ChangeReason) => void>();
  const contextListeners = new Set<(raw: string) => void>();
  const calls: Fake["calls"] = { fixes: [], sends: 0, delays: [], events: [], reads: 0 };
  const emit = (reason: ChangeReason) => [...listeners].forEach((l) => l(reason));
  const matches = (targets: readonly string[]) => {
    const set = new Set(targets.map((t) => t.toLowerCase()));
    return (r: { email: string }) => set.has(r.email.toLowerCase());
  };

  const services: TaskPaneServices = {
    client: options.client ?? "web",
    capabilities: { ...ALL_CAPABILITIES, ...options.capabilities },
    theme: () => options.theme ?? "light",
    loadPolicy: async () => options.policy ?? defaultPolicy(),
    async readDraft() {
      calls.reads++;
      if (failReads > 0) {
        failReads--;
        throw new Error("Outlook did not answer (test).");
      }
      return draft;
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getInitContext: async () => options.initContext ?? null,
    onInitContextChanged(handler) {
      contextListeners.add(handler);
      return () => contextListeners.delete(handler);
    },
    async applyFix(fix) {
      calls.fixes.push(fix);
      if (options.failFix) throw new Error(options.failFix);
      if (fix.kind === "move-to-bcc") {
        const hit = matches(fix.targets);
        draft = { ...draft, to: draft.to.filter((r) => !hit(r)), cc: draft.cc.filter((r) => !hit(r)), bcc: [...draft.bcc, ...draft.to.filter(hit), ...draft.cc.filter(hit)] };
        emit("recipients");
      } else if (fix.kind === "remove-recipients") {
        const hit = matches(fix.targets);
        draft = { ...draft, to: draft.to.filter((r) => !hit(r)), cc: draft.cc.filter((r) => !hit(r)), bcc: draft.bcc.filter((r) => !hit(r)) };
        emit("recipients");
      } else if (fix.kind === "remove-attachment") {
        const names = new Set(fix.targets);
        draft = { ...draft, attachments: draft.attachments.filter((a) => !names.has(a.name)) };
        emit("attachments");
      } else {
        draft = { ...draft, body: `${draft.body}\n\n${fix.disclaimer.text}` };
      }
    },
    async delaySend(until) {
      calls.delays.push(until);
    },
    async send() {
      calls.sends++;
    },
    async reportEvent(event) {
      if (options.failEvents) throw new Error(options.failEvents);
      calls.events.push(event);
    },
    now: () => new Date(2026, 4, 14, 9, 30, 0),
  };
  return {
    services,
    draft: () => draft,
    setDraft(input) {
      draft = parseDraft(input);
    },
    emit,
    fireContext: (raw) => [...contextListeners].forEach((l) => l(raw)),
    calls,
  };
}
