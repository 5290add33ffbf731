/**
 * The policy server benchmark's load generator (bench/server.bench.js): its HTTP/1.1 reader
 * frames answers however the bytes arrive, and a run against the real server over TLS counts
 * every measured answer once, with warm-up answers left out.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { loadOrCreateCertificate } from "../../src/server/certificates";
import { buildApp } from "../../src/server/app";
import { loadConfig } from "../../src/server/config";
import { openDatabaseFile } from "../../src/server/db";

type Answer = { status: number; etag?: string; body: Buffer };
type Figures = { count: number; tally: Record<string, number>; failures: number; p50: number; p99: number; rps: number };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the benchmark is plain CommonJS
const bench = require("../../bench/server.bench.js") as {
  responseReader(onResponse: (a: Answer) => void, onError: (e: Error) => void): (chunk: Buffer) => void;
  generate(spec: Record<string, unknown>): Promise<Figures>;
};

const TWO = Buffer.from(
  'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nETag: "v1-a"\r\nContent-Length: 11\r\n\r\n{"a":"xyz"}' + 'HTTP/1.1 304 Not Modified\r\nETag: "v1-a"\r\nCache-Control: no-cache\r\n\r\n',
);

describe("responseReader", () => {
  it.each([
    ["in one chunk", [TWO]],
    ["a byte at a time", Array.from(TWO, (b) => Buffer.from([b]))],
    ["split inside the body and inside the blank line", [TWO.subarray(0, 80), TWO.subarray(80, 83), TWO.subarray(83, 100), TWO.subarray(100)]],
  ])("frames a 200 with a body and a 304 without one, %s", (_how, chunks) => {
    const answers: Answer[] = [];
    const read = bench.responseReader((a) => answers.push(a), (e) => {
      throw e;
    });
    for (const c of chunks) read(c);
    expect(answers.map((a) => [a.status, a.etag, a.body.toString()])).toEqual([
      [200, '"v1-a"', '{"a":"xyz"}'],
      [304, '"v1-a"', ""],
    ]);
  });

  it("refuses chunked answers instead of misreading them", () => {
    const errors: Error[] = [];
    bench.responseReader(() => undefined, (e) => errors.push(e))(Buffer.from("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining("chunked")]);
  });
});

describe("a run against the server over TLS", () => {
  let dir: string;
  let close: () => Promise<void>;
  let port: number;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-bench-test-"));
    const config = loadConfig({ env: {}, overrides: { distDir: path.join(dir, "dist"), dataDir: path.join(dir, "data"), host: "127.0.0.1" } });
    const tls = await loadOrCreateCertificate({ dataDir: config.dataDir, hostNames: ["localhost"], devCertsDir: null });
    const db = openDatabaseFile(":memory:");
    const { app } = await buildApp({ config, db, https: { cert: tls.cert, key: tls.key } });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    port = typeof address === "object" && address ? address.port : 0;
    close = async () => {
      await app.close();
      db.close();
    };
  }, 60000);
  afterAll(async () => {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("counts each measured answer once: all 200 when reading, all 304 when revalidating", async () => {
    const reads = await bench.generate({ port, kind: "read", clients: 4, warm: 2, each: 5, serverPid: process.pid });
    expect([reads.count, reads.tally, reads.failures]).toEqual([20, { 200: 20 }, 0]);
    const revalidations = await bench.generate({ port, kind: "revalidate", clients: 4, warm: 2, each: 5, serverPid: process.pid });
    expect([revalidations.count, revalidations.tally, revalidations.failures]).toEqual([20, { 304: 20 }, 0]);
    expect(revalidations.p99).toBeGreaterThanOrEqual(revalidations.p50);
    expect(revalidations.rps).toBeGreaterThan(0);
  }, 60000);
});
