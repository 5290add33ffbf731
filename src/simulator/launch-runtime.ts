/**
 * Runs the real on-send bundle (`launchevent.js`) the way Outlook does on Send: a fresh,
 * short-lived runtime (a hidden same-origin iframe) whose `Office` is the simulated one,
 * the script loaded by a script tag, the handler found through `Office.actions.associate`
 * under the manifest's FunctionName, and `event.completed` awaited — with the 5-second
 * "taking longer than expected" notice and a timeout.
 */
import type { SimOffice } from "./sim-office";
import type { CompletedOptions } from "./smart-alerts";

export type OnSendResult =
  | Readonly<{ kind: "completed"; options: CompletedOptions | undefined; ms: number }>
  | Readonly<{ kind: "unavailable"; reason: string }>
  | Readonly<{ kind: "timeout"; ms: number }>;

export type RunOnSendParams = Readonly<{
  document: Document;
  scriptUrl: string;
  functionName: string;
  /** Builds the runtime's Office; `associate` records `Office.actions.associate`. */
  makeOffice(associate: (name: string, fn: (event: unknown) => void) => void): SimOffice;
  /** Outlook shows "taking longer than expected" after 5 seconds. */
  slowMs?: number;
  /** When the simulator gives up (Outlook's is about 5 minutes). */
  timeoutMs?: number;
  onSlow?(): void;
  /** The handler called `completed` again after the first time (office-js#6656). */
  onExtraCompletion?(): void;
  /** Lets the simulator abandon a send (its Cancel button). */
  signal?: AbortSignal;
}>;

/** How long the runtime is kept after completion, to catch late second completions. */
const LINGER_MS = 1500;

function loadFrame(doc: Document): Promise<HTMLIFrameElement> {
  return new Promise((resolve) => {
    const frame = doc.createElement("iframe");
    frame.hidden = true;
    frame.title = "On-send runtime";
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.addEventListener("load", () => resolve(frame), { once: true });
    frame.srcdoc = "<!doctype html><html><head><title>on-send runtime</title></head><body></body></html>";
    doc.body.appendChild(frame);
  });
}

/**
 * Runs one Send.
 * @param params - see RunOnSendParams
 * @returns how the handler ended
 */
export async function runOnSend(params: RunOnSendParams): Promise<OnSendResult> {
  const slowMs = params.slowMs ?? 5000;
  const timeoutMs = params.timeoutMs ?? 300_000;
  const frame = await loadFrame(params.document);
  const win = frame.contentWindow as (Window & { Office?: unknown }) | null;
  const handlers = new Map<string, (event: unknown) => void>();
  const sim = params.makeOffice((name, fn) => handlers.set(name, fn));
  const cleanup = () => {
    sim.dispose();
    frame.remove();
  };
  if (!win) {
    cleanup();
    return { kind: "unavailable", reason: "The runtime could not start." };
  }
  win.Office = sim.office;
  let scriptError = false;
  win.addEventListener("error", () => {
    scriptError = true;
  });

  const loaded = await new Promise<boolean>((resolve) => {
    const script = win.document.createElement("script");
    script.src = new URL(params.scriptUrl, params.document.baseURI).href;
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
    win.document.head.appendChild(script);
  });
  if (!loaded) {
    cleanup();
    return { kind: "unavailable", reason: `${params.scriptUrl} could not be loaded (build it with npm run build:dev).` };
  }
  const handler = handlers.get(params.functionName);
  if (!handler) {
    cleanup();
    return {
      kind: "unavailable",
      reason: scriptError
        ? `${params.scriptUrl} threw while loading, so no handler was associated.`
        : `No handler was associated as "${params.functionName}" (the manifest's FunctionName).`,
    };
  }

  const started = performance.now();
  return new Promise<OnSendResult>((resolve) => {
    let done = false;
    let completions = 0;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const finish = (result: OnSendResult) => {
      if (done) return;
      done = true;
      timers.forEach(clearTimeout);
      resolve(result);
      setTimeout(cleanup, LINGER_MS);
    };
    const event = {
      type: "messageSend",
      completed(options?: CompletedOptions) {
        completions++;
        if (completions > 1) {
          params.onExtraCompletion?.();
          return;
        }
        finish({ kind: "completed", options: options ? { ...options } : undefined, ms: performance.now() - started });
      },
    };
    timers.push(setTimeout(() => !done && params.onSlow?.(), slowMs));
    timers.push(setTimeout(() => finish({ kind: "timeout", ms: performance.now() - started }), timeoutMs));
    params.signal?.addEventListener("abort", () => finish({ kind: "timeout", ms: performance.now() - started }), { once: true });
    try {
      handler(event);
    } catch {
      // Outlook: an exception in the handler means completed is never called (office-js#4391).
    }
  });
}
