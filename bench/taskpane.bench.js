/**
 * Task pane benchmarks (issue 4 §4): the size of the task pane's JavaScript (production
 * build, gzip) and how long after the pane opens its findings are on screen, in headless
 * Chromium against the Outlook simulator (12 parents in To, so there is a finding to show).
 */
/* global window -- page.evaluate callbacks run in the browser */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const SIZE_TARGET_KB = 300;
const OPEN_TARGET_MS = 1000;
const RUNS = 7;

function build(outDir) {
  const cli = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
  const args = [cli, "--mode", "production", "--env", "only=taskpane", "--env", "simulator", "--env", `outDir=${outDir}`];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`webpack failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Bytes of the scripts taskpane.html loads, raw and gzip (level 9).
 * @param {string} dir - build folder
 * @returns {{ raw: number, gzip: number, files: string[] }}
 */
function scriptSizes(dir) {
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const files = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/^\//, "").split("?")[0]);
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(dir, f));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Opens the pane RUNS times and measures, in the browser's own clock, from the ribbon click
 * to the first finding being in the pane's DOM.
 * @param {string} dir - build folder with simulator.html and taskpane.html
 * @returns {Promise<number[]>} milliseconds per run
 */
async function timeToFindings(dir) {
  const { serveStatic } = require(path.join(root, "test", "e2e", "static-server.js"));
  const { launchBrowser } = require(path.join(root, "test", "e2e", "harness.js"));
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  const times = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${server.url}simulator.html`);
    await page.getByRole("combobox", { name: "Sample message" }).selectOption("twelve-parents-in-to");
    await page.getByRole("button", { name: "Load sample" }).click();
    for (let i = 0; i < RUNS; i++) {
      const opened = await page.evaluate(() => {
        const controller = window.__etiquetteGuardSimulatorController;
        const t0 = performance.timeOrigin + performance.now();
        controller.openPane(null);
        return t0;
      });
      const frameElement = page.locator('iframe[title="Etiquette Guard task pane"]');
      await frameElement.waitFor();
      const frame = await (await frameElement.elementHandle()).contentFrame();
      await frame.waitForSelector("article", { timeout: 10000 });
      // waitForSelector polls on animation frames, so this is within one frame of the finding appearing.
      const shown = await frame.evaluate(() => performance.timeOrigin + performance.now());
      times.push(shown - opened);
      await page.evaluate(() => window.__etiquetteGuardSimulatorController.closePane());
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return times;
}

async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-bench-taskpane-"));
  try {
    build(dir);
    const size = scriptSizes(dir);
    const gzipKb = size.gzip / 1024;
    const rows = [
      { metric: `task pane JavaScript, gzip (${size.files.length} file${size.files.length === 1 ? "" : "s"})`, value: gzipKb, unit: "KB", target: `≤ ${SIZE_TARGET_KB}`, pass: gzipKb <= SIZE_TARGET_KB },
      { metric: "task pane JavaScript, minified", value: size.raw / 1024, unit: "KB" },
    ];
    const times = await timeToFindings(dir);
    const med = median(times);
    const max = Math.max(...times);
    rows.push({ metric: `findings shown after the pane opens, median of ${times.length} (headless Chromium)`, value: med, unit: "ms", target: `≤ ${OPEN_TARGET_MS}`, pass: med <= OPEN_TARGET_MS });
    rows.push({ metric: "findings shown after the pane opens, slowest run", value: max, unit: "ms", target: `≤ ${OPEN_TARGET_MS}`, pass: max <= OPEN_TARGET_MS });
    return { section: "Task pane", rows };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };

if (require.main === module) {
  run().then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error) => {
      process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
      process.exitCode = 1;
    },
  );
}
