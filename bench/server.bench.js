/**
 * Policy server load (issue 5 §7, issue 11 item 15): starts the real server as a child process
 * over HTTPS on loopback, then measures 200 concurrent keep-alive readers of
 * GET /api/policy/published — first as add-ins with nothing cached (200s), then as add-ins
 * revalidating their copy with If-None-Match (304s, as a browser's HTTP cache does) — and 50
 * concurrent senders of POST /api/events (batches of 5 events, with the install token).
 * Reports p50/p99 latency, throughput, the share of 304 answers and errors. The load generator
 * is Node's own https client with a keep-alive agent.
 */
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const https = require("https");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..");
const READERS = 200;
const READS_EACH = 15;
const SENDERS = 50;
const POSTS_EACH = 15;

/** The newest modification time under a folder, ms. */
function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** The server entry: the compiled one when it is newer than the sources, else an esbuild bundle of the sources. */
function serverEntry(tmp) {
  const compiled = path.join(root, "lib", "server", "main.js");
  const src = path.join(root, "src");
  if (fs.existsSync(compiled) && fs.statSync(compiled).mtimeMs >= Math.max(newest(path.join(src, "server")), newest(path.join(src, "core")))) return compiled;
  const outfile = path.join(tmp, "server.js");
  require("esbuild").buildSync({ entryPoints: [path.join(root, "src", "server", "main.ts")], bundle: true, platform: "node", target: "node20", outfile, packages: "external", logLevel: "error" });
  return outfile;
}

