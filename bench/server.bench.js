/**
 * Policy server load (issue 5 §7, issue 11 item 15): starts the real server as a child process
 * over HTTPS on loopback, then runs the load generator in a second child process (so neither
 * shares an event loop with the other or with this script) and measures:
 * - 200 concurrent keep-alive add-ins reading GET /api/policy/published with nothing cached (200s);
 * - the same 200 revalidating the copy they hold with If-None-Match (304s, as a browser's HTTP
 *   cache does) — the target of issue 11 item 15: p99 ≤ 50 ms;
 * - 50 concurrent senders of POST /api/events (batches of 5 events, with the install token);
 * - the 200 revalidating readers again while 10 add-ins post events (the policy's answers are
 *   not held up by event batches).
 * The load generator keeps one raw TLS socket per client and sends the next request as soon as
 * the answer is complete (a closed loop with no think time, like autocannon), so by Little's law
 * the latency it sees is about clients ÷ throughput: the figure measures the server's capacity.
 * Reports p50/p95/p99, throughput, errors, and the server's and the load generator's CPU per
 * request (less disturbed by other work on a shared machine than latency is), with the load
 * average at the start.
 */
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const tls = require("tls");

const root = path.join(__dirname, "..");
const READERS = 200;
const READS_EACH = 40;
const SENDERS = 50;
const POSTS_EACH = 15;
const MIXED_SENDERS = 10;
const PUBLISHED = "/api/policy/published";

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

// ---- the load generator (runs in its own process: `node server.bench.js --load '<json>'`) ----

