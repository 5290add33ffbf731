#!/usr/bin/env node
/**
 * `npm run test:e2e`: builds the add-in if needed, serves dist/, and runs every scenario in
 * test/e2e/scenarios.js in headless Chromium against the Outlook simulator. Screenshots go to
 * artifacts/e2e/. Exits 1 when any scenario fails.
 *
 * Options: `--only <text>` runs the scenarios whose name contains the text; `--build` forces
 * a build. Environment: CHROMIUM_PATH (default /usr/bin/chromium), EG_E2E_STATIC=1 to use the
 * static server even when lib/server is built, EG_E2E_DIST=DIR to build and serve DIR instead
 * of dist/.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { ensureBuild, serve, launchBrowser, Simulator, root } = require("./harness");
const { scenarios } = require("./scenarios");

const SCENARIO_TIMEOUT_MS = 60_000;

function log(line) {
  process.stdout.write(`${line}\n`);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

async function main() {
  const argv = process.argv.slice(2);
  const onlyIndex = argv.indexOf("--only");
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  const artifacts = path.join(root, "artifacts", "e2e");
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });

  // EG_E2E_DIST builds and serves another folder than dist/ (so a run does not rebuild the
  // dist/ that someone else is serving).
  const distDir = process.env.EG_E2E_DIST ? path.resolve(process.env.EG_E2E_DIST) : path.join(root, "dist");
  ensureBuild(distDir, { force: argv.includes("--build"), log });
  const server = await serve(distDir, log);
  log(`Serving ${path.relative(root, distDir)}/ with the ${server.kind} at ${server.url}`);
  const browser = await launchBrowser();
  const results = [];
  try {
    for (const [name, run] of Object.entries(scenarios)) {
      if (only && !name.includes(only)) continue;
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      const slug = name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
      const sim = new Simulator(page, server.url, artifacts, slug);
      const started = Date.now();
      try {
        await withTimeout(
          (async () => {
            await sim.open();
            await run(sim);
          })(),
          SCENARIO_TIMEOUT_MS,
          name,
        );
        if (sim.errors.length > 0) throw new Error(`page errors: ${sim.errors.join("; ")}`);
        results.push({ name, ok: true, ms: Date.now() - started });
        log(`  ✓ ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        await sim.screenshot("failure").catch(() => undefined);
        results.push({ name, ok: false, ms: Date.now() - started, error: String(error && error.message ? error.message : error) });
        log(`  ✗ ${name}: ${error && error.message ? error.message.split("\n").slice(0, 6).join("\n      ") : error}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  fs.writeFileSync(path.join(artifacts, "results.json"), JSON.stringify(results, null, 2));
  const failed = results.filter((r) => !r.ok).length;
  log(`\n${results.length - failed} passed, ${failed} failed. Screenshots: ${path.relative(root, artifacts)}/`);
  if (results.length === 0) {
    log("No scenario matched.");
    process.exitCode = 1;
  }
  if (failed > 0) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exitCode = 1;
});
