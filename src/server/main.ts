/**
 * Command-line entry of the policy server (`node lib/server/main.js [options]`, used by
 * `npm start`). Reads the configuration, starts the server, prints where it is, and stops
 * cleanly on SIGINT/SIGTERM.
 */
import { parseArgs, type ParseArgsConfig } from "util";
import { argumentErrorMessage } from "./argument-error";
import { ConfigError, loadConfig, type FileConfig, type ServerConfig } from "./config";
import { DatabaseVersionError } from "./db";
import { startServer, startupMessage, type RunningServer } from "./server";

export const SERVER_USAGE = `Usage: node lib/server/main.js [options]
  --config FILE        JSON configuration (see config/etiquette-guard.example.json)
  --port N             port (default 3000; env EG_PORT)
  --host HOST          interface to listen on (default localhost; env EG_HOST)
  --data DIR           data folder (default ./data; env EG_DATA_DIR)
  --dist DIR           built add-in (default ./dist; env EG_DIST_DIR)
  --cert FILE --key FILE   TLS certificate and key (env EG_TLS_CERT, EG_TLS_KEY)
  --public-origin URL  origin staff use, e.g. https://addin.example.org (env EG_PUBLIC_ORIGIN)
  --http               plain HTTP, only behind a TLS-terminating proxy (env EG_HTTP=1)
  --dev                serve the Outlook simulator (env EG_DEVELOPMENT=1)
  --production         do not serve the Outlook simulator (npm start serves it unless given this)
  --help               show this help
`;

export type ServerIo = Readonly<{ stdout(text: string): void; stderr(text: string): void }>;

const SERVER_OPTIONS = {
  config: { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  data: { type: "string" },
  dist: { type: "string" },
  cert: { type: "string" },
  key: { type: "string" },
  "public-origin": { type: "string" },
  http: { type: "boolean" },
  dev: { type: "boolean" },
  production: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

/**
 * Parses server options (node:util parseArgs).
 * @param argv - the arguments
 * @returns the config file (if any) and overrides, or `help: true`
 * @throws ConfigError for an unknown option or a missing value
 */
export function parseServerArgs(argv: readonly string[]): { file?: string; overrides: FileConfig; help?: true } {
  let values: { [K in keyof typeof SERVER_OPTIONS]?: (typeof SERVER_OPTIONS)[K]["type"] extends "string" ? string : boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: SERVER_OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new ConfigError(`${argumentErrorMessage(error)}\n${SERVER_USAGE}`);
  }
  if (values.help) return { overrides: {}, help: true };
  const overrides: FileConfig = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new ConfigError(`--port: expected a port number, got ${values.port}`);
    overrides.port = port;
  }
  if (values.host !== undefined) overrides.host = values.host;
  if (values.data !== undefined) overrides.dataDir = values.data;
  if (values.dist !== undefined) overrides.distDir = values.dist;
  if (values.cert !== undefined) overrides.tlsCert = values.cert;
  if (values.key !== undefined) overrides.tlsKey = values.key;
  if (values["public-origin"] !== undefined) overrides.publicOrigin = values["public-origin"];
  if (values.http) overrides.http = true;
  if (values.dev) overrides.development = true;
  if (values.production) overrides.development = false;
  return { ...(values.config !== undefined ? { file: values.config } : {}), overrides };
}

/**
 * The one line to print when the port is taken.
 * @param port - the port asked for
 * @returns the message, naming --port
 */
export function portInUseMessage(port: number): string {
  return `Port ${port} is already in use (is another Etiquette Guard server running?). Stop it, or choose another port with --port, e.g. npm start -- --port ${port === 3443 ? 3444 : 3443}.`;
}

/**
 * Starts the server from command-line arguments.
 * @param argv - the arguments
 * @param io - where to print
 * @returns the running server and its configuration, or undefined after printing an error (or the help)
 */
export async function main(argv: readonly string[], io: ServerIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }): Promise<{ server: RunningServer; config: ServerConfig } | undefined> {
  let config: ServerConfig;
  try {
    const { file, overrides, help } = parseServerArgs(argv);
    if (help) {
      io.stdout(SERVER_USAGE);
      process.exitCode = 0;
      return undefined;
    }
    // --port 0 (any free port) is allowed on the command line for tests and benchmarks.
    const port = overrides.port;
    if (port === 0) delete overrides.port;
    config = loadConfig({ ...(file ? { file } : {}), overrides });
    if (port === 0) config = { ...config, port: 0 };
  } catch (error) {
    io.stderr(`etiquette-guard server: ${(error as Error).message}\n`);
    return undefined;
  }
  let server: RunningServer;
  try {
    server = await startServer(config);
  } catch (error) {
    if ((error as { code?: string }).code === "EADDRINUSE") {
      io.stderr(`etiquette-guard server: ${portInUseMessage(config.port)}\n`);
      return undefined;
    }
    if (error instanceof DatabaseVersionError) {
      io.stderr(`etiquette-guard server: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
  io.stdout(startupMessage(server, config));
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return { server, config };
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (started) => {
      if (!started && process.exitCode === undefined) process.exitCode = 2;
    },
    (error: unknown) => {
      process.stderr.write(`etiquette-guard server: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
