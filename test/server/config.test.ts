/**
 * Configuration precedence and errors, the example file, the generated certificate, the
 * policy diff and ISO weeks.
 */
import { X509Certificate, createPrivateKey } from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import { loadOrCreateCertificate, trustInstructions } from "../../src/server/certificates";
import { ConfigError, loadConfig } from "../../src/server/config";
import { diffPolicies } from "../../src/server/diff";
import { isoWeek } from "../../src/server/events";
import { parseServerArgs } from "../../src/server/main";

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
