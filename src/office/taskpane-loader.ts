/**
 * Gets Office.js for the task pane page. In Outlook the page loads Microsoft's office.js from
 * the CDN. Inside the development simulator (`simulator.html`, same origin, the pane in an
 * iframe) the parent page offers a simulated Office for the same message instead, so the
 * real pane runs without Outlook and without the network. A cross-origin parent (Outlook on
 * the web) cannot be read, which falls back to the CDN.
 */

/** Name of the property the simulator sets on its window. */
export const SIMULATOR_BRIDGE = "__etiquetteGuardSimulator";

/** The CDN address of Office.js, as Microsoft documents it for add-ins. */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** What the simulator exposes to the pane's page. */
export type SimulatorBridge = Readonly<{
  /** Returns a simulated Office bound to the message being written, for the given window. */
  officeFor(win: Window): typeof Office;
}>;

type OfficeWindow = Window & { Office?: typeof Office };

/**
 * The simulator of a same-origin parent window, if any.
 * @param win - the pane's window
 * @returns the bridge, or null in Outlook
 */
export function findSimulator(win: Window): SimulatorBridge | null {
  try {
    if (win.parent === win) return null;
    const bridge = (win.parent as unknown as Record<string, unknown>)[SIMULATOR_BRIDGE] as SimulatorBridge | undefined;
    return bridge && typeof bridge.officeFor === "function" ? bridge : null;
  } catch {
    // A cross-origin parent (Outlook on the web) throws on access: that is the normal case.
    return null;
  }
}

/**
 * Makes `window.Office` available.
 * @param win - the pane's window
 * @param cdn - office.js address
 * @returns the Office global
 */
export function loadOffice(win: Window, cdn: string = OFFICE_CDN): Promise<typeof Office> {
  const w = win as OfficeWindow;
  const simulator = findSimulator(win);
  if (simulator) {
    w.Office = simulator.officeFor(win);
    return Promise.resolve(w.Office);
  }
  if (w.Office) return Promise.resolve(w.Office);
  return new Promise((resolve, reject) => {
    const script = win.document.createElement("script");
    script.src = cdn;
    script.onload = () => (w.Office ? resolve(w.Office) : reject(new Error("office.js loaded but Office is missing")));
    script.onerror = () => reject(new Error("office.js could not be loaded"));
    win.document.head.appendChild(script);
  });
}
