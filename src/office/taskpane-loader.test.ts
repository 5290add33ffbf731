import { findSimulator, loadOffice, OFFICE_CDN, SIMULATOR_BRIDGE } from "./taskpane-loader";

type FakeScript = { src: string; onload?: () => void; onerror?: () => void };

/** A window-shaped object: only what the loader touches. */
function fakeWindow(parent?: unknown): Window & { added: FakeScript[]; Office?: unknown } {
  const added: FakeScript[] = [];
  const win: Record<string, unknown> = {
    added,
    document: {
      createElement: () => ({ src: "" }) as FakeScript,
      head: { appendChild: (s: FakeScript) => added.push(s) },
    },
  };
  win.parent = parent ?? win;
  return win as unknown as Window & { added: FakeScript[]; Office?: unknown };
}

describe("taskpane-loader", () => {
  it("uses the simulator's Office when a same-origin parent offers one, without loading the CDN", async () => {
    const simOffice = { simulated: true } as unknown as typeof Office;
    const parent = { [SIMULATOR_BRIDGE]: { officeFor: () => simOffice } };
    const win = fakeWindow(parent);
    expect(findSimulator(win)).not.toBeNull();
    await expect(loadOffice(win)).resolves.toBe(simOffice);
    expect(win.Office).toBe(simOffice);
    expect(win.added).toEqual([]);
  });

  it("treats a cross-origin parent (reading it throws) as Outlook and loads office.js from the CDN", async () => {
    const parent = new Proxy({}, { get: () => { throw new Error("SecurityError: cross-origin"); } });
    const win = fakeWindow(parent);
    expect(findSimulator(win)).toBeNull();
    const p = loadOffice(win);
    expect(win.added.map((s) => s.src)).toEqual([OFFICE_CDN]);
    const office = { real: true };
    win.Office = office;
    win.added[0]?.onload?.();
    await expect(p).resolves.toBe(office);
  });

  it("rejects with a clear message when office.js fails to load, or loads without Office", async () => {
    const win = fakeWindow();
    const failed = loadOffice(win, "https://cdn.example/office.js");
    win.added[0]?.onerror?.();
    await expect(failed).rejects.toThrow("office.js could not be loaded");
    const empty = loadOffice(win);
    win.added[1]?.onload?.();
    await expect(empty).rejects.toThrow("office.js loaded but Office is missing");
  });

  it("reuses an Office already on the page", async () => {
    const win = fakeWindow();
    const office = { already: true };
    win.Office = office;
    const p = loadOffice(win);
    // Checked before waiting: a loader that adds the CDN script anyway fails here, not by timing out.
    expect(win.added).toEqual([]);
    await expect(p).resolves.toBe(office);
  });

  it("ignores a same-origin parent whose bridge has no officeFor, and loads office.js", () => {
    const win = fakeWindow({ [SIMULATOR_BRIDGE]: { officeFor: "not a function" } });
    expect(findSimulator(win)).toBeNull();
    void loadOffice(win);
    expect(win.added.map((s) => s.src)).toEqual([OFFICE_CDN]);
  });
});