function requestBytes(port, method, url, headers, body) {
  const lines = [`${method} ${url} HTTP/1.1`, `Host: 127.0.0.1:${port}`, "Connection: keep-alive"];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  if (body) lines.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`), body || Buffer.alloc(0)]);
}

/**
 * Reads HTTP/1.1 answers (Content-Length framed) off one socket.
 * @returns a function to call with each chunk; calls onResponse({ status, etag, body }) per answer
 */
function responseReader(onResponse, onError) {
  let buf = Buffer.alloc(0);
  let head;
  return (chunk) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (;;) {
      if (!head) {
        const end = buf.indexOf("\r\n\r\n");
        if (end < 0) return;
        const lines = buf.subarray(0, end).toString("latin1").split("\r\n");
        const status = Number(lines[0].split(" ")[1]);
        let length = 0;
        let etag;
        for (let i = 1; i < lines.length; i++) {
          const c = lines[i].indexOf(":");
          const name = lines[i].slice(0, c).toLowerCase();
          const value = lines[i].slice(c + 1).trim();
          if (name === "content-length") length = Number(value);
          else if (name === "etag") etag = value;
          else if (name === "transfer-encoding") return onError(new Error("chunked answers are not supported by this load generator"));
        }
        head = { status, etag, length: status === 304 || status === 204 ? 0 : length };
        buf = buf.subarray(end + 4);
      }
      if (buf.length < head.length) return;
      const body = buf.subarray(0, head.length);
      buf = buf.subarray(head.length);
      const done = head;
      head = undefined;
      onResponse({ status: done.status, etag: done.etag, body });
    }
  };
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

/**
 * One client on its own keep-alive TLS connection: `warm` unmeasured requests, then it calls
 * `ready()` and waits for `go` before its `each` measured requests, on the same connection.
 * kind "read": GET the published policy; "revalidate": the same with If-None-Match of the last ETag;
 * "events": POST a batch of 5 events with the install token.
 */
function client(spec, w, record, ready, go) {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: "127.0.0.1", port: spec.port, rejectUnauthorized: false });
    socket.setNoDelay(true);
    let etag;
    let n = 0;
    let t0 = 0;
    const total = spec.warm + spec.each;
    const send = () => {
      let bytes;
      if (spec.kind === "events") {
        const body = Buffer.from(JSON.stringify({ events: Array.from({ length: 5 }, () => event(w, n)) }));
        bytes = requestBytes(spec.port, "POST", "/api/events", { "Content-Type": "application/json", "X-EG-Install-Token": spec.token }, body);
      } else {
        bytes = requestBytes(spec.port, "GET", PUBLISHED, spec.kind === "revalidate" && etag ? { "If-None-Match": etag } : {});
      }
      t0 = performance.now();
      socket.write(bytes);
    };
    socket.on(
      "data",
      responseReader(
        (res) => {
          const ms = performance.now() - t0;
          if (n >= spec.warm) record(ms, res.status);
          if (res.etag) etag = res.etag;
          n++;
          if (n === spec.warm) {
            ready();
            go.then(send);
          } else if (n < total) send();
          else {
            socket.end();
            resolve();
          }
        },
        (error) => {
          socket.destroy();
          reject(error);
        },
      ),
    );
    socket.once("secureConnect", send);
    socket.on("error", reject);
    socket.on("close", () => (n < total ? reject(new Error(`connection closed after ${n} of ${total} answers`)) : undefined));
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs one load in this process and returns its figures. */
async function generate(spec) {
  if (!(spec.warm >= 1)) throw new Error("warm: at least one request per client, to open the connection before measuring");
  const times = [];
  const tally = {};
  // Every client connects (TLS handshake) and warms up first; then all start measuring together.
  let warmed = 0;
  let start;
  const go = new Promise((resolve) => (start = resolve));
  let cpu0;
  let t0 = 0;
  const ready = () => {
    if (++warmed === spec.clients) {
      cpu0 = process.cpuUsage();
      t0 = performance.now();
      start();
    }
  };
  const record = (ms, status) => {
    times.push(ms);
    tally[status] = (tally[status] || 0) + 1;
  };
  let failures = 0;
  const one = (w) => {
    let counted = false;
    const readyOnce = () => {
      if (counted) return;
      counted = true;
      ready();
    };
    // A client that fails before it is warm must not hold the others back.
    return client(spec, w, record, readyOnce, go).catch(() => (failures++, readyOnce()));
  };
  let server0;
  go.then(() => (server0 = serverCpuMs(spec.serverPid)));
  await Promise.all(Array.from({ length: spec.clients }, (_, w) => one(w)));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const server1 = serverCpuMs(spec.serverPid);
  times.sort((a, b) => a - b);
  return {
    count: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times[times.length - 1],
    rps: times.length / seconds,
    tally,
    failures,
    clientCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, times.length),
    serverCpuMsPerRequest: server0 === undefined || server1 === undefined ? NaN : (server1 - server0) / Math.max(1, times.length),
  };
}

/** Runs one load in a child process. */
function generateInChild(spec) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, "--load", JSON.stringify(spec)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited (${code}): ${err}`))));
  });
}

/**
 * The CPU time the server process has used, ms (Linux /proc; undefined elsewhere).
 */
function serverCpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

function measured(pid, spec) {
  return generateInChild({ ...spec, serverPid: pid });
}

function okCount(r, statuses) {
  return statuses.reduce((s, k) => s + (r.tally[k] || 0), 0);
}

function rows(label, r, okStatuses, p99Target) {
  const errors = r.count - okCount(r, okStatuses) + r.failures;
  return [
    { metric: `${label}: p50`, value: r.p50, unit: "ms" },
    { metric: `${label}: p95`, value: r.p95, unit: "ms" },
    { metric: `${label}: p99`, value: r.p99, unit: "ms", target: p99Target.text, pass: p99Target.pass(r.p99) },
    { metric: `${label}: throughput`, value: r.rps, unit: "req/s" },
    { metric: `${label}: server CPU per request`, value: r.serverCpuMsPerRequest, unit: "ms" },
    { metric: `${label}: load generator CPU per request`, value: r.clientCpuMsPerRequest, unit: "ms" },
    { metric: `${label}: answers other than ${okStatuses.join("/")} of ${r.count}`, value: errors, unit: "", target: "0", pass: errors === 0 },
  ];
}