function start(entry, tmp) {
  const config = path.join(tmp, "config.json");
  fs.writeFileSync(config, JSON.stringify({ limits: { eventsPerIpPerMinute: 1000000, loginPerIpPerMinute: 1000, eventsPerInstallPerDay: 1000000 } }));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, "--config", config, "--port", "0", "--host", "127.0.0.1", "--data", path.join(tmp, "data"), "--dist", path.join(tmp, "dist")], {
      env: { ...process.env, NODE_PATH: path.join(root, "node_modules"), NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30000);
    child.stdout.on("data", (c) => {
      out += c;
      const m = /listening on https:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.stderr.on("data", (c) => (err += c));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${err}`));
    });
  });
}

function call(agent, port, method, url, body, extraHeaders = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const data = body ? Buffer.from(JSON.stringify(body)) : undefined;
    const headers = { ...(data ? { "content-type": "application/json", "content-length": data.length } : {}), ...extraHeaders };
    const req = https.request(
      { host: "127.0.0.1", port, method, path: url, agent, rejectUnauthorized: false, headers },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode, etag: res.headers.etag, body: Buffer.concat(chunks).toString() }));
        res.on("error", () => resolve({ ms: performance.now() - t0, status: 0 }));
      },
    );
    req.on("error", () => resolve({ ms: performance.now() - t0, status: 0 }));
    if (data) req.write(data);
    req.end();
  });
}

/**
 * The CPU time the server process has used, ms (Linux /proc; undefined elsewhere). Less
 * disturbed by other work on a shared machine than latency is.
 */
function serverCpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function load(workers, each, makeCall, okStatus) {
  const times = [];
  let errors = 0;
  let notModified = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; i < each; i++) {
        const r = await makeCall(w, i);
        times.push(r.ms);
        if (r.status === 304) notModified++;
        if (!(Array.isArray(okStatus) ? okStatus : [okStatus]).includes(r.status)) errors++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), rps: times.length / seconds, errors, count: times.length, notModifiedShare: notModified / Math.max(1, times.length) };
}

function event(w, i) {
  return {
    ruleIds: ["no-heated-tone", "audience-size"],
    monitorRuleIds: ["audience-size"],
    verdict: "warn",
    action: i % 3 === 0 ? "sent-anyway" : "fixed",
    client: "bench",
    at: new Date().toISOString(),
    sender: `bench${String(w).padStart(6, "0")}`,
  };
}

async function run() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "eg-bench-"));
  fs.mkdirSync(path.join(tmp, "dist"));
  const { child, port } = await start(serverEntry(tmp), tmp);
  const agent = new https.Agent({ keepAlive: true, maxSockets: READERS });
  try {
    // Warm up: open the connections (TLS handshakes) and JIT the routes.
    await load(READERS, 1, () => call(agent, port, "GET", "/api/policy/published"), 200);
    const reads = await load(READERS, READS_EACH, () => call(agent, port, "GET", "/api/policy/published"), 200);
    // Add-ins revalidating: each keeps the ETag it last got and sends If-None-Match.
    const etags = new Array(READERS).fill(undefined);
    const revalidate = (w) =>
      call(agent, port, "GET", "/api/policy/published", undefined, etags[w] ? { "if-none-match": etags[w] } : {}).then((r) => {
        if (r.etag) etags[w] = r.etag;
        return r;
      });
    const cpuBefore = serverCpuMs(child.pid);
    const cached = await load(READERS, READS_EACH, revalidate, [200, 304]);
    const cpuAfter = serverCpuMs(child.pid);
    const cpuPerRead = cpuBefore === undefined || cpuAfter === undefined ? NaN : (cpuAfter - cpuBefore) / cached.count;
    const published = await call(agent, port, "GET", "/api/policy/published");
    const token = JSON.parse(published.body).install.token;
    const batch = (w, i) => ({ events: Array.from({ length: 5 }, () => event(w, i)) });
    const post = (w, i) => call(agent, port, "POST", "/api/events", batch(w, i), { "x-eg-install-token": token });
    await load(SENDERS, 1, post, 202);
    const posts = await load(SENDERS, POSTS_EACH, post, 202);
    return {
      section: "Policy server",
      rows: [
        { metric: `GET /api/policy/published, ${READERS} concurrent: p50`, value: reads.p50, unit: "ms" },
        { metric: `GET /api/policy/published, ${READERS} concurrent: p99`, value: reads.p99, unit: "ms", target: "< 500", pass: reads.p99 < 500 },
        { metric: "GET /api/policy/published: throughput", value: reads.rps, unit: "req/s" },
        { metric: `GET /api/policy/published: errors of ${reads.count}`, value: reads.errors, unit: "", target: "0", pass: reads.errors === 0 },
        { metric: `GET /api/policy/published with If-None-Match, ${READERS} concurrent keep-alive: p50`, value: cached.p50, unit: "ms" },
        { metric: `GET /api/policy/published with If-None-Match, ${READERS} concurrent keep-alive: p99`, value: cached.p99, unit: "ms", target: "≤ 50", pass: cached.p99 <= 50 },
        { metric: "GET /api/policy/published with If-None-Match: throughput", value: cached.rps, unit: "req/s" },
        { metric: "GET /api/policy/published with If-None-Match: 304 share", value: cached.notModifiedShare * 100, unit: "%" },
        { metric: "GET /api/policy/published with If-None-Match: server CPU per read", value: cpuPerRead, unit: "ms" },
        { metric: `GET /api/policy/published with If-None-Match: errors of ${cached.count}`, value: cached.errors, unit: "", target: "0", pass: cached.errors === 0 },
        { metric: `POST /api/events (5 events), ${SENDERS} concurrent: p50`, value: posts.p50, unit: "ms" },
        { metric: `POST /api/events (5 events), ${SENDERS} concurrent: p99`, value: posts.p99, unit: "ms", target: "< 500", pass: posts.p99 < 500 },
        { metric: "POST /api/events: throughput", value: posts.rps, unit: "req/s" },
        { metric: `POST /api/events: errors of ${posts.count}`, value: posts.errors, unit: "", target: "0", pass: posts.errors === 0 },
      ],
    };
  } finally {
    agent.destroy();
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { run };

if (require.main === module) {
  run().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
