/**
 * The on-send (Smart Alerts) handler's orchestration: read the item and load the policy
 * together, check, insert the disclaimer if the policy says so, decide, complete. Every path —
 * success, a failed or silent Office call, a throwing callback, the watchdog — ends in exactly
 * one `event.completed` call within the time budget. No Office global is touched here: the
 * bootstrap (`launchevent.ts`) passes it in, so tests run the same code against a fake.
 */
import { checkDraft, defaultPolicy, type NormalizedPolicy, type OnError, type Report } from "../core";
import { completionFor, failureCompletion, TASKPANE_COMMAND_ID, type SmartAlertsSupport } from "../office/complete-send";
import { applyDisclaimer, planDisclaimer, reportAfterDisclaimer } from "../office/disclaimer";
import { createCallQueue, DEFAULT_CALL_TIMEOUT_MS, supportsMailbox } from "../office/office-async";
import { compiledPolicySource, DEFAULT_POLICY_BUDGET_MS, loadPolicy, type PolicySource } from "../office/policy-source";
import { readDraft, type MailboxLike } from "../office/read-draft";
import { draftFingerprint } from "../core/model/fingerprint";
import { takeSavedReason, type SavedReason, type SessionDataLike } from "../office/saved-reason";

/** The part of the `Office` namespace the handler uses. */
export type OfficeLike = Readonly<{
  context: Readonly<{
    mailbox: MailboxLike;
    requirements?: Pick<Office.RequirementSetSupport, "isSetSupported">;
  }>;
}>;

/** The part of `Office.MailboxEvent` the handler uses. */
export type SendEvent = Readonly<{ completed(options?: Office.SmartAlertsEventCompletedOptions): void }>;

export type HandlerOptions = Readonly<{
  /** Where the policy comes from (default: the compiled-in Centre policy). */
  policySource?: PolicySource;
  /** The ribbon button Take Action opens (manifest.xml's task pane `Control id`). */
  commandId?: string;
  /**
   * Completes by the policy's `onError` if the check has not finished by then. Under 4 s:
   * Outlook shows "taking longer than expected" after 5 s, and that count includes loading
   * the script (office-js#6816).
   */
  watchdogMs?: number;
  /** Timeout of each Office call. */
  callTimeoutMs?: number;
  /** How long the policy source may take before the compiled-in policy is used. */
  policyBudgetMs?: number;
  /** Calls in flight at once (Outlook on the web allows 3). */
  maxInFlight?: number;
  /** Called once with how the event was completed (tests, benchmark); must not throw. */
  onCompleted?: (outcome: HandlerOutcome) => void;
}>;

/** How one Send was handled (no message content). */
export type HandlerOutcome = Readonly<{
  path: "checked" | "read-failed" | "failed" | "watchdog";
  options: Office.SmartAlertsEventCompletedOptions;
  disclaimerInserted: boolean;
  /** Optional reads that degraded. */
  degraded: readonly string[];
  maxInFlight: number;
  /** The report the decision was made on (path "checked" only). Findings hold no message text. */
  report?: Report;
  /** The signed-in user's address, for a pseudonymous id in SMT's report; never sent as is. */
  senderEmail?: string;
  /** `draftFingerprint` of the message as checked (path "checked"). */
  fingerprint?: string;
  /**
   * The reason the sender saved in the task pane, taken (and removed) at this Send when it
   * warned; `withSavedReason` counts it only if its fingerprint matches `fingerprint`.
   */
  savedReason?: SavedReason;
}>;

export const DEFAULT_WATCHDOG_MS = 3500;

/**
 * Reads the client's Smart Alerts support, treating errors as "not supported".
 * @param office - the Office namespace
 * @returns support for Mailbox 1.14 and 1.15
 */
export function detectSupport(office: OfficeLike): SmartAlertsSupport {
  let requirements: OfficeLike["context"]["requirements"];
  try {
    requirements = office.context.requirements;
  } catch {
    requirements = undefined;
  }
  return { mailbox1_14: supportsMailbox(requirements, "1.14"), mailbox1_15: supportsMailbox(requirements, "1.15") };
}

/**
 * Creates the OnMessageSend handler.
 * @param office - the Office namespace (the real one, or a fake in tests)
 * @param options - policy source, ids and time budgets
 * @returns the function to associate with the manifest's `FunctionName`
 */
