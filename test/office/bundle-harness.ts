/**
 * Builds dist/launchevent.js with the real webpack config and runs it the way classic Outlook
 * does: one classic script in a fresh global scope with only `Office` and timers — no window,
 * no document, no require. Shared by the bundle test and bench/handler.bench.js.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { FakeOffice, makeEvent, type FakeOfficeOptions } from "./fake-office";

export const ROOT = path.join(__dirname, "..", "..");

/**
 * Runs `webpack --mode production --env only=launchevent` into `outDir`.
 * @param outDir - output folder
 * @param addinHost - ADDIN_HOST for the manifest rewrite
 */
export function buildLaunchEvent(outDir: string, addinHost = "https://addin.norcotearlyyearscentre.co.uk"): void {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  execFileSync(process.execPath, [cli, "--mode", "production", "--env", "only=launchevent", "--env", `outDir=${outDir}`, "--env", `ADDIN_HOST=${addinHost}`], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, ADDIN_HOST: "" },
  });
}

/**
 * Builds the bundle into a temporary folder before a test file's tests and removes it after.
 * @param prefix - the folder's name prefix
 * @returns the folder and the built launchevent.js, read once built
 */
export function useBuiltLaunchEvent(prefix: string): { dir: () => string; code: () => string } {
  let outDir = "";
  let code = "";
  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    buildLaunchEvent(outDir);
    code = fs.readFileSync(path.join(outDir, "launchevent.js"), "utf8");
  }, 180_000);
  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });
  return { dir: () => outDir, code: () => code };
}

export type LoadedBundle = Readonly<{
  fake: FakeOffice;
  /** What the script passed to Office.actions.associate, by name. */
  associated: Record<string, (event: unknown) => void>;
}>;

/**
 * Evaluates the bundle as a classic script against a fake Office.
 * @param code - the contents of launchevent.js
 * @param options - the fake's item and behaviour
 * @returns the fake and the associated handlers
 */
export function loadBundle(code: string, options: FakeOfficeOptions = {}): LoadedBundle {
  const fake = new FakeOffice(options);
  const context = vm.createContext({ Office: fake.office, setTimeout, clearTimeout });
  new vm.Script(code, { filename: "launchevent.js" }).runInContext(context);
  return { fake, associated: fake.associated };
}

/**
 * Presses Send once and measures until `event.completed`.
 * @param bundle - a loaded bundle
 * @param name - the associated function name
 * @param settleMs - after the first completion, wait this long before counting completions
 *   (past the handler's watchdog, so a late second `completed` is seen); 0 for the benchmark
 * @returns the first completion's options, the elapsed milliseconds, and every completion seen
 */
export async function pressSend(
  bundle: LoadedBundle,
  name = "onMessageSendHandler",
  settleMs = 0,
): Promise<{ options: unknown; ms: number; completions: number; all: unknown[] }> {
  const handler = bundle.associated[name];
  if (!handler) throw new Error(`no handler associated as ${name}`);
  const event = makeEvent();
  const started = process.hrtime.bigint();
  handler(event);
  const options = await event.done;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (settleMs > 0) await new Promise((r) => setTimeout(r, settleMs));
  return { options, ms, completions: event.completions.length, all: [...event.completions] };
}

/** Longer than the handler's watchdog (DEFAULT_WATCHDOG_MS, 3.5 s): any second completion has happened by then. */
export const PAST_WATCHDOG_MS = 4000;

/** The Centre's organisation settings (for the benchmark's message, which carries the disclaimer). */
export { defaultOrganisation } from "../../src/core/policy/default-organisation";
