/**
 * Server configuration: defaults, then a JSON file (`EG_CONFIG` or `--config`), then
 * environment variables, then command-line options. Documented in docs/server.md; an example
 * file is config/etiquette-guard.example.json.
 */
import fs from "fs";
import path from "path";

export type ServerConfig = Readonly<{
  /** TCP port. @default 3000 */
  port: number;
  /** Interface to listen on. @default "localhost" */
  host: string;
  /** Folder for the database and the generated certificate. @default "./data" */
  dataDir: string;
  /** The built add-in (webpack output). @default "./dist" */
  distDir: string;
  /** PEM certificate and key files; when absent a self-signed localhost certificate is generated. */
  tlsCert?: string;
  tlsKey?: string;
  /** Serve plain HTTP (only behind a TLS-terminating reverse proxy). @default false */
  http: boolean;
  /** The origin staff reach the server at, e.g. https://addin.example.org. @default https://localhost:<port> */
  publicOrigin: string;
  /** Further origins allowed to read the published policy and post events (CORS). */
  addinOrigins: readonly string[];
  /** Serve the Outlook simulator (dist/simulator.html). @default true when NODE_ENV=development */
  development: boolean;
  /** Trust X-Forwarded-* from a reverse proxy. @default false */
  trustProxy: boolean;
  /** Session lifetime in hours. @default 8 */
  sessionHours: number;
  limits: Readonly<{
    /** Largest JSON body for the admin API, bytes. @default 262144 */
    bodyBytes: number;
    /** Largest body for POST /api/try (a .eml with attachments can be large), bytes. @default 5242880 */
    tryBodyBytes: number;
    /** Largest body for POST /api/events, bytes. @default 65536 */
    eventsBodyBytes: number;
    /** Sign-in attempts per IP address per minute. @default 10 */
    loginPerIpPerMinute: number;
    /** Failed sign-ins to one account from one address before each further try must wait (1 s, doubling, at most 15 minutes). @default 3 */
    loginFailuresPerAccount: number;
    /** Event batches per IP address per minute. @default 120 */
    eventsPerIpPerMinute: number;
    /** Events kept per pseudonymous sender per day (UTC); the rest are counted as dropped. @default 100 */
    eventsPerSenderPerDay: number;
    /** Events kept per installation per day (UTC), all senders together. @default 2000 */
    eventsPerInstallPerDay: number;
  }>;
}>;

/** A configuration problem, naming the setting. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type FileConfig = Partial<Mutable<Omit<ServerConfig, "limits">>> & { limits?: Partial<ServerConfig["limits"]> };

const FILE_KEYS = new Set([
  "port",
  "host",
  "dataDir",
  "distDir",
  "tlsCert",
  "tlsKey",
  "http",
  "publicOrigin",
  "addinOrigins",
  "development",
  "trustProxy",
  "sessionHours",
  "limits",
  "$schema",
  "comment",
]);
const LIMIT_KEYS = new Set(["bodyBytes", "tryBodyBytes", "eventsBodyBytes", "loginPerIpPerMinute", "loginFailuresPerAccount", "eventsPerIpPerMinute", "eventsPerSenderPerDay", "eventsPerInstallPerDay"]);

export const DEFAULT_LIMITS: ServerConfig["limits"] = {
  bodyBytes: 256 * 1024,
  tryBodyBytes: 5 * 1024 * 1024,
  eventsBodyBytes: 64 * 1024,
  loginPerIpPerMinute: 10,
  loginFailuresPerAccount: 3,
  eventsPerIpPerMinute: 120,
  eventsPerSenderPerDay: 100,
  eventsPerInstallPerDay: 2000,
};

function positiveInt(value: unknown, name: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > max) throw new ConfigError(`${name}: expected a whole number from 1 to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

function bool(value: unknown, name: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(1|true|yes|on)$/i.test(value)) return true;
  if (typeof value === "string" && /^(0|false|no|off|)$/i.test(value)) return false;
  throw new ConfigError(`${name}: expected true or false, got ${JSON.stringify(value)}`);
}

function str(value: unknown, name: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new ConfigError(`${name}: expected text, got ${JSON.stringify(value)}`);
  return value.trim();
}

/**
 * Normalises an origin (scheme, host and port, no path or trailing slash).
 * @param value - e.g. "https://addin.example.org/"
 * @param name - the setting, for the error
 * @returns e.g. "https://addin.example.org"
 * @throws ConfigError when it is not an http(s) origin
 */
export function normalizeOrigin(value: unknown, name: string): string {
  const text = str(value, name);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${name}: expected an origin such as https://addin.example.org, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConfigError(`${name}: expected an https:// origin`);
  if (url.pathname !== "/" || url.search || url.hash) throw new ConfigError(`${name}: expected an origin without a path, got ${JSON.stringify(value)}`);
  return url.origin;
}

