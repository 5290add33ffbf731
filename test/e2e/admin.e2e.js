#!/usr/bin/env node
/**
 * Browser test of the admin app against the real policy server (`node test/e2e/admin.e2e.js`).
 *
 * Starts lib/server on a free port over HTTPS (its generated self-signed certificate) with a
 * throw-away data folder, creates an editor account with `etiquette-guard admin add-user
 * --password-stdin`, then in headless Chromium: signs in, switches `no-chain-mail` to Block,
 * saves, publishes with a note, and checks `GET /api/policy/published` has it at block. It
 * tries the chain letter in "Try a message", checks the pages at a narrow width, and runs
 * axe-core on every admin page. Then, when the Outlook simulator can be pointed at the
 * server's published policy, sends the chain-letter sample there and expects it blocked;
 * and fails otherwise. Screenshots go to artifacts/e2e/admin-*.png.
 *
 * Builds lib/ (`npm run build:cli`) and dist/admin/ when they are missing or older than the
 * sources. Environment: CHROMIUM_PATH (default /usr/bin/chromium). Exit code 1 on failure.
 */
/* global window, document -- page.evaluate callbacks run in the browser */
"use strict";
const fs = require("fs");
const https = require("https");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { freePort, launchBrowser, newest, root, Simulator, spawnServer } = require("./harness");

const artifacts = path.join(root, "artifacts", "e2e");
const EDITOR = { email: "head@norcot.example", password: "e2e-correct-horse-battery" };
const NOTE = "Chain mail is blocked from now on (e2e)";
const CHAIN_EML = path.join(root, "samples", "chain-letter.eml");

