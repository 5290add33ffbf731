/**
 * Checks the message being written and keeps checking it while the sender edits: once on
 * open, after RecipientsChanged / AttachmentsChanged (debounced), and by polling the body,
 * because Outlook raises no event for typing. A fixed problem disappears by itself.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { checkDraft, type Finding, type MessageDraft, type NormalizedPolicy, type Report } from "../../core";
import type { TaskPaneServices } from "../services";

/** Wait after a change event before re-reading, so a burst of edits causes one read. */
export const DEBOUNCE_MS = 250;
/** How often the body is re-read while the pane is open. */
export const POLL_MS = 2000;

export type CheckState =
  | Readonly<{ status: "loading" }>
  | Readonly<{ status: "error"; message: string }>
  | Readonly<{
      status: "ready";
      report: Report;
      /** Findings the sender should see (no `monitor` ones), most serious first. */
      findings: readonly Finding[];
      draft: MessageDraft;
      policy: NormalizedPolicy;
      /** Set when a later re-check failed; the last good result stays on screen. */
      recheckError?: string;
    }>;

/**
 * The findings to show the sender: monitor findings are for SMT only. The engine has already
 * put them most serious first, so they are shown in its order, not sorted again.
 * @param report - the engine's report
 * @returns the visible findings, in the engine's order
 */
export function visibleFindings(report: Report): Finding[] {
  return report.findings.filter((f) => f.severity !== "monitor");
}

function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "The message could not be read.";
}

export type LiveCheck = Readonly<{
  state: CheckState;
  /** Re-checks now (after a fix, or from the error screen). */
  recheck(): Promise<void>;
  /** Pauses polling while the pane changes the message itself (Office allows few calls at once). */
  setPaused(paused: boolean): void;
}>;

/**
 * Runs the live check.
 * @param services - the host services
 * @param options - polling interval (tests pass 0 to turn polling off)
 * @returns the current state and controls
 */
export function useLiveCheck(services: TaskPaneServices, options: { pollMs?: number; debounceMs?: number } = {}): LiveCheck {
  const pollMs = options.pollMs ?? POLL_MS;
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const [state, setState] = useState<CheckState>({ status: "loading" });
  const policyRef = useRef<Promise<NormalizedPolicy> | null>(null);
  const runningRef = useRef<Promise<void> | null>(null);
  const againRef = useRef(false);
  const pausedRef = useRef(false);
  const mountedRef = useRef(true);
  const lastKeyRef = useRef<string>("");
  const lastPolicyRef = useRef<NormalizedPolicy | null>(null);

  const runOnce = useCallback(async (): Promise<void> => {
    try {
      policyRef.current ??= services.loadPolicy();
      const [policy, draft] = await Promise.all([policyRef.current, services.readDraft()]);
      const key = JSON.stringify(draft);
      if (!mountedRef.current) return;
      // Polling re-reads an unchanged message most of the time: keep the same result then.
      if (key === lastKeyRef.current && policy === lastPolicyRef.current) {
        setState((previous) => (previous.status === "ready" && previous.recheckError ? { ...previous, recheckError: undefined } : previous));
        return;
      }
      const report = checkDraft(draft, policy, services.ruleServices ? { services: services.ruleServices } : {});
      lastKeyRef.current = key;
      lastPolicyRef.current = policy;
      setState({ status: "ready", report, findings: visibleFindings(report), draft, policy });
    } catch (error) {
      policyRef.current = null;
      lastKeyRef.current = "";
      if (!mountedRef.current) return;
      const message = describeError(error);
      setState((previous) => (previous.status === "ready" ? { ...previous, recheckError: message } : { status: "error", message }));
    }
  }, [services]);

  const recheck = useCallback(async (): Promise<void> => {
    if (runningRef.current) {
      // One read at a time; remember to read once more when it ends.
      againRef.current = true;
      return runningRef.current;
    }
    const run = (async () => {
      do {
        againRef.current = false;
        await runOnce();
      } while (againRef.current && mountedRef.current);
    })();
    runningRef.current = run;
    try {
      await run;
    } finally {
      runningRef.current = null;
    }
  }, [runOnce]);

  const retry = useCallback(async (): Promise<void> => {
    setState((previous) => (previous.status === "error" ? { status: "loading" } : previous));
    await recheck();
  }, [recheck]);

  useEffect(() => {
    mountedRef.current = true;
    void recheck();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = services.subscribe((reason) => {
      if (reason === "theme") return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void recheck();
      }, debounceMs);
    });
    const poll =
      pollMs > 0
        ? setInterval(() => {
            if (!pausedRef.current && !runningRef.current) void recheck();
          }, pollMs)
        : undefined;
    return () => {
      mountedRef.current = false;
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      if (poll !== undefined) clearInterval(poll);
    };
  }, [services, recheck, pollMs, debounceMs]);

  const setPaused = useCallback((paused: boolean) => {
    pausedRef.current = paused;
  }, []);

  return { state, recheck: retry, setPaused };
}
