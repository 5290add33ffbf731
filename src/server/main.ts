/**
 * Command-line entry of the policy server (`node lib/server/main.js [options]`, used by
 * `npm start`). Reads the configuration, starts the server, prints where it is, and stops
 * cleanly on SIGINT/SIGTERM.
 */
import { ConfigError, loadConfig, type FileConfig, type ServerConfig } from "./config";
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
`;

export type ServerIo = Readonly<{ stdout(text: string): void; stderr(text: string): void }>;

/**
 * Parses server options.
 * @param argv - the arguments
 * @returns the config file (if any) and overrides
 * @throws ConfigError for an unknown option or a missing value
 */
export function parseServerArgs(argv: readonly string[]): { file?: string; overrides: FileConfig } {
  const overrides: FileConfig = {};
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new ConfigError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case "--config":
        file = value();
        break;
      case "--port": {
        const v = value();
        overrides.port = Number(v);
        if (!Number.isInteger(overrides.port) || overrides.port < 0 || overrides.port > 65535) throw new ConfigError(`--port: expected a port number, got ${v}`);
        break;
      }
      case "--host":
        overrides.host = value();
        break;
      case "--data":
        overrides.dataDir = value();
        break;
      case "--dist":
        overrides.distDir = value();
        break;
      case "--cert":
        overrides.tlsCert = value();
        break;
      case "--key":
        overrides.tlsKey = value();
        break;
      case "--public-origin":
        overrides.publicOrigin = value();
        break;
      case "--http":
        overrides.http = true;
        break;
      case "--dev":
        overrides.development = true;
        break;
      case "--production":
        overrides.development = false;
        break;
      default:
        throw new ConfigError(`unknown option ${arg}\n${SERVER_USAGE}`);
    }
  }
  return { ...(file ? { file } : {}), overrides };
}

/**
 * Starts the server from command-line arguments.
 * @param argv - the arguments
 * @param io - where to print
 * @returns the running server and its configuration, or undefined after printing an error
 */
export async function main(argv: readonly string[], io: ServerIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }): Promise<{ server: RunningServer; config: ServerConfig } | undefined> {
  let config: ServerConfig;
  try {
    const { file, overrides } = parseServerArgs(argv);
    // --port 0 (any free port) is allowed on the command line for tests and benchmarks.
    const port = overrides.port;
    if (port === 0) delete overrides.port;
    config = loadConfig({ ...(file ? { file } : {}), overrides });
    if (port === 0) config = { ...config, port: 0 };
  } catch (error) {
    io.stderr(`etiquette-guard server: ${(error as Error).message}\n`);
    return undefined;
  }
  const server = await startServer(config);
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
      if (!started) process.exitCode = 2;
    },
    (error: unknown) => {
      process.stderr.write(`etiquette-guard server: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