function log(line) {
  process.stdout.write(`${line}\n`);
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function run(command, args, input) {
  const result = spawnSync(command, args, { cwd: root, input, encoding: "utf8", stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
  return result;
}

/** Builds the server (lib/) and the admin app (dist/admin/) when missing or stale. */
function ensureBuilt() {
  const serverMain = path.join(root, "lib", "server", "main.js");
  const serverSources = Math.max(newest(path.join(root, "src", "server")), newest(path.join(root, "src", "core")), newest(path.join(root, "src", "cli")));
  if (!fs.existsSync(serverMain) || fs.statSync(serverMain).mtimeMs < serverSources) {
    log("Building the server: npm run build:cli");
    const r = run(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"]);
    // tsc still emits when another part has type errors; only a missing entry is fatal.
    if (!fs.existsSync(serverMain)) throw new Error(`npm run build:cli failed:\n${r.stdout}\n${r.stderr}`);
  }
  const adminIndex = path.join(root, "dist", "admin", "index.html");
  const adminSources = Math.max(newest(path.join(root, "src", "admin")), newest(path.join(root, "src", "core")), newest(path.join(root, "webpack", "admin.config.js")));
  if (!fs.existsSync(adminIndex) || fs.statSync(adminIndex).mtimeMs < adminSources) {
    log("Building the admin app: webpack --env only=admin");
    const r = run(process.execPath, [path.join(root, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "development", "--env", "only=admin"]);
    if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
  }
}

/** GET over HTTPS, accepting the server's self-signed certificate. */
function get(url) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

async function waitForServer(url, child, ms) {
  const end = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const r = await get(url);
      if (r.status === 200) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`the server did not answer ${url} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts the real server over HTTPS with a new data folder and one editor account. */
async function startServer() {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), "eg-admin-e2e-"));
  const add = run(process.execPath, [path.join(root, "bin", "etiquette-guard.js"), "admin", "add-user", EDITOR.email, "--role", "editor", "--data", data, "--password-stdin"], `${EDITOR.password}\n`);
  if (add.status !== 0) throw new Error(`admin add-user failed (${add.status}):\n${add.stdout}\n${add.stderr}`);
  const port = await freePort();
  // The public origin must be the address the browser uses: the server checks Origin on writes.
  const { child, output } = spawnServer(["--port", String(port), "--host", "localhost", "--data", data, "--dist", path.join(root, "dist"), "--dev"]);
  const url = `https://localhost:${port}`;
  try {
    await waitForServer(`${url}/healthz`, child, 30000);
  } catch (error) {
    child.kill("SIGTERM");
    throw new Error(`${error.message}\n${output().slice(-2000)}`);
  }
  return {
    url,
    data,
    output,
    close: () =>
      new Promise((resolve) => {
        const done = () => {
          fs.rmSync(data, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
      }),
  };
}

let shot = 0;
async function screenshot(page, step) {
  shot++;
  const file = path.join(artifacts, `admin-${String(shot).padStart(2, "0")}-${step}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core in the page (over the DevTools protocol, so the page's CSP stays on).
 * One known false positive is set aside, and only for the elements it concerns: Fluent's focus
 * manager (Tabster) adds `<i data-tabster-dummy aria-hidden tabindex=0>` sentinels that pass
 * focus on at once; axe's aria-hidden-focus flags them (microsoft/tabster#288; Accessibility
 * Insights suppresses the same, microsoft/accessibility-insights-web#7605).
 */
async function axe(page, where) {
  // A dialog that is still fading in has text at part opacity, which axe reads as low contrast:
  // judge the page as it settles, after its running animations have finished.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), null, { timeout: 5000 }).catch(() => {});
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    const dummy = (node) => node.target.length === 1 && document.querySelector(node.target[0])?.hasAttribute("data-tabster-dummy");
    return result.violations
      .map((v) => ({ ...v, nodes: v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !dummy(n)) : v.nodes }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
  expect(violations.length === 0, `axe-core found violations on ${where}:\n  ${violations.join("\n  ")}`);
  log(`    axe-core: no violations on ${where}`);
}

async function noHorizontalScroll(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 1, `${where} scrolls sideways at ${await page.evaluate(() => window.innerWidth)} px (${overflow} px too wide)`);
}

function ruleTitle(id) {
  const rules = require(path.join(root, "lib", "core", "rules")).rules;
  return rules[id].meta.title;
}

function nav(page, name) {
  return page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name }).click();
}

async function adminFlow(page, server) {
  const chainTitle = ruleTitle("no-chain-mail");
  await page.goto(`${server.url}/admin/`);
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  await axe(page, "the sign-in page");
  await screenshot(page, "sign-in");
  await page.getByRole("textbox", { name: "E-mail address" }).fill(EDITOR.email);
  await page.getByLabel("Password").fill(EDITOR.password);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Rules", level: 1 }).waitFor();
  await axe(page, "the rules page");

  const card = page.getByRole("region", { name: chainTitle });
  expect(await card.getByRole("radio", { name: "Warn" }).isChecked(), "no-chain-mail does not start at Warn");
  // Keyboard: focus the checked radio and move to Block with the arrow key.
  await card.getByRole("radio", { name: "Warn" }).focus();
  await page.keyboard.press("ArrowRight");
  expect(await card.getByRole("radio", { name: "Block" }).isChecked(), "the arrow key did not move the severity to Block");
  await page.getByText("1 unsaved change").waitFor();
  await axe(page, "the rules page with an unsaved change");
  await screenshot(page, "rules-changed");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByText(/Draft saved \(revision 2\)/).waitFor();

  await nav(page, "Review and publish");
  await page.getByRole("heading", { name: "What publishing would change" }).waitFor();
  const table = page.getByRole("table");
  await table.waitFor();
  expect((await table.innerText()).includes(`${chainTitle} — severity`), `the diff does not list ${chainTitle}: ${await table.innerText()}`);
  await axe(page, "the review and publish page");
  await page.getByRole("textbox", { name: /Note for the history/ }).fill(NOTE);
  await page.getByRole("button", { name: "Publish draft revision 2" }).click();
  await page.getByText("Published as version 2").waitFor();
  await focusIsOn(page, page.getByRole("status").filter({ hasText: "Published as version 2" }), "the message that says it was published");
  await screenshot(page, "published");

  const published = JSON.parse((await get(`${server.url}/api/policy/published`)).body);
  const setting = published.policy.rules["no-chain-mail"];
  const severity = Array.isArray(setting) ? setting[0] : setting;
  expect(published.version === 2 && severity === "block", `GET /api/policy/published has version ${published.version} with no-chain-mail at ${JSON.stringify(setting)}`);
  log("    GET /api/policy/published: version 2, no-chain-mail at block");

  await nav(page, "History");
  await page.getByText(NOTE).waitFor();
  await axe(page, "the history page");
  await page.getByRole("button", { name: "Roll back to version 1" }).click();
  await page.getByRole("alertdialog", { name: "Roll back to version 1?" }).waitFor();
  await axe(page, "the rollback confirmation");
  await page.keyboard.press("Escape");
  await page.getByRole("alertdialog").waitFor({ state: "detached" });
  await focusIsOn(page, page.getByRole("button", { name: "Roll back to version 1" }), "the Roll back button after Escape");
  await page.getByRole("button", { name: "Roll back to version 1" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("alertdialog").waitFor({ state: "detached" });
  await focusIsOn(page, page.getByRole("button", { name: "Roll back to version 1" }), "the Roll back button after Cancel");

  await nav(page, "Try a message");
  await page.getByRole("textbox", { name: /^To/ }).fill("friend@example.com");
  await page.getByRole("textbox", { name: "Subject" }).fill("FW: FW: FW: Send this on for luck");
  await page
    .getByRole("textbox", { name: "Body" })
    .fill("Forward this to 10 people within 24 hours or you will have bad luck for seven years. If you break the chain you will have bad luck! This really works.");
  await page.getByRole("button", { name: "Check with the draft policy" }).click();
  const result = page.getByRole("region", { name: /^Result:/ });
  await result.waitFor();
  const resultText = await result.innerText();
  expect(/Result: blocked/.test(resultText) && resultText.includes(chainTitle), `the chain letter was not blocked in Try a message:\n${resultText}`);
  expect(resultText.includes("This e-mail can't be sent yet."), `the Send dialog's words are missing:\n${resultText}`);
  await axe(page, "the try-a-message page with a result");
  await screenshot(page, "try-blocked");
  // The same sample as an .eml upload (the file Outlook on the web downloads).
  await page.getByLabel("Upload an .eml file instead").setInputFiles(CHAIN_EML);
  await page.getByText("Checking the file chain-letter.eml").waitFor();
  const [emlResponse] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/try")),
    page.getByRole("button", { name: "Check with the draft policy" }).click(),
  ]);
  expect(emlResponse.request().headers()["content-type"] === "message/rfc822", "the .eml was not posted as message/rfc822");
  const emlReport = (await emlResponse.json()).report;
  expect(emlReport && emlReport.verdict === "block", `the server did not block the .eml: ${JSON.stringify(emlReport && emlReport.verdict)}`);
  await page.getByRole("region", { name: /^Result:/ }).waitFor();
  const emlResult = await page.getByRole("region", { name: /^Result:/ }).innerText();
  expect(/Result: blocked/.test(emlResult) && emlResult.includes(chainTitle), `the chain-letter .eml was not blocked in Try a message:\n${emlResult}`);
  log("    Try a message: the typed chain letter and samples/chain-letter.eml are both blocked by the draft");

  for (const [link, ready] of [
    ["Organisation", "Standard disclaimer"],
    ["Audit log", "Newest first"],
    ["Reports", /No events yet|Week by week/],
  ]) {
    await nav(page, link);
    await page.getByText(ready).first().waitFor();
    await axe(page, `the ${link.toLowerCase()} page`);
  }
  const audit = await (async () => {
    await nav(page, "Audit log");
    return page.getByRole("table").innerText();
  })();
  expect(audit.includes("Published a version") && audit.includes(EDITOR.email), "the audit log does not show the publication");

  // Narrow screens (a phone, or a zoomed window): no sideways scrolling, still usable.
  await page.setViewportSize({ width: 360, height: 800 });
  for (const link of ["Rules", "Organisation", "Try a message", "Review and publish", "History", "Reports"]) {
    await nav(page, link);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await noHorizontalScroll(page, `the ${link} page`);
  }
  await nav(page, "Rules");
  await screenshot(page, "narrow-rules");
  // At 400 and 320 px every page works: no sideways scrolling, nothing cut off at the window's
  // edge, every control and value in the tables (cards at this width) reachable, zero axe violations.
  for (const width of [400, 320]) {
    await page.setViewportSize({ width, height: 800 });
    for (const [link, ready] of [
      ["Rules", "Find a rule"],
      ["Organisation", "Standard disclaimer"],
      ["Try a message", "Check with the draft policy"],
      ["Review and publish", "What publishing would change"],
      ["History", NOTE],
      ["Audit log", "Newest first"],
      ["Reports", /No events yet|Week by week/],
    ]) {
      await nav(page, link);
      await page.getByText(ready).first().waitFor();
      await noHorizontalScroll(page, `the ${link} page at ${width} px`);
      await nothingCutOff(page, `the ${link} page at ${width} px`);
      await axe(page, `the ${link.toLowerCase()} page at ${width} px`);
    }
    // History as cards: every value and both buttons of version 1 on screen and not covered.
    await nav(page, "History");
    const versions = page.getByRole("list", { name: "Published versions" });
    await versions.waitFor();
    expect((await page.getByRole("table").count()) === 0, `History is still a table at ${width} px`);
    const older = versions.getByRole("listitem").filter({ hasText: "Version 1" });
    for (const dd of await older.locator("dd").all()) await reachable(page, dd, `a value of version 1 at ${width} px`, { quiet: true });
    await reachable(page, page.getByRole("button", { name: "Compare with current" }), `Compare with current at ${width} px`);
    await reachable(page, page.getByRole("button", { name: "Roll back to version 1" }), `the Roll back button at ${width} px`);
    await screenshot(page, `history-${width}`);
    await page.getByRole("button", { name: "Roll back to version 1" }).click();
    await page.getByRole("alertdialog", { name: "Roll back to version 1?" }).waitFor();
    await nothingCutOff(page, `the rollback confirmation at ${width} px`);
    await axe(page, `the rollback confirmation at ${width} px`);
    await page.keyboard.press("Escape");
    await page.getByRole("alertdialog").waitFor({ state: "detached" });
    await focusIsOn(page, page.getByRole("button", { name: "Roll back to version 1" }), `the Roll back button after Escape at ${width} px`);
    // Try a message with a result.
    await nav(page, "Try a message");
    await page.getByRole("textbox", { name: /^To/ }).fill("friend@example.com");
    await page.getByRole("textbox", { name: "Subject" }).fill("FW: FW: Send this on for luck");
    await page.getByRole("textbox", { name: "Body" }).fill("Forward this to 10 people within 24 hours or you will have bad luck for seven years. This really works.");
    await page.getByRole("button", { name: "Check with the draft policy" }).click();
    await page.getByRole("region", { name: /^Result:/ }).waitFor();
    await noHorizontalScroll(page, `the Try a message result at ${width} px`);
    await nothingCutOff(page, `the Try a message result at ${width} px`);
    await axe(page, `the try-a-message page with a result at ${width} px`);
    // An unsaved change: the sticky bar must not cover the rule a jump link moves to, and the
    // changes to publish are cards whose values can all be reached.
    await nav(page, "Rules");
    const card = page.getByRole("region", { name: ruleTitle("no-chain-mail") });
    await card.getByRole("radio", { name: "Warn" }).check();
    await page.getByText("1 unsaved change").waitFor();
    await noHorizontalScroll(page, `the Rules page with an unsaved change at ${width} px`);
    await nothingCutOff(page, `the Rules page with an unsaved change at ${width} px`);
    await axe(page, `the rules page with an unsaved change at ${width} px`);
    await page.getByRole("navigation", { name: "Jump to a rule" }).getByRole("link", { name: ruleTitle("subject-required") }).click();
    await clearOfStickyBar(page, page.getByRole("heading", { level: 3, name: ruleTitle("subject-required") }), `${ruleTitle("subject-required")} after the jump at ${width} px`);
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/Draft saved/).first().waitFor();
    await nav(page, "Review and publish");
    const changes = page.getByRole("list", { name: "Changes" });
    await changes.waitFor();
    for (const dd of await changes.locator("dd").all()) await reachable(page, dd, `a value in the changes to publish at ${width} px`, { quiet: true });
    await reachable(page, page.getByRole("button", { name: /^Publish draft revision/ }), `the Publish button at ${width} px`);
    await screenshot(page, `publish-${width}`);
    await axe(page, `the review and publish page with changes at ${width} px`);
    // Put the draft back as published (Block) for the next width.
    await nav(page, "Rules");
    await page.getByRole("region", { name: ruleTitle("no-chain-mail") }).getByRole("radio", { name: "Block" }).check();
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/Draft saved/).first().waitFor();
    log(`    ${width} px: every page usable, nothing cut off`);
  }
  // Between phone and desktop a table that does not fit says so and scrolls, reachable by Tab.
  await page.setViewportSize({ width: 560, height: 800 });
  await nav(page, "Audit log");
  const auditRegion = page.getByRole("region", { name: "Audit log, table" });
  await auditRegion.waitFor();
  const overflows = await auditRegion.evaluate((el) => el.scrollWidth > el.clientWidth);
  if (overflows) {
    await page.getByText(/scroll sideways to see the rest/).waitFor();
    await screenshot(page, "audit-560");
    await auditRegion.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("End");
    await page.waitForFunction(() => document.querySelector('[data-edge="start"]') !== null);
    log("    560 px: the audit log says it scrolls sideways, and scrolls from the keyboard");
  } else log("    560 px: the audit log fits");
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Scrolls a control into view (as a keyboard user's focus would) and checks it is inside the
 * window and is what a click at its centre would hit.
 */
async function reachable(page, locator, what, { quiet = false } = {}) {
  await locator.focus();
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 1 && box.y + box.height <= size.height + 1, `${what} is not on screen after scrolling to it: ${JSON.stringify(box)}`);
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return top !== null && (el === top || el.contains(top));
  });
  expect(hit, `${what} is covered by something else`);
  if (!quiet) log(`    ${what}: reachable`);
}

/** Waits until the focused element is the one given (or inside it). */
async function focusIsOn(page, locator, what) {
  const handle = await locator.first().elementHandle();
  expect(handle, `${what}: not found`);
  await page
    .waitForFunction((el) => el === document.activeElement || el.contains(document.activeElement), handle, { timeout: 5000 })
    .catch(async () => {
      const active = await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.slice(0, 60)}`);
      throw new Error(`focus is not on ${what}; it is on ${active}`);
    });
  log(`    focus: on ${what}`);
}

/**
 * Nothing that shows text or takes input sticks out past the window's edges, unless it is
 * inside a region that scrolls sideways (and says so).
 */
async function nothingCutOff(page, where) {
  const cut = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = window.getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll") return true;
      }
      return false;
    };
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      if (el.closest("[aria-hidden='true'], [data-tabster-dummy]")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const leaf = el.children.length === 0 || ["BUTTON", "INPUT", "TEXTAREA", "SELECT", "A", "LABEL"].includes(el.tagName);
      if (!leaf) continue;
      if ((r.right > width + 1 || r.left < -1) && !scrolls(el)) out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40)}" (${Math.round(r.left)}–${Math.round(r.right)})`);
    }
    return out;
  });
  expect(cut.length === 0, `${where}: cut off at the edge of a ${await page.evaluate(() => document.documentElement.clientWidth)} px window:\n  ${cut.slice(0, 5).join("\n  ")}`);
}

