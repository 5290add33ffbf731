/**
 * A faithful fake of the Office.js surface the on-send handler uses (Outlook compose item,
 * requirement sets, actions.associate), for Jest and the benchmark. Unlike office-addin-mock it
 * emulates the API's behaviour: AsyncResult objects with status/value/error, `asyncContext`
 * echoed back, both overloads (options + callback, callback only), answers after a delay on a
 * timer, failure injection (Failed results with code and name, synchronous throws, calls that
 * never answer), a count of calls in flight, and a body that `setAsync` really changes.
 * Plain TypeScript with no Jest dependency, so bench/handler.bench.js can load it (via esbuild).
 */

// Outlook's Text coercion of an HTML body, approximated by the project's own last-resort
// conversion (not a copy of it): tests that depend on exact text state it themselves.
import { stripTags } from "../../src/core/draft/parse-draft";

export type Details = { emailAddress: string; displayName?: string; recipientType?: string };

export type ItemData = {
  to: Details[];
  cc: Details[];
  bcc: Details[];
  subject: string;
  bodyType: "html" | "text";
  /** For an HTML item; its text form is derived when not given. */
  bodyHtml: string;
  /** For a text item (or the Text coercion of an HTML item when set explicitly). */
  bodyText?: string;
  attachments: Array<{ id?: string; name: string; size: number; isInline: boolean; attachmentType?: string }>;
  composeType: "newMail" | "reply" | "forward";
  from?: Details;
};

/** How one kind of call behaves. Keys are method labels such as `to.getAsync`, `body.setAsync`. */
export type Behaviour =
  | { kind: "ok" }
  | { kind: "fail"; code?: number; name?: string }
  | { kind: "throw" }
  | { kind: "throwInCallback" }
  | { kind: "hang" }
  | { kind: "twice" };

export type FakeOfficeOptions = {
  item?: Partial<ItemData>;
  userProfile?: { emailAddress?: string; displayName?: string } | null;
  /** Highest Mailbox requirement set the client supports (default "1.15"). */
  mailboxVersion?: string;
  /** Delay of every answer in ms (default 0: next timer tick). */
  delayMs?: number;
  /** Answer inside the call itself, as some hosts do for cached values. */
  synchronous?: boolean;
  behaviours?: Record<string, Behaviour>;
  /** Behaviour for every call not listed in `behaviours`. */
  defaultBehaviour?: Behaviour;
  /** Remove methods to emulate an older client, e.g. ["getComposeTypeAsync"]. */
  missing?: string[];
  /** Clock used for `answeredAt` (default Date.now). */
  now?: () => number;
};

export type CallRecord = { label: string; asyncContext: unknown; overload: "options" | "callback-only" };

type Callback = (result: unknown) => void;


function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function versionValue(v: string): number {
  const [major, minor] = v.split(".").map((n) => Number(n));
  return (major ?? 0) * 1000 + (minor ?? 0);
}

/** The fake Office namespace plus what tests inspect. */
export class FakeOffice {
  readonly item: ItemData;
  readonly calls: CallRecord[] = [];
  readonly associated: Record<string, (event: unknown) => void> = {};
  /** `item.sessionData` (Mailbox 1.11): what the task pane saved for the event runtime. */
  readonly sessionData: Record<string, string> = {};
  inFlight = 0;
  maxInFlight = 0;
  /** The `Office` global to install. */
  readonly office: Record<string, unknown>;
  private readonly options: FakeOfficeOptions;

