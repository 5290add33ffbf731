/**
 * Task pane bootstrap: start getting Office.js (CDN in Outlook, the simulator's in development),
 * warm the rule engine while it loads, wait for Office.onReady, build the Office services — the
 * published policy and SMT's event report both come from the server that serves this page —
 * and render. The only Office reads outside `src/office` are here.
 */
import { createRoot } from "react-dom/client";
import { createEventQueue } from "../office/event-queue";
import { loadPolicy } from "../office/policy-source";
import { createPublishedPolicySource } from "../office/published-policy";
import { loadOffice } from "../office/taskpane-loader";
import { createOfficeTaskPaneServices } from "../office/taskpane-services";
import { clientName } from "../office/telemetry";
import { createReportSink } from "./report-sink";
import { Root } from "./Root";
import { warmUpEngine } from "./warm-up";

/** How long the pane waits for the published policy before using the compiled-in one. */
const POLICY_BUDGET_MS = 1500;

function showFailure(container: HTMLElement, text: string): void {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = text;
  container.replaceChildren(p);
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  try {
    const loading = loadOffice(window);
    // Handled below; without this a rejection during the warm-up would count as unhandled.
    loading.catch(() => undefined);
    warmUpEngine();
    const office = await loading;
    await office.onReady();
    // The pane is served by the policy server, so its own origin is the server's. The salt of
    // the pseudonymous sender id and the events' install token come with the published policy.
    const origin = `${location.origin}/`;
    const policySource = createPublishedPolicySource({ url: `${origin}api/policy/published` });
    const events = createReportSink({
      queue: createEventQueue({ url: `${origin}api/events` }),
      senderEmail: () => office.context.mailbox.userProfile.emailAddress,
      client: () => clientName(office.context.diagnostics as unknown as { platform?: unknown }),
    });
    const services = createOfficeTaskPaneServices(office, {
      loadPolicy: () => loadPolicy(policySource, POLICY_BUDGET_MS).then((loaded) => loaded.policy),
      events,
    });
    createRoot(container).render(<Root services={services} />);
  } catch {
    showFailure(container, "Etiquette Guard could not start here. Open it from an e-mail you are writing in Outlook.");
  }
}

void start();
