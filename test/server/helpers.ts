/**
 * Shared set-up for the server tests: an app on an in-memory database with one editor and one
 * viewer, and helpers to sign in and call the API with the session cookie and CSRF token.
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp, SESSION_COOKIE, type Stores } from "../../src/server/app";
import { loadConfig, type FileConfig, type ServerConfig } from "../../src/server/config";
import { openDatabaseFile, type Clock, type Db } from "../../src/server/db";

export const EDITOR = { email: "head@norcotearlyyearscentre.co.uk", password: "correct horse battery" };
export const VIEWER = { email: "bm@norcotearlyyearscentre.co.uk", password: "another long password" };

export type TestApp = Readonly<{
  app: FastifyInstance;
  stores: Stores;
  db: Db;
  config: ServerConfig;
  dist: string;
  close(): Promise<void>;
}>;

/**
 * Builds an app on a fresh in-memory database (or the given file) with an editor and a viewer.
 * @param options - config overrides, a clock, a database file
 * @returns the app and its parts
 */
export async function makeApp(options: { overrides?: FileConfig; clock?: Clock; dbFile?: string; users?: boolean } = {}): Promise<TestApp> {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "eg-dist-"));
  const config = loadConfig({ env: {}, overrides: { distDir: dist, publicOrigin: "https://addin.example.org", ...(options.overrides ?? {}) } });
  const db = openDatabaseFile(options.dbFile ?? ":memory:");
  const { app, stores } = await buildApp({ config, db, ...(options.clock ? { clock: options.clock } : {}) });
  if (options.users !== false && stores.accounts.listUsers().length === 0) {
    await stores.accounts.addUser(EDITOR.email, "editor", EDITOR.password);
    await stores.accounts.addUser(VIEWER.email, "viewer", VIEWER.password);
  }
  return {
    app,
    stores,
    db,
    config,
    dist,
    async close() {
      await app.close();
      db.close();
      fs.rmSync(dist, { recursive: true, force: true });
    },
  };
}

export type Client = Readonly<{
  cookie: string;
  csrf: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(method: "POST" | "PUT" | "DELETE", url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}>;

/**
 * Signs in and returns a client that sends the session cookie and the CSRF token.
 * @param app - the app
 * @param who - credentials
 * @returns the client
 */
export async function signIn(app: FastifyInstance, who: { email: string; password: string }): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/session/login", payload: who });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("no session cookie");
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const cookieHeader = `${SESSION_COOKIE}=${cookie.value}`;
  return {
    cookie: cookieHeader,
    csrf,
    get: (url, headers = {}) => app.inject({ method: "GET", url, headers: { cookie: cookieHeader, ...headers } }),
    send: (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie: cookieHeader, "x-csrf-token": csrf, ...headers },
        ...(payload === undefined ? {} : typeof payload === "string" ? { payload } : { payload: payload as object }),
      }),
  };
}
