/**
 * The task pane: the findings for the message being written, kept up to date while the
 * sender edits, with one-click fixes and the ways to send. Everything Office-specific comes
 * from the injected services.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { sendDecision, type Disclaimer, type Finding, type SendDecision } from "../core";
import { useAppStyles } from "./App.styles";
import { FindingList } from "./components/FindingList";
import { SendPanel } from "./components/SendPanel";
import { AllClearView, CannotSendView, ErrorView, LoadingView } from "./components/StatusViews";
import { DELAY_MINUTES, formatTime } from "./fix-text";
import { useLiveCheck } from "./hooks/useLiveCheck";
import { parseInitContext, type InitContext } from "./init-context";
import { missingForSend } from "./send-readiness";
import { useServices, type FixRequest } from "./services";

type Notice = Readonly<{ intent: "success" | "error" | "info"; text: string }>;

export type AppProps = {
  /** Body polling interval; tests pass 0. */
  pollMs?: number;
  debounceMs?: number;
};

/**
 * The heading over the findings: what the sender must fix, what to check, and what Send will
 * put right by itself — the split `sendDecision` makes for the Send dialog, said once there.
 */
function summary(decision: SendDecision): string {
  const atSend = decision.fixedAtSend.length;
  const blocks = decision.deciding.filter((f) => f.severity === "block").length;
  const warns = decision.deciding.length - blocks;
  const parts: string[] = [];
  if (blocks > 0) parts.push(`${blocks} ${blocks === 1 ? "problem" : "problems"} to fix before sending`);
  if (warns > 0) parts.push(`${warns} ${warns === 1 ? "thing" : "things"} to check`);
  const later = atSend > 0 ? `${atSend} ${atSend === 1 ? "thing" : "things"} will be put right when you send.` : "";
  if (parts.length === 0) return `Nothing to fix. ${later}`;
  return later ? `${parts.join(" and ")}. ${later}` : `${parts.join(" and ")}.`;
}

function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "Outlook did not accept the change.";
}

function fixRequest(finding: Finding, target: string | undefined, disclaimer: Disclaimer): FixRequest | null {
  const fix = finding.fix;
  if (!fix) return null;
  const targets = target ? [target] : (fix.targets ?? []);
  switch (fix.kind) {
    case "move-to-bcc":
    case "remove-recipients":
    case "remove-attachment":
      return { kind: fix.kind, targets };
    case "insert-disclaimer":
      return { kind: "insert-disclaimer", disclaimer };
    default:
      return null;
  }
}

function doneText(request: FixRequest): string {
  switch (request.kind) {
    case "move-to-bcc":
      return `Moved ${request.targets.length} ${request.targets.length === 1 ? "address" : "addresses"} to Bcc.`;
    case "remove-recipients":
      return `Removed ${request.targets.length} ${request.targets.length === 1 ? "recipient" : "recipients"}.`;
    case "remove-attachment":
      return `Removed ${request.targets.join(", ")}.`;
    case "insert-disclaimer":
      return "Inserted the Centre's disclaimer at the end of your message.";
  }
}

/**
 * The task pane application.
 * @param props - see AppProps
 * @returns the pane
 */