export function createSendHandler(office: OfficeLike, options: HandlerOptions = {}): (event: SendEvent) => void {
  const policySource = options.policySource || compiledPolicySource;
  const commandId = options.commandId ?? TASKPANE_COMMAND_ID;
  const watchdogMs = options.watchdogMs ?? DEFAULT_WATCHDOG_MS;
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const policyBudgetMs = options.policyBudgetMs ?? DEFAULT_POLICY_BUDGET_MS;

  return function handle(event: SendEvent): void {
    let done = false;
    let onError: OnError = "warn";
    let inserted = false;
    let degraded: readonly string[] = [];
    let finalReport: Report | undefined;
    let senderEmail: string | undefined;
    let fingerprint: string | undefined;
    let savedReason: SavedReason | undefined;
    const queue = createCallQueue({ maxInFlight: options.maxInFlight ?? 3, timeoutMs: callTimeoutMs });
    let support: SmartAlertsSupport = { mailbox1_14: false, mailbox1_15: false };

    // One-shot completion: a second `completed` call has released blocked mail in classic
    // Outlook when a leftover timer fired (office-js#6656), so completion is guarded, the
    // watchdog cleared, and queued Office calls dropped.
    const finish = (path: HandlerOutcome["path"], completion: Office.SmartAlertsEventCompletedOptions): void => {
      if (done) return;
      done = true;
      clearTimeout(watchdog);
      queue.close();
      try {
        event.completed(completion);
      } catch {
        // Nothing more can be done: the event is Outlook's; never throw back into the host.
      }
      if (options.onCompleted) {
        try {
          options.onCompleted({
            path,
            options: completion,
            disclaimerInserted: inserted,
            degraded,
            maxInFlight: queue.maxInFlightSeen(),
            ...(finalReport ? { report: finalReport } : {}),
            ...(senderEmail ? { senderEmail } : {}),
            ...(fingerprint !== undefined ? { fingerprint } : {}),
            ...(savedReason ? { savedReason } : {}),
          });
        } catch {
          // A diagnostics hook must not affect sending.
        }
      }
    };
    const fail = (path: HandlerOutcome["path"]): void => finish(path, failureCompletion(onError, support));
    const watchdog = setTimeout(() => fail("watchdog"), watchdogMs);
    let policyP: Promise<NormalizedPolicy> | undefined;
    const failAfterPolicy = (path: HandlerOutcome["path"]): void => {
      if (!policyP) return fail(path);
      policyP.then(
        () => fail(path),
        () => fail(path),
      );
    };

    try {
      support = detectSupport(office);
      try {
        onError = defaultPolicy().onError;
      } catch {
        onError = "warn";
      }
      const mailbox = office.context.mailbox;
      policyP = loadPolicy(policySource, policyBudgetMs).then((loaded) => {
        onError = loaded.policy.onError;
        return loaded.policy;
      });
      const readP = readDraft(mailbox, { queue, supports: (version) => supportsMailbox(office.context.requirements, version) });
      let readFailed = false;
      readP.catch(() => {
        readFailed = true;
      });
      Promise.all([policyP, readP])
        .then(([policy, read]) => {
          degraded = read.degraded;
          const who = read.draft.sender || read.draft.from;
          senderEmail = who ? who.email : undefined;
          const report: Report = checkDraft(read.draft, policy);
          const plan = planDisclaimer(policy, report, read);
          const item = mailbox.item as Office.MessageCompose;
          return applyDisclaimer(item.body, plan, queue)
            .then((outcome) => {
              inserted = outcome.inserted;
              return reportAfterDisclaimer(report, outcome);
            })
            .then((after) => {
              // Only a warning can be sent anyway, so only then is a reason from the task pane
              // looked for (never rejects; a missing or unreadable one is simply not there).
              const session = (item as { sessionData?: SessionDataLike }).sessionData;
              if (after.verdict !== "warn" || !session) return after;
              return takeSavedReason(session, queue).then((saved) => {
                savedReason = saved;
                // Hashing a long body takes time: only when there is a reason to compare.
                if (saved) fingerprint = draftFingerprint(read.draft);
                return after;
              });
            });
        })
        .then(
          (report) => {
            finalReport = report;
            finish("checked", completionFor(report, support, { commandId }));
          },
          // A read can fail before the published policy arrives: wait for it (it always settles
          // within the policy budget) so SMT's published onError decides, not the compiled-in one.
          () => failAfterPolicy(readFailed ? "read-failed" : "failed"),
        )
        .catch(() => fail("failed"));
    } catch {
      failAfterPolicy("failed");
    }
  };
}
