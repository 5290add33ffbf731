/**
 * End-to-end harness: builds the add-in when needed, serves dist/ (the real policy server
 * from lib/server when it is built, else test/e2e/static-server.js), launches Debian's
 * Chromium through playwright-core, and drives the Outlook simulator.
 */
/* global window, document -- page.evaluate callbacks run in the browser */
"use strict";
const fs = require("fs");
const net = require("net");
const os = require("os");
const path = require("path");
const { spawn, spawnSync } = require("child_process");
const { serveStatic } = require("./static-server");

const root = path.join(__dirname, "..", "..");
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];
const BUILD_INPUTS = ["src", "webpack", "webpack.config.js", "manifest.xml", "docs/policy"];
const PANE_TITLE = "Etiquette Guard task pane";

function newest(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (stat.isFile()) return /\.test\.tsx?$/.test(target) ? 0 : stat.mtimeMs;
  if (!stat.isDirectory()) return 0;
  let max = 0;
  for (const entry of fs.readdirSync(target)) max = Math.max(max, newest(path.join(target, entry)));
  return max;
}

/**
 * Builds dist/ with the simulator when it is missing or older than the sources.
 * @param {string} distDir - output folder
 * @param {{ force?: boolean, log: (line: string) => void }} options
 */
function ensureBuild(distDir, options) {
  const needed = ["simulator.html", "taskpane.html", "launchevent.js", "policy.html"].map((f) => path.join(distDir, f));
  const built = Math.min(...needed.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
  const sources = Math.max(...BUILD_INPUTS.map((s) => newest(path.join(root, s))));
  if (!options.force && built > 0 && built >= sources) return;
  options.log(built === 0 ? "Building the add-in (dist/ incomplete)…" : "Building the add-in (sources changed)…");
  const webpack = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
  const args = [webpack, "--mode", "development", "--env", "simulator"];
  if (path.resolve(distDir) !== path.join(root, "dist")) args.push("--env", `outDir=${distDir}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`webpack failed:\n${result.stdout}\n${result.stderr}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`server did not answer ${url} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Serves dist/: the real server (plain HTTP, development mode, throw-away data folder) when
 * lib/server/main.js exists, else the static server.
 * @param {string} distDir
 * @param {(line: string) => void} log
 * @returns {Promise<{ url: string, kind: string, close: () => Promise<void> }>}
 */
async function serve(distDir, log) {
  const main = path.join(root, "lib", "server", "main.js");
  if (fs.existsSync(main) && !process.env.EG_E2E_STATIC) {
    const port = await freePort();
    const data = fs.mkdtempSync(path.join(os.tmpdir(), "eg-e2e-data-"));
    const { child, output } = spawnServer(["--port", String(port), "--host", "127.0.0.1", "--data", data, "--dist", distDir, "--http", "--dev"]);
    const url = `http://127.0.0.1:${port}/`;
    try {
      await waitForHttp(`${url}simulator.html`, 20000);
    } catch (error) {
      child.kill();
      log(`The policy server did not start (${error.message}); using the static server.\n${output().slice(-2000)}`);
      return serveStaticDist(distDir);
    }
    return {
      url,
      kind: "policy server (lib/server, --http --dev)",
      close: () =>
        new Promise((resolve) => {
          child.once("exit", () => {
            fs.rmSync(data, { recursive: true, force: true });
            resolve();
          });
          child.kill("SIGTERM");
        }),
    };
  }
  return serveStaticDist(distDir);
}

/**
 * Starts the policy server (lib/server/main.js) in development mode, keeping what it prints
 * for error messages.
 * @param {string[]} args - its command-line arguments
 * @returns {{ child: import("child_process").ChildProcess, output: () => string }}
 */
function spawnServer(args) {
  const child = spawn(process.execPath, [path.join(root, "lib", "server", "main.js"), ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "development" },
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return { child, output: () => output };
}

async function serveStaticDist(distDir) {
  const s = await serveStatic(distDir);
  return { ...s, kind: "static server (test/e2e/static-server.js)" };
}

/**
 * Launches Chromium.
 * @returns {Promise<import("playwright-core").Browser>}
 */
async function launchBrowser() {
  const { chromium } = require("playwright-core");
  const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (apt-get install -y chromium)`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** Drives the simulator page. */
class Simulator {
  constructor(page, baseUrl, artifactsDir, name) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.artifactsDir = artifactsDir;
    this.name = name;
    this.shot = 0;
    this.errors = [];
    page.on("pageerror", (e) => this.errors.push(e.message));
  }

  async open() {
    await this.page.goto(`${this.baseUrl}simulator.html`);
    await this.page.getByRole("heading", { name: "Outlook simulator" }).waitFor();
    // The manifest is read asynchronously; wait until the page says where its settings came from.
    await this.page.waitForFunction(() => window.__etiquetteGuardSimulatorController !== undefined);
  }

  async screenshot(step) {
    this.shot++;
    const file = path.join(this.artifactsDir, `${this.name}-${String(this.shot).padStart(2, "0")}-${step}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async loadSample(name) {
    await this.page.getByRole("combobox", { name: "Sample message" }).selectOption(name);
    await this.page.getByRole("button", { name: "Load sample" }).click();
  }

  async newMessage() {
    await this.page.getByRole("button", { name: "New message" }).click();
  }

  async addRecipient(field, email) {
    const label = { to: "To", cc: "Cc", bcc: "Bcc" }[field];
    await this.page.getByRole("textbox", { name: `Add to ${label}` }).fill(email);
    await this.page.getByRole("group", { name: label }).getByRole("button", { name: "Add" }).click();
  }

  async setSubject(text) {
    await this.page.getByRole("textbox", { name: "Subject" }).fill(text);
  }

  async setBody(text) {
    const body = this.page.getByRole("textbox", { name: "Message" });
    await body.click();
    await this.page.keyboard.press("Control+A");
    await this.page.keyboard.press("Delete");
    // One input event per line keeps the simulator from re-rendering on every keystroke.
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) await this.page.keyboard.press("Enter");
      if (lines[i]) await this.page.keyboard.insertText(lines[i]);
    }
  }

  async setSwitch(label, value) {
    await this.page.getByRole("combobox", { name: label }).selectOption(value);
  }

  async pressSend() {
    await this.page.getByRole("button", { name: "Send", exact: true }).click();
  }

  dialog() {
    return this.page.getByRole("alertdialog");
  }

  async waitForDialog(timeout = 10000) {
    await this.dialog().waitFor({ timeout });
    return this.dialog();
  }

  async openRibbonPane() {
    await this.page.getByRole("button", { name: "Etiquette Guard", exact: true }).click();
  }

  pane() {
    return this.page.frameLocator(`iframe[title="${PANE_TITLE}"]`);
  }

  async paneFrame() {
    await this.page.locator(`iframe[title="${PANE_TITLE}"]`).waitFor();
    const handle = await this.page.locator(`iframe[title="${PANE_TITLE}"]`).elementHandle();
    return handle.contentFrame();
  }

  async sentItems() {
    return this.page.evaluate(() =>
      window.__etiquetteGuardSimulatorController.getState().sent.map((s) => ({
        subject: s.subject,
        to: s.to.length,
        cc: s.cc.length,
        bcc: s.bcc.length,
        attachments: s.attachments.length,
        bodyText: s.bodyText,
        delayed: Boolean(s.deliverAt),
      })),
    );
  }

  async waitForSent(count, timeout = 10000) {
    await this.page.waitForFunction((n) => window.__etiquetteGuardSimulatorController.getState().sent.length >= n, count, { timeout });
    return this.sentItems();
  }

  /**
   * Runs axe-core inside the task pane's frame (evaluated over the DevTools protocol, so the
   * page's Content-Security-Policy stays on).
   * @returns {Promise<string[]>} violations as "id: targets"
   */
  /**
   * Runs the named axe-core rules on the simulator page itself (the task pane's frame excluded).
   * @param {string[]} rules - axe rule ids
   * @returns {Promise<string[]>} violations as "id: targets"
   */
  async axePage(rules) {
    const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    await this.page.evaluate(source);
    return this.page.evaluate(async (only) => {
      const result = await window.axe.run({ exclude: [["iframe"]] }, { runOnly: { type: "rule", values: only }, resultTypes: ["violations"] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    }, rules);
  }

  async axePane() {
    const frame = await this.paneFrame();
    const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    await frame.evaluate(source);
    return frame.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    });
  }
}

module.exports = { ensureBuild, serve, launchBrowser, Simulator, root, newest, freePort, spawnServer };
