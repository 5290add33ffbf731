/**
 * Configuration precedence and errors, the example file, the generated certificate, the
 * policy diff and ISO weeks.
 */
import { X509Certificate, createPrivateKey } from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import net from "net";
import { loadOrCreateCertificate, officeDevCertsDir, trustInstructions } from "../../src/server/certificates";
import { ConfigError, loadConfig } from "../../src/server/config";
import { diffPolicies } from "../../src/core/policy/diff";
import { isoWeek } from "../../src/server/events";
import { openDatabase, SCHEMA_VERSION } from "../../src/server/db";
import { main, parseServerArgs } from "../../src/server/main";
import { readBuildInfo, readForOrigin } from "../../src/server/origin-files";
import { writeManifestForOrigin } from "../../src/server/server";
import { makeApp } from "./helpers";

const example = path.join(__dirname, "..", "..", "config", "etiquette-guard.example.json");

describe("loadConfig", () => {
  it("has documented defaults", () => {
    const c = loadConfig({ env: {}, cwd: "/srv/eg" });
    expect(c).toMatchObject({ port: 3000, host: "localhost", dataDir: "/srv/eg/data", distDir: "/srv/eg/dist", publicOrigin: "https://localhost:3000", http: false, development: false, sessionHours: 8 });
    expect(c.tlsCert).toBeUndefined();
    expect(c.limits.eventsBodyBytes).toBe(65536);
  });

  it("reads the example file, resolving paths against its folder", () => {
    const c = loadConfig({ env: {}, file: example });
    expect(c.publicOrigin).toBe("https://addin.norcotearlyyearscentre.co.uk");
    expect(c.dataDir).toBe(path.resolve(path.dirname(example), "../data"));
    expect(c.tlsKey).toBe("/etc/etiquette-guard/tls/privkey.pem");
    expect(c.host).toBe("0.0.0.0");
  });

  it("lets the environment override the file and options override both", () => {
    const env = { EG_PORT: "8443", EG_PUBLIC_ORIGIN: "https://eg.example.org/", EG_DATA_DIR: "/var/lib/eg", EG_ADDIN_ORIGINS: "https://a.example.org, https://b.example.org", NODE_ENV: "development" };
    const c = loadConfig({ env, file: example, overrides: { port: 9443 } });
    expect(c.port).toBe(9443);
    expect(c.publicOrigin).toBe("https://eg.example.org");
    expect(c.dataDir).toBe("/var/lib/eg");
    expect(c.addinOrigins).toEqual(["https://a.example.org", "https://b.example.org"]);
    expect(c.development).toBe(false); // the file says false
    expect(loadConfig({ env: { NODE_ENV: "development" } }).development).toBe(true);
  });

  it.each([
    [{ EG_PORT: "70000" }, "EG_PORT"],
    [{ EG_PUBLIC_ORIGIN: "https://x.example.org/path" }, "publicOrigin"],
    [{ EG_PUBLIC_ORIGIN: "ftp://x.example.org" }, "publicOrigin"],
    [{ EG_TLS_CERT: "/tmp/c.pem" }, "tlsCert and tlsKey"],
    [{ EG_HTTP: "perhaps" }, "EG_HTTP"],
  ])("names the setting at fault: %j", (env, name) => {
    expect(() => loadConfig({ env })).toThrow(ConfigError);
    expect(() => loadConfig({ env })).toThrow(name);
  });

  it("refuses unknown settings in the file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-cfg-"));
    const file = path.join(dir, "c.json");
    fs.writeFileSync(file, JSON.stringify({ prot: 3000 }));
    expect(() => loadConfig({ env: {}, file })).toThrow('unknown setting "prot"');
    fs.writeFileSync(file, JSON.stringify({ limits: { bodyBytes: -1 } }));
    expect(() => loadConfig({ env: {}, file })).toThrow("limits.bodyBytes");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("parses server options", () => {
    expect(parseServerArgs(["--port", "0", "--data", "d", "--dev", "--http"])).toEqual({ overrides: { port: 0, dataDir: "d", development: true, http: true } });
    expect(() => parseServerArgs(["--bogus"])).toThrow("unknown option --bogus");
    expect(() => parseServerArgs(["--port"])).toThrow("--port needs a value");
    expect(() => parseServerArgs(["--port", "3x"])).toThrow("--port: expected a port number, got 3x");
    expect(parseServerArgs(["--port=3443", "--public-origin", "https://eg.example.org"])).toEqual({ overrides: { port: 3443, publicOrigin: "https://eg.example.org" } });
    expect(parseServerArgs(["--help"])).toEqual({ overrides: {}, help: true });
  });
});

