/**
 * A simulated Office.js for Outlook compose, good enough to run the REAL on-send bundle and
 * task pane in a browser: the documented API surface the add-in uses, with Office's
 * conventions — callbacks with an AsyncResult `{ status, value, error { code, name, message },
 * asyncContext }`, the asyncContext echoed back, both `getAsync(callback)` and
 * `getAsync(options, callback)` overloads, answers that always come later (never
 * synchronously), failures with error codes, requirement sets that hide newer members, and
 * Outlook on the web's limit of 3 calls in flight (a 4th concurrent call fails).
 *
 * A switch can make any method fail or hang. Error codes for the simulated failures are
 * documented Office codes where Microsoft documents one; the in-flight limit's error is not
 * documented, so the simulator uses the generic 5001 "Internal Error".
 */
import { guessType, htmlToText, textToHtml, type ItemChange, type ItemStore, type SimRecipient } from "./item-store";

export type SimClient = "classic" | "new" | "web" | "mac";
export type SimRequirementSet = "1.12" | "1.14" | "1.15";
export type FaultMode = "none" | "fail" | "hang";
export type SimTheme = "light" | "dark" | "highContrast";

export type SimSettings = Readonly<{
  client: SimClient;
  requirementSet: SimRequirementSet;
  /** The method that fails or hangs, by its label (see OFFICE_METHODS), and how. */
  fault: Readonly<{ method: string; mode: FaultMode }>;
  /** How long every call takes to answer. */
  latencyMs: number;
  theme: SimTheme;
}>;

export const DEFAULT_SETTINGS: SimSettings = {
  client: "web",
  requirementSet: "1.15",
  fault: { method: "body.getAsync", mode: "none" },
  latencyMs: 15,
  theme: "light",
};

/** Method labels the fault switch can target. */
export const OFFICE_METHODS: readonly string[] = [
  "to.getAsync",
  "to.setAsync",
  "to.addAsync",
  "cc.getAsync",
  "cc.setAsync",
  "bcc.getAsync",
  "bcc.setAsync",
  "bcc.addAsync",
  "from.getAsync",
  "subject.getAsync",
  "body.getAsync",
  "body.getTypeAsync",
  "body.setAsync",
  "getAttachmentsAsync",
  "removeAttachmentAsync",
  "getComposeTypeAsync",
  "delayDeliveryTime.getAsync",
  "delayDeliveryTime.setAsync",
  "sessionData.getAsync",
  "sessionData.setAsync",
  "getInitializationContextAsync",
  "sendAsync",
];

/** Highest Mailbox requirement set of each client (Mac's new UI stops at 1.14). */
const CLIENT_MAX: Readonly<Record<SimClient, number>> = { classic: 16, new: 16, web: 16, mac: 14 };

/** Clients that allow only 3 Office calls in flight per add-in (Microsoft Learn, "Limits for activation and JavaScript API"). */
export const LIMITED_CLIENTS: readonly SimClient[] = ["web", "new"];
export const MAX_IN_FLIGHT = 3;

