/**
 * The two values the add-in receives from its policy server with the published policy
 * (`install: { token, salt }`, docs/server.md): the install token it sends with events, and the
 * secret salt of the pseudonymous sender id. They are kept in the runtime's storage, never in
 * the manifest or the bundle, so another Centre's add-in (or a copy of ours) has neither.
 * Written with promise chains (the handler bundle targets ES2016).
 */
import type { KeyValueStorage } from "./published-policy";

export const INSTALL_KEY = "etiquette-guard.install";
/** The header that carries the token on `POST /api/events`. */
export const INSTALL_TOKEN_HEADER = "X-EG-Install-Token";

export type InstallCredentials = Readonly<{ token: string; salt: string }>;

const VALUE = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * @param value - the `install` field of a published-policy answer (or what storage held)
 * @returns the credentials, or undefined when the value is not a pair of tokens
 */
export function parseInstallCredentials(value: unknown): InstallCredentials | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { token, salt } = value as { token?: unknown; salt?: unknown };
  return typeof token === "string" && typeof salt === "string" && VALUE.test(token) && VALUE.test(salt) ? { token, salt } : undefined;
}

/**
 * @param storage - the runtime's storage
 * @returns the stored credentials, or undefined (none yet, or unreadable)
 */
export function readInstallCredentials(storage: KeyValueStorage): Promise<InstallCredentials | undefined> {
  return storage.getItem(INSTALL_KEY).then(
    (text) => {
      if (!text) return undefined;
      try {
        return parseInstallCredentials(JSON.parse(text));
      } catch {
        return undefined;
      }
    },
    () => undefined,
  );
}

/**
 * Stores the credentials from a published-policy answer; ignores anything else. Never rejects.
 * @param storage - the runtime's storage
 * @param value - the answer's `install` field
 * @returns when written
 */
export function saveInstallCredentials(storage: KeyValueStorage, value: unknown): Promise<void> {
  const credentials = parseInstallCredentials(value);
  if (!credentials) return Promise.resolve();
  return storage.setItem(INSTALL_KEY, JSON.stringify(credentials)).then(
    () => undefined,
    () => undefined,
  );
}