describe("npm start -- --port (issue 11 item 18)", () => {
  const MANIFEST = '<OfficeApp><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/><bt:Url DefaultValue="https://localhost:3000/launchevent.js"/></OfficeApp>';

  it("follows the chosen port in the default public origin", () => {
    expect(loadConfig({ env: {}, overrides: { port: 3443 } }).publicOrigin).toBe("https://localhost:3443");
  });

  it("serves the manifest and launchevent.js with the build's origin replaced by the public origin", async () => {
    const t = await makeApp({ overrides: { port: 3443, publicOrigin: "https://localhost:3443" } });
    try {
      fs.writeFileSync(path.join(t.dist, "manifest.xml"), MANIFEST);
      fs.writeFileSync(path.join(t.dist, "launchevent.js"), 'var o="https://localhost:3000/";');
      const manifest = await t.app.inject({ method: "GET", url: "/manifest.xml" });
      expect(manifest.statusCode).toBe(200);
      expect(manifest.body).toContain('DefaultValue="https://localhost:3443/taskpane.html"');
      expect(manifest.body).not.toContain("localhost:3000");
      const script = await t.app.inject({ method: "GET", url: "/launchevent.js" });
      expect(script.body).toBe('var o="https://localhost:3443/";');
      expect((await t.app.inject({ method: "GET", url: "/manifest.json" })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });

  it("serves the app package with its manifest.json for the public origin", async () => {
    const t = await makeApp({ overrides: { publicOrigin: "https://eg.example.net" } });
    try {
      const json = JSON.stringify({ validDomains: ["addin.example.org"], developer: { websiteUrl: "https://addin.example.org/policy.html" } });
      fs.writeFileSync(path.join(t.dist, "build-info.json"), JSON.stringify({ origin: "https://addin.example.org" }));
      fs.writeFileSync(path.join(t.dist, "etiquette-guard-app.zip"), zipSync({ "manifest.json": strToU8(json), "icon-32.png": new Uint8Array([1, 2, 3]) }));
      const res = await t.app.inject({ method: "GET", url: "/etiquette-guard-app.zip" });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/zip");
      const files = unzipSync(new Uint8Array(res.rawPayload));
      expect(JSON.parse(strFromU8(files["manifest.json"] as Uint8Array))).toEqual({ validDomains: ["eg.example.net"], developer: { websiteUrl: "https://eg.example.net/policy.html" } });
      expect(Array.from(files["icon-32.png"] as Uint8Array)).toEqual([1, 2, 3]);
    } finally {
      await t.close();
    }
  });

  it("reads the build's origin from dist/build-info.json", () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "eg-dist-"));
    try {
      fs.writeFileSync(path.join(dist, "build-info.json"), JSON.stringify({ origin: "https://addin.example.org/", version: "1.0.0.7" }));
      fs.writeFileSync(path.join(dist, "manifest.xml"), '<x a="https://addin.example.org/taskpane.html" b="https://localhost:3000/other"/>');
      expect(readBuildInfo(dist)).toEqual({ origin: "https://addin.example.org", version: "1.0.0.7" });
      expect(readForOrigin(dist, "manifest.xml", "https://eg.example.net")).toBe('<x a="https://eg.example.net/taskpane.html" b="https://localhost:3000/other"/>');
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  it("writes a manifest for the public origin to sideload, leaving dist/ as built", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-side-"));
    try {
      const dist = path.join(dir, "dist");
      fs.mkdirSync(dist);
      fs.writeFileSync(path.join(dist, "manifest.xml"), MANIFEST);
      const config = loadConfig({ env: {}, overrides: { port: 3443, distDir: dist, dataDir: path.join(dir, "data") } });
      const file = writeManifestForOrigin(config);
      expect(file).toBe(path.join(dir, "data", "manifest.xml"));
      expect(fs.readFileSync(file, "utf8")).toContain("https://localhost:3443/taskpane.html");
      expect(fs.readFileSync(path.join(dist, "manifest.xml"), "utf8")).toBe(MANIFEST);
      expect(writeManifestForOrigin(loadConfig({ env: {}, overrides: { distDir: dist, dataDir: path.join(dir, "data") } }))).toBe(path.join(dist, "manifest.xml"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says in one line, naming --port, that the port is in use", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-port-"));
    const out: string[] = [];
    const err: string[] = [];
    try {
      const started = await main(["--port", String(port), "--host", "127.0.0.1", "--http", "--data", dir, "--dist", dir], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
      expect(started).toBeUndefined();
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(new RegExp(`^etiquette-guard server: Port ${port} is already in use.*--port.*\\n$`));
      expect(err[0]?.trim().split("\n")).toHaveLength(1);
    } finally {
      blocker.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to start on a database from a newer version, saying so", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-newer-"));
    try {
      const db = openDatabase(dir);
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
      const err: string[] = [];
      const started = await main(["--port", "0", "--host", "127.0.0.1", "--http", "--data", dir, "--dist", dir], { stdout: () => undefined, stderr: (t) => err.push(t) });
      expect(started).toBeUndefined();
      expect(err.join("")).toContain(`written by a newer version of Etiquette Guard (database schema ${SCHEMA_VERSION + 1}; this version knows up to ${SCHEMA_VERSION})`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prints its options for --help and starts nothing", async () => {
    const out: string[] = [];
    const previous = process.exitCode;
    expect(await main(["--help"], { stdout: (t) => out.push(t), stderr: () => undefined })).toBeUndefined();
    expect(out.join("")).toContain("--port N");
    expect(out.join("")).toContain("--data DIR");
    process.exitCode = previous;
  });
});

describe("office-addin-dev-certs (npm run certs:install)", () => {
  it("uses ~/.office-addin-dev-certs/localhost.crt and .key when present, instead of a self-signed one", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-devcert-"));
    try {
      // Any valid certificate stands in for the one office-addin-dev-certs installs.
      const made = await loadOrCreateCertificate({ dataDir: path.join(dir, "made"), devCertsDir: null });
      const devDir = path.join(dir, ".office-addin-dev-certs");
      fs.mkdirSync(devDir);
      fs.writeFileSync(path.join(devDir, "localhost.crt"), made.cert);
      fs.writeFileSync(path.join(devDir, "localhost.key"), made.key);
      const tls = await loadOrCreateCertificate({ dataDir: path.join(dir, "data"), devCertsDir: devDir, hostNames: ["localhost"] });
      expect(tls).toMatchObject({ source: "office-dev-certs", certPath: path.join(devDir, "localhost.crt"), cert: made.cert, key: made.key });
      expect(fs.existsSync(path.join(dir, "data"))).toBe(false);
      // A public host name is not covered by the development certificate.
      const other = await loadOrCreateCertificate({ dataDir: path.join(dir, "data"), devCertsDir: devDir, hostNames: ["addin.example.org"] });
      expect(other.source).toBe("generated");
      // Configured files still win.
      const configured = await loadOrCreateCertificate({ dataDir: dir, devCertsDir: devDir, tlsCert: made.certPath, tlsKey: path.join(dir, "made", "localhost-key.pem") });
      expect(configured.source).toBe("configured");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("defaults to the folder office-addin-dev-certs uses", () => {
    expect(officeDevCertsDir()).toBe(path.join(os.homedir(), ".office-addin-dev-certs"));
  });
});

describe("certificates", () => {
  it("generates a localhost certificate once, then reuses it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-cert-"));
    try {
      const first = await loadOrCreateCertificate({ dataDir: dir, hostNames: ["eg.local"] });
      expect(first.source).toBe("generated");
      const cert = new X509Certificate(first.cert);
      expect(cert.subjectAltName).toContain("DNS:localhost");
      expect(cert.subjectAltName).toContain("DNS:eg.local");
      expect(cert.subjectAltName).toContain("IP Address:127.0.0.1");
      expect(cert.checkPrivateKey(createPrivateKey(first.key))).toBe(true);
      const second = await loadOrCreateCertificate({ dataDir: dir });
      expect(second.source).toBe("reused");
      expect(second.cert).toBe(first.cert);
      // Close to expiry it is replaced.
      const later = await loadOrCreateCertificate({ dataDir: dir, now: new Date(Date.now() + 390 * 24 * 3600 * 1000) });
      expect(later.source).toBe("generated");
      expect(trustInstructions(first.certPath)).toContain(first.certPath);
      const configured = await loadOrCreateCertificate({ dataDir: dir, tlsCert: first.certPath, tlsKey: path.join(dir, "localhost-key.pem") });
      expect(configured.source).toBe("configured");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("diffPolicies", () => {
  it("lists changed, added and removed paths, treating 'warn' and ['warn'] alike", () => {
    const before = { version: 1, onError: "warn", organisation: { trustedDomains: ["a.gov.uk"] }, rules: { a: "warn", b: ["block", { n: 5 }], c: "off" } };
    const after = { version: 1, onError: "block", organisation: { trustedDomains: ["a.gov.uk", "b.gov.uk"], name: "X" }, rules: { a: ["warn"], b: ["block", { n: 6 }], d: "warn" } };
    expect(diffPolicies(before, after)).toEqual([
      { path: "onError", kind: "changed", before: "warn", after: "block" },
      { path: "organisation.name", kind: "added", after: "X" },
      { path: "organisation.trustedDomains", kind: "changed", before: ["a.gov.uk"], after: ["a.gov.uk", "b.gov.uk"] },
      { path: "rules.b[1].n", kind: "changed", before: 5, after: 6 },
      { path: "rules.c", kind: "removed", before: ["off"] },
      { path: "rules.d", kind: "added", after: ["warn"] },
    ]);
    expect(diffPolicies(before, before)).toEqual([]);
  });
});

describe("isoWeek", () => {
  it.each([
    ["2025-01-01T12:00:00Z", "2025-W01"],
    ["2024-12-30T00:00:00Z", "2025-W01"],
    ["2021-01-03T23:59:00Z", "2020-W53"],
    ["2025-03-09T23:00:00Z", "2025-W10"],
    ["2025-03-10T00:00:00Z", "2025-W11"],
  ])("%s is in %s", (at, week) => {
    expect(isoWeek(new Date(at))).toBe(week);
  });
});

describe("diffPolicies on rule settings of different shapes", () => {
  it("points at the severity and at the options added or removed", () => {
    expect(diffPolicies({ rules: { t: ["warn", { n: 1 }] } }, { rules: { t: "block" } })).toEqual([
      { path: "rules.t[0]", kind: "changed", before: "warn", after: "block" },
      { path: "rules.t[1]", kind: "removed", before: { n: 1 } },
    ]);
    expect(diffPolicies({ rules: { t: "off" } }, { rules: { t: ["warn", { n: 2 }] } })).toEqual([
      { path: "rules.t[0]", kind: "changed", before: "off", after: "warn" },
      { path: "rules.t[1]", kind: "added", after: { n: 2 } },
    ]);
  });
});
