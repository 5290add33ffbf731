#!/usr/bin/env node
/**
 * Opening the add-in in real Outlook (issue 12 item 1):
 *
 *   npm run start:desktop [-- --port N]           Outlook on Windows or Mac, sideloaded and debugged
 *   npm run stop:desktop                          removes the sideloaded add-in, stops the server
 *   npm run start:web -- --document <mailbox URL> [--port N]   Outlook on the web
 *   npm run certs:install / certs:uninstall       a trusted development certificate for localhost
 *
 * The sideloading is done by Microsoft's office-addin-debugging, run with a pinned
 * `npx --yes office-addin-debugging@7.0.0`. It is NOT a dependency of the project: it pulls in
 * @microsoft/m365agentstoolkit-cli and keytar, a native module that does not build on Linux
 * without libsecret, which would break `npm ci` on Linux and in CI. It only works where Outlook
 * runs (Windows and Mac), so on Linux these commands say so and point to the simulator.
 *
 * The manifest handed over is the built one (dist/manifest.xml) when it was built for the
 * chosen origin (https://localhost:<port>), otherwise a copy for that origin written next to
 * the server's data, the same file the server serves at /manifest.xml.
 * The certificate commands run office-addin-dev-certs (a devDependency); the server uses its
 * files (~/.office-addin-dev-certs/localhost.crt and .key) when present.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { parseArgs } = require("util");

const root = path.join(__dirname, "..");
/** Pinned: the version these commands were written against. */
const DEBUGGING_PACKAGE = "office-addin-debugging@7.0.0";

const USAGE = `Usage:
  npm run start:desktop [-- --port N]                     Outlook on Windows or Mac
  npm run stop:desktop                                    stop and remove the sideloaded add-in
  npm run start:web -- --document <mailbox URL> [--port N]  Outlook on the web
  npm run certs:install | certs:uninstall                 trusted development certificate
`;

/**
 * What to say on a machine without Outlook desktop.
 * @param {number} port
 * @returns {string}
 */
function unavailableMessage(port) {
  return [
    "Outlook desktop is not available on Linux, so the add-in cannot be sideloaded into it here.",
    "Try it in the Outlook simulator instead:",
    `  npm start${port === 3000 ? "" : ` -- --port ${port}`}   then open https://localhost:${port}/simulator.html`,
    "Or sideload it by hand in Outlook on the web (any browser): Get Add-ins > My add-ins > Add a custom add-in >",
    `  Add from file, and choose the manifest file that \`npm start${port === 3000 ? "" : ` -- --port ${port}`}\` prints.`,
    "(start:desktop, stop:desktop and start:web use office-addin-debugging, which runs on Windows and Mac only.)",
  ].join("\n");
}

/**
 * The manifest for an origin: dist/manifest.xml when built for it, else a copy for it.
 * @param {string} origin - e.g. https://localhost:3443
 * @param {{ distDir?: string, dataDir?: string }} [dirs]
 * @returns {string} the file's path
 */
function manifestForOrigin(origin, dirs = {}) {
  const distDir = dirs.distDir || path.join(root, "dist");
  const dataDir = dirs.dataDir || path.join(root, "data");
  const { readBuildInfo, readForOrigin } = require(path.join(root, "lib", "server", "origin-files.js"));
  const built = path.join(distDir, "manifest.xml");
  if (!fs.existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first.`);
  if (readBuildInfo(distDir).origin === origin) return built;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "manifest.xml");
  fs.writeFileSync(file, readForOrigin(distDir, "manifest.xml", origin));
  return file;
}

/**
 * What a command will do, without doing it (tested).
 * @param {string[]} argv - e.g. ["start", "desktop", "--port", "3443"]
 * @param {{ platform?: string, distDir?: string, dataDir?: string }} [context]
 * @returns {{ kind: "unavailable" | "usage", message: string } | { kind: "run", command: string, args: string[], manifest?: string }}
 */
function plan(argv, context = {}) {
  const platform = context.platform || process.platform;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { port: { type: "string" }, document: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: "usage", message: `${error.message}\n${USAGE}` };
  }
  const { values, positionals } = parsed;
  const [action, target] = positionals;
  if (values.help || !action) return { kind: "usage", message: USAGE };
  if (action === "certs") {
    if (target !== "install" && target !== "uninstall") return { kind: "usage", message: USAGE };
    return { kind: "run", command: process.execPath, args: [require.resolve("office-addin-dev-certs/cli.js"), target] };
  }
  const port = values.port === undefined ? 3000 : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { kind: "usage", message: `--port: expected a port number, got ${values.port}\n${USAGE}` };
  const where = action === "stop" ? "desktop" : target;
  if ((action !== "start" && action !== "stop") || (where !== "desktop" && where !== "web")) return { kind: "usage", message: USAGE };
  if (where === "web" && action === "start" && !values.document) return { kind: "usage", message: `start:web needs --document <the URL of your mailbox in Outlook on the web>, e.g. https://outlook.office.com/mail/\n${USAGE}` };
  if (platform !== "win32" && platform !== "darwin") return { kind: "unavailable", message: unavailableMessage(port) };
  const origin = `https://localhost:${port}`;
  const manifest = manifestForOrigin(origin, context);
  const npx = platform === "win32" ? "npx.cmd" : "npx";
  if (action === "stop") return { kind: "run", command: npx, args: ["--yes", DEBUGGING_PACKAGE, "stop", manifest], manifest };
  const server = `node scripts/start.js --port ${port} --no-build`;
  const args = ["--yes", DEBUGGING_PACKAGE, "start", manifest, where, "--app", "outlook", "--dev-server", server, "--dev-server-port", String(port)];
  if (where === "web") args.push("--document", values.document);
  return { kind: "run", command: npx, args, manifest };
}

function main() {
  const argv = process.argv.slice(2);
  // Where Outlook runs, build first when the sources are newer (as `npm start` does).
  if (argv[0] === "start" && (process.platform === "win32" || process.platform === "darwin") && !argv.includes("--help")) {
    const built = spawnSync(process.execPath, [path.join(__dirname, "start.js"), "--build-only"], { cwd: root, stdio: "inherit" });
    if (built.status !== 0) {
      process.exitCode = 1;
      return;
    }
  }
  let step;
  try {
    step = plan(argv);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  if (step.kind !== "run") {
    (step.kind === "usage" ? process.stderr : process.stdout).write(`${step.message}\n`);
    process.exitCode = step.kind === "usage" ? 2 : 1;
    return;
  }
  if (step.manifest) process.stdout.write(`Manifest: ${step.manifest}\n`);
  const result = spawnSync(step.command, step.args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  process.exitCode = result.status === null ? 1 : result.status;
}

if (require.main === module) main();

module.exports = { DEBUGGING_PACKAGE, manifestForOrigin, plan, unavailableMessage };