/** The sticky draft bar does not cover a heading that was scrolled to. */
async function clearOfStickyBar(page, heading, what) {
  await page.waitForTimeout(300);
  const [h, bar] = await Promise.all([heading.boundingBox(), page.getByRole("region", { name: "Draft status" }).boundingBox()]);
  expect(h && bar, `${what}: heading or draft bar not found`);
  expect(h.y >= bar.y + bar.height - 1, `${what}: the heading (top ${Math.round(h.y)}) is under the sticky bar (bottom ${Math.round(bar.y + bar.height)})`);
  log(`    ${what}: clear of the sticky bar`);
}

/**
 * Sends the chain-letter sample in the simulator if it can use the server's published policy.
 * @returns {Promise<string>} what happened
 */
async function simulatorFlow(page, server) {
  const published = JSON.parse((await get(`${server.url}/api/policy/published`)).body);
  const setting = published.policy.rules["no-chain-mail"];
  log(`    the server publishes version ${published.version} with no-chain-mail at ${Array.isArray(setting) ? setting[0] : setting}`);
  const response = await page.goto(`${server.url}/simulator.html`).catch(() => null);
  if (!response || !response.ok()) throw new Error("the server does not serve dist/simulator.html");
  await page.getByRole("heading", { name: "Outlook simulator" }).waitFor();
  await page.waitForFunction(() => window.__etiquetteGuardSimulatorController !== undefined);
  // The simulator may offer a choice of policy; pick the server's published one when it does.
  const chooser = page.getByRole("combobox", { name: /policy/i });
  if ((await chooser.count()) > 0) {
    const options = await chooser.first().locator("option").allInnerTexts();
    const published = options.find((o) => /publish|server/i.test(o));
    if (!published) return `skipped: the simulator's policy choices (${options.join(", ")}) do not include the server's published policy`;
    await chooser.first().selectOption({ label: published });
  }
  // Write the chain-letter sample into the compose form (the simulator's own samples are JSON drafts).
  const { parseEml } = require(path.join(root, "lib", "core", "draft", "eml"));
  const { parseDraft } = require(path.join(root, "lib", "core", "draft", "parse-draft"));
  const draft = parseDraft(await parseEml(fs.readFileSync(CHAIN_EML)));
  const sim = new Simulator(page, `${server.url}/`, artifacts, "admin-simulator");
  await sim.newMessage();
  for (const r of draft.to) await sim.addRecipient("to", r.email);
  await sim.setSubject(draft.subject);
  await sim.setBody(draft.body);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor({ timeout: 15000 });
  const text = await dialog.innerText();
  await screenshot(page, "simulator-chain-letter");
  if (/can't be sent yet/i.test(text)) return "blocked in the simulator, as published";
  // The add-in reads the published policy at every Send, so anything but a block is a failure.
  throw new Error(`the simulator did not block the chain letter under the published policy:\n${text}`);
}

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  for (const f of fs.readdirSync(artifacts)) if (f.startsWith("admin-")) fs.rmSync(path.join(artifacts, f));
  ensureBuilt();
  const server = await startServer();
  log(`Policy server at ${server.url} (data in ${server.data})`);
  const browser = await launchBrowser();
  const failures = [];
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.setDefaultTimeout(15000);
    for (const [name, step] of [
      ["admin app: sign in, block no-chain-mail, publish, try, axe, narrow widths", () => adminFlow(page, server)],
      ["simulator: the chain letter under the published policy", () => simulatorFlow(page, server)],
    ]) {
      const started = Date.now();
      try {
        const outcome = await step();
        if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
        if (typeof outcome === "string" && outcome.startsWith("skipped")) log(`  - ${name}: ${outcome}`);
        else log(`  ✓ ${name} (${Date.now() - started} ms)${outcome ? `: ${outcome}` : ""}`);
      } catch (error) {
        await screenshot(page, "failure").catch(() => undefined);
        failures.push(name);
        log(`  ✗ ${name}: ${error && error.message ? error.message : error}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  log(failures.length ? `${failures.length} failed. Screenshots: ${path.relative(root, artifacts)}/` : `All passed. Screenshots: ${path.relative(root, artifacts)}/admin-*.png`);
  if (failures.length) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  });
}

module.exports = { main };
