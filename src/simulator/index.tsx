/**
 * Simulator bootstrap: creates the controller, exposes the Office bridge the task pane's page
 * looks for (`window.__etiquetteGuardSimulator.officeFor`, see src/office/taskpane-loader.ts),
 * reads dist/manifest.xml and renders the page.
 */
import { createRoot } from "react-dom/client";
import { SIMULATOR_BRIDGE, type SimulatorBridge } from "../office/taskpane-loader";
import { SimulatorController } from "./controller";
import { loadManifest } from "./manifest-info";
import { Simulator } from "./Simulator";

const controller = new SimulatorController({ document });
const bridge: SimulatorBridge = { officeFor: controller.officeFor };
(window as unknown as Record<string, unknown>)[SIMULATOR_BRIDGE] = bridge;
// For the end-to-end tests and the benchmark: the controller, read-only use.
(window as unknown as Record<string, unknown>).__etiquetteGuardSimulatorController = controller;

void loadManifest().then((manifest) => controller.setManifest(manifest));

const container = document.getElementById("root");
if (container) createRoot(container).render(<Simulator controller={controller} />);
