#!/usr/bin/env node
/**
 * `npm start`: builds the add-in and the server when `dist/` or `lib/` is missing or older
 * than the sources, then starts the policy server (data in ./data unless configured) and
 * prints the add-in, admin, simulator and manifest addresses. Options are passed to the server
 * (`npm start -- --port 3443 --data /srv/eg`); `--no-build` skips the build check;
 * `--build-only` builds when needed and starts nothing.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const SOURCES = ["src", "webpack", "webpack.config.js", "tsconfig.json", "tsconfig.build.json", "package.json", "assets", "manifest.xml"];

/** Newest modification time under `target` (files only; tests and folders like node_modules skipped). */
function newest(target, skipTests) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (stat.isFile()) return skipTests && /\.test\.tsx?$/.test(target) ? 0 : stat.mtimeMs;
  if (!stat.isDirectory() || path.basename(target) === "node_modules") return 0;
  let max = 0;
  for (const entry of fs.readdirSync(target)) max = Math.max(max, newest(path.join(target, entry), skipTests));
  return max;
}

/**
 * Whether a build is needed, and why.
 * @returns {string | null} the reason, or null when up to date
 */
function buildReason() {
  const dist = path.join(root, "dist");
  const lib = path.join(root, "lib");
  if (!fs.existsSync(path.join(lib, "server", "main.js"))) return "lib/ is missing";
  if (!fs.existsSync(dist)) return "dist/ is missing";
  const sources = Math.max(...SOURCES.map((s) => newest(path.join(root, s), true)));
  const built = Math.min(newest(dist, false), newest(lib, false));
  return sources > built ? "the sources are newer than the build" : null;
}

function main() {
  const args = process.argv.slice(2);
  // `--help` needs no build: the server prints its options and stops.
  const noBuild = args.includes("--no-build") || args.includes("--help") || args.includes("-h");
  // `npm start` is how a newcomer tries the add-in, so it serves the Outlook simulator too
  // (issue 4), unless told `--production` or configured otherwise (EG_DEVELOPMENT=false or the
  // configuration file). The production manifest never points at the simulator either way.
  const configured = args.includes("--production") || args.includes("--dev") || process.env.EG_DEVELOPMENT !== undefined;
  const serverArgs = [...(configured ? [] : ["--dev"]), ...args.filter((a) => a !== "--no-build")];
  const reason = noBuild ? null : buildReason();
  if (reason) {
    process.stdout.write(`Building (${reason}): npm run build\n`);
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const result = spawnSync(npm, ["run", "build"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
    if (result.status !== 0) {
      process.stderr.write("The build failed; fix the errors above (or start the last build with `npm start -- --no-build`).\n");
      process.exitCode = 1;
      return;
    }
  }
  // `--build-only` (npm run start:desktop / start:web): build when needed, start nothing.
  if (args.includes("--build-only")) return;
  const entry = path.join(root, "lib", "server", "main.js");
  if (!fs.existsSync(entry)) {
    process.stderr.write("lib/server/main.js is missing: run `npm run build:cli`.\n");
    process.exitCode = 1;
    return;
  }
  const { main: startServer } = require(entry);
  startServer(serverArgs).then(
    (started) => {
      if (!started && process.exitCode === undefined) process.exitCode = 2;
    },
    (error) => {
      process.stderr.write(`etiquette-guard server: ${error && error.message ? error.message : error}\n`);
      process.exitCode = 1;
    },
  );
}

main();