async function run() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "eg-bench-"));
  fs.mkdirSync(path.join(tmp, "dist"));
  const load = os.loadavg()[0];
  const { child, port } = await start(serverEntry(tmp), tmp);
  try {
    const reads = await measured(child.pid, { port, kind: "read", clients: READERS, warm: 2, each: READS_EACH });
    const cached = await measured(child.pid, { port, kind: "revalidate", clients: READERS, warm: 2, each: READS_EACH });
    const token = await new Promise((resolve, reject) => {
      const socket = tls.connect({ host: "127.0.0.1", port, rejectUnauthorized: false }, () => socket.write(requestBytes(port, "GET", PUBLISHED, {})));
      socket.on("data", responseReader((res) => (socket.end(), resolve(JSON.parse(res.body.toString()).install.token)), reject));
      socket.on("error", reject);
    });
    const posts = await measured(child.pid, { port, kind: "events", token, clients: SENDERS, warm: 1, each: POSTS_EACH });
    // Add-ins also send their events: the policy's answers while a few of them post batches.
    const [mixedReads, mixedPosts] = await Promise.all([
      measured(child.pid, { port, kind: "revalidate", clients: READERS, warm: 2, each: READS_EACH }),
      measured(child.pid, { port, kind: "events", token, clients: MIXED_SENDERS, warm: 1, each: POSTS_EACH }),
    ]);
    const mixed = `GET ${PUBLISHED} (304), ${READERS} keep-alive clients while ${MIXED_SENDERS} post events`;
    return {
      section: "Policy server",
      rows: [
        { metric: "load average (1 min) on this machine at the start", value: load, unit: "" },
        ...rows(`GET ${PUBLISHED}, ${READERS} keep-alive clients, full answer`, reads, [200], { text: "< 500", pass: (v) => v < 500 }),
        ...rows(`GET ${PUBLISHED}, ${READERS} keep-alive clients, If-None-Match → 304`, cached, [304], { text: "≤ 50", pass: (v) => v <= 50 }),
        // What the code's own cost implies, apart from other work on the machine: the wait behind
        // the other 199 requests in flight if the server had one core to itself (an estimate).
        { metric: `GET ${PUBLISHED} 304: ${READERS} × server CPU per request (wait with one free core, estimate)`, value: READERS * cached.serverCpuMsPerRequest, unit: "ms" },
        ...rows(`POST /api/events (5 events), ${SENDERS} keep-alive clients`, posts, [202], { text: "< 500", pass: (v) => v < 500 }),
        { metric: `${mixed}: p50`, value: mixedReads.p50, unit: "ms" },
        { metric: `${mixed}: p99`, value: mixedReads.p99, unit: "ms" },
        { metric: `${mixed}: throughput`, value: mixedReads.rps, unit: "req/s" },
        { metric: `${mixed}: POST /api/events p99`, value: mixedPosts.p99, unit: "ms" },
        { metric: `${mixed}: answers other than 304/202`, value: mixedReads.count - okCount(mixedReads, [304]) + mixedReads.failures + mixedPosts.count - okCount(mixedPosts, [202]) + mixedPosts.failures, unit: "", target: "0", pass: mixedReads.count === okCount(mixedReads, [304]) && mixedPosts.count === okCount(mixedPosts, [202]) && mixedReads.failures + mixedPosts.failures === 0 },
      ],
    };
  } finally {
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { run, generate, responseReader, requestBytes };

if (require.main === module) {
  const i = process.argv.indexOf("--load");
  if (i >= 0) {
    generate(JSON.parse(process.argv[i + 1])).then(
      (r) => process.stdout.write(JSON.stringify(r)),
      (error) => {
        process.stderr.write(`${error.stack || error}\n`);
        process.exitCode = 1;
      },
    );
  } else {
    run().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
  }
}