  constructor(options: FakeOfficeOptions = {}) {
    this.options = options;
    const item = options.item ?? {};
    this.item = {
      to: item.to ?? [],
      cc: item.cc ?? [],
      bcc: item.bcc ?? [],
      subject: item.subject ?? "",
      bodyType: item.bodyType ?? "html",
      bodyHtml: item.bodyHtml ?? (item.bodyText !== undefined ? `<html><body><div>${escapeHtml(item.bodyText)}</div></body></html>` : "<html><body></body></html>"),
      ...(item.bodyText !== undefined ? { bodyText: item.bodyText } : {}),
      attachments: item.attachments ?? [],
      composeType: item.composeType ?? "newMail",
      ...(item.from ? { from: item.from } : {}),
    };
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the fake API objects are plain objects whose methods call back into this instance
    const self = this;
    const supported = versionValue(options.mailboxVersion ?? "1.15");
    const getter = <T>(label: string, value: () => T) =>
      function getAsync(...args: unknown[]): void {
        self.call(label, args, value);
      };
    const itemApi: Record<string, unknown> = {
      to: { getAsync: getter("to.getAsync", () => self.item.to) },
      cc: { getAsync: getter("cc.getAsync", () => self.item.cc) },
      bcc: { getAsync: getter("bcc.getAsync", () => self.item.bcc) },
      subject: { getAsync: getter("subject.getAsync", () => self.item.subject) },
      from: { getAsync: getter("from.getAsync", () => self.item.from ?? options.userProfile ?? undefined) },
      body: {
        getTypeAsync: getter("body.getTypeAsync", () => self.item.bodyType),
        getAsync(coercion: string, ...rest: unknown[]): void {
          self.call(`body.getAsync.${coercion}`, rest, () => self.bodyAs(coercion));
        },
        setAsync(data: string, ...rest: unknown[]): void {
          const coercion = rest[0] && typeof rest[0] === "object" ? (rest[0] as { coercionType?: string }).coercionType ?? "text" : "text";
          self.call("body.setAsync", rest, () => {
            self.setBody(String(data), coercion);
            return undefined;
          });
        },
      },
      getAttachmentsAsync: getter("getAttachmentsAsync", () => self.item.attachments.map((a, i) => ({ id: a.id ?? `att${i}`, attachmentType: a.attachmentType ?? "file", ...a }))),
      getComposeTypeAsync: getter("getComposeTypeAsync", () => ({ composeType: self.item.composeType, coercionType: self.item.bodyType })),
      sessionData: {
        getAsync(name: string, ...rest: unknown[]): void {
          self.call("sessionData.getAsync", rest, () => {
            const value = self.sessionData[name];
            // Outlook answers a missing name with a failed result.
            if (value === undefined) throw Object.assign(new Error("NotFound"), { code: 9057 });
            return value;
          });
        },
        setAsync(name: string, value: string, ...rest: unknown[]): void {
          self.call("sessionData.setAsync", rest, () => {
            self.sessionData[name] = String(value);
            return undefined;
          });
        },
        removeAsync(name: string, ...rest: unknown[]): void {
          self.call("sessionData.removeAsync", rest, () => {
            delete self.sessionData[name];
            return undefined;
          });
        },
      },
    };
    for (const name of options.missing ?? []) {
      const parts = name.split(".");
      let target: Record<string, unknown> = itemApi;
      for (const p of parts.slice(0, -1)) target = target[p] as Record<string, unknown>;
      delete target[parts[parts.length - 1] as string];
    }
    const mailbox: Record<string, unknown> = { item: itemApi };
    if (options.userProfile !== null) {
      mailbox.userProfile = options.userProfile ?? { emailAddress: "a.jones@norcotearlyyearscentre.co.uk", displayName: "Amy Jones" };
    }
    this.office = {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      CoercionType: { Text: "text", Html: "html" },
      MailboxEnums: {
        SendModeOverride: { PromptUser: "promptUser" },
        RecipientType: { User: "user", ExternalUser: "externalUser", DistributionList: "distributionList", Other: "other" },
        ComposeType: { NewMail: "newMail", Reply: "reply", Forward: "forward" },
      },
      actions: {
        associate(name: string, fn: (event: unknown) => void): void {
          self.associated[name] = fn;
        },
      },
      context: {
        mailbox,
        requirements: {
          isSetSupported(name: string, version?: string): boolean {
            return name === "Mailbox" && versionValue(version ?? "1.1") <= supported;
          },
        },
      },
    };
  }

  /** The body as a coercion would return it. */
  bodyAs(coercion: string): string {
    if (coercion === "html") {
      return this.item.bodyType === "html" ? this.item.bodyHtml : `<html><body><pre>${escapeHtml(this.item.bodyText ?? "")}</pre></body></html>`;
    }
    if (this.item.bodyText !== undefined) return this.item.bodyText;
    return stripTags(this.item.bodyHtml);
  }

