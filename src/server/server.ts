/**
 * Starting and stopping the policy server: database in the data folder, TLS certificate
 * (configured or generated), the Fastify app listening on the configured port, and the
 * addresses to print for the person who started it.
 */
import fs from "fs";
import path from "path";
import type { FastifyInstance } from "fastify";
import { buildApp, type Stores } from "./app";
import { writePidFile } from "./backup";
import { loadOrCreateCertificate, trustInstructions, type TlsMaterial } from "./certificates";
import type { ServerConfig } from "./config";
import { openDatabase, type Db } from "./db";
import { readBuildInfo, readForOrigin } from "./origin-files";

/**
 * The manifest to sideload from a file: dist/manifest.xml when it was built for the public
 * origin, otherwise a copy for that origin written into the data folder.
 * @param config - the configuration
 * @returns the file's path
 */
export function writeManifestForOrigin(config: ServerConfig): string {
  const built = path.join(config.distDir, "manifest.xml");
  if (readBuildInfo(config.distDir).origin === config.publicOrigin) return built;
  const file = path.join(config.dataDir, "manifest.xml");
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, readForOrigin(config.distDir, "manifest.xml", config.publicOrigin) ?? "");
  return file;
}

export type RunningServer = Readonly<{
  app: FastifyInstance;
  stores: Stores;
  db: Db;
  /** The address it listens on, e.g. https://localhost:3000 */
  url: string;
  tls?: TlsMaterial;
  close(): Promise<void>;
}>;

/**
 * Opens the database, prepares TLS and starts listening.
 * @param config - the configuration
 * @returns the running server
 */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const db = openDatabase(config.dataDir);
  try {
    const hostName = new URL(config.publicOrigin).hostname;
    const tls = config.http ? undefined : await loadOrCreateCertificate({ ...config, hostNames: [hostName] });
    const { app, stores } = await buildApp({
      config,
      db,
      ...(tls ? { https: { cert: tls.cert, key: tls.key } } : {}),
    });
    await app.listen({ port: config.port, host: config.host });
    // `admin restore` refuses while this file names a live process.
    const removePidFile = writePidFile(config.dataDir);
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const url = `${config.http ? "http" : "https"}://${config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host}:${port}`;
    let closed = false;
    return {
      app,
      stores,
      db,
      url,
      ...(tls ? { tls } : {}),
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        db.close();
        removePidFile();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * What to print once the server is up.
 * @param server - the running server
 * @param config - its configuration
 * @returns lines of text
 */
export function startupMessage(server: RunningServer, config: ServerConfig): string {
  const origin = config.publicOrigin;
  const manifest = path.join(config.distDir, "manifest.xml");
  const sideload = fs.existsSync(manifest) ? writeManifestForOrigin(config) : undefined;
  const lines = [
    `Etiquette Guard policy server listening on ${server.url} (public origin ${origin})`,
    `  Data folder:  ${config.dataDir}`,
    `  Add-in:       ${origin}/taskpane.html`,
    `  Admin app:    ${origin}/admin/`,
  ];
  if (config.development) lines.push(`  Simulator:    ${origin}/simulator.html`);
  lines.push(`  Manifest:     ${origin}/manifest.xml`, `  Health:       ${origin}/healthz`);
  lines.push(
    sideload
      ? `Sideload this manifest in Outlook (Get Add-ins > My add-ins > Add a custom add-in > Add from file): ${sideload}`
      : `No manifest at ${manifest} yet: run \`npm run build\`.`,
  );
  if (server.stores.accounts.listUsers().length === 0) {
    lines.push("No SMT accounts yet. Create one:  npx etiquette-guard admin add-user you@example.org --role editor" + (config.dataDir ? ` --data "${config.dataDir}"` : ""));
  }
  if (server.tls?.source === "office-dev-certs") lines.push(`TLS: the trusted development certificate from \`npm run certs:install\` (${server.tls.certPath}).`);
  else if (server.tls && server.tls.source !== "configured") lines.push("", trustInstructions(server.tls.certPath));
  return `${lines.join("\n")}\n`;
}