export function App(props: AppProps) {
  const services = useServices();
  const styles = useAppStyles();
  const live = useLiveCheck(services, { pollMs: props.pollMs, debounceMs: props.debounceMs });
  const { recheck, setPaused } = live;
  const [context, setContext] = useState<InitContext | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [reasonSaved, setReasonSaved] = useState(false);
  const now = useCallback(() => (services.now ? services.now() : new Date()), [services]);

  useEffect(() => {
    let active = true;
    services.getInitContext().then(
      (raw) => {
        if (active) setContext(parseInitContext(raw));
      },
      () => undefined, // Opened from the ribbon: there is no context, which is fine.
    );
    const off = services.onInitContextChanged((raw) => {
      setContext(parseInitContext(raw));
      setNotice(null);
      void recheck();
    });
    return () => {
      active = false;
      off();
    };
  }, [services, recheck]);

  const run = useCallback(
    async (action: () => Promise<string | null>) => {
      setBusy(true);
      setPaused(true);
      setNotice(null);
      try {
        const text = await action();
        if (text) setNotice({ intent: "success", text });
      } catch (error) {
        setNotice({ intent: "error", text: errorText(error) });
      } finally {
        setPaused(false);
        setBusy(false);
      }
      await recheck();
    },
    [recheck, setPaused],
  );

  const state = live.state;
  const onFix = useCallback(
    (finding: Finding, target?: string) => {
      if (state.status !== "ready") return;
      if (finding.fix?.kind === "delay-send") {
        void run(async () => {
          const until = new Date(now().getTime() + DELAY_MINUTES * 60_000);
          await services.delaySend(until);
          if (services.capabilities.sendNow) {
            await services.send();
            return `Sending: it will be delivered at ${formatTime(until)}.`;
          }
          return `Delivery set for ${formatTime(until)}. Press Send in Outlook (choose Send Anyway if asked) and it will go then.`;
        });
        return;
      }
      const request = fixRequest(finding, target, state.policy.organisation.disclaimer);
      if (!request) return;
      void run(async () => {
        await services.applyFix(request);
        return doneText(request);
      });
    },
    [run, services, state, now],
  );

  const onSendNow = useCallback(() => {
    void run(async () => {
      await services.send();
      return "Sending…";
    });
  }, [run, services]);

  const onSendWithReason = useCallback(
    (reason: string) => {
      if (state.status !== "ready") return;
      const ruleIds = [...new Set(state.findings.filter((f) => f.severity === "warn").map((f) => f.ruleId))];
      void run(async () => {
        await services.reportEvent({ kind: "sent-with-reason", ruleIds, reason, at: now().toISOString() });
        if (services.capabilities.sendNow) {
          await services.send();
          return "Sending…";
        }
        setReasonSaved(true);
        return null;
      });
    },
    [run, services, state, now],
  );

  const verdict = state.status === "ready" ? state.report.verdict : undefined;
  const onReportWrong = useCallback(
    async (finding: Finding, words?: readonly string[]) => {
      await services.reportEvent({
        kind: "false-positive",
        ruleId: finding.ruleId,
        verdict: verdict ?? (finding.severity === "block" ? "block" : "warn"),
        ...(words && words.length > 0 ? { words } : {}),
        at: now().toISOString(),
      });
    },
    [services, verdict, now],
  );

  let content;
  if (state.status === "loading") content = <LoadingView />;
  else if (state.status === "error") content = <ErrorView message={state.message} onRetry={() => void recheck()} />;
  else {
    const { findings } = state;
    const missing = missingForSend(state.draft);
    content = (
      <>
        {context && findings.length > 0 ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Your message wasn't sent yet.</MessageBarTitle>
              Fix what is listed below, then send it again.
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {state.recheckError ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>We couldn't re-check your latest changes: {state.recheckError}</MessageBarBody>
          </MessageBar>
        ) : null}
        {missing.length > 0 ? <CannotSendView missing={missing} /> : null}
        {findings.length === 0 ? (
          missing.length === 0 ? <AllClearView /> : null
        ) : (
          <>
            <h2 className={styles.summary}>{summary(sendDecision(state.report))}</h2>
            <FindingList
              busy={busy}
              capabilities={services.capabilities}
              client={services.client}
              findings={findings}
              flaggedRuleIds={context?.ruleIds}
              onFix={onFix}
              onReportWrong={onReportWrong}
            />
          </>
        )}
        {missing.length > 0 ? null : (
          <SendPanel
            busy={busy}
            canSend={services.capabilities.sendNow}
            onSendNow={onSendNow}
            onSendWithReason={onSendWithReason}
            reasonSaved={reasonSaved}
            verdict={state.report.verdict === "send" || findings.length === 0 ? "send" : state.report.verdict}
          />
        )}
      </>
    );
  }

  return (
    <main aria-labelledby="eg-title" className={styles.root}>
      <h1 className={styles.title} id="eg-title">
        Etiquette Guard
      </h1>
      <div aria-live="polite" className={styles.live} role="status">
        {notice && notice.intent !== "error" ? (
          <MessageBar intent={notice.intent}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {notice && notice.intent === "error" ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>That didn't work.</MessageBarTitle>
            {notice.text}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {content}
    </main>
  );
}