  private setBody(data: string, coercion: string): void {
    if (this.item.bodyType === "html") {
      if (coercion === "html") {
        this.item.bodyHtml = data;
        delete this.item.bodyText;
      } else {
        this.item.bodyHtml = `<html><body><div>${escapeHtml(data)}</div></body></html>`;
        this.item.bodyText = data;
      }
    } else {
      // Outlook refuses HTML into a plain-text body (InvalidFormatError); the fake does too.
      if (coercion === "html") throw Object.assign(new Error("InvalidFormatError"), { code: 9000 });
      this.item.bodyText = data;
    }
  }

  private behaviour(label: string): Behaviour {
    const b = this.options.behaviours ?? {};
    const base = label.startsWith("body.getAsync.") ? "body.getAsync" : label;
    return b[label] ?? b[base] ?? this.options.defaultBehaviour ?? { kind: "ok" };
  }

  /** Runs one fake Office call: parses the overload, then answers as configured. */
  private call(label: string, args: unknown[], value: () => unknown): void {
    let options: unknown;
    let callback: Callback | undefined;
    if (typeof args[0] === "function") callback = args[0] as Callback;
    else {
      options = args[0];
      if (typeof args[1] === "function") callback = args[1] as Callback;
    }
    const asyncContext = options && typeof options === "object" ? (options as { asyncContext?: unknown }).asyncContext : undefined;
    this.calls.push({ label, asyncContext, overload: options === undefined ? "callback-only" : "options" });
    const behaviour = this.behaviour(label);
    if (behaviour.kind === "throw") throw new Error(`${label} threw (injected)`);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    if (behaviour.kind === "hang") return;
    const answer = (): void => {
      this.inFlight--;
      let result: Record<string, unknown>;
      if (behaviour.kind === "fail") {
        result = { status: "failed", value: undefined, error: { code: behaviour.code ?? 9002, name: behaviour.name ?? "InternalServerError", message: "An internal error has occurred." }, asyncContext };
      } else {
        try {
          result = { status: "succeeded", value: value(), error: undefined, asyncContext };
        } catch (error) {
          const code = (error as { code?: number }).code ?? 9002;
          result = { status: "failed", value: undefined, error: { code, name: (error as Error).message, message: (error as Error).message }, asyncContext };
        }
      }
      if (!callback) return;
      if (behaviour.kind === "throwInCallback") {
        // The host calls back with a result whose getters throw, as a broken host might.
        callback(
          new Proxy(result, {
            get() {
              throw new Error("host failure (injected)");
            },
          }),
        );
        return;
      }
      callback(result);
      if (behaviour.kind === "twice") callback(result);
    };
    if (this.options.synchronous) answer();
    else setTimeout(answer, this.options.delayMs ?? 0);
  }

  /** Labels of the calls made, in order. */
  labels(): string[] {
    return this.calls.map((c) => c.label);
  }
}

/** A Smart Alerts event that records `completed` calls. */
export type FakeEvent = {
  completed(options?: unknown): void;
  completions: unknown[];
  /** Resolves at the first `completed` call. */
  done: Promise<unknown>;
};

/**
 * Creates a fake MailboxEvent.
 * @param throwOnComplete - make `completed` throw, as a broken host might
 * @returns the event
 */
export function makeEvent(throwOnComplete = false): FakeEvent {
  let resolveDone: (value: unknown) => void = () => undefined;
  const done = new Promise<unknown>((resolve) => {
    resolveDone = resolve;
  });
  const event: FakeEvent = {
    completions: [],
    done,
    completed(options?: unknown): void {
      event.completions.push(options);
      resolveDone(options);
      if (throwOnComplete) throw new Error("completed threw (injected)");
    },
  };
  return event;
}

/** Recipients for tests: `n` addresses, every `externalEvery`-th at a parent's personal domain. */
export function recipients(n: number, externalEvery = 3): Details[] {
  const list: Details[] = [];
  for (let i = 0; i < n; i++) {
    list.push(
      i % externalEvery === 0
        ? { emailAddress: `parent${i}@gmail.com`, displayName: `Parent ${i}`, recipientType: "externalUser" }
        : { emailAddress: `staff${i}@norcotearlyyearscentre.co.uk`, displayName: `Staff ${i}`, recipientType: "user" },
    );
  }
  return list;
}
