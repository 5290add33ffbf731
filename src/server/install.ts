/**
 * This installation's two secrets for the add-in, generated on first start and kept in the
 * database (which only the server's user can read):
 *
 * - the **install token**, which the add-in receives with the published policy and sends with
 *   every batch of events (`X-EG-Install-Token`), so `POST /api/events` takes events only from
 *   add-ins that fetched this Centre's policy. SMT can rotate it; the previous token is still
 *   accepted for a week, while add-ins pick up the new one.
 * - the **salt** of the pseudonymous sender id (`pseudonymousSender(email, salt)`), so an id in
 *   a report cannot be matched to an address by hashing the staff list with a public value.
 */
import { randomBytes, timingSafeEqual } from "crypto";
import type { Clock, Db } from "./db";

export const INSTALL_TOKEN_HEADER = "x-eg-install-token";
/** How long the token before a rotation is still accepted. */
export const PREVIOUS_TOKEN_GRACE_MS = 7 * 24 * 3600 * 1000;

const SALT = "install.salt";
const TOKEN = "install.token";
const PREVIOUS = "install.previous-token";
const PREVIOUS_UNTIL = "install.previous-until";

function secret(): string {
  return randomBytes(32).toString("base64url");
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class InstallSecrets {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.db
      .transaction(() => {
        const insert = this.db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)");
        insert.run(SALT, secret());
        insert.run(TOKEN, secret());
      })
      .immediate();
  }

  /** Prepared on first use: every event batch an add-in sends checks its token. */
  private select?: ReturnType<Db["prepare"]>;

  private get(key: string): string | undefined {
    this.select ??= this.db.prepare("SELECT value FROM meta WHERE key = ?");
    return (this.select.get(key) as { value: string } | undefined)?.value;
  }

  /** @returns the salt of the pseudonymous sender id */
  salt(): string {
    return this.get(SALT) as string;
  }

  /** @returns the current install token */
  token(): string {
    return this.get(TOKEN) as string;
  }

  /**
   * @param candidate - the token a client sent
   * @returns whether it is the current token, or the previous one within its week of grace
   */
  accepts(candidate: string): boolean {
    if (same(candidate, this.token())) return true;
    const previous = this.get(PREVIOUS);
    const until = Number(this.get(PREVIOUS_UNTIL) ?? 0);
    return previous !== undefined && this.clock().getTime() < until && same(candidate, previous);
  }

  /**
   * Issues a new token; the old one keeps working for `PREVIOUS_TOKEN_GRACE_MS`.
   * @returns the new token
   */
  rotateToken(): string {
    const next = secret();
    this.db
      .transaction(() => {
        const set = this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        set.run(PREVIOUS, this.token());
        set.run(PREVIOUS_UNTIL, String(this.clock().getTime() + PREVIOUS_TOKEN_GRACE_MS));
        set.run(TOKEN, next);
      })
      .immediate();
    return next;
  }
}
