/**
 * SMT accounts and sessions. Passwords are hashed with scrypt (random salt per password,
 * timing-safe comparison); session ids are random and only their SHA-256 is stored, with an
 * expiry and a per-session CSRF token.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from "crypto";
import type { AuditLog } from "./audit";
import type { Clock, Db } from "./db";
import { UNSAFE_CHARACTERS } from "./input-checks";

export type Role = "editor" | "viewer";
export const ROLES: readonly Role[] = ["editor", "viewer"];

export type User = Readonly<{ id: number; email: string; role: Role; createdAt: string; lastLoginAt: string | null }>;

export type Session = Readonly<{ user: User; csrfToken: string; expiresAt: string; idHash: string }>;

/** A user-facing account error (unknown user, duplicate, bad password rules). */
export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AccountError";
  }
}

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 64 } as const;
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 1024;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, keyLength, { N, r, p, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hashes a password as `scrypt$N$r$p$salt$hash` (base64url parts).
 * @param password - the password
 * @returns the encoded hash
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLength);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/**
 * Checks a password against an encoded hash, in constant time for equal lengths.
 * @param password - the candidate
 * @param encoded - from `hashPassword`
 * @returns whether it matches
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, saltText, keyText] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyText, "base64url");
  const actual = await scryptAsync(password, Buffer.from(saltText, "base64url"), Number(n), Number(r), Number(p), expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password, checked when the account does not exist so timing reveals nothing. */
let dummyHash: Promise<string> | undefined;

/**
 * Checks a proposed password against the minimum rules.
 * @param password - the password
 * @throws AccountError when it is too short or too long
 */
export function checkPasswordRules(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AccountError(`the password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new AccountError(`the password must be at most ${MAX_PASSWORD_LENGTH} characters long`);
}

function hashId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

type UserRow = { id: number; email: string; role: Role; password_hash: string; created_at: string; last_login_at: string | null };

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, role: row.role, createdAt: row.created_at, lastLoginAt: row.last_login_at };
}

export class AccountStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates an account.
   * @param email - the SMT member's address (the user name)
   * @param role - editor or viewer
   * @param password - checked against the minimum rules
   * @param actor - who did it (for the audit log)
   * @returns the user
   * @throws AccountError for a bad address, role, password or an existing account
   */
  async addUser(email: string, role: Role, password: string, actor = "cli"): Promise<User> {
    const address = email.trim().toLowerCase();
    // Checked first: the message below would otherwise echo the hidden characters.
    if (UNSAFE_CHARACTERS.test(address)) throw new AccountError("the e-mail address has control or text-direction characters in it");
    if (!EMAIL.test(address)) throw new AccountError(`"${email}" is not an e-mail address`);
    if (!ROLES.includes(role)) throw new AccountError(`the role must be editor or viewer`);
    checkPasswordRules(password);
    const hash = await hashPassword(password);
    return this.db
      .transaction(() => {
        if (this.find(address)) throw new AccountError(`${address} already has an account`);
        const now = this.clock().toISOString();
        const info = this.db.prepare("INSERT INTO users (email, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)").run(address, role, hash, now, now);
        this.audit.record(actor, "user-added", { email: address, role });
        return this.byId(Number(info.lastInsertRowid)) as User;
      })
      .immediate();
  }

  /**
   * Sets a new password and signs the user out everywhere.
   * @param email - the account
   * @param password - the new password
   * @param actor - who did it
   * @throws AccountError for an unknown account or a bad password
   */
  async resetPassword(email: string, password: string, actor = "cli"): Promise<void> {
    checkPasswordRules(password);
    const hash = await hashPassword(password);
    this.db
      .transaction(() => {
        const user = this.find(email);
        if (!user) throw new AccountError(`there is no account for ${email}`);
        this.db.prepare("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?").run(hash, this.clock().toISOString(), user.id);
        this.db.prepare("DELETE FROM sessions WHERE user_id = ?").run(user.id);
        this.audit.record(actor, "password-reset", { email: user.email });
      })
      .immediate();
  }

  /**
   * Removes an account and its sessions.
   * @param email - the account
   * @param actor - who did it
   * @throws AccountError for an unknown account
   */
  removeUser(email: string, actor = "cli"): void {
    this.db
      .transaction(() => {
        const user = this.find(email);
        if (!user) throw new AccountError(`there is no account for ${email}`);
        this.db.prepare("DELETE FROM users WHERE id = ?").run(user.id);
        this.audit.record(actor, "user-removed", { email: user.email });
      })
      .immediate();
  }

  /** @returns every account, by e-mail */
  listUsers(): User[] {
    return (this.db.prepare("SELECT * FROM users ORDER BY email").all() as UserRow[]).map(toUser);
  }

  /**
   * @param email - an address (case-insensitive)
   * @returns the user, or undefined
   */
  find(email: string): User | undefined {
    const row = this.db.prepare("SELECT * FROM users WHERE email = ?").get(email.trim().toLowerCase()) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  private byId(id: number): User | undefined {
    const row = this.db.prepare("SELECT * FROM users WHERE id = ?").get(id) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  /**
   * Checks credentials. Takes the same time whether or not the account exists.
   * @param email - the address typed
   * @param password - the password typed
   * @returns the user, or undefined when the credentials are wrong
   */
  async authenticate(email: string, password: string): Promise<User | undefined> {
    const row = this.db.prepare("SELECT * FROM users WHERE email = ?").get(email.trim().toLowerCase()) as UserRow | undefined;
    if (!row) {
      dummyHash ??= hashPassword(randomBytes(24).toString("base64url"));
      await verifyPassword(password, await dummyHash);
      return undefined;
    }
    return (await verifyPassword(password, row.password_hash)) ? toUser(row) : undefined;
  }

  /**
   * Starts a session.
   * @param user - the signed-in user
   * @param ttlMs - how long it lasts
   * @returns the session id to put in the cookie (only its hash is stored) and the session
   */
  createSession(user: User, ttlMs: number): { id: string; session: Session } {
    const id = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(32).toString("base64url");
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    this.db
      .transaction(() => {
        this.db.prepare("DELETE FROM sessions WHERE expires_at <= ?").run(now.toISOString());
        this.db.prepare("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)").run(hashId(id), user.id, csrfToken, now.toISOString(), expiresAt);
        this.db.prepare("UPDATE users SET last_login_at = ? WHERE id = ?").run(now.toISOString(), user.id);
      })
      .immediate();
    return { id, session: { user: { ...user, lastLoginAt: now.toISOString() }, csrfToken, expiresAt, idHash: hashId(id) } };
  }

  /**
   * Finds a live session by the id from the cookie.
   * @param id - the cookie value
   * @returns the session, or undefined when unknown or expired
   */
  session(id: string): Session | undefined {
    const idHash = hashId(id);
    const row = this.db
      .prepare("SELECT s.csrf_token, s.expires_at, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ? AND s.expires_at > ?")
      .get(idHash, this.clock().toISOString()) as (UserRow & { csrf_token: string; expires_at: string }) | undefined;
    if (!row) return undefined;
    return { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at, idHash };
  }

  /**
   * Ends a session.
   * @param idHash - the stored hash of the session id
   */
  endSession(idHash: string): void {
    this.db.prepare("DELETE FROM sessions WHERE id_hash = ?").run(idHash);
  }
}
