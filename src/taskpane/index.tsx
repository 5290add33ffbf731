/**
 * Task pane bootstrap: get Office.js (CDN in Outlook, the simulator's in development), wait
 * for Office.onReady, build the Office services and render. Nothing else touches Office here.
 */
import { createRoot } from "react-dom/client";
import { loadOffice } from "../office/taskpane-loader";
import { createOfficeTaskPaneServices } from "../office/taskpane-services";
import { Root } from "./Root";

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
    const office = await loadOffice(window);
    await office.onReady();
    const services = createOfficeTaskPaneServices(office);
    createRoot(container).render(<Root services={services} />);
  } catch {
    showFailure(container, "Etiquette Guard could not start here. Open it from an e-mail you are writing in Outlook.");
  }
}

void start();