function readFileConfig(file: string): FileConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new ConfigError(`${file}: ${(e as Error).message}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigError(`${file}: expected a JSON object`);
  for (const key of Object.keys(raw)) if (!FILE_KEYS.has(key)) throw new ConfigError(`${file}: unknown setting "${key}"`);
  const limits = (raw as FileConfig).limits;
  if (limits !== undefined) {
    if (typeof limits !== "object" || limits === null) throw new ConfigError(`${file}: limits: expected an object`);
    for (const key of Object.keys(limits)) if (!LIMIT_KEYS.has(key)) throw new ConfigError(`${file}: unknown setting "limits.${key}"`);
  }
  return raw as FileConfig;
}

export type LoadConfigOptions = Readonly<{
  env?: NodeJS.ProcessEnv;
  /** A JSON file; relative paths in it are resolved against its folder. */
  file?: string;
  /** Values from the command line (highest precedence). */
  overrides?: FileConfig;
  /** Folder relative paths are resolved against. @default process.cwd() */
  cwd?: string;
}>;

/**
 * Builds the configuration.
 * @param options - environment, file and overrides
 * @returns the configuration
 * @throws ConfigError naming the setting at fault
 */
export function loadConfig(options: LoadConfigOptions = {}): ServerConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const fileName = options.file ?? env.EG_CONFIG;
  const fromFile: FileConfig = fileName ? readFileConfig(path.resolve(cwd, fileName)) : {};
  const fileDir = fileName ? path.dirname(path.resolve(cwd, fileName)) : cwd;
  const fromEnv: FileConfig = {};
  const e = (name: string): string | undefined => (env[name] !== undefined && env[name] !== "" ? env[name] : undefined);
  if (e("EG_PORT") ?? e("PORT")) fromEnv.port = positiveInt(e("EG_PORT") ?? e("PORT"), "EG_PORT", 65535);
  if (e("EG_HOST")) fromEnv.host = e("EG_HOST");
  if (e("EG_DATA_DIR")) fromEnv.dataDir = path.resolve(cwd, e("EG_DATA_DIR") as string);
  if (e("EG_DIST_DIR")) fromEnv.distDir = path.resolve(cwd, e("EG_DIST_DIR") as string);
  if (e("EG_TLS_CERT")) fromEnv.tlsCert = path.resolve(cwd, e("EG_TLS_CERT") as string);
  if (e("EG_TLS_KEY")) fromEnv.tlsKey = path.resolve(cwd, e("EG_TLS_KEY") as string);
  if (e("EG_HTTP")) fromEnv.http = bool(e("EG_HTTP"), "EG_HTTP");
  if (e("EG_PUBLIC_ORIGIN")) fromEnv.publicOrigin = e("EG_PUBLIC_ORIGIN");
  if (e("EG_ADDIN_ORIGINS")) fromEnv.addinOrigins = (e("EG_ADDIN_ORIGINS") as string).split(",").map((s) => s.trim()).filter(Boolean);
  if (e("EG_DEVELOPMENT")) fromEnv.development = bool(e("EG_DEVELOPMENT"), "EG_DEVELOPMENT");
  if (e("EG_TRUST_PROXY")) fromEnv.trustProxy = bool(e("EG_TRUST_PROXY"), "EG_TRUST_PROXY");
  if (e("EG_SESSION_HOURS")) fromEnv.sessionHours = positiveInt(e("EG_SESSION_HOURS"), "EG_SESSION_HOURS", 24 * 30);

  const fileResolved: FileConfig = { ...fromFile };
  for (const key of ["dataDir", "distDir", "tlsCert", "tlsKey"] as const) {
    const v = fromFile[key];
    if (v !== undefined) fileResolved[key] = path.resolve(fileDir, str(v, key));
  }
  const merged: FileConfig = { ...fileResolved, ...fromEnv, ...(options.overrides ?? {}) };
  const limits = { ...DEFAULT_LIMITS, ...(fromFile.limits ?? {}), ...(options.overrides?.limits ?? {}) };
  for (const [k, v] of Object.entries(limits)) positiveInt(v, `limits.${k}`);

  const port = merged.port === undefined ? 3000 : positiveInt(merged.port, "port", 65535);
  const http = merged.http === undefined ? false : bool(merged.http, "http");
  if ((merged.tlsCert === undefined) !== (merged.tlsKey === undefined)) throw new ConfigError("tlsCert and tlsKey: give both or neither");
  const publicOrigin = normalizeOrigin(merged.publicOrigin ?? `https://localhost:${port}`, "publicOrigin");
  const addinOrigins = (merged.addinOrigins ?? []).map((o, i) => normalizeOrigin(o, `addinOrigins[${i}]`));
  return {
    port,
    host: merged.host === undefined ? "localhost" : str(merged.host, "host"),
    dataDir: path.resolve(cwd, merged.dataDir ?? "data"),
    distDir: path.resolve(cwd, merged.distDir ?? "dist"),
    ...(merged.tlsCert !== undefined ? { tlsCert: path.resolve(cwd, merged.tlsCert), tlsKey: path.resolve(cwd, merged.tlsKey as string) } : {}),
    http,
    publicOrigin,
    addinOrigins,
    development: merged.development === undefined ? env.NODE_ENV === "development" : bool(merged.development, "development"),
    trustProxy: merged.trustProxy === undefined ? false : bool(merged.trustProxy, "trustProxy"),
    sessionHours: merged.sessionHours === undefined ? 8 : positiveInt(merged.sessionHours, "sessionHours", 24 * 30),
    limits,
  };
}
