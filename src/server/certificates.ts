/**
 * The server's TLS certificate: the configured files, or a self-signed certificate for
 * `localhost` generated once and kept in the data folder (with instructions to trust it).
 */
import { X509Certificate } from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import { generate } from "selfsigned";

export type TlsMaterial = Readonly<{
  cert: string;
  key: string;
  /** Where the certificate came from. */
  source: "configured" | "office-dev-certs" | "generated" | "reused";
  certPath: string;
}>;

const CERT_FILE = "localhost-cert.pem";
const KEY_FILE = "localhost-key.pem";
/** Regenerate a self-signed certificate this long before it expires. */
const RENEW_BEFORE_MS = 14 * 24 * 3600 * 1000;

function stillValid(certPem: string, now: Date): boolean {
  try {
    const cert = new X509Certificate(certPem);
    return new Date(cert.validTo).getTime() - RENEW_BEFORE_MS > now.getTime();
  } catch {
    return false;
  }
}

/**
 * Where `npm run certs:install` (office-addin-dev-certs) puts its trusted development
 * certificate: localhost.crt and localhost.key in ~/.office-addin-dev-certs.
 * @returns the folder
 */
export function officeDevCertsDir(): string {
  return path.join(os.homedir(), ".office-addin-dev-certs");
}

/**
 * Loads or creates the certificate and key: the configured files; else the trusted development
 * certificate of `npm run certs:install` when present (Outlook desktop accepts it without
 * trusting anything by hand); else a self-signed one kept in the data folder.
 * @param options - configured paths, the data folder and the host names to cover
 * @returns PEM text of both and where they came from
 */
export async function loadOrCreateCertificate(options: {
  tlsCert?: string;
  tlsKey?: string;
  dataDir: string;
  hostNames?: readonly string[];
  now?: Date;
  /** Folder of office-addin-dev-certs' files; null to ignore them. @default ~/.office-addin-dev-certs */
  devCertsDir?: string | null;
}): Promise<TlsMaterial> {
  if (options.tlsCert && options.tlsKey) {
    return { cert: fs.readFileSync(options.tlsCert, "utf8"), key: fs.readFileSync(options.tlsKey, "utf8"), source: "configured", certPath: options.tlsCert };
  }
  const now = options.now ?? new Date();
  const devDir = options.devCertsDir === undefined ? officeDevCertsDir() : options.devCertsDir;
  // Only for localhost: the development certificate names no other host.
  const onlyLocalhost = (options.hostNames ?? []).every((h) => h === "localhost" || h === "127.0.0.1");
  if (devDir && onlyLocalhost) {
    const devCert = path.join(devDir, "localhost.crt");
    const devKey = path.join(devDir, "localhost.key");
    if (fs.existsSync(devCert) && fs.existsSync(devKey)) {
      const cert = fs.readFileSync(devCert, "utf8");
      if (stillValid(cert, now)) return { cert, key: fs.readFileSync(devKey, "utf8"), source: "office-dev-certs", certPath: devCert };
    }
  }
  const certPath = path.join(options.dataDir, CERT_FILE);
  const keyPath = path.join(options.dataDir, KEY_FILE);
  if (fs.existsSync(certPath) && fs.existsSync(keyPath)) {
    const cert = fs.readFileSync(certPath, "utf8");
    if (stillValid(cert, now)) return { cert, key: fs.readFileSync(keyPath, "utf8"), source: "reused", certPath };
  }
  const names = [...new Set(["localhost", ...(options.hostNames ?? [])])];
  const altNames = [
    ...names.map((value) => ({ type: 2 as const, value })),
    { type: 7 as const, ip: "127.0.0.1" },
    { type: 7 as const, ip: "::1" },
  ];
  const pems = await generate([{ name: "commonName", value: "localhost" }, { name: "organizationName", value: "Etiquette Guard (development)" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 397 * 24 * 3600 * 1000),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames },
    ],
  });
  fs.mkdirSync(options.dataDir, { recursive: true });
  fs.writeFileSync(keyPath, pems.private, { mode: 0o600 });
  fs.writeFileSync(certPath, pems.cert, { mode: 0o644 });
  return { cert: pems.cert, key: pems.private, source: "generated", certPath };
}

/**
 * How to make this machine trust the generated certificate (Outlook refuses untrusted add-in hosts).
 * @param certPath - the certificate file
 * @returns instructions, one step per line
 */
export function trustInstructions(certPath: string): string {
  return [
    `The server uses a self-signed certificate for localhost: ${certPath}`,
    "Outlook only loads add-ins from a trusted HTTPS origin. Trust it once:",
    `  Windows (PowerShell): Import-Certificate -FilePath "${certPath}" -CertStoreLocation Cert:\\CurrentUser\\Root`,
    `  macOS:                sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain "${certPath}"`,
    `  Linux (Debian/Ubuntu): sudo cp "${certPath}" /usr/local/share/ca-certificates/etiquette-guard.crt && sudo update-ca-certificates`,
    "For a real deployment, set EG_TLS_CERT and EG_TLS_KEY to your organisation's certificate (docs/server.md).",
  ].join("\n");
}