const THEMES: Readonly<Record<SimTheme, Office.OfficeTheme>> = {
  light: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626" } as Office.OfficeTheme,
  dark: { bodyBackgroundColor: "#1F1F1F", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#292929", controlForegroundColor: "#FFFFFF" } as Office.OfficeTheme,
  highContrast: { bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#000000", controlForegroundColor: "#FFFFFF" } as Office.OfficeTheme,
};

/**
 * The minor version of a Mailbox requirement set ("1.8" → 8, "1.14" → 14). Versions are
 * compared by their parts: 1.8 comes before 1.12.
 * @param version - "1.x"
 * @returns the minor number, or NaN
 */
export function minorOf(version: string | number): number {
  const m = /^1\.(\d+)$/.exec(String(version).trim());
  return m && m[1] !== undefined ? Number(m[1]) : Number.NaN;
}

/**
 * The Mailbox requirement set the simulated client really supports (its minor number): the
 * chosen one, capped by the client.
 * @param settings - the switches
 * @returns e.g. 14 for Mailbox 1.14
 */
export function effectiveSet(settings: Pick<SimSettings, "client" | "requirementSet">): number {
  return Math.min(minorOf(settings.requirementSet), CLIENT_MAX[settings.client]);
}

export type SimError = Readonly<{ code: number; name: string; message: string }>;

export const ERRORS = {
  simulated: { code: 9020, name: "GenericResponseError", message: "The operation failed (simulated failure)." },
  tooManyCalls: { code: 5001, name: "Internal Error", message: "An internal error has occurred: too many asynchronous calls are in progress (Outlook on the web allows 3)." },
  invalidAttachment: { code: 9003, name: "InvalidAttachmentId", message: "The attachment identifier does not exist." },
  recipientsExceeded: { code: 9012, name: "NumberOfRecipientsExceeded", message: "The number of recipients exceeded 100 entries." },
  invalidFormat: { code: 9002, name: "InvalidFormatError", message: "The format of the specified data object is not valid." },
  tooLarge: { code: 9037, name: "DataExceedsMaximumSize", message: "The data parameter is longer than 1,000,000 characters." },
  notSupported: { code: 5000, name: "Not Supported", message: "This event or method isn't supported here." },
  notSent: { code: 9020, name: "GenericResponseError", message: "The message was not sent." },
} as const satisfies Record<string, SimError>;

/** One Office call, as the simulator's log shows it (names only, never values). */
export type CallRecord = Readonly<{ runtime: string; method: string; outcome: "succeeded" | "failed" | "hung" }>;

export type SimEnvironment = Readonly<{
  store: ItemStore;
  settings(): SimSettings;
  /** Name of this runtime in the log ("on-send", "task pane"). */
  runtime: string;
  /** `contextData` the task pane was opened with. */
  initContext?(): string | null;
  /** Sends the message (task pane `sendAsync`); resolves true when it went. */
  send?(): Promise<boolean>;
  /** `Office.actions.associate`. */
  associate?(name: string, fn: (event: unknown) => void): void;
  /** Shared `roamingSettings` storage. */
  roaming?: Map<string, unknown>;
  onCall?(record: CallRecord): void;
  /** An add-in callback threw: Office swallows it, the simulator reports it. */
  onCallbackError?(method: string): void;
}>;

type Callback = (result: unknown) => void;
type Parsed = { options: { asyncContext?: unknown; coercionType?: unknown } & Record<string, unknown>; callback?: Callback };

/** Splits `(options?, callback?)` the way Office.js does: a function in the options slot is the callback. */
function parse(a?: unknown, b?: unknown): Parsed {
  if (typeof a === "function") return { options: {}, callback: a as Callback };
  return { options: (a && typeof a === "object" ? a : {}) as Parsed["options"], callback: typeof b === "function" ? (b as Callback) : undefined };
}

type Outcome<T> = { value: T } | { error: SimError };

/** A simulated Office object plus the simulator's controls for it. */
export type SimOffice = Readonly<{
  office: typeof Office;
  /** Raises InitializationContextChanged in this runtime (Mailbox 1.15). */
  fireInitializationContextChanged(contextData: string): boolean;
  fireThemeChanged(): void;
  inFlight(): number;
  dispose(): void;
}>;

/**
 * Builds a simulated Office for one add-in runtime.
 * @param env - the message store, the switches and the simulator's hooks
 * @returns the Office object and controls
 */
export function createSimOffice(env: SimEnvironment): SimOffice {
  const { store } = env;
  let inFlight = 0;
  let disposed = false;
  const itemHandlers = new Map<string, (args: unknown) => void>();
  const mailboxHandlers = new Map<string, (args: unknown) => void>();
  const settings = () => env.settings();
  const setNumber = () => effectiveSet(settings());
  /** Whether Mailbox 1.<minor> is supported. */
  const has = (minor: number) => setNumber() >= minor;

  /**
   * Runs one asynchronous call with Office's conventions. `work` runs when the answer is due,
   * so it sees the message as it is then.
   */
  function run<T>(method: string, parsed: Parsed, work: () => Outcome<T>): void {
    const { options, callback } = parsed;
    const s = settings();
    const answer = (outcome: Outcome<T> | null) => {
      if (disposed) return;
      const record: CallRecord = { runtime: env.runtime, method, outcome: outcome === null ? "hung" : "error" in outcome ? "failed" : "succeeded" };
      env.onCall?.(record);
      if (outcome === null || !callback) return;
      const result =
        "error" in outcome
          ? { status: "failed", value: undefined, error: { ...outcome.error }, asyncContext: options.asyncContext }
          : { status: "succeeded", value: outcome.value, asyncContext: options.asyncContext };
      try {
        callback(result);
      } catch {
        env.onCallbackError?.(method);
      }
    };
    if (LIMITED_CLIENTS.includes(s.client) && inFlight >= MAX_IN_FLIGHT) {
      setTimeout(() => answer({ error: ERRORS.tooManyCalls }), 0);
      return;
    }
    inFlight++;
    const fault = s.fault.method === method ? s.fault.mode : "none";
    if (fault === "hang") {
      // A hung call never answers and keeps its slot, as a stuck host call does.
      answer(null);
      return;
    }
    setTimeout(() => {
      inFlight--;
      if (fault === "fail") answer({ error: ERRORS.simulated });
      else {
        let outcome: Outcome<T>;
        try {
          outcome = work();
        } catch {
          outcome = { error: ERRORS.invalidFormat };
        }
        answer(outcome);
      }
    }, Math.max(1, s.latencyMs));
  }

  const toRecipient = (entry: unknown): SimRecipient | null => {
    if (typeof entry === "string") {
      const email = entry.trim();
      return email ? { emailAddress: email, displayName: email, recipientType: guessType(email) } : null;
    }
    if (entry && typeof entry === "object") {
      const r = entry as { emailAddress?: unknown; displayName?: unknown };
      const email = typeof r.emailAddress === "string" ? r.emailAddress.trim() : "";
      if (!email) return null;
      const name = typeof r.displayName === "string" && r.displayName !== "" ? r.displayName : email;
      return { emailAddress: email, displayName: name, recipientType: guessType(email) };
    }
    return null;
  };

  const recipients = (field: "to" | "cc" | "bcc") => ({
    getAsync(a?: unknown, b?: unknown) {
      run(`${field}.getAsync`, parse(a, b), () => ({ value: store.get()[field].map((r) => ({ ...r })) }));
    },
    setAsync(list: unknown, a?: unknown, b?: unknown) {
      run(`${field}.setAsync`, parse(a, b), () => {
        if (!Array.isArray(list)) return { error: ERRORS.invalidFormat };
        if (list.length > 100) return { error: ERRORS.recipientsExceeded };
        const next = list.map(toRecipient).filter((r): r is SimRecipient => r !== null);
        store.update({ [field]: next }, "addin");
        return { value: undefined };
      });
    },
    addAsync(list: unknown, a?: unknown, b?: unknown) {
      run(`${field}.addAsync`, parse(a, b), () => {
        if (!Array.isArray(list)) return { error: ERRORS.invalidFormat };
        if (list.length > 100) return { error: ERRORS.recipientsExceeded };
        const next = list.map(toRecipient).filter((r): r is SimRecipient => r !== null);
        store.update({ [field]: [...store.get()[field], ...next] }, "addin");
        return { value: undefined };
      });
    },
  });

  const bodyDocument = (html: string) => `<html><head><meta charset="utf-8"></head><body>${html}</body></html>`;
  const innerBody = (html: string) => {
    const m = /<body[^>]*>([\s\S]*)<\/body\s*>/i.exec(html);
    return m && m[1] !== undefined ? m[1] : html;
  };

  const item: Record<string, unknown> = {
    itemType: "message",
    to: recipients("to"),
    cc: recipients("cc"),
    bcc: recipients("bcc"),
    subject: {
      getAsync(a?: unknown, b?: unknown) {
        run("subject.getAsync", parse(a, b), () => ({ value: store.get().subject }));
      },
      setAsync(value: unknown, a?: unknown, b?: unknown) {
        run("subject.setAsync", parse(a, b), () => {
          if (typeof value !== "string" || value.length > 255) return { error: ERRORS.invalidFormat };
          store.update({ subject: value }, "addin");
          return { value: undefined };
        });
      },
    },
    body: {
      getAsync(coercion: unknown, a?: unknown, b?: unknown) {
        run("body.getAsync", parse(a, b), () => {
          const html = store.get().bodyHtml;
          if (coercion === "html") return { value: bodyDocument(html) };
          if (coercion === "text") return { value: htmlToText(html) };
          return { error: ERRORS.invalidFormat };
        });
      },
      getTypeAsync(a?: unknown, b?: unknown) {
        run("body.getTypeAsync", parse(a, b), () => ({ value: "html" }));
      },
      setAsync(data: unknown, a?: unknown, b?: unknown) {
        const parsed = parse(a, b);
        run("body.setAsync", parsed, () => {
          if (typeof data !== "string") return { error: ERRORS.invalidFormat };
          if (data.length > 1_000_000) return { error: ERRORS.tooLarge };
          const html = parsed.options.coercionType === "html" ? innerBody(data) : textToHtml(data);
          store.update({ bodyHtml: html }, "addin");
          return { value: undefined };
        });
      },
      prependAsync(data: unknown, a?: unknown, b?: unknown) {
        const parsed = parse(a, b);
        run("body.prependAsync", parsed, () => {
          if (typeof data !== "string") return { error: ERRORS.invalidFormat };
          const html = parsed.options.coercionType === "html" ? data : textToHtml(data);
          store.update({ bodyHtml: html + store.get().bodyHtml }, "addin");
          return { value: undefined };
        });
      },
    },
    getAttachmentsAsync(a?: unknown, b?: unknown) {
      run("getAttachmentsAsync", parse(a, b), () => ({
        value: store.get().attachments.map((x) => ({ id: x.id, name: x.name, size: x.size, isInline: x.isInline, attachmentType: "file", contentType: x.contentType })),
      }));
    },
    removeAttachmentAsync(id: unknown, a?: unknown, b?: unknown) {
      run("removeAttachmentAsync", parse(a, b), () => {
        const list = store.get().attachments;
        if (!list.some((x) => x.id === id)) return { error: ERRORS.invalidAttachment };
        store.update({ attachments: list.filter((x) => x.id !== id) }, "addin");
        return { value: undefined };
      });
    },
    getInitializationContextAsync(a?: unknown, b?: unknown) {
      run("getInitializationContextAsync", parse(a, b), () => ({ value: env.initContext?.() ?? "" }));
    },
    addHandlerAsync(type: unknown, handler: unknown, a?: unknown, b?: unknown) {
      const parsed = parse(a, b);
      run("item.addHandlerAsync", parsed, () => {
        const minimum = type === "olkRecipientsChanged" ? 7 : type === "olkAttachmentsChanged" ? 8 : type === "olkInitializationContextChanged" ? 15 : Infinity;
        if (!has(minimum) || typeof handler !== "function") return { error: ERRORS.notSupported };
        itemHandlers.set(String(type), handler as (args: unknown) => void);
        return { value: undefined };
      });
    },
    removeHandlerAsync(type: unknown, a?: unknown, b?: unknown) {
      run("item.removeHandlerAsync", parse(a, b), () => {
        itemHandlers.delete(String(type));
        return { value: undefined };
      });
    },
  };
  if (has(7)) {
    item.from = {
      getAsync(a?: unknown, b?: unknown) {
        run("from.getAsync", parse(a, b), () => ({ value: { ...store.get().from } }));
      },
    };
  }
  if (has(10)) {
    item.getComposeTypeAsync = (a?: unknown, b?: unknown) => run("getComposeTypeAsync", parse(a, b), () => ({ value: { composeType: store.get().composeType, coercionType: "html" } }));
  }
  if (has(11)) {
    const session = (method: string, work: (data: Record<string, string>) => Outcome<unknown>) => (a?: unknown, b?: unknown, c?: unknown) => {
      // sessionData methods take (name, value?, options?, callback?): the simulator accepts the documented shapes.
      const args = [a, b, c];
      const fn = args.find((x) => typeof x === "function");
      const opts = args.find((x) => x && typeof x === "object") as Parsed["options"] | undefined;
      run(`sessionData.${method}`, { options: opts ?? {}, callback: fn as Callback | undefined }, () => work({ ...store.get().sessionData }));
    };
    item.sessionData = {
      getAsync: (name: string, a?: unknown, b?: unknown) =>
        session("getAsync", (data) => (name in data ? { value: data[name] } : { error: { code: 9020, name: "GenericResponseError", message: "No value." } }))(a, b),
      setAsync: (name: string, value: string, a?: unknown, b?: unknown) =>
        session("setAsync", (data) => {
          store.update({ sessionData: { ...data, [name]: String(value) } }, "addin");
          return { value: undefined };
        })(a, b),
      removeAsync: (name: string, a?: unknown, b?: unknown) =>
        session("removeAsync", (data) => {
          const next = { ...data };
          delete next[name];
          store.update({ sessionData: next }, "addin");
          return { value: undefined };
        })(a, b),
      getAllAsync: (a?: unknown, b?: unknown) => session("getAllAsync", (data) => ({ value: JSON.stringify(data) }))(a, b),
      clearAsync: (a?: unknown, b?: unknown) =>
        session("clearAsync", () => {
          store.update({ sessionData: {} }, "addin");
          return { value: undefined };
        })(a, b),
    };
  }
  if (has(13)) {
    item.delayDeliveryTime = {
      getAsync(a?: unknown, b?: unknown) {
        run("delayDeliveryTime.getAsync", parse(a, b), () => ({ value: store.get().delayDeliveryTime }));
      },
      setAsync(when: unknown, a?: unknown, b?: unknown) {
        run("delayDeliveryTime.setAsync", parse(a, b), () => {
          if (!(when instanceof Date) && !(when && typeof (when as Date).getTime === "function")) return { error: ERRORS.invalidFormat };
          const date = new Date((when as Date).getTime());
          if (Number.isNaN(date.getTime())) return { error: ERRORS.invalidFormat };
          store.update({ delayDeliveryTime: date }, "addin");
          return { value: undefined };
        });
      },
    };
  }
  if (has(15)) {
    item.sendAsync = (a?: unknown, b?: unknown) => {
      const parsed = parse(a, b);
      const s = settings();
      const fault = s.fault.method === "sendAsync" ? s.fault.mode : "none";
      if (fault !== "none" || !env.send) {
        run("sendAsync", parsed, () => ({ error: ERRORS.notSupported }));
        return;
      }
      // Sending goes through Smart Alerts like the Send button; the answer comes afterwards.
      env.send().then(
        (sent) => {
          env.onCall?.({ runtime: env.runtime, method: "sendAsync", outcome: sent ? "succeeded" : "failed" });
          if (!parsed.callback || disposed) return;
          const result = sent
            ? { status: "succeeded", value: undefined, asyncContext: parsed.options.asyncContext }
            : { status: "failed", value: undefined, error: { ...ERRORS.notSent }, asyncContext: parsed.options.asyncContext };
          try {
            parsed.callback(result);
          } catch {
            env.onCallbackError?.("sendAsync");
          }
        },
        () => undefined,
      );
    };
  }

  // Item events come from the shared store, whoever made the change (the sender or an add-in).
  const unsubscribe = store.subscribe((change: ItemChange) => {
    const fire = (type: string, args: Record<string, unknown>) => {
      const handler = itemHandlers.get(type);
      if (handler)
        setTimeout(() => {
          if (disposed) return;
          try {
            handler({ type, ...args });
          } catch {
            env.onCallbackError?.(type);
          }
        }, 0);
    };
    const fields = new Set(change.fields);
    if (fields.has("to") || fields.has("cc") || fields.has("bcc")) {
      fire("olkRecipientsChanged", { changedRecipientFields: { to: fields.has("to"), cc: fields.has("cc"), bcc: fields.has("bcc") } });
    }
    if (fields.has("attachments")) fire("olkAttachmentsChanged", { attachmentStatus: "changed" });
  });

  const s0 = settings();
  const hostName = s0.client === "new" ? "newOutlookWindows" : s0.client === "web" ? "OutlookWebApp" : "Outlook";
  const platform = s0.client === "web" ? "OfficeOnline" : s0.client === "mac" ? "Mac" : "PC";

  const mailbox = {
    item,
    userProfile: { emailAddress: "a.jones@norcotearlyyearscentre.co.uk", displayName: "Amy Jones", timeZone: "GMT Standard Time", accountType: "enterprise" },
    diagnostics: { hostName, hostVersion: "16.0.0.0", OWAView: s0.client === "web" ? "ThreeColumns" : undefined },
    addHandlerAsync(type: unknown, handler: unknown, a?: unknown, b?: unknown) {
      run("mailbox.addHandlerAsync", parse(a, b), () => {
        if (type !== "officeThemeChanged" || !has(14) || typeof handler !== "function") return { error: ERRORS.notSupported };
        mailboxHandlers.set(String(type), handler as (args: unknown) => void);
        return { value: undefined };
      });
    },
    removeHandlerAsync(type: unknown, a?: unknown, b?: unknown) {
      run("mailbox.removeHandlerAsync", parse(a, b), () => {
        mailboxHandlers.delete(String(type));
        return { value: undefined };
      });
    },
  };

  const roaming = env.roaming ?? new Map<string, unknown>();
  const context = {
    host: "Outlook",
    platform,
    displayLanguage: "en-GB",
    contentLanguage: "en-GB",
    diagnostics: { host: "Outlook", platform, version: "16.0.0.0" },
    mailbox,
    get officeTheme() {
      return { ...THEMES[settings().theme] };
    },
    requirements: {
      isSetSupported(name: string, version?: string | number) {
        if (String(name).toLowerCase() !== "mailbox") return false;
        const wanted = version === undefined ? 1 : minorOf(version);
        return Number.isFinite(wanted) && has(wanted);
      },
    },
    roamingSettings: {
      get: (name: string) => roaming.get(name),
      set: (name: string, value: unknown) => void roaming.set(name, value),
      remove: (name: string) => void roaming.delete(name),
      saveAsync: (a?: unknown, b?: unknown) => run("roamingSettings.saveAsync", parse(a, b), () => ({ value: undefined })),
    },
  };

  const office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Html: "html" },
    EventType: {
      RecipientsChanged: "olkRecipientsChanged",
      AttachmentsChanged: "olkAttachmentsChanged",
      InitializationContextChanged: "olkInitializationContextChanged",
      OfficeThemeChanged: "officeThemeChanged",
    },
    HostType: { Outlook: "Outlook" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    MailboxEnums: {
      RecipientType: { User: "user", ExternalUser: "externalUser", DistributionList: "distributionList", Other: "other" },
      SendModeOverride: { PromptUser: "promptUser" },
      AttachmentType: { File: "file", Item: "item", Cloud: "cloud" },
      ComposeType: { NewMail: "newMail", Reply: "reply", Forward: "forward" },
      ItemType: { Message: "message", Appointment: "appointment" },
    },
    context,
    actions: {
      associate(name: string, fn: (event: unknown) => void) {
        env.associate?.(name, fn);
      },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Outlook", platform };
      return new Promise((resolve) => {
        setTimeout(() => {
          if (callback) callback(info);
          resolve(info);
        }, 0);
      });
    },
    initialize: undefined as unknown,
  };

  return {
    office: office as unknown as typeof Office,
    fireInitializationContextChanged(contextData: string) {
      const handler = itemHandlers.get("olkInitializationContextChanged");
      if (!handler || !has(15)) return false;
      setTimeout(() => {
        if (!disposed) handler({ type: "olkInitializationContextChanged", initializationContextData: contextData });
      }, 0);
      return true;
    },
    fireThemeChanged() {
      const handler = mailboxHandlers.get("officeThemeChanged");
      if (handler) setTimeout(() => !disposed && handler({ type: "officeThemeChanged", officeTheme: { ...THEMES[settings().theme] } }), 0);
    },
    inFlight: () => inFlight,
    dispose() {
      disposed = true;
      unsubscribe();
      itemHandlers.clear();
      mailboxHandlers.clear();
    },
  };
}
